//! Search as the officer types: space-separated terms, all required, in any order, accent- and
//! case-insensitive ("econ" finds "Économie", "saint pre" finds "Le Pré-Saint-Gervais").
//!
//! Whole words and word starts come first, then a term found inside a word, and only when no
//! row holds every term that way do scattered letters count (fzf-style fuzzy matching, for
//! typos): "ecole" finds « vélo-école » in a description and never floods the list with names
//! that merely contain an e, a c, an o, an l and an e in that order.
//!
//! `SkimMatcherV2` folds ASCII case only and answers in char indices, so the text is folded
//! first (`i18n::fold`), and each folded char remembers the char of the original it came from:
//! highlight indices are mapped back.

pub use crate::i18n::fold::{Folded, fold};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// How well a term (or, for a row, its worst term) matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Scattered letters in order.
    Fuzzy,
    /// Inside a word.
    Inside,
    /// At the start of a word.
    Prefix,
    /// A whole word.
    Word,
}

/// A row's match: its worst term's tier, then a score among rows of the same tier (higher is
/// better: earlier in the text, closer letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hit {
    pub tier: Tier,
    pub score: i64,
}

impl Hit {
    /// What an empty query gives every row (as `exact_hit` does).
    pub const EVERYTHING: Hit = Hit {
        tier: Tier::Word,
        score: 0,
    };
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

/// True when `text[at..]` starts a word (the text start, or after a non-alphanumeric char).
fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn ends_word(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The best exact occurrence of `term` in `text`: its tier and byte offset.
fn exact(text: &str, term: &str) -> Option<(Tier, usize)> {
    let mut best: Option<(Tier, usize)> = None;
    for (at, _) in text.match_indices(term) {
        let tier = match (starts_word(text, at), ends_word(text, at + term.len())) {
            (true, true) => Tier::Word,
            (true, false) => Tier::Prefix,
            _ => Tier::Inside,
        };
        if best.is_none_or(|(t, _)| tier > t) {
            best = Some((tier, at));
        }
        if tier == Tier::Word {
            break;
        }
    }
    best
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

    /// The row's match when every term is in it as a word, a word start or inside a word.
    /// An empty query matches everything.
    pub fn exact_hit(&self, haystack: &Folded) -> Option<Hit> {
        let mut tier = Tier::Word;
        let mut score = 0i64;
        for term in &self.terms {
            let (t, at) = exact(&haystack.text, term)?;
            tier = tier.min(t);
            // Earlier in the text is better: the name comes first in every haystack.
            score -= i64::try_from(at).unwrap_or(i64::MAX / 4);
        }
        Some(Hit { tier, score })
    }

    /// The row's match allowing scattered letters for terms not found as such.
    pub fn fuzzy_hit(&self, haystack: &Folded) -> Option<Hit> {
        let mut tier = Tier::Word;
        let mut score = 0i64;
        for term in &self.terms {
            match exact(&haystack.text, term) {
                Some((t, at)) => {
                    tier = tier.min(t);
                    score -= i64::try_from(at).unwrap_or(i64::MAX / 4);
                }
                None => {
                    tier = Tier::Fuzzy;
                    score += self.matcher.fuzzy_match(&haystack.text, term)?;
                }
            }
        }
        Some(Hit { tier, score })
    }

    /// The matching rows of `haystacks` (id, folded text), unordered: exact matches when there
    /// are any, else fuzzy ones.
    pub fn hits<'a, I>(&self, haystacks: I) -> Vec<(usize, Hit)>
    where
        I: Iterator<Item = (usize, &'a Folded)> + Clone,
    {
        let exact: Vec<(usize, Hit)> = haystacks
            .clone()
            .filter_map(|(i, h)| self.exact_hit(h).map(|hit| (i, hit)))
            .collect();
        if !exact.is_empty() || self.is_empty() {
            return exact;
        }
        haystacks
            .filter_map(|(i, h)| self.fuzzy_hit(h).map(|hit| (i, hit)))
            .collect()
    }

    /// True when every row this search matches exactly was matched exactly by `previous`:
    /// each earlier term is still there, unchanged or grown (as typing adds letters or
    /// terms). A search that grows then looks for its exact matches among the previous ones
    /// only.
    pub fn narrows(&self, previous: &str) -> bool {
        let before: Vec<String> = previous.split_whitespace().map(|t| fold(t).text).collect();
        !before.is_empty()
            && before.len() <= self.terms.len()
            && before
                .iter()
                .zip(&self.terms)
                .all(|(old, new)| new.contains(old.as_str()))
    }

    /// Like `fuzzy_hit`, on text not folded yet (tests, one-off checks).
    pub fn score(&self, haystack: &str) -> Option<Hit> {
        self.fuzzy_hit(&fold(haystack))
    }

    /// Indices (chars of `text`) of what matched, sorted, for highlighting a visible cell:
    /// each term where it is found as such, else its scattered letters. Empty when nothing of
    /// the query is in this text (it matched in another field of the row).
    pub fn indices(&self, text: &str) -> Vec<usize> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let folded = fold(text);
        let mut out = Vec::new();
        for term in &self.terms {
            if let Some((_, at)) = exact(&folded.text, term) {
                let first = folded.text[..at].chars().count();
                let len = term.chars().count();
                out.extend((first..first + len).filter_map(|p| folded.origin.get(p).copied()));
            } else if let Some((_, positions)) = self.matcher.fuzzy_indices(&folded.text, term) {
                out.extend(
                    positions
                        .iter()
                        .filter_map(|&p| folded.origin.get(p).copied()),
                );
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ranked(query: &str, texts: &[&str]) -> Vec<String> {
        let folded: Vec<Folded> = texts.iter().map(|t| fold(t)).collect();
        let search = Search::new(query);
        let mut hits = search.hits(folded.iter().enumerate());
        hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.into_iter().map(|(i, _)| texts[i].to_owned()).collect()
    }

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
    fn words_then_word_starts_then_inside() {
        assert_eq!(
            ranked(
                "ecole",
                &["Les écoles du quartier", "Vélo-école du canal", "Préécole"]
            ),
            ["Vélo-école du canal", "Les écoles du quartier", "Préécole"]
        );
    }

    #[test]
    fn scattered_letters_never_flood_real_matches() {
        let texts = [
            "Entreprise Culturelle Onze Lumières Éco",
            "Vélo-école du canal",
            "La Conserverie",
        ];
        assert_eq!(ranked("ecole", &texts), ["Vélo-école du canal"]);
        // With no real match, scattered letters help with typos.
        assert_eq!(ranked("cnsrv", &texts), ["La Conserverie"]);
    }

    #[test]
    fn indices_point_into_the_original_text() {
        let s = Search::new("oeuvre");
        // "Œ" is char 7 and covers both "o" and "e".
        assert_eq!(s.indices("Main-d’Œuvre"), vec![7, 8, 9, 10, 11]);
        let s = Search::new("econ");
        assert_eq!(s.indices("Économie"), vec![0, 1, 2, 3]);
        assert!(Search::new("bondy").indices("Friche").is_empty());
    }

    #[test]
    fn empty_query_matches_everything() {
        let s = Search::new("   ");
        assert!(s.is_empty());
        assert!(s.score("x").is_some());
    }

    proptest! {
        #[test]
        fn indices_stay_inside_the_text(text in "\\PC{0,40}", query in "\\PC{0,8}") {
            let s = Search::new(&query);
            let n = text.chars().count();
            prop_assert!(s.indices(&text).iter().all(|&i| i < n));
        }

        /// A query that grows matches exactly only rows the shorter one matched exactly.
        #[test]
        fn a_grown_query_matches_exactly_among_the_previous_exact_matches(
            texts in proptest::collection::vec("[a-zé -]{0,20}", 0..30),
            first in "[a-e ]{1,4}",
            more in "[a-e ]{0,3}",
        ) {
            let folded: Vec<Folded> = texts.iter().map(|t| fold(t)).collect();
            let exact = |search: &Search, rows: &[usize]| -> Vec<usize> {
                rows.iter().copied().filter(|&i| search.exact_hit(&folded[i]).is_some()).collect()
            };
            let all: Vec<usize> = (0..folded.len()).collect();
            let grown = Search::new(&format!("{first}{more}"));
            if grown.narrows(&first) {
                let previous = exact(&Search::new(&first), &all);
                prop_assert_eq!(exact(&grown, &previous), exact(&grown, &all));
            }
        }

        #[test]
        fn an_exact_hit_is_also_a_fuzzy_hit(text in "[a-zé -]{0,30}", query in "[a-z ]{0,6}") {
            let s = Search::new(&query);
            let folded = fold(&text);
            if let Some(hit) = s.exact_hit(&folded) {
                prop_assert_eq!(s.fuzzy_hit(&folded), Some(hit));
            }
        }
    }
}
