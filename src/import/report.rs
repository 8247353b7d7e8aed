//! The import's report: created, updated, unchanged, refused, and every problem located —
//! errors apart from warnings — for the terminal (French first) and as JSON.

use crate::i18n::{Lang, typography};
use crate::import::field::Target;
use crate::import::problem::{ImportProblem, Severity, printable, quote};
use crate::import::table::Source;
use crate::review::Status;
use serde::Serialize;

/// A status in the file that differs from the decision made in ancrage, which is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub row: usize,
    pub structure: String,
    pub site: String,
    pub in_file: Status,
    pub in_ancrage: Status,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub file: String,
    pub target: Target,
    pub source: Option<Source>,
    /// Data rows read (blank rows aside).
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rows with an error, left out.
    pub refused: usize,
    /// Rows repeating an earlier row's structure (or site), left out.
    pub duplicates: usize,
    pub applications_added: usize,
    pub problems: Vec<ImportProblem>,
    pub disagreements: Vec<Disagreement>,
    /// Columns nothing reads.
    pub unknown_columns: Vec<String>,
    /// `--skip-invalid`: the valid rows go in even when others are refused.
    pub skip_invalid: bool,
}

impl ImportReport {
    pub fn new(file: &str, target: Target, skip_invalid: bool) -> Self {
        ImportReport {
            file: file.to_owned(),
            target,
            source: None,
            rows: 0,
            created: 0,
            updated: 0,
            unchanged: 0,
            refused: 0,
            duplicates: 0,
            applications_added: 0,
            problems: Vec::new(),
            disagreements: Vec::new(),
            unknown_columns: Vec::new(),
            skip_invalid,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity() == Severity::Error)
    }

    /// Nothing may be written: errors without `--skip-invalid`, or no row at all.
    pub fn is_refused(&self) -> bool {
        (self.has_errors() && !self.skip_invalid) || self.rows == 0
    }

    pub fn errors(&self) -> impl Iterator<Item = &ImportProblem> {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &ImportProblem> {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Warning)
    }

    /// Problems in file order (row, then as found).
    pub fn sort_problems(&mut self) {
        self.problems.sort_by_key(|p| p.row);
    }

