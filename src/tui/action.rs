//! What a key press means, independent of the key: the keymap turns keys into actions and
//! `update` applies them to the state.

use crate::tui::app::Focus;
use crate::tui::export_dialog::ExportAction;
use crate::tui::review_actions::ReviewAction;
use crate::tui::tab::Tab;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// `Esc`: leave the current popup, search or detail; never quits.
    Back,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    /// `Enter`: focus the detail, or open the score card of the selected pair.
    Open,
    NextTab,
    PreviousTab,
    GoTo(Tab),
    StartSearch,
    OpenFilter,
    SortNext,
    SortReverse,
    OpenWeights,
    OpenHelp,
    Compare,
    MarkForCompare,
    ToggleIneligible,
    /// A character typed into the search field (not bindable: text input).
    SearchInput(char),
    SearchBackspace,
    SearchAccept,
    SearchCancel,
    /// In a popup form (weights, filter): change the value of the selected field.
    Increase,
    Decrease,
    Toggle,
    Reset,
    Confirm,
    Deny,
    /// The terminal was resized: redraw, keep the selection.
    Resize,
    /// A click on a row of the main list or of the ranked list (mouse).
    Select(Focus, usize),
    /// The review of the current call (Appel tab and its forms): see `review_actions`.
    Review(ReviewAction),
    /// The export dialog (`e`): see `export_dialog`.
    Export(ExportAction),
}
