//! Property tests of the import: random bytes and random cells never panic, and every problem
//! the report holds is located (a row as the spreadsheet numbers it, a column, the value).

mod common;

use ancrage::domain::{CallId, Workspace};
use ancrage::i18n::Lang;
use ancrage::import::field::{APPLICATION_FIELDS, SITE_FIELDS};
use ancrage::import::{ImportFile, ImportOptions, Prepared, prepare_applications, prepare_sites};
use ancrage::store::load::load_workspace;
use proptest::prelude::*;
use std::sync::OnceLock;

fn workspace() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| load_workspace(&common::fixture_dir()).expect("fixture loads"))
}

fn both(bytes: &[u8]) -> Vec<Prepared> {
    let file = ImportFile {
        name: "x.csv",
        bytes,
    };
    let options = ImportOptions::default();
    let applications = prepare_applications(
        &file,
        &CallId::new("tempo-2026"),
        workspace(),
        None,
        &options,
    );
    let sites = prepare_sites(&file, workspace(), &options);
    match (applications, sites) {
        (Ok(a), Ok(s)) => vec![a, s],
        // Only a spreadsheet-looking file calamine cannot open is refused as a whole.
        (a, s) => {
            assert!(bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0"));
            assert!(a.is_err() && s.is_err());
            Vec::new()
        }
    }
}

/// Every problem has a row within the file, a column, and renders in both languages.
fn located(prepared: &Prepared, rows: usize) -> Result<(), TestCaseError> {
    for p in &prepared.report.problems {
        prop_assert!(p.row >= 1 && p.row <= rows.max(1), "{p:?} in {rows} rows");
        prop_assert!(!p.column.is_empty(), "{p:?}");
        prop_assert!(!p.render(Lang::Fr).is_empty() && !p.render(Lang::En).is_empty());
        prop_assert!(!p.render(Lang::Fr).contains('\u{1b}'), "{p:?}");
    }
    if prepared.report.is_refused() {
        prop_assert!(prepared.operation.is_none());
    }
    Ok(())
}

/// Lines of text a spreadsheet would show for `bytes` read as text: an upper bound of rows.
fn line_bound(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéèàç0-9 ,;.\\-/()€²'\"\n]{0,20}",
        Just(String::new()),
        Just("8,41520E+13".to_owned()),
        Just("31/02/2027".to_owned()),
        Just("entre 60 et 100 m2".to_owned()),
        Just("12\u{a0}000 €".to_owned()),
        Just("=1+1".to_owned()),
        Just("\u{1b}[31mrouge".to_owned()),
        Just("Pre St Gervais".to_owned()),
        Just("X".to_owned()),
        Just("Usine des transitions".to_owned()),
        Just("SCOP SARL".to_owned()),
        Just("24 mois".to_owned()),
    ]
}

fn quote(field: &str) -> String {
    format!("\"{}\"", field.replace('"', "\"\""))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(prepared) = std::panic::catch_unwind(|| both(&bytes)) {
            for p in &prepared {
                located(p, line_bound(&bytes))?;
            }
        } else {
            prop_assert!(false, "panicked on {bytes:?}");
        }
    }

    #[test]
    fn random_cells_under_known_headers(
        headers in proptest::sample::subsequence(
            APPLICATION_FIELDS.iter().chain(SITE_FIELDS).map(|f| f.title(Lang::Fr)).collect::<Vec<_>>(),
            1..12,
        ),
        rows in proptest::collection::vec(proptest::collection::vec(cell(), 12), 0..8),
        delimiter in prop_oneof![Just(';'), Just(','), Just('\t')],
    ) {
        let mut text = headers.iter().map(|h| quote(h)).collect::<Vec<_>>().join(&delimiter.to_string());
        text.push_str("\r\n");
        for row in &rows {
            let cells: Vec<String> = row.iter().take(headers.len()).map(|c| quote(c)).collect();
            text.push_str(&cells.join(&delimiter.to_string()));
            text.push_str("\r\n");
        }
        let prepared = both(text.as_bytes());
        for p in &prepared {
            // One header row, one row per record: quoted line breaks add none.
            located(p, rows.len() + 1)?;
            for problem in &p.report.problems {
                if problem.row > 1 && !problem.value.is_empty() {
                    let row = &rows[problem.row - 2];
                    prop_assert!(
                        row.iter().any(|c| c.contains(problem.value.trim())),
                        "{problem:?} not in {row:?}"
                    );
                }
            }
        }
    }
}
