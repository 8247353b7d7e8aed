//! CSV writer, in two profiles:
//! - `csv-excel`: UTF-8 with a byte-order mark, `;` separator, CRLF, decimal comma, dates
//!   `dd/mm/yyyy` — what a French Excel opens correctly by double-click;
//! - `csv`: UTF-8 without BOM, `,` separator, LF, decimal point, ISO dates — for other tools.
//!
//! A CSV holds one table: it carries the « Candidatures » part (one row per application, every
//! column of the spreadsheet sheet). The other parts are in the XLSX/ODS/HTML/JSON files.
//!
//! Numbers are written without thousands separator or unit (`30000,5`), so spreadsheets read
//! them as numbers; text cells were neutralised against formula injection when the sheet was
//! built, and the csv crate quotes any cell holding the separator, a quote or a line break.

use crate::domain::Money;
use crate::export::sheet::{Cell, Sheet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Excel,
    Standard,
}

impl Profile {
    fn delimiter(self) -> u8 {
        match self {
            Profile::Excel => b';',
            Profile::Standard => b',',
        }
    }

    fn terminator(self) -> csv::Terminator {
        match self {
            Profile::Excel => csv::Terminator::CRLF,
            Profile::Standard => csv::Terminator::Any(b'\n'),
        }
    }

    fn decimal(self, text: String) -> String {
        match self {
            Profile::Excel => text.replace('.', ","),
            Profile::Standard => text,
        }
    }
}

const BOM: &str = "\u{feff}";

/// The sheet as CSV bytes.
pub fn write(sheet: &Sheet, profile: Profile) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if profile == Profile::Excel {
        out.extend_from_slice(BOM.as_bytes());
    }
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(profile.delimiter())
            .terminator(profile.terminator())
            .from_writer(&mut out);
        writer.write_record(sheet.columns.iter().map(|c| c.title.as_str()))?;
        for row in &sheet.rows {
            writer.write_record(row.iter().map(|cell| field(cell, profile)))?;
        }
        writer.flush()?;
    }
    Ok(out)
}

fn field(cell: &Cell, profile: Profile) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) => text.clone(),
        Cell::Money(m) => profile.decimal(money(*m)),
        Cell::Surface(s) => profile.decimal(plain(s.value(), 2)),
        Cell::Number { value, decimals } => {
            profile.decimal(format!("{:.*}", usize::from(*decimals), finite(*value)))
        }
        Cell::Integer(n) => n.to_string(),
        Cell::Percent(p) => profile.decimal(plain(p * 100.0, 2)),
        Cell::Date(d) => match profile {
            Profile::Excel => d.format("%d/%m/%Y").to_string(),
            Profile::Standard => d.format("%Y-%m-%d").to_string(),
        },
        Cell::DateTime(dt) => match profile {
            Profile::Excel => dt.format("%d/%m/%Y %H:%M").to_string(),
            Profile::Standard => dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
        },
    }
}

fn finite(value: f64) -> f64 {
    if value.is_finite() { value } else { 0.0 }
}

/// Exact amount, no trailing zeros: `30000`, `12.5`.
fn money(m: Money) -> String {
    m.amount().normalize().to_string()
}

/// At most `decimals` digits, trailing zeros dropped: `45`, `12.5`.
fn plain(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, finite(value));
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Surface;
    use crate::export::sheet::Column;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn sheet() -> Sheet {
        Sheet {
            name: "t".into(),
            columns: vec![
                Column {
                    title: "Nom".into(),
                    width: 1.0,
                },
                Column {
                    title: "Montant".into(),
                    width: 1.0,
                },
                Column {
                    title: "Surface".into(),
                    width: 1.0,
                },
                Column {
                    title: "Note".into(),
                    width: 1.0,
                },
            ],
            rows: vec![vec![
                Cell::text("=1+1; \"x\""),
                Cell::Money(Money(Decimal::from_str("30000.50").unwrap())),
                Cell::Surface(Surface::m2(45.0)),
                Cell::Number {
                    value: 7.25,
                    decimals: 1,
                },
            ]],
        }
    }

    #[test]
    fn excel_profile() {
        let text = String::from_utf8(write(&sheet(), Profile::Excel).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Nom;Montant;Surface;Note\r\n\"'=1+1; \"\"x\"\"\";30000,5;45;7,2\r\n"
        );
    }

    #[test]
    fn standard_profile() {
        let text = String::from_utf8(write(&sheet(), Profile::Standard).unwrap()).unwrap();
        assert_eq!(
            text,
            "Nom,Montant,Surface,Note\n\"'=1+1; \"\"x\"\"\",30000.5,45,7.2\n"
        );
    }
}
