//! The review of a call's applications: statuses, motivated decisions, notes, labels, jury
//! grid, partner opinions, undo — a pure state machine (no disk, no terminal). `crate::session`
//! journals and saves what it decides.

pub mod change;
pub mod checks;
pub mod error;
pub mod grid;
pub mod holdings;
pub mod key;
pub mod labels;
pub mod opinion;
pub mod record;
pub mod state;
pub mod status;
pub mod transition;
pub mod undo;

pub use change::{Applied, Change, Imported, Restored, ShortlistEntry, apply};
pub use checks::{Warning, check_all};
pub use error::{GridProblem, ReviewError};
pub use grid::{Grade, Grades, Grid, GridCriterion, GridResult, MAX_GRADE};
pub use key::AppKey;
pub use labels::clean_labels;
pub use opinion::{Opinion, Partner};
pub use record::{Decision, DecisionKind, Timestamp, clean_motivation};
pub use state::{ApplicationReview, ReviewState, TieBreak};
pub use status::{Status, UnknownStatus};
pub use undo::UndoStack;
