//! Fuzzy search as in fzf: space-separated terms, all required, in any order, accent- and
//! case-insensitive ("econ" finds "Économie", "saint pre" finds "Le Pré-Saint-Gervais").
//!
//! `SkimMatcherV2` folds ASCII case only and answers in char indices, so the text is folded
//! first (accents removed, lowercase, ligatures expanded) while remembering, for each folded
//! char, the char of the original it came from — the highlight indices are mapped back.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

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

/// A parsed query and the matcher that runs it.
pub struct Search {
    terms: Vec<String>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for Search {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Search")
            .field("terms", &self.terms)
            .finish()
    }
}

impl Search {
    pub fn new(query: &str) -> Search {
        Search {
            terms: query.split_whitespace().map(|t| fold(t).text).collect(),
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The match score of `haystack` (higher is better), or none when a term is missing.
    /// An empty query matches everything with score 0.
    pub fn score(&self, haystack: &str) -> Option<i64> {
        if self.terms.is_empty() {
            return Some(0);
        }
        self.score_folded(&fold(haystack))
    }

    /// Like `score`, on text folded beforehand (long lists fold once, not per keystroke).
    pub fn score_folded(&self, haystack: &Folded) -> Option<i64> {
        self.terms
            .iter()
            .map(|t| self.matcher.fuzzy_match(&haystack.text, t))
            .sum()
    }

    /// Indices (chars of the original `haystack`) of the letters that matched, sorted, for
    /// highlighting; none when the haystack does not match.
    pub fn indices(&self, haystack: &str) -> Option<Vec<usize>> {
        if self.terms.is_empty() {
            return Some(Vec::new());
        }
        let folded = fold(haystack);
        let mut out = Vec::new();
        for term in &self.terms {
            let (_, positions) = self.matcher.fuzzy_indices(&folded.text, term)?;
            out.extend(
                positions
                    .iter()
                    .filter_map(|&p| folded.origin.get(p).copied()),
            );
        }
        out.sort_unstable();
        out.dedup();
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accents_and_case_fold() {
        assert_eq!(fold("Économie Œuvre").text, "economie oeuvre");
        let s = Search::new("econ");
        assert!(s.score("Économie circulaire").is_some());
        assert!(s.score("Culture").is_none());
    }

    #[test]
    fn terms_are_all_required_in_any_order() {
        let s = Search::new("saint pre");
        assert!(s.score("Le Pré-Saint-Gervais").is_some());
        assert!(s.score("Saint-Denis").is_none());
        let s = Search::new("PRÉ   saint");
        assert!(s.score("Le Pré-Saint-Gervais").is_some());
    }

    #[test]
    fn indices_point_into_the_original_text() {
        let s = Search::new("oeuvre");
        let idx = s.indices("Main-d’Œuvre").unwrap();
        // "Œ" is char 7 and covers both "o" and "e".
        assert_eq!(idx, vec![7, 8, 9, 10, 11]);
        let s = Search::new("econ");
        assert_eq!(s.indices("Économie").unwrap(), vec![0, 1, 2, 3]);
    }

    #[test]
    fn empty_query_matches_everything() {
        let s = Search::new("   ");
        assert!(s.is_empty());
        assert_eq!(s.score("x"), Some(0));
    }

    proptest! {
        #[test]
        fn indices_stay_inside_the_text(text in "\\PC{0,40}", query in "\\PC{0,8}") {
            let s = Search::new(&query);
            if let Some(idx) = s.indices(&text) {
                let n = text.chars().count();
                prop_assert!(idx.iter().all(|&i| i < n));
            }
        }
    }
}
