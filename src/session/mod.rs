//! Review sessions: the pure review model (`crate::review`) joined to the disk — the decision
//! journal, the saved state of each call and the workspace lock. The TUI and the CLI both apply
//! changes through a `ReviewSession`, so they follow the same rules and lose nothing.

pub mod audit;
pub mod entry;
pub mod error;
pub mod files;
pub mod officer;
pub mod review_session;

pub use entry::JournalEntry;
pub use error::SessionError;
pub use officer::officer_name;
pub use review_session::{Access, ReviewSession};
