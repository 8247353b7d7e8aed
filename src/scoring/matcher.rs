//! The matcher: precomputes the workspace once, then scores and ranks pairs on demand.

use crate::domain::{Weights, Workspace};
use crate::parallel;
use crate::scoring::Settings;
use crate::scoring::bound::{SiteBound, sector_slot, slot_count};
use crate::scoring::columns::Layouts;
use crate::scoring::criterion::shares;
use crate::scoring::evaluate::{Evaluation, evaluate};
use crate::scoring::prepared::{PreparedLot, PreparedSite, PreparedStructure, SectorIndex};
use crate::scoring::scan::SiteRules;
use chrono::NaiveDate;
use std::cmp::Ordering;
use std::sync::OnceLock;

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
    pub(crate) fn new(
        structure: usize,
        site: usize,
        evaluation: &Evaluation,
        shares: &[f64; 5],
    ) -> Self {
        let (contributions, total) = weighted(shares, &evaluation.values);
        PairScore {
            structure,
            site,
            eligible: evaluation.reasons.is_empty(),
            total,
            values: evaluation.values,
            contributions,
        }
    }
}

/// The points each criterion brings (`100 × share × value`) and their sum, the total. The
/// pruning bound (`scoring::bound`) goes through here too, so that it is computed by exactly
/// the same operations as the totals it bounds.
#[inline]
pub fn weighted(shares: &[f64; 5], values: &[f64; 5]) -> ([f64; 5], f64) {
    let mut contributions = [0.0; 5];
    for (c, (share, value)) in contributions.iter_mut().zip(shares.iter().zip(values)) {
        *c = 100.0 * share * value;
    }
    (contributions, contributions.iter().sum())
}

/// Owns the precomputed numbers (no borrow of the workspace), so the cockpit can keep it next to
/// the workspace it came from. Rebuild it when sites or structures change.
pub struct Matcher {
    pub(crate) settings: Settings,
    pub(crate) sectors: SectorIndex,
    today: NaiveDate,
    pub(crate) structures: Vec<PreparedStructure>,
    pub(crate) sites: Vec<PreparedSite>,
    pub(crate) lots: Vec<PreparedLot>,
    /// Position of each structure / site in id order, for deterministic tie-breaking without
    /// comparing strings.
    pub(crate) structure_order: Vec<u32>,
    site_order: Vec<u32>,
    /// The structures as columns, one layout per site kind, for ranking a site among every
    /// structure; built on first use (weight-independent, so once per matcher).
    layouts: OnceLock<Layouts>,
    /// Threads the matcher may use for its own preparation.
    threads: usize,
}

fn order_by_id<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<u32> {
    let mut sorted: Vec<usize> = (0..items.len()).collect();
    // Ids are unique: no need for a stable sort.
    sorted.sort_unstable_by(|&a, &b| id(&items[a]).cmp(id(&items[b])));
    let mut order = vec![0u32; items.len()];
    for (rank, index) in sorted.into_iter().enumerate() {
        order[index] = rank as u32;
    }
    order
}

impl Matcher {
    pub fn new(workspace: &Workspace, today: NaiveDate, settings: &Settings) -> Self {
        Matcher::with_threads(workspace, today, settings, 1)
    }

    /// Like `new`, preparing the structures (and later the layouts) on `threads` threads: the
    /// same matcher whatever their number.
    pub fn with_threads(
        workspace: &Workspace,
        today: NaiveDate,
        settings: &Settings,
        threads: usize,
    ) -> Self {
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
        let structures = parallel::map_indexed(
            workspace.structures.len(),
            threads,
            4096,
            || (),
            |_, i| {
                PreparedStructure::new(
                    &workspace.structures[i],
                    territory,
                    &sectors,
                    today,
                    settings,
                )
            },
        );
        Matcher {
            settings: *settings,
            sectors,
            today,
            structures,
            sites,
            lots,
            structure_order: order_by_id(&workspace.structures, |s| s.id.as_str()),
            site_order: order_by_id(&workspace.sites, |s| s.id.as_str()),
            layouts: OnceLock::new(),
            threads: threads.max(1),
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

    pub(crate) fn score_with(&self, structure: usize, site: usize, shares: &[f64; 5]) -> PairScore {
        PairScore::new(structure, site, &self.evaluate(structure, site), shares)
    }

    /// The structures as columns, one layout per site kind.
    pub(crate) fn layouts(&self) -> &Layouts {
        self.layouts.get_or_init(|| {
            Layouts::new(
                &self.structures,
                &self.sectors,
                self.settings.start_grace_days,
                &self.structure_order,
                self.threads,
            )
        })
    }

    /// A site's side of the rules, for the scans (`scoring::scan`).
    pub(crate) fn site_rules(&self, site: usize) -> SiteRules<'_> {
        let prepared = &self.sites[site];
        SiteRules::new(
            prepared,
            &self.lots[prepared.lots.clone()],
            slot_count(&self.sectors),
            |sector| sector_slot(sector, &self.sectors),
        )
    }

    /// The upper bound the ranking uses to skip pairs: never below `score(..).total`.
    pub fn upper_bound(&self, structure: usize, site: usize, weights: &Weights) -> f64 {
        SiteBound::new(&self.sites[site], &shares(weights), &self.sectors)
            .of(&self.structures[structure], &self.sectors)
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
        if limit < scores.len() {
            if limit == 0 {
                return Vec::new();
            }
            scores.select_nth_unstable_by(limit - 1, |a, b| self.compare_for_structure(a, b));
            scores.truncate(limit);
        }
        scores.sort_unstable_by(|a, b| self.compare_for_structure(a, b));
        scores
    }
}
