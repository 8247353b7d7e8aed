//! The five matching criteria.

use crate::domain::Weights;
use crate::i18n::Lang;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
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

    pub fn index(self) -> usize {
        self as usize
    }

    /// Stable machine name, as in the JSON output.
    pub fn code(self) -> &'static str {
        match self {
            Criterion::Surface => "surface",
            Criterion::Cost => "cost",
            Criterion::Sector => "sector",
            Criterion::Rebalancing => "rebalancing",
            Criterion::Urgency => "urgency",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Criterion::Surface, Lang::Fr) => "Surface",
            (Criterion::Surface, Lang::En) => "Surface",
            (Criterion::Cost, Lang::Fr) => "Coût",
            (Criterion::Cost, Lang::En) => "Cost",
            (Criterion::Sector, Lang::Fr) => "Secteur",
            (Criterion::Sector, Lang::En) => "Sector",
            (Criterion::Rebalancing, Lang::Fr) => "Rééquilibrage",
            (Criterion::Rebalancing, Lang::En) => "Rebalancing",
            (Criterion::Urgency, Lang::Fr) => "Parcours",
            (Criterion::Urgency, Lang::En) => "Pathway",
        }
    }

    /// Short tag for compact breakdowns (`surf 30 · coût 25 · …`), distinct per criterion.
    pub fn short(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Criterion::Surface, _) => "surf",
            (Criterion::Cost, Lang::Fr) => "coût",
            (Criterion::Cost, Lang::En) => "cost",
            (Criterion::Sector, _) => "sect",
            (Criterion::Rebalancing, Lang::Fr) => "rééq",
            (Criterion::Rebalancing, Lang::En) => "rebal",
            (Criterion::Urgency, Lang::Fr) => "parc",
            (Criterion::Urgency, Lang::En) => "path",
        }
    }

    pub fn weight_in(self, weights: &Weights) -> f64 {
        match self {
            Criterion::Surface => weights.surface,
            Criterion::Cost => weights.cost,
            Criterion::Sector => weights.sector,
            Criterion::Rebalancing => weights.rebalancing,
            Criterion::Urgency => weights.urgency,
        }
    }

    pub fn set_weight_in(self, weights: &mut Weights, value: f64) {
        let slot = match self {
            Criterion::Surface => &mut weights.surface,
            Criterion::Cost => &mut weights.cost,
            Criterion::Sector => &mut weights.sector,
            Criterion::Rebalancing => &mut weights.rebalancing,
            Criterion::Urgency => &mut weights.urgency,
        };
        *slot = value;
    }
}

/// Each criterion's share of the total, summing to 1. Negative or non-finite weights count as
/// 0; when every weight is 0 the criteria share equally, so a total always means something.
pub fn shares(weights: &Weights) -> [f64; 5] {
    let raw = Criterion::ALL.map(|c| {
        let w = c.weight_in(weights);
        if w.is_finite() && w > 0.0 { w } else { 0.0 }
    });
    let sum: f64 = raw.iter().sum();
    if sum > 0.0 {
        raw.map(|w| w / sum)
    } else {
        [0.2; 5]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_sum_to_one() {
        let s = shares(&Weights::default());
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!((s[0] - 0.30).abs() < 1e-12);
    }

    #[test]
    fn zero_weights_share_equally() {
        let w = Weights {
            surface: 0.0,
            cost: 0.0,
            sector: 0.0,
            rebalancing: 0.0,
            urgency: -3.0,
        };
        assert_eq!(shares(&w), [0.2; 5]);
    }
}
