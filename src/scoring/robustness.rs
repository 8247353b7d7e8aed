//! How robust a site's ranking is to the weights, in numbers a jury can check.
//!
//! A total is `100 × Σ wₖ vₖ / Σ wₖ`. Moving one weight `w_c` to `t`, the others fixed, the
//! difference between two structures keeps the sign of `t (v_ic − v_jc) + Σ_{k≠c} wₖ (v_ik −
//! v_jk)`: a line in `t`. So the range of `t` within which nothing changes has a closed form —
//! exact intervals, no sampling — for the whole order, for the set of the first K (the
//! shortlist), and for each structure's place in or out of it. A seeded Monte-Carlo over all
//! weights at once (each ±20 % by default, renormalised) gives each structure's probability of
//! staying in the first K.
//!
//! Structures whose totals are equal at the precision shown are ex æquo: their order is not
//! part of the ranking, so two tied totals drifting apart is not counted as a change. Eligible
//! structures always rank before ineligible ones, whatever the weights.

use crate::demo_data::Rng;
use crate::domain::Weights;
use crate::i18n::{self, Lang};
use crate::scoring::Criterion;
use crate::scoring::ties::shown;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;

/// One structure on the site: eligibility and criterion values (`Criterion::ALL` order).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub eligible: bool,
    pub values: [f64; 5],
}

/// The range of one weight (in the call's own units, the others fixed) within which something
/// does not change. `high` is none when no value above changes it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeightInterval {
    pub criterion: Criterion,
    pub low: f64,
    pub high: Option<f64>,
    /// The weight as set.
    pub current: f64,
}

impl WeightInterval {
    /// How far, relative to the weight, the nearer end is (infinite when nothing can change).
    pub fn margin(&self) -> f64 {
        let scale = self.current.abs().max(1e-9);
        let below = if self.low > 0.0 {
            (self.current - self.low) / scale
        } else {
            f64::INFINITY
        };
        let above = self
            .high
            .map_or(f64::INFINITY, |h| (h - self.current) / scale);
        below.min(above)
    }
}

/// P(top K) as a word: « stable » from 90 %, « hors » under 10 %, « fragile » between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stability {
    Stable,
    Fragile,
    Out,
}

impl Stability {
    pub fn of(p_top_k: f64) -> Self {
        if p_top_k >= 0.9 {
            Stability::Stable
        } else if p_top_k < 0.1 {
            Stability::Out
        } else {
            Stability::Fragile
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Stability::Stable, _) => "stable",
            (Stability::Fragile, _) => "fragile",
            (Stability::Out, Lang::Fr) => "hors",
            (Stability::Out, Lang::En) => "out",
        }
    }
}

/// Draws of the weights: each multiplied by a factor in `[1 − spread, 1 + spread]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonteCarlo {
    pub draws: usize,
    pub spread: f64,
    pub seed: u64,
}

impl Default for MonteCarlo {
    fn default() -> Self {
        MonteCarlo {
            draws: 1000,
            spread: 0.2,
            seed: 1,
        }
    }
}

/// Sort key of a total: eligible first. Totals are 0–100, so 1 000 separates them.
fn key(eligible: bool, total: f64) -> f64 {
    if eligible { total + 1000.0 } else { total }
}

fn raw_weights(weights: &Weights) -> [f64; 5] {
    Criterion::ALL.map(|c| {
        let w = c.weight_in(weights);
        if w.is_finite() && w > 0.0 { w } else { 0.0 }
    })
}

fn totals(candidates: &[Candidate], w: &[f64; 5]) -> Vec<f64> {
    let sum: f64 = w.iter().sum();
    let shares = if sum > 0.0 {
        w.map(|x| x / sum)
    } else {
        [0.2; 5]
    };
    candidates
        .iter()
        .map(|c| 100.0 * c.values.iter().zip(shares).map(|(v, s)| v * s).sum::<f64>())
        .collect()
}

/// Positions of the candidates, best first (ties by position given).
pub fn order(candidates: &[Candidate], weights: &Weights) -> Vec<usize> {
    let t = totals(candidates, &raw_weights(weights));
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        key(candidates[b].eligible, t[b]).total_cmp(&key(candidates[a].eligible, t[a]))
    });
    order
}

