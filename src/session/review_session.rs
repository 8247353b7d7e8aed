//! A review session on one call: the pure review model, made durable.
//!
//! Protocol of a change (`apply`, `undo`, `redo`):
//! 1. the change is validated by applying it to a copy of the state (`review::apply`);
//! 2. it is appended to `journal.jsonl` with the next sequence number and fsynced — from here
//!    on it is confirmed, and only then is it reported as done;
//! 3. the state, with `last_seq` = that number, is saved atomically to `reviews/<call>.json`.
//!
//! On open, journal entries of the call with a sequence number above the saved `last_seq` are
//! replayed: a crash between 2 and 3 loses nothing. A crash during 2 leaves a torn last line,
//! never confirmed, dropped with a warning and cut before the next append.
//!
//! The workspace lock is taken before anything is read, so the journal cannot grow behind a
//! writer's back. A second instance opens read-only: it sees the state (journal replayed in
//! memory) and every change fails with `SessionError::ReadOnly`.

use crate::domain::{Call, CallId, Workspace};
use crate::review::{self, Applied, Change, ReviewState, UndoStack, Warning, check_all};
use crate::session::files::{load_state, save_state, state_path};
use crate::session::{JournalEntry, SessionError};
use crate::store::journal::{JOURNAL_FILE, JournalWriter, TornLine, read_all};
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

#[derive(Debug)]
pub struct ReviewSession {
    dir: PathBuf,
    call: CallId,
    who: String,
    state: ReviewState,
    undo: UndoStack,
    writer: Option<Writer>,
    /// Why the session is read-only, when it is (who holds the lock).
    read_only_reason: Option<String>,
    next_seq: u64,
    torn: Option<TornLine>,
    replayed: usize,
    /// The last state save failed (the journal has the change; the next save retries).
    save_problem: Option<String>,
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
        let call = workspace
            .call(call_id)
            .ok_or_else(|| SessionError::UnknownCall(call_id.clone()))?;
        let (lock, read_only_reason) = match access {
            Access::ReadOnly => (None, None),
            Access::WriteIfFree => match Lock::acquire(workspace_dir) {
                Ok(guard) => (Some(guard), None),
                Err(LockError::HeldElsewhere { holder, .. }) => (None, Some(holder)),
                Err(e) => return Err(e.into()),
            },
            Access::WriteWaiting(patience) => {
                (Some(Lock::acquire_waiting(workspace_dir, patience)?), None)
            }
        };
        let read_only_reason = read_only_reason
            .or_else(|| (access == Access::ReadOnly).then(|| "ouvert en lecture seule".to_owned()));

