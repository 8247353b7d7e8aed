//! The decision journal: an append-only JSON Lines file (`journal.jsonl` in the workspace).
//!
//! Each entry is one line, written with a single `write` and made durable (`sync_data`) before
//! `append` returns: a change is confirmed to the user only once its line — newline included —
//! is on disk. A crash can therefore only leave an *unterminated* last line (or, after a power
//! loss, a last line of NUL bytes), which `read_all` drops with a warning: it was never
//! confirmed. A complete line that does not read, last or not, may be a confirmed entry that
//! was damaged: it is corruption, a located error, and nothing is ever cut from it. What a
//! writer cuts (the torn tail) is first copied aside to `journal.jsonl.cut`.

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

/// Where a writer copies the bytes it cuts from the journal before cutting them.
pub fn cut_path(journal: &Path) -> PathBuf {
    let mut name = journal.file_name().unwrap_or_default().to_owned();
    name.push(".cut");
    journal.with_file_name(name)
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
                "{path}:{}\u{a0}: dernière ligne incomplète ({} octets) ignorée — écriture interrompue, jamais confirmée (copiée dans {} avant d'être coupée)",
                self.line,
                self.bytes,
                cut_path(&self.path).display()
            ),
            Lang::En => format!(
                "{path}:{}: incomplete last line ({} bytes) dropped — interrupted write, never confirmed (copied to {} before being cut)",
                self.line,
                self.bytes,
                cut_path(&self.path).display()
            ),
        }
    }
}

/// What `read_all` found.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalRead<E> {
    pub entries: Vec<E>,
    /// 1-based line number of each entry, parallel to `entries`.
    pub lines: Vec<usize>,
    pub torn: Option<TornLine>,
    /// Length in bytes of the readable part: appending must start there.
    pub valid_len: u64,
}

/// Reads every entry. A missing file is an empty journal. Blank lines are skipped.
pub fn read_all<E: DeserializeOwned>(path: &Path) -> Result<JournalRead<E>, JournalError> {
    // A FIFO would hang the read: say what is there instead.
    if let Ok(metadata) = std::fs::metadata(path)
        && let Some(kind) = crate::store::atomic::FileKind::of(&metadata)
    {
        let refused = crate::store::atomic::NotRegularFile { kind };
        return Err(JournalError::io(
            path,
            io::Error::new(io::ErrorKind::InvalidInput, refused),
        ));
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(JournalError::io(path, e)),
    };
    parse(path, &bytes)
}

/// Reads the entries of a journal's bytes (`path` names it in errors): what `read_all` does
/// once the file is read, a pure function for tests and fuzzing.
pub fn parse<E: DeserializeOwned>(
    path: &Path,
    bytes: &[u8],
) -> Result<JournalRead<E>, JournalError> {
    let mut entries = Vec::new();
    let mut lines = Vec::new();
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
        // only the last line can be cut: drop it, whether it parses or not. A line of NUL
        // bytes is what a power loss leaves of an append: it holds no entry to lose.
        let zeroed = line.iter().all(|&b| b == 0);
        if is_last && (newline.is_none() || zeroed) {
            return Ok(JournalRead {
                entries,
                lines,
                torn: Some(TornLine {
                    path: path.to_owned(),
                    line: line_no,
                    bytes: bytes.len() - start,
                }),
                valid_len: start as u64,
            });
        }
        match parsed {
            Ok(entry) => {
                entries.push(entry);
                lines.push(line_no);
            }
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
        lines,
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
        // Appending through a link would write wherever it points.
        crate::store::atomic::ensure_regular_or_absent(path)
            .map_err(|e| JournalError::io(path, e))?;
        let existed = path.exists();
        let mut options = OpenOptions::new();
        options.create(true).append(true).read(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(path).map_err(|e| JournalError::io(path, e))?;
        let len = file
            .metadata()
            .map_err(|e| JournalError::io(path, e))?
            .len();
        if len > valid_len {
            keep_aside(&mut file, path, valid_len).map_err(|e| JournalError::io(path, e))?;
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

/// Appends the bytes after `from` to `journal.jsonl.cut` (fsynced) before they are cut.
fn keep_aside(file: &mut File, path: &Path, from: u64) -> io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut tail = Vec::new();
    file.seek(SeekFrom::Start(from))?;
    file.read_to_end(&mut tail)?;
    let aside = cut_path(path);
    crate::store::atomic::ensure_regular_or_absent(&aside)?;
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut out = options.open(&aside)?;
    out.write_all(&tail)?;
    if !tail.ends_with(b"\n") {
        out.write_all(b"\n")?;
    }
    out.sync_data()
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
    fn zeroed_last_line_is_torn_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        let good = serde_json::to_string(&entry(1)).unwrap();
        std::fs::write(&path, format!("{good}\n\0\0\0\0\n")).unwrap();
        let read: JournalRead<Entry> = read_all(&path).unwrap();
        assert_eq!(read.entries, [entry(1)]);
        assert_eq!(read.valid_len as usize, good.len() + 1);
    }

    /// Issue 13, point 12: a complete last line that does not read may be a damaged confirmed
    /// entry: corruption, located, and never cut.
    #[test]
    fn complete_unreadable_last_line_is_corruption_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        let good = serde_json::to_string(&entry(1)).unwrap();
        let damaged = good.replace("\"seq\"", "\"sq\"");
        let text = format!("{good}\n{damaged}\n");
        std::fs::write(&path, &text).unwrap();
        let err = read_all::<Entry>(&path).unwrap_err();
        assert!(
            matches!(err, JournalError::BadLine { line: 2, .. }),
            "{err:?}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn a_cut_tail_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        let good = serde_json::to_string(&entry(1)).unwrap();
        std::fs::write(&path, format!("{good}\n{{\"seq\":2,")).unwrap();
        let read: JournalRead<Entry> = read_all(&path).unwrap();
        drop(JournalWriter::open(&path, read.valid_len).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), format!("{good}\n"));
        assert_eq!(
            std::fs::read_to_string(cut_path(&path)).unwrap(),
            "{\"seq\":2,\n"
        );
    }
}
