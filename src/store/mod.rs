//! Persistence of the workspace: a folder of JSON files the officer can read, diff and back up.
//!
//! ```text
//! <workspace>/
//!   territory.json
//!   sites/<site-id>.json
//!   structures/<structure-id>.json
//!   calls/<call-id>.json
//! ```

pub mod atomic;
pub mod document;
pub mod embedded;
pub mod journal;
pub mod lock;

pub use document::SCHEMA_VERSION;
