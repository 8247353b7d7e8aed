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
pub mod config;
pub mod decode;
pub mod document;
pub mod embedded;
pub mod expected;
pub mod files;
pub mod init;
pub mod journal;
pub mod kind;
pub mod load;
pub mod locate;
pub mod location;
pub mod lock;
pub mod migrate;
pub mod problem;
pub mod salvage;
pub mod save;
pub mod scan;
pub mod serde_message;
pub mod sweep;
pub mod validate;

pub use document::SCHEMA_VERSION;
