//! The dialogs that open over a screen: each owns its state, its keys (a keymap scope), its
//! `update` returning effects and its `view`. `App` keeps them in a stack: the top one has the
//! keys, `Esc` closes it and never quits.

pub mod alerts;
pub mod allocation;
pub mod call_filter;
pub mod call_picker;
pub mod compare;
pub mod confirm;
pub mod council_report;
pub mod export;
pub mod filter;
pub mod grid;
pub mod help;
pub mod import;
pub mod lot_picker;
pub mod officer;
pub mod placement;
pub mod problems;
pub mod review_form;
pub mod score_card;
pub mod tie_break;
pub mod weights;
