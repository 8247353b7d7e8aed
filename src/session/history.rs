//! Undo and redo across everything a session changes: review decisions and the workspace's
//! records, in one history, so `u` always cancels the officer's last change whatever it was
//! (an acceptance and the placement it recorded go back together).
//!
//! Each entry holds what to apply to cancel the step: the review change's inverse (marked
//! `undo` when applied, so the decision history only grows) and the edit's inverse, plus the
//! edit itself, which redo applies again. The history lives as long as the session.

use crate::domain::CallId;
use crate::edit::Edit;
use crate::review::{Change, DecisionKind};

/// One step, as it can be applied now.
#[derive(Debug, Clone, PartialEq)]
pub struct Undoable {
    /// The call the review change belongs to.
    pub call: Option<CallId>,
    pub change: Option<Change>,
    pub edit: Option<Edit>,
    /// The inverse of `edit`: what applying this entry will have to be undone by.
    pub edit_back: Option<Edit>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    undo: Vec<Undoable>,
    redo: Vec<Undoable>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// A new step was applied: remember how to cancel it; the redo branch is gone.
    pub fn push(&mut self, inverse: Undoable) {
        self.undo.push(inverse);
        self.redo.clear();
    }

    /// What an undo would apply (review change marked `undo`), without taking it off.
    pub fn peek_undo(&self) -> Option<Undoable> {
        self.undo
            .last()
            .cloned()
            .map(|u| marked(u, DecisionKind::Undo))
    }

    pub fn peek_redo(&self) -> Option<Undoable> {
        self.redo
            .last()
            .cloned()
            .map(|u| marked(u, DecisionKind::Redo))
    }

    /// The undo was applied; `inverse` is what redo will apply.
    pub fn commit_undo(&mut self, inverse: Undoable) {
        self.undo.pop();
        self.redo.push(inverse);
    }

    pub fn commit_redo(&mut self, inverse: Undoable) {
        self.redo.pop();
        self.undo.push(inverse);
    }

    /// Another call is under review: its decisions cannot be undone from here any more;
    /// changes of records alone stay undoable.
    pub fn forget_review_changes(&mut self) {
        self.undo.retain(|u| u.change.is_none());
        self.redo.retain(|u| u.change.is_none());
    }
}

fn marked(mut step: Undoable, kind: DecisionKind) -> Undoable {
    step.change = step.change.map(|c| c.marked(kind));
    step
}
