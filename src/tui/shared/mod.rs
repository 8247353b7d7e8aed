//! Pieces several screens and dialogs use: a list's rows and cursor, the search, the filters,
//! a text field. Nothing here knows a screen.

pub mod call_filter;
pub mod decision;
pub mod export_choices;
pub mod filter;
pub mod listing;
pub mod search;
pub mod text_input;
