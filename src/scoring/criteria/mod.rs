//! One file per criterion: a pure value function in [0, 1] over precomputed numbers, so the same
//! formula serves the hot ranking loop and the explained score card.

pub mod cost;
pub mod rebalancing;
pub mod sector;
pub mod surface;
pub mod urgency;

/// Clamps to [0, 1]; NaN (from degenerate inputs) counts as 0 so it can never leak into a total.
pub fn unit(value: f64) -> f64 {
    if value.is_nan() {
        0.0
    } else {
        value.clamp(0.0, 1.0)
    }
}
