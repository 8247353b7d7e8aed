//! The interface's window on the scoring layer: the screens ask four questions — rank the
//! structures for a site, rank the sites for a structure, score or explain one pair — and
//! this adapter answers them from one `scoring::Matcher` built when the workspace opens.
//! The matcher is shared (`Arc`) with the worker threads that work out whole-workspace
//! figures while the cockpit is already drawn (`tui::background`).

use crate::domain::{Weights, Workspace};
use crate::i18n::Lang;
use crate::parallel;
use crate::scoring::figures;
use crate::scoring::{Matcher, Settings};
use chrono::NaiveDate;
use std::sync::Arc;

pub use crate::scoring::{Criterion, CriterionLine, PairScore, ScoreCard};

/// Scores for the interface. `available` is false for a workspace with no site or no
/// structure, so the screens say there is nothing to score rather than show zeros.
pub struct Ranking {
    matcher: Arc<Matcher>,
}

impl Ranking {
    /// `settings` are the matching tolerances in force (the current call's).
    pub fn new(workspace: &Workspace, today: NaiveDate, settings: &Settings) -> Ranking {
        let threads = parallel::available_threads();
        Ranking {
            matcher: Arc::new(Matcher::with_threads(workspace, today, settings, threads)),
        }
    }

    /// The engine itself, shared with a worker thread.
    pub fn shared_matcher(&self) -> Arc<Matcher> {
        Arc::clone(&self.matcher)
    }

    pub fn structure_count(&self) -> usize {
        self.matcher.structure_count()
    }

    pub fn site_count(&self) -> usize {
        self.matcher.site_count()
    }

    /// The engine itself, for the pathway's next-step suggestions (`pathway::suggestions`).
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    pub fn available(&self) -> bool {
        self.matcher.structure_count() > 0 && self.matcher.site_count() > 0
    }

    /// The best `limit` structures for `site`, best first (eligible before ineligible): the
    /// bounded top-K of the engine, so a site of a large workspace costs its visible window.
    pub fn rank_site(&self, site: usize, weights: &Weights, limit: usize) -> Vec<PairScore> {
        if site >= self.matcher.site_count() {
            return Vec::new();
        }
        figures::site_top(&self.matcher, site, weights, limit)
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

    /// The best eligible total of every structure under `weights` (what a sort by best score
    /// needs), on every core. `eligibility` is the workspace's when already worked out.
    pub fn best_totals(
        &self,
        weights: &Weights,
        eligibility: Option<&figures::Eligibility>,
    ) -> Vec<Option<f64>> {
        let threads = parallel::available_threads();
        let worked_out;
        let eligibility = match eligibility {
            Some(known) => known,
            None => {
                worked_out = figures::eligibility(&self.matcher, threads);
                &worked_out
            }
        };
        figures::best_totals(&self.matcher, weights, eligibility, threads)
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
