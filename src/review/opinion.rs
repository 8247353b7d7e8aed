//! Partner opinions (avis): the structures' coaches say whether they support an application.

use crate::review::Timestamp;
use serde::{Deserialize, Serialize};

/// The partners who coach ESS structures on the territory, and anyone else named.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Partner {
    Fam93,
    Fol93Dla,
    InserEco93,
    LesCanaux,
    Lab3s,
    Other(String),
}

impl Partner {
    /// The named partners, in the order a picker shows them.
    pub const KNOWN: [Partner; 5] = [
        Partner::Fam93,
        Partner::Fol93Dla,
        Partner::InserEco93,
        Partner::LesCanaux,
        Partner::Lab3s,
    ];

    pub fn name(&self) -> &str {
        match self {
            Partner::Fam93 => "FAM 93",
            Partner::Fol93Dla => "FOL 93 – DLA",
            Partner::InserEco93 => "Inser'éco 93",
            Partner::LesCanaux => "Les Canaux",
            Partner::Lab3s => "Lab3S",
            Partner::Other(name) => name,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opinion {
    pub partner: Partner,
    pub favourable: bool,
    #[serde(default)]
    pub text: String,
    /// The officer who recorded the opinion.
    pub who: String,
    pub at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_json() {
        assert_eq!(
            serde_json::to_string(&Partner::Fol93Dla).unwrap(),
            "\"fol93_dla\""
        );
        assert_eq!(
            serde_json::to_string(&Partner::Other("Ville de Bondy".into())).unwrap(),
            "{\"other\":\"Ville de Bondy\"}"
        );
        assert_eq!(Partner::InserEco93.name(), "Inser'éco 93");
    }
}
