//! The decision history: every status change, with who, when, from, to and why.
//!
//! The history is append-only: an undo does not erase the decision it cancels, it adds a
//! record of kind `undo` that moves the status back.

use crate::i18n::Lang;
use crate::review::Status;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Timestamps keep the officer's UTC offset: an administrative act is dated in local time.
pub type Timestamp = DateTime<FixedOffset>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// A decision taken by the officer.
    Set,
    /// Back to en instruction from a decided status.
    Revert,
    /// Cancels the last change of the session.
    Undo,
    /// Takes an undone change again.
    Redo,
    /// A status read from an application file, for an application new to ancrage.
    Import,
}

impl DecisionKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DecisionKind::Set, Lang::Fr) => "décision",
            (DecisionKind::Set, Lang::En) => "decision",
            (DecisionKind::Revert, Lang::Fr) => "retour en instruction",
            (DecisionKind::Revert, Lang::En) => "back to review",
            (DecisionKind::Undo, Lang::Fr) => "annulation",
            (DecisionKind::Undo, Lang::En) => "undo",
            (DecisionKind::Redo, Lang::Fr) => "rétablissement",
            (DecisionKind::Redo, Lang::En) => "redo",
            (DecisionKind::Import, Lang::Fr) => "import",
            (DecisionKind::Import, Lang::En) => "import",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub who: String,
    pub at: Timestamp,
    pub from: Status,
    pub to: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motivation: Option<String>,
    pub kind: DecisionKind,
}

/// Trims a motivation; a blank one counts as none.
pub fn clean_motivation(motivation: Option<&str>) -> Option<String> {
    motivation
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_owned)
}
