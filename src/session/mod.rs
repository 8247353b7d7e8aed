//! Sessions: the pure models (`crate::review`, `crate::edit`) joined to the disk — the journal,
//! the record files, the saved state of each call and the workspace lock. The TUI and the CLI
//! both change things through a `Session`, so they follow the same rules and lose nothing.

pub mod applied;
pub mod audit;
pub mod broken;
pub mod entry;
pub mod error;
pub mod files;
pub mod history;
pub mod officer;
pub mod records;
pub mod review_session;
pub mod workspace_session;

pub use broken::BrokenFiles;
pub use entry::JournalEntry;
pub use error::SessionError;
pub use officer::officer_name;
pub use review_session::ReviewSession;
pub use workspace_session::{Access, Done, Operation, Session};
