//! Scoring weights of a call: each finite and non-negative, at least one above zero (the score
//! divides by their sum). And its matching tolerances, each within its range.

use super::Context;
use crate::store::expected::Expected;
use crate::store::problem::Problem;

/// Weights are relative (40/30/30 = 0.4/0.3/0.3); beyond this, a typo — and their sum must
/// stay a finite number (1.7e308 twice is infinity, and every total then reads 0).
pub const MAX_WEIGHT: f64 = 1_000_000.0;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    for (i, call) in cx.workspace.calls.iter().enumerate() {
        let file = cx.call_file(i);
        let w = &call.weights;
        let named = [
            ("surface", w.surface),
            ("cost", w.cost),
            ("sector", w.sector),
            ("rebalancing", w.rebalancing),
            ("urgency", w.urgency),
        ];
        let mut all_valid = true;
        for (name, value) in named {
            if !(value.is_finite() && (0.0..=MAX_WEIGHT).contains(&value)) {
                all_valid = false;
                out.push(
                    Problem::new(
                        &file,
                        format!("call.weights.{name}"),
                        Expected::NonNegativeWeight,
                    )
                    .with_value(&value),
                );
            }
        }
        if all_valid && named.iter().all(|(_, v)| *v == 0.0) {
            out.push(Problem::new(&file, "call.weights", Expected::SomeWeight).with_value(w));
        }
        if let Some((name, value)) = call.tolerances.invalid_field() {
            out.push(
                Problem::new(
                    &file,
                    format!("call.tolerances.{name}"),
                    Expected::Tolerance,
                )
                .with_value(&value),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Weights;
    use crate::store::validate::fixture::{places, run, workspace};

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn negative_weight() {
        let mut ws = workspace();
        ws.calls[0].weights.cost = -1.0;
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["calls/tempo-2026.json: call.weights.cost"]
        );
        assert_eq!(problems[0].expected, Expected::NonNegativeWeight);
    }

    /// Issue 13, point 11: a huge weight is a problem, not all-zero totals.
    #[test]
    fn huge_weight() {
        let mut ws = workspace();
        ws.calls[0].weights.surface = 1.7e308;
        ws.calls[0].weights.cost = 1.7e308;
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "calls/tempo-2026.json: call.weights.surface",
                "calls/tempo-2026.json: call.weights.cost"
            ]
        );
    }

    #[test]
    fn tolerance_out_of_range() {
        let mut ws = workspace();
        ws.calls[0].tolerances.cost_tolerance = 0.0;
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["calls/tempo-2026.json: call.tolerances.cost_tolerance"]
        );
        assert_eq!(problems[0].expected, Expected::Tolerance);
    }

    #[test]
    fn all_zero() {
        let mut ws = workspace();
        ws.calls[0].weights = Weights {
            surface: 0.0,
            cost: 0.0,
            sector: 0.0,
            rebalancing: 0.0,
            urgency: 0.0,
        };
        let problems = run(&ws, check);
        assert_eq!(places(&problems), ["calls/tempo-2026.json: call.weights"]);
        assert_eq!(problems[0].expected, Expected::SomeWeight);
    }
}