/// For weight `c`: the line `slope·t + offset` whose sign says whether `i` is above `j`.
fn line(candidates: &[Candidate], w: &[f64; 5], c: usize, i: usize, j: usize) -> (f64, f64) {
    let (vi, vj) = (&candidates[i].values, &candidates[j].values);
    let slope = vi[c] - vj[c];
    let offset: f64 = (0..5)
        .filter(|&k| k != c)
        .map(|k| w[k] * (vi[k] - vj[k]))
        .sum();
    (slope, offset)
}

/// Narrows `[low, high]` to where `i` stays above `j` (currently above at `t0`).
fn keep_above(
    candidates: &[Candidate],
    w: &[f64; 5],
    c: usize,
    (i, j): (usize, usize),
    bounds: &mut (f64, f64),
) {
    if candidates[i].eligible != candidates[j].eligible {
        return;
    }
    let (slope, offset) = line(candidates, w, c, i, j);
    if slope.abs() < 1e-12 {
        return;
    }
    let crossing = -offset / slope;
    if slope < 0.0 {
        bounds.1 = bounds.1.min(crossing);
    } else {
        bounds.0 = bounds.0.max(crossing);
    }
}

fn interval(c: usize, w: &[f64; 5], (low, high): (f64, f64)) -> WeightInterval {
    WeightInterval {
        criterion: Criterion::ALL[c],
        low: low.max(0.0).min(w[c]),
        high: high.is_finite().then(|| high.max(w[c])),
        current: w[c],
    }
}

/// Runs of ex æquo candidates in `order` (same eligibility, same total as shown), as ranges of
/// positions in `order`.
fn tie_groups(candidates: &[Candidate], totals: &[f64], order: &[usize]) -> Vec<Range<usize>> {
    let mut groups = Vec::new();
    let mut start = 0;
    for end in 1..=order.len() {
        let same = end < order.len() && {
            let (a, b) = (order[start], order[end]);
            candidates[a].eligible == candidates[b].eligible && shown(totals[a]) == shown(totals[b])
        };
        if !same {
            groups.push(start..end);
            start = end;
        }
    }
    groups
}

/// Per weight, the range within which the site's order does not change (nobody passes anybody
/// ranked strictly above it).
pub fn order_intervals(candidates: &[Candidate], weights: &Weights) -> Vec<WeightInterval> {
    let w = raw_weights(weights);
    let t = totals(candidates, &w);
    let order = order(candidates, weights);
    let groups = tie_groups(candidates, &t, &order);
    (0..5)
        .map(|c| {
            let mut bounds = (f64::NEG_INFINITY, f64::INFINITY);
            for pair in groups.windows(2) {
                for &i in &order[pair[0].clone()] {
                    for &j in &order[pair[1].clone()] {
                        keep_above(candidates, &w, c, (i, j), &mut bounds);
                    }
                }
            }
            interval(c, &w, bounds)
        })
        .collect()
}

/// Competition rank ≤ k: the first k, and whoever is ex æquo with the k-th.
fn in_top(candidates: &[Candidate], totals: &[f64], order: &[usize], k: usize) -> Vec<bool> {
    let mut inside = vec![false; candidates.len()];
    for group in tie_groups(candidates, totals, order) {
        if group.start >= k {
            break;
        }
        for &i in &order[group] {
            inside[i] = true;
        }
    }
    inside
}

/// Per weight, the range within which the first `k` (the shortlist) stay the same set.
pub fn shortlist_intervals(
    candidates: &[Candidate],
    weights: &Weights,
    k: usize,
) -> Vec<WeightInterval> {
    let w = raw_weights(weights);
    let t = totals(candidates, &w);
    let inside = in_top(candidates, &t, &order(candidates, weights), k);
    let (ins, outs): (Vec<usize>, Vec<usize>) = (0..candidates.len()).partition(|&i| inside[i]);
    (0..5)
        .map(|c| {
            let mut bounds = (f64::NEG_INFINITY, f64::INFINITY);
            for &i in &ins {
                for &j in &outs {
                    keep_above(candidates, &w, c, (i, j), &mut bounds);
                }
            }
            interval(c, &w, bounds)
        })
        .collect()
}

