//! Text folded for comparing what people type: accents removed, lowercase, ligatures
//! expanded, typographic apostrophes, dashes and spaces made plain — so « Économie » matches
//! "econ" and « Pré-Saint-Gervais » matches "pre-saint-gervais". Each folded char remembers the
//! char of the original it came from, so a match can be highlighted in the original text.

/// Text folded for matching, with the origin of each folded char.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// `origin[i]` is the index (in chars) in the original text of the `i`-th folded char.
    pub origin: Vec<usize>,
}

/// The folded form of one char: most letters fold to one char, ligatures to two.
fn fold_char(c: char) -> FoldedChar {
    let one = |c| FoldedChar::One(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            one('a')
        }
        'ç' | 'Ç' => one('c'),
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => one('e'),
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => one('i'),
        'ñ' | 'Ñ' => one('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => one('o'),
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => one('u'),
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => one('y'),
        'œ' | 'Œ' => FoldedChar::Two('o', 'e'),
        'æ' | 'Æ' => FoldedChar::Two('a', 'e'),
        // Typographic apostrophes and dashes match their plain forms.
        '’' | '‘' => one('\''),
        '–' | '—' => one('-'),
        '\u{a0}' | '\u{202f}' => one(' '),
        c => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => one(l),
                _ => one(c),
            }
        }
    }
}

enum FoldedChar {
    One(char),
    Two(char, char),
}

pub fn fold(text: &str) -> Folded {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match fold_char(c) {
            FoldedChar::One(f) => {
                folded.push(f);
                origin.push(i);
            }
            FoldedChar::Two(a, b) => {
                folded.push(a);
                folded.push(b);
                origin.extend([i, i]);
            }
        }
    }
    Folded {
        text: folded,
        origin,
    }
}

/// `text` folded, without the origins (comparisons, keys, slugs): the same text as
/// `fold(text).text`, without building the origins nobody reads (imports fold every cell).
pub fn fold_text(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match fold_char(c) {
            FoldedChar::One(f) => folded.push(f),
            FoldedChar::Two(a, b) => {
                folded.push(a);
                folded.push(b);
            }
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_ligatures_and_case_fold() {
        assert_eq!(fold("Économie Œuvre").text, "economie oeuvre");
        assert_eq!(fold_text("L’Île — Noël"), "l'ile - noel");
        assert_eq!(fold("Œa").origin, vec![0, 0, 1]);
    }
}
