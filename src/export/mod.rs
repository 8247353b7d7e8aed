//! Jury files: the review of a call turned into files a jury can open as they are — XLSX, ODS,
//! CSV, a printable HTML pack, Markdown and JSON — safe to open (applicant text neutralised
//! against formula injection) and free of personal data unless asked for.
//!
//! `report` computes what is said once (pure); `sheet` lays it out as typed tables for the
//! spreadsheet and CSV writers; each writer formats natively; `write` puts the bytes on disk
//! safely; `run` is the one entry point the CLI and the cockpit call.

pub mod council;
pub mod csv;
pub mod error;
pub mod format;
pub mod formulas;
pub mod html;
pub mod json;
pub mod markdown;
pub mod neutralise;
pub mod ods;
pub mod pack;
pub mod report;
pub mod run;
pub mod sheet;
pub mod write;
pub mod xlsx;

pub use error::ExportError;
pub use format::Format;
pub use report::{JuryReport, ReportOptions};
pub use run::{ExportOptions, Exported, export, export_loaded, render};
pub use write::default_file_name;
