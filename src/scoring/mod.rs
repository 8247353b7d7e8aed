//! Matching: whether a structure can go to a site (eligibility), how well it fits (five
//! criteria in [0, 1], weighted into a 0–100 total), and why, in words a jury can hear.
//!
//! Pure functions: no disk, no terminal. Scores are absolute: adding a candidate never changes
//! anyone else's score.

pub mod bound;
pub mod card;
pub mod columns;
pub mod criteria;
pub mod criterion;
pub mod eligibility;
pub mod evaluate;
pub mod figures;
pub mod lot_scores;
pub mod matcher;
pub mod prepared;
pub mod robustness;
pub mod scan;
pub mod site_ranking;
pub mod ties;
pub mod top;

/// The matching tolerances, as the scoring layer calls them.
pub use crate::domain::Tolerances as Settings;
pub use card::{CriterionLine, ScoreCard};
pub use criterion::Criterion;
pub use eligibility::Ineligibility;
pub use matcher::{Matcher, PairScore};
