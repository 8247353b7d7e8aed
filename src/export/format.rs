//! The file formats a jury file can be written in, with their command-line names.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    Xlsx,
    Ods,
    /// UTF-8, `,`, LF, decimal point: for other programs.
    Csv,
    /// UTF-8 with BOM, `;`, CRLF, decimal comma: opens right in French Excel.
    CsvExcel,
    Html,
    Markdown,
    Json,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Xlsx,
        Format::Ods,
        Format::Csv,
        Format::CsvExcel,
        Format::Html,
        Format::Markdown,
        Format::Json,
    ];

    /// The name on the command line (`--format csv-excel`).
    pub fn code(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Ods => "ods",
            Format::Csv => "csv",
            Format::CsvExcel => "csv-excel",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    /// File extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Ods => "ods",
            Format::Csv | Format::CsvExcel => "csv",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        let wanted = match wanted.as_str() {
            "markdown" => "md",
            "csv_excel" | "csvexcel" => "csv-excel",
            other => other,
        };
        Format::ALL
            .into_iter()
            .find(|f| f.code() == wanted)
            .ok_or_else(|| {
                format!("format inconnu «\u{a0}{s}\u{a0}»\u{a0}: attendu xlsx, ods, csv, csv-excel, html, md ou json")
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.code().parse::<Format>(), Ok(f));
        }
        assert_eq!("Markdown".parse::<Format>(), Ok(Format::Markdown));
        assert!("pdf".parse::<Format>().is_err());
    }
}