        let loaded = catch_up(workspace_dir, call)?;
        let writer = match lock {
            Some(lock) => Some(Writer {
                journal: JournalWriter::open(&workspace_dir.join(JOURNAL_FILE), loaded.valid_len)?,
                _lock: lock,
            }),
            None => None,
        };
        let mut session = ReviewSession {
            dir: workspace_dir.to_owned(),
            call: call_id.clone(),
            who: who.to_owned(),
            state: loaded.state,
            undo: UndoStack::new(),
            writer,
            read_only_reason,
            next_seq: loaded.next_seq,
            torn: loaded.torn,
            replayed: loaded.replayed,
            save_problem: None,
        };
        session.save_if_behind(loaded.behind)?;
        Ok(session)
    }

    /// Moves to another call of the same workspace, keeping the lock (the interface's call
    /// picker). The undo stack starts afresh: undo belongs to the call it was made on.
    pub fn switch_call(
        &mut self,
        workspace: &Workspace,
        call_id: &CallId,
    ) -> Result<(), SessionError> {
        let call = workspace
            .call(call_id)
            .ok_or_else(|| SessionError::UnknownCall(call_id.clone()))?;
        let loaded = catch_up(&self.dir, call)?;
        self.call = call_id.clone();
        self.state = loaded.state;
        self.undo = UndoStack::new();
        self.next_seq = loaded.next_seq;
        self.torn = loaded.torn;
        self.replayed = loaded.replayed;
        self.save_problem = None;
        self.save_if_behind(loaded.behind)
    }

    /// For a read-only session: reads the other instance's decisions again, and takes the lock
    /// if it was released (then the session becomes writable). Returns true when writable.
    /// A writer has nothing to refresh.
    pub fn refresh(&mut self, workspace: &Workspace) -> Result<bool, SessionError> {
        if self.writer.is_some() {
            return Ok(true);
        }
        let call = workspace
            .call(&self.call)
            .ok_or_else(|| SessionError::UnknownCall(self.call.clone()))?;
        let lock = match Lock::acquire(&self.dir) {
            Ok(guard) => Some(guard),
            Err(LockError::HeldElsewhere { holder, .. }) => {
                self.read_only_reason = Some(holder);
                None
            }
            Err(e) => return Err(e.into()),
        };
        // Read after taking the lock, as `open` does.
        let loaded = catch_up(&self.dir, call)?;
        if let Some(lock) = lock {
            self.writer = Some(Writer {
                journal: JournalWriter::open(&self.dir.join(JOURNAL_FILE), loaded.valid_len)?,
                _lock: lock,
            });
            self.read_only_reason = None;
        }
        self.state = loaded.state;
        self.next_seq = loaded.next_seq;
        self.torn = loaded.torn;
        self.replayed = loaded.replayed;
        self.save_if_behind(loaded.behind)?;
        Ok(self.writer.is_some())
    }

    /// Saves the state when the file lagged behind the journal or the call (writers only).
    fn save_if_behind(&mut self, behind: bool) -> Result<(), SessionError> {
        if behind && self.writer.is_some() {
            save_state(&self.dir, &self.state)?;
        }
        Ok(())
    }

    /// Applies an officer's change: validated, journaled (fsync), then saved. Clears redo.
    pub fn apply(&mut self, change: Change) -> Result<Applied, SessionError> {
        let applied = self.commit(change)?;
        self.undo.push(applied.inverse.clone());
        Ok(applied)
    }

    /// Cancels the last change of this session (itself a recorded change).
    pub fn undo(&mut self) -> Result<Applied, SessionError> {
        let change = self.undo.peek_undo()?;
        let applied = self.commit(change)?;
        self.undo.commit_undo(applied.inverse.clone());
        Ok(applied)
    }

    pub fn redo(&mut self) -> Result<Applied, SessionError> {
        let change = self.undo.peek_redo()?;
        let applied = self.commit(change)?;
        self.undo.commit_redo(applied.inverse.clone());
        Ok(applied)
    }

    /// Steps 1 to 3 of the protocol.
    fn commit(&mut self, change: Change) -> Result<Applied, SessionError> {
        let Some(writer) = self.writer.as_mut() else {
            return Err(SessionError::ReadOnly {
                holder: self
                    .read_only_reason
                    .clone()
                    .unwrap_or_else(|| "ouvert en lecture seule".to_owned()),
            });
        };
        let at = now();
        let mut next = self.state.clone();
        let applied = review::apply(&mut next, &change, &self.who, at)?;
        let seq = self.next_seq;
        next.last_seq = seq;
        writer.journal.append(&JournalEntry {
            seq,
            call: self.call.clone(),
            who: self.who.clone(),
            at,
            change,
        })?;
        // Confirmed: the journal has it.
        #[cfg(debug_assertions)]
        pause_before_save();
        self.next_seq += 1;
        self.state = next;
        self.save_problem = save_state(&self.dir, &self.state)
            .err()
            .map(|e| e.to_string());
        Ok(applied)
    }

    pub fn state(&self) -> &ReviewState {
        &self.state
    }

    pub fn call(&self) -> &CallId {
        &self.call
    }

    pub fn officer(&self) -> &str {
        &self.who
    }

    pub fn workspace_dir(&self) -> &Path {
        &self.dir
    }

    pub fn state_path(&self) -> PathBuf {
        state_path(&self.dir, &self.call)
    }

    pub fn is_read_only(&self) -> bool {
        self.writer.is_none()
    }

    /// Who holds the lock, for the read-only banner.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only_reason.as_deref()
    }

    /// The torn last line dropped from the journal on open, if any (show it once).
    pub fn torn_line(&self) -> Option<&TornLine> {
        self.torn.as_ref()
    }

    /// Journal entries replayed on open (changes the saved state had missed).
    pub fn replayed(&self) -> usize {
        self.replayed
    }

    /// Set when the last state save failed; the change itself is safe in the journal.
    pub fn save_problem(&self) -> Option<&str> {
        self.save_problem.as_deref()
    }

    pub fn can_undo(&self) -> bool {
        self.undo.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.undo.can_redo()
    }

    /// The live checks on the current decisions.
    pub fn checks(&self, workspace: &Workspace) -> Vec<Warning> {
        check_all(workspace, &self.state)
    }
}

/// The saved state of `call` with the journal replayed onto it, read-only (what `check`
/// verifies and `review list` shows).
pub fn replay(dir: &Path, call: &Call) -> Result<ReviewState, SessionError> {
    catch_up(dir, call).map(|loaded| loaded.state)
}

/// A call's state brought up to date with the journal.
struct Loaded {
    state: ReviewState,
    replayed: usize,
    torn: Option<TornLine>,
    /// Where the readable journal ends (a torn tail after it is cut by the next writer).
    valid_len: u64,
    next_seq: u64,
    /// The saved file missed something: journal entries, new applications, or it is absent.
    behind: bool,
}

/// Loads `reviews/<call>.json` (or a fresh state), adds the call's new applications, and
/// replays the journal entries of the call newer than the saved `last_seq`.
fn catch_up(dir: &Path, call: &Call) -> Result<Loaded, SessionError> {
    let saved = load_state(dir, &call.id)?;
    let was_saved = saved.is_some();
    let mut state = saved.unwrap_or_else(|| ReviewState::fresh(call));
    let added = state.include_new_applications(call);

    let journal_path = dir.join(JOURNAL_FILE);
    let read = read_all::<JournalEntry>(&journal_path)?;
    let mut replayed = 0;
    for entry in read.entries.iter().filter(|e| e.call == call.id) {
        if entry.seq <= state.last_seq {
            continue;
        }
        // An application withdrawn from the call file after it was decided on keeps its
        // record: its journaled decisions replay onto it rather than fail (`withdrawn`).
        for key in entry.change.keys() {
            state.applications.entry(key.clone()).or_default();
        }
        review::apply(&mut state, &entry.change, &entry.who, entry.at).map_err(|error| {
            SessionError::Replay {
                path: journal_path.clone(),
                seq: entry.seq,
                error,
            }
        })?;
        state.last_seq = entry.seq;
        replayed += 1;
    }
    let last_in_journal = read.entries.iter().map(|e| e.seq).max().unwrap_or(0);
    Ok(Loaded {
        next_seq: last_in_journal.max(state.last_seq) + 1,
        behind: replayed > 0 || added > 0 || !was_saved,
        state,
        replayed,
        torn: read.torn,
        valid_len: read.valid_len,
    })
}

/// Debug builds only: `ANCRAGE_TEST_PAUSE_BEFORE_SAVE_MS` holds the process between the journal
/// append and the state save, so `tests/review_kill.rs` can SIGKILL it in exactly that window.
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
