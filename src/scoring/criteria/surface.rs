//! Surface: does the lot retained give the structure the room it asked for?
//!
//! With `min`–`max` the structure's need and `s` the surface retained:
//! - `min ≤ s ≤ max` (or `s > max` on a divisible lot, which is cut to size): 1;
//! - `s < min`: linear from 1 at `min` down to 0 at `min × (1 − under_tolerance)`;
//! - `s > max` on an indivisible lot: linear from 1 at `max` down to 0 at
//!   `max × (1 + over_tolerance)` — an oversized lot wastes scarce space.

use super::unit;
use crate::scoring::Settings;

pub fn value(retained: f64, min: f64, max: f64, divisible: bool, settings: &Settings) -> f64 {
    if retained < min {
        let span = min * settings.surface_under_tolerance;
        if span <= 0.0 {
            return 0.0;
        }
        unit(1.0 - (min - retained) / span)
    } else if retained > max && !divisible {
        let span = max * settings.surface_over_tolerance;
        if span <= 0.0 {
            return 0.0;
        }
        unit(1.0 - (retained - max) / span)
    } else {
        1.0
    }
}

/// The surface taken from a lot: a divisible lot is cut to the need (as large as the budget
/// allows, between `min` and `max`, in whole m² rounded down so the cost stays within the
/// budget); an indivisible lot is taken whole.
pub fn retained(
    lot_surface: f64,
    divisible: bool,
    min: f64,
    max: f64,
    budget: f64,
    per_m2_year: f64,
    flat_year: f64,
) -> f64 {
    if !divisible {
        return lot_surface;
    }
    let upper = lot_surface.min(max);
    if upper <= min {
        return upper;
    }
    let affordable = if per_m2_year > 0.0 {
        (budget - flat_year) / per_m2_year
    } else {
        f64::INFINITY
    };
    affordable.floor().clamp(min, upper)
}

/// The smallest surface the structure could take from the lot (what the budget rule checks).
pub fn smallest(lot_surface: f64, divisible: bool, min: f64) -> f64 {
    if divisible {
        lot_surface.min(min)
    } else {
        lot_surface
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(retained: f64, divisible: bool) -> f64 {
        value(retained, 100.0, 200.0, divisible, &Settings::default())
    }

    #[test]
    fn full_marks_inside_the_range() {
        assert_eq!(v(100.0, false), 1.0);
        assert_eq!(v(150.0, false), 1.0);
        assert_eq!(v(200.0, false), 1.0);
    }

    #[test]
    fn ramps_below_the_minimum() {
        // Tolerance 0.5: zero at 50 m², half at 75 m².
        assert!((v(75.0, false) - 0.5).abs() < 1e-12);
        assert_eq!(v(50.0, false), 0.0);
        assert_eq!(v(10.0, true), 0.0);
    }

    #[test]
    fn oversized_indivisible_lot_loses_points_divisible_does_not() {
        // Over-tolerance 1.0: zero at 400 m², half at 300 m².
        assert!((v(300.0, false) - 0.5).abs() < 1e-12);
        assert_eq!(v(400.0, false), 0.0);
        assert_eq!(v(1000.0, true), 1.0);
    }

    #[test]
    fn divisible_lot_is_cut_to_the_budget() {
        // 10 €/m²/year, budget 1 500 €: 150 m² affordable, inside 100–200.
        assert_eq!(
            retained(1000.0, true, 100.0, 200.0, 1500.0, 10.0, 0.0),
            150.0
        );
        // Budget too small: still the minimum (the cost criterion will say so).
        assert_eq!(
            retained(1000.0, true, 100.0, 200.0, 500.0, 10.0, 0.0),
            100.0
        );
        // Plenty of budget: the maximum.
        assert_eq!(retained(1000.0, true, 100.0, 200.0, 1e9, 10.0, 0.0), 200.0);
        // Lot smaller than the need: all of it.
        assert_eq!(retained(80.0, true, 100.0, 200.0, 1e9, 10.0, 0.0), 80.0);
        assert_eq!(
            retained(1000.0, false, 100.0, 200.0, 1e9, 10.0, 0.0),
            1000.0
        );
    }
}
