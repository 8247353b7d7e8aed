//! Everything decided about one call: per application its status, history, notes, labels,
//! grades and opinions; the jury grid; and how far the decision journal has been applied.

use crate::domain::{Call, CallId, Holding, SiteId, StructureId};
use crate::review::{AppKey, Decision, Grades, Grid, GridResult, Opinion, Status};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationReview {
    pub status: Status,
    /// Every status change, oldest first; never shortened.
    #[serde(default)]
    pub history: Vec<Decision>,
    /// Private multi-line notes of the officers.
    #[serde(default)]
    pub annotation: String,
    #[serde(default)]
    pub labels: BTreeSet<String>,
    #[serde(default)]
    pub grades: Grades,
    #[serde(default)]
    pub opinions: Vec<Opinion>,
    /// The lot (or m² of a pooled lot) the application holds while shortlisted or accepted,
    /// when the officer named it; none: the matching engine's retained lot stands for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holding: Option<Holding>,
}

impl Default for ApplicationReview {
    fn default() -> Self {
        ApplicationReview {
            status: Status::INITIAL,
            history: Vec::new(),
            annotation: String::new(),
            labels: BTreeSet::new(),
            grades: Grades::new(),
            opinions: Vec::new(),
            holding: None,
        }
    }
}

impl ApplicationReview {
    pub fn last_decision(&self) -> Option<&Decision> {
        self.history.last()
    }

    /// The motivation of the decision that gave the current status, if any.
    pub fn current_motivation(&self) -> Option<&str> {
        self.last_decision()
            .filter(|d| d.to == self.status)
            .and_then(|d| d.motivation.as_deref())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "StateFile", try_from = "StateFile")]
pub struct ReviewState {
    pub call: CallId,
    pub grid: Grid,
    pub applications: BTreeMap<AppKey, ApplicationReview>,
    /// Sequence number of the last journal entry applied to this state (0: none).
    pub last_seq: u64,
    /// Ties on a site's ranking broken by the officer, by site.
    pub tie_breaks: BTreeMap<SiteId, TieBreak>,
}

/// An officer's explicit order for structures tied on a site, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TieBreak {
    /// Structures in the order the officer ranks them, best first.
    pub order: Vec<StructureId>,
    pub motivation: String,
}

impl ReviewState {
    /// A state where every application of the call is en instruction, graded on the default grid.
    pub fn fresh(call: &Call) -> Self {
        let mut state = ReviewState {
            call: call.id.clone(),
            grid: Grid::default(),
            applications: BTreeMap::new(),
            last_seq: 0,
            tie_breaks: BTreeMap::new(),
        };
        state.include_new_applications(call);
        state
    }

    /// Adds the applications the call received since the state was saved (en instruction).
    /// Applications no longer in the call are kept: their decisions stay on record.
    /// Returns how many were added.
    pub fn include_new_applications(&mut self, call: &Call) -> usize {
        let before = self.applications.len();
        for (structure, site) in call.application_pairs() {
            self.applications
                .entry(AppKey::new(structure.clone(), site.clone()))
                .or_default();
        }
        self.applications.len() - before
    }

    /// Applications the state holds but the call no longer lists (withdrawn from the call
    /// file), with at least one decision on record: kept, never replayed into an error.
    pub fn withdrawn<'a>(&'a self, call: &Call) -> Vec<&'a AppKey> {
        let listed: BTreeSet<(&StructureId, &SiteId)> = call.application_pairs().collect();
        self.applications
            .iter()
            .filter(|(key, review)| {
                !review.history.is_empty() && !listed.contains(&(&key.structure, &key.site))
            })
            .map(|(key, _)| key)
            .collect()
    }

    /// True when the call file still lists this application.
    pub fn is_listed(call: &Call, key: &AppKey) -> bool {
        call.application_pairs()
            .any(|(structure, site)| *structure == key.structure && *site == key.site)
    }

    pub fn get(&self, key: &AppKey) -> Option<&ApplicationReview> {
        self.applications.get(key)
    }

    pub fn grid_result(&self, key: &AppKey) -> Option<GridResult> {
        self.get(key).map(|a| self.grid.evaluate(&a.grades))
    }

    /// Applications with the given status, in key order.
    pub fn with_status(
        &self,
        status: Status,
    ) -> impl Iterator<Item = (&AppKey, &ApplicationReview)> {
        self.applications
            .iter()
            .filter(move |(_, a)| a.status == status)
    }
}

/// On-disk shape: applications as a list (JSON object keys must be strings).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    call: CallId,
    grid: Grid,
    last_seq: u64,
    applications: Vec<ApplicationEntry>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    tie_breaks: BTreeMap<SiteId, TieBreak>,
}

/// One application on disk: its key, then its review (spelled out rather than flattened:
/// flattening buffers the content, which breaks `deny_unknown_fields` and numbers under
/// serde_json's `arbitrary_precision`).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ApplicationEntry {
    structure: StructureId,
    site: SiteId,
    status: Status,
    #[serde(default)]
    history: Vec<Decision>,
    #[serde(default)]
    annotation: String,
    #[serde(default)]
    labels: BTreeSet<String>,
    #[serde(default)]
    grades: Grades,
    #[serde(default)]
    opinions: Vec<Opinion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    holding: Option<Holding>,
}

impl ApplicationEntry {
    fn new(key: AppKey, review: ApplicationReview) -> Self {
        ApplicationEntry {
            structure: key.structure,
            site: key.site,
            status: review.status,
            history: review.history,
            annotation: review.annotation,
            labels: review.labels,
            grades: review.grades,
            opinions: review.opinions,
            holding: review.holding,
        }
    }

    fn split(self) -> (AppKey, ApplicationReview) {
        let review = ApplicationReview {
            status: self.status,
            history: self.history,
            annotation: self.annotation,
            labels: self.labels,
            grades: self.grades,
            opinions: self.opinions,
            holding: self.holding,
        };
        (AppKey::new(self.structure, self.site), review)
    }
}

impl From<ReviewState> for StateFile {
    fn from(state: ReviewState) -> Self {
        StateFile {
            call: state.call,
            grid: state.grid,
            last_seq: state.last_seq,
            tie_breaks: state.tie_breaks,
            applications: state
                .applications
                .into_iter()
                .map(|(key, review)| ApplicationEntry::new(key, review))
                .collect(),
        }
    }
}

impl TryFrom<StateFile> for ReviewState {
    type Error = String;

    fn try_from(file: StateFile) -> Result<Self, Self::Error> {
        let mut applications = BTreeMap::new();
        for entry in file.applications {
            let (key, review) = entry.split();
            if applications.contains_key(&key) {
                return Err(format!("application {key} appears twice"));
            }
            applications.insert(key, review);
        }
        Ok(ReviewState {
            call: file.call,
            grid: file.grid,
            applications,
            last_seq: file.last_seq,
            tie_breaks: file.tie_breaks,
        })
    }
}