    /// The report for the terminal: what was read, the counts, errors, warnings,
    /// disagreements and unknown columns.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        out.push_str(&self.heading(lang));
        out.push('\n');
        out.push_str(&self.counts(lang));
        out.push('\n');
        let section = |out: &mut String, title: String, lines: Vec<String>| {
            if lines.is_empty() {
                return;
            }
            out.push_str(&title);
            out.push('\n');
            for line in lines {
                out.push_str("  ");
                out.push_str(&line);
                out.push('\n');
            }
        };
        let colon = lang.pick("\u{a0}:", ":");
        let errors: Vec<String> = self.errors().map(|p| p.render(lang)).collect();
        let warnings: Vec<String> = self.warnings().map(|p| p.render(lang)).collect();
        section(
            &mut out,
            format!(
                "{} ({}){colon}",
                lang.pick("Erreurs", "Errors"),
                errors.len()
            ),
            errors,
        );
        section(
            &mut out,
            format!(
                "{} ({}){colon}",
                lang.pick("Avertissements", "Warnings"),
                warnings.len()
            ),
            warnings,
        );
        let disagreements: Vec<String> = self
            .disagreements
            .iter()
            .map(|d| match lang {
                Lang::Fr => typography(
                    &format!(
                        "ligne {} : {} × {} — fichier « {} », ancrage « {} » (conservé)",
                        d.row,
                        printable(&d.structure),
                        printable(&d.site),
                        d.in_file.label(lang),
                        d.in_ancrage.label(lang)
                    ),
                    lang,
                ),
                Lang::En => format!(
                    "row {}: {} × {} — file “{}”, ancrage “{}” (kept)",
                    d.row,
                    printable(&d.structure),
                    printable(&d.site),
                    d.in_file.label(lang),
                    d.in_ancrage.label(lang)
                ),
            })
            .collect();
        section(
            &mut out,
            format!(
                "{} ({}){colon}",
                lang.pick(
                    "Désaccords avec les décisions prises dans ancrage",
                    "Disagreements with decisions made in ancrage"
                ),
                disagreements.len()
            ),
            disagreements,
        );
        if !self.unknown_columns.is_empty() {
            let list = self
                .unknown_columns
                .iter()
                .map(|c| quote(&printable(c), lang))
                .collect::<Vec<_>>()
                .join(", ");
            out.push_str(&format!(
                "{}{colon} {list}\n",
                lang.pick(
                    "Colonnes non reprises (à nommer dans un fichier de correspondance si besoin)",
                    "Columns not used (name them in a mapping file if needed)"
                )
            ));
        }
        out
    }

    fn heading(&self, lang: Lang) -> String {
        let what = match self.source.as_ref() {
            Some(Source::Csv {
                encoding,
                delimiter,
            }) => {
                let delimiter = match delimiter {
                    '\t' => lang.pick("tabulation", "tab").to_owned(),
                    other => quote(&other.to_string(), lang),
                };
                match lang {
                    Lang::Fr => format!("CSV, {}, séparateur {delimiter}", encoding.name()),
                    Lang::En => format!("CSV, {}, delimiter {delimiter}", encoding.name()),
                }
            }
            Some(Source::Spreadsheet {
                sheet,
                establishments,
            }) => {
                let mut text = match lang {
                    Lang::Fr => format!("classeur, feuille {}", quote(sheet, lang)),
                    Lang::En => format!("workbook, sheet {}", quote(sheet, lang)),
                };
                if let Some(e) = establishments {
                    text.push_str(&match lang {
                        Lang::Fr => format!(" et ses établissements ({})", quote(e, lang)),
                        Lang::En => format!(" joined with its establishments ({})", quote(e, lang)),
                    });
                }
                text
            }
            None => lang.pick("illisible", "unreadable").to_owned(),
        };
        let name = printable(&self.file);
        match lang {
            Lang::Fr => format!("Import de {name} ({what})"),
            Lang::En => format!("Import of {name} ({what})"),
        }
    }

    fn counts(&self, lang: Lang) -> String {
        let things = match (self.target, lang) {
            (Target::Applications, Lang::Fr) => "structures",
            (Target::Applications, Lang::En) => "structures",
            (Target::Sites, Lang::Fr) => "lieux",
            (Target::Sites, Lang::En) => "sites",
        };
        let mut text = match lang {
            Lang::Fr => format!(
                "{} ligne(s) lue(s) : {} {things} créé(e)s, {} mis(es) à jour, {} inchangé(e)s, {} ligne(s) refusée(s)",
                self.rows, self.created, self.updated, self.unchanged, self.refused
            ),
            Lang::En => format!(
                "{} row(s) read: {} {things} created, {} updated, {} unchanged, {} row(s) refused",
                self.rows, self.created, self.updated, self.unchanged, self.refused
            ),
        };
        if self.duplicates > 0 {
            text.push_str(&match lang {
                Lang::Fr => format!(", {} doublon(s) ignoré(s)", self.duplicates),
                Lang::En => format!(", {} duplicate(s) left out", self.duplicates),
            });
        }
        if self.target == Target::Applications {
            text.push_str(&match lang {
                Lang::Fr => format!(
                    " ; {} candidature(s) ajoutée(s) à l’appel",
                    self.applications_added
                ),
                Lang::En => format!(
                    "; {} application(s) added to the call",
                    self.applications_added
                ),
            });
        }
        text.push('.');
        typography(&text, lang)
    }

    /// The JSON form: `{"created", "updated", "unchanged", "applications_added", "problems":
    /// [{"row", "column", "value", "expected", "severity"}], …}`.
    pub fn json(&self, lang: Lang, written: bool, dry_run: bool) -> serde_json::Value {
        #[derive(Serialize)]
        struct Problem<'a> {
            row: usize,
            column: &'a str,
            value: &'a str,
            expected: String,
            severity: Severity,
        }
        #[derive(Serialize)]
        struct DisagreementJson<'a> {
            row: usize,
            structure: &'a str,
            site: &'a str,
            in_file: Status,
            in_ancrage: Status,
        }
        serde_json::json!({
            "file": self.file,
            "source": self.source,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "refused": self.refused,
            "duplicates": self.duplicates,
            "applications_added": self.applications_added,
            "problems": self.problems.iter().map(|p| Problem {
                row: p.row,
                column: &p.column,
                value: &p.value,
                expected: p.expected.text(lang),
                severity: p.severity(),
            }).collect::<Vec<_>>(),
            "disagreements": self.disagreements.iter().map(|d| DisagreementJson {
                row: d.row,
                structure: &d.structure,
                site: &d.site,
                in_file: d.in_file,
                in_ancrage: d.in_ancrage,
            }).collect::<Vec<_>>(),
            "unknown_columns": self.unknown_columns,
            "import_refused": self.is_refused(),
            "dry_run": dry_run,
            "written": written,
        })
    }
}
