//! A review session on one call, for the commands that only decide (`ancrage review set`,
//! the jury export): the workspace `Session` opened on a call, with the call's review always
//! there. Same protocol, same journal, same lock (see `workspace_session`).

use crate::domain::{CallId, Workspace};
use crate::review::{Applied, Change, ReviewState, Warning};
use crate::session::SessionError;
use crate::session::error::WhyReadOnly;
use crate::session::workspace_session::{Access, Session};
use crate::store::journal::TornLine;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct ReviewSession {
    session: Session,
}

impl ReviewSession {
    /// Opens the review of `call_id`: read-write when the workspace is free, else read-only.
    pub fn open(
        workspace_dir: &Path,
        workspace: &Workspace,
        call_id: &CallId,
        who: &str,
    ) -> Result<ReviewSession, SessionError> {
        Self::open_with(workspace_dir, workspace, call_id, who, Access::WriteIfFree)
    }

    pub fn open_with(
        workspace_dir: &Path,
        workspace: &Workspace,
        call_id: &CallId,
        who: &str,
        access: Access,
    ) -> Result<ReviewSession, SessionError> {
        let session = Session::open(workspace_dir, workspace, Some(call_id), who, access)?;
        Ok(ReviewSession { session })
    }

    /// Moves to another call of the same workspace, keeping the lock. The undo history of the
    /// previous call's decisions is dropped: undo belongs to the call it was made on.
    pub fn switch_call(
        &mut self,
        workspace: &Workspace,
        call_id: &CallId,
    ) -> Result<(), SessionError> {
        self.session.switch_call(workspace, call_id)
    }

    /// For a read-only session: reads the other instance's decisions again, and takes the lock
    /// if it was released. Returns true when writable.
    pub fn refresh(&mut self, workspace: &Workspace) -> Result<bool, SessionError> {
        self.session.refresh(workspace)
    }

    /// Applies an officer's change: validated, journaled (fsync), then saved. Clears redo.
    pub fn apply(&mut self, change: Change) -> Result<Applied, SessionError> {
        self.session.apply_review(change)
    }

    /// Cancels the last change of this session (itself a recorded change).
    pub fn undo(&mut self) -> Result<Applied, SessionError> {
        let done = self.session.undo_in(None)?;
        done.review.ok_or(SessionError::NoCall)
    }

    pub fn redo(&mut self) -> Result<Applied, SessionError> {
        let done = self.session.redo_in(None)?;
        done.review.ok_or(SessionError::NoCall)
    }

    pub fn state(&self) -> &ReviewState {
        self.session
            .review()
            .expect("a review session is opened on a call")
    }

    pub fn call(&self) -> &CallId {
        &self.state().call
    }

    pub fn officer(&self) -> &str {
        self.session.officer()
    }

    pub fn workspace_dir(&self) -> &Path {
        self.session.workspace_dir()
    }

    pub fn state_path(&self) -> PathBuf {
        crate::session::files::state_path(self.workspace_dir(), self.call())
    }

    pub fn is_read_only(&self) -> bool {
        self.session.is_read_only()
    }

    pub fn read_only_reason(&self) -> Option<&WhyReadOnly> {
        self.session.read_only_reason()
    }

    pub fn torn_line(&self) -> Option<&TornLine> {
        self.session.torn_line()
    }

    pub fn replayed(&self) -> usize {
        self.session.replayed()
    }

    pub fn save_problem(&self) -> Option<&str> {
        self.session.save_problem()
    }

    pub fn can_undo(&self) -> bool {
        self.session.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.session.can_redo()
    }

    pub fn checks(&self, workspace: &Workspace) -> Vec<Warning> {
        self.session.checks(workspace)
    }

    /// The workspace session underneath, for callers that also change records.
    pub fn session(&mut self) -> &mut Session {
        &mut self.session
    }
}
