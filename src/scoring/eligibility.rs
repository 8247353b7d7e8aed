//! Hard rules: a pair that breaks one is ineligible, and every broken rule is stated.

use serde::Serialize;

/// One reason why a structure cannot go to a site. Kept as a bit set in the hot loop
/// (`Reasons`), turned into words only for the pairs shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ineligibility {
    /// The site excludes the structure's sector.
    ExcludedSector,
    /// The site is not available when the structure needs it.
    NotAvailable,
    /// The structure needs the premises longer than the site offers.
    TooLong,
    /// A feature the structure requires is missing.
    MissingFeature,
    /// No available lot offers a use type the structure asks for.
    NoLotForUse,
    /// Even the smallest surface the structure accepts costs more than its maximum budget.
    OverBudget,
}

impl Ineligibility {
    pub const ALL: [Ineligibility; 6] = [
        Ineligibility::ExcludedSector,
        Ineligibility::NotAvailable,
        Ineligibility::TooLong,
        Ineligibility::MissingFeature,
        Ineligibility::NoLotForUse,
        Ineligibility::OverBudget,
    ];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of ineligibility reasons; empty means eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Reasons(u8);

impl Reasons {
    pub fn insert(&mut self, reason: Ineligibility) {
        self.0 |= reason.bit();
    }

    pub fn contains(self, reason: Ineligibility) -> bool {
        self.0 & reason.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Ineligibility> {
        Ineligibility::ALL
            .into_iter()
            .filter(move |r| self.contains(*r))
    }
}
