//! Reading one row's cells by field, recording every problem where it is: the row as the
//! spreadsheet numbers it, the column's header, the value as written.

use crate::export::neutralise::is_dangerous;
use crate::import::field::Field;
use crate::import::header::Layout;
use crate::import::mapping::Columns;
use crate::import::problem::{Expected, ImportProblem};
use crate::import::table::Row;
use crate::import::text::{clean, clean_line};

pub struct Cells<'a> {
    pub row: &'a Row,
    layout: &'a Layout,
    columns: &'a Columns,
    pub problems: Vec<ImportProblem>,
}

impl<'a> Cells<'a> {
    pub fn new(row: &'a Row, layout: &'a Layout, columns: &'a Columns) -> Self {
        Cells {
            row,
            layout,
            columns,
            problems: Vec::new(),
        }
    }

    /// The first non-empty cell of the field's columns, with its column.
    pub fn raw(&self, field: Field) -> Option<(usize, &'a str)> {
        let row: &'a Row = self.row;
        self.columns
            .by_field
            .get(&field)?
            .iter()
            .map(|&c| (c, row.cell(c).trim()))
            .find(|(_, v)| !v.is_empty())
    }

    /// True when the file has a column (or Framaforms option columns) for the field.
    pub fn has_column(&self, field: Field) -> bool {
        self.columns.has(field)
    }

    /// The header of a column as written in the file.
    pub fn title(&self, column: usize) -> String {
        self.layout
            .columns
            .get(column)
            .map(|c| c.title.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| format!("#{}", column + 1))
    }

    /// The header of the field's first column, or its usual title when the file has none.
    pub fn field_title(&self, field: Field) -> String {
        match self.columns.by_field.get(&field).and_then(|c| c.first()) {
            Some(&column) => self.title(column),
            None => field.title(crate::i18n::Lang::Fr).to_owned(),
        }
    }

    pub fn report(&mut self, column: usize, value: &str, expected: Expected) {
        self.problems.push(ImportProblem {
            row: self.row.number,
            column: self.title(column),
            value: value.to_owned(),
            expected,
        });
    }

    /// A problem about a field rather than a cell (a mandatory value missing).
    pub fn report_field(&mut self, field: Field, expected: Expected) {
        self.problems.push(ImportProblem {
            row: self.row.number,
            column: self.field_title(field),
            value: String::new(),
            expected,
        });
    }

    /// The field parsed, or none when empty; an unparsable value is reported.
    pub fn parse<T>(
        &mut self,
        field: Field,
        parse: impl Fn(&str) -> Result<T, Expected>,
    ) -> Option<T> {
        let (column, value) = self.raw(field)?;
        match parse(value) {
            Ok(v) => Some(v),
            Err(expected) => {
                self.report(column, value, expected);
                None
            }
        }
    }

    /// Free text as the applicant wrote it (control characters removed, reported), with a
    /// warning when it starts like a spreadsheet formula.
    pub fn text(&mut self, field: Field) -> Option<String> {
        self.cleaned(field, clean)
    }

    /// A one-line text: a name, an email, a phone number.
    pub fn line(&mut self, field: Field) -> Option<String> {
        self.cleaned(field, clean_line)
    }

    fn cleaned(&mut self, field: Field, cleaner: fn(&str) -> (String, bool)) -> Option<String> {
        let (column, value) = self.raw(field)?;
        let (text, removed) = cleaner(value);
        if removed {
            self.report(column, value, Expected::ControlCharacters);
        }
        if is_dangerous(&text) {
            self.report(column, value, Expected::Formula);
        }
        (!text.is_empty()).then_some(text)
    }

    /// True when the row says nothing of the field (no cell, no ticked option).
    pub fn is_empty(&self, field: Field) -> bool {
        self.raw(field).is_none()
            && self.columns.options.get(&field).is_none_or(|options| {
                options
                    .iter()
                    .all(|(c, _)| !matches!(self.row.cell(*c).trim(), "X" | "x"))
            })
    }

    /// The pieces of a multiple-choice field: from its cell, or from Framaforms' option columns
    /// ticked `X`. Each piece comes with the column it was read in.
    pub fn choices(&self, field: Field) -> Option<Vec<(usize, String)>> {
        if let Some(options) = self.columns.options.get(&field) {
            let ticked: Vec<(usize, String)> = options
                .iter()
                .filter(|(c, _)| matches!(self.row.cell(*c).trim(), "X" | "x"))
                .map(|(c, label)| (*c, label.clone()))
                .collect();
            if !ticked.is_empty() {
                return Some(ticked);
            }
        }
        let (column, value) = self.raw(field)?;
        Some(vec![(column, value.to_owned())])
    }
}
