//! Yes and no: `Oui`/`Non` (Démarches Simplifiées' yes/no fields), `on`/`off` (its
//! checkboxes in exports, `TypesDeChamp::CheckboxTypeDeChamp#champ_value_for_export`), `X`
//! (a ticked Framaforms option), `true`/`false`, `vrai`/`faux`, `1`/`0`.

use crate::i18n::fold::fold_text;
use crate::import::problem::Expected;

pub fn boolean(text: &str) -> Result<bool, Expected> {
    match fold_text(text.trim()).as_str() {
        "oui" | "o" | "yes" | "y" | "on" | "x" | "true" | "vrai" | "1" | "coche" => Ok(true),
        "non" | "n" | "no" | "off" | "false" | "faux" | "0" => Ok(false),
        _ => Err(Expected::Boolean),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_spellings() {
        for yes in ["Oui", "on", "X", "true", "VRAI", "1"] {
            assert_eq!(boolean(yes), Ok(true), "{yes}");
        }
        for no in ["Non", "off", "false", "0"] {
            assert_eq!(boolean(no), Ok(false), "{no}");
        }
        assert_eq!(boolean("peut-être"), Err(Expected::Boolean));
    }
}
