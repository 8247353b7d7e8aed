//! What `ancrage check` verifies beyond the workspace files, the way the review commands read
//! them: the saved reviews (`reviews/*.json`), the decision journal (each line readable,
//! sequence numbers increasing, every call known, every call's entries replayable onto its
//! saved state) and the lock file. A check that says OK means `review list` works too.

use crate::domain::{CallId, Workspace};
use crate::i18n::Lang;
use crate::review::ReviewState;
use crate::session::applied::{APPLIED_FILE, load_applied};
use crate::session::files::{REVIEWS_DIR, load_state};
use crate::session::workspace_session::{Access, Session};
use crate::session::{JournalEntry, SessionError};
use crate::store::atomic::{FileKind, io_message};
use crate::store::expected::Expected;
use crate::store::files::WorkspaceFiles;
use crate::store::journal::{JOURNAL_FILE, JournalError, TornLine, read_all};
use crate::store::kind::DocumentKind;
use crate::store::lock::LOCK_FILE;
use crate::store::problem::Problem;
use crate::store::{scan, sweep};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What the audit found: problems (exit 1) and things worth saying that are not problems.
#[derive(Debug, Default)]
pub struct Audit {
    pub problems: Vec<Problem>,
    /// Temporary files of killed writers (removed by the next one that takes the lock).
    pub temporaries: Vec<PathBuf>,
    /// An unterminated last journal line (never confirmed; cut by the next writer).
    pub torn: Option<TornLine>,
}

/// Audits the review files of the workspace in `dir` (already loaded as `workspace`, with
/// `files` telling which call files failed to load: their reviews are not judged).
pub fn audit(dir: &Path, workspace: &Workspace, files: &WorkspaceFiles) -> Audit {
    let unloadable_calls: BTreeSet<&str> = files.unloadable_ids(DocumentKind::Call).collect();
    let mut audit = Audit {
        temporaries: sweep::find_temporaries(dir),
        ..Audit::default()
    };
    let journal = journal(dir, workspace, &unloadable_calls, &mut audit);
    let listing = scan::list_folder(dir, REVIEWS_DIR);
    audit.problems.extend(listing.problems);
    let mut readable = BTreeSet::new();
    for relative in listing.files {
        let Some(id) = relative.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let call_id = CallId::new(id);
        if workspace.call(&call_id).is_none() {
            if !unloadable_calls.contains(id) {
                audit.problems.push(Problem::new(
                    &relative,
                    "",
                    said(
                        format!("la revue d'un appel de calls/ (aucun appel «\u{a0}{id}\u{a0}»)"),
                        format!("the review of a call in calls/ (no call `{id}`)"),
                    ),
                ));
            }
            continue;
        }
        match load_state(dir, &call_id) {
            Ok(_) => {
                readable.insert(call_id);
            }
            Err(e) => audit.problems.push(state_problem(&relative, &e)),
        }
    }
    let reviewed_calls = workspace.calls.iter().filter(|call| {
        readable.contains(&call.id)
            || !dir
                .join(REVIEWS_DIR)
                .join(format!("{}.json", call.id))
                .exists()
    });
    for call in reviewed_calls {
        if journal.is_none() {
            break;
        }
        let opened = Session::open(dir, workspace, Some(&call.id), "check", Access::ReadOnly);
        match opened {
            Ok(session) => {
                if let Some(state) = session.review() {
                    withdrawn(call, state, &mut audit.problems);
                }
            }
            Err(SessionError::Replay { seq, error, .. }) => {
                let line = journal.as_ref().and_then(|j| j.line_of(seq));
                let problem = Problem::new(
                    JOURNAL_FILE,
                    "",
                    said(
                        format!(
                            "une entrée rejouable{}\u{a0}: l'entrée n° {seq} ne s'applique pas ({})",
                            "",
                            error.message(Lang::Fr)
                        ),
                        format!(
                            "a replayable entry: entry #{seq} does not apply ({})",
                            error.message(Lang::En)
                        ),
                    ),
                );
                audit.problems.push(match line {
                    Some(line) => problem.at(line, 1),
                    None => problem,
                });
            }
            Err(_) => {}
        }
    }
    if let Err(e) = load_applied(dir) {
        audit
            .problems
            .push(state_problem(Path::new(APPLIED_FILE), &e));
    }
    lock(dir, &mut audit.problems);
    audit
}

/// The journal's entries with their line numbers, when it reads.
struct JournalLines {
    seqs: Vec<(u64, usize)>,
}

impl JournalLines {
    fn line_of(&self, seq: u64) -> Option<usize> {
        self.seqs
            .iter()
            .find(|(s, _)| *s == seq)
            .map(|(_, line)| *line)
    }
}

