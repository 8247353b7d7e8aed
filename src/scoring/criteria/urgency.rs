//! Pathway urgency: a structure whose occupation ends soon, or who is ready to leave an
//! incubator, ranks higher for its *next* step — so the ranking serves the residential pathway
//! (incubator → temporary occupation → permanent premises).
//!
//! The structure's situation today gives a base value:
//! - occupation (temporary or incubator) ending within the horizon: 0.5 → 1 as the end nears,
//!   1 once it is past;
//! - in an incubator for longer than `incubation_ready_months`: 0.9;
//! - no premises at all: 0.5; other premises: 0.4;
//! - temporary occupation or incubation with time left: 0.3 and 0.2;
//! - permanent premises: 0 (already anchored durably).
//!
//! It is multiplied by how well the site's kind fits as the next step: moving forward (incubator
//! → temporary or permanent, temporary → permanent) keeps it whole; another temporary site after
//! a temporary one keeps 0.8; going back to an incubator keeps 0.3.

use super::unit;
use crate::domain::{EpisodeKind, SiteKind, Structure};
use crate::scoring::Settings;
use chrono::NaiveDate;

/// Where the structure stands today on its pathway.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Situation {
    NoPremises,
    Ending { kind: EpisodeKind, days_left: i64 },
    ReadyToLeaveIncubator { months_in: u32 },
    Settled { kind: EpisodeKind },
}

pub fn situation(structure: &Structure, today: NaiveDate, settings: &Settings) -> Situation {
    let Some(current) = structure.current_episode(today) else {
        // An occupation that ended recently without a next step is the most urgent case.
        let just_ended = structure
            .pathway
            .iter()
            .filter(|e| matches!(e.kind, EpisodeKind::Transitional | EpisodeKind::Incubation))
            .filter_map(|e| e.to.map(|to| (e.kind, to)))
            .filter(|(_, to)| *to < today)
            .max_by_key(|(_, to)| *to);
        return match just_ended {
            Some((kind, to))
                if (today - to).num_days() <= i64::from(settings.urgency_horizon_days) =>
            {
                Situation::Ending {
                    kind,
                    days_left: (to - today).num_days(),
                }
            }
            _ => Situation::NoPremises,
        };
    };
    let horizon = i64::from(settings.urgency_horizon_days);
    if matches!(
        current.kind,
        EpisodeKind::Transitional | EpisodeKind::Incubation
    ) && let Some(to) = current.to
    {
        let days_left = (to - today).num_days();
        if days_left <= horizon {
            return Situation::Ending {
                kind: current.kind,
                days_left,
            };
        }
    }
    if current.kind == EpisodeKind::Incubation {
        let months_in = months_between(current.from, today);
        if months_in >= settings.incubation_ready_months {
            return Situation::ReadyToLeaveIncubator { months_in };
        }
    }
    Situation::Settled { kind: current.kind }
}

fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let days = (to - from).num_days().max(0);
    // Average month length; an explanation rounds it anyway.
    (days as f64 / 30.4375) as u32
}

fn base(situation: Situation, settings: &Settings) -> f64 {
    match situation {
        Situation::Ending { days_left, .. } => {
            let horizon = f64::from(settings.urgency_horizon_days.max(1));
            unit(0.5 + 0.5 * (1.0 - days_left as f64 / horizon))
        }
        Situation::ReadyToLeaveIncubator { .. } => 0.9,
        Situation::NoPremises => 0.5,
        Situation::Settled { kind } => match kind {
            EpisodeKind::Other => 0.4,
            EpisodeKind::Transitional => 0.3,
            EpisodeKind::Incubation => 0.2,
            EpisodeKind::Permanent => 0.0,
        },
    }
}

/// How well a site of `kind` fits as the next step after `from`.
pub fn step_fit(from: Option<EpisodeKind>, kind: SiteKind) -> f64 {
    match (from, kind) {
        (Some(EpisodeKind::Incubation), SiteKind::Incubator) => 0.3,
        (Some(EpisodeKind::Transitional), SiteKind::Incubator) => 0.3,
        (Some(EpisodeKind::Transitional), SiteKind::Transitional) => 0.8,
        _ => 1.0,
    }
}

fn from_kind(situation: Situation) -> Option<EpisodeKind> {
    match situation {
        Situation::NoPremises => None,
        Situation::Ending { kind, .. } | Situation::Settled { kind } => Some(kind),
        Situation::ReadyToLeaveIncubator { .. } => Some(EpisodeKind::Incubation),
    }
}

pub fn value(situation: Situation, kind: SiteKind, settings: &Settings) -> f64 {
    unit(base(situation, settings) * step_fit(from_kind(situation), kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s() -> Settings {
        Settings::default()
    }

    #[test]
    fn ending_soon_is_urgent_and_grows_as_the_end_nears() {
        let near = Situation::Ending {
            kind: EpisodeKind::Transitional,
            days_left: 30,
        };
        let far = Situation::Ending {
            kind: EpisodeKind::Transitional,
            days_left: 170,
        };
        let past = Situation::Ending {
            kind: EpisodeKind::Transitional,
            days_left: -10,
        };
        let k = SiteKind::Permanent;
        assert!(value(near, k, &s()) > value(far, k, &s()));
        assert_eq!(value(past, k, &s()), 1.0);
        assert!((value(far, k, &s()) - (0.5 + 0.5 * (10.0 / 180.0))).abs() < 1e-12);
    }

    #[test]
    fn next_step_beats_a_step_back() {
        let ready = Situation::ReadyToLeaveIncubator { months_in: 30 };
        assert_eq!(value(ready, SiteKind::Transitional, &s()), 0.9);
        assert!((value(ready, SiteKind::Incubator, &s()) - 0.27).abs() < 1e-12);
    }

    #[test]
    fn permanent_premises_are_not_urgent() {
        let settled = Situation::Settled {
            kind: EpisodeKind::Permanent,
        };
        assert_eq!(value(settled, SiteKind::Permanent, &s()), 0.0);
    }
}
