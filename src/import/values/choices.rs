//! Multiple-choice cells: options joined by `, ` (Démarches Simplifiées'
//! `MultipleDropDownListTypeDeChamp#champ_value_for_export`, Google Forms' checkboxes), by `;`
//! (officers re-typing in Excel) or on separate lines. Options may themselves hold commas
//! (« Lot 19, rez-de-chaussée »), so options known in advance are looked for whole first.

use crate::i18n::fold::fold_text;

/// The pieces of a cell, trimmed, empty ones dropped.
pub fn split(text: &str) -> Vec<&str> {
    text.split([',', ';', '\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Matches a cell against known options (each with the keys it is known by, already folded
/// with [`key`]). Known options are taken whole wherever they appear, longest first; what is
/// left is split into pieces, each matched alone. Returns the options found (in first-seen
/// order, each once) and the pieces nothing matched.
pub fn pick<T: Clone + PartialEq>(text: &str, options: &[(String, T)]) -> (Vec<T>, Vec<String>) {
    let mut rest = format!(" {} ", key(text));
    let mut needle = String::new();
    let mut found: Vec<(usize, T)> = Vec::new();
    let mut by_length: Vec<&(String, T)> = options.iter().filter(|(k, _)| !k.is_empty()).collect();
    by_length.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    for (option_key, value) in by_length {
        needle.clear();
        needle.push(' ');
        needle.push_str(option_key);
        needle.push(' ');
        while let Some(at) = rest.find(needle.as_str()) {
            found.push((at, value.clone()));
            rest.replace_range(at + 1..at + needle.len() - 1, &" ".repeat(needle.len() - 2));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    let mut values: Vec<T> = Vec::new();
    for (_, value) in found {
        if !values.contains(&value) {
            values.push(value);
        }
    }
    // What is left once separators and filler words are dropped went unmatched.
    let unmatched = split(text)
        .into_iter()
        .filter(|piece| {
            let k = key(piece);
            !k.is_empty() && !options.iter().any(|(o, _)| o == &k) && !covered(&k, options)
        })
        .map(str::to_owned)
        .collect();
    (values, unmatched)
}

/// True when every word of `piece` belongs to a known option it is part of (a piece of an
/// option that itself holds a comma).
fn covered<T>(piece: &str, options: &[(String, T)]) -> bool {
    options.iter().any(|(o, _)| has_phrase(o, piece))
}

/// True when `phrase` appears in `text` as whole words (both already folded with [`key`]),
/// without allocating: imports ask it many times per row.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
    })
}

/// The form options are compared in: accents, case and punctuation folded, words single-spaced.
pub fn key(text: &str) -> String {
    let folded = fold_text(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Vec<(String, u8)> {
        vec![
            (key("Usine des transitions"), 1),
            (key("Lot 19, rez-de-chaussée"), 2),
            (key("Friche Écocité"), 3),
        ]
    }

    #[test]
    fn options_with_commas_are_taken_whole() {
        let (found, unmatched) = pick("Lot 19, rez-de-chaussée, Usine des transitions", &options());
        assert_eq!(found, vec![2, 1]);
        assert!(unmatched.is_empty(), "{unmatched:?}");
    }

    #[test]
    fn semicolons_newlines_and_unknown_pieces() {
        let (found, unmatched) = pick("friche ecocite;\nLa Lune", &options());
        assert_eq!(found, vec![3]);
        assert_eq!(unmatched, vec!["La Lune"]);
    }
}
