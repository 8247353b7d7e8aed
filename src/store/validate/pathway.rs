//! A structure's residential pathway: oldest episode first, and no two episodes at once.

use super::Context;
use crate::domain::PathwayEpisode;
use crate::i18n::{self, Lang};
use crate::store::expected::Expected;
use crate::store::problem::Problem;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    for (i, structure) in cx.workspace.structures.iter().enumerate() {
        let file = cx.structure_file(i);
        let pathway = &structure.pathway;
        for (j, episode) in pathway.iter().enumerate().skip(1) {
            if episode.from < pathway[j - 1].from {
                out.push(
                    Problem::new(
                        &file,
                        format!("structure.pathway[{j}].from"),
                        Expected::Chronological,
                    )
                    .with_value(&episode.from),
                );
            }
        }
        for (j, episode) in pathway.iter().enumerate() {
            // Report each overlapping pair once, on the later of the two in the list.
            if let Some(k) = (0..j).find(|&k| pathway[k].overlaps(episode)) {
                out.push(
                    Problem::new(
                        &file,
                        format!("structure.pathway[{j}]"),
                        Expected::NoOverlap {
                            other: describe(k, &pathway[k]),
                        },
                    )
                    .with_value(&span(episode)),
                );
            }
        }
    }
}

/// `pathway[1], 2021-03-01 → 2026-08-31` (ISO dates: the message is in the file's terms).
fn describe(index: usize, episode: &PathwayEpisode) -> String {
    format!("structure.pathway[{index}], {}", span(episode))
}

fn span(episode: &PathwayEpisode) -> String {
    let end = episode
        .to
        .map_or_else(|| "…".to_owned(), |to| i18n::date(to, Lang::En));
    format!("{} → {end}", i18n::date(episode.from, Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture::{places, run, workspace};
    use chrono::NaiveDate;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn overlapping_episodes() {
        let mut ws = workspace();
        // The second stay now runs past the start of the third (open-ended) one.
        ws.structures[0].pathway[1].to = Some(day("2027-01-31"));
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["structures/recyclerie-du-canal.json: structure.pathway[2]"]
        );
        assert!(
            matches!(&problems[0].expected, Expected::NoOverlap { other } if other.starts_with("structure.pathway[1]"))
        );
    }

    #[test]
    fn two_open_ended_episodes_overlap() {
        let mut ws = workspace();
        ws.structures[0].pathway[1].to = None;
        assert_eq!(run(&ws, check).len(), 1);
    }

    #[test]
    fn same_day_handover_is_not_an_overlap() {
        let mut ws = workspace();
        ws.structures[0].pathway[1].to = Some(day("2026-09-01"));
        assert!(run(&ws, check).is_empty());
    }

    #[test]
    fn episodes_out_of_order() {
        let mut ws = workspace();
        ws.structures[0].pathway.swap(0, 1);
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["structures/recyclerie-du-canal.json: structure.pathway[1].from"]
        );
        assert_eq!(problems[0].expected, Expected::Chronological);
    }
}
