//! Which column feeds which field: the officer's `--mapping` file first, then the built-in
//! mapping (`field::Field::aliases`), then Démarches Simplifiées' commune triple
//! (`<label> (Code INSEE)` next to `<label>`), then a header that starts with a known
//! several-word header (« Surface souhaitée pour votre activité »).
//!
//! The mapping file is TOML:
//!
//! ```toml
//! [columns]
//! "Nom de votre collectif" = "name"          # a field code…
//! "Superficie désirée" = "surface souhaitée"  # …or any header the built-in mapping knows
//! "Commentaire interne" = "ignore"
//! ```

use crate::i18n::Lang;
use crate::import::field::{APPLICATION_FIELDS, Field, KNOWN_UNUSED, SITE_FIELDS, Target};
use crate::import::header::{Layout, fold_header};
use crate::import::problem::{Choice, Expected};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// What the officer's mapping file says of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mapped {
    Field(Field),
    Ignore,
}

/// The officer's mapping: folded header → field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    columns: HashMap<String, Mapped>,
}

/// A mapping file that cannot be used: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingError {
    /// 1-based line and column in the mapping file, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    #[serde(default)]
    columns: BTreeMap<String, String>,
}

impl Mapping {
    /// Reads and parses the mapping file at `path` (the command line's `--mapping`, the import
    /// dialog's field); the error names the file, and the line and column when known.
    pub fn read(path: &std::path::Path, target: Target, lang: Lang) -> Result<Mapping, String> {
        let text = std::fs::read_to_string(path).map_err(|e| match lang {
            Lang::Fr => format!("{}\u{a0}: lecture impossible ({e})", path.display()),
            Lang::En => format!("{}: cannot read ({e})", path.display()),
        })?;
        Mapping::parse(&text, target).map_err(|e| {
            let mut place = path.display().to_string();
            if let Some(line) = e.line {
                place.push_str(&format!(":{line}"));
                if let Some(column) = e.column {
                    place.push_str(&format!(":{column}"));
                }
            }
            format!("{place}{} {}", lang.pick("\u{a0}:", ":"), e.message)
        })
    }

    /// Parses a mapping file's text. Every field name is checked against `target`'s fields.
    pub fn parse(text: &str, target: Target) -> Result<Mapping, MappingError> {
        let file: MappingFile = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|span| line_column(text, span.start))
                .map_or((None, None), |(l, c)| (Some(l), Some(c)));
            MappingError {
                line,
                column,
                message: e.message().to_owned(),
            }
        })?;
        let mut columns = HashMap::new();
        for (header, wanted) in file.columns {
            let mapped = if fold_header(&wanted) == "ignore" || fold_header(&wanted) == "ignorer" {
                Mapped::Ignore
            } else {
                match field_named(&wanted, target) {
                    Some(field) => Mapped::Field(field),
                    None => {
                        let (line, column) = text
                            .find(&format!("\"{wanted}\""))
                            .map(|at| line_column(text, at))
                            .map_or((None, None), |(l, c)| (Some(l), Some(c)));
                        let codes: Vec<String> =
                            fields(target).iter().map(|f| f.code().to_owned()).collect();
                        return Err(MappingError {
                            line,
                            column,
                            message: format!(
                                "« {wanted} » : {}",
                                Expected::Choice(Choice::Field, codes).text(crate::i18n::Lang::Fr)
                            ),
                        });
                    }
                }
            };
            columns.insert(fold_header(&header), mapped);
        }
        Ok(Mapping { columns })
    }

    pub fn get(&self, key: &str) -> Option<Mapped> {
        self.columns.get(key).copied()
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

pub fn fields(target: Target) -> &'static [Field] {
    match target {
        Target::Applications => APPLICATION_FIELDS,
        Target::Sites => SITE_FIELDS,
    }
}

/// A field by its code or by any header the built-in mapping knows for it.
fn field_named(name: &str, target: Target) -> Option<Field> {
    let wanted = name.trim();
    fields(target)
        .iter()
        .find(|f| f.code() == wanted)
        .copied()
        .or_else(|| builtin(&fold_header(wanted), target))
}

/// The field the built-in mapping gives a folded header, exactly.
pub fn builtin(key: &str, target: Target) -> Option<Field> {
    fields(target)
        .iter()
        .find(|f| f.aliases().contains(&key))
        .copied()
}

/// How the columns of a file feed the fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// Per field, its columns in order of preference (the first non-empty cell is taken).
    pub by_field: BTreeMap<Field, Vec<usize>>,
    /// Framaforms option columns: field → (column, option label).
    pub options: BTreeMap<Field, Vec<(usize, String)>>,
    /// Columns nothing reads, by title (reported, so a mistyped header does not go unseen).
    pub unknown: Vec<String>,
}

impl Columns {
    pub fn has(&self, field: Field) -> bool {
        self.by_field.contains_key(&field) || self.options.contains_key(&field)
    }
}

