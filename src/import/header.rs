//! Finding the header and naming the columns. Headers are compared folded: accents, case,
//! spaces, apostrophes and punctuation, and units in brackets or parentheses (`Surface
//! souhaitée (m²)` = `surface souhaitee [m2]`), but not other brackets: Démarches Simplifiées'
//! `Commune (Code INSEE)` stays apart from `Commune`.
//!
//! Framaforms (Drupal webform, `webform_results_download_headers`) writes three header rows:
//! the form's title, then `Submission Details` over the submission columns and each
//! multiple-choice question's name over its first option, then the labels; a question with
//! several answers is one column per option, `X` when ticked.

use crate::i18n::fold::fold_text;
use crate::import::table::Row;

/// Where the data starts and what each column is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Index (in the table's rows) of the row naming the columns.
    pub header: usize,
    pub columns: Vec<Column>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// As written in the file (for Framaforms options: « question / option »).
    pub title: String,
    /// Folded, for matching.
    pub key: String,
    /// Framaforms: the question this option column belongs to (folded), and the option.
    pub option_of: Option<(String, String)>,
}

/// Rows looked at for a header (a title or a blank line may come first).
const HEADER_SEARCH: usize = 10;

/// The header of `rows`: Framaforms' third row when its second starts with `Submission
/// Details`; else the first row with at least two columns `known` recognises; else the first
/// non-blank row.
pub fn detect(rows: &[Row], known: impl Fn(&str) -> bool) -> Option<Layout> {
    if rows.len() >= 3 && fold_header(rows[1].cell(0)) == "submission details" {
        return Some(framaforms(rows, &known));
    }
    let candidates = rows.iter().take(HEADER_SEARCH).enumerate();
    let chosen = candidates
        .clone()
        .find(|(_, row)| row.cells.iter().filter(|c| known(&fold_header(c))).count() >= 2)
        .or_else(|| candidates.clone().find(|(_, row)| !row.is_blank()))?;
    Some(Layout {
        header: chosen.0,
        columns: chosen.1.cells.iter().map(|t| plain(t)).collect(),
    })
}

fn plain(title: &str) -> Column {
    Column {
        title: title.trim().to_owned(),
        key: fold_header(title),
        option_of: None,
    }
}

/// Framaforms: a question named in the second row spans the following columns whose second
/// row is empty, whose label is no known field of its own, and whose answers are all `X` or
/// empty.
fn framaforms(rows: &[Row], known: &impl Fn(&str) -> bool) -> Layout {
    let questions = &rows[1];
    let labels = &rows[2];
    let data = &rows[3..];
    let width = labels.cells.len().max(questions.cells.len());
    let ticks_only = |c: usize| {
        data.iter()
            .all(|r| matches!(r.cell(c).trim(), "" | "X" | "x"))
    };
    let mut columns = Vec::with_capacity(width);
    let mut open: Option<String> = None;
    for c in 0..width {
        let question = questions.cell(c).trim();
        let label = labels.cell(c).trim();
        if c > 0 && !question.is_empty() && question != "Submission Details" && ticks_only(c) {
            open = Some(question.to_owned());
        } else if !question.is_empty() || known(&fold_header(label)) || !ticks_only(c) {
            open = None;
        }
        columns.push(match &open {
            Some(q) => Column {
                title: format!("{q} / {label}"),
                key: fold_header(q),
                option_of: Some((fold_header(q), label.to_owned())),
            },
            None => plain(label),
        });
    }
    Layout { header: 2, columns }
}

/// Units and markers dropped from headers when written in brackets.
const UNITS: &[&str] = &[
    "m2",
    "en m2",
    "m 2",
    "metres carres",
    "en metres carres",
    "eur",
    "euros",
    "en eur",
    "en euros",
    "eur ht",
    "euros ht",
    "eur an",
    "euros par an",
    "eur par an",
    "par an",
    "mois",
    "en mois",
    "ans",
    "en annees",
    "annees",
    "nombre",
    "etp",
    "en etp",
    "jj mm aaaa",
    "aaaa mm jj",
    "facultatif",
    "optionnel",
    "obligatoire",
    "eur m2 mois",
    "eur m2 an",
    "ht",
    "ttc",
    "",
];

/// The comparison form of a header.
pub fn fold_header(title: &str) -> String {
    let folded = fold_text(title)
        .replace('²', "2")
        .replace('€', " eur ")
        .replace('%', " pourcent ");
    let mut kept = String::with_capacity(folded.len());
    let mut rest = folded.as_str();
    while let Some(open) = rest.find(['(', '[']) {
        kept.push_str(&rest[..open]);
        let close_char = if rest[open..].starts_with('(') {
            ')'
        } else {
            ']'
        };
        match rest[open + 1..].find(close_char) {
            Some(len) => {
                let inner = words(&rest[open + 1..open + 1 + len]);
                if !UNITS.contains(&inner.as_str()) {
                    kept.push(' ');
                    kept.push_str(&inner);
                    kept.push(' ');
                }
                rest = &rest[open + 2 + len..];
            }
            None => {
                rest = &rest[open + 1..];
            }
        }
    }
    kept.push_str(rest);
    words(&kept)
}

/// Letters and digits, words single-spaced.
fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
    fn folding_drops_units_not_meaning() {
        assert_eq!(fold_header("Surface souhaitée (m²)"), "surface souhaitee");
        assert_eq!(fold_header("surface souhaitee [m2]"), "surface souhaitee");
        assert_eq!(
            fold_header("  SURFACE   Souhaitée (en m²) *"),
            "surface souhaitee"
        );
        assert_eq!(fold_header("Budget annuel (€)"), "budget annuel");
        assert_eq!(fold_header("Commune (Code INSEE)"), "commune code insee");
        assert_eq!(fold_header("Nom de l’association"), "nom de l association");
        assert_eq!(fold_header("FranceConnect ?"), "franceconnect");
        assert_eq!(fold_header("Adresse e-mail"), "adresse e mail");
    }

    #[test]
    fn header_found_below_a_title() {
        let rows = vec![
            row(1, &["Candidatures AMI 2026", ""]),
            row(2, &["", ""]),
            row(3, &["Raison sociale", "SIRET"]),
        ];
        let known = |k: &str| k == "raison sociale" || k == "siret";
        let layout = detect(&rows, known).unwrap();
        assert_eq!(layout.header, 2);
        assert_eq!(layout.columns[1].key, "siret");
    }

    #[test]
    fn framaforms_options_belong_to_their_question() {
        let rows = vec![
            row(1, &["AMI", "", "", "", "", ""]),
            row(
                2,
                &["Submission Details", "", "Lieux souhaités", "", "", ""],
            ),
            row(3, &["Serial", "SID", "Usine", "Friche", "Surface", "Nom"]),
            row(4, &["1", "41", "X", "", "80", "A"]),
            row(5, &["2", "42", "", "X", "", "B"]),
        ];
        let known = |k: &str| k == "surface" || k == "nom";
        let layout = detect(&rows, known).unwrap();
        assert_eq!(layout.header, 2);
        let options: Vec<Option<(String, String)>> =
            layout.columns.iter().map(|c| c.option_of.clone()).collect();
        assert_eq!(options[2], Some(("lieux souhaites".into(), "Usine".into())));
        assert_eq!(
            options[3],
            Some(("lieux souhaites".into(), "Friche".into()))
        );
        assert_eq!(options[4], None);
        assert_eq!(layout.columns[1].key, "sid");
    }
}
