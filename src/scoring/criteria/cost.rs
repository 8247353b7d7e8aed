//! Cost: the annual cost of the surface retained against the structure's maximum annual budget.
//!
//! With `r = cost / budget` the value is `1 − (r − 1) / τ` clamped to [0, 1]: full marks within
//! budget, 0 at τ above it (τ = `Settings::cost_tolerance`).

use super::unit;
use crate::scoring::Settings;

/// A surface cut to fit the budget costs the budget give or take a rounding error of the
/// division; that must not count as an overrun.
const ROUNDING: f64 = 1e-9;

pub fn value(annual_cost: f64, budget: f64, settings: &Settings) -> f64 {
    if annual_cost <= budget + ROUNDING * budget.abs().max(1.0) {
        return 1.0;
    }
    if budget <= 0.0 || settings.cost_tolerance <= 0.0 {
        return 0.0;
    }
    let ratio = annual_cost / budget;
    unit(1.0 - (ratio - 1.0) / settings.cost_tolerance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked() {
        let s = Settings::default();
        assert_eq!(value(9_000.0, 10_000.0, &s), 1.0);
        assert_eq!(value(10_000.0, 10_000.0, &s), 1.0);
        // 25 % over budget with τ = 0.5: half marks.
        assert!((value(12_500.0, 10_000.0, &s) - 0.5).abs() < 1e-12);
        assert_eq!(value(15_000.0, 10_000.0, &s), 0.0);
        assert_eq!(value(1.0, 0.0, &s), 0.0);
        assert_eq!(value(0.0, 0.0, &s), 1.0);
    }
}
