//! What a key press means, independent of the key: the keymap turns keys into actions, and the
//! screen or dialog that has the keys turns actions into changes and effects.

use crate::review::Status;
use crate::tui::pane::Focus;
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
    OpenAlerts,
    OpenExport,
    Compare,
    MarkForCompare,
    ToggleIneligible,
    /// Undo and redo the session's last change, whatever the tab it was made on.
    Undo,
    Redo,
    /// Read-only: read the other instance's changes again (and take over once it has left).
    Reload,
    /// Typing in a search field or a form (see `TextKey`).
    Text(TextKey),
    /// In a popup (weights, filters, choices): change the value of the selected field.
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
    /// The review keys of the Appel tab.
    Review(ReviewAction),
}

/// Keys of a text field: a search, a motivation, a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKey {
    /// A character typed (not bindable: printable keys are text in a field).
    Input(char),
    Newline,
    Backspace,
    /// Empties the field.
    Clear,
    NextField,
    PreviousField,
    /// Enter: confirm the form (a search is kept as a filter).
    Submit,
}

/// The review keys of the Appel tab's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    /// `i` `p` `a` `r` `x`: a decision on the selection, else on the row.
    Decide(Status),
    Annotate,
    Label,
    Opinion,
    /// Opens the jury-grid form.
    Grade,
    ToggleSelect,
    ToggleGrouping,
    PickCall,
    DetailDown,
    DetailUp,
    /// A grade key of the grid form (`0`–`4`, `-`): the pressed key is carried in.
    GradeKey(char),
}
