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
//!   `per_m2_year`, `flat_month`. The territory's impact fund has one `annual_envelope`.
//! - **2**: the fund's envelope is given per year (`impact_fund.envelopes`, the version-1
//!   figure becoming the 2023 one, the year of the policy it came from), the territory holds the
//!   pathway settings (`pathway.incubation_exit_months`, 24) and the accompaniment network
//!   (`support_organisations`). Structures may carry grants, support, and episodes with their
//!   agreement, application and `planned` outcome — all optional, so version-1 structures,
//!   sites and calls need no change.

use crate::store::SCHEMA_VERSION;
use crate::store::kind::DocumentKind;
use serde_json::{Map, Value};

/// The first version whose files are envelopes (`{"schema_version": N, "<kind>": {…}}`).
pub const FIRST_ENVELOPE_VERSION: u32 = 1;

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
const STEPS: [Step; SCHEMA_VERSION as usize] = [v0_to_v1, v1_to_v2];

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

/// The year the version-1 `annual_envelope` was the figure of: Est Ensemble's 2023 ESS policy.
pub const V1_ENVELOPE_YEAR: i32 = 2023;

/// The source the version-1 figure is given when it is the policy's own (270 000 €).
pub const V1_ENVELOPE_SOURCE: &str = "Est Ensemble, politique de l’économie sociale et solidaire 2023\u{a0}: fonds à impact de 270\u{202f}000\u{a0}€ par an, 30\u{202f}000\u{a0}€ au plus par structure";

/// The accompaniment network of the policy, as version 2 lists it: `(code, name)`.
pub const SUPPORT_ORGANISATIONS: [(&str, &str); 5] = [
    ("fam-93", "FAM 93"),
    ("fol-93-dla", "FOL 93 – DLA"),
    ("inser-eco-93", "Inser’éco 93"),
    ("les-canaux", "Les Canaux"),
    ("lab3s", "Lab3S"),
];

/// Version 1 → 2: the territory's single envelope becomes the 2023 one; the pathway settings
/// and the accompaniment network are written out with their defaults. Other kinds only gain
/// optional fields.
fn v1_to_v2(mut envelope: Map<String, Value>, kind: DocumentKind) -> Map<String, Value> {
    if kind != DocumentKind::Territory {
        return envelope;
    }
    let Some(Value::Object(territory)) = envelope.get_mut(kind.envelope_key()) else {
        // Not the shape version 1 had: left for the typed decode to report, with its path.
        return envelope;
    };
    if let Some(Value::Object(fund)) = territory.get_mut("impact_fund")
        && let Some(amount) = fund.remove("annual_envelope")
    {
        let mut year = Map::new();
        year.insert("year".into(), Value::from(V1_ENVELOPE_YEAR));
        let is_policy_figure =
            amount.as_u64() == Some(270_000) || amount.as_f64() == Some(270_000.0);
        year.insert("amount".into(), amount);
        if is_policy_figure {
            year.insert("source".into(), Value::from(V1_ENVELOPE_SOURCE));
        }
        fund.insert("envelopes".into(), Value::Array(vec![Value::Object(year)]));
    }
    territory
        .entry("pathway")
        .or_insert_with(|| serde_json::json!({ "incubation_exit_months": 24 }));
    territory.entry("support_organisations").or_insert_with(|| {
        Value::Array(
            SUPPORT_ORGANISATIONS
                .iter()
                .map(|(code, name)| serde_json::json!({ "code": code, "name": name }))
                .collect(),
        )
    });
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
        let current = migrate(v0, DocumentKind::Site).unwrap();
        assert_eq!(
            current,
            json!({
                "schema_version": 2,
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
        let v2 = json!({"schema_version": 2, "territory": {"impact_fund": {"annual_envelope": 1}}});
        assert_eq!(migrate(v2.clone(), DocumentKind::Territory).unwrap(), v2);
    }

    #[test]
    fn v1_call_site_and_structure_only_change_version() {
        for (kind, key) in [
            (DocumentKind::Call, "call"),
            (DocumentKind::Site, "site"),
            (DocumentKind::Structure, "structure"),
        ] {
            let v1 = json!({"schema_version": 1, key: {"id": "x", "pathway": []}});
            let v2 = migrate(v1, kind).unwrap();
            assert_eq!(
                v2,
                json!({"schema_version": 2, key: {"id": "x", "pathway": []}})
            );
        }
    }

    #[test]
    fn v1_territory_envelope_becomes_the_2023_figure_with_its_source() {
        let v1 = json!({
            "schema_version": 1,
            "territory": {
                "name": "Est Ensemble",
                "impact_fund": {"annual_envelope": 270000, "cap_per_structure": 30000}
            }
        });
        let v2 = migrate(v1, DocumentKind::Territory).unwrap();
        assert_eq!(v2["schema_version"], 2);
        let t = &v2["territory"];
        assert_eq!(
            t["impact_fund"],
            json!({
                "cap_per_structure": 30000,
                "envelopes": [{"year": 2023, "amount": 270000, "source": V1_ENVELOPE_SOURCE}]
            })
        );
        assert_eq!(t["pathway"], json!({"incubation_exit_months": 24}));
        assert_eq!(t["support_organisations"].as_array().unwrap().len(), 5);
        assert_eq!(t["support_organisations"][1]["name"], "FOL 93 – DLA");
    }

    #[test]
    fn v1_territory_with_another_envelope_keeps_it_without_a_source() {
        let v1 = json!({
            "schema_version": 1,
            "territory": {
                "impact_fund": {"annual_envelope": 300000.5, "cap_per_structure": 30000},
                "pathway": {"incubation_exit_months": 18},
                "support_organisations": []
            }
        });
        let v2 = migrate(v1, DocumentKind::Territory).unwrap();
        let t = &v2["territory"];
        assert_eq!(
            t["impact_fund"]["envelopes"],
            json!([{"year": 2023, "amount": 300000.5}])
        );
        assert_eq!(t["pathway"]["incubation_exit_months"], 18);
        assert_eq!(t["support_organisations"], json!([]));
    }

    #[test]
    fn v0_territory_goes_all_the_way() {
        let v0 = json!({
            "schema_version": 0,
            "name": "Est Ensemble",
            "impact_fund": {"annual_envelope": 270000, "cap_per_structure": 30000}
        });
        let v2 = migrate(v0, DocumentKind::Territory).unwrap();
        assert_eq!(v2["schema_version"], 2);
        assert_eq!(v2["territory"]["impact_fund"]["envelopes"][0]["year"], 2023);
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
