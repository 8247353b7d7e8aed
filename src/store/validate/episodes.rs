//! What a pathway episode carries beyond its dates: the agreement it is held under (its end
//! after its start, signed before its end, a notice shorter than its term), the application it
//! answers (a call that exists and that the structure applied to for that site), the surface it
//! occupies, and planned episodes after the lived ones.
//!
//! A planned episode whose start has passed is not a problem of the file but of the day: it is
//! a pathway alert (`crate::pathway`), so a workspace never stops loading as time goes by.

use super::Context;
use crate::domain::{PathwayEpisode, StructureId};
use crate::store::expected::Expected;
use crate::store::problem::Problem;
use chrono::{Datelike, Months, NaiveDate};
use std::path::Path;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    for (i, structure) in cx.workspace.structures.iter().enumerate() {
        let file = cx.structure_file(i);
        let mut planned_seen = false;
        for (j, episode) in structure.pathway.iter().enumerate() {
            let field = format!("structure.pathway[{j}]");
            if episode.is_planned() {
                planned_seen = true;
            } else if planned_seen {
                out.push(
                    Problem::new(&file, format!("{field}.outcome"), Expected::PlannedLast)
                        .with_value(&episode.outcome),
                );
            }
            if let Some(surface) = episode.surface
                && !surface.is_valid()
            {
                out.push(
                    Problem::new(&file, format!("{field}.surface"), Expected::SurfaceInRange)
                        .with_value(&surface),
                );
            }
            agreement(&file, &field, episode, out);
            application(cx, &file, &field, &structure.id, episode, out);
        }
    }
}

fn agreement(file: &Path, field: &str, episode: &PathwayEpisode, out: &mut Vec<Problem>) {
    let Some(agreement) = &episode.agreement else {
        return;
    };
    let field = format!("{field}.agreement");
    let start = agreement.start.unwrap_or(episode.from);
    let end = agreement.end.or(episode.to);
    if let Some(end) = agreement.end
        && end < start
    {
        out.push(
            Problem::new(file, format!("{field}.end"), Expected::NotBefore { start })
                .with_value(&end),
        );
        return;
    }
    if let (Some(signed), Some(end)) = (agreement.signed_on, end)
        && signed > end
    {
        out.push(
            Problem::new(
                file,
                format!("{field}.signed_on"),
                Expected::NotAfter { end },
            )
            .with_value(&signed),
        );
    }
    if let (Some(notice), Some(end)) = (agreement.notice_months, end) {
        let term = whole_months(start, end);
        if notice > term {
            out.push(
                Problem::new(
                    file,
                    format!("{field}.notice_months"),
                    Expected::NoticeWithinTerm { months: term },
                )
                .with_value(&notice),
            );
        }
    }
}

/// Whole months from `start` to the day after `end` (an agreement from 1 March to 28 February
/// the next year lasts 12).
fn whole_months(start: NaiveDate, end: NaiveDate) -> u32 {
    let after_end = end.succ_opt().unwrap_or(end);
    let rough =
        (after_end.year() - start.year()) * 12 + after_end.month() as i32 - start.month() as i32;
    let mut months = u32::try_from(rough).unwrap_or(0);
    // A later day of the month in `start` than in `after_end` leaves the last month short.
    while months > 0
        && start
            .checked_add_months(Months::new(months))
            .is_none_or(|d| d > after_end)
    {
        months -= 1;
    }
    months
}

