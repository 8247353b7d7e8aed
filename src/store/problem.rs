//! A problem found in the workspace: which file, where in it, which field, what it held and what
//! was expected. Loading collects every problem rather than stopping at the first.

use crate::i18n::Lang;
use crate::store::expected::{Expected, expected_label};
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Relative to the workspace (`sites/friche.json`), or the workspace folder itself.
    pub file: PathBuf,
    /// 1-based line and column, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// JSON path inside the file, e.g. `site.lots[2].surface`; empty for the whole file.
    pub field: String,
    /// The offending value as JSON, when there is one to show.
    pub value: Option<String>,
    pub expected: Expected,
}

impl Problem {
    /// A problem about `field` of `file`, location unknown yet.
    pub fn new(file: impl Into<PathBuf>, field: impl Into<String>, expected: Expected) -> Self {
        Problem {
            file: file.into(),
            line: None,
            column: None,
            field: field.into(),
            value: None,
            expected,
        }
    }

    /// The same problem, showing the offending value (serialised as JSON; a whole float
    /// such as a surface shows as `-5`, as the officer typed it, not `-5.0`).
    pub fn with_value<T: Serialize + ?Sized>(mut self, value: &T) -> Self {
        self.value = serde_json::to_string(value)
            .ok()
            .map(|text| match text.strip_suffix(".0") {
                Some(whole) if whole.parse::<i64>().is_ok() => whole.to_owned(),
                _ => text,
            });
        self
    }

    /// The same problem, at a 1-based line and column (0 means unknown, as in serde_json).
    pub fn at(mut self, line: usize, column: usize) -> Self {
        if line > 0 {
            self.line = Some(line);
            self.column = (column > 0).then_some(column);
        }
        self
    }

    /// One line: `sites/friche.json:12:7: site.lots[0].surface = -5 — attendu : …`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = location(&self.file, self.line, self.column);
        out.push(':');
        if !self.field.is_empty() {
            out.push(' ');
            out.push_str(&self.field);
            if let Some(value) = &self.value {
                out.push_str(" = ");
                out.push_str(&shorten(value));
            }
            out.push_str(" —");
        }
        out.push(' ');
        out.push_str(&expected_label(lang));
        out.push(' ');
        out.push_str(&self.expected.text(lang));
        out
    }
}

/// `file:line:column`, the form editors and terminals turn into links.
fn location(file: &Path, line: Option<usize>, column: Option<usize>) -> String {
    let mut out = file.display().to_string();
    if let Some(line) = line {
        out.push_str(&format!(":{line}"));
        if let Some(column) = column {
            out.push_str(&format!(":{column}"));
        }
    }
    out
}

/// Long values (a whole object) would drown the message: keep their start.
fn shorten(value: &str) -> String {
    const MAX_CHARS: usize = 60;
    if value.chars().count() <= MAX_CHARS {
        return value.to_owned();
    }
    let head: String = value.chars().take(MAX_CHARS).collect();
    format!("{head}…")
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Fr))
    }
}

/// Every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }

    /// Sorts by file, then line (unlocated problems of a file after the located ones keep their
    /// order of discovery), so the report reads file by file.
    pub fn sort(&mut self) {
        self.0
            .sort_by(|a, b| a.file.cmp(&b.file).then(line_key(a).cmp(&line_key(b))));
    }

    /// One problem per line, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|p| p.render(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn line_key(p: &Problem) -> (usize, usize) {
    (p.line.unwrap_or(usize::MAX), p.column.unwrap_or(usize::MAX))
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Fr))
    }
}

impl std::error::Error for Problems {}

impl From<Vec<Problem>> for Problems {
    fn from(problems: Vec<Problem>) -> Self {
        Problems(problems)
    }
}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_with_location_field_value_and_expectation() {
        let p = Problem::new(
            "sites/friche.json",
            "site.lots[0].surface",
            Expected::SurfaceInRange,
        )
        .with_value(&-5)
        .at(12, 7);
        assert_eq!(
            p.render(Lang::En),
            "sites/friche.json:12:7: site.lots[0].surface = -5 — expected: a surface between 0 and 1,000,000\u{a0}m²"
        );
        assert!(p.to_string().starts_with("sites/friche.json:12:7: site.lots[0].surface = -5 — attendu\u{a0}: une surface entre 0 et 1\u{202f}000\u{202f}000"));
    }

    #[test]
    fn whole_file_problem_has_no_field() {
        let p = Problem::new("territory.json", "", Expected::PresentFile);
        assert_eq!(
            p.render(Lang::En),
            "territory.json: expected: this file, which is missing"
        );
    }

    #[test]
    fn zero_line_means_unknown() {
        let p = Problem::new("a.json", "x", Expected::Slug).at(0, 0);
        assert_eq!(p.line, None);
    }

    #[test]
    fn sorted_by_file_then_line() {
        let mut ps = Problems(vec![
            Problem::new("b.json", "x", Expected::Slug),
            Problem::new("a.json", "y", Expected::Slug),
            Problem::new("a.json", "z", Expected::Slug).at(3, 1),
        ]);
        ps.sort();
        let fields: Vec<_> = ps.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["z", "y", "x"]);
    }
}
