//! Pathway alerts: who must move out soon with nowhere to go, and situations the data no
//! longer matches. Each alert names its structure, its end date and the days left (negative
//! once past), so a list sorts by urgency.
//!
//! Rules, for a structure still on the territory (its last stay did not end with it leaving
//! or stopping), on `today`:
//! - `ending_without_next`: its current stay is due to end (its end, or for an incubation the
//!   territory's exit setting) between today and the horizon (3, 6 or 12 months), and no next
//!   placement is decided (no planned episode, no stay starting later);
//! - `incubation_overdue`: its incubation has no end of its own and has lasted past the exit
//!   setting (24 months by default), with no next placement decided;
//! - `no_premises`: no stay covers today, none is decided, and no stay is still marked ongoing;
//! - `ended_still_ongoing`: a stay past its end is still marked ongoing (the data lags);
//! - `planned_not_started`: a planned stay whose start has passed is still only planned.
//!
//! Recording a placement (`placement::place`) answers the first three.

use crate::domain::{
    EpisodeKind, EpisodeOutcome, PathwaySettings, Structure, StructureId, Workspace,
};
use crate::pathway::stage::{due_end, has_left, is_default_exit, next_placement};
use chrono::{Months, NaiveDate};
use serde::Serialize;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    EndingWithoutNext,
    IncubationOverdue,
    NoPremises,
    EndedStillOngoing,
    PlannedNotStarted,
}

impl AlertKind {
    pub const ALL: [AlertKind; 5] = [
        AlertKind::EndingWithoutNext,
        AlertKind::IncubationOverdue,
        AlertKind::NoPremises,
        AlertKind::EndedStillOngoing,
        AlertKind::PlannedNotStarted,
    ];

    /// The name in JSON and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            AlertKind::EndingWithoutNext => "ending_without_next",
            AlertKind::IncubationOverdue => "incubation_overdue",
            AlertKind::NoPremises => "no_premises",
            AlertKind::EndedStillOngoing => "ended_still_ongoing",
            AlertKind::PlannedNotStarted => "planned_not_started",
        }
    }

    /// True when recording a next placement answers the alert.
    pub fn answered_by_placement(self) -> bool {
        matches!(
            self,
            AlertKind::EndingWithoutNext | AlertKind::IncubationOverdue | AlertKind::NoPremises
        )
    }
}

/// How far ahead an ending stay raises an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Within {
    Months3,
    #[default]
    Months6,
    Months12,
}

impl Within {
    pub const ALL: [Within; 3] = [Within::Months3, Within::Months6, Within::Months12];
    /// The longest horizon: its alerts hold those of every other (`narrowed`).
    pub const WIDEST: Within = Within::Months12;

    pub fn months(self) -> u32 {
        match self {
            Within::Months3 => 3,
            Within::Months6 => 6,
            Within::Months12 => 12,
        }
    }

    /// `3m`, `6m`, `12m`.
    pub fn code(self) -> &'static str {
        match self {
            Within::Months3 => "3m",
            Within::Months6 => "6m",
            Within::Months12 => "12m",
        }
    }

    /// The last day within the horizon: `today` plus the months (same day of the month).
    pub fn until(self, today: NaiveDate) -> NaiveDate {
        today
            .checked_add_months(Months::new(self.months()))
            .unwrap_or(NaiveDate::MAX)
    }
}

impl FromStr for Within {
    type Err = String;

