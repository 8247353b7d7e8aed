//! The mode stack routes keys: the top mode decides which bindings apply. `Normal` is always at
//! the bottom; `Esc` pops one level and never quits.

use crate::tui::export_dialog::ExportStep;
use crate::tui::keymap::Context;
use crate::tui::review_actions::ReviewMode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Search,
    Filter,
    Help,
    Weights,
    ScoreCard,
    Compare,
    Confirm(Confirmation),
    /// A form or popup of the Appel tab (motivation, notes, opinion, grid, call picker).
    Review(ReviewMode),
    /// The export dialog and its questions.
    Export(ExportStep),
}

/// What a yes/no question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    ResetWeights,
}

impl Mode {
    /// The keymap context whose bindings serve this mode.
    pub fn context(self) -> Context {
        match self {
            Mode::Normal => Context::Normal,
            Mode::Search => Context::Search,
            Mode::Filter => Context::Filter,
            Mode::Help => Context::Help,
            Mode::Weights => Context::Weights,
            Mode::ScoreCard => Context::ScoreCard,
            Mode::Compare => Context::Compare,
            Mode::Confirm(_) => Context::Confirm,
            Mode::Review(mode) => mode.context(),
            Mode::Export(step) => step.context(),
        }
    }
}

/// A stack that can never be empty: `Normal` stays at the bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeStack(Vec<Mode>);

impl Default for ModeStack {
    fn default() -> Self {
        ModeStack(vec![Mode::Normal])
    }
}

impl ModeStack {
    pub fn top(&self) -> Mode {
        self.0.last().copied().unwrap_or(Mode::Normal)
    }

    pub fn push(&mut self, mode: Mode) {
        if self.top() != mode {
            self.0.push(mode);
        }
    }

    /// Pops the top mode; `Normal` is never popped. Returns true when something was popped.
    pub fn pop(&mut self) -> bool {
        if self.0.len() > 1 {
            self.0.pop();
            true
        } else {
            false
        }
    }

    pub fn contains(&self, mode: Mode) -> bool {
        self.0.contains(&mode)
    }

    pub fn iter(&self) -> impl Iterator<Item = Mode> + '_ {
        self.0.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_is_never_popped() {
        let mut stack = ModeStack::default();
        assert!(!stack.pop());
        stack.push(Mode::Help);
        assert_eq!(stack.top(), Mode::Help);
        assert!(stack.pop());
        assert!(!stack.pop());
        assert_eq!(stack.top(), Mode::Normal);
    }
}
