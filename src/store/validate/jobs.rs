//! Jobs figures: a plausible number of full-time equivalents.

use super::Context;
use crate::store::expected::Expected;
use crate::store::problem::Problem;

/// Far above any ESS employer of the territory: a typo, not a workforce.
const ABSURD_FTE: f64 = 10_000.0;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    for (i, structure) in cx.workspace.structures.iter().enumerate() {
        let fte = structure.jobs.fte;
        if !(fte.is_finite() && (0.0..=ABSURD_FTE).contains(&fte)) {
            out.push(
                Problem::new(
                    cx.structure_file(i),
                    "structure.jobs.fte",
                    Expected::FteInRange,
                )
                .with_value(&fte),
            );
        }
    }
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
    fn negative_or_absurd_fte() {
        for bad in [-1.0, 10_000.5, f64::NAN] {
            let mut ws = workspace();
            ws.structures[1].jobs.fte = bad;
            assert_eq!(
                places(&run(&ws, check)),
                ["structures/velo-solidaire.json: structure.jobs.fte"],
                "{bad}"
            );
        }
    }
}
