//! French for the messages serde, serde_json and chrono write in English (`missing field`,
//! `unknown variant`, `invalid type`…). Unknown messages pass through unchanged: an English
//! message beats a wrong translation.

use crate::i18n::{Lang, NBSP};

/// `message` in `lang` (serde's own words for English).
pub fn translate(message: &str, lang: Lang) -> String {
    if let Some(plain) = out_of_range(message, lang) {
        return plain;
    }
    match lang {
        Lang::En => message.to_owned(),
        Lang::Fr => french(message).unwrap_or_else(|| message.to_owned()),
    }
}

/// rust_decimal's words for a number it cannot hold (`Scale exceeds the maximum precision
/// allowed: 999 > 28`), said plainly in both languages.
fn out_of_range(message: &str, lang: Lang) -> Option<String> {
    let decimal = [
        "Scale exceeds the maximum precision allowed",
        "Number exceeds maximum value that can be represented",
        "Number less than minimum value that can be represented",
        "Invalid decimal",
        "Failed to parse",
    ];
    if !decimal.iter().any(|prefix| message.starts_with(prefix)) {
        return None;
    }
    Some(
        lang.pick(
            "nombre hors limites\u{a0}: au plus 28 chiffres, sans exposant démesuré",
            "number out of range: at most 28 digits, no oversized exponent",
        )
        .to_owned(),
    )
}

fn french(message: &str) -> Option<String> {
    if let Some(fixed) = fixed_french(message) {
        return Some(
            fixed
                .replace(" :", &format!("{NBSP}:"))
                .replace(" ?", &format!("{NBSP}?")),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return Some(format!("champ {rest} manquant"));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return Some(format!("champ {rest} en double"));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return Some(unknown(rest, "champ", "inconnu", "champs possibles"));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return Some(unknown(rest, "valeur", "inconnue", "valeurs possibles"));
    }
    for (prefix, label) in [
        ("invalid type: ", "type invalide"),
        ("invalid value: ", "valeur invalide"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (found, expected) = rest.rsplit_once(", expected ")?;
            return Some(format!(
                "{label}{NBSP}: {} au lieu {}",
                found_french(found),
                expected_french(expected)
            ));
        }
    }
    None
}

/// `` `x`, expected one of `a`, `b` `` → `` champ `x` inconnu ; champs possibles : `a`, `b` ``.
fn unknown(rest: &str, noun: &str, adjective: &str, possible: &str) -> String {
    match rest.split_once(", expected ") {
        Some((name, expected)) => {
            let expected = expected.strip_prefix("one of ").unwrap_or(expected);
            let expected = expected.replace(" or ", " ou ");
            format!("{noun} {name} {adjective}{NBSP}; {possible}{NBSP}: {expected}")
        }
        None => {
            let name = rest.split(", there are no").next().unwrap_or(rest);
            format!("{noun} {name} {adjective}")
        }
    }
}

fn fixed_french(message: &str) -> Option<&'static str> {
    Some(match message {
        // chrono, for dates.
        "input contains invalid characters" => "date invalide : format AAAA-MM-JJ attendu",
        "premature end of input" => "date incomplète : format AAAA-MM-JJ attendu",
        "input is out of range" => "date inexistante (jour ou mois hors limites)",
        "trailing input" => "caractères en trop après la date",
        "no possible date and time matching input" => "date impossible",
        // serde_json, for the syntax.
        "expected `:`" => "`:` attendu après le nom du champ",
        "expected `,` or `]`" => "`,` ou `]` attendu",
        "expected `,` or `}`" => "`,` ou `}` attendu",
        "expected value" => "une valeur attendue",
        "expected ident" => "true, false ou null attendu",
        "expected `\"`" => "`\"` attendu",
        "key must be a string" => "nom de champ entre guillemets attendu",
        "trailing comma" => "virgule en trop avant la fermeture",
        "trailing characters" => "caractères après la fin du document",
        "invalid number" => "nombre invalide ou hors limites",
        "number out of range" => "nombre hors limites",
        "invalid escape" => "séquence d'échappement invalide",
        "invalid unicode code point" => "caractère Unicode invalide",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "caractère de contrôle dans un texte (retour à la ligne non échappé ?)"
        }
        "recursion limit exceeded" => "imbrication trop profonde",
        _ => return None,
    })
}

