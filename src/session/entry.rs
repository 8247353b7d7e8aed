//! One line of the decision journal.

use crate::domain::CallId;
use crate::review::{Change, Timestamp};
use serde::{Deserialize, Serialize};

/// A change as it was confirmed: numbered (`seq` grows by one per entry across the whole
/// workspace journal), with its call, author and time, so replaying it gives the same state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalEntry {
    pub seq: u64,
    pub call: CallId,
    pub who: String,
    pub at: Timestamp,
    pub change: Change,
}
