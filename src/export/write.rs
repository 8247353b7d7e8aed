//! Putting a jury file on disk safely.
//!
//! - An existing file is never replaced unless the officer said so (`--force` or a
//!   confirmation), and the check is the creation itself (`store::atomic`, `Existing::Keep`):
//!   two exports racing for the same new path cannot both succeed.
//! - Only a regular file is ever replaced, even with `--force`: a symbolic link, a folder, a
//!   device or a FIFO is refused and named.
//! - The bytes go through a temporary file in the same folder (fsync, then rename or link), so
//!   a failed export leaves neither a half-written file nor its temporary copy.
//! - `-o -` is standard output; `-o dir/` (or an existing folder) names the file inside it.

use crate::domain::CallId;
use crate::export::{ExportError, Format};
use crate::store::atomic::{self, Access, Existing, FileKind};
use chrono::NaiveDate;
use std::io;
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

/// True for `-`, the usual name of standard output.
pub fn is_stdout(output: &Path) -> bool {
    output.as_os_str() == "-"
}

/// The file an output names: itself, or `default_name` inside it when it names a folder (an
/// existing one, or any path written with a final `/`). A final `/` on something that is not
/// a folder is refused rather than becoming a file named after the folder.
pub fn resolve_output(output: &Path, default_name: &str) -> Result<PathBuf, ExportError> {
    let text = output.as_os_str().to_string_lossy();
    let names_folder = text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR);
    if output.is_dir() {
        return Ok(output.join(default_name));
    }
    if names_folder {
        return Err(ExportError::NoFolder(output.to_owned()));
    }
    Ok(output.to_owned())
}

/// Refuses early (before any work) what `write_file` would refuse: an existing file without
/// `force`, anything but a regular file with it.
pub fn check_target(path: &Path, force: bool) -> Result<(), ExportError> {
    match path.symlink_metadata() {
        Ok(metadata) => match FileKind::of(&metadata) {
            Some(kind) => Err(ExportError::NotRegular {
                path: path.to_owned(),
                kind,
            }),
            None if !force => Err(ExportError::Exists(path.to_owned())),
            None => Ok(()),
        },
        Err(_) => Ok(()),
    }
}

/// Writes `bytes` to `path` (mode 0644); refuses to replace an existing file unless `force`,
/// and anything but a regular file even then.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<PathBuf, ExportError> {
    check_target(path, force)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.is_dir()
    {
        return Err(ExportError::NoFolder(parent.to_owned()));
    }
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    atomic::write(path, bytes, Access::Shared, existing).map_err(|source| {
        if source.kind() == io::ErrorKind::AlreadyExists {
            // Created by someone else between our check and our write.
            return ExportError::Exists(path.to_owned());
        }
        match path.symlink_metadata().ok().and_then(|m| FileKind::of(&m)) {
            Some(kind) => ExportError::NotRegular {
                path: path.to_owned(),
                kind,
            },
            None => ExportError::Io {
                path: path.to_owned(),
                source,
            },
        }
    })?;
    Ok(path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

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
        assert_eq!(names(dir.path()), ["jury.csv"]);
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

    #[test]
    fn a_folder_target_is_refused_with_force_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("jury.xlsx");
        std::fs::create_dir(&folder).unwrap();
        let err = write_file(&folder, b"x", true).unwrap_err();
        assert!(matches!(
            err,
            ExportError::NotRegular {
                kind: FileKind::Directory,
                ..
            }
        ));
        assert_eq!(names(dir.path()), ["jury.xlsx"]);
        assert!(err.message(crate::i18n::Lang::Fr).contains("un dossier"));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_or_a_device_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        std::fs::write(&target, b"keep").unwrap();
        let link = dir.path().join("jury.csv");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        for force in [false, true] {
            assert!(matches!(
                write_file(&link, b"x", force),
                Err(ExportError::NotRegular {
                    kind: FileKind::Symlink,
                    ..
                })
            ));
        }
        assert_eq!(std::fs::read(&target).unwrap(), b"keep");
        assert!(matches!(
            write_file(Path::new("/dev/null"), b"x", true),
            Err(ExportError::NotRegular {
                kind: FileKind::CharDevice,
                ..
            })
        ));
    }

    #[test]
    fn folders_get_the_default_name_inside() {
        let dir = tempfile::tempdir().unwrap();
        let name = "jury-x.csv";
        assert_eq!(
            resolve_output(dir.path(), name).unwrap(),
            dir.path().join(name)
        );
        let with_slash = PathBuf::from(format!("{}/", dir.path().display()));
        assert_eq!(
            resolve_output(&with_slash, name).unwrap(),
            dir.path().join(name)
        );
        let missing = PathBuf::from(format!("{}/nope/", dir.path().display()));
        assert!(matches!(
            resolve_output(&missing, name),
            Err(ExportError::NoFolder(_))
        ));
        let file = dir.path().join("a.csv");
        assert_eq!(resolve_output(&file, name).unwrap(), file);
        assert!(is_stdout(Path::new("-")));
        assert!(!is_stdout(Path::new("./-")));
    }

    #[test]
    fn racing_exports_to_one_new_path_exactly_one_wins() {
        let dir = tempfile::tempdir().unwrap();
        for round in 0..20 {
            let path = dir.path().join(format!("jury-{round}.csv"));
            let results: Vec<bool> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..4)
                    .map(|i| {
                        let path = path.clone();
                        s.spawn(move || write_file(&path, format!("{i}").as_bytes(), false).is_ok())
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            assert_eq!(results.iter().filter(|ok| **ok).count(), 1, "{results:?}");
        }
        assert_eq!(names(dir.path()).len(), 20);
    }
}
