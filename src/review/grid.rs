//! The jury grid of a call: criteria graded 0 to 4 (or not applicable), weighted, with a
//! minimum threshold. Kept apart from the automatic match score: the match score says how well
//! the premises fit the needs; the grid records what the jury thinks of the project.
//!
//! Total, on 0–100, over the criteria graded with points (not applicable and not yet graded are
//! left out, so they neither help nor harm):
//!
//! ```text
//! total = 100 × Σ weightᵢ × gradeᵢ / 4  ÷  Σ weightᵢ
//! ```
//!
//! The threshold is only judged once every criterion is graded (points or not applicable).

use crate::i18n::Lang;
use crate::review::GridProblem;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Highest grade of the scale.
pub const MAX_GRADE: u8 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    NotApplicable,
    Points(u8),
}

/// Grades of one application, by criterion code.
pub type Grades = BTreeMap<String, Grade>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridCriterion {
    /// Stable code, used in files and exports.
    pub code: String,
    pub label_fr: String,
    pub label_en: String,
    /// Any non-negative value; only the proportions matter.
    pub weight: f64,
}

impl GridCriterion {
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.label_fr, &self.label_en)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    pub criteria: Vec<GridCriterion>,
    /// Minimum total (0–100) to pass.
    pub threshold: f64,
}

/// What the grid says about one application.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridResult {
    /// None until at least one criterion with a positive weight is graded with points.
    pub total: Option<f64>,
    /// Criteria graded (points or not applicable).
    pub graded: usize,
    pub criteria: usize,
    /// None while some criterion is still to grade.
    pub passes_threshold: Option<bool>,
}

impl GridResult {
    pub fn is_complete(&self) -> bool {
        self.graded == self.criteria
    }
}

impl Default for Grid {
    /// The criteria seen in comparable calls (domain notes). Weights and threshold are
    /// illustrative: each call sets its own.
    fn default() -> Self {
        let criterion = |code: &str, fr: &str, en: &str, weight: f64| GridCriterion {
            code: code.to_owned(),
            label_fr: fr.to_owned(),
            label_en: en.to_owned(),
            weight,
        };
        Grid {
            criteria: vec![
                criterion(
                    "fit",
                    "Adéquation projet / lieu",
                    "Fit between project and site",
                    25.0,
                ),
                criterion(
                    "anchoring",
                    "Ancrage territorial",
                    "Territorial anchoring",
                    15.0,
                ),
                criterion(
                    "utility",
                    "Utilité sociale et environnementale",
                    "Social and environmental utility",
                    20.0,
                ),
                criterion(
                    "jobs",
                    "Emploi local et insertion",
                    "Local jobs and inclusion",
                    15.0,
                ),
                criterion(
                    "viability",
                    "Viabilité économique",
                    "Economic viability",
                    15.0,
                ),
                criterion("governance", "Gouvernance", "Governance", 10.0),
            ],
            threshold: 50.0,
        }
    }
}

impl Grid {
    pub fn criterion(&self, code: &str) -> Option<&GridCriterion> {
        self.criteria.iter().find(|c| c.code == code)
    }

    pub fn validate(&self) -> Result<(), GridProblem> {
        if self.criteria.is_empty() {
            return Err(GridProblem::NoCriteria);
        }
        let mut seen = HashSet::new();
        for c in &self.criteria {
            if c.code.trim().is_empty() {
                return Err(GridProblem::EmptyCode);
            }
            if !seen.insert(c.code.as_str()) {
                return Err(GridProblem::DuplicateCode(c.code.clone()));
            }
            if !c.weight.is_finite() || c.weight < 0.0 {
                return Err(GridProblem::BadWeight(c.code.clone()));
            }
        }
        if !(0.0..=100.0).contains(&self.threshold) {
            return Err(GridProblem::BadThreshold(self.threshold));
        }
        Ok(())
    }

    /// Total and threshold for these grades (grades of criteria not in the grid are ignored).
    pub fn evaluate(&self, grades: &Grades) -> GridResult {
        let mut weighted = 0.0;
        let mut weights = 0.0;
        let mut graded = 0;
        for c in &self.criteria {
            match grades.get(&c.code) {
                Some(Grade::Points(points)) => {
                    graded += 1;
                    weighted += c.weight * f64::from(*points) / f64::from(MAX_GRADE);
                    weights += c.weight;
                }
                Some(Grade::NotApplicable) => graded += 1,
                None => {}
            }
        }
        let total = (weights > 0.0).then(|| 100.0 * weighted / weights);
        let complete = graded == self.criteria.len();
        GridResult {
            total,
            graded,
            criteria: self.criteria.len(),
            passes_threshold: total.filter(|_| complete).map(|t| t >= self.threshold),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grades(pairs: &[(&str, Grade)]) -> Grades {
        pairs.iter().map(|(c, g)| (c.to_string(), *g)).collect()
    }

    #[test]
    fn default_grid_is_valid_with_six_criteria() {
        let grid = Grid::default();
        assert_eq!(grid.validate(), Ok(()));
        let codes: Vec<_> = grid.criteria.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "fit",
                "anchoring",
                "utility",
                "jobs",
                "viability",
                "governance"
            ]
        );
    }

    #[test]
    fn weighted_mean_over_applicable_criteria() {
        let grid = Grid {
            criteria: vec![
                GridCriterion {
                    code: "a".into(),
                    label_fr: "A".into(),
                    label_en: "A".into(),
                    weight: 40.0,
                },
                GridCriterion {
                    code: "b".into(),
                    label_fr: "B".into(),
                    label_en: "B".into(),
                    weight: 30.0,
                },
                GridCriterion {
                    code: "c".into(),
                    label_fr: "C".into(),
                    label_en: "C".into(),
                    weight: 30.0,
                },
            ],
            threshold: 60.0,
        };
        // 40×4/4 + 30×2/4 = 55 over 70 of weight → 78.57…; c not applicable.
        let r = grid.evaluate(&grades(&[
            ("a", Grade::Points(4)),
            ("b", Grade::Points(2)),
            ("c", Grade::NotApplicable),
        ]));
        let total = r.total.unwrap();
        assert!((total - 100.0 * 55.0 / 70.0).abs() < 1e-9);
        assert_eq!(r.passes_threshold, Some(true));
        // Incomplete: a total, but no verdict yet.
        let r = grid.evaluate(&grades(&[("a", Grade::Points(1))]));
        assert_eq!(r.total, Some(25.0));
        assert_eq!(r.passes_threshold, None);
        assert!(!r.is_complete());
        // Below threshold once complete.
        let r = grid.evaluate(&grades(&[
            ("a", Grade::Points(1)),
            ("b", Grade::Points(1)),
            ("c", Grade::Points(4)),
        ]));
        assert_eq!(r.passes_threshold, Some(false));
        // Nothing with points: no total.
        let r = grid.evaluate(&grades(&[
            ("a", Grade::NotApplicable),
            ("b", Grade::NotApplicable),
            ("c", Grade::NotApplicable),
        ]));
        assert_eq!((r.total, r.passes_threshold), (None, None));
    }

    #[test]
    fn invalid_grids() {
        let mut grid = Grid::default();
        grid.criteria[1].code = "fit".into();
        assert_eq!(
            grid.validate(),
            Err(GridProblem::DuplicateCode("fit".into()))
        );
        let mut grid = Grid::default();
        grid.criteria[0].weight = -1.0;
        assert!(grid.validate().is_err());
        let grid = Grid {
            threshold: 101.0,
            ..Grid::default()
        };
        assert!(grid.validate().is_err());
    }
}
