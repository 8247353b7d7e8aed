//! The officer's session on a workspace: the one writer (lock and journal), the review of the
//! call on screen, and the changes of records (structures, sites, calls, territory) made from
//! forms, imports and the pathway — one journal, one sequence, one undo history.
//!
//! Protocol of a change (`apply`, `undo`, `redo`):
//! 1. it is checked: the review change against a copy of the call's state (`review::apply`),
//!    the edit against the workspace as the caller holds it (`edit::check`);
//! 2. it is appended to `journal.jsonl` with the next sequence number and fsynced — from here
//!    on it is confirmed, and only then is it reported as done;
//! 3. the review state is saved to `reviews/<call>.json`, the edit's records to their files,
//!    then `journal.applied.json` notes that the files hold the entry.
//!
//! On open, entries the files missed (a crash between 2 and 3) are written again and handed to
//! the caller to apply in memory (`take_pending`); review entries newer than the saved state's
//! `last_seq` are replayed. A torn last journal line, never confirmed, is dropped with a warning.
//!
//! The lock is taken before anything is read, so the journal cannot grow behind a writer's
//! back. A second instance opens read-only: it sees everything (the journal replayed in memory)
//! and every change fails with `SessionError::ReadOnly`.

use crate::domain::{Call, CallId, Workspace};
use crate::edit::{self, Edit, Record};
use crate::review::{self, Applied, Change, ReviewState, Warning, check_all};
use crate::session::applied::{load_applied, save_applied};
use crate::session::broken::BrokenFiles;
use crate::session::error::WhyReadOnly;
use crate::session::files::{load_state, save_state, state_path};
use crate::session::history::{History, Undoable};
use crate::session::records::write_edit;
use crate::session::{JournalEntry, SessionError};
use crate::store::journal::{JOURNAL_FILE, JournalRead, JournalWriter, TornLine, read_all};
use crate::store::lock::{Lock, LockError, LockGuard};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How to open a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Take the lock if free, else open read-only (the interactive default).
    WriteIfFree,
    /// Wait up to this long for the lock, then fail (scripts: `ancrage review set`).
    WriteWaiting(Duration),
    /// Never take the lock (`ancrage review list`).
    ReadOnly,
}

/// Holding the lock and the journal: what allows changes.
#[derive(Debug)]
struct Writer {
    journal: JournalWriter,
    // Declared last: dropped after the journal is closed.
    _lock: LockGuard,
}

/// What one change does: a review change of the call under review, a change of records, or
/// both at once (one journal line, one undo).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Operation {
    pub change: Option<Change>,
    pub edit: Option<Edit>,
}

impl Operation {
    pub fn review(change: Change) -> Operation {
        Operation {
            change: Some(change),
            edit: None,
        }
    }

    pub fn edit(edit: Edit) -> Operation {
        Operation {
            change: None,
            edit: Some(edit),
        }
    }
}

/// What a change did. `edit` is what the caller applies to its workspace in memory
/// (`edit::apply_unchecked`): the files already hold it.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub review: Option<Applied>,
    pub edit: Option<Edit>,
}

#[derive(Debug)]
pub struct Session {
    dir: PathBuf,
    who: String,
    writer: Option<Writer>,
    /// Why the session is read-only, when it is (who holds the lock).
    read_only: Option<WhyReadOnly>,
    next_seq: u64,
    /// The review of the call under review, when there is one.
    review: Option<ReviewState>,
    history: History,
    /// Last journal entry the caller's workspace reflects (edits handed over included).
    seen_seq: u64,
    /// Edits the journal holds beyond what the caller loaded, to apply in memory.
    pending: Vec<Edit>,
    /// A record file could not be written: the files lag behind the journal until the next
    /// open rewrites them, so `journal.applied.json` must not move past the failure.
    files_behind: bool,
    torn: Option<TornLine>,
    replayed: usize,
    /// The last save failed (the journal has the change; the next open writes it again).
    save_problem: Option<String>,
    /// Records of files with problems: never written (see `session::broken`).
    broken: BrokenFiles,
}

impl Session {
    /// Opens the workspace `dir` as loaded in `workspace`, reviewing `call` when given.
    pub fn open(
        dir: &Path,
        workspace: &Workspace,
        call: Option<&CallId>,
        who: &str,
        access: Access,
    ) -> Result<Session, SessionError> {
        Session::open_protecting(dir, workspace, call, who, access, BrokenFiles::default())
    }

