//! `ancrage pathway show ID [--json]`: one structure's pathway and its next step.

use super::text;
use crate::cli::failure::{Failure, Outcome};
use crate::cli::output;
use crate::cli::unknown;
use crate::cli::workspace;
use crate::domain::{
    Grant, PathwayEpisode, SiteKind, Structure, StructureId, Support, Weights, Workspace,
};
use crate::i18n::{self, Label, Lang};
use crate::pathway::labels::alert_symbol;
use crate::pathway::{
    Alert, NextStep, Stage, Suggestion, Within, alerts_for, next_step, suggestions,
};
use crate::scoring::{Matcher, Settings};
use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Structure identifier (its file name in structures/).
    pub id: StructureId,
    /// The day the pathway is read on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// How far ahead an ending stay raises an alert: 3m, 6m or 12m.
    #[arg(long, default_value = "6m", value_name = "3m|6m|12m")]
    pub within: Within,
    /// How many sites to suggest for the next step.
    #[arg(long, default_value_t = 3)]
    pub limit: usize,
    /// JSON output.
    #[arg(long)]
    pub json: bool,
}

pub fn run(dir: &Path, args: &ShowArgs, lang: Lang) -> Outcome {
    let ws = workspace::load(dir, lang)?;
    let today = args.today.unwrap_or_else(crate::cli::today);
    unknown::structure(&ws, &args.id, lang)?;
    let index = ws.structure_index(&args.id).unwrap_or_default();
    let structure = &ws.structures[index];
    let settings = &ws.territory.pathway;
    let step = next_step(structure, today, settings);
    let found = alerts_for(structure, today, args.within, settings);
    let matcher = Matcher::new(&ws, today, &Settings::default());
    let suggested = suggestions(&ws, &matcher, index, &Weights::default(), args.limit, lang);
    let out = if args.json {
        json(&ws, structure, &step, &found, &suggested)?
    } else {
        words(&ws, structure, &step, &found, &suggested, today, lang)
    };
    output::print(&out, lang)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct Shown<'a> {
    structure: &'a str,
    name: &'a str,
    stage: Stage,
    current: Option<&'a PathwayEpisode>,
    deadline: Option<NaiveDate>,
    planned: Option<&'a PathwayEpisode>,
    next_kind: Option<SiteKind>,
    alerts: Vec<ShownAlert>,
    pathway: &'a [PathwayEpisode],
    grants: &'a [Grant],
    support: &'a [Support],
    suggestions: Vec<ShownSuggestion<'a>>,
}

#[derive(Serialize)]
struct ShownAlert {
    kind: &'static str,
    end: Option<NaiveDate>,
    days_left: Option<i64>,
}

#[derive(Serialize)]
struct ShownSuggestion<'a> {
    site: &'a str,
    name: &'a str,
    total: f64,
    eligible: bool,
    lot: Option<&'a str>,
}

