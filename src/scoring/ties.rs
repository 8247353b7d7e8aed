//! Ties are ties: two totals equal at the precision shown (one decimal) share their rank —
//! « 1 ex æquo » — instead of being ordered by an identifier nobody sees. A tie is broken only
//! by the officer's explicit order, then by the jury grid; the result says which.

use crate::i18n::{self, Lang};
use serde::Serialize;

/// Totals are shown with one decimal: what looks equal is equal.
pub fn shown(total: f64) -> i64 {
    (total * 10.0).round() as i64
}

/// One entry to rank (a structure on a site, or a site for a structure).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TieInput {
    pub eligible: bool,
    /// Match total, 0–100.
    pub total: f64,
    /// Jury-grid total, when graded.
    pub grid: Option<f64>,
    /// Position in the officer's explicit order for the site, when it names this entry.
    pub officer: Option<usize>,
}

/// What broke a tie on the match total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TieBreaker {
    /// The officer's explicit order (with its motivation, kept in the review).
    Officer,
    /// The jury grid's totals differ.
    Grid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ranked {
    /// Index into the entries given.
    pub entry: usize,
    /// Competition rank: 1, 1, 3 when the first two are ex æquo.
    pub rank: usize,
    /// Shares its rank with another entry.
    pub ex_aequo: bool,
    /// Its match total equals another's at the precision shown, but its rank was set by this.
    pub broken_by: Option<TieBreaker>,
}

/// Ranks `entries`: eligible first, then the total as shown, then the officer's order, then the
/// jury grid as shown; what still compares equal is ex æquo. Entries equal in every respect
/// keep the order they were given in (give them in name order).
pub fn rank_with_ties(entries: &[TieInput]) -> Vec<Ranked> {
    let score_key = |e: &TieInput| (e.eligible, shown(e.total));
    let full_key = |e: &TieInput| {
        (
            e.eligible,
            shown(e.total),
            // Named by the officer first, in the officer's order.
            std::cmp::Reverse(e.officer.map_or((1, 0), |p| (0, p))),
            e.grid.map_or(i64::MIN, shown),
        )
    };
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| full_key(&entries[b]).cmp(&full_key(&entries[a])));
    let keys: Vec<_> = order.iter().map(|&i| full_key(&entries[i])).collect();
    // Sorted, equal keys (and equal totals, the key's start) are consecutive: one pass each.
    let runs = |same: &dyn Fn(usize, usize) -> bool| {
        let mut run_of = vec![(0usize, 0usize); keys.len()];
        let mut start = 0;
        for end in 1..=keys.len() {
            if end == keys.len() || !same(start, end) {
                for slot in &mut run_of[start..end] {
                    *slot = (start, end - start);
                }
                start = end;
            }
        }
        run_of
    };
    let full_runs = runs(&|a, b| keys[a] == keys[b]);
    let score_runs = runs(&|a, b| score_key(&entries[order[a]]) == score_key(&entries[order[b]]));
    let mut ranked = Vec::with_capacity(entries.len());
    for (position, &i) in order.iter().enumerate() {
        let (first_equal, equal) = full_runs[position];
        let (score_start, score_len) = score_runs[position];
        let ex_aequo = equal > 1;
        let broken_by = (score_len > 1 && !ex_aequo).then(|| {
            let group = &order[score_start..score_start + score_len];
            if group.iter().any(|&j| entries[j].officer.is_some()) {
                TieBreaker::Officer
            } else {
                TieBreaker::Grid
            }
        });
        ranked.push(Ranked {
            entry: i,
            rank: first_equal + 1,
            ex_aequo,
            broken_by,
        });
    }
    ranked
}

/// `1`, or `1 ex æquo` (`1 (tie)` in English).
pub fn rank_label(rank: usize, ex_aequo: bool, lang: Lang) -> String {
    match (ex_aequo, lang) {
        (false, _) => rank.to_string(),
        (true, Lang::Fr) => format!("{rank} ex æquo"),
        (true, Lang::En) => format!("{rank} (tie)"),
    }
}

/// How a tie on the match total was broken, in words; `grid` is the entry's grid total.
pub fn broken_text(breaker: TieBreaker, grid: Option<f64>, motivation: &str, lang: Lang) -> String {
    match (breaker, lang) {
        (TieBreaker::Officer, Lang::Fr) => {
            format!("ex æquo au score, départagé par le service\u{a0}: {motivation}")
        }
        (TieBreaker::Officer, Lang::En) => {
            format!("tied on the score, broken by the officer: {motivation}")
        }
        (TieBreaker::Grid, Lang::Fr) => format!(
            "ex æquo au score, départagé par la grille du jury ({})",
            grid.map_or_else(|| "non notée".to_owned(), |g| i18n::fixed(g, 1, lang))
        ),
        (TieBreaker::Grid, Lang::En) => format!(
            "tied on the score, broken by the jury grid ({})",
            grid.map_or_else(|| "not graded".to_owned(), |g| i18n::fixed(g, 1, lang))
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(total: f64) -> TieInput {
        TieInput {
            eligible: true,
            total,
            grid: None,
            officer: None,
        }
    }

    fn ranks(entries: &[TieInput]) -> Vec<(usize, usize, bool, Option<TieBreaker>)> {
        rank_with_ties(entries)
            .into_iter()
            .map(|r| (r.entry, r.rank, r.ex_aequo, r.broken_by))
            .collect()
    }

    #[test]
    fn equal_at_one_decimal_is_a_tie() {
        // 94.04 and 93.96 both show as 94,0: ex æquo; 99 first, 90 fourth.
        let got = ranks(&[entry(94.04), entry(99.0), entry(93.96), entry(90.0)]);
        assert_eq!(
            got,
            vec![
                (1, 1, false, None),
                (0, 2, true, None),
                (2, 2, true, None),
                (3, 4, false, None)
            ]
        );
        assert_eq!(rank_label(2, true, Lang::Fr), "2 ex æquo");
    }

    #[test]
    fn the_grid_then_the_officer_break_ties() {
        let mut a = entry(94.0);
        let mut b = entry(94.0);
        let c = entry(94.0);
        a.grid = Some(62.5);
        b.grid = Some(75.0);
        // b above a by the grid; c (not graded) last; none ex æquo.
        let got = ranks(&[a, b, c]);
        assert_eq!(got[0], (1, 1, false, Some(TieBreaker::Grid)));
        assert_eq!(got[1], (0, 2, false, Some(TieBreaker::Grid)));
        assert_eq!(got[2], (2, 3, false, Some(TieBreaker::Grid)));
        // The officer's order wins over the grid.
        a.officer = Some(0);
        b.officer = Some(1);
        let got = ranks(&[a, b, c]);
        assert_eq!(got[0], (0, 1, false, Some(TieBreaker::Officer)));
        assert_eq!(got[1].0, 1);
        // Ineligible entries come after eligible ones, whatever their total.
        let mut d = entry(99.0);
        d.eligible = false;
        assert_eq!(ranks(&[d, entry(50.0)])[0].0, 1);
    }
}
