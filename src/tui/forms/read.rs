//! Values read from a form's fields, typed the French way and parsed by the import's parsers
//! (`12 000 €`, `1 000,50`, `80-120`, `24 mois`, `31/01/2027`, a SIRET with spaces). A value
//! that does not parse, or a mandatory one left empty, is noted at its field's path with what
//! was expected; the builder then keeps its fallback so the rest of the draft is still checked.

use crate::import::problem::Expected;
use crate::import::values::{date, duration, number, siret, surface};
use crate::tui::forms::field::{Field, Item, Value};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

/// A value the officer typed that could not become part of the record.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseIssue {
    /// Absolute path (`structure.needs.start`), as validation would name the field.
    pub path: String,
    pub expected: Expected,
}

/// Reads the fields of one form (or of one item of a list) under `prefix`.
pub struct Reader<'a> {
    fields: &'a [Field],
    prefix: String,
    pub issues: Vec<ParseIssue>,
}

impl<'a> Reader<'a> {
    pub fn new(fields: &'a [Field], prefix: impl Into<String>) -> Reader<'a> {
        Reader {
            fields,
            prefix: prefix.into(),
            issues: Vec::new(),
        }
    }

    /// A reader of an item's fields (`structure.pathway[2]`), whose issues are collected here.
    pub fn item<T>(
        &mut self,
        fields: &[Field],
        path: String,
        read: impl FnOnce(&mut Reader<'_>) -> T,
    ) -> T {
        let mut reader = Reader::new(fields, path);
        let value = read(&mut reader);
        self.issues.append(&mut reader.issues);
        value
    }

    pub fn path(&self, id: &str) -> String {
        format!("{}.{id}", self.prefix)
    }

    fn field(&self, id: &str) -> Option<&'a Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn note(&mut self, id: &str, expected: Expected) {
        let path = self.path(id);
        self.issues.push(ParseIssue { path, expected });
    }

    /// The text typed, trimmed (empty for a field that is not there).
    pub fn text(&self, id: &str) -> String {
        self.field(id)
            .map(|f| f.text_value().trim().to_owned())
            .unwrap_or_default()
    }

    pub fn required_text(&mut self, id: &str) -> Option<String> {
        let text = self.text(id);
        if text.is_empty() {
            self.note(id, Expected::Required);
            None
        } else {
            Some(text)
        }
    }

    /// The text parsed; none when empty (nothing noted) or not understood (noted).
    pub fn parsed<T>(
        &mut self,
        id: &str,
        parse: impl Fn(&str) -> Result<T, Expected>,
    ) -> Option<T> {
        let text = self.text(id);
        if text.is_empty() {
            return None;
        }
        match parse(&text) {
            Ok(value) => Some(value),
            Err(expected) => {
                self.note(id, expected);
                None
            }
        }
    }

    /// Like `parsed`, an empty field being noted as missing.
    pub fn required<T>(
        &mut self,
        id: &str,
        parse: impl Fn(&str) -> Result<T, Expected>,
    ) -> Option<T> {
        if self.text(id).is_empty() {
            self.note(id, Expected::Required);
            return None;
        }
        self.parsed(id, parse)
    }

    /// True when the field holds text (an optional value given, parsed or not).
    pub fn given(&self, id: &str) -> bool {
        !self.text(id).is_empty()
    }

    pub fn choice(&self, id: &str) -> Option<String> {
        match self.field(id).map(|f| &f.value) {
            Some(Value::Choice(choice)) => choice.key().map(str::to_owned),
            _ => None,
        }
    }

    pub fn required_choice(&mut self, id: &str) -> Option<String> {
        let key = self.choice(id);
        if key.is_none() {
            self.note(id, Expected::Required);
        }
        key
    }

    /// A choice of an enumeration, by its serde code.
    pub fn code<T: DeserializeOwned>(&mut self, id: &str) -> Option<T> {
        self.required_choice(id).and_then(|k| from_code(&k))
    }

    pub fn keys(&self, id: &str) -> Vec<String> {
        match self.field(id).map(|f| &f.value) {
            Some(Value::Multi(multi)) => multi.keys(),
            _ => Vec::new(),
        }
    }

    pub fn required_keys(&mut self, id: &str) -> Vec<String> {
        let keys = self.keys(id);
        if keys.is_empty() {
            self.note(id, Expected::Required);
        }
        keys
    }

    pub fn codes<T: DeserializeOwned>(&self, id: &str) -> Vec<T> {
        self.keys(id).iter().filter_map(|k| from_code(k)).collect()
    }

    pub fn flag(&self, id: &str) -> bool {
        matches!(self.field(id).map(|f| &f.value), Some(Value::Flag(true)))
    }

    pub fn items(&self, id: &str) -> &'a [Item] {
        match self.field(id).map(|f| &f.value) {
            Some(Value::List(list)) => &list.items,
            _ => &[],
        }
    }

    // The French value parsers, by field.

    pub fn date(&mut self, id: &str) -> Option<NaiveDate> {
        self.parsed(id, date::date)
    }

    pub fn required_date(&mut self, id: &str) -> Option<NaiveDate> {
        self.required(id, date::date)
    }

    pub fn money(&mut self, id: &str) -> Option<crate::domain::Money> {
        self.parsed(id, number::money)
    }

    pub fn required_money(&mut self, id: &str) -> Option<crate::domain::Money> {
        self.required(id, number::money)
    }

    pub fn count(&mut self, id: &str) -> Option<u32> {
        self.parsed(id, number::count)
    }

    pub fn float(&mut self, id: &str) -> Option<f64> {
        self.parsed(id, number::float)
    }

    pub fn surface(&mut self, id: &str) -> Option<f64> {
        self.parsed(id, surface::single)
    }

    pub fn surface_range(&mut self, id: &str) -> Option<surface::SurfaceRange> {
        self.required(id, surface::range)
    }

    pub fn duration(&mut self, id: &str) -> Option<crate::domain::Duration> {
        self.required(id, duration::duration)
    }

    pub fn siret(&mut self, id: &str) -> Option<String> {
        self.parsed(id, siret::siret)
    }
}

/// The serde code of an enumeration's value (`scop`, `per_m2_month`): the key of its option.
pub fn code_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub fn from_code<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{LegalForm, Money};

    #[test]
    fn french_values_parse_and_mistakes_are_noted_at_their_path() {
        let fields = vec![
            Field::text("budget", ("Budget", "Budget"), "12 000 €"),
            Field::text("start", ("Début", "Start"), "31/02/2027"),
            Field::text("name", ("Nom", "Name"), "  "),
            Field::text("siret", ("SIRET", "SIRET"), ""),
        ];
        let mut reader = Reader::new(&fields, "structure");
        assert_eq!(reader.required_money("budget"), Some(Money::euros(12_000)));
        assert_eq!(reader.required_date("start"), None);
        assert_eq!(reader.required_text("name"), None);
        assert_eq!(
            reader.siret("siret"),
            None,
            "optional and empty: nothing noted"
        );
        let noted: Vec<(&str, &Expected)> = reader
            .issues
            .iter()
            .map(|i| (i.path.as_str(), &i.expected))
            .collect();
        assert_eq!(
            noted,
            vec![
                ("structure.start", &Expected::ImpossibleDate),
                ("structure.name", &Expected::Required),
            ]
        );
    }

    #[test]
    fn codes_round_trip() {
        assert_eq!(code_of(&LegalForm::Scop), "scop");
        assert_eq!(from_code::<LegalForm>("scop"), Some(LegalForm::Scop));
        assert_eq!(from_code::<LegalForm>("nope"), None);
    }
}
