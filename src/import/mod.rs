//! Real data in: application and site files exported by the usual platforms (Démarches
//! Simplifiées, Framaforms, Google Forms) or kept in a spreadsheet, read as CSV, XLSX or ODS.
//!
//! Pure: a file's bytes (and its name), the workspace and the call's review in; a report and
//! the one `session::Operation` that applies the import out. The CLI (`ancrage import`) and the
//! cockpit's import dialog show the report, then apply the operation through the workspace
//! session: all or nothing, one journal line, undone as one.
//!
//! ```text
//! bytes ─ table (csv_reader | spreadsheet) ─ header (layout) ─ mapping (columns → fields)
//!       ─ cells + values (per row, every problem located) ─ applications | sites (identity,
//!       records, operation) ─ report
//! ```

pub mod applications;
pub mod cells;
pub mod csv_reader;
pub mod decode;
pub mod field;
pub mod header;
pub mod mapping;
pub mod problem;
pub mod report;
pub mod sites;
pub mod spreadsheet;
pub mod table;
pub mod template;
pub mod text;
pub mod values;

use crate::domain::CallId;
use crate::i18n::Lang;
use crate::session::Operation;
use field::Target;
use header::Layout;
use mapping::{Mapping, builtin};
use problem::{Expected, ImportProblem};
use report::ImportReport;
use table::Table;

pub use applications::prepare as prepare_applications;
pub use sites::prepare as prepare_sites;

/// A file to import: its name (for the report and the journal) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct ImportFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Import the valid rows even when others are refused.
    pub skip_invalid: bool,
    /// The officer's own header → field mapping (`--mapping`).
    pub mapping: Mapping,
}

/// The report, and the operation to apply — none when the import is refused or changes nothing.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub report: ImportReport,
    pub operation: Option<Operation>,
}

impl Prepared {
    /// Nothing is written: the counts say so (the refused rows and the problems stay).
    fn refused(mut report: ImportReport) -> Self {
        report.created = 0;
        report.updated = 0;
        report.unchanged = 0;
        report.applications_added = 0;
        Prepared {
            report,
            operation: None,
        }
    }
}

/// Why a file could not be imported at all (problems within it go in the report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    UnknownCall(CallId),
    /// Not a spreadsheet calamine can open, though it looks like one.
    Unreadable(String),
}

impl ImportError {
    pub fn message(&self, file: &str, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::UnknownCall(id), Lang::Fr) => format!("appel inconnu «\u{a0}{id}\u{a0}»"),
            (ImportError::UnknownCall(id), Lang::En) => format!("unknown call `{id}`"),
            (ImportError::Unreadable(why), Lang::Fr) => {
                format!("{file}\u{a0}: classeur illisible ({why})")
            }
            (ImportError::Unreadable(why), Lang::En) => {
                format!("{file}: unreadable workbook ({why})")
            }
        }
    }
}

/// Reads the table and finds its header; a file without a header or without data rows is
/// reported (and `None` returned).
fn read_layout(
    file: &ImportFile<'_>,
    target: Target,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<Option<(Table, Layout)>, ImportError> {
    let table = table::read(file.bytes).map_err(ImportError::Unreadable)?;
    report.source = Some(table.source.clone());
    let known = |key: &str| builtin(key, target).is_some() || options.mapping.get(key).is_some();
    let Some(layout) = header::detect(&table.rows, known) else {
        report.problems.push(ImportProblem {
            row: 1,
            column: lang_header(),
            value: String::new(),
            expected: Expected::Header,
        });
        return Ok(None);
    };
    Ok(Some((table, layout)))
}

/// What a problem about the header row as a whole is reported under.
fn lang_header() -> String {
    "en-tête".to_owned()
}
