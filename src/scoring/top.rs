//! The best `limit` candidates of one site seen so far, and the total a newcomer must reach to
//! enter them.

use crate::scoring::PairScore;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Packs the ranking order of a pair for one site into one integer (larger is better):
/// eligibility, then the total (a non-negative `f64`, whose bits sort like its value), then the
/// structure's id order reversed: eligible first, then higher total, then id.
pub fn rank_key(eligible: bool, total: f64, id_order: u32) -> u128 {
    let eligible = u128::from(eligible) << 96;
    let total = u128::from(total.max(0.0).to_bits()) << 32;
    eligible | total | u128::from(u32::MAX - id_order)
}

fn is_eligible(key: u128) -> bool {
    key >> 96 == 1
}

fn total_of(key: u128) -> f64 {
    f64::from_bits((key >> 32) as u64)
}

/// A min-heap of the best keys kept so far, with their pairs.
pub struct SiteTop {
    limit: usize,
    /// (key, slot of the pair in `pairs`)
    heap: BinaryHeap<Reverse<(u128, usize)>>,
    pairs: Vec<PairScore>,
}

impl SiteTop {
    pub fn new(limit: usize) -> Self {
        let capacity = limit.min(1 << 16) + 1;
        SiteTop {
            limit,
            heap: BinaryHeap::with_capacity(capacity),
            pairs: Vec::with_capacity(capacity),
        }
    }

    /// Keeps `pair` if its key beats the worst kept.
    pub fn offer(&mut self, key: u128, pair: PairScore) {
        if self.heap.len() < self.limit {
            self.heap.push(Reverse((key, self.pairs.len())));
            self.pairs.push(pair);
        } else if self
            .heap
            .peek()
            .is_some_and(|Reverse((worst, _))| key > *worst)
            && let Some(Reverse((_, slot))) = self.heap.pop()
        {
            self.pairs[slot] = pair;
            self.heap.push(Reverse((key, slot)));
        }
    }

    /// Whether a pair whose key is at most `best_possible` could still enter.
    pub fn could_enter(&self, best_possible: u128) -> bool {
        self.heap.len() < self.limit
            || self
                .heap
                .peek()
                .is_some_and(|Reverse((worst, _))| best_possible > *worst)
    }

    /// Once the top is full of eligible pairs, the worst total kept: a candidate whose bound is
    /// below it, or that is ineligible, cannot enter. `None` while any candidate still can.
    pub fn threshold(&self) -> Option<f64> {
        if self.heap.len() < self.limit {
            return None;
        }
        let Reverse((worst, _)) = self.heap.peek()?;
        is_eligible(*worst).then(|| total_of(*worst))
    }

    /// The pairs kept, best first.
    pub fn into_ranked(self) -> Vec<PairScore> {
        let mut best: Vec<(u128, usize)> = self.heap.into_iter().map(|Reverse(k)| k).collect();
        best.sort_unstable_by_key(|&(key, _)| Reverse(key));
        best.into_iter().map(|(_, slot)| self.pairs[slot]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_eligibility_then_total_then_id() {
        assert!(rank_key(true, 10.0, 5) > rank_key(false, 90.0, 0));
        assert!(rank_key(true, 50.5, 9) > rank_key(true, 50.0, 0));
        assert!(rank_key(true, 50.0, 1) > rank_key(true, 50.0, 2));
        assert_eq!(total_of(rank_key(true, 42.25, 3)), 42.25);
    }

    fn pair(structure: usize, eligible: bool, total: f64) -> PairScore {
        PairScore {
            structure,
            site: 0,
            eligible,
            total,
            values: [0.0; 5],
            contributions: [0.0; 5],
        }
    }

    fn offer(top: &mut SiteTop, structure: usize, eligible: bool, total: f64) {
        let key = rank_key(eligible, total, structure as u32);
        top.offer(key, pair(structure, eligible, total));
    }

    #[test]
    fn keeps_the_best_and_reports_a_threshold_only_when_full_of_eligible_pairs() {
        let mut top = SiteTop::new(2);
        offer(&mut top, 0, false, 80.0);
        assert_eq!(top.threshold(), None);
        offer(&mut top, 1, true, 30.0);
        assert_eq!(top.threshold(), None, "an ineligible pair is still kept");
        offer(&mut top, 2, true, 60.0);
        assert_eq!(top.threshold(), Some(30.0));
        offer(&mut top, 3, true, 20.0);
        assert!(
            top.could_enter(rank_key(true, 30.0, 0)),
            "same total, better id"
        );
        assert!(!top.could_enter(rank_key(true, 30.0, 1)));
        let kept: Vec<usize> = top.into_ranked().iter().map(|p| p.structure).collect();
        assert_eq!(kept, vec![2, 1]);
        assert!(SiteTop::new(0).threshold().is_none());
    }
}
