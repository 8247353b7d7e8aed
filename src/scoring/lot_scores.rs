//! Scores lot by lot. The matcher scores a structure against a *site* through the lot it
//! retains; allocating lots needs the score against *each* lot, because the best one may be
//! taken. `LotScorer` asks the same matcher (public API only, same formulas) about a small
//! workspace in which every lot of the sites concerned stands as a site of its own.

use crate::domain::{Site, Weights, Workspace};
use crate::scoring::criterion::shares;
use crate::scoring::{Ineligibility, Matcher, Settings};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::ops::Range;

/// One structure against one lot of a site.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LotScore {
    /// Position of the lot in `Site::lots`.
    pub lot: usize,
    /// The lot offers a use the structure asks for, in time.
    pub serves: bool,
    pub eligible: bool,
    /// 0–100, with the weights given.
    pub total: f64,
    /// The m² the structure would retain on this lot (the whole lot when indivisible).
    pub m2: f64,
}

pub struct LotScorer {
    matcher: Matcher,
    /// Workspace structure index → index in the inner workspace.
    structures: HashMap<usize, usize>,
    /// Workspace site index → (inner index of the site as it is, inner range of its lots).
    sites: HashMap<usize, (usize, Range<usize>)>,
}

impl LotScorer {
    /// Prepares the scores of `structures` against every lot of `sites` (workspace indices).
    pub fn new(
        workspace: &Workspace,
        sites: &[usize],
        structures: &[usize],
        today: NaiveDate,
        settings: &Settings,
    ) -> Self {
        let mut inner_sites: Vec<Site> = Vec::new();
        let mut site_map = HashMap::new();
        let mut unique_sites: Vec<usize> = sites.to_vec();
        unique_sites.sort_unstable();
        unique_sites.dedup();
        for &s in &unique_sites {
            inner_sites.push(workspace.sites[s].clone());
        }
        for (position, &s) in unique_sites.iter().enumerate() {
            let site = &workspace.sites[s];
            let mut shell = site.clone();
            shell.lots = Vec::new();
            let start = inner_sites.len();
            inner_sites.extend(site.lots.iter().map(|lot| Site {
                lots: vec![lot.clone()],
                ..shell.clone()
            }));
            site_map.insert(s, (position, start..inner_sites.len()));
        }
        let mut unique_structures: Vec<usize> = structures.to_vec();
        unique_structures.sort_unstable();
        unique_structures.dedup();
        let structure_map = unique_structures
            .iter()
            .enumerate()
            .map(|(inner, &outer)| (outer, inner))
            .collect();
        let inner = Workspace {
            territory: workspace.territory.clone(),
            sites: inner_sites,
            structures: unique_structures
                .iter()
                .map(|&s| workspace.structures[s].clone())
                .collect(),
            calls: Vec::new(),
        };
        LotScorer {
            matcher: Matcher::new(&inner, today, settings),
            structures: structure_map,
            sites: site_map,
        }
    }

    /// The structure against each lot of the site, in the site's lot order; empty when either
    /// was not prepared.
    pub fn lots(&self, structure: usize, site: usize, weights: &Weights) -> Vec<LotScore> {
        let (Some(&st), Some((_, range))) =
            (self.structures.get(&structure), self.sites.get(&site))
        else {
            return Vec::new();
        };
        let shares = shares(weights);
        range
            .clone()
            .enumerate()
            .map(|(lot, inner_site)| {
                let evaluation = self.matcher.evaluate(st, inner_site);
                let total = 100.0
                    * shares
                        .iter()
                        .zip(evaluation.values)
                        .map(|(share, value)| share * value)
                        .sum::<f64>();
                LotScore {
                    lot,
                    serves: evaluation.lot.is_some()
                        && !evaluation.reasons.contains(Ineligibility::NoLotForUse),
                    eligible: evaluation.reasons.is_empty(),
                    total,
                    m2: evaluation.surface,
                }
            })
            .collect()
    }

    /// The lot the matching engine retains for the pair (position in `Site::lots`) and the m²
    /// it takes there, as the score card shows it.
    pub fn retained(&self, structure: usize, site: usize) -> Option<(usize, f64)> {
        let st = *self.structures.get(&structure)?;
        let (inner_site, _) = self.sites.get(&site)?;
        let evaluation = self.matcher.evaluate(st, *inner_site);
        let lot = evaluation.lot?;
        Some((
            self.matcher.lot_position(*inner_site, lot),
            evaluation.surface,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo_data::{Size, generate};
    use crate::store::document::TerritoryDocument;

    /// Lot by lot, the best lot's score is the site's score, and the retained lot is the one
    /// the score card names.
    #[test]
    fn per_lot_scores_agree_with_the_site_score() {
        let (_, text) = crate::store::embedded::files()
            .iter()
            .find(|(path, _)| *path == "territory.json")
            .expect("the territory is embedded");
        let territory = serde_json::from_str::<TerritoryDocument>(text)
            .expect("embedded territory reads")
            .territory;
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let ws = generate(
            &territory,
            Size {
                structures: 60,
                sites: 8,
            },
            3,
            today,
        );
        let settings = Settings::default();
        let weights = Weights::default();
        let matcher = Matcher::new(&ws, today, &settings);
        let sites: Vec<usize> = (0..ws.sites.len()).collect();
        let structures: Vec<usize> = (0..ws.structures.len()).collect();
        let scorer = LotScorer::new(&ws, &sites, &structures, today, &settings);
        for st in 0..ws.structures.len() {
            for site in 0..ws.sites.len() {
                let card = matcher.explain(&ws, st, site, &weights, crate::i18n::Lang::Fr);
                let retained = scorer.retained(st, site);
                assert_eq!(
                    retained.map(|(lot, _)| ws.sites[site].lots[lot].id.clone()),
                    card.lot
                );
                if let Some((lot, m2)) = retained {
                    let lots = scorer.lots(st, site, &weights);
                    assert!((lots[lot].total - card.total).abs() < 1e-9);
                    assert_eq!(Some(m2), card.surface.map(|s| s.value()));
                }
            }
        }
    }
}
