//! Why a review session could not open or apply a change.

use crate::domain::CallId;
use crate::edit::EditError;
use crate::i18n::Lang;
use crate::review::ReviewError;
use crate::store::journal::JournalError;
use crate::store::lock::{Holder, LockError};
use std::io;
use std::path::PathBuf;

/// Why a session cannot write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhyReadOnly {
    /// Another instance holds the workspace lock.
    Held(Holder),
    /// Opened read-only on purpose (`ancrage review list`).
    Asked,
}

impl WhyReadOnly {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            WhyReadOnly::Held(holder) => holder.describe(lang),
            WhyReadOnly::Asked => lang
                .pick("ouvert en lecture seule", "opened read-only")
                .to_owned(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("appel inconnu «\u{a0}{0}\u{a0}»")]
    UnknownCall(CallId),
    /// Refused by the review rules: the state is unchanged.
    #[error("{0}")]
    Rule(#[from] ReviewError),
    #[error(
        "lecture seule\u{a0}: {} — aucune modification possible tant que l'autre instance est ouverte",
        why.describe(Lang::Fr)
    )]
    ReadOnly { why: WhyReadOnly },
    #[error("{0}")]
    Lock(#[from] LockError),
    #[error("{0}")]
    Journal(#[from] JournalError),
    #[error("{}:{line}:{column}\u{a0}: {}{message}", path.display(), field_prefix(field, Lang::Fr))]
    StateFile {
        path: PathBuf,
        line: usize,
        column: usize,
        /// The field path (`review.applications[2].status`) when known, else empty.
        field: String,
        message: String,
    },
    #[error(
        "{}\u{a0}: version de format {found} plus récente que celle de ce programme ({known}) — mettez ancrage à jour",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error(
        "{}\u{a0}: entrée n° {seq} impossible à rejouer\u{a0}: {error}",
        path.display()
    )]
    Replay {
        path: PathBuf,
        seq: u64,
        error: ReviewError,
    },
    #[error("{}\u{a0}: {}", path.display(), crate::store::atomic::io_message(source, Lang::Fr))]
    Io { path: PathBuf, source: io::Error },
    /// A change of the workspace's records refused as it stands (the data is unchanged).
    #[error("{0}")]
    Edit(#[from] EditError),
    /// A change would write over (or delete) a file with problems, which the cockpit left out
    /// until the officer fixes it: their text there is never replaced.
    #[error(
        "{}\u{a0}: ce fichier a des problèmes — ancrage ne le réécrit pas tant qu’il n’est pas corrigé à la main puis relu",
        path.display()
    )]
    BrokenFile { path: PathBuf },
    /// A change of records asked of a session opened without the workspace (a program error,
    /// never the officer's).
    #[error("modification des fiches impossible depuis cette commande")]
    NoWorkspace,
    /// A review change with no call under review.
    #[error("aucun appel ouvert\u{a0}: choisissez ou créez un appel d’abord")]
    NoCall,
}

/// `champ x.y : ` / `field x.y: `, or nothing for an unknown field.
fn field_prefix(field: &str, lang: Lang) -> String {
    match (field.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Fr) => format!("champ {field}\u{a0}: "),
        (false, Lang::En) => format!("field {field}: "),
    }
}

impl SessionError {
    /// True when the review rules refused the change (as opposed to the disk or the lock).
    pub fn is_rule(&self) -> bool {
        matches!(
            self,
            SessionError::Rule(_)
                | SessionError::UnknownCall(_)
                | SessionError::Edit(_)
                | SessionError::BrokenFile { .. }
                | SessionError::NoCall
        )
    }

    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::Fr {
            return self.to_string();
        }
        match self {
            SessionError::UnknownCall(call) => format!("unknown call `{call}`"),
            SessionError::Rule(e) => e.message(lang),
            SessionError::ReadOnly { why } => format!(
                "read-only: {} — no change possible while the other instance is open",
                why.describe(lang)
            ),
            SessionError::Lock(e) => e.message(lang),
            SessionError::Journal(e) => e.message(lang),
            SessionError::StateFile {
                path,
                line,
                column,
                field,
                message,
            } => format!(
                "{}:{line}:{column}: {}{message}",
                path.display(),
                field_prefix(field, lang)
            ),
            SessionError::NewerSchema { path, found, known } => format!(
                "{}: format version {found} is newer than this program's ({known}) — update ancrage",
                path.display()
            ),
            SessionError::Replay { path, seq, error } => format!(
                "{}: entry #{seq} cannot be replayed: {}",
                path.display(),
                error.message(lang)
            ),
            SessionError::Io { path, source } => format!(
                "{}: {}",
                path.display(),
                crate::store::atomic::io_message(source, lang)
            ),
            SessionError::Edit(e) => e.message(lang),
            SessionError::BrokenFile { path } => format!(
                "{}: this file has problems — ancrage does not rewrite it until it is fixed by hand and reread",
                path.display()
            ),
            SessionError::NoWorkspace => "records cannot be changed from this command".to_owned(),
            SessionError::NoCall => "no call open: pick or create a call first".to_owned(),
        }
    }
}