fn application(
    cx: &Context<'_>,
    file: &Path,
    field: &str,
    structure: &StructureId,
    episode: &PathwayEpisode,
    out: &mut Vec<Problem>,
) {
    let Some(reference) = &episode.application else {
        return;
    };
    if !cx.call_exists(reference.call.as_str()) {
        out.push(
            Problem::new(
                file,
                format!("{field}.application.call"),
                Expected::KnownCall,
            )
            .with_value(&reference.call),
        );
        return;
    }
    if let Some(call) = cx.workspace.call(&reference.call)
        && !call.has_application(structure, &reference.site)
    {
        out.push(
            Problem::new(
                file,
                format!("{field}.application.site"),
                Expected::KnownApplication {
                    call: reference.call.to_string(),
                },
            )
            .with_value(&reference.site),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Agreement, AgreementKind, ApplicationRef, CallId, EpisodeOutcome, SiteId, Surface,
    };
    use crate::store::validate::fixture::{places, run, workspace};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn cot() -> Agreement {
        Agreement::of_kind(AgreementKind::ConventionOccupationTemporaire)
    }

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn coherent_agreement_passes() {
        let mut ws = workspace();
        let episode = &mut ws.structures[0].pathway[2];
        episode.agreement = Some(Agreement {
            signed_on: Some(day("2026-08-20")),
            end: Some(day("2028-08-31")),
            renewable: true,
            notice_months: Some(3),
            ..cot()
        });
        assert!(run(&ws, check).is_empty());
    }

    #[test]
    fn agreement_ending_before_it_starts() {
        let mut ws = workspace();
        ws.structures[0].pathway[2].agreement = Some(Agreement {
            end: Some(day("2026-08-31")),
            ..cot()
        });
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["structures/recyclerie-du-canal.json: structure.pathway[2].agreement.end"]
        );
        assert_eq!(
            problems[0].expected,
            Expected::NotBefore {
                start: day("2026-09-01")
            }
        );
    }

    #[test]
    fn signed_after_its_end_and_notice_longer_than_the_term() {
        let mut ws = workspace();
        // The stay ran 2021-03-01 → 2026-08-31: 66 months.
        ws.structures[0].pathway[1].agreement = Some(Agreement {
            signed_on: Some(day("2026-09-15")),
            notice_months: Some(67),
            ..Agreement::of_kind(AgreementKind::BailCommercial)
        });
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "structures/recyclerie-du-canal.json: structure.pathway[1].agreement.signed_on",
                "structures/recyclerie-du-canal.json: structure.pathway[1].agreement.notice_months",
            ]
        );
        assert_eq!(
            problems[1].expected,
            Expected::NoticeWithinTerm { months: 66 }
        );
    }

    #[test]
    fn whole_months_of_a_term() {
        assert_eq!(whole_months(day("2025-03-01"), day("2026-02-28")), 12);
        assert_eq!(whole_months(day("2025-03-01"), day("2026-02-27")), 11);
        assert_eq!(whole_months(day("2025-03-01"), day("2025-03-01")), 0);
    }

    #[test]
    fn application_of_a_known_call_and_site() {
        let mut ws = workspace();
        let episode = &mut ws.structures[0].pathway[2];
        episode.application = Some(ApplicationRef {
            call: CallId::new("tempo-2026"),
            site: SiteId::new("friche-des-rives"),
        });
        assert!(run(&ws, check).is_empty());
        ws.structures[0].pathway[2].application = Some(ApplicationRef {
            call: CallId::new("tempo-2026"),
            site: SiteId::new("hotel-activites"),
        });
        ws.structures[0].pathway[1].application = Some(ApplicationRef {
            call: CallId::new("tempo-2019"),
            site: SiteId::new("friche-des-rives"),
        });
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "structures/recyclerie-du-canal.json: structure.pathway[1].application.call",
                "structures/recyclerie-du-canal.json: structure.pathway[2].application.site",
            ]
        );
    }

    #[test]
    fn planned_episodes_come_last_and_surfaces_are_sane() {
        let mut ws = workspace();
        ws.structures[0].pathway[1].outcome = EpisodeOutcome::Planned;
        ws.structures[0].pathway[0].surface = Some(Surface::m2(-3.0));
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "structures/recyclerie-du-canal.json: structure.pathway[0].surface",
                "structures/recyclerie-du-canal.json: structure.pathway[2].outcome",
            ]
        );
    }
}