/// serde's `Unexpected`: `string "48"`, ``integer `5` ``, `map`…
fn found_french(found: &str) -> String {
    let strip = |s: &str| s.trim_matches('`').to_owned();
    if let Some(rest) = found.strip_prefix("string ") {
        return format!("texte {rest}");
    }
    if let Some(rest) = found.strip_prefix("integer ") {
        return format!("entier {}", strip(rest));
    }
    if let Some(rest) = found.strip_prefix("floating point ") {
        return format!("nombre {}", strip(rest));
    }
    if let Some(rest) = found.strip_prefix("boolean ") {
        return format!("booléen {}", strip(rest));
    }
    match found {
        "map" => "objet".into(),
        "sequence" => "liste".into(),
        "unit value" | "null" => "null".into(),
        other => other.to_owned(),
    }
}

/// serde's `Expected`, after "au lieu": `d'un texte`, `d'un entier (i8)`…
fn expected_french(expected: &str) -> String {
    let plain = match expected {
        "a string" => "un texte",
        "a boolean" => "un booléen",
        "a sequence" => "une liste",
        "f64" | "f32" => "un nombre",
        "u8" | "u16" | "u32" | "u64" | "usize" => "un entier positif",
        "a formatted date string" => "une date AAAA-MM-JJ",
        "a Decimal type representing a fixed-point number" => "un montant en nombre (ex. 12.5)",
        e if e.starts_with("struct ") || e.starts_with("a map") => "un objet",
        "i8" => "un entier entre -128 et 127",
        "i16" | "i32" | "i64" => "un entier",
        other => return format!("de {other}"),
    };
    format!("d'{plain}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(message: &str) -> String {
        translate(message, Lang::Fr).replace(NBSP, " ")
    }

    #[test]
    fn serde_messages() {
        assert_eq!(fr("missing field `name`"), "champ `name` manquant");
        assert_eq!(fr("duplicate field `status`"), "champ `status` en double");
        assert_eq!(
            fr(
                "unknown variant `ouvert`, expected one of `upcoming`, `open`, `occupied`, `closed`"
            ),
            "valeur `ouvert` inconnue ; valeurs possibles : `upcoming`, `open`, `occupied`, `closed`"
        );
        assert_eq!(
            fr("unknown field `x`, expected `schema_version` or `site`"),
            "champ `x` inconnu ; champs possibles : `schema_version` ou `site`"
        );
        assert_eq!(
            fr("unknown field `x`, there are no fields"),
            "champ `x` inconnu"
        );
        assert_eq!(
            fr("invalid type: string \"48\", expected f64"),
            "type invalide : texte \"48\" au lieu d'un nombre"
        );
        assert_eq!(
            fr("invalid value: integer `300`, expected i8"),
            "valeur invalide : entier 300 au lieu d'un entier entre -128 et 127"
        );
        assert_eq!(
            fr("invalid type: map, expected a sequence"),
            "type invalide : objet au lieu d'une liste"
        );
        assert_eq!(
            fr("invalid type: integer `5`, expected struct Site"),
            "type invalide : entier 5 au lieu d'un objet"
        );
    }

    #[test]
    fn dates_and_syntax() {
        assert_eq!(
            fr("input is out of range"),
            "date inexistante (jour ou mois hors limites)"
        );
        assert_eq!(fr("expected `,` or `}`"), "`,` ou `}` attendu");
    }

    #[test]
    fn oversized_numbers_are_said_plainly() {
        assert_eq!(
            fr("Scale exceeds the maximum precision allowed: 999 > 28"),
            "nombre hors limites : au plus 28 chiffres, sans exposant démesuré"
        );
        assert!(
            translate(
                "Number exceeds maximum value that can be represented.",
                Lang::En
            )
            .starts_with("number out of range")
        );
    }

    #[test]
    fn unknown_messages_pass_through() {
        assert_eq!(fr("something new"), "something new");
        assert_eq!(
            translate("missing field `a`", Lang::En),
            "missing field `a`"
        );
    }
}
