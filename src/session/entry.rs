//! One line of the journal: a review decision on a call, a change of the workspace's records
//! (structures, sites, calls, territory), or both at once (an acceptance and the placement it
//! records, undone together).

use crate::domain::CallId;
use crate::edit::Edit;
use crate::review::{Change, Timestamp};
use serde::{Deserialize, Serialize};

/// A change as it was confirmed: numbered (`seq` grows by one per entry across the whole
/// workspace journal), with its author and time, so replaying it gives the same state.
/// Lines written before workspace edits existed (`seq, call, who, at, change`) read unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalEntry {
    pub seq: u64,
    /// The call whose review `change` applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<CallId>,
    pub who: String,
    pub at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// Records written or removed, whole (replaying rewrites exactly these files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit: Option<Edit>,
}

impl JournalEntry {
    /// The review change of `call` this entry carries, if any.
    pub fn change_for(&self, call: &CallId) -> Option<&Change> {
        match (&self.call, &self.change) {
            (Some(of), Some(change)) if of == call => Some(change),
            _ => None,
        }
    }
}