    /// `3m`, `6m`, `12m` (also `3`, `6 mois`, `12 months`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let digits: String = s.trim().chars().take_while(char::is_ascii_digit).collect();
        let unit = s.trim()[digits.len()..].trim().to_lowercase();
        let unit_ok = ["", "m", "mois", "month", "months"].contains(&unit.as_str());
        match (digits.as_str(), unit_ok) {
            ("3", true) => Ok(Within::Months3),
            ("6", true) => Ok(Within::Months6),
            ("12", true) => Ok(Within::Months12),
            _ => Err(format!(
                "horizon inconnu «\u{a0}{s}\u{a0}» / unknown horizon: 3m, 6m ou/or 12m"
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alert {
    /// Index into `Workspace::structures` (for `alerts`; 0 from `alerts_for`, which sees one).
    #[serde(skip)]
    pub index: usize,
    pub structure: StructureId,
    pub kind: AlertKind,
    /// The end (or planned exit, or planned start) the alert is about; none for `no_premises`.
    pub end: Option<NaiveDate>,
    /// Days from today to `end`: negative once past.
    pub days_left: Option<i64>,
}

impl Alert {
    fn new(
        structure: &Structure,
        kind: AlertKind,
        end: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Self {
        Alert {
            index: 0,
            structure: structure.id.clone(),
            kind,
            end,
            days_left: end.map(|e| (e - today).num_days()),
        }
    }
}

/// The alerts of one structure (for a row of the cockpit), in rule order.
pub fn alerts_for(
    structure: &Structure,
    today: NaiveDate,
    within: Within,
    settings: &PathwaySettings,
) -> Vec<Alert> {
    let mut out = Vec::new();
    let mut stale = false;
    for episode in &structure.pathway {
        if episode.outcome == EpisodeOutcome::Ongoing
            && let Some(end) = episode.end().filter(|end| *end < today)
        {
            stale = true;
            out.push(Alert::new(
                structure,
                AlertKind::EndedStillOngoing,
                Some(end),
                today,
            ));
        }
    }
    for episode in structure.pathway.iter().filter(|e| e.is_planned()) {
        if episode.from < today {
            out.push(Alert::new(
                structure,
                AlertKind::PlannedNotStarted,
                Some(episode.from),
                today,
            ));
        }
    }
    if has_left(structure) || next_placement(structure, today).is_some() {
        return out;
    }
    match structure.current_episode(today) {
        Some(current) => {
            let Some(due) = due_end(current, settings) else {
                return out;
            };
            if today <= due && due <= within.until(today) {
                out.push(Alert::new(
                    structure,
                    AlertKind::EndingWithoutNext,
                    Some(due),
                    today,
                ));
            } else if due < today
                && current.kind == EpisodeKind::Incubation
                && is_default_exit(current)
            {
                out.push(Alert::new(
                    structure,
                    AlertKind::IncubationOverdue,
                    Some(due),
                    today,
                ));
            }
        }
        None if !stale => {
            out.push(Alert::new(structure, AlertKind::NoPremises, None, today));
        }
        None => {}
    }
    out
}

/// Every alert of the workspace, most urgent first: by days left (past ends first, alerts
/// without a date last), then by kind and structure id.
pub fn alerts(workspace: &Workspace, today: NaiveDate, within: Within) -> Vec<Alert> {
    let settings = &workspace.territory.pathway;
    let mut all: Vec<Alert> = workspace
        .structures
        .iter()
        .enumerate()
        .flat_map(|(index, s)| {
            alerts_for(s, today, within, settings)
                .into_iter()
                .map(move |a| Alert { index, ..a })
        })
        .collect();
    all.sort_by(|a, b| {
        let days = |x: &Alert| x.days_left.unwrap_or(i64::MAX);
        days(a)
            .cmp(&days(b))
            .then(a.kind.cmp(&b.kind))
            .then(a.structure.cmp(&b.structure))
    });
    all
}

/// The alerts within `within` among `widest`, the alerts worked out at the widest horizon
/// (12 months): only the end of an occupation with nothing next depends on the horizon, so
/// a shorter one keeps the others and those ends that fall within it — the same alerts, in
/// the same order, as `alerts` at that horizon, without going over every structure again.
pub fn narrowed(widest: &[Alert], today: NaiveDate, within: Within) -> Vec<Alert> {
    let until = within.until(today);
    widest
        .iter()
        .filter(|a| a.holds_until(until))
        .cloned()
        .collect()
}

impl Alert {
    /// Whether the alert stands at a horizon ending on `until` (`Within::until`), given that it
    /// stands at a wider one: see `narrowed`.
    pub fn holds_until(&self, until: NaiveDate) -> bool {
        self.kind != AlertKind::EndingWithoutNext || self.end.is_some_and(|e| e <= until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pathway::stage::tests::{day, episode, moved_on, planned, structure};

    const TODAY: &str = "2026-11-26";

    fn kinds(s: &Structure, within: Within) -> Vec<(AlertKind, Option<NaiveDate>, Option<i64>)> {
        alerts_for(s, day(TODAY), within, &PathwaySettings::default())
            .into_iter()
            .map(|a| (a.kind, a.end, a.days_left))
            .collect()
    }

    #[test]
    fn narrowing_the_widest_alerts_gives_those_of_each_horizon() {
        let territory = crate::cli::demo_data::embedded_territory().expect("territory");
        let mut horizons_differ = false;
        for seed in 1..5 {
            let made = day("2026-11-26");
            let size = crate::demo_data::Size {
                structures: 400,
                sites: 20,
            };
            let ws = crate::demo_data::generate(&territory, size, seed, made);
            for today in ["2026-11-26", "2027-02-28", "2027-08-31", "2028-01-15"] {
                let today = day(today);
                let widest = alerts(&ws, today, Within::WIDEST);
                horizons_differ |= alerts(&ws, today, Within::Months3) != widest;
                for within in Within::ALL {
                    assert_eq!(
                        narrowed(&widest, today, within),
                        alerts(&ws, today, within),
                        "seed {seed}, {today}, {within:?}"
                    );
                }
            }
        }
        assert!(horizons_differ, "the horizon matters in these workspaces");
    }

    #[test]
    fn horizons_parse_and_end_on_the_same_day_of_the_month() {
        assert_eq!("6m".parse(), Ok(Within::Months6));
        assert_eq!("12 mois".parse(), Ok(Within::Months12));
        assert_eq!("3".parse(), Ok(Within::Months3));
        assert!("4m".parse::<Within>().is_err());
        assert!("6y".parse::<Within>().is_err());
        assert_eq!(Within::Months6.until(day(TODAY)), day("2027-05-26"));
        assert_eq!(Within::Months3.until(day("2026-11-30")), day("2027-02-28"));
    }

    #[test]
    fn an_occupation_ending_within_the_horizon_with_nothing_planned() {
        let s = structure(
            "a",
            vec![episode(
                EpisodeKind::Transitional,
                "2025-03-01",
                Some("2027-02-28"),
            )],
        );
        // 94 days from 26 November 2026 to 28 February 2027.
        let ending = (
            AlertKind::EndingWithoutNext,
            Some(day("2027-02-28")),
            Some(94),
        );
        assert!(
            kinds(&s, Within::Months3).is_empty(),
            "3 months end on 26 February"
        );
        assert_eq!(kinds(&s, Within::Months6), [ending]);
        assert_eq!(kinds(&s, Within::Months12), [ending]);
        let later = structure(
            "b",
            vec![episode(
                EpisodeKind::Transitional,
                "2025-03-01",
                Some("2027-06-30"),
            )],
        );
        assert!(kinds(&later, Within::Months6).is_empty());
        assert_eq!(kinds(&later, Within::Months12).len(), 1);
        // The horizon's last day counts; the day after does not.
        let edge = structure(
            "c",
            vec![episode(
                EpisodeKind::Other,
                "2020-01-01",
                Some("2027-05-26"),
            )],
        );
        assert_eq!(kinds(&edge, Within::Months6).len(), 1);
        let after = structure(
            "d",
            vec![episode(
                EpisodeKind::Other,
                "2020-01-01",
                Some("2027-05-27"),
            )],
        );
        assert!(kinds(&after, Within::Months6).is_empty());
        // Ending today is still within.
        let today = structure(
            "e",
            vec![episode(
                EpisodeKind::Transitional,
                "2025-01-01",
                Some(TODAY),
            )],
        );
        assert_eq!(kinds(&today, Within::Months3)[0].2, Some(0));
    }

    #[test]
    fn a_planned_placement_answers_the_ending_alert() {
        let mut s = structure(
            "a",
            vec![episode(
                EpisodeKind::Transitional,
                "2025-03-01",
                Some("2027-02-28"),
            )],
        );
        s.pathway
            .push(planned(EpisodeKind::Permanent, "2027-03-01", None));
        assert!(kinds(&s, Within::Months12).is_empty());
    }

    #[test]
    fn the_agreement_end_counts_when_the_stay_gives_none() {
        let mut e = episode(EpisodeKind::Transitional, "2025-03-01", None);
        e.agreement = Some(crate::domain::Agreement {
            end: Some(day("2027-01-31")),
            ..crate::domain::Agreement::of_kind(
                crate::domain::AgreementKind::ConventionOccupationTemporaire,
            )
        });
        let s = structure("a", vec![e]);
        assert_eq!(
            kinds(&s, Within::Months3),
            [(
                AlertKind::EndingWithoutNext,
                Some(day("2027-01-31")),
                Some(66)
            )]
        );
    }

    #[test]
    fn an_incubation_past_its_exit() {
        // 24 months from 1 March 2024: due 1 March 2026, 270 days before today.
        let s = structure(
            "a",
            vec![episode(EpisodeKind::Incubation, "2024-03-01", None)],
        );
        assert_eq!(
            kinds(&s, Within::Months6),
            [(
                AlertKind::IncubationOverdue,
                Some(day("2026-03-01")),
                Some(-270)
            )]
        );
        // Within its 24 months but due within the horizon: an ending stay.
        let young = structure(
            "b",
            vec![episode(EpisodeKind::Incubation, "2025-02-01", None)],
        );
        assert_eq!(
            kinds(&young, Within::Months6),
            [(
                AlertKind::EndingWithoutNext,
                Some(day("2027-02-01")),
                Some(67)
            )]
        );
        // The setting is the territory's.
        let settings = PathwaySettings {
            incubation_exit_months: 36,
        };
        assert!(alerts_for(&s, day(TODAY), Within::Months3, &settings).is_empty());
        assert_eq!(
            alerts_for(&s, day(TODAY), Within::Months6, &settings)[0].end,
            Some(day("2027-03-01"))
        );
        // A next step planned answers it.
        let mut answered = s.clone();
        answered.pathway.push(planned(
            EpisodeKind::Transitional,
            "2027-03-01",
            Some("2029-02-28"),
        ));
        assert!(kinds(&answered, Within::Months6).is_empty());
    }

    #[test]
    fn no_premises_unless_gone_or_placed() {
        let homeless = structure("a", Vec::new());
        assert_eq!(
            kinds(&homeless, Within::Months6),
            [(AlertKind::NoPremises, None, None)]
        );
        let between = structure(
            "b",
            vec![moved_on(
                EpisodeKind::Transitional,
                "2022-01-01",
                "2024-12-31",
            )],
        );
        assert_eq!(kinds(&between, Within::Months6)[0].0, AlertKind::NoPremises);
        let mut gone = between.clone();
        gone.pathway[0].outcome = EpisodeOutcome::Ceased;
        assert!(kinds(&gone, Within::Months6).is_empty());
        let mut placed = homeless.clone();
        placed
            .pathway
            .push(planned(EpisodeKind::Transitional, "2027-03-01", None));
        assert!(kinds(&placed, Within::Months6).is_empty());
        // A stay decided and recorded as ongoing but starting later is a next placement too.
        let arriving = structure(
            "c",
            vec![episode(
                EpisodeKind::Transitional,
                "2027-01-15",
                Some("2029-01-14"),
            )],
        );
        assert!(kinds(&arriving, Within::Months6).is_empty());
    }

    #[test]
    fn a_stay_past_its_end_still_marked_ongoing() {
        let s = structure(
            "a",
            vec![episode(
                EpisodeKind::Transitional,
                "2024-10-01",
                Some("2026-09-30"),
            )],
        );
        assert_eq!(
            kinds(&s, Within::Months6),
            [(
                AlertKind::EndedStillOngoing,
                Some(day("2026-09-30")),
                Some(-57)
            )],
            "not also no_premises: the data says it is still there"
        );
    }

    #[test]
    fn a_planned_stay_whose_start_has_passed() {
        let s = structure(
            "a",
            vec![
                moved_on(EpisodeKind::Incubation, "2023-01-01", "2026-09-30"),
                planned(EpisodeKind::Transitional, "2026-10-01", Some("2028-09-30")),
            ],
        );
        assert_eq!(
            kinds(&s, Within::Months6),
            [(
                AlertKind::PlannedNotStarted,
                Some(day("2026-10-01")),
                Some(-56)
            )]
        );
    }

    #[test]
    fn the_workspace_list_is_sorted_by_urgency() {
        let mut ws = crate::store::validate::fixture::workspace();
        ws.structures = vec![
            structure(
                "z-later",
                vec![episode(
                    EpisodeKind::Other,
                    "2020-01-01",
                    Some("2027-04-30"),
                )],
            ),
            structure("a-homeless", Vec::new()),
            structure(
                "m-soon",
                vec![episode(
                    EpisodeKind::Other,
                    "2020-01-01",
                    Some("2026-12-31"),
                )],
            ),
            structure(
                "b-stale",
                vec![episode(
                    EpisodeKind::Other,
                    "2020-01-01",
                    Some("2026-11-01"),
                )],
            ),
        ];
        let order: Vec<_> = alerts(&ws, day(TODAY), Within::Months6)
            .into_iter()
            .map(|a| (a.structure.to_string(), a.kind.code()))
            .collect();
        assert_eq!(
            order,
            [
                ("b-stale".to_owned(), "ended_still_ongoing"),
                ("m-soon".to_owned(), "ending_without_next"),
                ("z-later".to_owned(), "ending_without_next"),
                ("a-homeless".to_owned(), "no_premises"),
            ]
        );
    }
}
