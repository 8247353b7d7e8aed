//! JSON: the report exactly as computed, for re-use by other tools. Amounts are decimal numbers
//! (`Money` serialises with arbitrary precision: `30000.5`, never `30000.499999`), dates ISO
//! 8601, statuses and criteria by their stable codes.

use crate::export::report::JuryReport;
use serde::Serialize;

/// The envelope every ancrage JSON file has: a schema version, then the content.
#[derive(Serialize)]
struct JuryDocument<'a> {
    schema_version: u32,
    jury_report: &'a JuryReport,
}

pub fn write(report: &JuryReport) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(&JuryDocument {
        schema_version: crate::store::SCHEMA_VERSION,
        jury_report: report,
    })?;
    text.push('\n');
    Ok(text)
}
