//! Counted nouns in both languages: `1 lieu`, `12 lieux`, `1 site`, `12 sites`.

use crate::i18n::{self, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Site,
    Lot,
    Structure,
    Call,
    Application,
    Problem,
    File,
}

/// `n` followed by the noun, thousands grouped, singular for 0 and 1 in French.
pub fn count(n: usize, noun: Noun, lang: Lang) -> String {
    let number = i18n::number(n as f64, 0, lang);
    let one = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    let word = match (noun, lang, one) {
        (Noun::Site, Lang::Fr, true) => "lieu",
        (Noun::Site, Lang::Fr, false) => "lieux",
        (Noun::Site, Lang::En, true) => "site",
        (Noun::Site, Lang::En, false) => "sites",
        (Noun::Lot, _, true) => "lot",
        (Noun::Lot, _, false) => "lots",
        (Noun::Structure, _, true) => "structure",
        (Noun::Structure, _, false) => "structures",
        (Noun::Call, Lang::Fr, true) => "appel",
        (Noun::Call, Lang::Fr, false) => "appels",
        (Noun::Call, Lang::En, true) => "call",
        (Noun::Call, Lang::En, false) => "calls",
        (Noun::Application, Lang::Fr, true) => "candidature",
        (Noun::Application, Lang::Fr, false) => "candidatures",
        (Noun::Application, Lang::En, true) => "application",
        (Noun::Application, Lang::En, false) => "applications",
        (Noun::Problem, Lang::Fr, true) => "problème",
        (Noun::Problem, Lang::Fr, false) => "problèmes",
        (Noun::Problem, Lang::En, true) => "problem",
        (Noun::Problem, Lang::En, false) => "problems",
        (Noun::File, Lang::Fr, true) => "fichier",
        (Noun::File, Lang::Fr, false) => "fichiers",
        (Noun::File, Lang::En, true) => "file",
        (Noun::File, Lang::En, false) => "files",
    };
    format!("{number}\u{a0}{word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(count(0, Noun::Site, Lang::Fr), "0\u{a0}lieu");
        assert_eq!(count(12, Noun::Site, Lang::Fr), "12\u{a0}lieux");
        assert_eq!(count(0, Noun::Call, Lang::En), "0\u{a0}calls");
        assert_eq!(count(1, Noun::Problem, Lang::En), "1\u{a0}problem");
        assert_eq!(count(1500, Noun::Lot, Lang::En), "1,500\u{a0}lots");
    }
}
