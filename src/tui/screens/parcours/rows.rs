//! The Parcours rows: their order (most urgent first) and what each says in words — its
//! stage, when its stay is due to end, what comes next.

use crate::domain::Structure;
use crate::i18n::{self, Label, Lang};
use crate::pathway::placement::episode_kind;
use crate::pathway::stage::{NextStep, next_step};
use crate::pathway::{Alert, Stage};
use crate::tui::context::Context;
use crate::tui::shared::name_order;
use chrono::NaiveDate;

/// What orders the rows besides the alerts, worked out once per workspace (not at each
/// horizon or filter change): each structure's due end and its place among the names.
#[derive(Debug, Default)]
pub struct OrderKeys {
    deadlines: Vec<Option<NaiveDate>>,
    names: Vec<u32>,
}

impl OrderKeys {
    pub fn new(ctx: &Context) -> OrderKeys {
        let structures = &ctx.workspace.structures;
        let settings = &ctx.workspace.territory.pathway;
        let names: Vec<&str> = structures.iter().map(|s| s.name.as_str()).collect();
        OrderKeys {
            deadlines: structures
                .iter()
                .map(|s| next_step(s, ctx.today, settings).deadline)
                .collect(),
            names: name_order::places(&names),
        }
    }

    /// Structures with an alert first, by days left (their first alert is the most urgent:
    /// the list comes sorted), then by the end of their current stay, then the others; by
    /// name within a tie. With `alerts_only`, only those with an alert.
    pub fn ordered<'a>(
        &self,
        alerts: impl Iterator<Item = &'a Alert>,
        alerts_only: bool,
    ) -> Vec<usize> {
        let count = self.names.len();
        let mut urgency: Vec<Option<usize>> = vec![None; count];
        for (rank, alert) in alerts.enumerate() {
            if let Some(slot) = urgency.get_mut(alert.index)
                && slot.is_none()
            {
                *slot = Some(rank);
            }
        }
        let mut rows: Vec<usize> = (0..count)
            .filter(|&i| !alerts_only || urgency[i].is_some())
            .collect();
        // Every key a number or a date: no name compared while 100 000 rows sort.
        rows.sort_unstable_by_key(|&i| {
            (
                urgency[i].is_none(),
                urgency[i],
                self.deadlines[i].is_none(),
                self.deadlines[i],
                self.names[i],
            )
        });
        rows
    }
}

/// Where the structure stands: « occupation temporaire », « sans local »…
pub fn stage_words(step: &NextStep, lang: Lang) -> &'static str {
    step.stage.label(lang)
}

/// What comes next, in a few words: the planned placement, the kind of site to look for, or
/// nothing (anchored, or gone).
pub fn next_words(ctx: &Context, structure: &Structure, lang: Lang) -> String {
    let step = next_step(structure, ctx.today, &ctx.workspace.territory.pathway);
    if let Some(planned) = step.planned {
        let place = planned
            .site
            .as_ref()
            .and_then(|id| ctx.workspace.site(id))
            .map(|s| s.name.clone())
            .or_else(|| planned.place.clone())
            .unwrap_or_default();
        return format!(
            "{} {place} ({})",
            lang.pick("prévu\u{a0}:", "planned:"),
            i18n::date(planned.from, lang)
        );
    }
    match step.target {
        Some(kind) => format!("→ {}", Stage::of(episode_kind(kind)).label(lang)),
        None => "—".to_owned(),
    }
}

/// « dans 63 j », « il y a 12 j », « aujourd’hui ».
pub fn days_left(days: i64, lang: Lang) -> String {
    match (days, lang) {
        (0, _) => lang.pick("aujourd’hui", "today").to_owned(),
        (d, Lang::Fr) if d > 0 => format!("dans {d}\u{a0}j"),
        (d, Lang::Fr) => format!("il y a {}\u{a0}j", -d),
        (d, Lang::En) if d > 0 => format!("in {d} d"),
        (d, Lang::En) => format!("{} d ago", -d),
    }
}

/// An alert in words: « La Recyclerie des Lilas — occupation qui se termine sans suite prévue,
/// 31/01/2027 (dans 63 j) ».
pub fn alert_words(ctx: &Context, alert: &crate::pathway::Alert, lang: Lang) -> String {
    let name = ctx
        .workspace
        .structures
        .get(alert.index)
        .map_or(alert.structure.as_str(), |s| s.name.as_str());
    let when = match (alert.end, alert.days_left) {
        (Some(end), Some(days)) => {
            format!(", {} ({})", i18n::date(end, lang), days_left(days, lang))
        }
        _ => String::new(),
    };
    format!("{name} — {}{when}", alert.kind.label(lang))
}
