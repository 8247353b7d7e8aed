//! The interface's window on the scoring layer.
//!
//! The screens only need four questions answered — rank the structures for a site, rank the
//! sites for a structure, explain one pair, and whether scores exist at all — so they go
//! through this adapter. Until the scoring layer (`crate::scoring::Matcher`) is part of the
//! build, the adapter answers "not available" and the screens say so: no invented scores.
//! The types mirror the planned `scoring` API (`PairScore`, `ScoreCard`, `CriterionLine`,
//! `Criterion`) so switching over is a matter of re-exporting them.

use crate::domain::{LotId, Money, SiteId, StructureId, Surface, Weights, Workspace};
use crate::i18n::Lang;
use chrono::NaiveDate;

/// The five matching criteria, in the order of `PairScore::values`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Criterion {
    Surface,
    Cost,
    Sector,
    Rebalancing,
    Urgency,
}

impl Criterion {
    pub const ALL: [Criterion; 5] = [
        Criterion::Surface,
        Criterion::Cost,
        Criterion::Sector,
        Criterion::Rebalancing,
        Criterion::Urgency,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Criterion::Surface => lang.pick("Surface", "Surface"),
            Criterion::Cost => lang.pick("Coût", "Cost"),
            Criterion::Sector => lang.pick("Secteur", "Sector"),
            Criterion::Rebalancing => lang.pick("Rééquilibrage", "Rebalancing"),
            Criterion::Urgency => lang.pick("Urgence", "Urgency"),
        }
    }
}

/// One (structure, site) pair's score; indices into `workspace.structures` / `sites`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScore {
    pub structure: usize,
    pub site: usize,
    pub eligible: bool,
    /// 0..=100.
    pub total: f64,
    /// Each criterion's value, 0..=1, in the order of `Criterion::ALL`.
    pub values: [f64; 5],
    pub contributions: [f64; 5],
}

#[derive(Debug, Clone, PartialEq)]
pub struct CriterionLine {
    pub criterion: Criterion,
    pub value: f64,
    /// Normalised share of the weights, 0..1.
    pub weight: f64,
    /// Points of the 0..100 total.
    pub contribution: f64,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreCard {
    pub structure: StructureId,
    pub site: SiteId,
    pub eligible: bool,
    pub reasons: Vec<String>,
    pub total: f64,
    pub criteria: Vec<CriterionLine>,
    pub lot: Option<LotId>,
    pub surface: Option<Surface>,
    pub annual_cost: Option<Money>,
}

/// Scores for the interface, or the honest absence of them.
#[derive(Debug, Clone, Default)]
pub struct Ranking {
    _private: (),
}

impl Ranking {
    pub fn new(_workspace: &Workspace, _today: NaiveDate) -> Ranking {
        Ranking { _private: () }
    }

    /// False while the scoring layer is not part of the build.
    pub fn available(&self) -> bool {
        false
    }

    /// Structures for `site`, best first (eligible before ineligible).
    pub fn rank_site(&self, _site: usize, _weights: &Weights) -> Vec<PairScore> {
        Vec::new()
    }

    /// Sites for `structure`, best first.
    pub fn rank_structure(&self, _structure: usize, _weights: &Weights) -> Vec<PairScore> {
        Vec::new()
    }

    pub fn score(&self, _structure: usize, _site: usize, _weights: &Weights) -> Option<PairScore> {
        None
    }

    pub fn explain(
        &self,
        _workspace: &Workspace,
        _structure: usize,
        _site: usize,
        _weights: &Weights,
        _lang: Lang,
    ) -> Option<ScoreCard> {
        None
    }
}
