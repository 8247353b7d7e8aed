//! The matcher: precomputes the workspace once, then scores and ranks pairs on demand.

use crate::domain::{Weights, Workspace};
use crate::scoring::Settings;
use crate::scoring::bound::{SiteBound, StructureBounds};
use crate::scoring::criterion::shares;
use crate::scoring::evaluate::{Evaluation, evaluate, quick};
use crate::scoring::prepared::{PreparedLot, PreparedSite, PreparedStructure, SectorIndex};
use chrono::NaiveDate;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// A scored pair, compact enough to rank millions. Indices point into `Workspace::structures`
/// and `Workspace::sites`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScore {
    pub structure: usize,
    pub site: usize,
    pub eligible: bool,
    /// 0–100, the exact sum of `contributions`.
    pub total: f64,
    /// Criterion values in [0, 1], in `Criterion::ALL` order.
    pub values: [f64; 5],
    /// Points each criterion brings to the total.
    pub contributions: [f64; 5],
}

impl PairScore {
    fn new(structure: usize, site: usize, evaluation: &Evaluation, shares: &[f64; 5]) -> Self {
        let mut contributions = [0.0; 5];
        for (c, (share, value)) in contributions
            .iter_mut()
            .zip(shares.iter().zip(evaluation.values))
        {
            *c = 100.0 * share * value;
        }
        PairScore {
            structure,
            site,
            eligible: evaluation.reasons.is_empty(),
            total: contributions.iter().sum(),
            values: evaluation.values,
            contributions,
        }
    }
}

/// Buffers reused from one site to the next while ranking.
#[derive(Default)]
struct Scratch {
    /// Upper bound of each candidate's total at the current site.
    bounds: Vec<f64>,
    /// Candidate positions, strongest bounds first.
    order: Vec<usize>,
}

/// Owns the precomputed numbers (no borrow of the workspace), so the cockpit can keep it next to
/// the workspace it came from. Rebuild it when sites or structures change.
pub struct Matcher {
    settings: Settings,
    sectors: SectorIndex,
    today: NaiveDate,
    structures: Vec<PreparedStructure>,
    sites: Vec<PreparedSite>,
    lots: Vec<PreparedLot>,
    /// Position of each structure / site in id order, for deterministic tie-breaking without
    /// comparing strings.
    structure_order: Vec<u32>,
    site_order: Vec<u32>,
}

fn order_by_id<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<u32> {
    let mut sorted: Vec<usize> = (0..items.len()).collect();
    sorted.sort_by(|&a, &b| id(&items[a]).cmp(id(&items[b])));
    let mut order = vec![0u32; items.len()];
    for (rank, index) in sorted.into_iter().enumerate() {
        order[index] = rank as u32;
    }
    order
}

