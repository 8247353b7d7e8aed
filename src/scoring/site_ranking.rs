//! Ranking the structures for a site, best first, keeping the best `limit`: the kernel behind
//! `rank --all-pairs`, the cockpit's ranked list of a site and the jury exports.
//!
//! Against every structure, the ranking walks down the pairs' upper bounds (`scoring::bound`)
//! in bands: the structures whose bound reaches the band are a prefix of each group of the
//! site kind's layout (`scoring::columns`), checked for eligibility by a vectorised scan
//! (`scoring::scan`), sorted by the best key they could reach, and evaluated until one cannot
//! enter the top. At 100 000 structures a site touches a few thousand of them and evaluates
//! a few dozen. Against a given list of candidates (a call's applicants), each candidate's
//! bound and the rules checked without lots skip most evaluations. Both are exact: the same
//! pairs, scores and order as scoring every candidate and sorting (property tests).

use crate::domain::Weights;
use crate::parallel;
use crate::scoring::bound::SiteBound;
use crate::scoring::columns::{Group, Layouts, StructureColumns};
use crate::scoring::criterion::shares;
use crate::scoring::evaluate::{evaluate, lot_free_reasons};
use crate::scoring::scan::{SiteRules, eligible_unless_excluded, excludes};
use crate::scoring::top::{SiteTop, rank_key};
use crate::scoring::{Matcher, PairScore};
use std::collections::BinaryHeap;

/// Buffers reused from one site to the next.
#[derive(Default)]
struct Scratch {
    /// Eligibility flags of the range being scanned.
    flags: Vec<u32>,
    /// Next unscanned position of each group.
    cursors: Vec<usize>,
    /// (best key reachable, position) of the eligible pairs of the current band, as a heap.
    band: BinaryHeap<(u128, usize)>,
    /// (bound, best key reachable, position) of eligible pairs scanned but below the band.
    below: Vec<(f64, u128, usize)>,
    /// (bound, candidate) for a given list of candidates.
    order: Vec<(f64, usize)>,
}

/// What the pairs of a site are ranked among.
enum Among<'a> {
    /// Every structure.
    All(&'a Layouts),
    /// `lists[i]` for the i-th site.
    Lists(&'a [&'a [usize]]),
}

/// Width of the first band of bounds, in points, below the highest bound. Each band that
/// leaves the top with room is twice as wide as the one before: a site whose best totals lie
/// far below their bounds (lots too small for most needs, say) takes a handful of bands, not a
/// hundred, and the pairs evaluated are the same whatever the widths.
const FIRST_BAND: f64 = 0.5;