fn json(
    ws: &Workspace,
    structure: &Structure,
    step: &NextStep<'_>,
    found: &[Alert],
    suggested: &[Suggestion],
) -> Result<String, Failure> {
    let shown = Shown {
        structure: structure.id.as_str(),
        name: &structure.name,
        stage: step.stage,
        current: step.current,
        deadline: step.deadline,
        planned: step.planned,
        next_kind: step.target,
        alerts: found
            .iter()
            .map(|a| ShownAlert {
                kind: a.kind.code(),
                end: a.end,
                days_left: a.days_left,
            })
            .collect(),
        pathway: &structure.pathway,
        grants: &structure.grants,
        support: &structure.support,
        suggestions: suggested
            .iter()
            .map(|s| ShownSuggestion {
                site: ws.sites[s.site].id.as_str(),
                name: &ws.sites[s.site].name,
                total: s.score.total,
                eligible: s.score.eligible,
                lot: s.card.lot.as_ref().map(|l| l.as_str()),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&shown).map_err(|e| Failure::new(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

fn words(
    ws: &Workspace,
    structure: &Structure,
    step: &NextStep<'_>,
    found: &[Alert],
    suggested: &[Suggestion],
    today: NaiveDate,
    lang: Lang,
) -> String {
    let colon = lang.pick("\u{a0}:", ":");
    let mut out = String::new();
    let city = ws.territory.city_name(&structure.home_city);
    let _ = writeln!(out, "{} — {city}", structure.name);
    let _ = writeln!(
        out,
        "{} {}{colon} {}",
        lang.pick("Étape au", "Stage on"),
        i18n::date(today, lang),
        match step.current {
            Some(current) => format!(
                "{} — {} ({})",
                step.stage.label(lang),
                text::place(ws, current),
                text::dates(current, lang)
            ),
            None => step.stage.label(lang).to_owned(),
        }
    );
    if let Some(agreement) = step.current.and_then(|c| c.agreement.as_ref()) {
        let _ = writeln!(
            out,
            "{}{colon} {}",
            lang.pick("Convention", "Agreement"),
            text::agreement(agreement, lang)
        );
    }
    if let Some(deadline) = step.deadline {
        let _ = writeln!(
            out,
            "{}{colon} {} ({})",
            lang.pick("Fin prévue", "Due to end"),
            i18n::date(deadline, lang),
            text::days((deadline - today).num_days(), lang)
        );
    }
    let next = match (step.planned, step.target) {
        (Some(planned), _) => match lang {
            Lang::Fr => format!(
                "prévue — {} — {} ({})",
                planned.kind.label(lang),
                text::place(ws, planned),
                text::dates(planned, lang)
            ),
            Lang::En => format!(
                "planned — {} — {} ({})",
                planned.kind.label(lang),
                text::place(ws, planned),
                text::dates(planned, lang)
            ),
        },
        (None, Some(kind)) => match lang {
            Lang::Fr => format!("un lieu {} (rien n’est prévu)", kind.label(lang)),
            Lang::En => format!("a {} site (nothing planned)", kind.label(lang)),
        },
        (None, None) => lang
            .pick("aucune (ancrée durablement)", "none (durably anchored)")
            .to_owned(),
    };
    let _ = writeln!(
        out,
        "{}{colon} {next}",
        lang.pick("Prochaine étape", "Next step")
    );
    if !found.is_empty() {
        let _ = writeln!(out, "\n{}{colon}", lang.pick("Alertes", "Alerts"));
        for a in found {
            let when = match (a.end, a.days_left) {
                (Some(end), Some(days)) => {
                    format!(" — {} ({})", i18n::date(end, lang), text::days(days, lang))
                }
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "  {} {}{when}",
                alert_symbol(a.kind),
                a.kind.label(lang)
            );
        }
    }
    let _ = writeln!(out, "\n{}{colon}", lang.pick("Parcours", "Pathway"));
    if structure.pathway.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            lang.pick("(aucun séjour enregistré)", "(no stay recorded)")
        );
    }
    for episode in &structure.pathway {
        let _ = writeln!(
            out,
            "  {} {} — {} ({}) — {}",
            if episode.is_planned() { "◇" } else { "■" },
            episode.kind.label(lang),
            text::place(ws, episode),
            text::dates(episode, lang),
            episode.outcome.label(lang)
        );
    }
    if !structure.grants.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{colon}",
            lang.pick("Fonds à impact", "Impact fund")
        );
        for g in &structure.grants {
            let decision = match g.granted {
                Some(granted) => match lang {
                    Lang::Fr => format!(
                        "{} accordés sur {} demandés",
                        i18n::money(granted, lang),
                        i18n::money(g.requested, lang)
                    ),
                    Lang::En => format!(
                        "{} granted of {} requested",
                        i18n::money(granted, lang),
                        i18n::money(g.requested, lang)
                    ),
                },
                None => match lang {
                    Lang::Fr => format!("{} demandés, en attente", i18n::money(g.requested, lang)),
                    Lang::En => format!("{} requested, pending", i18n::money(g.requested, lang)),
                },
            };
            let by = if g.committee.is_empty() {
                String::new()
            } else {
                format!(" — {}", g.committee)
            };
            let _ = writeln!(
                out,
                "  {} {} — {decision}{by}",
                g.year,
                g.purpose.label(lang)
            );
        }
    }
    if !structure.support.is_empty() {
        let _ = writeln!(out, "\n{}{colon}", lang.pick("Accompagnement", "Support"));
        for s in &structure.support {
            let until = s.to.map_or_else(
                || lang.pick("en cours", "ongoing").to_owned(),
                |to| i18n::date(to, lang),
            );
            let _ = writeln!(
                out,
                "  {} — {} ({} → {until})",
                ws.territory.support_organisation_name(&s.organisation),
                s.kind.label(lang),
                i18n::date(s.from, lang)
            );
        }
    }
    if !suggested.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{colon}",
            lang.pick("Lieux pour la prochaine étape", "Sites for the next step")
        );
        for (rank, s) in suggested.iter().enumerate() {
            let site = &ws.sites[s.site];
            let mark = if s.score.eligible {
                lang.pick("✓ éligible", "✓ eligible")
            } else {
                lang.pick("✗ non éligible", "✗ not eligible")
            };
            let city = ws.territory.city_name(&site.city);
            let name = if site.name.contains(city) {
                site.name.clone()
            } else {
                format!("{} ({city})", site.name)
            };
            let _ = writeln!(
                out,
                "  {}. {name} — {}/100 — {mark}",
                rank + 1,
                i18n::fixed(s.score.total, 1, lang)
            );
        }
    }
    i18n::typography(&out, lang)
}