/// Per weight, the range within which candidate `i` stays in (or out of) the first `k`.
pub fn entry_intervals(
    candidates: &[Candidate],
    weights: &Weights,
    k: usize,
    i: usize,
) -> Vec<WeightInterval> {
    let w = raw_weights(weights);
    let t = totals(candidates, &w);
    let inside = in_top(candidates, &t, &order(candidates, weights), k)[i];
    (0..5)
        .map(|c| {
            // Where each other candidate crosses `i`, and whether it then goes above (+1) or
            // below (−1) it, for t rising; those above now, at the current weight.
            let mut up: Vec<(f64, i32)> = Vec::new();
            let mut down: Vec<(f64, i32)> = Vec::new();
            let mut above = 0i64;
            for j in 0..candidates.len() {
                if j == i {
                    continue;
                }
                if candidates[j].eligible != candidates[i].eligible {
                    above += i64::from(candidates[j].eligible);
                    continue;
                }
                let j_above = shown(t[j]) > shown(t[i]);
                above += i64::from(j_above);
                let (slope, offset) = line(candidates, &w, c, j, i);
                if slope.abs() < 1e-12 {
                    continue;
                }
                let crossing = -offset / slope;
                // j − i grows with t when slope > 0.
                if crossing > w[c] && (slope > 0.0) != j_above {
                    up.push((crossing, if slope > 0.0 { 1 } else { -1 }));
                }
                if crossing < w[c] && (slope < 0.0) != j_above {
                    down.push((crossing, if slope < 0.0 { 1 } else { -1 }));
                }
            }
            let first_flip = |events: &mut Vec<(f64, i32)>, descending: bool| {
                if descending {
                    events.sort_by(|a, b| b.0.total_cmp(&a.0));
                } else {
                    events.sort_by(|a, b| a.0.total_cmp(&b.0));
                }
                let mut count = above;
                for &(at, delta) in events.iter() {
                    count += i64::from(delta);
                    if (count < k as i64) != inside {
                        return Some(at);
                    }
                }
                None
            };
            let high = first_flip(&mut up, false).unwrap_or(f64::INFINITY);
            let low = first_flip(&mut down, true).unwrap_or(f64::NEG_INFINITY);
            interval(c, &w, (low, high))
        })
        .collect()
}

/// « dans les 5 premiers », « en tête » (K = 1).
pub fn among_first(k: usize, lang: Lang) -> String {
    match (k, lang) {
        (1, Lang::Fr) => "en tête".to_owned(),
        (1, Lang::En) => "first".to_owned(),
        (k, Lang::Fr) => format!("dans les {k} premiers"),
        (k, Lang::En) => format!("in the first {k}"),
    }
}

/// `{what} pour : Surface de 22 à 41 (actuel 30) ; …`, leaving out the weights that change
/// nothing whatever their value; `{what} quel que soit le poids de chaque critère` when none does.
pub fn intervals_sentence(what: &str, intervals: &[WeightInterval], lang: Lang) -> String {
    let bounded: Vec<String> = intervals
        .iter()
        .filter(|i| i.low > 0.0 || i.high.is_some())
        .map(|i| interval_text(i, lang))
        .collect();
    if bounded.is_empty() {
        return format!(
            "{what} {}",
            lang.pick(
                "quel que soit le poids de chaque critère",
                "whatever the weight of each criterion"
            )
        );
    }
    match lang {
        Lang::Fr => format!("{what} pour\u{a0}: {}", bounded.join("\u{a0}; ")),
        Lang::En => format!("{what} for: {}", bounded.join("; ")),
    }
}

/// The criterion whose weight can move least before the shortlist changes.
pub fn most_critical(intervals: &[WeightInterval]) -> Option<Criterion> {
    intervals
        .iter()
        .filter(|i| i.margin().is_finite())
        .min_by(|a, b| a.margin().total_cmp(&b.margin()))
        .map(|i| i.criterion)
}

/// The weights of every Monte-Carlo draw, each weight drawn in `[1 − spread, 1 + spread]`
/// times its value then renormalised to 100. One seed gives every site of a call the same
/// draws, so they are drawn once per weights change and shared, not drawn again per site.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightDraws {
    draws: Vec<[f64; 5]>,
}

