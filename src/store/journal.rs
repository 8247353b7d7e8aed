//! The decision journal: an append-only JSON Lines file (`journal.jsonl` in the workspace).
//!
//! Each entry is one line, written with a single `write` and made durable (`sync_data`) before
//! `append` returns: a change is confirmed to the user only once its line is on disk. A crash
//! can therefore only tear the *last* line, which `read_all` drops with a warning (it was never
//! confirmed); any other unreadable line is corruption and a located error.

use crate::i18n::Lang;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub const JOURNAL_FILE: &str = "journal.jsonl";

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{path}\u{a0}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}:{line}:{column}\u{a0}: ligne illisible du journal{field}\u{a0}: {message}")]
    BadLine {
        path: PathBuf,
        line: usize,
        column: usize,
        /// ` (champ x.y)` when serde could tell which field, else empty.
        field: String,
        message: String,
    },
    #[error("{path}\u{a0}: entrée impossible à écrire\u{a0}: {message}")]
    Encode { path: PathBuf, message: String },
}

impl JournalError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::Fr) => self.to_string(),
            (JournalError::Io { path, source }, Lang::En) => {
                format!("{}: {source}", path.display())
            }
            (
                JournalError::BadLine {
                    path,
                    line,
                    column,
                    field,
                    message,
                },
                Lang::En,
            ) => format!(
                "{}:{line}:{column}: unreadable journal line{}: {message}",
                path.display(),
                field.replace("champ", "field")
            ),
            (JournalError::Encode { path, message }, Lang::En) => {
                format!("{}: entry cannot be written: {message}", path.display())
            }
        }
    }

    fn io(path: &Path, source: io::Error) -> Self {
        JournalError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// The last line was torn by a crash and dropped. Not an error: it was never confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TornLine {
    pub path: PathBuf,
    /// 1-based line number of the dropped line.
    pub line: usize,
    pub bytes: usize,
}

impl TornLine {
    pub fn message(&self, lang: Lang) -> String {
        let path = self.path.display();
        match lang {
            Lang::Fr => format!(
                "{path}:{}\u{a0}: dernière ligne incomplète ({} octets) ignorée — écriture interrompue, jamais confirmée",
                self.line, self.bytes
            ),
            Lang::En => format!(
                "{path}:{}: incomplete last line ({} bytes) dropped — interrupted write, never confirmed",
                self.line, self.bytes
            ),
        }
    }
}

/// What `read_all` found.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalRead<E> {
    pub entries: Vec<E>,
    pub torn: Option<TornLine>,
    /// Length in bytes of the readable part: appending must start there.
    pub valid_len: u64,
}

/// Reads every entry. A missing file is an empty journal. Blank lines are skipped.
pub fn read_all<E: DeserializeOwned>(path: &Path) -> Result<JournalRead<E>, JournalError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(JournalError::io(path, e)),
    };
    let mut entries = Vec::new();
    let mut start = 0;
    let mut line_no = 0;
    while start < bytes.len() {
        line_no += 1;
        let newline = bytes[start..].iter().position(|&b| b == b'\n');
        let end = newline.map_or(bytes.len(), |n| start + n);
        let next = newline.map_or(bytes.len(), |_| end + 1);
        let line = &bytes[start..end];
        let is_last = bytes[next..].iter().all(u8::is_ascii_whitespace);
        if line.iter().all(u8::is_ascii_whitespace) {
            start = next;
            continue;
        }
        let parsed = decode::<E>(line);
        // A line without its newline was cut before `append` returned (never confirmed), and
        // only the last line can be cut: drop it, whether it parses or not.
        if is_last && (parsed.is_err() || newline.is_none()) {
            return Ok(JournalRead {
                entries,
                torn: Some(TornLine {
                    path: path.to_owned(),
                    line: line_no,
                    bytes: bytes.len() - start,
                }),
                valid_len: start as u64,
            });
        }
        match parsed {
            Ok(entry) => entries.push(entry),
            Err((column, field, message)) => {
                return Err(JournalError::BadLine {
                    path: path.to_owned(),
                    line: line_no,
                    column,
                    field,
                    message,
                });
            }
        }
        start = next;
    }
    Ok(JournalRead {
        entries,
        torn: None,
        valid_len: bytes.len() as u64,
    })
}

/// Decodes one line; on error gives the column, the field path (formatted) and the message.
fn decode<E: DeserializeOwned>(line: &[u8]) -> Result<E, (usize, String, String)> {
    let mut de = serde_json::Deserializer::from_slice(line);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." || path.is_empty() {
            String::new()
        } else {
            format!(" (champ {path})")
        };
        let inner = e.into_inner();
        (inner.column(), field, without_position(&inner))
    })?;
    // Anything after the entry on the same line is corruption too.
    de.end()
        .map_err(|e| (e.column(), String::new(), without_position(&e)))?;
    Ok(value)
}

/// serde_json's message without its « at line 1 column 9 » tail: the error already names the
/// line (of the file, not of the one-line document) and the column.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// The journal opened for appending. Only the holder of the workspace lock may open it.
#[derive(Debug)]
pub struct JournalWriter {
    path: PathBuf,
    file: File,
    /// Length after the last complete entry: a failed append is cut back to it.
    len: u64,
}