fn journal(
    dir: &Path,
    workspace: &Workspace,
    unloadable_calls: &BTreeSet<&str>,
    audit: &mut Audit,
) -> Option<JournalLines> {
    let path = dir.join(JOURNAL_FILE);
    if let Ok(metadata) = path.symlink_metadata()
        && let Some(kind) = FileKind::of(&metadata)
    {
        audit
            .problems
            .push(Problem::new(JOURNAL_FILE, "", Expected::RegularFile(kind)));
        return None;
    }
    let read = match read_all::<JournalEntry>(&path) {
        Ok(read) => read,
        Err(JournalError::BadLine {
            line,
            column,
            field,
            message,
            ..
        }) => {
            let field = field
                .trim()
                .trim_start_matches("(champ ")
                .trim_end_matches(')')
                .to_owned();
            audit.problems.push(
                Problem::new(
                    JOURNAL_FILE,
                    field,
                    said(
                        format!("une ligne lisible du journal, gardée telle quelle ({message})"),
                        format!("a readable journal line, kept as it is ({message})"),
                    ),
                )
                .at(line, column),
            );
            return None;
        }
        Err(e) => {
            audit.problems.push(Problem::new(
                JOURNAL_FILE,
                "",
                said(e.message(Lang::Fr), e.message(Lang::En)),
            ));
            return None;
        }
    };
    audit.torn = read.torn.clone();
    let mut previous: Option<u64> = None;
    for (entry, &line) in read.entries.iter().zip(&read.lines) {
        if let Some(previous) = previous
            && entry.seq <= previous
        {
            audit.problems.push(
                Problem::new(
                    JOURNAL_FILE,
                    "seq",
                    said(
                        format!("un numéro au-dessus du précédent ({previous})"),
                        format!("a number above the previous one ({previous})"),
                    ),
                )
                .with_value(&entry.seq)
                .at(line, 1),
            );
        }
        previous = Some(entry.seq);
        let Some(call_id) = &entry.call else {
            continue;
        };
        let call = call_id.as_str();
        if workspace.call(call_id).is_none() && !unloadable_calls.contains(call) {
            audit.problems.push(
                Problem::new(
                    JOURNAL_FILE,
                    "call",
                    said(
                        "un appel de calls/".to_owned(),
                        "a call in calls/".to_owned(),
                    ),
                )
                .with_value(call)
                .at(line, 1),
            );
        }
    }
    Some(JournalLines {
        seqs: read
            .entries
            .iter()
            .map(|e| e.seq)
            .zip(read.lines.iter().copied())
            .collect(),
    })
}

/// Applications with decisions that the call file no longer lists.
fn withdrawn(call: &crate::domain::Call, state: &ReviewState, out: &mut Vec<Problem>) {
    let file = Path::new(REVIEWS_DIR).join(format!("{}.json", call.id));
    for key in state.withdrawn(call) {
        out.push(
            Problem::new(
                &file,
                "",
                said(
                    format!(
                        "des décisions sur des candidatures de l'appel{NBSP}: {key} a été retirée de calls/{}.json (ses décisions restent enregistrées, elle est laissée hors des dossiers du jury)",
                        call.id,
                        NBSP = crate::i18n::NBSP
                    ),
                    format!(
                        "decisions on applications of the call: {key} was withdrawn from calls/{}.json (its decisions stay on record; it is left out of jury files)",
                        call.id
                    ),
                ),
            ),
        );
    }
}

/// The lock file must be a regular file the review commands can open for writing.
fn lock(dir: &Path, out: &mut Vec<Problem>) {
    let path = dir.join(LOCK_FILE);
    let Ok(metadata) = path.symlink_metadata() else {
        return;
    };
    if let Some(kind) = FileKind::of(&metadata) {
        out.push(Problem::new(LOCK_FILE, "", Expected::RegularFile(kind)));
        return;
    }
    if let Err(e) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
    {
        out.push(Problem::new(
            LOCK_FILE,
            "",
            Expected::ReadableFile(io_message(&e, Lang::Fr)),
        ));
    }
}

fn state_problem(relative: &Path, error: &SessionError) -> Problem {
    match error {
        SessionError::StateFile {
            line,
            column,
            field,
            message,
            ..
        } => Problem::new(
            relative,
            field.clone(),
            Expected::ValidContent(message_without_position(message)),
        )
        .at(*line, *column),
        SessionError::NewerSchema { found, known, .. } => Problem::new(
            relative,
            "schema_version",
            Expected::KnownSchemaVersion {
                found: u64::from(*found),
                known: *known,
            },
        ),
        SessionError::Io { source, .. } => Problem::new(
            relative,
            "",
            said(io_message(source, Lang::Fr), io_message(source, Lang::En)),
        ),
        other => Problem::new(
            relative,
            "",
            said(other.message(Lang::Fr), other.message(Lang::En)),
        ),
    }
}

/// serde_json's message without its « at line L column C » tail (the problem shows the place).
fn message_without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message.to_owned(),
    }
}

fn said(fr: String, en: String) -> Expected {
    Expected::Said { fr, en }
}