    /// Same, on a workspace loaded without the records of its broken files (the cockpit's):
    /// those records are never written, not even when the journal is replayed on open.
    pub fn open_protecting(
        dir: &Path,
        workspace: &Workspace,
        call: Option<&CallId>,
        who: &str,
        access: Access,
        broken: BrokenFiles,
    ) -> Result<Session, SessionError> {
        if let Some(id) = call
            && workspace.call(id).is_none()
        {
            return Err(SessionError::UnknownCall(id.clone()));
        }
        let (lock, read_only) = match access {
            Access::ReadOnly => (None, Some(WhyReadOnly::Asked)),
            Access::WriteIfFree => match Lock::acquire(dir) {
                Ok(guard) => (Some(guard), None),
                Err(LockError::HeldElsewhere { holder, .. }) => {
                    (None, Some(WhyReadOnly::Held(holder)))
                }
                Err(e) => return Err(e.into()),
            },
            Access::WriteWaiting(patience) => (Some(Lock::acquire_waiting(dir, patience)?), None),
        };
        let mut session = Session {
            dir: dir.to_owned(),
            who: who.to_owned(),
            writer: None,
            read_only,
            next_seq: 1,
            review: None,
            history: History::default(),
            seen_seq: load_applied(dir)?,
            pending: Vec::new(),
            files_behind: false,
            torn: None,
            replayed: 0,
            save_problem: None,
            broken,
        };
        let journal = session.read_journal()?;
        if let Some(lock) = lock {
            session.writer = Some(Writer {
                journal: JournalWriter::open(&dir.join(JOURNAL_FILE), journal.valid_len)?,
                _lock: lock,
            });
        }
        session.catch_up_edits(&journal)?;
        if let Some(id) = call {
            session.catch_up_review(workspace, id, &journal)?;
        }
        Ok(session)
    }

    /// Moves the review to another call of the workspace, keeping the lock. Its decisions
    /// cannot be undone from the other call; changes of records stay undoable.
    pub fn switch_call(
        &mut self,
        workspace: &Workspace,
        call: &CallId,
    ) -> Result<(), SessionError> {
        if workspace.call(call).is_none() {
            return Err(SessionError::UnknownCall(call.clone()));
        }
        let journal = self.read_journal()?;
        self.catch_up_review(workspace, call, &journal)?;
        self.history.forget_review_changes();
        self.save_problem = None;
        Ok(())
    }

    /// For a read-only session: reads what the other instance journaled since (its edits wait
    /// in `take_pending`), and takes the lock if it was released (then the session becomes
    /// writable). Returns true when writable. A writer has nothing to refresh.
    pub fn refresh(&mut self, workspace: &Workspace) -> Result<bool, SessionError> {
        if self.writer.is_some() {
            return Ok(true);
        }
        let lock = match Lock::acquire(&self.dir) {
            Ok(guard) => Some(guard),
            Err(LockError::HeldElsewhere { holder, .. }) => {
                self.read_only = Some(WhyReadOnly::Held(holder));
                None
            }
            Err(e) => return Err(e.into()),
        };
        // Read after taking the lock, as `open` does.
        let journal = self.read_journal()?;
        if let Some(lock) = lock {
            self.writer = Some(Writer {
                journal: JournalWriter::open(&self.dir.join(JOURNAL_FILE), journal.valid_len)?,
                _lock: lock,
            });
            self.read_only = None;
        }
        self.catch_up_edits(&journal)?;
        if let Some(call) = self.review.as_ref().map(|s| s.call.clone()) {
            self.catch_up_review(workspace, &call, &journal)?;
        }
        Ok(self.writer.is_some())
    }

    /// After the caller read the workspace files again (the officer fixed one by hand):
    /// `broken` are the files with problems now. A read-only session reads the other
    /// instance's journal (and takes the lock once it has left); a writer writes again what
    /// its files missed. Returns the journaled edits the files do not hold, to apply in memory
    /// to the workspace just read (`edit::apply_unchecked`), in order.
    pub fn reread(
        &mut self,
        workspace: &Workspace,
        broken: BrokenFiles,
    ) -> Result<Vec<Edit>, SessionError> {
        self.broken = broken;
        if self.writer.is_none() {
            self.refresh(workspace)?;
        }
        let journal = self.read_journal()?;
        if self.writer.is_some() && self.files_behind {
            // Another try for what a failed save left behind (a file now fixed, a full disk).
            self.files_behind = false;
            self.catch_up_edits(&journal)?;
        }
        // The files just read hold every edit up to the note; the rest comes from the journal.
        self.pending.clear();
        let on_disk = load_applied(&self.dir)?;
        let missed = journal
            .entries
            .iter()
            .filter(|entry| entry.seq > on_disk)
            .filter_map(|entry| entry.edit.clone())
            .collect();
        if let Some(call) = self.review.as_ref().map(|s| s.call.clone())
            && workspace.call(&call).is_some()
        {
            self.catch_up_review(workspace, &call, &journal)?;
        }
        Ok(missed)
    }