impl Matcher {
    pub fn new(workspace: &Workspace, today: NaiveDate, settings: &Settings) -> Self {
        let territory = &workspace.territory;
        let sectors = SectorIndex::new(territory);
        let mut lots = Vec::new();
        let mut sites = Vec::with_capacity(workspace.sites.len());
        for site in &workspace.sites {
            let start = lots.len();
            let from = crate::scoring::prepared::day(site.available_from);
            lots.extend(site.lots.iter().map(|l| PreparedLot::new(l, from)));
            let use_mask = lots[start..]
                .iter()
                .fold(0, |m: u8, l: &PreparedLot| m | l.use_mask);
            sites.push(PreparedSite::new(
                site,
                territory,
                &sectors,
                start..lots.len(),
                use_mask,
            ));
        }
        let structures = workspace
            .structures
            .iter()
            .map(|s| PreparedStructure::new(s, territory, &sectors, today, settings))
            .collect();
        Matcher {
            settings: *settings,
            sectors,
            today,
            structures,
            sites,
            lots,
            structure_order: order_by_id(&workspace.structures, |s| s.id.as_str()),
            site_order: order_by_id(&workspace.sites, |s| s.id.as_str()),
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The day urgency was computed for.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn structure_count(&self) -> usize {
        self.structures.len()
    }

    pub fn site_count(&self) -> usize {
        self.sites.len()
    }

    /// Lot index (into `Matcher`'s flat list) → (site index, position of the lot in the site).
    pub fn lot_position(&self, site: usize, lot: usize) -> usize {
        lot - self.sites[site].lots.start
    }

    /// Eligibility, criterion values and lot retained; weights do not enter here.
    pub fn evaluate(&self, structure: usize, site: usize) -> Evaluation {
        evaluate(
            &self.structures[structure],
            &self.sites[site],
            &self.lots,
            &self.settings,
        )
    }

    fn score_with(&self, structure: usize, site: usize, shares: &[f64; 5]) -> PairScore {
        PairScore::new(structure, site, &self.evaluate(structure, site), shares)
    }

    /// The upper bound the ranking uses to skip pairs: never below `score(..).total`.
    pub fn upper_bound(&self, structure: usize, site: usize, weights: &Weights) -> f64 {
        let shares = shares(weights);
        let bounds = StructureBounds::new(&self.structures, &shares, &self.sectors);
        bounds.bound(
            &SiteBound::new(&self.sites[site], &shares, &self.sectors),
            structure,
        )
    }

    pub fn score(&self, structure: usize, site: usize, weights: &Weights) -> PairScore {
        self.score_with(structure, site, &shares(weights))
    }

    /// Ranking order of sites for a structure: eligible first, then higher total, then id.
    fn compare_for_structure(&self, a: &PairScore, b: &PairScore) -> Ordering {
        b.eligible
            .cmp(&a.eligible)
            .then(b.total.total_cmp(&a.total))
            .then(self.site_order[a.site].cmp(&self.site_order[b.site]))
    }

    /// The structures ranked for a site, best first; `candidates` limits them (e.g. to a call's
    /// applicants).
    pub fn rank_site(
        &self,
        site: usize,
        weights: &Weights,
        candidates: Option<&[usize]>,
    ) -> Vec<PairScore> {
        self.rank_site_top(site, weights, candidates, usize::MAX)
    }

    /// Like `rank_site`, keeping only the best `limit`.
    pub fn rank_site_top(
        &self,
        site: usize,
        weights: &Weights,
        candidates: Option<&[usize]>,
        limit: usize,
    ) -> Vec<PairScore> {
        let shares = shares(weights);
        let bounds = StructureBounds::new(&self.structures, &shares, &self.sectors);
        let all: Vec<usize>;
        let candidates = match candidates {
            Some(list) => list,
            None => {
                all = (0..self.structures.len()).collect();
                &all
            }
        };
        let mut scratch = Scratch::default();
        self.best_for_site(site, &shares, &bounds, candidates, limit, &mut scratch)
    }

    /// The sites ranked for a structure, best first.
    pub fn rank_structure(&self, structure: usize, weights: &Weights) -> Vec<PairScore> {
        self.rank_structure_top(structure, weights, None, usize::MAX)
    }

    pub fn rank_structure_top(
        &self,
        structure: usize,
        weights: &Weights,
        candidates: Option<&[usize]>,
        limit: usize,
    ) -> Vec<PairScore> {
        let shares = shares(weights);
        let mut scores: Vec<PairScore> = match candidates {
            Some(list) => list
                .iter()
                .map(|&s| self.score_with(structure, s, &shares))
                .collect(),
            None => (0..self.sites.len())
                .map(|s| self.score_with(structure, s, &shares))
                .collect(),
        };
        self.keep_best(&mut scores, limit, |a, b| self.compare_for_structure(a, b));
        scores
    }

    fn keep_best(
        &self,
        scores: &mut Vec<PairScore>,
        limit: usize,
        compare: impl Fn(&PairScore, &PairScore) -> Ordering,
    ) {
        if limit < scores.len() {
            if limit == 0 {
                scores.clear();
                return;
            }
            scores.select_nth_unstable_by(limit - 1, &compare);
            scores.truncate(limit);
        }
        scores.sort_unstable_by(&compare);
    }

    /// Scores every pair and keeps the best `limit` structures of each site (`result[site]`).
    /// Runs on `threads` threads, splitting the sites between them.
    pub fn top_per_site(
        &self,
        weights: &Weights,
        limit: usize,
        threads: usize,
    ) -> Vec<Vec<PairScore>> {
        let site_count = self.sites.len();
        let threads = threads.clamp(1, site_count.max(1));
        if threads == 1 {
            return self.top_for_sites(0..site_count, weights, limit);
        }
        let chunk = site_count.div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let range = (t * chunk).min(site_count)..((t + 1) * chunk).min(site_count);
                    scope.spawn(move || self.top_for_sites(range, weights, limit))
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        })
    }

