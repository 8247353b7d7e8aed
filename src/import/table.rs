//! A file read as rows of text cells, whatever it was (CSV, XLSX, ODS), each row numbered as
//! the officer sees it in a spreadsheet: the first line is row 1, and a quoted cell holding
//! line breaks does not add rows.

use crate::import::csv_reader;
use crate::import::decode::Encoding;
use crate::import::spreadsheet;
use serde::Serialize;

/// One row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based, as a spreadsheet numbers it.
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// What kind of file it was, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "format", rename_all = "lowercase")]
pub enum Source {
    Csv {
        encoding: Encoding,
        /// `;`, `,` or a tab.
        delimiter: char,
    },
    Spreadsheet {
        /// The sheet read.
        sheet: String,
        /// The sheet of establishments joined to it (Démarches Simplifiées' XLSX and ODS).
        #[serde(skip_serializing_if = "Option::is_none")]
        establishments: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rows: Vec<Row>,
    pub source: Source,
}

/// Reads `bytes`: a spreadsheet (XLSX, ODS, XLS) when it is one, else delimited text. The name
/// is not trusted: a `.csv` that is really an XLSX is read as what it is.
pub fn read(bytes: &[u8]) -> Result<Table, String> {
    if spreadsheet::looks_like_one(bytes) {
        spreadsheet::read(bytes)
    } else {
        Ok(csv_reader::read(bytes))
    }
}
