//! XLSX, ODS (and old XLS) through calamine. The sheet read is « Dossiers » when there is one
//! (Démarches Simplifiées names it so), else the first. Démarches Simplifiées' spreadsheets
//! leave the applicant's establishment out of « Dossiers » and put it in a sheet
//! « Etablissements » (`ProcedureExportService#options_for`, `Etablissement#spreadsheet_columns`:
//! `Dossier ID`, `Champ`, `Établissement SIRET`…; `Champ` is empty for the dossier's own
//! establishment, the label of a SIRET field otherwise): its columns are joined to each dossier
//! by `Dossier ID` = `ID`, so the rest of the import sees one table as in their CSV.

use crate::i18n::fold::fold_text;
use crate::import::table::{Row, Source, Table};
use calamine::{Data, Reader, open_workbook_auto_from_rs};
use std::collections::HashMap;
use std::io::Cursor;

/// A zip (XLSX, ODS) or an OLE compound file (XLS).
pub fn looks_like_one(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0")
}

pub fn read(bytes: &[u8]) -> Result<Table, String> {
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| e.to_string())?;
    let names = workbook.sheet_names();
    let main = names
        .iter()
        .find(|n| fold_text(n) == "dossiers")
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| "aucune feuille / no sheet".to_owned())?;
    let establishments = names
        .iter()
        .find(|n| fold_text(n).replace('é', "e") == "etablissements")
        .cloned();
    let mut rows = sheet_rows(&mut workbook, &main)?;
    let joined = match &establishments {
        Some(name) => {
            let extra = sheet_rows(&mut workbook, name)?;
            join_establishments(&mut rows, &extra)
        }
        None => false,
    };
    Ok(Table {
        rows,
        source: Source::Spreadsheet {
            sheet: main,
            establishments: establishments.filter(|_| joined),
        },
    })
}

fn sheet_rows<RS: std::io::Read + std::io::Seek>(
    workbook: &mut calamine::Sheets<RS>,
    name: &str,
) -> Result<Vec<Row>, String> {
    let range = workbook.worksheet_range(name).map_err(|e| e.to_string())?;
    // The range starts at its first non-empty cell: rows and columns before it are empty.
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let lead = usize::try_from(first_column).unwrap_or(0);
    let first_row = usize::try_from(first_row).unwrap_or(0);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: first_row + i + 1,
            cells: std::iter::repeat_n(String::new(), lead)
                .chain(cells.iter().map(cell_text))
                .collect(),
        })
        .collect())
}

/// A cell as the text a CSV of the same sheet would hold: numbers without a needless `.0`
/// (a SIRET typed as a number stays 14 digits), dates in ISO form.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "Oui" } else { "Non" }.to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            if (hh, mm, ss) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}")
            }
        }
        Data::DateTime(dt) => float_text(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn float_text(f: f64) -> String {
    // Integral values below 2^53 are exact in f64: print them as integers.
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Appends the establishment columns to the dossiers' header (row 1) and rows. Returns false
/// when the sheet does not look like Démarches Simplifiées' (nothing is joined then).
fn join_establishments(dossiers: &mut [Row], establishments: &[Row]) -> bool {
    let (Some(header), Some(extra_header)) = (dossiers.first(), establishments.first()) else {
        return false;
    };
    let find = |row: &Row, title: &str| row.cells.iter().position(|c| fold_text(c.trim()) == title);
    let (Some(id_column), Some(dossier_column)) =
        (find(header, "id"), find(extra_header, "dossier id"))
    else {
        return false;
    };
    let field_column = find(extra_header, "champ");
    let known: Vec<String> = header.cells.iter().map(|c| fold_text(c.trim())).collect();
    let added: Vec<usize> = (0..extra_header.cells.len())
        .filter(|&c| c != dossier_column && Some(c) != field_column)
        .filter(|&c| !known.contains(&fold_text(extra_header.cells[c].trim())))
        .collect();
    // The dossier's own establishment (empty `Champ`) wins over a SIRET field's.
    let mut by_dossier: HashMap<&str, &Row> = HashMap::new();
    for row in &establishments[1..] {
        let id = row.cell(dossier_column).trim();
        let own = field_column.is_none_or(|c| row.cell(c).trim().is_empty());
        if id.is_empty() {
            continue;
        }
        if own || !by_dossier.contains_key(id) {
            by_dossier.insert(id, row);
        }
    }
    let width = header.cells.len();
    for (i, row) in dossiers.iter_mut().enumerate() {
        row.cells.resize(width.max(row.cells.len()), String::new());
        let source = if i == 0 {
            Some(&establishments[0])
        } else {
            by_dossier.get(row.cell(id_column).trim()).copied()
        };
        for &c in &added {
            row.cells
                .push(source.map(|s| s.cell(c).to_owned()).unwrap_or_default());
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: usize, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells.iter().map(|&c| c.to_owned()).collect(),
        }
    }

    #[test]
    fn numbers_read_as_a_csv_would_hold_them() {
        assert_eq!(cell_text(&Data::Float(84152000012345.0)), "84152000012345");
        assert_eq!(cell_text(&Data::Float(35000.5)), "35000.5");
        assert_eq!(cell_text(&Data::Int(12)), "12");
    }

    #[test]
    fn the_dossiers_own_establishment_is_joined_by_id() {
        let mut dossiers = vec![
            row(1, &["ID", "Email", "Entreprise raison sociale"]),
            row(2, &["101", "a@x.fr", "Atelier A"]),
            row(3, &["102", "b@x.fr", "Atelier B"]),
        ];
        let establishments = vec![
            row(
                1,
                &[
                    "Dossier ID",
                    "Champ",
                    "Établissement SIRET",
                    "Entreprise raison sociale",
                ],
            ),
            row(
                2,
                &["102", "SIRET du partenaire", "11111111111111", "Autre"],
            ),
            row(3, &["102", "", "22222222222222", "Atelier B"]),
            row(4, &["101", "", "33333333333333", "Atelier A"]),
        ];
        assert!(join_establishments(&mut dossiers, &establishments));
        assert_eq!(
            dossiers[0].cells,
            [
                "ID",
                "Email",
                "Entreprise raison sociale",
                "Établissement SIRET"
            ]
        );
        assert_eq!(dossiers[1].cell(3), "33333333333333");
        assert_eq!(dossiers[2].cell(3), "22222222222222");
    }
}
