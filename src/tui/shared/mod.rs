//! Pieces several screens and dialogs use: a list's rows and cursor, the search, the filters,
//! a text field, a long text scrolled. Nothing here knows a screen.

pub mod acceptance;
pub mod call_filter;
pub mod decision;
pub mod export_choices;
pub mod filter;
pub mod held;
pub mod listing;
pub mod name_order;
pub mod scroll;
pub mod search;
pub mod text_input;