    fn top_for_sites(
        &self,
        sites: std::ops::Range<usize>,
        weights: &Weights,
        limit: usize,
    ) -> Vec<Vec<PairScore>> {
        let shares = shares(weights);
        let bounds = StructureBounds::new(&self.structures, &shares, &self.sectors);
        let all: Vec<usize> = (0..self.structures.len()).collect();
        let mut scratch = Scratch::default();
        sites
            .map(|site| self.best_for_site(site, &shares, &bounds, &all, limit, &mut scratch))
            .collect()
    }

    /// The best `limit` candidates for a site, in ranking order.
    ///
    /// Keeps the best keys seen so far in a min-heap. Candidates are taken strongest bound
    /// first (the `2 × limit` highest upper bounds, `scoring::bound`, then the rest), so the
    /// heap fills with strong pairs at once. Once it is full of eligible pairs, a candidate
    /// whose bound is below the worst total kept, or that breaks a rule checked without lots
    /// (ineligible pairs rank after every eligible one), cannot enter and is skipped without
    /// walking its lots. Exact: the same pairs as a full sort (checked against one in the
    /// property tests), only faster.
    fn best_for_site(
        &self,
        site: usize,
        shares: &[f64; 5],
        bounds: &StructureBounds,
        candidates: &[usize],
        limit: usize,
        scratch: &mut Scratch,
    ) -> Vec<PairScore> {
        if limit == 0 || candidates.is_empty() {
            return Vec::new();
        }
        let prepared_site = &self.sites[site];
        let site_bound = SiteBound::new(prepared_site, shares, &self.sectors);
        scratch.bounds.clear();
        scratch
            .bounds
            .extend(candidates.iter().map(|&s| bounds.bound(&site_bound, s)));
        scratch.order.clear();
        scratch.order.extend(0..candidates.len());
        let upper = &scratch.bounds;
        let seed = limit.saturating_mul(2).min(candidates.len());
        if seed < candidates.len() {
            scratch
                .order
                .select_nth_unstable_by(seed - 1, |&a, &b| upper[b].total_cmp(&upper[a]));
        }
        let mut heap: BinaryHeap<Reverse<(u128, usize)>> = BinaryHeap::new();
        let mut threshold = f64::NEG_INFINITY;
        for &i in &scratch.order {
            let structure = candidates[i];
            if threshold > f64::NEG_INFINITY {
                // The heap holds only eligible pairs: a pair that cannot reach the worst
                // total, or that breaks a lot-free rule, cannot enter.
                if upper[i] < threshold {
                    continue;
                }
                let st = &self.structures[structure];
                if st.use_mask & prepared_site.use_mask == 0
                    || !quick(st, prepared_site, &self.settings).reasons.is_empty()
                {
                    continue;
                }
            }
            let score = self.score_with(structure, site, shares);
            let key = self.site_rank_key(score.eligible, score.total, structure);
            if heap.len() < limit {
                heap.push(Reverse((key, structure)));
            } else if heap.peek().is_some_and(|Reverse((worst, _))| key > *worst) {
                heap.pop();
                heap.push(Reverse((key, structure)));
            }
            if heap.len() == limit
                && let Some(Reverse((worst, _))) = heap.peek()
                && worst >> 96 == 1
            {
                threshold = f64::from_bits((worst >> 32) as u64);
            }
        }
        let mut best: Vec<(u128, usize)> = heap.into_iter().map(|Reverse(k)| k).collect();
        best.sort_unstable_by_key(|&(key, _)| Reverse(key));
        best.into_iter()
            .map(|(_, structure)| self.score_with(structure, site, shares))
            .collect()
    }

    /// Packs the ranking order of a pair for one site into one integer (larger is better):
    /// eligibility, then the total (a non-negative `f64`, whose bits sort like its value), then
    /// the structure's id order reversed: eligible first, then higher total, then id.
    fn site_rank_key(&self, eligible: bool, total: f64, structure: usize) -> u128 {
        let eligible = u128::from(eligible) << 96;
        let total = u128::from(total.max(0.0).to_bits()) << 32;
        let id = u128::from(u32::MAX - self.structure_order[structure]);
        eligible | total | id
    }
}
