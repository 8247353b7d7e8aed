//! The interface's window on the scoring layer: the screens ask four questions — rank the
//! structures for a site, rank the sites for a structure, score or explain one pair — and
//! this adapter answers them from one `scoring::Matcher` built when the workspace opens.

use crate::domain::{Weights, Workspace};
use crate::i18n::Lang;
use crate::scoring::{Matcher, Settings};
use chrono::NaiveDate;

pub use crate::scoring::{Criterion, CriterionLine, PairScore, ScoreCard};

/// Scores for the interface. `available` is false for a workspace with no site or no
/// structure, so the screens say there is nothing to score rather than show zeros.
pub struct Ranking {
    matcher: Matcher,
}

impl Ranking {
    /// `settings` are the matching tolerances in force (the current call's).
    pub fn new(workspace: &Workspace, today: NaiveDate, settings: &Settings) -> Ranking {
        Ranking {
            matcher: Matcher::new(workspace, today, settings),
        }
    }

    /// The engine itself, for the pathway's next-step suggestions (`pathway::suggestions`).
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    pub fn available(&self) -> bool {
        self.matcher.structure_count() > 0 && self.matcher.site_count() > 0
    }

    /// Structures for `site`, best first (eligible before ineligible).
    pub fn rank_site(&self, site: usize, weights: &Weights) -> Vec<PairScore> {
        if site >= self.matcher.site_count() {
            return Vec::new();
        }
        self.matcher.rank_site(site, weights, None)
    }

    /// Sites for `structure`, best first.
    pub fn rank_structure(&self, structure: usize, weights: &Weights) -> Vec<PairScore> {
        if structure >= self.matcher.structure_count() {
            return Vec::new();
        }
        self.matcher.rank_structure(structure, weights)
    }

    /// The best eligible total of one structure under `weights` (none when no site fits).
    pub fn best_total(&self, structure: usize, weights: &Weights) -> Option<f64> {
        if structure >= self.matcher.structure_count() {
            return None;
        }
        self.matcher
            .rank_structure_top(structure, weights, None, 1)
            .first()
            .filter(|p| p.eligible)
            .map(|p| p.total)
    }

    /// Eligible candidates per site, and whether each structure fits at least one site.
    /// Weights do not change eligibility, so this is worked out once, when the workspace opens.
    pub fn eligibility(&self) -> (Vec<usize>, Vec<bool>) {
        let weights = Weights::default();
        let (sites, structures) = (self.matcher.site_count(), self.matcher.structure_count());
        let mut per_site = vec![0; sites];
        let mut per_structure = vec![false; structures];
        for (site, count) in per_site.iter_mut().enumerate() {
            for (structure, fits) in per_structure.iter_mut().enumerate() {
                if self.matcher.score(structure, site, &weights).eligible {
                    *count += 1;
                    *fits = true;
                }
            }
        }
        (per_site, per_structure)
    }

    pub fn score(&self, structure: usize, site: usize, weights: &Weights) -> Option<PairScore> {
        self.in_range(structure, site)
            .then(|| self.matcher.score(structure, site, weights))
    }

    pub fn explain(
        &self,
        workspace: &Workspace,
        structure: usize,
        site: usize,
        weights: &Weights,
        lang: Lang,
    ) -> Option<ScoreCard> {
        self.in_range(structure, site).then(|| {
            self.matcher
                .explain(workspace, structure, site, weights, lang)
        })
    }

    fn in_range(&self, structure: usize, site: usize) -> bool {
        structure < self.matcher.structure_count() && site < self.matcher.site_count()
    }
}
