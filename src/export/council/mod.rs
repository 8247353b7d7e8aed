//! The yearly report for the territorial council (`ancrage report --year YYYY --format
//! xlsx|ods|html|md`): the year's placements, m² and jobs, pathway moves, alerts and the impact
//! fund's use by zone — through the same machinery as the jury files (typed sheets for XLSX and
//! ODS, neutralised text, personal data only when asked, atomic writes that never replace a
//! file without `force`).

pub mod report;
pub mod sheets;
pub mod text;

pub use report::{CouncilOptions, CouncilReport};

use crate::domain::Workspace;
use crate::export::write::write_file;
use crate::export::{ExportError, Format, ods, xlsx};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The formats the council report is written in.
pub const FORMATS: [Format; 4] = [Format::Xlsx, Format::Ods, Format::Html, Format::Markdown];

/// `rapport-conseil-<year>-<yyyy-mm-dd>.<ext>`.
pub fn default_file_name(year: i32, today: NaiveDate, format: Format) -> String {
    format!(
        "rapport-conseil-{year}-{}.{}",
        today.format("%Y-%m-%d"),
        format.extension()
    )
}

/// The file's bytes; CSV and JSON are not offered (the report is several tables for people).
pub fn render(report: &CouncilReport, format: Format) -> Result<Vec<u8>, ExportError> {
    let failed = |message: String| ExportError::Render { format, message };
    match format {
        Format::Xlsx => xlsx::write(&sheets::sheets(report)).map_err(|e| failed(e.to_string())),
        Format::Ods => {
            ods::write(&sheets::sheets(report), report.lang).map_err(|e| failed(e.to_string()))
        }
        Format::Html => Ok(text::to_html(report).into_bytes()),
        Format::Markdown => Ok(text::to_markdown(report).into_bytes()),
        Format::Csv | Format::CsvExcel | Format::Json => {
            Err(failed("xlsx, ods, html, md".to_owned()))
        }
    }
}

/// Builds the report on `workspace` and writes it to `output` (refusing to replace an existing
/// file unless `force`). Returns the path written.
pub fn write_council_report(
    workspace: &Workspace,
    options: &CouncilOptions,
    format: Format,
    output: &Path,
    force: bool,
) -> Result<PathBuf, ExportError> {
    if !force && output.symlink_metadata().is_ok() {
        return Err(ExportError::Exists(output.to_owned()));
    }
    let report = CouncilReport::build(workspace, options);
    let bytes = render(&report, format)?;
    write_file(output, &bytes, force)
}
