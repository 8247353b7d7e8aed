//! The shape of a component and what it returns. A dialog (and, with the same shape, a
//! screen: see `screens::Screen`) has a keymap scope, an `update` that changes its own state
//! and returns `Effect`s for the rest — open or close a dialog, switch tab or call, change the
//! weights, apply a change through the session, export a file — and a pure `view`. `App`
//! applies the effects, then tells every screen what changed.

use crate::domain::{CallId, Weights};
use crate::edit::RecordKey;
use crate::export::ExportOptions;
use crate::session::Operation;
use crate::tui::action::Action;
use crate::tui::context::Context;
use crate::tui::dialogs::council_report::ReportJob;
use crate::tui::keymap::Scope;
use crate::tui::shared::call_filter::CallFilter;
use crate::tui::shared::export_choices::ExportChoices;
use crate::tui::shared::filter::Filter;
use crate::tui::tab::Tab;
use crate::tui::ui_state::{UiState, Viewport};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::any::Any;

/// Which dialog, for routing, the mouse and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Help,
    Weights,
    Filter,
    ScoreCard,
    Compare,
    Confirm,
    Decision,
    Annotation,
    Labels,
    Opinion,
    Grid,
    CallPicker,
    CallFilter,
    Export,
    Officer,
    Alerts,
    Allocation,
    LotPicker,
    TieBreak,
    /// A record's form (structure, site, call, application).
    Form,
    Problems,
    Import,
    /// Recording a planned placement from the Parcours next step.
    Placement,
    /// The yearly report for the council, from Territoire.
    CouncilReport,
}

/// Where a dialog is drawn: over the whole body, or over the screen's main list (the weights,
/// so the ranking beside it stays in sight while they move).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Body,
    List,
}

/// Lets a dialog be looked at as what it is (tests and the app's own bookkeeping read a
/// dialog's state through `App::top`).
pub trait AsAny {
    fn as_any(&self) -> &dyn Any;
}

impl<T: Any> AsAny for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub trait Dialog: AsAny {
    fn kind(&self) -> DialogKind;

    fn scope(&self) -> Scope;

    fn update(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome;

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState);

    fn placement(&self) -> Placement {
        Placement::Body
    }

    /// A change this dialog asked for was refused: a form shows why and stays open (true);
    /// others let the status line say it (false).
    fn refused(&mut self, _message: &str) -> bool {
        false
    }
}

pub enum Effect {
    Quit,
    Info(String),
    Error(String),
    /// Opens a dialog over the screen (and over the dialogs already open).
    Open(Box<dyn Dialog>),
    /// Closes the top dialog.
    Close,
    SwitchTab(Tab),
    SetWeights(Weights),
    /// Shows another call (index in the workspace) on the Appel tab.
    SwitchCall(usize),
    /// Shows call `id` on the Appel tab (the session moves to it), then runs the effects —
    /// only once the session reviews that call (an import's review change is for its call).
    InCall(CallId, Vec<Effect>),
    /// A message for one screen's own state (a filter chosen in its popup…).
    Screen(Tab, ScreenEvent),
    /// A change through the session: journaled and saved before it shows. `done` says what
    /// it was in the status line; `then` runs only once it is saved (close the form…). A
    /// refusal goes to the top dialog when it shows refusals, else to the status line.
    Apply {
        operation: Operation,
        done: String,
        then: Vec<Effect>,
    },
    /// Runs `then` when the session can write (a read-only session first checks whether the
    /// other instance has left, and takes over); else says why, and nothing opens.
    IfWritable(Vec<Effect>),
    Undo,
    Redo,
    /// Read-only: read the other instance's changes, take over once it has left.
    Reload,
    /// Opens the export dialog on the current call (its scopes come from the Appel tab).
    OpenExport,
    /// Writes a jury file once « Export en cours… » is on screen.
    Export(ExportOptions),
    /// The officer's name, given once: saved to the settings file, signs from now on.
    SetOfficer(String),
    /// The export dialog's choices, kept so `e` reopens it as it was left.
    RememberExport(ExportChoices),
    /// Writes the council's yearly report once « Export en cours… » is on screen.
    WriteReport(ReportJob),
}

impl std::fmt::Debug for Effect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Effect::Open(dialog) => write!(f, "Open({:?})", dialog.kind()),
            Effect::Apply { done, .. } => write!(f, "Apply({done})"),
            Effect::IfWritable(then) => write!(f, "IfWritable({then:?})"),
            Effect::InCall(call, then) => write!(f, "InCall({call}, {then:?})"),
            Effect::Info(text) => write!(f, "Info({text})"),
            Effect::Error(text) => write!(f, "Error({text})"),
            Effect::Screen(tab, event) => write!(f, "Screen({tab:?}, {event:?})"),
            other => write!(f, "{}", effect_name(other)),
        }
    }
}

fn effect_name(effect: &Effect) -> &'static str {
    match effect {
        Effect::Quit => "Quit",
        Effect::Close => "Close",
        Effect::SwitchTab(_) => "SwitchTab",
        Effect::SetWeights(_) => "SetWeights",
        Effect::SwitchCall(_) => "SwitchCall",
        Effect::Undo => "Undo",
        Effect::Redo => "Redo",
        Effect::Reload => "Reload",
        Effect::OpenExport => "OpenExport",
        Effect::Export(_) => "Export",
        Effect::SetOfficer(_) => "SetOfficer",
        Effect::RememberExport(_) => "RememberExport",
        Effect::WriteReport(_) => "WriteReport",
        _ => "Effect",
    }
}

/// Messages from a dialog to the screen that opened it.
#[derive(Debug, Clone, PartialEq)]
pub enum ScreenEvent {
    /// The filter popup of Lieux or Structures changed that tab's filter.
    Filter(Filter),
    CallFilter(CallFilter),
    /// A decision used up the Appel selection.
    ClearSelection,
    /// A record just created: the tab's cursor goes to it (the search and the filter cleared
    /// when they would hide it).
    Show(RecordKey),
}

/// What handling an action did: whether anything visible changed, and the effects to apply.
#[derive(Debug, Default)]
pub struct Outcome {
    pub changed: bool,
    pub effects: Vec<Effect>,
}

impl Outcome {
    /// Nothing happened (the key means nothing here).
    pub fn none() -> Outcome {
        Outcome::default()
    }

    /// The screen or dialog changed its own state.
    pub fn changed() -> Outcome {
        Outcome {
            changed: true,
            effects: Vec::new(),
        }
    }

    pub fn from(changed: bool) -> Outcome {
        Outcome {
            changed,
            effects: Vec::new(),
        }
    }

    pub fn effect(effect: Effect) -> Outcome {
        Outcome {
            changed: true,
            effects: vec![effect],
        }
    }

    pub fn effects(effects: Vec<Effect>) -> Outcome {
        Outcome {
            changed: true,
            effects,
        }
    }

    pub fn with(mut self, effect: Effect) -> Outcome {
        self.changed = true;
        self.effects.push(effect);
        self
    }

    pub fn info(text: impl Into<String>) -> Outcome {
        Outcome::effect(Effect::Info(text.into()))
    }

    pub fn error(text: impl Into<String>) -> Outcome {
        Outcome::effect(Effect::Error(text.into()))
    }
}
