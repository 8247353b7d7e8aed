//! Where a structure stands on its pathway today, and what comes next.

use crate::domain::{
    EpisodeKind, EpisodeOutcome, PathwayEpisode, PathwaySettings, SiteKind, Structure,
};
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// The step of the pathway a structure is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Incubation,
    /// A temporary occupation (urbanisme transitoire).
    Temporary,
    /// Permanent premises at controlled cost: the pathway's aim.
    Permanent,
    /// Premises outside the programmes (a private lease, lent rooms…).
    Elsewhere,
    /// No premises today.
    None,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Incubation,
        Stage::Temporary,
        Stage::Permanent,
        Stage::Elsewhere,
        Stage::None,
    ];

    pub fn of(kind: EpisodeKind) -> Stage {
        match kind {
            EpisodeKind::Incubation => Stage::Incubation,
            EpisodeKind::Transitional => Stage::Temporary,
            EpisodeKind::Permanent => Stage::Permanent,
            EpisodeKind::Other => Stage::Elsewhere,
        }
    }

    /// The kind of site the pathway leads to from here: incubator → temporary occupation →
    /// permanent premises; a structure with no premises, or premises outside the programmes,
    /// enters through a temporary occupation. None once anchored in permanent premises.
    pub fn next_kind(self) -> Option<SiteKind> {
        match self {
            Stage::Incubation | Stage::Elsewhere | Stage::None => Some(SiteKind::Transitional),
            Stage::Temporary => Some(SiteKind::Permanent),
            Stage::Permanent => None,
        }
    }
}

/// The stage of `structure` on `today`, from its lived episode covering the day.
pub fn stage(structure: &Structure, today: NaiveDate) -> Stage {
    structure
        .current_episode(today)
        .map_or(Stage::None, |e| Stage::of(e.kind))
}

/// When a stay is due to end: its own end, else, for an incubation, its start plus the
/// territory's incubation exit (24 months by default). None for an open-ended stay elsewhere.
pub fn due_end(episode: &PathwayEpisode, settings: &PathwaySettings) -> Option<NaiveDate> {
    episode.end().or_else(|| {
        (episode.kind == EpisodeKind::Incubation)
            .then(|| {
                episode
                    .from
                    .checked_add_months(Months::new(settings.incubation_exit_months))
            })
            .flatten()
    })
}

/// True when the episode's end comes from the incubation exit setting, not from the data.
pub fn is_default_exit(episode: &PathwayEpisode) -> bool {
    episode.kind == EpisodeKind::Incubation && episode.end().is_none()
}

/// The next placement already decided: the first planned episode, or a lived one that has not
/// started yet.
pub fn next_placement(structure: &Structure, today: NaiveDate) -> Option<&PathwayEpisode> {
    structure
        .pathway
        .iter()
        .find(|e| e.is_planned() || e.from > today)
}

/// True when the structure's last lived stay says it left the territory or stopped: the
/// pathway is over, no alert is due.
pub fn has_left(structure: &Structure) -> bool {
    structure
        .pathway
        .iter()
        .rev()
        .find(|e| !e.is_planned())
        .is_some_and(|e| {
            matches!(
                e.outcome,
                EpisodeOutcome::LeftTerritory | EpisodeOutcome::Ceased
            )
        })
}

/// What the officer needs to know to act on one structure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NextStep<'a> {
    pub stage: Stage,
    /// The stay covering today.
    pub current: Option<&'a PathwayEpisode>,
    /// When the current stay is due to end (see `due_end`).
    pub deadline: Option<NaiveDate>,
    /// The placement already decided, if any: the next step is taken care of.
    pub planned: Option<&'a PathwayEpisode>,
    /// The kind of site to look for; none when anchored, gone, or a placement is planned.
    pub target: Option<SiteKind>,
}

