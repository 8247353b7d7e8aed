//! Surfaces: each one plausible, minimum not above maximum, lots within their site.

use super::Context;
use crate::domain::Surface;
use crate::store::expected::Expected;
use crate::store::problem::Problem;
use std::path::Path;

/// Lots measured to the m² may add up a little over a rounded total (1 499,6 vs 1 500).
const ROUNDING_SLACK_M2: f64 = 1.0;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    for (i, site) in cx.workspace.sites.iter().enumerate() {
        let file = cx.site_file(i);
        let mut all_valid = true;
        if let Some(total) = site.total_surface {
            all_valid &= plausible(&file, "site.total_surface".into(), total, out);
        }
        for (l, lot) in site.lots.iter().enumerate() {
            all_valid &= plausible(&file, format!("site.lots[{l}].surface"), lot.surface, out);
        }
        // Adding up makes sense only when every figure is plausible.
        if let Some(total) = site.total_surface
            && all_valid
        {
            let lots = site.lots_surface();
            if lots.value() > total.value() + ROUNDING_SLACK_M2 {
                out.push(
                    Problem::new(
                        &file,
                        "site.lots",
                        Expected::LotsWithinTotal { lots, total },
                    )
                    .with_value(&lots),
                );
            }
        }
    }
    for (i, structure) in cx.workspace.structures.iter().enumerate() {
        let file = cx.structure_file(i);
        let needs = &structure.needs;
        let min_ok = plausible(
            &file,
            "structure.needs.surface_min".into(),
            needs.surface_min,
            out,
        );
        let max_ok = plausible(
            &file,
            "structure.needs.surface_max".into(),
            needs.surface_max,
            out,
        );
        if max_ok && needs.surface_max.value() <= 0.0 {
            out.push(
                Problem::new(&file, "structure.needs.surface_max", Expected::SomeSurface)
                    .with_value(&needs.surface_max),
            );
        }
        if min_ok && max_ok && needs.surface_min > needs.surface_max {
            out.push(
                Problem::new(
                    &file,
                    "structure.needs.surface_min",
                    Expected::AtMostMaximum {
                        max: needs.surface_max,
                    },
                )
                .with_value(&needs.surface_min),
            );
        }
    }
}

/// Reports a negative, infinite or absurd surface; true when it is fine.
fn plausible(file: &Path, field: String, surface: Surface, out: &mut Vec<Problem>) -> bool {
    let ok = surface.is_valid();
    if !ok {
        out.push(Problem::new(file, field, Expected::SurfaceInRange).with_value(&surface));
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture::{places, run, workspace};

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn negative_and_absurd_surfaces() {
        let mut ws = workspace();
        ws.sites[0].lots[0].surface = Surface::m2(-5.0);
        ws.sites[1].total_surface = Some(Surface::m2(2_000_000.0));
        ws.structures[1].needs.surface_max = Surface::m2(f64::INFINITY);
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "sites/friche-des-rives.json: site.lots[0].surface",
                "sites/hotel-activites.json: site.total_surface",
                "structures/velo-solidaire.json: structure.needs.surface_max",
            ]
        );
        assert_eq!(problems[0].value.as_deref(), Some("-5"));
        assert!(
            problems
                .iter()
                .all(|p| p.expected == Expected::SurfaceInRange)
        );
    }

    /// Issue 13, point 11: a zero surface range is a problem, not all-zero totals.
    #[test]
    fn zero_surface_range() {
        let mut ws = workspace();
        ws.structures[0].needs.surface_min = Surface::m2(0.0);
        ws.structures[0].needs.surface_max = Surface::m2(0.0);
        let problems = run(&ws, check);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field, "structure.needs.surface_max");
        assert_eq!(problems[0].expected, Expected::SomeSurface);
    }

    #[test]
    fn min_above_max() {
        let mut ws = workspace();
        ws.structures[0].needs.surface_min = Surface::m2(400.0);
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["structures/recyclerie-du-canal.json: structure.needs.surface_min"]
        );
        assert_eq!(
            problems[0].expected,
            Expected::AtMostMaximum {
                max: Surface::m2(300.0)
            }
        );
    }

    #[test]
    fn lots_above_total() {
        let mut ws = workspace();
        ws.sites[0].total_surface = Some(Surface::m2(1000.0));
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["sites/friche-des-rives.json: site.lots"]
        );
        assert_eq!(
            problems[0].expected,
            Expected::LotsWithinTotal {
                lots: Surface::m2(1320.0),
                total: Surface::m2(1000.0)
            }
        );
    }

    #[test]
    fn lots_equal_to_total_within_rounding() {
        let mut ws = workspace();
        ws.sites[0].total_surface = Some(Surface::m2(1319.5));
        assert!(run(&ws, check).is_empty());
    }
}
