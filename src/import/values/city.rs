//! Cities to INSEE codes. Names are compared without article, accents, case, hyphens or
//! spaces, `St`/`Ste` read as `Saint`/`Sainte`: « Le Pré-Saint-Gervais », `pre st gervais` and
//! `PRE-SAINT-GERVAIS` are one city. Démarches Simplifiées writes a commune as
//! `Montreuil (93100)` (`TypesDeChamp::CommuneTypeDeChamp#champ_value`, the postal code in
//! brackets) next to its INSEE code: the code, when given, wins. A city outside the territory
//! is kept, by its INSEE code when known, else by its name as written.

use crate::domain::ids::{is_insee_code, is_outside_city};
use crate::domain::{InseeCode, Territory};
use crate::i18n::fold::fold_text;
use crate::import::problem::Expected;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum City {
    /// One of the territory's cities.
    Inside(InseeCode),
    /// Elsewhere: its INSEE code when the file gives one, else its name as written.
    Outside(InseeCode),
}

impl City {
    pub fn code(&self) -> &InseeCode {
        match self {
            City::Inside(code) | City::Outside(code) => code,
        }
    }
}

/// The city a cell names. `insee` is the INSEE code from a column of its own, if any. A
/// name outside the territory is kept without its words holding digits (`Paris 11e`,
/// `Paris CEDEX 11` → `Paris`, `Paris CEDEX`).
pub fn city(text: &str, insee: Option<&str>, territory: &Territory) -> Result<City, Expected> {
    Cities::new(territory).find(text, insee)
}

/// The territory's cities by comparison key, built once for many lookups.
pub struct Cities<'a> {
    territory: &'a Territory,
    by_key: HashMap<String, InseeCode>,
}

impl<'a> Cities<'a> {
    pub fn new(territory: &'a Territory) -> Self {
        Cities {
            territory,
            by_key: territory
                .cities
                .iter()
                .map(|c| (key(&c.name), c.insee.clone()))
                .collect(),
        }
    }

    pub fn find(&self, text: &str, insee: Option<&str>) -> Result<City, Expected> {
        if let Some(code) = insee.and_then(insee_code) {
            return Ok(classify(code, self.territory));
        }
        if let Some(code) = insee_code(text) {
            return Ok(classify(code, self.territory));
        }
        if let Some(code) = self.by_key.get(&key(text)) {
            return Ok(City::Inside(code.clone()));
        }
        let name = name_as_written(text)
            .split_whitespace()
            .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
            .collect::<Vec<_>>()
            .join(" ");
        if is_outside_city(&name) {
            Ok(City::Outside(InseeCode::new(name)))
        } else {
            Err(Expected::City)
        }
    }
}

fn classify(code: InseeCode, territory: &Territory) -> City {
    if territory.city(&code).is_some() {
        City::Inside(code)
    } else {
        City::Outside(code)
    }
}

/// A well-formed INSEE code (`2a004` read as `2A004`).
pub fn insee_code(text: &str) -> Option<InseeCode> {
    let code = text.trim().to_ascii_uppercase();
    is_insee_code(&code).then(|| InseeCode::new(code))
}

/// `Montreuil (93100)` → `Montreuil`; `93100 Montreuil` → `Montreuil`; `Paris CEDEX 11` kept.
fn name_as_written(text: &str) -> String {
    let mut name = text.trim();
    if let Some(open) = name.rfind('(')
        && name.ends_with(')')
    {
        name = name[..open].trim_end();
    }
    let name = name.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    // A name made only of a postal code: keep the text, it is all there is.
    if name.is_empty() {
        text.trim().to_owned()
    } else {
        name.to_owned()
    }
}

/// The comparison key of a city name.
pub fn key(name: &str) -> String {
    let folded = fold_text(&name_as_written(name));
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.as_slice() {
        ["le" | "la" | "les" | "l", rest @ ..] if !rest.is_empty() => rest,
        all => all,
    };
    words
        .iter()
        .map(|w| match *w {
            "st" => "saint",
            "ste" => "sainte",
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture;

    fn territory() -> Territory {
        fixture::workspace().territory
    }

    #[test]
    fn article_accents_hyphens_and_saint() {
        assert_eq!(key("Le Pré-Saint-Gervais"), key("Pre St Gervais"));
        assert_eq!(key("LES LILAS"), key("lilas"));
        assert_eq!(key("Noisy le Sec"), key("Noisy-le-Sec"));
        assert_eq!(key("Montreuil (93100)"), key("montreuil"));
        assert_eq!(key("93100 Montreuil"), key("Montreuil"));
    }

    #[test]
    fn codes_win_and_outside_is_kept() {
        let t = territory();
        let montreuil = t
            .cities
            .iter()
            .find(|c| c.name == "Montreuil")
            .map(|c| c.insee.clone())
            .unwrap();
        assert_eq!(
            city("montreuil", None, &t),
            Ok(City::Inside(montreuil.clone()))
        );
        assert_eq!(
            city("Montreuil (93100)", Some("93048"), &t),
            Ok(City::Inside(montreuil))
        );
        assert_eq!(
            city("Paris", Some("75056"), &t),
            Ok(City::Outside(InseeCode::new("75056")))
        );
        assert_eq!(
            city("Paris 11e", None, &t),
            Ok(City::Outside(InseeCode::new("Paris")))
        );
        assert_eq!(city("1234", None, &t), Err(Expected::City));
        assert_eq!(insee_code("2a004"), Some(InseeCode::new("2A004")));
    }
}