impl WeightDraws {
    pub fn new(weights: &Weights, mc: &MonteCarlo) -> WeightDraws {
        let base = raw_weights(weights);
        let mut rng = Rng::new(mc.seed);
        let draws = (0..mc.draws)
            .map(|_| {
                let w = base.map(|x| x * rng.between(1.0 - mc.spread, 1.0 + mc.spread));
                let sum: f64 = w.iter().sum();
                if sum > 0.0 {
                    w.map(|x| 100.0 * x / sum)
                } else {
                    [20.0; 5]
                }
            })
            .collect();
        WeightDraws { draws }
    }

    pub fn len(&self) -> usize {
        self.draws.len()
    }

    pub fn is_empty(&self) -> bool {
        self.draws.is_empty()
    }
}

/// Each candidate's probability of being among the first `k` when every weight is drawn in
/// `[1 − spread, 1 + spread]` times its value (then renormalised); reproducible by seed.
pub fn p_top_k(candidates: &[Candidate], weights: &Weights, k: usize, mc: &MonteCarlo) -> Vec<f64> {
    p_top_k_among(candidates, &WeightDraws::new(weights, mc), k)
}

/// Below this many candidate-draws a site's Monte-Carlo runs on the calling thread: spreading
/// it costs more than it saves.
const SPREAD_FROM: usize = 200_000;

/// [`p_top_k`] under draws made beforehand (the same for every site of a call).
pub fn p_top_k_among(candidates: &[Candidate], draws: &WeightDraws, k: usize) -> Vec<f64> {
    let n = candidates.len();
    if n == 0 || draws.is_empty() {
        return vec![0.0; n];
    }
    if k >= n {
        return vec![1.0; n];
    }
    // Draws are independent and hits are counts: a site with thousands of applicants shares
    // its draws among the cores, and the sums are the same whatever the split.
    let threads = if n * draws.len() >= SPREAD_FROM {
        crate::parallel::available_threads()
    } else {
        1
    };
    let per_thread = draws.len().div_ceil(threads);
    let parts = crate::parallel::map_indexed(
        threads,
        threads,
        1,
        || (),
        |_, t| {
            let from = (t * per_thread).min(draws.len());
            let to = (from + per_thread).min(draws.len());
            hits(candidates, &draws.draws[from..to], k)
        },
    );
    let mut total = vec![0u32; n];
    for part in parts {
        for (sum, hit) in total.iter_mut().zip(part) {
            *sum += hit;
        }
    }
    total
        .into_iter()
        .map(|h| f64::from(h) / draws.len() as f64)
        .collect()
}

/// How many of `draws` put each candidate among the first `k` (`k` < candidates).
fn hits(candidates: &[Candidate], draws: &[[f64; 5]], k: usize) -> Vec<u32> {
    let n = candidates.len();
    // One column per criterion, so that a draw's keys are five multiply-adds over
    // contiguous arrays, which the compiler vectorises.
    let columns: [Vec<f64>; 5] =
        std::array::from_fn(|c| candidates.iter().map(|x| x.values[c]).collect());
    let offsets: Vec<f64> = candidates.iter().map(|c| key(c.eligible, 0.0)).collect();
    let mut hits = vec![0u32; n];
    let mut keys = vec![0.0f64; n];
    let mut heap: BinaryHeap<Reverse<u64>> = BinaryHeap::with_capacity(k + 1);
    let [c0, c1, c2, c3, c4] = &columns;
    let (c0, c1, c2, c3, c4) = (&c0[..n], &c1[..n], &c2[..n], &c3[..n], &c4[..n]);
    for w in draws {
        // Summed in the criteria's order, as the total is.
        for (i, slot) in keys.iter_mut().enumerate() {
            *slot = offsets[i]
                + c0[i] * w[0]
                + c1[i] * w[1]
                + c2[i] * w[2]
                + c3[i] * w[3]
                + c4[i] * w[4];
        }
        // Keys are non-negative, so their bits sort like their values: the heap keeps the
        // k largest; once it holds k, a key enters only above its minimum, kept at hand.
        heap.clear();
        heap.extend(keys[..k].iter().map(|x| Reverse(x.to_bits())));
        let mut floor = heap.peek().map_or(0, |Reverse(min)| *min);
        for slot in &keys[k..] {
            let bits = slot.to_bits();
            if bits > floor {
                heap.pop();
                heap.push(Reverse(bits));
                floor = heap.peek().map_or(0, |Reverse(min)| *min);
            }
        }
        let kth = heap.peek().map_or(0.0, |Reverse(min)| f64::from_bits(*min));
        // Whoever is ex æquo with the k-th at the precision shown is in too: shown(x) ≥ s
        // exactly when 10x ≥ s − ½ (totals are positive, rounded half away from zero).
        let offset = if kth >= 1000.0 { 1000.0 } else { 0.0 };
        let threshold = offset + (shown(kth - offset) as f64 - 0.5) / 10.0;
        for (hit, slot) in hits.iter_mut().zip(&keys) {
            *hit += u32::from(*slot >= threshold);
        }
    }
    hits
}

