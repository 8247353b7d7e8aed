//! The five screens, in the order of the tab bar (keys `1`–`5`). Each owns its state (cursor,
//! scroll, search, filter, sort), turns its keys into changes of that state and into effects
//! for the rest, and draws itself from its state and the shared context. No screen reaches
//! into another: what crosses goes through `App` as an effect.

pub mod appel;
pub mod lieux;
pub mod parcours;
pub mod structures;
pub mod table;
pub mod territoire;

pub use crate::tui::tab::Tab;

use crate::tui::action::Action;
use crate::tui::component::{Outcome, ScreenEvent};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::ui_state::{UiState, Viewport};
use ratatui::Frame;
use ratatui::layout::Rect;

/// What changed in the shared context, so each screen refreshes what depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refresh {
    Weights,
    /// A review change (statuses, notes…) of the call shown.
    Review,
    /// Another call is shown on the Appel tab.
    Call,
    /// Records of the workspace changed (structures, sites, calls).
    Workspace,
    /// Whole-workspace figures (who fits where) arrived from the worker working them out.
    Figures,
}

/// The shape every screen has.
pub trait Screen {
    /// The keymap scope of the keys now (a screen typing a search answers `Search`).
    fn scope(&self) -> Scope;

    fn update(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome;

    /// A message from a dialog this screen opened (its filter popup…).
    fn event(&mut self, ctx: &Context, event: ScreenEvent) -> Outcome {
        let _ = (ctx, event);
        Outcome::none()
    }

    fn refresh(&mut self, ctx: &Context, what: Refresh);

    /// Draws the screen in `area`; returns the area of its main list (where the weights popup
    /// goes, so the ranking beside it stays in sight).
    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) -> Rect;

    /// The screen's filter in force, in words, for the status line.
    fn filter_summary(&self, ctx: &Context) -> Option<String> {
        let _ = ctx;
        None
    }
}
