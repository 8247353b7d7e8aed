//! Fuzzy search as in fzf: space-separated terms, all required, in any order, accent- and
//! case-insensitive ("econ" finds "Économie", "saint pre" finds "Le Pré-Saint-Gervais").
//!
//! `SkimMatcherV2` folds ASCII case only and answers in char indices, so the text is folded
//! first (accents removed, lowercase, ligatures expanded) while remembering, for each folded
//! char, the char of the original it came from — the highlight indices are mapped back.

pub use crate::i18n::fold::{Folded, fold};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

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
