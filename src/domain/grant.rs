//! Grants of the impact fund (fonds à impact) to a structure, year by year.

use crate::domain::{CallId, Money};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a grant pays for: the fund finances running costs or investment.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum GrantPurpose {
    Fonctionnement,
    Investissement,
}

impl GrantPurpose {
    pub const ALL: [GrantPurpose; 2] = [GrantPurpose::Fonctionnement, GrantPurpose::Investissement];
}

impl std::str::FromStr for GrantPurpose {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "fonctionnement" | "operating" | "running" => Ok(GrantPurpose::Fonctionnement),
            "investissement" | "investment" => Ok(GrantPurpose::Investissement),
            other => Err(format!(
                "objet inconnu «\u{a0}{other}\u{a0}» / unknown purpose: fonctionnement, investissement"
            )),
        }
    }
}

/// One request to the fund and, once decided, what was granted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    /// The fund's year the grant counts against.
    pub year: i32,
    pub requested: Money,
    /// None while the request waits for a decision; 0 when it was turned down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted: Option<Money>,
    pub purpose: GrantPurpose,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_on: Option<NaiveDate>,
    /// The call the request came with, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<CallId>,
    /// The committee or deliberation that decided (« Comité du fonds à impact, juin 2026 »).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub committee: String,
}

impl Grant {
    pub fn granted_amount(&self) -> Money {
        self.granted.unwrap_or(Money::ZERO)
    }

    pub fn is_pending(&self) -> bool {
        self.granted.is_none()
    }
}
