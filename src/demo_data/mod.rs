//! Synthetic but realistic workspaces at any scale (`ancrage demo-data`), for benchmarks,
//! property tests and trying the cockpit on a region-sized data set. Deterministic for a seed.

mod generate;
mod rng;

pub use generate::{Size, generate};
pub use rng::Rng;
