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
    /// The Problèmes panel: every problem of the workspace files, and what was left out.
    OpenProblems,
    /// The import dialog: an application or site file, previewed, then applied.
    OpenImport,
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
    /// The keys of the allocation view.
    Allocation(AllocationAction),
    /// The keys of the Parcours and Territoire tabs.
    Pathway(PathwayAction),
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
    /// Opens the lot picker of the application under the cursor.
    PickLot,
    /// Opens the allocation view of the call.
    Allocate,
    /// Opens the tie-break form of the site of the application under the cursor.
    BreakTie,
    /// In an order (the tie-break form): the chosen structure one place up, or down.
    MoveUp,
    MoveDown,
}

/// The keys of the allocation view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllocationAction {
    /// Pin (or unpin) the application under the cursor: it must be placed.
    Pin,
    /// Forbid (or allow again) the application under the cursor.
    Forbid,
    /// The floor of placements in the North and East zones, one more or one less.
    FloorUp,
    FloorDown,
    /// The points added per placed structure, a step more or less.
    BonusUp,
    BonusDown,
    /// Scrolls the sites, the unplaced and the justified envy.
    DetailDown,
    DetailUp,
}

/// The keys of the Parcours and Territoire tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathwayAction {
    /// Timeline: a shorter span (years → months) or a longer one.
    ZoomIn,
    ZoomOut,
    /// Timeline: back or forward in time.
    ScrollBack,
    ScrollForward,
    /// Timeline: today back in sight.
    Today,
    /// The alert horizon: 3, 6, then 12 months.
    NextHorizon,
    /// Only the structures with an alert, or all.
    ToggleAlertsOnly,
    /// From the next step: record a placement on the chosen site.
    Place,
    /// From the next step: attach the structure to a call as an application for the site.
    Attach,
    /// Territoire: the year shown.
    PreviousYear,
    NextYear,
    /// Territoire: the figure the balance bars show.
    NextMeasure,
    /// Territoire: the yearly report for the council.
    Report,
}
