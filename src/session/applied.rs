//! How far the record files follow the journal: `journal.applied.json` holds the sequence
//! number of the last entry whose edit is written to every file it touches. Entries after it
//! are written again when the workspace is next opened for writing (a crash between the
//! journal and the files loses nothing), and only those: a file the officer edits by hand
//! afterwards is not overwritten by an old entry.

use crate::session::SessionError;
use crate::store::{SCHEMA_VERSION, atomic};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::Path;

pub const APPLIED_FILE: &str = "journal.applied.json";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Applied {
    /// Last journal entry whose records are all on disk (0: none yet).
    last_seq: u64,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AppliedDocument {
    schema_version: u32,
    applied: Applied,
}

/// The last entry written to the record files; 0 when the file does not exist yet.
pub fn load_applied(dir: &Path) -> Result<u64, SessionError> {
    let path = dir.join(APPLIED_FILE);
    // A FIFO would hang the read: say what is there instead.
    if let Ok(metadata) = std::fs::metadata(&path)
        && let Some(kind) = atomic::FileKind::of(&metadata)
    {
        let source = io::Error::new(io::ErrorKind::InvalidInput, atomic::NotRegularFile { kind });
        return Err(SessionError::Io { path, source });
    }
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(source) => return Err(SessionError::Io { path, source }),
    };
    let document: AppliedDocument =
        serde_json::from_slice(&bytes).map_err(|e| SessionError::StateFile {
            path: path.clone(),
            line: e.line(),
            column: e.column(),
            field: String::new(),
            message: e.to_string(),
        })?;
    if document.schema_version > SCHEMA_VERSION {
        return Err(SessionError::NewerSchema {
            path,
            found: document.schema_version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(document.applied.last_seq)
}

pub fn save_applied(dir: &Path, last_seq: u64) -> Result<(), SessionError> {
    let path = dir.join(APPLIED_FILE);
    let document = AppliedDocument {
        schema_version: SCHEMA_VERSION,
        applied: Applied { last_seq },
    };
    atomic::write_json(&path, &document, atomic::Access::Private)
        .map_err(|source| SessionError::Io { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_means_nothing_applied_and_saves_read_back() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_applied(dir.path()).unwrap(), 0);
        save_applied(dir.path(), 42).unwrap();
        assert_eq!(load_applied(dir.path()).unwrap(), 42);
        std::fs::write(dir.path().join(APPLIED_FILE), "{\"schema_version\": 1,").unwrap();
        let err = load_applied(dir.path()).unwrap_err().to_string();
        assert!(err.contains("journal.applied.json:1:"), "{err}");
    }
}
