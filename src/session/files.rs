//! The saved review state of a call: `reviews/<call-id>.json`, an envelope
//! `{ "schema_version": 1, "review": { … } }` like every workspace file.

use crate::domain::CallId;
use crate::review::ReviewState;
use crate::session::SessionError;
use crate::store::atomic::{FileKind, NotRegularFile};
use crate::store::{SCHEMA_VERSION, atomic};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

pub const REVIEWS_DIR: &str = "reviews";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewDocument {
    pub schema_version: u32,
    pub review: ReviewState,
}

/// Reads only the version, so a newer file is refused before its content is misread.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: u32,
}

pub fn state_path(workspace: &Path, call: &CallId) -> PathBuf {
    workspace
        .join(REVIEWS_DIR)
        .join(format!("{}.json", call.as_str()))
}

/// The saved state of `call`, or none when the call was never reviewed.
pub fn load_state(workspace: &Path, call: &CallId) -> Result<Option<ReviewState>, SessionError> {
    let path = state_path(workspace, call);
    // A FIFO would hang the read, a folder cannot be read: say what is there instead.
    match std::fs::metadata(&path) {
        Ok(metadata) => {
            if let Some(kind) = FileKind::of(&metadata) {
                let source = io::Error::new(io::ErrorKind::InvalidInput, NotRegularFile { kind });
                return Err(SessionError::Io { path, source });
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(SessionError::Io { path, source }),
    }
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(SessionError::Io { path, source }),
    };
    decode_state(path, &bytes, call).map(Some)
}

/// The review state in `bytes`, read from `path`, which must be that of `call`: what
/// `load_state` does once the file is read, a pure function for tests and fuzzing.
pub fn decode_state(
    path: PathBuf,
    bytes: &[u8],
    call: &CallId,
) -> Result<ReviewState, SessionError> {
    let located = |e: serde_json::Error, field: String| SessionError::StateFile {
        path: path.clone(),
        line: e.line(),
        column: e.column(),
        field,
        message: e.to_string(),
    };
    if !bytes.trim_ascii_start().starts_with(b"{") {
        return Err(SessionError::StateFile {
            path,
            line: 1,
            column: 1,
            field: String::new(),
            message: "un objet JSON {\"schema_version\": …, \"review\": …} attendu".to_owned(),
        });
    }
    let probe: VersionProbe =
        serde_json::from_slice(bytes).map_err(|e| located(e, String::new()))?;
    if probe.schema_version > SCHEMA_VERSION {
        return Err(SessionError::NewerSchema {
            path,
            found: probe.schema_version,
            known: SCHEMA_VERSION,
        });
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let document: ReviewDocument = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let field = e.path().to_string();
        located(e.into_inner(), field)
    })?;
    if &document.review.call != call {
        return Err(SessionError::StateFile {
            path,
            line: 1,
            column: 1,
            field: "review.call".to_owned(),
            message: format!(
                "appel «\u{a0}{}\u{a0}» alors que le fichier est celui de «\u{a0}{call}\u{a0}»",
                document.review.call
            ),
        });
    }
    Ok(document.review)
}

/// Saves atomically (the old file or the new one, never half of either).
pub fn save_state(workspace: &Path, state: &ReviewState) -> Result<(), SessionError> {
    let path = state_path(workspace, &state.call);
    let io_err = |source| SessionError::Io {
        path: path.clone(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io_err)?;
    }
    let document = ReviewDocument {
        schema_version: SCHEMA_VERSION,
        review: state.clone(),
    };
    atomic::write_json(&path, &document, atomic::Access::Private).map_err(io_err)
}
