//! From a file's text to a typed document: parse → read `schema_version` → decode (current
//! version, straight from the text so errors carry line:column and field path) or migrate then
//! decode (older version, errors carry the field path).

use crate::store::SCHEMA_VERSION;
use crate::store::expected::Expected;
use crate::store::kind::Document;
use crate::store::migrate::{self, VersionError};
use crate::store::problem::Problem;
use crate::store::salvage::{self, Repaired};
use serde::Deserialize;
use serde_json::Value;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<D> {
    pub document: D,
    /// The version the file was written in, when older than the current one.
    pub migrated_from: Option<u32>,
}

/// Decodes the text of `file` (a workspace-relative path, used in the problem) as a `D`.
/// Stops at the first error (boxed: it is large and the happy path should not pay for it);
/// [`decode_reporting_all`] goes on to find the others.
pub fn decode<D: Document>(file: &Path, text: &str) -> Result<Decoded<D>, Box<Problem>> {
    let version = probe_version(file, text)?;
    if version == SCHEMA_VERSION {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let document = serde_path_to_error::deserialize(&mut deserializer)
            .map_err(|e| content_problem(file, e.path(), e.inner()))?;
        return Ok(Decoded {
            document,
            migrated_from: None,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_problem(file, &e))?;
    if version < migrate::FIRST_ENVELOPE_VERSION && value.get(D::KIND.envelope_key()).is_some() {
        // An envelope is version 1 or later: the version number is wrong, not the content.
        // Version 1 is the one to write: the migration brings any envelope on from there.
        return Err(Box::new(
            Problem::new(
                file,
                "schema_version",
                Expected::VersionOfContent {
                    found: version,
                    known: migrate::FIRST_ENVELOPE_VERSION,
                },
            )
            .with_value(&version),
        ));
    }
    let current = migrate::migrate(value, D::KIND).map_err(|e| version_problem(file, None, e))?;
    let document = serde_path_to_error::deserialize(current)
        .map_err(|e| content_problem(file, e.path(), e.inner()))?;
    Ok(Decoded {
        document,
        migrated_from: Some(version),
    })
}

/// A file that did not decode: every problem found (never none), and the document repaired
/// around them when that was possible, for validation to find the rest (see `salvage`).
#[derive(Debug)]
pub struct Failed<D> {
    pub problems: Vec<Problem>,
    pub repaired: Option<Repaired<D>>,
}

/// Like [`decode`], but on a content error goes on to find the file's other errors (see
/// `salvage`): the first problem carries line:column from the text, the others their field
/// path (the loader then locates them in the text).
pub fn decode_reporting_all<D: Document>(file: &Path, text: &str) -> Result<Decoded<D>, Failed<D>> {
    decode::<D>(file, text).map_err(|first| {
        let first = *first;
        if !matches!(first.expected, Expected::ValidContent(_)) {
            return Failed {
                problems: vec![first],
                repaired: None,
            };
        }
        // The text parsed and its version was readable, or there would be no content error.
        let tree = serde_json::from_str::<Value>(text)
            .ok()
            .and_then(|v| migrate::migrate(v, D::KIND).ok());
        let Some(salvaged) = tree.map(|tree| salvage::salvage::<D>(file, tree)) else {
            return Failed {
                problems: vec![first],
                repaired: None,
            };
        };
        let first_field = first.field.clone();
        let problems = std::iter::once(first)
            .chain(
                salvaged
                    .problems
                    .into_iter()
                    .filter(|p| p.field != first_field),
            )
            .collect();
        Failed {
            problems,
            repaired: salvaged.repaired,
        }
    })
}

/// Reads `schema_version` without building the whole JSON tree (the other fields are skipped,
/// not stored): a current file is then decoded straight from its text, in one more pass.
fn probe_version(file: &Path, text: &str) -> Result<u32, Box<Problem>> {
    #[derive(Deserialize)]
    struct Probe {
        schema_version: Option<Value>,
    }
    // serde would read a struct from an array too (its first element as `schema_version`),
    // and show that element — an applicant's e-mail — as the bad version.
    if !text.trim_start().starts_with('{') {
        serde_json::from_str::<serde::de::IgnoredAny>(text)
            .map_err(|e| syntax_problem(file, &e))?;
        return Err(Box::new(Problem::new(file, "", Expected::TopLevelObject)));
    }
    match serde_json::from_str::<Probe>(text) {
        Ok(probe) => migrate::check_version(probe.schema_version.as_ref())
            .map_err(|e| version_problem(file, probe.schema_version.as_ref(), e)),
        Err(e) if e.is_syntax() || e.is_eof() => Err(syntax_problem(file, &e)),
        // Not an object, or `schema_version` twice: the parsed tree tells which.
        Err(_) => {
            let value: Value = serde_json::from_str(text).map_err(|e| syntax_problem(file, &e))?;
            migrate::read_version(&value)
                .map_err(|e| version_problem(file, value.get("schema_version"), e))
        }
    }
}

fn syntax_problem(file: &Path, error: &serde_json::Error) -> Box<Problem> {
    let expected = if error.is_eof() {
        Expected::CompleteFile
    } else {
        Expected::WellFormedJson(message_without_position(error))
    };
    Box::new(Problem::new(file, "", expected).at(error.line(), error.column()))
}

fn version_problem(file: &Path, found: Option<&Value>, error: VersionError) -> Box<Problem> {
    let problem = match error {
        VersionError::NotAnObject => {
            return Box::new(Problem::new(file, "", Expected::TopLevelObject));
        }
        VersionError::Missing => Problem::new(file, "schema_version", Expected::SchemaVersion),
        VersionError::Newer(found) => Problem::new(
            file,
            "schema_version",
            Expected::KnownSchemaVersion {
                found,
                known: SCHEMA_VERSION,
            },
        ),
    };
    Box::new(match found {
        Some(v) => problem.with_value(v),
        None => problem,
    })
}

fn content_problem(
    file: &Path,
    path: &serde_path_to_error::Path,
    error: &serde_json::Error,
) -> Box<Problem> {
    let field = path.to_string();
    let field = field
        .strip_suffix(salvage::NUMBER_TOKEN)
        .map(|f| f.trim_end_matches('.').to_owned())
        .unwrap_or(field);
    let field = if field == "." { String::new() } else { field };
    let expected = if error.is_eof() {
        Expected::CompleteFile
    } else {
        Expected::ValidContent(message_without_position(error))
    };
    Box::new(Problem::new(file, field, expected).at(error.line(), error.column()))
}

/// serde_json appends " at line L column C" to its messages; the problem shows the position in
/// its own `file:line:column` prefix, so drop it here.
fn message_without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    if error.line() == 0 {
        return text;
    }
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::document::CallDocument;

    const CALL: &str = r#"{
  "schema_version": 2,
  "call": {
    "id": "tempo-2026",
    "title": "Temp'O 2026",
    "programme": "tempo",
    "sites": ["friche"],
    "deadline": "2026-04-03"
  }
}"#;

    fn file() -> &'static Path {
        Path::new("calls/tempo-2026.json")
    }

    #[test]
    fn current_version_decodes() {
        let decoded = decode::<CallDocument>(file(), CALL).unwrap();
        assert_eq!(decoded.document.call.id.as_str(), "tempo-2026");
        assert_eq!(decoded.migrated_from, None);
    }

    #[test]
    fn type_error_has_line_column_and_path() {
        let text = CALL.replace("\"2026-04-03\"", "\"3 avril\"");
        let p = decode::<CallDocument>(file(), &text).unwrap_err();
        assert_eq!(p.field, "call.deadline");
        assert_eq!(p.line, Some(8));
        assert!(p.column.is_some());
        assert!(matches!(p.expected, Expected::ValidContent(ref m) if !m.contains(" at line ")));
    }

    #[test]
    fn unknown_field_is_named() {
        let text = CALL.replace("\"title\"", "\"titel\"");
        let p = decode::<CallDocument>(file(), &text).unwrap_err();
        assert_eq!(p.field, "call.titel");
        assert_eq!(p.line, Some(5));
    }

    #[test]
    fn truncated_file_is_located() {
        let p = decode::<CallDocument>(file(), &CALL[..60]).unwrap_err();
        assert_eq!(p.expected, Expected::CompleteFile);
        assert!(p.line.is_some());
    }

    #[test]
    fn malformed_json_is_located() {
        let text = CALL.replace("\"programme\":", "\"programme\"");
        let p = decode::<CallDocument>(file(), &text).unwrap_err();
        assert!(matches!(p.expected, Expected::WellFormedJson(_)));
        assert_eq!(p.line, Some(6));
    }

    #[test]
    fn older_version_is_migrated_then_decoded() {
        let v0 = r#"{"schema_version": 0, "id": "tempo-2026", "title": "T", "programme": "tempo",
                     "sites": [], "deadline": "2026-04-03"}"#;
        let decoded = decode::<CallDocument>(file(), v0).unwrap();
        assert_eq!(decoded.migrated_from, Some(0));
        assert_eq!(decoded.document.schema_version, SCHEMA_VERSION);
        assert_eq!(decoded.document.call.title, "T");
    }

    #[test]
    fn older_version_errors_carry_the_path() {
        let v0 = r#"{"schema_version": 0, "id": "x", "title": "T", "programme": "tempo",
                     "sites": [], "deadline": 3}"#;
        let p = decode::<CallDocument>(file(), v0).unwrap_err();
        assert_eq!(p.field, "call.deadline");
    }

    #[test]
    fn newer_version_refused_with_both_numbers() {
        let text = CALL.replace("\"schema_version\": 2", "\"schema_version\": 3");
        let p = decode::<CallDocument>(file(), &text).unwrap_err();
        assert_eq!(p.field, "schema_version");
        assert_eq!(p.value.as_deref(), Some("3"));
        assert_eq!(
            p.expected,
            Expected::KnownSchemaVersion {
                found: 3,
                known: SCHEMA_VERSION
            }
        );
        assert!(
            p.render(crate::i18n::Lang::En)
                .contains("written by a newer ancrage (version 3, this program knows up to 2)")
        );
    }

    /// Issue 13, point 11: version 0 on a version-1 envelope is a wrong version, said as such
    /// (not « unknown field call.call »).
    #[test]
    fn version_zero_on_an_envelope_says_the_version_is_wrong() {
        let text = CALL.replace("\"schema_version\": 2", "\"schema_version\": 0");
        let p = decode::<CallDocument>(file(), &text).unwrap_err();
        assert_eq!(p.field, "schema_version");
        assert!(
            p.render(crate::i18n::Lang::Fr)
                .contains("la version 0 est inconnue pour un fichier de cette forme"),
            "{}",
            p.render(crate::i18n::Lang::Fr)
        );
    }

    /// Issue 13, point 11: an amount too large for a decimal names its field, in plain words.
    #[test]
    fn oversized_amount_names_its_field_plainly() {
        let text = CALL.replace("\"deadline\": \"2026-04-03\"", "\"deadline\": \"2026-04-03\", \"weights\": {\"surface\": 1e999, \"cost\": 1, \"sector\": 1, \"rebalancing\": 1, \"urgency\": 1}");
        let p = decode::<CallDocument>(file(), &text).unwrap_err();
        assert_eq!(p.field, "call.weights.surface");
        let fr = p.render(crate::i18n::Lang::Fr);
        assert!(!fr.contains("$serde_json"), "{fr}");
    }

    #[test]
    fn top_level_array_never_shows_its_content() {
        let p = decode::<CallDocument>(file(), r#"[{"email": "lea@example.org"}]"#).unwrap_err();
        assert_eq!(p.expected, Expected::TopLevelObject);
        assert_eq!(p.value, None);
    }

    #[test]
    fn missing_version_refused() {
        let text = CALL.replace("\"schema_version\": 2,", "");
        let p = decode::<CallDocument>(file(), &text).unwrap_err();
        assert_eq!(p.expected, Expected::SchemaVersion);
    }
}