/// `Surface de 22 à 41 (30)`, `Coût à partir de 12 (25)`.
pub fn interval_text(interval: &WeightInterval, lang: Lang) -> String {
    let n = |x: f64| i18n::number(x, 1, lang);
    let label = interval.criterion.label(lang);
    let current = n(interval.current);
    match (interval.high, lang) {
        (None, Lang::Fr) if interval.low <= 0.0 => {
            format!("{label} quelle que soit sa valeur (actuel {current})")
        }
        (None, Lang::En) if interval.low <= 0.0 => format!("{label} at any value (now {current})"),
        (Some(high), Lang::Fr) => format!(
            "{label} de {} à {} (actuel {current})",
            n(interval.low),
            n(high)
        ),
        (Some(high), Lang::En) => format!(
            "{label} from {} to {} (now {current})",
            n(interval.low),
            n(high)
        ),
        (None, Lang::Fr) => format!("{label} à partir de {} (actuel {current})", n(interval.low)),
        (None, Lang::En) => format!("{label} from {} up (now {current})", n(interval.low)),
    }
}

/// The interval that would change first, relative to its weight.
pub fn tightest(intervals: &[WeightInterval]) -> Option<&WeightInterval> {
    intervals
        .iter()
        .filter(|i| i.margin().is_finite())
        .min_by(|a, b| a.margin().total_cmp(&b.margin()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(values: [f64; 5]) -> Candidate {
        Candidate {
            eligible: true,
            values,
        }
    }

    fn with(weights: &Weights, c: usize, value: f64) -> Weights {
        let mut w = *weights;
        Criterion::ALL[c].set_weight_in(&mut w, value);
        w
    }

    fn sample() -> Vec<Candidate> {
        vec![
            candidate([1.0, 0.2, 0.5, 0.5, 0.5]),
            candidate([0.6, 0.9, 0.5, 0.4, 0.7]),
            candidate([0.3, 1.0, 0.9, 0.6, 0.1]),
            candidate([0.8, 0.5, 0.2, 1.0, 0.3]),
            candidate([0.5, 0.5, 0.5, 0.5, 0.5]),
        ]
    }

    /// Brute force: sweep each weight finely and find where the order / set first changes.
    #[test]
    fn intervals_agree_with_a_brute_force_sweep() {
        let candidates = sample();
        let weights = Weights::default();
        let base_order = order(&candidates, &weights);
        let top = |w: &Weights| {
            let mut set: Vec<usize> = order(&candidates, w)[..2].to_vec();
            set.sort_unstable();
            set
        };
        let base_top = top(&weights);
        let order_iv = order_intervals(&candidates, &weights);
        let short_iv = shortlist_intervals(&candidates, &weights, 2);
        for c in 0..5 {
            let current = Criterion::ALL[c].weight_in(&weights);
            for step in 0..4000 {
                let value = step as f64 * 0.05;
                let w = with(&weights, c, value);
                let inside_order = value >= order_iv[c].low - 1e-9
                    && order_iv[c].high.is_none_or(|h| value <= h + 1e-9);
                let strictly_inside_order = value > order_iv[c].low + 0.05
                    && order_iv[c].high.is_none_or(|h| value < h - 0.05);
                if strictly_inside_order {
                    assert_eq!(order(&candidates, &w), base_order, "c{c} at {value}");
                }
                if !inside_order {
                    assert_ne!(order(&candidates, &w), base_order, "c{c} at {value}");
                }
                let strictly_inside_top = value > short_iv[c].low + 0.05
                    && short_iv[c].high.is_none_or(|h| value < h - 0.05);
                if strictly_inside_top {
                    assert_eq!(top(&w), base_top, "c{c} at {value}");
                }
            }
            // The first change just outside each end really is a change.
            if let Some(h) = short_iv[c].high {
                assert_ne!(top(&with(&weights, c, h + 0.05)), base_top);
            }
            if short_iv[c].low > 0.0 {
                assert_ne!(top(&with(&weights, c, short_iv[c].low - 0.05)), base_top);
            }
            assert!(order_iv[c].low <= current && order_iv[c].high.is_none_or(|h| h >= current));
        }
    }

    #[test]
    fn entry_intervals_agree_with_a_brute_force_sweep() {
        let candidates = sample();
        let weights = Weights::default();
        let k = 2;
        let membership = |w: &Weights, i: usize| order(&candidates, w)[..k].contains(&i);
        for i in 0..candidates.len() {
            let now = membership(&weights, i);
            let intervals = entry_intervals(&candidates, &weights, k, i);
            for (c, iv) in intervals.iter().enumerate() {
                for step in 0..4000 {
                    let value = step as f64 * 0.05;
                    let inside = value > iv.low + 0.05 && iv.high.is_none_or(|h| value < h - 0.05);
                    if inside {
                        assert_eq!(
                            membership(&with(&weights, c, value), i),
                            now,
                            "{i} c{c} {value}"
                        );
                    }
                }
                if let Some(h) = iv.high {
                    assert_ne!(membership(&with(&weights, c, h + 0.05), i), now, "{i} c{c}");
                }
            }
        }
    }

    #[test]
    fn a_large_site_spread_over_threads_counts_as_one_thread_does() {
        let mut rng = Rng::new(9);
        let candidates: Vec<Candidate> = (0..400)
            .map(|_| Candidate {
                eligible: rng.chance(0.8),
                values: [(); 5].map(|_| (rng.between(0.0, 1.0) * 20.0).round() / 20.0),
            })
            .collect();
        let draws = WeightDraws::new(&Weights::default(), &MonteCarlo::default());
        assert!(candidates.len() * draws.len() >= SPREAD_FROM);
        for k in [1, 7, 399] {
            let alone: Vec<f64> = hits(&candidates, &draws.draws, k)
                .into_iter()
                .map(|h| f64::from(h) / draws.len() as f64)
                .collect();
            assert_eq!(p_top_k_among(&candidates, &draws, k), alone, "k = {k}");
        }
    }

    #[test]
    fn monte_carlo_is_reproducible_by_seed_and_sensible() {
        let candidates = sample();
        let weights = Weights::default();
        let mc = MonteCarlo::default();
        let a = p_top_k(&candidates, &weights, 2, &mc);
        assert_eq!(a, p_top_k(&candidates, &weights, 2, &mc));
        let other = p_top_k(&candidates, &weights, 2, &MonteCarlo { seed: 2, ..mc });
        assert_ne!(a, other);
        // Probabilities sum to about k (ties aside) and lie in [0, 1].
        assert!(a.iter().all(|p| (0.0..=1.0).contains(p)));
        let sum: f64 = a.iter().sum();
        assert!((sum - 2.0).abs() < 0.2, "{sum}");
        // With no spread, the current top 2 are certain.
        let fixed = p_top_k(&candidates, &weights, 2, &MonteCarlo { spread: 0.0, ..mc });
        for &i in &order(&candidates, &weights)[..2] {
            assert_eq!(fixed[i], 1.0);
        }
        assert_eq!(Stability::of(0.95), Stability::Stable);
        assert_eq!(Stability::of(0.5).label(Lang::Fr), "fragile");
        assert_eq!(Stability::of(0.01).label(Lang::Fr), "hors");
    }
}
