//! Dates and durations: every start before its end, no zero-length duration.

use super::Context;
use crate::store::expected::Expected;
use crate::store::problem::Problem;
use chrono::NaiveDate;
use std::path::Path;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    for (i, site) in cx.workspace.sites.iter().enumerate() {
        let file = cx.site_file(i);
        if let Some(until) = site.available_until {
            not_after(
                &file,
                "site.available_from".into(),
                site.available_from,
                until,
                out,
            );
            for (l, lot) in site.lots.iter().enumerate() {
                if let Some(from) = lot.available_from {
                    not_after(
                        &file,
                        format!("site.lots[{l}].available_from"),
                        from,
                        until,
                        out,
                    );
                }
            }
        }
        if site.max_occupation_months == Some(0) {
            out.push(
                Problem::new(
                    &file,
                    "site.max_occupation_months",
                    Expected::NonZeroDuration,
                )
                .with_value(&0),
            );
        }
    }
    for (i, structure) in cx.workspace.structures.iter().enumerate() {
        let file = cx.structure_file(i);
        if structure.needs.duration.value == 0 {
            out.push(
                Problem::new(
                    &file,
                    "structure.needs.duration.value",
                    Expected::NonZeroDuration,
                )
                .with_value(&0),
            );
        }
        for (j, episode) in structure.pathway.iter().enumerate() {
            if let Some(to) = episode.to {
                not_after(
                    &file,
                    format!("structure.pathway[{j}].from"),
                    episode.from,
                    to,
                    out,
                );
            }
        }
    }
}

fn not_after(file: &Path, field: String, start: NaiveDate, end: NaiveDate, out: &mut Vec<Problem>) {
    if start > end {
        out.push(Problem::new(file, field, Expected::NotAfter { end }).with_value(&start));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture::{places, run, workspace};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn site_window_reversed() {
        let mut ws = workspace();
        ws.sites[0].available_from = day("2029-01-01");
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["sites/friche-des-rives.json: site.available_from"]
        );
        assert_eq!(
            problems[0].expected,
            Expected::NotAfter {
                end: day("2028-05-31")
            }
        );
        assert_eq!(problems[0].value.as_deref(), Some("\"2029-01-01\""));
    }

    #[test]
    fn lot_available_after_the_site_closes() {
        let mut ws = workspace();
        ws.sites[0].lots[1].available_from = Some(day("2028-06-01"));
        assert_eq!(
            places(&run(&ws, check)),
            ["sites/friche-des-rives.json: site.lots[1].available_from"]
        );
    }

    #[test]
    fn episode_ends_before_it_starts() {
        let mut ws = workspace();
        ws.structures[0].pathway[0].to = Some(day("2018-01-01"));
        assert_eq!(
            places(&run(&ws, check)),
            ["structures/recyclerie-du-canal.json: structure.pathway[0].from"]
        );
    }

    #[test]
    fn zero_durations() {
        let mut ws = workspace();
        ws.structures[1].needs.duration.value = 0;
        ws.sites[0].max_occupation_months = Some(0);
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "sites/friche-des-rives.json: site.max_occupation_months",
                "structures/velo-solidaire.json: structure.needs.duration.value",
            ]
        );
        assert!(
            problems
                .iter()
                .all(|p| p.expected == Expected::NonZeroDuration)
        );
    }
}