    /// The broken file an edit would write or remove, if any.
    fn broken_file_of(&self, edit: &Edit) -> Option<PathBuf> {
        edit.keys()
            .iter()
            .find_map(|key| self.broken.file_of(key))
            .map(Path::to_path_buf)
    }

    /// Edits the caller has not seen yet (replayed from the journal on open or refresh), to
    /// apply to its workspace in order with `edit::apply_unchecked`. Taken once.
    pub fn take_pending(&mut self) -> Vec<Edit> {
        std::mem::take(&mut self.pending)
    }

    /// Applies an officer's change: checked, journaled (fsync), then saved. Clears redo.
    /// `workspace` is the caller's, as it stands (the edit is checked against it).
    pub fn apply(
        &mut self,
        workspace: &Workspace,
        operation: Operation,
    ) -> Result<Done, SessionError> {
        let (done, inverse) = self.commit(Some(workspace), operation)?;
        self.history.push(inverse);
        Ok(done)
    }

    /// A review change alone (no record changes, so no workspace to check them against).
    pub fn apply_review(&mut self, change: Change) -> Result<Applied, SessionError> {
        let (done, inverse) = self.commit(None, Operation::review(change))?;
        self.history.push(inverse);
        done.review.ok_or(SessionError::NoCall)
    }

    /// Cancels the last change of this session (itself a recorded change).
    pub fn undo(&mut self, workspace: &Workspace) -> Result<Done, SessionError> {
        self.undo_in(Some(workspace))
    }

    pub fn redo(&mut self, workspace: &Workspace) -> Result<Done, SessionError> {
        self.redo_in(Some(workspace))
    }

    /// `workspace` is none only for sessions that never change records (the review commands):
    /// their history holds no edit to check.
    pub(crate) fn undo_in(&mut self, workspace: Option<&Workspace>) -> Result<Done, SessionError> {
        let step = self
            .history
            .peek_undo()
            .ok_or(SessionError::Rule(review::ReviewError::NothingToUndo))?;
        let (done, inverse) = self.commit_step(workspace, step)?;
        self.history.commit_undo(inverse);
        Ok(done)
    }

    pub(crate) fn redo_in(&mut self, workspace: Option<&Workspace>) -> Result<Done, SessionError> {
        let step = self
            .history
            .peek_redo()
            .ok_or(SessionError::Rule(review::ReviewError::NothingToRedo))?;
        let (done, inverse) = self.commit_step(workspace, step)?;
        self.history.commit_redo(inverse);
        Ok(done)
    }

    fn commit(
        &mut self,
        workspace: Option<&Workspace>,
        operation: Operation,
    ) -> Result<(Done, Undoable), SessionError> {
        let edit_back = match (&operation.edit, workspace) {
            (Some(e), Some(workspace)) => Some(edit::inverse(workspace, e)),
            (Some(_), None) => return Err(SessionError::NoWorkspace),
            (None, _) => None,
        };
        let call = operation
            .change
            .as_ref()
            .and(self.review.as_ref().map(|s| s.call.clone()));
        self.commit_step(
            workspace,
            Undoable {
                call,
                change: operation.change,
                edit: operation.edit,
                edit_back,
            },
        )
    }

