//! Occupation agreements: the legal form of a stay (temporary convention, lease…) and its terms,
//! carried by the pathway episode it governs.

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The French legal instruments a site is occupied under.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    /// Convention d'occupation précaire: no right to stay, often used by incubators.
    ConventionOccupationPrecaire,
    /// Convention d'occupation temporaire (public domain), the usual tool of Temp'O.
    ConventionOccupationTemporaire,
    /// Bail dérogatoire: a commercial lease of at most three years.
    BailDerogatoire,
    /// Bail commercial (3-6-9).
    BailCommercial,
    /// Bail emphytéotique: very long lease (18 to 99 years).
    BailEmphyteotique,
    Other,
}

impl AgreementKind {
    pub const ALL: [AgreementKind; 6] = [
        AgreementKind::ConventionOccupationPrecaire,
        AgreementKind::ConventionOccupationTemporaire,
        AgreementKind::BailDerogatoire,
        AgreementKind::BailCommercial,
        AgreementKind::BailEmphyteotique,
        AgreementKind::Other,
    ];

    /// The name in files and on the command line (`convention_occupation_temporaire`).
    pub fn code(self) -> &'static str {
        match self {
            AgreementKind::ConventionOccupationPrecaire => "convention_occupation_precaire",
            AgreementKind::ConventionOccupationTemporaire => "convention_occupation_temporaire",
            AgreementKind::BailDerogatoire => "bail_derogatoire",
            AgreementKind::BailCommercial => "bail_commercial",
            AgreementKind::BailEmphyteotique => "bail_emphyteotique",
            AgreementKind::Other => "other",
        }
    }
}

impl std::str::FromStr for AgreementKind {
    type Err = String;

    /// Accepts the code, with dashes or underscores, and the usual abbreviations (COP, COT).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace('-', "_");
        let alias = match wanted.as_str() {
            "cop" => Some(AgreementKind::ConventionOccupationPrecaire),
            "cot" => Some(AgreementKind::ConventionOccupationTemporaire),
            _ => None,
        };
        alias
            .or_else(|| AgreementKind::ALL.into_iter().find(|k| k.code() == wanted))
            .ok_or_else(|| {
                let codes: Vec<_> = AgreementKind::ALL.iter().map(|k| k.code()).collect();
                format!(
                    "type de convention inconnu «\u{a0}{s}\u{a0}» / unknown agreement kind: {}",
                    codes.join(", ")
                )
            })
    }
}

/// The agreement a stay is held under. Its dates default to the episode's when absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub kind: AgreementKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<NaiveDate>,
    /// First day covered; the episode's `from` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Last day covered; the episode's `to` when absent (none: open-ended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// True when the agreement can be renewed at its end.
    #[serde(default)]
    pub renewable: bool,
    /// Notice either party must give before leaving, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_months: Option<u32>,
}

impl Agreement {
    /// An agreement of `kind` with no other term known yet.
    pub fn of_kind(kind: AgreementKind) -> Agreement {
        Agreement {
            kind,
            signed_on: None,
            start: None,
            end: None,
            renewable: false,
            notice_months: None,
        }
    }

    /// The last day notice can be given for the end: `end` minus the notice period.
    pub fn notice_deadline(&self, end: NaiveDate) -> Option<NaiveDate> {
        self.notice_months
            .and_then(|m| end.checked_sub_months(Months::new(m)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_codes_and_abbreviations() {
        for kind in AgreementKind::ALL {
            assert_eq!(kind.code().parse::<AgreementKind>(), Ok(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
        assert_eq!(
            "bail-commercial".parse::<AgreementKind>(),
            Ok(AgreementKind::BailCommercial)
        );
        assert_eq!(
            "COT".parse::<AgreementKind>(),
            Ok(AgreementKind::ConventionOccupationTemporaire)
        );
        assert!("bail".parse::<AgreementKind>().is_err());
    }

    #[test]
    fn notice_deadline_counts_back_from_the_end() {
        let mut a = Agreement::of_kind(AgreementKind::BailDerogatoire);
        let end = NaiveDate::from_ymd_opt(2027, 2, 28).unwrap();
        assert_eq!(a.notice_deadline(end), None);
        a.notice_months = Some(3);
        assert_eq!(
            a.notice_deadline(end),
            NaiveDate::from_ymd_opt(2026, 11, 28)
        );
    }
}
