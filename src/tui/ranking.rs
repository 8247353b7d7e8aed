//! The interface's window on the scoring layer: the screens ask four questions — rank the
//! structures for a site, rank the sites for a structure, score or explain one pair — and
//! this adapter answers them from one `scoring::Matcher` built when the workspace opens.

use crate::domain::{Weights, Workspace};
use crate::i18n::Lang;
use crate::scoring::{Matcher, Settings};
use chrono::NaiveDate;

pub use crate::scoring::{Criterion, CriterionLine, PairScore, ScoreCard};

/// Scores for the interface. `available` stays in the API so a workspace that cannot be scored
/// (no structures, no sites) reads as "nothing to rank" rather than as zeros.
pub struct Ranking {
    matcher: Matcher,
}

impl Ranking {
    pub fn new(workspace: &Workspace, today: NaiveDate) -> Ranking {
        Ranking {
            matcher: Matcher::new(workspace, today, &Settings::default()),
        }
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

    /// The best-placed site of every structure: one pass that keeps only the top of each.
    pub fn best_per_structure(&self, weights: &Weights) -> Vec<Option<PairScore>> {
        (0..self.matcher.structure_count())
            .map(|s| {
                self.matcher
                    .rank_structure_top(s, weights, None, 1)
                    .into_iter()
                    .next()
            })
            .collect()
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
