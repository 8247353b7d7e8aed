//! Calls for expressions of interest (AMI) and the applications they receive.

use crate::domain::{CallId, Programme, SiteId, StructureId, Tolerances};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Weights of the matching criteria, per call. Any non-negative values: the score normalises
/// them, so 40/30/30 and 0.4/0.3/0.3 mean the same.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub surface: f64,
    pub cost: f64,
    pub sector: f64,
    pub rebalancing: f64,
    pub urgency: f64,
}

impl Default for Weights {
    /// Surface, cost and sector carry most of the total (75 %).
    fn default() -> Self {
        Weights {
            surface: 30.0,
            cost: 25.0,
            sector: 20.0,
            rebalancing: 15.0,
            urgency: 10.0,
        }
    }
}

/// One structure's application to a call, for one or several of its sites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Application {
    pub structure: StructureId,
    pub sites: Vec<SiteId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_on: Option<NaiveDate>,
    /// The application platform's number for this dossier (Démarches Simplifiées' `ID`,
    /// Framaforms' `SID`), so a later export of the same platform updates it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dossier: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Call {
    pub id: CallId,
    pub title: String,
    pub programme: Programme,
    pub sites: Vec<SiteId>,
    pub deadline: NaiveDate,
    #[serde(default)]
    pub weights: Weights,
    /// How forgiving the matching formulas are for this call (defaults when absent).
    #[serde(default, skip_serializing_if = "is_default")]
    pub tolerances: Tolerances,
    #[serde(default)]
    pub applications: Vec<Application>,
}

fn is_default(t: &Tolerances) -> bool {
    *t == Tolerances::default()
}

impl Call {
    /// The impact fund's year the call's grants count against: the year of its deadline.
    pub fn fund_year(&self) -> i32 {
        chrono::Datelike::year(&self.deadline)
    }

    /// True when `structure` applied for `site` in this call.
    pub fn has_application(&self, structure: &StructureId, site: &SiteId) -> bool {
        self.application_pairs()
            .any(|(st, si)| st == structure && si == site)
    }

    /// Every (structure, site) pair the call has received.
    pub fn application_pairs(&self) -> impl Iterator<Item = (&StructureId, &SiteId)> {
        self.applications
            .iter()
            .flat_map(|a| a.sites.iter().map(move |s| (&a.structure, s)))
    }
}
