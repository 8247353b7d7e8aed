//! The yearly report for the territorial council, computed once and typed: the year's
//! placements and pathway moves, the territory's balance (m², jobs) by zone and city, the
//! pathway alerts on the report's day, and the impact fund's use by zone and purpose. Pure.

use crate::domain::{
    AgreementKind, Contact, EpisodeKind, GrantPurpose, Money, Surface, Workspace, Zone,
};
use crate::i18n::Lang;
use crate::pathway::{
    AlertKind, Balance, FundYear, Stage, Within, alerts, balance, fund_year, moves, stage,
};
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, PartialEq)]
pub struct CouncilOptions {
    pub year: i32,
    /// The day occupation and alerts are read on.
    pub today: NaiveDate,
    pub lang: Lang,
    /// Contact people, e-mails and phones: left out unless explicitly asked for.
    pub with_personal_data: bool,
}

/// A stay that began (or is planned to begin) during the year.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacementRow {
    pub structure: String,
    pub from: Option<EpisodeKind>,
    pub to: EpisodeKind,
    pub site: String,
    pub city: String,
    pub zone: Option<Zone>,
    pub on: NaiveDate,
    pub end: Option<NaiveDate>,
    pub surface: Option<Surface>,
    pub agreement: Option<AgreementKind>,
    /// The call the placement answers, by title.
    pub call: Option<String>,
    pub planned: bool,
    pub fte: f64,
    /// Only with personal data.
    pub contact: Option<Contact>,
}

/// How many structures took one kind of step during the year.
#[derive(Debug, Clone, PartialEq)]
pub struct MoveCount {
    pub from: Option<EpisodeKind>,
    pub to: EpisodeKind,
    pub lived: usize,
    pub planned: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AlertRow {
    pub structure: String,
    pub kind: AlertKind,
    pub end: Option<NaiveDate>,
    pub days_left: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrantRow {
    pub structure: String,
    pub zone: Option<Zone>,
    pub purpose: GrantPurpose,
    pub requested: Money,
    pub granted: Option<Money>,
    pub decided_on: Option<NaiveDate>,
    pub committee: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CouncilReport {
    pub territory: String,
    pub year: i32,
    pub today: NaiveDate,
    pub lang: Lang,
    pub personal_data: bool,
    pub placements: Vec<PlacementRow>,
    pub moves: Vec<MoveCount>,
    /// Structures at each stage on the report's day, in `Stage::ALL` order.
    pub stages: Vec<(Stage, usize)>,
    pub balance: Balance,
    pub alerts: Vec<AlertRow>,
    pub fund: FundYear,
    pub grants: Vec<GrantRow>,
}

impl CouncilReport {
    pub fn build(workspace: &Workspace, options: &CouncilOptions) -> CouncilReport {
        let found = moves(workspace, options.year);
        let mut counts: Vec<MoveCount> = Vec::new();
        let mut placements = Vec::new();
        for m in &found {
            match counts.iter_mut().find(|c| c.from == m.from && c.to == m.to) {
                Some(c) if m.planned => c.planned += 1,
                Some(c) => c.lived += 1,
                None => counts.push(MoveCount {
                    from: m.from,
                    to: m.to,
                    lived: usize::from(!m.planned),
                    planned: usize::from(m.planned),
                }),
            }
            let structure = &workspace.structures[m.index];
            let episode = &structure.pathway[m.episode];
            let site = m.site.as_ref().and_then(|id| workspace.site(id));
            placements.push(PlacementRow {
                structure: structure.name.clone(),
                from: m.from,
                to: m.to,
                site: site.map_or_else(
                    || episode.place.clone().unwrap_or_default(),
                    |s| s.name.clone(),
                ),
                city: site.map_or_else(String::new, |s| {
                    workspace.territory.city_name(&s.city).to_owned()
                }),
                zone: site.and_then(|s| workspace.territory.zone_of(&s.city)),
                on: m.on,
                end: episode.end(),
                surface: episode.surface.or_else(|| {
                    site.zip(episode.lot.as_ref())
                        .and_then(|(s, lot)| s.lot(lot))
                        .map(|l| l.surface)
                }),
                agreement: episode.agreement.as_ref().map(|a| a.kind),
                call: episode.application.as_ref().map(|a| {
                    workspace
                        .call(&a.call)
                        .map_or_else(|| a.call.to_string(), |c| c.title.clone())
                }),
                planned: m.planned,
                fte: structure.jobs.fte,
                contact: options
                    .with_personal_data
                    .then(|| structure.contact.as_ref().map(|c| c.0.clone()))
                    .flatten(),
            });
        }
        counts.sort_by_key(|c| (step_order(c.from, c.to), c.to, c.from));
        let stages = Stage::ALL
            .iter()
            .map(|&st| {
                let n = workspace
                    .structures
                    .iter()
                    .filter(|s| stage(s, options.today) == st)
                    .count();
                (st, n)
            })
            .collect();
        let grants = workspace
            .structures
            .iter()
            .flat_map(|s| {
                s.grants
                    .iter()
                    .filter(|g| g.year == options.year)
                    .map(move |g| GrantRow {
                        structure: s.name.clone(),
                        zone: workspace.territory.zone_of(&s.home_city),
                        purpose: g.purpose,
                        requested: g.requested,
                        granted: g.granted,
                        decided_on: g.decided_on,
                        committee: g.committee.clone(),
                    })
            })
            .collect();
        CouncilReport {
            territory: workspace.territory.name.clone(),
            year: options.year,
            today: options.today,
            lang: options.lang,
            personal_data: options.with_personal_data,
            placements,
            moves: counts,
            stages,
            balance: balance(workspace, options.today, options.year, None),
            alerts: alerts(workspace, options.today, Within::Months6)
                .into_iter()
                .map(|a| AlertRow {
                    structure: workspace.structures[a.index].name.clone(),
                    kind: a.kind,
                    end: a.end,
                    days_left: a.days_left,
                })
                .collect(),
            fund: fund_year(workspace, options.year),
            grants,
        }
    }

    /// Placements the year counts as moves forward on the pathway.
    pub fn forward_moves(&self) -> usize {
        self.moves
            .iter()
            .filter(|m| is_forward(m.from, m.to))
            .map(|m| m.lived + m.planned)
            .sum()
    }

    /// True when the report's day falls in its year (occupation figures are then the year's).
    pub fn is_current_year(&self) -> bool {
        self.today.year() == self.year
    }
}

fn is_forward(from: Option<EpisodeKind>, to: EpisodeKind) -> bool {
    matches!(
        (from, to),
        (
            Some(EpisodeKind::Incubation),
            EpisodeKind::Transitional | EpisodeKind::Permanent
        ) | (Some(EpisodeKind::Transitional), EpisodeKind::Permanent)
    )
}

/// Forward steps first (incubator → temporary → permanent), then the rest.
fn step_order(from: Option<EpisodeKind>, to: EpisodeKind) -> u8 {
    match (from, to) {
        (Some(EpisodeKind::Incubation), EpisodeKind::Transitional) => 0,
        (Some(EpisodeKind::Transitional), EpisodeKind::Permanent) => 1,
        (Some(EpisodeKind::Incubation), EpisodeKind::Permanent) => 2,
        (None, _) => 3,
        _ => 4,
    }
}
