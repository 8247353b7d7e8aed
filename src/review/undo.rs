//! Undo and redo of the changes made in a session.
//!
//! Every applied change leaves its inverse on the undo stack. Undo applies that inverse as a
//! new change (its decisions recorded with kind `undo`: history only grows) and keeps the
//! inverse of the inverse on the redo stack; redo applies it (kind `redo`). A new change clears
//! the redo stack. The stacks live as long as the session: they are not saved.

use crate::review::{Applied, Change, DecisionKind, ReviewError, ReviewState, Timestamp, apply};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct UndoStack {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl UndoStack {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_depth(&self) -> usize {
        self.redo.len()
    }

    /// After a new change was applied: remember how to cancel it; the redo branch is gone.
    pub fn push(&mut self, inverse: Change) {
        self.undo.push(inverse);
        self.redo.clear();
    }

    /// The change an undo would apply, without taking it off the stack (the caller applies and
    /// journals it, then calls `commit_undo`).
    pub fn peek_undo(&self) -> Result<Change, ReviewError> {
        self.undo
            .last()
            .cloned()
            .map(|c| c.marked(DecisionKind::Undo))
            .ok_or(ReviewError::NothingToUndo)
    }

    /// The undo was applied; `inverse` (what `apply` returned) is what redo will apply.
    pub fn commit_undo(&mut self, inverse: Change) {
        self.undo.pop();
        self.redo.push(inverse);
    }

    pub fn peek_redo(&self) -> Result<Change, ReviewError> {
        self.redo
            .last()
            .cloned()
            .map(|c| c.marked(DecisionKind::Redo))
            .ok_or(ReviewError::NothingToRedo)
    }

    pub fn commit_redo(&mut self, inverse: Change) {
        self.redo.pop();
        self.undo.push(inverse);
    }

    /// Applies a new change and remembers it (for callers without a journal: tests, previews).
    pub fn apply(
        &mut self,
        state: &mut ReviewState,
        change: &Change,
        who: &str,
        at: Timestamp,
    ) -> Result<Applied, ReviewError> {
        let applied = apply(state, change, who, at)?;
        self.push(applied.inverse.clone());
        Ok(applied)
    }

    pub fn undo(
        &mut self,
        state: &mut ReviewState,
        who: &str,
        at: Timestamp,
    ) -> Result<Applied, ReviewError> {
        let change = self.peek_undo()?;
        let applied = apply(state, &change, who, at)?;
        self.commit_undo(applied.inverse.clone());
        Ok(applied)
    }

    pub fn redo(
        &mut self,
        state: &mut ReviewState,
        who: &str,
        at: Timestamp,
    ) -> Result<Applied, ReviewError> {
        let change = self.peek_redo()?;
        let applied = apply(state, &change, who, at)?;
        self.commit_redo(applied.inverse.clone());
        Ok(applied)
    }
}