    /// Steps 1 to 3 of the protocol. Returns what was done and how to cancel it.
    fn commit_step(
        &mut self,
        workspace: Option<&Workspace>,
        step: Undoable,
    ) -> Result<(Done, Undoable), SessionError> {
        if let Some(path) = step.edit.as_ref().and_then(|e| self.broken_file_of(e)) {
            return Err(SessionError::BrokenFile { path });
        }
        let Some(writer) = self.writer.as_mut() else {
            return Err(SessionError::ReadOnly {
                why: self.read_only.clone().unwrap_or(WhyReadOnly::Asked),
            });
        };
        if let (Some(edit), Some(workspace)) = (&step.edit, workspace) {
            edit::check(workspace, edit)?;
        }
        let at = now();
        let mut next = None;
        let mut applied = None;
        if let Some(change) = &step.change {
            let state = self.review.as_ref().ok_or(SessionError::NoCall)?;
            if step.call.as_ref().is_some_and(|c| c != &state.call) {
                return Err(SessionError::NoCall);
            }
            let mut state = state.clone();
            applied = Some(review::apply(&mut state, change, &self.who, at)?);
            next = Some(state);
        }
        let seq = self.next_seq;
        if let Some(state) = next.as_mut() {
            state.last_seq = seq;
        }
        writer.journal.append(&JournalEntry {
            seq,
            call: next.as_ref().map(|s| s.call.clone()),
            who: self.who.clone(),
            at,
            change: step.change.clone(),
            edit: step.edit.clone(),
        })?;
        // Confirmed: the journal has it.
        #[cfg(debug_assertions)]
        pause_before_save();
        self.next_seq += 1;
        self.seen_seq = seq;
        self.save_problem = None;
        if let Some(state) = next {
            self.review = Some(state);
            self.save_review();
        }
        if let Some(edit) = &step.edit {
            self.save_edit(seq, edit);
            self.include_new_applications(edit);
        }
        let inverse = Undoable {
            call: step.call.clone(),
            change: applied.as_ref().map(|a| a.inverse.clone()),
            edit: step.edit_back.clone(),
            edit_back: step.edit.clone(),
        };
        Ok((
            Done {
                review: applied,
                edit: step.edit,
            },
            inverse,
        ))
    }

    /// An edit of the call under review may bring applications (one attached from the
    /// cockpit): they join its review en instruction at once, as they would on the next open.
    fn include_new_applications(&mut self, edit: &Edit) {
        let Some(state) = self.review.as_mut() else {
            return;
        };
        let added: usize = edit
            .steps
            .iter()
            .filter_map(|step| match step {
                edit::Step::Put(Record::Call(call)) if call.id == state.call => {
                    Some(state.include_new_applications(call))
                }
                _ => None,
            })
            .sum();
        if added > 0 {
            self.save_review();
        }
    }

    fn save_review(&mut self) {
        if let Some(state) = &self.review
            && let Err(e) = save_state(&self.dir, state)
        {
            self.save_problem = Some(e.to_string());
        }
    }

    /// Writes the edit's records, then notes it in `journal.applied.json` unless an earlier
    /// write failed (the next open writes every entry after the note again).
    fn save_edit(&mut self, seq: u64, edit: &Edit) {
        if let Some(path) = self.broken_file_of(edit) {
            // A replayed entry over a file broken since: left to the journal until it is fixed.
            self.files_behind = true;
            self.save_problem = Some(SessionError::BrokenFile { path }.to_string());
            return;
        }
        let written = write_edit(&self.dir, edit)
            .map_err(|e| e.to_string())
            .and_then(|()| {
                if self.files_behind {
                    Ok(())
                } else {
                    save_applied(&self.dir, seq).map_err(|e| e.to_string())
                }
            });
        if let Err(problem) = written {
            self.files_behind = true;
            self.save_problem = Some(problem);
        }
    }

    fn read_journal(&mut self) -> Result<JournalRead<JournalEntry>, SessionError> {
        let journal = read_all::<JournalEntry>(&self.dir.join(JOURNAL_FILE))?;
        let last = journal.entries.iter().map(|e| e.seq).max().unwrap_or(0);
        self.next_seq = self.next_seq.max(last + 1);
        self.torn = journal.torn.clone();
        Ok(journal)
    }

    /// Entries with an edit after what the caller has seen: written to the files again
    /// (writers, for those the files missed) and handed over for the caller's memory.
    fn catch_up_edits(&mut self, journal: &JournalRead<JournalEntry>) -> Result<(), SessionError> {
        let on_disk = load_applied(&self.dir)?;
        for entry in &journal.entries {
            let Some(edit) = &entry.edit else { continue };
            if entry.seq > self.seen_seq {
                self.pending.push(edit.clone());
            }
            if entry.seq > on_disk && self.writer.is_some() && !self.files_behind {
                self.save_edit(entry.seq, edit);
            }
        }
        let last = journal.entries.iter().map(|e| e.seq).max().unwrap_or(0);
        self.seen_seq = self.seen_seq.max(last);
        Ok(())
    }

