//! Surfaces in square metres.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A surface in m². Not money, so `f64` is fine; validation rejects negative, NaN or absurd values.
#[derive(
    Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct Surface(pub f64);

impl Surface {
    /// Larger than any plausible site of the territory (the largest friches are a few hectares).
    pub const ABSURD: f64 = 1_000_000.0;

    pub fn m2(value: f64) -> Self {
        Surface(value)
    }

    pub fn value(self) -> f64 {
        self.0
    }

    pub fn is_valid(self) -> bool {
        self.0.is_finite() && self.0 >= 0.0 && self.0 < Self::ABSURD
    }
}

impl fmt::Display for Surface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} m²", self.0)
    }
}

impl std::ops::Add for Surface {
    type Output = Surface;
    fn add(self, rhs: Surface) -> Surface {
        Surface(self.0 + rhs.0)
    }
}

impl std::iter::Sum for Surface {
    fn sum<I: Iterator<Item = Surface>>(iter: I) -> Surface {
        Surface(iter.map(|s| s.0).sum())
    }
}
