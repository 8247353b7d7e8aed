//! Atomic writes: a reader (or a crash) sees the old file or the new one, never half of either.

use atomic_write_file::AtomicWriteFile;
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, fsync, rename over
/// the target, fsync of the folder (all done by `atomic-write-file`). On error the old file is
/// left untouched.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicWriteFile::options().open(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Serialises `value` as pretty JSON with a final newline (files are meant to be read and
/// diffed by people) and writes it atomically.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    let mut text = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
    text.push(b'\n');
    write_bytes(path, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_json(&path, &serde_json::json!({"v": 1})).unwrap();
        write_json(&path, &serde_json::json!({"v": 2})).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "{\n  \"v\": 2\n}\n");
        // Only the target remains: no temporary file left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failed_write_leaves_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_bytes(&path, b"old").unwrap();
        // A value that cannot be serialised as JSON (map with non-string keys) fails before
        // anything touches the disk.
        let bad: std::collections::HashMap<(i32, i32), i32> = [((1, 2), 3)].into();
        assert!(write_json(&path, &bad).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
    }
}
