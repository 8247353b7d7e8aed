//! SIRET numbers: spaces and dots removed, 14 digits, the Luhn key checked (La Poste's rule
//! included, see `domain::structure::is_valid_siret`). A number a spreadsheet turned into
//! scientific notation (`8,41520E+13`) lost its last digits: it is reported, never guessed.

use super::without_spaces;
use crate::domain::structure::is_valid_siret;
use crate::import::problem::{Expected, SiretFault};

pub fn siret(text: &str) -> Result<String, Expected> {
    let compact: String = without_spaces(text)
        .chars()
        .filter(|c| !matches!(c, '.' | '-' | '_'))
        .collect();
    let fault = if compact.contains(['e', 'E']) && compact.chars().any(|c| c.is_ascii_digit()) {
        SiretFault::Scientific
    } else if !compact.bytes().all(|b| b.is_ascii_digit()) {
        SiretFault::NotDigits
    } else if compact.len() == 9 {
        SiretFault::Siren
    } else if compact.len() == 13 {
        SiretFault::LeadingZeroLost
    } else if compact.len() != 14 {
        SiretFault::Length
    } else if !is_valid_siret(&compact) {
        SiretFault::Key
    } else {
        return Ok(compact);
    };
    Err(Expected::Siret(fault))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_removed_key_checked() {
        assert_eq!(siret("120 027 016 00357"), Ok("12002701600357".to_owned()));
        assert_eq!(
            siret("120\u{a0}027\u{a0}016\u{a0}00357"),
            Ok("12002701600357".to_owned())
        );
        assert_eq!(
            siret("12002701600358"),
            Err(Expected::Siret(SiretFault::Key))
        );
    }

    #[test]
    fn spreadsheet_damage_is_named() {
        assert_eq!(
            siret("8,41520E+13"),
            Err(Expected::Siret(SiretFault::Scientific))
        );
        assert_eq!(
            siret("1,20027E+13"),
            Err(Expected::Siret(SiretFault::Scientific))
        );
        assert_eq!(
            siret("2002701600357"),
            Err(Expected::Siret(SiretFault::LeadingZeroLost))
        );
        assert_eq!(siret("120027016"), Err(Expected::Siret(SiretFault::Siren)));
        assert_eq!(
            siret("en cours"),
            Err(Expected::Siret(SiretFault::NotDigits))
        );
    }
}
