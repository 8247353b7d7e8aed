//! Tolerances of the matching formulas. Settings, not constants: each call stores its own
//! (`tolerances` in the call file, every field optional), the defaults below otherwise.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How forgiving each matching criterion is. Defaults are documented in the README's matching
/// section; `crate::scoring` calls them its `Settings`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Tolerances {
    /// Below the minimum surface, the surface value falls linearly from 1 at the minimum to 0 at
    /// `minimum × (1 − under_tolerance)`.
    pub surface_under_tolerance: f64,
    /// Above the maximum (indivisible lots only), the value falls from 1 at the maximum to 0 at
    /// `maximum × (1 + over_tolerance)`: an oversized lot wastes scarce space.
    pub surface_over_tolerance: f64,
    /// τ of the cost criterion: with r = cost / budget the value is `1 − (r − 1) / τ`, clamped;
    /// full marks within budget, 0 at τ above it.
    pub cost_tolerance: f64,
    /// A site that opens this many days after the wished start date still counts as available.
    pub start_grace_days: i32,
    /// An occupation ending within this many days makes the structure urgent.
    pub urgency_horizon_days: i32,
    /// After this many months in an incubator, a structure is ready to leave it.
    pub incubation_ready_months: u32,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances {
            surface_under_tolerance: 0.5,
            surface_over_tolerance: 1.0,
            cost_tolerance: 0.5,
            start_grace_days: 90,
            urgency_horizon_days: 180,
            incubation_ready_months: 24,
        }
    }
}

impl Tolerances {
    /// Names the first setting outside its range, for validation: tolerances are positive
    /// fractions, day and month counts are not negative.
    pub fn invalid_field(&self) -> Option<(&'static str, String)> {
        let fractions = [
            ("surface_under_tolerance", self.surface_under_tolerance),
            ("surface_over_tolerance", self.surface_over_tolerance),
            ("cost_tolerance", self.cost_tolerance),
        ];
        for (name, value) in fractions {
            if !(value.is_finite() && value > 0.0 && value <= 10.0) {
                return Some((name, value.to_string()));
            }
        }
        let days = [
            ("start_grace_days", self.start_grace_days),
            ("urgency_horizon_days", self.urgency_horizon_days),
        ];
        for (name, value) in days {
            if !(0..=3650).contains(&value) {
                return Some((name, value.to_string()));
            }
        }
        None
    }
}