impl JournalWriter {
    /// Opens (creating it if needed) and cuts anything after `valid_len` (a torn last line
    /// reported by `read_all`), so the next entry starts on a clean line.
    pub fn open(path: &Path, valid_len: u64) -> Result<JournalWriter, JournalError> {
        let existed = path.exists();
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| JournalError::io(path, e))?;
        let len = file
            .metadata()
            .map_err(|e| JournalError::io(path, e))?
            .len();
        if len > valid_len {
            file.set_len(valid_len)
                .and_then(|()| file.sync_data())
                .map_err(|e| JournalError::io(path, e))?;
        }
        let len = len.min(valid_len);
        if !existed {
            sync_parent(path).map_err(|e| JournalError::io(path, e))?;
        }
        Ok(JournalWriter {
            path: path.to_owned(),
            file,
            len,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `entry` as one line and returns only once it is on disk.
    pub fn append<E: Serialize>(&mut self, entry: &E) -> Result<(), JournalError> {
        let mut line = serde_json::to_vec(entry).map_err(|e| JournalError::Encode {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        line.push(b'\n');
        match self
            .file
            .write_all(&line)
            .and_then(|()| self.file.sync_data())
        {
            Ok(()) => {
                self.len += line.len() as u64;
                Ok(())
            }
            Err(e) => {
                // Disk full, I/O error: take back any part of the line that reached the file,
                // so the next entry does not start in the middle of a torn one.
                let _ = self.file.set_len(self.len);
                Err(JournalError::io(&self.path, e))
            }
        }
    }
}

/// Makes the creation of a file durable: its directory entry is fsynced too.
fn sync_parent(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => File::open(dir)?.sync_all(),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entry {
        seq: u64,
        text: String,
    }

    fn entry(seq: u64) -> Entry {
        Entry {
            seq,
            text: format!("décision {seq}\nsur deux lignes"),
        }
    }

    #[test]
    fn append_then_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        let mut journal = JournalWriter::open(&path, 0).unwrap();
        for seq in 1..=3 {
            journal.append(&entry(seq)).unwrap();
        }
        let read: JournalRead<Entry> = read_all(&path).unwrap();
        assert_eq!(read.entries, [entry(1), entry(2), entry(3)]);
        assert_eq!(read.torn, None);
        assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 3);
    }

    #[test]
    fn missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let read: JournalRead<Entry> = read_all(&dir.path().join(JOURNAL_FILE)).unwrap();
        assert!(read.entries.is_empty());
    }

    #[test]
    fn torn_last_line_is_dropped_then_cut_before_next_append() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        let mut journal = JournalWriter::open(&path, 0).unwrap();
        journal.append(&entry(1)).unwrap();
        drop(journal);
        // A crash in the middle of the second line.
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(b"{\"seq\":2,\"te").unwrap();
        drop(file);
        let read: JournalRead<Entry> = read_all(&path).unwrap();
        assert_eq!(read.entries, [entry(1)]);
        let torn = read.torn.clone().unwrap();
        assert_eq!((torn.line, torn.bytes), (2, 12));
        assert!(torn.message(Lang::Fr).contains("journal.jsonl:2"));
        // The next writer starts on a clean line.
        let mut journal = JournalWriter::open(&path, read.valid_len).unwrap();
        journal.append(&entry(3)).unwrap();
        let read: JournalRead<Entry> = read_all(&path).unwrap();
        assert_eq!(read.entries, [entry(1), entry(3)]);
        assert_eq!(read.torn, None);
    }

    #[test]
    fn complete_last_line_without_newline_is_torn() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        let mut text = serde_json::to_string(&entry(1)).unwrap();
        text.push('\n');
        text.push_str(&serde_json::to_string(&entry(2)).unwrap());
        std::fs::write(&path, text).unwrap();
        let read: JournalRead<Entry> = read_all(&path).unwrap();
        assert_eq!(read.entries, [entry(1)]);
        assert_eq!(read.torn.map(|t| t.line), Some(2));
    }

    #[test]
    fn bad_middle_line_is_a_located_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        let good = serde_json::to_string(&entry(1)).unwrap();
        let text = format!("{good}\n{{\"seq\":2,\"text\":7}}\n{good}\n");
        std::fs::write(&path, text).unwrap();
        let err = read_all::<Entry>(&path).unwrap_err();
        match &err {
            JournalError::BadLine {
                line,
                column,
                field,
                ..
            } => {
                assert_eq!(*line, 2);
                assert!(*column > 0);
                assert!(field.contains("text"), "{field}");
            }
            other => panic!("unexpected {other:?}"),
        }
        let message = err.to_string();
        assert!(message.contains("journal.jsonl:2:"), "{message}");
    }

    #[test]
    fn garbage_last_line_with_newline_is_torn_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        let good = serde_json::to_string(&entry(1)).unwrap();
        std::fs::write(&path, format!("{good}\n\0\0\0\0\n")).unwrap();
        let read: JournalRead<Entry> = read_all(&path).unwrap();
        assert_eq!(read.entries, [entry(1)]);
        assert_eq!(read.valid_len as usize, good.len() + 1);
    }
}
