//! ancrage: match social-economy structures to the sites of Est Ensemble, review calls for
//! expressions of interest, hand juries a shortlist, follow each residential pathway.
//!
//! Layers, each knowing only those below it: `domain` → `store` → `scoring` → `review` →
//! `pathway`, `allocation` → `export` / `import` → `tui` → `cli`. `i18n` is shared formatting.

pub mod allocation;
pub mod cli;
pub mod demo_data;
pub mod domain;
pub mod edit;
pub mod export;
pub mod fuzz;
pub mod i18n;
pub mod import;
pub mod parallel;
pub mod pathway;
pub mod review;
pub mod scoring;
pub mod session;
pub mod store;
pub mod tui;