pub fn next_step<'a>(
    structure: &'a Structure,
    today: NaiveDate,
    settings: &PathwaySettings,
) -> NextStep<'a> {
    let current = structure.current_episode(today);
    let stage = current.map_or(Stage::None, |e| Stage::of(e.kind));
    let planned = next_placement(structure, today);
    let target = if planned.is_some() || (current.is_none() && has_left(structure)) {
        None
    } else {
        stage.next_kind()
    };
    NextStep {
        stage,
        current,
        deadline: current.and_then(|e| due_end(e, settings)),
        planned,
        target,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::{
        Duration, InseeCode, Jobs, LegalForm, Money, Needs, SectorCode, StructureId, Surface,
    };

    pub fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    pub fn episode(kind: EpisodeKind, from: &str, to: Option<&str>) -> PathwayEpisode {
        PathwayEpisode {
            kind,
            site: None,
            lot: None,
            place: Some("Ailleurs".into()),
            from: day(from),
            to: to.map(day),
            fee: None,
            surface: None,
            agreement: None,
            application: None,
            outcome: EpisodeOutcome::Ongoing,
        }
    }

    pub fn planned(kind: EpisodeKind, from: &str, to: Option<&str>) -> PathwayEpisode {
        PathwayEpisode {
            outcome: EpisodeOutcome::Planned,
            ..episode(kind, from, to)
        }
    }

    pub fn moved_on(kind: EpisodeKind, from: &str, to: &str) -> PathwayEpisode {
        PathwayEpisode {
            outcome: EpisodeOutcome::MovedOn,
            ..episode(kind, from, Some(to))
        }
    }

    pub fn structure(id: &str, pathway: Vec<PathwayEpisode>) -> Structure {
        Structure {
            id: StructureId::new(id),
            name: format!("Structure {id}"),
            legal_form: LegalForm::Association,
            siret: None,
            esus: false,
            created_on: day("2015-01-01"),
            home_city: InseeCode::new("93048"),
            sector: SectorCode::new("reemploi"),
            description: String::new(),
            jobs: Jobs {
                fte: 2.0,
                inclusion_posts: 0,
                planned_local_jobs: 0,
            },
            youth_led: false,
            needs: Needs {
                surface_min: Surface::m2(50.0),
                surface_max: Surface::m2(100.0),
                use_types: vec![crate::domain::UseType::Workshop],
                required_features: Vec::new(),
                start: day("2027-03-01"),
                duration: Duration::months(24),
                max_annual_budget: Money::euros(20_000),
                preferred_cities: Vec::new(),
            },
            grant_requested: None,
            contact: None,
            pathway,
            grants: Vec::new(),
            support: Vec::new(),
        }
    }

    const TODAY: &str = "2026-11-26";

    #[test]
    fn stage_follows_the_lived_stay_covering_today() {
        let today = day(TODAY);
        let s = structure(
            "a",
            vec![
                moved_on(EpisodeKind::Incubation, "2022-01-01", "2024-02-29"),
                episode(EpisodeKind::Transitional, "2024-03-01", Some("2027-02-28")),
                planned(EpisodeKind::Permanent, "2027-03-01", None),
            ],
        );
        assert_eq!(stage(&s, today), Stage::Temporary);
        assert_eq!(stage(&s, day("2023-05-01")), Stage::Incubation);
        // The planned stay is not where the structure is, even once its start has passed.
        assert_eq!(stage(&s, day("2027-06-01")), Stage::None);
        assert_eq!(stage(&structure("b", Vec::new()), today), Stage::None);
        let elsewhere = structure("c", vec![episode(EpisodeKind::Other, "2020-01-01", None)]);
        assert_eq!(stage(&elsewhere, today), Stage::Elsewhere);
    }

    #[test]
    fn next_step_goes_forward_unless_a_placement_is_planned() {
        let today = day(TODAY);
        let settings = PathwaySettings::default();
        let incubated = structure(
            "a",
            vec![episode(EpisodeKind::Incubation, "2025-06-01", None)],
        );
        let step = next_step(&incubated, today, &settings);
        assert_eq!(step.stage, Stage::Incubation);
        assert_eq!(step.target, Some(SiteKind::Transitional));
        assert_eq!(
            step.deadline,
            Some(day("2027-06-01")),
            "24 months by default"
        );

        let mut temporary = structure(
            "b",
            vec![episode(
                EpisodeKind::Transitional,
                "2025-03-01",
                Some("2027-02-28"),
            )],
        );
        let step = next_step(&temporary, today, &settings);
        assert_eq!(step.target, Some(SiteKind::Permanent));
        assert_eq!(step.deadline, Some(day("2027-02-28")));
        temporary
            .pathway
            .push(planned(EpisodeKind::Permanent, "2027-03-01", None));
        let step = next_step(&temporary, today, &settings);
        assert_eq!(step.target, None);
        assert_eq!(step.planned.map(|e| e.from), Some(day("2027-03-01")));

        let anchored = structure(
            "c",
            vec![episode(EpisodeKind::Permanent, "2021-01-01", None)],
        );
        assert_eq!(next_step(&anchored, today, &settings).target, None);

        let mut gone = structure(
            "d",
            vec![moved_on(
                EpisodeKind::Transitional,
                "2020-01-01",
                "2022-01-01",
            )],
        );
        gone.pathway[0].outcome = EpisodeOutcome::LeftTerritory;
        assert_eq!(next_step(&gone, today, &settings).target, None);
        let homeless = structure("e", Vec::new());
        assert_eq!(
            next_step(&homeless, today, &settings).target,
            Some(SiteKind::Transitional)
        );
    }

    #[test]
    fn the_incubation_exit_is_a_setting() {
        let settings = PathwaySettings {
            incubation_exit_months: 18,
        };
        let e = episode(EpisodeKind::Incubation, "2025-06-01", None);
        assert_eq!(due_end(&e, &settings), Some(day("2026-12-01")));
        assert!(is_default_exit(&e));
        let ending = episode(EpisodeKind::Incubation, "2025-06-01", Some("2026-05-31"));
        assert_eq!(due_end(&ending, &settings), Some(day("2026-05-31")));
        assert!(!is_default_exit(&ending));
        let open = episode(EpisodeKind::Other, "2025-06-01", None);
        assert_eq!(due_end(&open, &settings), None);
    }
}
