//! The cockpit: a keyboard-driven terminal interface over the workspace.
//!
//! Nested Elm architecture. `App` holds the shared `Context` (workspace, matching engine,
//! weights, the call and its session…), the five `screens` and a stack of `dialogs`. A key
//! becomes an `Action` through the one `keymap` table (which also feeds the help and the key
//! bar); the top dialog, else the current screen, updates its own state and returns `Effect`s;
//! `App` applies them (a change through the session, another tab, a dialog…) and tells every
//! screen what changed. Views are pure: they draw the state and write only UI offsets.
//! `terminal` owns the real terminal; nothing else touches it.

pub mod action;
pub mod app;
pub mod background;
pub mod component;
pub mod context;
pub mod dialogs;
pub mod figures;
pub mod forms;
pub mod health;
pub mod keymap;
pub mod message;
pub mod pane;
pub mod ranking;
pub mod screens;
pub mod shared;
pub mod standing;
pub mod tab;
pub mod terminal;
pub mod text;
pub mod ui_state;
pub mod widgets;

pub use action::Action;
pub use app::App;
pub use component::DialogKind;
pub use keymap::{Key, KeyCode, Keymap};
pub use tab::Tab;
pub use ui_state::UiState;
