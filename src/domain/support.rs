//! Support: the organisations of the accompaniment network that follow a structure
//! (incubation, DLA, financing…), and when.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a support organisation does for a structure.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SupportKind {
    Incubation,
    /// Dispositif local d'accompagnement.
    Dla,
    Financing,
    Mentoring,
    Other,
}

impl SupportKind {
    pub const ALL: [SupportKind; 5] = [
        SupportKind::Incubation,
        SupportKind::Dla,
        SupportKind::Financing,
        SupportKind::Mentoring,
        SupportKind::Other,
    ];
}

/// An organisation of the accompaniment network, listed in the territory file so forms offer
/// them by name (FAM 93, FOL 93 – DLA, Inser'éco 93, Les Canaux, Lab3S…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportOrganisation {
    /// Stable slug, e.g. `fol-93-dla`.
    pub code: String,
    pub name: String,
}

/// One organisation following a structure, from a date, maybe until another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// Code of an organisation of the territory file.
    pub organisation: String,
    pub kind: SupportKind,
    pub from: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

impl Support {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }
}
