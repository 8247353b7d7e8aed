//! Putting a jury file on disk safely: an existing file is never replaced unless the officer
//! said so (`--force` or a confirmation), and the bytes go through `store::atomic::write_bytes`
//! (temporary file in the same folder, fsync, rename), so a failed export leaves no
//! half-written file and a replaced file is the old one or the new one, never a mix.

use crate::domain::CallId;
use crate::export::{ExportError, Format};
use crate::store::atomic;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// `jury-<call-id>-<yyyy-mm-dd>.<ext>`, e.g. `jury-tempo-2026-2026-11-26.xlsx`.
pub fn default_file_name(call: &CallId, today: NaiveDate, format: Format) -> String {
    format!(
        "jury-{}-{}.{}",
        call.as_str(),
        today.format("%Y-%m-%d"),
        format.extension()
    )
}

/// Writes `bytes` to `path`; refuses to replace an existing file unless `force`.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<PathBuf, ExportError> {
    if !force && path.symlink_metadata().is_ok() {
        return Err(ExportError::Exists(path.to_owned()));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.is_dir()
    {
        return Err(ExportError::NoFolder(parent.to_owned()));
    }
    atomic::write_bytes(path, bytes).map_err(|source| ExportError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_name() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert_eq!(
            default_file_name(&CallId::new("tempo-2026"), day, Format::Xlsx),
            "jury-tempo-2026-2026-11-26.xlsx"
        );
        assert_eq!(
            default_file_name(&CallId::new("tempo-2026"), day, Format::CsvExcel),
            "jury-tempo-2026-2026-11-26.csv"
        );
    }

    #[test]
    fn existing_file_is_kept_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jury.csv");
        std::fs::write(&path, b"old").unwrap();
        assert!(matches!(
            write_file(&path, b"new", false),
            Err(ExportError::Exists(_))
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        write_file(&path, b"new", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        // No temporary file left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn missing_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("jury.csv");
        assert!(matches!(
            write_file(&path, b"x", false),
            Err(ExportError::NoFolder(_))
        ));
        assert!(!path.exists());
    }
}