/// Resolves every column of `layout` for `target`.
pub fn resolve(layout: &Layout, target: Target, mapping: &Mapping) -> Columns {
    let mut out = Columns::default();
    for (index, column) in layout.columns.iter().enumerate() {
        if let Some((question, label)) = &column.option_of {
            match field_of(question, target, mapping) {
                Some(field) if field.is_multiple() => {
                    out.options
                        .entry(field)
                        .or_default()
                        .push((index, label.clone()));
                }
                _ => out.unknown.push(column.title.clone()),
            }
            continue;
        }
        if column.key.is_empty() {
            continue;
        }
        match mapping.get(&column.key) {
            Some(Mapped::Ignore) => continue,
            Some(Mapped::Field(field)) => {
                out.by_field.entry(field).or_default().push(index);
                continue;
            }
            None => {}
        }
        if KNOWN_UNUSED.contains(&column.key.as_str()) || is_department(&column.key) {
            continue;
        }
        match field_of(&column.key, target, mapping) {
            Some(field) => out.by_field.entry(field).or_default().push(index),
            None => out.unknown.push(column.title.clone()),
        }
    }
    // Built-in aliases are listed most specific first: order each field's columns so.
    for (field, columns) in &mut out.by_field {
        columns.sort_by_key(|&c| rank(*field, &layout.columns[c].key));
    }
    out
}

/// A column's preference for its field: the built-in mapping's order; a commune field's own
/// `(Code INSEE)` column first, so the code and the name come from the same question.
fn rank(field: Field, key: &str) -> usize {
    match field.aliases().iter().position(|a| *a == key) {
        Some(at) => at + 1,
        None if field == Field::CityInsee => 0,
        None => usize::MAX,
    }
}

/// Démarches Simplifiées' `<label> (Département)` column of a commune field.
fn is_department(key: &str) -> bool {
    key.ends_with(" departement")
}

/// The field of a folded header (not a Framaforms option).
fn field_of(key: &str, target: Target, mapping: &Mapping) -> Option<Field> {
    if let Some(Mapped::Field(field)) = mapping.get(key) {
        return Some(field);
    }
    if let Some(field) = builtin(key, target) {
        return Some(field);
    }
    // `<label> (Code INSEE)`: the code of the commune field `<label>`.
    if let Some(label) = key.strip_suffix(" code insee") {
        return match field_of(label, target, mapping) {
            Some(Field::City) => Some(Field::CityInsee),
            _ => None,
        };
    }
    // A question that starts with a header of several words: « Surface souhaitée pour votre
    // activité ». The longest such header wins.
    fields(target)
        .iter()
        .flat_map(|f| f.aliases().iter().map(move |a| (*f, *a)))
        .filter(|(_, alias)| alias.contains(' ') && key.starts_with(&format!("{alias} ")))
        .max_by_key(|(_, alias)| alias.len())
        .map(|(field, _)| field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::header::Column;

    fn layout(titles: &[&str]) -> Layout {
        Layout {
            header: 0,
            columns: titles
                .iter()
                .map(|t| Column {
                    title: (*t).to_owned(),
                    key: fold_header(t),
                    option_of: None,
                })
                .collect(),
        }
    }

    #[test]
    fn platform_headers_resolve() {
        let l = layout(&[
            "ID",
            "Email",
            "FranceConnect ?",
            "Établissement SIRET",
            "Entreprise SIRET siège social",
            "Entreprise raison sociale",
            "Commune d'implantation",
            "Commune d'implantation (Code INSEE)",
            "Commune d'implantation (Département)",
            "Surface souhaitée pour votre activité (m²)",
            "Question inconnue",
        ]);
        let c = resolve(&l, Target::Applications, &Mapping::default());
        assert_eq!(c.by_field[&Field::Dossier], vec![0]);
        assert_eq!(
            c.by_field[&Field::Siret],
            vec![3],
            "head office SIRET never taken"
        );
        assert_eq!(c.by_field[&Field::Name], vec![5]);
        assert_eq!(c.by_field[&Field::City], vec![6]);
        assert_eq!(c.by_field[&Field::CityInsee], vec![7]);
        assert_eq!(c.by_field[&Field::Surface], vec![9]);
        assert_eq!(c.unknown, vec!["Question inconnue"]);
    }

    #[test]
    fn the_officers_mapping_wins() {
        let mapping = Mapping::parse(
            "[columns]\n\"Nom de votre collectif\" = \"name\"\n\"Superficie\" = \"surface souhaitée\"\n\"Email\" = \"ignore\"\n",
            Target::Applications,
        )
        .unwrap();
        let l = layout(&["Nom de votre collectif", "Superficie (m²)", "Email"]);
        let c = resolve(&l, Target::Applications, &mapping);
        assert_eq!(c.by_field[&Field::Name], vec![0]);
        assert_eq!(c.by_field[&Field::Surface], vec![1]);
        assert!(!c.has(Field::Email));
    }

    #[test]
    fn mapping_errors_are_located() {
        let err =
            Mapping::parse("[columns]\n\"A\" = \"nimporte\"\n", Target::Applications).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("nimporte"), "{}", err.message);
        let err = Mapping::parse("[columns\n", Target::Applications).unwrap_err();
        assert_eq!(err.line, Some(1));
    }
}
