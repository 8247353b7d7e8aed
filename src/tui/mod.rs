//! The review cockpit: a keyboard-driven terminal interface over the workspace.
//!
//! Elm-style: one `App` state (no terminal types), `Action`s from the `keymap`, one `update`,
//! a pure `view`. The mode stack (`mode`) routes keys; `terminal` owns the real terminal.

pub mod action;
pub mod app;
pub mod call_choice;
pub mod export_dialog;
pub mod figures;
pub mod filter;
pub mod keymap;
pub mod mode;
pub mod ranking;
pub mod review_actions;
pub mod review_forms;
pub mod review_state;
pub mod search;
pub mod sort;
pub mod tab;
pub mod terminal;
pub mod text;
pub mod text_input;
pub mod ui_state;
pub mod update;
pub mod view;

pub use action::Action;
pub use app::App;
pub use keymap::{Key, KeyCode, Keymap};
pub use ui_state::UiState;
pub use update::update;
pub use view::view;
