//! Language choice and French-first formatting of numbers, money, surfaces and dates.
//!
//! Wording lives next to the layer that uses it (each layer keeps its own message table as an
//! exhaustive `match` on `Lang`, so a missing translation is a compile error); this module only
//! holds what they share.

mod format;
pub mod labels;

pub use format::{date, decimal, money, number, percent, surface};
pub use labels::Label;

use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Picks the French or English text.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "fr" | "français" | "francais" => Ok(Lang::Fr),
            "en" | "english" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}`: expected `fr` or `en`")),
        }
    }
}

/// Non-breaking space (before `€`, `m²`, and before `:` `;` `?` `!` in French).
pub const NBSP: char = '\u{a0}';
/// Narrow non-breaking space, the French thousands separator.
pub const NNBSP: char = '\u{202f}';
