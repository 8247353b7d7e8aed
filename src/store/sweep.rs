//! Temporary files left by killed writers (`reviews/.tempo-2026.json.AbC123`): an atomic write
//! interrupted before its rename leaves a hidden copy — personal data included — next to its
//! target. `check` names them; the next process that takes the workspace lock removes them
//! (only the lock holder writes, so none of them can belong to a live write).

use crate::store::atomic::is_temporary_name;
use std::path::{Path, PathBuf};

/// Folders where the program writes, the workspace root included.
const FOLDERS: [&str; 5] = ["", "sites", "structures", "calls", "reviews"];

/// The files the program writes at the root: only their temporaries are swept there (a jury
/// file exported into the workspace folder may be on its way at the same moment).
const ROOT_FILES: [&str; 2] = ["territory.json", "journal.applied.json"];

/// Workspace-relative paths of the temporary files in `dir`, sorted.
pub fn find_temporaries(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for folder in FOLDERS {
        let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            let ours = name.to_str().is_some_and(|name| {
                is_temporary_name(name)
                    && (!folder.is_empty()
                        || ROOT_FILES
                            .iter()
                            .any(|f| name.starts_with(&format!(".{f}."))))
            });
            if is_file && ours {
                found.push(Path::new(folder).join(name));
            }
        }
    }
    found.sort();
    found
}

/// Removes them; returns those removed. Call only while holding the workspace lock.
pub fn remove_temporaries(dir: &Path) -> Vec<PathBuf> {
    find_temporaries(dir)
        .into_iter()
        .filter(|relative| std::fs::remove_file(dir.join(relative)).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_removes_only_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("reviews")).unwrap();
        std::fs::write(dir.path().join("reviews/.tempo-2026.json.AbC123"), b"{").unwrap();
        std::fs::write(dir.path().join("reviews/tempo-2026.json"), b"{}").unwrap();
        std::fs::write(dir.path().join(".territory.json.x1Y2z3"), b"{").unwrap();
        std::fs::write(dir.path().join(".notes.backup"), b"x").unwrap();
        std::fs::write(dir.path().join(".jury-x.json.AbC123"), b"{").unwrap();
        let expected = [
            PathBuf::from(".territory.json.x1Y2z3"),
            PathBuf::from("reviews/.tempo-2026.json.AbC123"),
        ];
        assert_eq!(find_temporaries(dir.path()), expected);
        assert_eq!(remove_temporaries(dir.path()), expected);
        assert!(find_temporaries(dir.path()).is_empty());
        assert!(dir.path().join("reviews/tempo-2026.json").exists());
        assert!(dir.path().join(".notes.backup").exists());
        assert!(dir.path().join(".jury-x.json.AbC123").exists());
    }
}
