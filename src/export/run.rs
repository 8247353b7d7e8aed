//! The one entry point of an export, shared by the command line and the cockpit's export
//! dialog: load, open the review read-only, build the report, render, write safely.

use crate::domain::{CallId, Workspace};
use crate::export::csv::Profile;
use crate::export::report::{JuryReport, ReportOptions};
use crate::export::write::{check_target, default_file_name, resolve_output, write_file};
use crate::export::{ExportError, Format, csv, html, json, markdown, ods, sheet, xlsx};
use crate::scoring::Matcher;
use crate::session::{Access, ReviewSession, officer_name};
use crate::store::files::contains_workspace;
use crate::store::load::load_workspace;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    pub call: CallId,
    pub format: Format,
    /// Scope (site, statuses), personal data, language and date of the report.
    pub report: ReportOptions,
    /// Where to write; see `write::default_file_name` for the usual name. A folder (existing,
    /// or written with a final `/`) gets the usual name inside it.
    pub output: PathBuf,
    /// Replace an existing file (the officer confirmed or passed `--force`).
    pub force: bool,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    /// Applications in the file.
    pub applications: usize,
    pub personal_data: bool,
}

/// Loads the workspace at `workspace_dir` and writes the jury file.
pub fn export(workspace_dir: &Path, options: &ExportOptions) -> Result<Exported, ExportError> {
    if !contains_workspace(workspace_dir) {
        return Err(ExportError::NoWorkspace(workspace_dir.to_owned()));
    }
    let workspace = load_workspace(workspace_dir).map_err(ExportError::Workspace)?;
    export_loaded(workspace_dir, &workspace, options)
}

/// Same, with a workspace already in memory (the cockpit has one).
pub fn export_loaded(
    workspace_dir: &Path,
    workspace: &Workspace,
    options: &ExportOptions,
) -> Result<Exported, ExportError> {
    let default_name = default_file_name(&options.call, options.report.today, options.format);
    let path = resolve_output(&options.output, &default_name)?;
    // Refuse early, before any work, when the file exists (checked again when writing).
    check_target(&path, options.force)?;
    let rendered = render_loaded(workspace_dir, workspace, options)?;
    let path = write_file(&path, &rendered.bytes, options.force)?;
    Ok(Exported {
        path,
        applications: rendered.applications,
        personal_data: rendered.personal_data,
    })
}

/// A jury file in memory, not yet written anywhere (`export -o -` prints it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub applications: usize,
    pub personal_data: bool,
}

/// Builds the jury file's bytes: the review read-only, the report, the format.
pub fn render_loaded(
    workspace_dir: &Path,
    workspace: &Workspace,
    options: &ExportOptions,
) -> Result<Rendered, ExportError> {
    let Some(call) = workspace.call(&options.call) else {
        return Err(ExportError::UnknownCall(options.call.clone()));
    };
    let session = ReviewSession::open_with(
        workspace_dir,
        workspace,
        &options.call,
        &officer_name(),
        Access::ReadOnly,
    )?;
    // The call's own tolerances: the jury sees the scores the officer saw.
    let matcher = Matcher::new(workspace, options.report.today, &call.tolerances);
    let report = JuryReport::build(workspace, &matcher, session.state(), &options.report)?;
    Ok(Rendered {
        bytes: render(&report, options.format)?,
        applications: report.applications.len(),
        personal_data: report.personal_data,
    })
}

/// The file's bytes in `format`.
pub fn render(report: &JuryReport, format: Format) -> Result<Vec<u8>, ExportError> {
    let failed = |message: String| ExportError::Render { format, message };
    match format {
        Format::Xlsx => xlsx::write(&sheet::sheets(report)).map_err(|e| failed(e.to_string())),
        Format::Ods => {
            ods::write(&sheet::sheets(report), report.lang).map_err(|e| failed(e.to_string()))
        }
        Format::Csv => csv::write(&sheet::applications(report), Profile::Standard)
            .map_err(|e| failed(e.to_string())),
        Format::CsvExcel => csv::write(&sheet::applications(report), Profile::Excel)
            .map_err(|e| failed(e.to_string())),
        Format::Html => Ok(html::write(report).into_bytes()),
        Format::Markdown => Ok(markdown::write(report).into_bytes()),
        Format::Json => json::write(report)
            .map(String::into_bytes)
            .map_err(|e| failed(e.to_string())),
    }
}
