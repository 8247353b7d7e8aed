//! The `schema_version` migration chain: each step lifts a file's JSON from version N to N + 1,
//! so a file written by any older ancrage loads as the current version.
//!
//! Versions:
//! - **0** (ancrage 0.x, before envelopes): the payload's fields sat at the top level beside
//!   `"schema_version": 0`, and fee units were spelt `eur_per_m2_month`, `eur_per_m2_year` and
//!   `eur_flat_month`:
//!   ```json
//!   { "schema_version": 0, "id": "friche", "lots": [{ "fee": { "unit": "eur_per_m2_month", … } }], … }
//!   ```
//! - **1**: the payload is nested under its kind (`{"schema_version": 1, "site": {…}}`, so that
//!   `deny_unknown_fields` and line:column errors work) and fee units are `per_m2_month`,
//!   `per_m2_year`, `flat_month`.

use crate::store::SCHEMA_VERSION;
use crate::store::kind::DocumentKind;
use serde_json::{Map, Value};

/// Why a file's version cannot be brought to the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionError {
    NotAnObject,
    /// `schema_version` absent, negative, fractional or not a number.
    Missing,
    /// Written by a newer ancrage.
    Newer(u64),
}

/// The file's `schema_version`, checked to be one this program can read.
pub fn read_version(value: &Value) -> Result<u32, VersionError> {
    let object = value.as_object().ok_or(VersionError::NotAnObject)?;
    check_version(object.get("schema_version"))
}

/// The version a `schema_version` field holds (`None`: no such field), checked the same way.
pub fn check_version(found: Option<&Value>) -> Result<u32, VersionError> {
    let version = found.and_then(Value::as_u64).ok_or(VersionError::Missing)?;
    match u32::try_from(version) {
        Ok(v) if v <= SCHEMA_VERSION => Ok(v),
        _ => Err(VersionError::Newer(version)),
    }
}

type Step = fn(Map<String, Value>, DocumentKind) -> Map<String, Value>;

/// `STEPS[n]` lifts version `n` to `n + 1`. The array is `SCHEMA_VERSION` long: bumping the
/// version without writing its step does not compile, so the chain cannot skip one.
const STEPS: [Step; SCHEMA_VERSION as usize] = [v0_to_v1];

/// Brings `value` (a `kind` file) to `SCHEMA_VERSION`, step by step.
pub fn migrate(value: Value, kind: DocumentKind) -> Result<Value, VersionError> {
    let from = read_version(&value)?;
    let Value::Object(mut object) = value else {
        return Err(VersionError::NotAnObject);
    };
    for (version, step) in STEPS.iter().enumerate().skip(from as usize) {
        object = step(object, kind);
        object.insert("schema_version".into(), Value::from(version + 1));
    }
    Ok(Value::Object(object))
}

/// Version 0 → 1: nest the payload under its kind; rename the fee units.
fn v0_to_v1(mut flat: Map<String, Value>, kind: DocumentKind) -> Map<String, Value> {
    flat.remove("schema_version");
    let mut payload = Value::Object(flat);
    let fee_holders: &[&str] = match kind {
        DocumentKind::Site => &["lots"],
        DocumentKind::Structure => &["pathway"],
        DocumentKind::Territory | DocumentKind::Call => &[],
    };
    for holder in fee_holders {
        if let Some(items) = payload.get_mut(*holder).and_then(Value::as_array_mut) {
            for item in items {
                if let Some(unit) = item.pointer_mut("/fee/unit") {
                    rename_fee_unit_v0(unit);
                }
            }
        }
    }
    let mut envelope = Map::new();
    envelope.insert(kind.envelope_key().into(), payload);
    envelope
}

fn rename_fee_unit_v0(unit: &mut Value) {
    let renamed = match unit.as_str() {
        Some("eur_per_m2_month") => "per_m2_month",
        Some("eur_per_m2_year") => "per_m2_year",
        Some("eur_flat_month") => "flat_month",
        // Unknown spellings are left for the typed decode to report, with their path.
        _ => return,
    };
    *unit = Value::from(renamed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn v0_site_is_nested_and_units_renamed() {
        let v0 = json!({
            "schema_version": 0,
            "id": "friche",
            "lots": [
                {"id": "a", "fee": {"unit": "eur_per_m2_month"}},
                {"id": "b", "fee": {"unit": "eur_flat_month"}},
                {"id": "c"}
            ]
        });
        let v1 = migrate(v0, DocumentKind::Site).unwrap();
        assert_eq!(
            v1,
            json!({
                "schema_version": 1,
                "site": {
                    "id": "friche",
                    "lots": [
                        {"id": "a", "fee": {"unit": "per_m2_month"}},
                        {"id": "b", "fee": {"unit": "flat_month"}},
                        {"id": "c"}
                    ]
                }
            })
        );
    }

    #[test]
    fn v0_structure_pathway_fees_renamed() {
        let v0 = json!({"schema_version": 0, "id": "x", "pathway": [{"fee": {"unit": "eur_per_m2_year"}}]});
        let v1 = migrate(v0, DocumentKind::Structure).unwrap();
        assert_eq!(v1["structure"]["pathway"][0]["fee"]["unit"], "per_m2_year");
    }

    #[test]
    fn current_version_is_untouched() {
        let v1 = json!({"schema_version": 1, "call": {"id": "x"}});
        assert_eq!(migrate(v1.clone(), DocumentKind::Call).unwrap(), v1);
    }

    #[test]
    fn newer_missing_and_odd_versions_refused() {
        assert_eq!(
            read_version(&json!({"schema_version": 3})),
            Err(VersionError::Newer(3))
        );
        assert_eq!(
            read_version(&json!({"schema_version": 99999999999u64})),
            Err(VersionError::Newer(99999999999))
        );
        assert_eq!(
            read_version(&json!({"site": {}})),
            Err(VersionError::Missing)
        );
        assert_eq!(
            read_version(&json!({"schema_version": "1"})),
            Err(VersionError::Missing)
        );
        assert_eq!(
            read_version(&json!({"schema_version": 1.5})),
            Err(VersionError::Missing)
        );
        assert_eq!(
            read_version(&json!({"schema_version": -1})),
            Err(VersionError::Missing)
        );
        assert_eq!(read_version(&json!([1])), Err(VersionError::NotAnObject));
    }
}
