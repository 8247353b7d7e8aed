//! Language choice and French-first formatting of numbers, money, surfaces and dates.
//!
//! Wording lives next to the layer that uses it (each layer keeps its own message table as an
//! exhaustive `match` on `Lang`, so a missing translation is a compile error); this module only
//! holds what they share.

pub mod fold;
mod format;
pub mod labels;
pub mod natural;
mod printable;
pub mod suggest;

pub use format::{date, decimal, fixed, money, number, percent, surface};
pub use labels::Label;
pub use printable::{is_unsafe, printable, printable_lines};

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

/// French typography for text written with ordinary spaces: a non-breaking space before
/// `:` `;` `?` `!` and inside « », so a line never starts with a lone colon or guillemet.
/// English text is returned as it is.
pub fn typography(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_owned();
    }
    let nb = NBSP.to_string();
    text.replace(" :", &format!("{nb}:"))
        .replace(" ;", &format!("{nb};"))
        .replace(" ?", &format!("{nb}?"))
        .replace(" !", &format!("{nb}!"))
        .replace("« ", &format!("«{nb}"))
        .replace(" »", &format!("{nb}»"))
}

/// « à Montreuil », « aux Lilas », « au Pré-Saint-Gervais »: the French preposition before a
/// city name, contracted with its article.
pub fn at_city(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Les ") {
        format!("aux {rest}")
    } else if let Some(rest) = name.strip_prefix("Le ") {
        format!("au {rest}")
    } else {
        format!("à {name}")
    }
}

/// Non-breaking space (before `€`, `m²`, and before `:` `;` `?` `!` in French).
pub const NBSP: char = '\u{a0}';
/// Narrow non-breaking space, the French thousands separator.
pub const NNBSP: char = '\u{202f}';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn city_prepositions() {
        assert_eq!(at_city("Montreuil"), "à Montreuil");
        assert_eq!(at_city("Les Lilas"), "aux Lilas");
        assert_eq!(at_city("Le Pré-Saint-Gervais"), "au Pré-Saint-Gervais");
    }

    #[test]
    fn french_spaces_before_double_punctuation() {
        assert_eq!(
            typography("Lieu : « Usine » ; ok ? oui !", Lang::Fr),
            "Lieu\u{a0}: «\u{a0}Usine\u{a0}»\u{a0}; ok\u{a0}? oui\u{a0}!"
        );
        assert_eq!(typography("Site: “x”", Lang::En), "Site: “x”");
    }
}