impl Matcher {
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
        let lists = candidates.map(|c| [c]);
        self.rank_sites_top(&[site], lists.as_ref().map(|l| &l[..]), weights, limit, 1)
            .pop()
            .unwrap_or_default()
    }

    /// Scores every pair and keeps the best `limit` structures of each site (`result[site]`),
    /// on `threads` threads. The same result whatever the thread count.
    pub fn top_per_site(
        &self,
        weights: &Weights,
        limit: usize,
        threads: usize,
    ) -> Vec<Vec<PairScore>> {
        let sites: Vec<usize> = (0..self.sites.len()).collect();
        self.rank_sites_top(&sites, None, weights, limit, threads)
    }

    /// The best `limit` structures of each of `sites` (in that order), among `candidates[i]`
    /// for `sites[i]`, or every structure when `None`; on `threads` threads, the same result
    /// whatever their number.
    pub fn rank_sites_top(
        &self,
        sites: &[usize],
        candidates: Option<&[&[usize]]>,
        weights: &Weights,
        limit: usize,
        threads: usize,
    ) -> Vec<Vec<PairScore>> {
        let shares = shares(weights);
        let among = match candidates {
            None => Among::All(self.layouts()),
            Some(lists) => Among::Lists(lists),
        };
        // A few sites per claim: enough to share the work evenly, few enough to keep the
        // threads' claims cheap.
        let chunk = sites.len().div_ceil(threads.max(1) * 16).max(1);
        parallel::map_indexed(
            sites.len(),
            threads,
            chunk,
            Scratch::default,
            |scratch, i| {
                let site = sites[i];
                let site_bound = SiteBound::new(&self.sites[site], &shares, &self.sectors);
                match &among {
                    Among::All(layouts) => {
                        let rules = self.site_rules(site);
                        let layout = &layouts.by_kind[site_bound.kind()];
                        let walk = Walk {
                            site,
                            shares: &shares,
                            layout,
                            rules: &rules,
                            bound: &site_bound,
                        };
                        self.best_by_bands(&walk, limit, scratch)
                    }
                    Among::Lists(lists) => {
                        let candidates = lists.get(i).copied().unwrap_or_default();
                        self.best_among(site, &shares, limit, candidates, &site_bound, scratch)
                    }
                }
            },
        )
    }

    /// The best `limit` structures for a site, walking down the bounds in bands.
    ///
    /// Each band takes, in every group, the prefix whose largest bound reaches the band's
    /// floor, and keeps its eligible pairs (those whose own bound is lower wait in `below`).
    /// They are evaluated by decreasing best reachable key (eligible, bound, id) until one
    /// cannot enter: no later pair can either. Once the top is full of eligible pairs, its
    /// worst total is the last floor needed. A site with fewer eligible pairs than `limit`
    /// ranks ineligible ones too: every band is then walked and every ineligible pair offered
    /// at the end.
    fn best_by_bands(&self, walk: &Walk, limit: usize, scratch: &mut Scratch) -> Vec<PairScore> {
        if limit == 0 {
            return Vec::new();
        }
        let groups = &walk.layout.groups;
        scratch.cursors.clear();
        scratch.cursors.extend(groups.iter().map(|g| {
            if excludes(walk.rules, g.slot) {
                g.positions.end
            } else {
                g.positions.start
            }
        }));
        scratch.below.clear();
        let mut top = SiteTop::new(limit);
        let mut floor = f64::INFINITY;
        let mut width = FIRST_BAND;
        'walk: loop {
            // The next band: a step below the highest bound not reached yet, never below the
            // worst total kept (no pair under it can enter).
            let highest = groups
                .iter()
                .zip(&scratch.cursors)
                .filter(|(g, cursor)| **cursor < g.positions.end)
                .map(|(g, &cursor)| walk.largest(g, cursor))
                .fold(f64::NEG_INFINITY, f64::max);
            let next = (highest.min(floor) - width).max(top.threshold().unwrap_or(0.0));
            floor = next.max(0.0);
            width *= 2.0;
            let mut band = std::mem::take(&mut scratch.band).into_vec();
            band.clear();
            for (g, cursor) in groups.iter().zip(scratch.cursors.iter_mut()) {
                let start = *cursor;
                if start >= g.positions.end || walk.largest(g, start) < floor {
                    continue;
                }
                let end = start
                    + walk.layout.urgency[start..g.positions.end]
                        .partition_point(|&urgency| walk.largest_at(g, urgency) >= floor);
                *cursor = end;
                eligible_unless_excluded(walk.layout, walk.rules, start..end, &mut scratch.flags);
                for (offset, _) in scratch.flags.iter().enumerate().filter(|(_, f)| **f != 0) {
                    let position = start + offset;
                    let bound = walk.exact(g, position);
                    let best = rank_key(true, bound, walk.layout.id_order[position]);
                    if bound >= floor {
                        band.push((best, position));
                    } else {
                        scratch.below.push((bound, best, position));
                    }
                }
            }
            scratch.below.retain(|&(bound, best, position)| {
                let now = bound >= floor;
                if now {
                    band.push((best, position));
                }
                !now
            });
            scratch.band = BinaryHeap::from(band);
            while let Some((best, position)) = scratch.band.pop() {
                if !top.could_enter(best) {
                    break 'walk;
                }
                let structure = walk.layout.structure[position] as usize;
                self.offer(&mut top, walk.site, walk.shares, structure);
            }
            let done = match top.threshold() {
                Some(threshold) => threshold >= floor,
                None => floor <= 0.0,
            };
            if done {
                break;
            }
        }
        if top.threshold().is_none() {
            // Every eligible pair has been offered; the ineligible ones rank after them.
            for structure in 0..self.structures.len() {
                let pair = self.score_with(structure, walk.site, walk.shares);
                if !pair.eligible {
                    let key = rank_key(false, pair.total, self.structure_order[structure]);
                    top.offer(key, pair);
                }
            }
        }
        top.into_ranked()
    }

    /// The best `limit` among given candidates: the `2 × limit` strongest bounds first, then
    /// the others, skipping those that cannot enter.
    fn best_among(
        &self,
        site: usize,
        shares: &[f64; 5],
        limit: usize,
        candidates: &[usize],
        site_bound: &SiteBound,
        scratch: &mut Scratch,
    ) -> Vec<PairScore> {
        if limit == 0 {
            return Vec::new();
        }
        let order = &mut scratch.order;
        order.clear();
        order.extend(
            candidates
                .iter()
                .map(|&s| (site_bound.of(&self.structures[s], &self.sectors), s)),
        );
        let seeds = limit.saturating_mul(2).min(order.len());
        if seeds > 0 && seeds < order.len() {
            order.select_nth_unstable_by(seeds - 1, |a, b| b.0.total_cmp(&a.0));
        }
        let prepared = &self.sites[site];
        let mut top = SiteTop::new(limit);
        for &(bound, structure) in order.iter() {
            if top.threshold().is_some() {
                let st = &self.structures[structure];
                if !top.could_enter(rank_key(true, bound, self.structure_order[structure]))
                    || st.use_mask & prepared.use_mask == 0
                    || !lot_free_reasons(st, prepared, &self.settings).is_empty()
                {
                    continue;
                }
            }
            self.offer(&mut top, site, shares, structure);
        }
        top.into_ranked()
    }

    /// Scores a pair and offers it to the site's top.
    fn offer(&self, top: &mut SiteTop, site: usize, shares: &[f64; 5], structure: usize) {
        let evaluation = evaluate(
            &self.structures[structure],
            &self.sites[site],
            &self.lots,
            &self.settings,
        );
        let pair = PairScore::new(structure, site, &evaluation, shares);
        let key = rank_key(pair.eligible, pair.total, self.structure_order[structure]);
        top.offer(key, pair);
    }
}

/// One site's side of a walk down the bounds.
struct Walk<'a> {
    site: usize,
    shares: &'a [f64; 5],
    layout: &'a StructureColumns,
    rules: &'a SiteRules<'a>,
    bound: &'a SiteBound,
}

impl Walk<'_> {
    /// The largest bound at this site of a structure of group `g` with `urgency` (as if it
    /// preferred the site's city).
    fn largest_at(&self, g: &Group, urgency: f64) -> f64 {
        self.bound.bound(g.slot, g.anchored, true, urgency)
    }

    fn largest(&self, g: &Group, position: usize) -> f64 {
        self.largest_at(g, self.layout.urgency[position])
    }

    /// The bound of the pair of the structure at `position` of group `g`.
    fn exact(&self, g: &Group, position: usize) -> f64 {
        let preferred = self.layout.preferred_cities[position] & self.bound.city_bit() != 0;
        self.bound
            .bound(g.slot, g.anchored, preferred, self.layout.urgency[position])
    }
}