    /// Brings the review of `call` up to date: the saved state (or a fresh one), the call's
    /// new applications, then the journal entries of the call newer than the state.
    fn catch_up_review(
        &mut self,
        workspace: &Workspace,
        call: &CallId,
        journal: &JournalRead<JournalEntry>,
    ) -> Result<(), SessionError> {
        // The call as the journal leaves it: a pending edit may have added applications.
        let latest_call: Option<&Call> = self
            .pending
            .iter()
            .rev()
            .flat_map(|e| e.steps.iter().rev())
            .find_map(|step| match step {
                edit::Step::Put(Record::Call(c)) if &c.id == call => Some(&**c),
                _ => None,
            })
            .or_else(|| workspace.call(call));
        let Some(call_record) = latest_call else {
            return Err(SessionError::UnknownCall(call.clone()));
        };
        let saved = load_state(&self.dir, call)?;
        let was_saved = saved.is_some();
        let mut state = saved.unwrap_or_else(|| ReviewState::fresh(call_record));
        let added = state.include_new_applications(call_record);
        let journal_path = self.dir.join(JOURNAL_FILE);
        let mut replayed = 0;
        for entry in &journal.entries {
            let Some(change) = entry.change_for(call) else {
                continue;
            };
            if entry.seq <= state.last_seq {
                continue;
            }
            // An application withdrawn from the call file after it was decided on keeps its
            // record: its journaled decisions replay onto it rather than fail
            // (`ReviewState::withdrawn`).
            for key in change.keys() {
                state.applications.entry(key.clone()).or_default();
            }
            review::apply(&mut state, change, &entry.who, entry.at).map_err(|error| {
                SessionError::Replay {
                    path: journal_path.clone(),
                    seq: entry.seq,
                    error,
                }
            })?;
            state.last_seq = entry.seq;
            replayed += 1;
        }
        self.next_seq = self.next_seq.max(state.last_seq + 1);
        self.replayed = replayed;
        self.review = Some(state);
        // The saved file missed something: journal entries, new applications, or it is absent.
        if (replayed > 0 || added > 0 || !was_saved) && self.writer.is_some() {
            let state = self.review.as_ref().map(|s| save_state(&self.dir, s));
            if let Some(Err(e)) = state {
                return Err(e);
            }
        }
        Ok(())
    }

    /// The review of the call under review.
    pub fn review(&self) -> Option<&ReviewState> {
        self.review.as_ref()
    }

    pub fn call(&self) -> Option<&CallId> {
        self.review.as_ref().map(|s| &s.call)
    }

    pub fn officer(&self) -> &str {
        &self.who
    }

    /// The name that signs the changes from now on (given once, when none was configured).
    pub fn set_officer(&mut self, who: &str) {
        who.clone_into(&mut self.who);
    }

    pub fn workspace_dir(&self) -> &Path {
        &self.dir
    }

    pub fn state_path(&self) -> Option<PathBuf> {
        self.call().map(|c| state_path(&self.dir, c))
    }

    pub fn is_read_only(&self) -> bool {
        self.writer.is_none()
    }

    /// Who holds the lock, for the read-only banner.
    pub fn read_only_reason(&self) -> Option<&WhyReadOnly> {
        self.read_only.as_ref()
    }

    /// The torn last line dropped from the journal on open, if any (show it once).
    pub fn torn_line(&self) -> Option<&TornLine> {
        self.torn.as_ref()
    }

    /// Review entries replayed on open (decisions the saved state had missed).
    pub fn replayed(&self) -> usize {
        self.replayed
    }

    /// Set when the last save failed; the change itself is safe in the journal.
    pub fn save_problem(&self) -> Option<&str> {
        self.save_problem.as_deref()
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The live checks on the current decisions.
    pub fn checks(&self, workspace: &Workspace) -> Vec<Warning> {
        self.review
            .as_ref()
            .map(|state| check_all(workspace, state))
            .unwrap_or_default()
    }
}

/// Debug builds only: `ANCRAGE_TEST_PAUSE_BEFORE_SAVE_MS` holds the process between the journal
/// append and the saves, so the kill tests can SIGKILL it in exactly that window.
#[cfg(debug_assertions)]
fn pause_before_save() {
    let pause = std::env::var("ANCRAGE_TEST_PAUSE_BEFORE_SAVE_MS")
        .ok()
        .and_then(|ms| ms.parse::<u64>().ok());
    if let Some(ms) = pause {
        std::thread::sleep(Duration::from_millis(ms));
    }
}

/// The officer's local time, to the second (decisions are read by people; the history's
/// order is its own).
fn now() -> review::Timestamp {
    use chrono::Timelike;
    let now = chrono::Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}
