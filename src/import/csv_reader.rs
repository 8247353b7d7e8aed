//! Delimited text: the delimiter sniffed among `;` `,` and tab, CRLF or LF, quoted fields with
//! embedded line breaks (RFC 4180 as the `csv` crate reads it), rows numbered as a spreadsheet
//! shows them.

use crate::import::decode::decode;
use crate::import::table::{Row, Source, Table};
use csv::{ByteRecord, ReaderBuilder};

/// Semicolon first: Excel on a French Windows writes it, and with decimal commas a comma-split
/// of such a file looks consistent too often.
const CANDIDATES: [u8; 3] = [b';', b',', b'\t'];
/// Records looked at to choose the delimiter.
const SNIFF_RECORDS: usize = 30;

pub fn read(bytes: &[u8]) -> Table {
    let (text, encoding) = decode(bytes);
    let delimiter = sniff(&text);
    Table {
        rows: rows(&text, delimiter),
        source: Source::Csv {
            encoding,
            delimiter: char::from(delimiter),
        },
    }
}

/// The delimiter that splits the first records most consistently into the most fields: the
/// header line first (its count is the one the rows must have), then the share of records that
/// agree, then the count. A share, not a number of records: the wrong delimiter reads quoted
/// cells as plain text, so a line break inside one (`"8,4\n"`) makes more, broken, records.
pub fn sniff(text: &str) -> u8 {
    let mut best = ((false, 0usize, 0usize), CANDIDATES[1]);
    for delimiter in CANDIDATES {
        let counts: Vec<usize> = reader(text, delimiter)
            .byte_records()
            .take(SNIFF_RECORDS)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        let Some(mode) = mode(&counts) else { continue };
        if mode < 2 {
            continue;
        }
        let agreeing = counts.iter().filter(|&&c| c == mode).count();
        let score = (
            counts.first() == Some(&mode),
            agreeing * 1000 / counts.len(),
            mode,
        );
        if score > best.0 {
            best = (score, delimiter);
        }
    }
    best.1
}

fn mode(counts: &[usize]) -> Option<usize> {
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for chunk in sorted.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(n, _)| chunk.len() > n) {
            best = Some((chunk.len(), chunk[0]));
        }
    }
    best.map(|(_, value)| value)
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Every record with its spreadsheet row number. The reader skips empty lines, which a
/// spreadsheet shows as empty rows, and a quoted field's line breaks span lines of text but not
/// rows: the rows are counted apart, by `logical_rows`, and the records matched to the
/// non-empty ones in order.
fn rows(text: &str, delimiter: u8) -> Vec<Row> {
    let mut numbers = logical_rows(text, delimiter)
        .into_iter()
        .enumerate()
        .filter(|(_, empty)| !empty)
        .map(|(i, _)| i + 1);
    let mut out = Vec::new();
    let mut record = ByteRecord::new();
    let mut reader = reader(text, delimiter);
    let mut last = 0;
    // Only I/O or UTF-8 errors are possible on a flexible reader over a `&str`: they end it.
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let number = numbers.next().unwrap_or(last + 1);
        last = number;
        let cells = record
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        out.push(Row { number, cells });
    }
    out
}

/// For each row a spreadsheet would show, whether it is empty. Rows end at line breaks
/// (`\r\n`, `\n`, `\r`) outside quotes; a quote opens a quoted field only at the start of a
/// field, and `""` inside one is an escaped quote (RFC 4180, as the `csv` crate reads it).
fn logical_rows(text: &str, delimiter: u8) -> Vec<bool> {
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let mut in_quotes = false;
    let mut field_start = true;
    let mut empty = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if b == b'\r' || b == b'\n' {
            rows.push(empty);
            if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            empty = true;
            field_start = true;
            i += 1;
            continue;
        } else if b == b'"' && field_start {
            in_quotes = true;
        }
        empty = false;
        field_start = b == delimiter;
        i += 1;
    }
    if !empty {
        rows.push(false);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(text: &str) -> Vec<(usize, Vec<String>)> {
        read(text.as_bytes())
            .rows
            .into_iter()
            .map(|r| (r.number, r.cells))
            .collect()
    }

    #[test]
    fn sniffs_semicolon_despite_decimal_commas() {
        let text = "Nom;Surface;Budget\r\nA;80,5;12 000,50\r\nB;60;1 000\r\n";
        assert_eq!(sniff(text), b';');
        assert_eq!(sniff("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff("a\tb\n1\t2\n"), b'\t');
    }

    #[test]
    fn sniffs_from_the_header_line_when_quoted_cells_hold_other_delimiters() {
        let q = |s: &str| format!("\"{s}\"");
        let line = |cells: &[&str], delimiter: &str| {
            cells
                .iter()
                .map(|c| q(c))
                .collect::<Vec<_>>()
                .join(delimiter)
                + "\r\n"
        };
        // A property test's case: 9 columns, impossible dates, a SIRET a spreadsheet wrote
        // in scientific notation, line breaks and commas inside quoted cells.
        let headers = [
            "Emplois prévus",
            "Latitude",
            "Disponible jusqu’au",
            "Durée maximale d’occupation",
            "Secteurs prioritaires",
            "Date limite de candidature",
            "Description",
            "Usage du lot",
            "Divisible",
        ];
        let (d, e) = ("31/02/2027", "8,41520E+13");
        let rows = [
            ["", "", d, d, d, e, "\n,", d, d],
            ["", d, d, e, d, d, "\n", d, e],
        ];
        for delimiter in [";", ",", "\t"] {
            let mut text = line(&headers, delimiter);
            for row in &rows {
                text.push_str(&line(row, delimiter));
            }
            assert_eq!(sniff(&text), delimiter.as_bytes()[0], "{text:?}");
        }
    }

    #[test]
    fn quoted_line_breaks_do_not_add_rows_but_blank_lines_do() {
        let text = "Nom;Description\r\n\"A\";\"ligne 1\r\nligne 2\r\nligne 3\"\r\n\r\nB;x\r\n";
        let rows = numbered(text);
        assert_eq!(rows[0].0, 1);
        assert_eq!(rows[1].0, 2);
        assert_eq!(rows[1].1[1], "ligne 1\r\nligne 2\r\nligne 3");
        assert_eq!(rows[2].0, 4, "the blank line is row 3");
        assert_eq!(rows[2].1, vec!["B", "x"]);
    }

    #[test]
    fn windows_1252_is_said() {
        let table = read(b"Nom;Ville\r\nCaf\xE9;Pr\xE9 St Gervais\r\n");
        assert_eq!(table.rows[1].cells, vec!["Café", "Pré St Gervais"]);
        assert_eq!(
            table.source,
            Source::Csv {
                encoding: crate::import::decode::Encoding::Windows1252,
                delimiter: ';'
            }
        );
    }
}
