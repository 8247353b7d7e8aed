//! Which entries of a workspace folder hold data, and what is wrong with the others. Nothing is
//! skipped silently that looks like data: a folder named `x.json`, a FIFO (reading it would
//! hang), a link that dangles, loops or leaves the workspace, a name that is not UTF-8 or says
//! `.JSON` — each is a problem of its own, at its own path, never blamed on another file.
//!
//! A symbolic link is followed when it points to a regular file inside the workspace (an
//! officer may share one site file between two workspaces of the same machine… of the same
//! tree). Hidden files are editors' and atomic writes' business (`store::sweep` deals with the
//! temporary files of killed writers).
//! Other files (`notes.txt`, sub-folders) are not data and are left alone.

use crate::store::atomic::FileKind;
use crate::store::expected::{Expected, LinkProblem};
use crate::store::problem::Problem;
use std::io;
use std::path::{Path, PathBuf};

/// What a folder holds, for the loader.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Listing {
    /// Workspace-relative paths of the data files, sorted by name.
    pub files: Vec<PathBuf>,
    pub problems: Vec<Problem>,
}

/// Lists `root/folder` (a missing folder is an empty one).
pub fn list_folder(root: &Path, folder: &str) -> Listing {
    let mut listing = Listing::default();
    let entries = match std::fs::read_dir(root.join(folder)) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return listing,
        Err(e) => {
            let expected = match root
                .join(folder)
                .symlink_metadata()
                .ok()
                .and_then(|m| FileKind::of(&m))
            {
                Some(FileKind::Directory) | None => Expected::ReadableFile(e.to_string()),
                Some(kind) => Expected::Folder(kind),
            };
            listing.problems.push(Problem::new(folder, "", expected));
            return listing;
        }
    };
    let canonical_root = root.canonicalize().ok();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                listing.problems.push(Problem::new(
                    folder,
                    "",
                    Expected::ReadableFile(e.to_string()),
                ));
                continue;
            }
        };
        let relative = Path::new(folder).join(entry.file_name());
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            listing
                .problems
                .push(Problem::new(&relative, "", Expected::Utf8Name));
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        // The entry's type comes with the listing (no system call); a regular `*.json` — the
        // usual case, thousands of times — needs nothing more.
        let is_json = name.ends_with(".json");
        if is_json && entry.file_type().is_ok_and(|t| t.is_file()) {
            listing.files.push(relative);
            continue;
        }
        let metadata = entry.path().symlink_metadata();
        let kind = metadata.as_ref().ok().and_then(FileKind::of);
        if !is_json && name.to_ascii_lowercase().ends_with(".json") {
            listing.problems.push(Problem::new(
                &relative,
                "",
                Expected::LowercaseExtension { name },
            ));
            continue;
        }
        if !is_json {
            // A FIFO, socket or device has no business in a data folder, whatever its name.
            if matches!(
                kind,
                Some(
                    FileKind::Fifo
                        | FileKind::Socket
                        | FileKind::CharDevice
                        | FileKind::BlockDevice
                )
            ) {
                listing.problems.push(Problem::new(
                    &relative,
                    "",
                    Expected::RegularFile(kind.unwrap_or(FileKind::Other)),
                ));
            }
            continue;
        }
        match check_entry(&entry.path(), canonical_root.as_deref()) {
            Ok(()) => listing.files.push(relative),
            Err(expected) => listing.problems.push(Problem::new(&relative, "", expected)),
        }
    }
    listing.files.sort();
    listing
}

/// Whether the file at `path` can be read as data: a regular file, or a link to one inside
/// the workspace. A missing file is `PresentFile`.
pub fn check_entry(path: &Path, canonical_root: Option<&Path>) -> Result<(), Expected> {
    let metadata = match path.symlink_metadata() {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Expected::PresentFile),
        Err(e) => return Err(Expected::ReadableFile(e.to_string())),
    };
    match FileKind::of(&metadata) {
        None => Ok(()),
        Some(FileKind::Symlink) => check_link(path, canonical_root),
        Some(kind) => Err(Expected::RegularFile(kind)),
    }
}

fn check_link(path: &Path, canonical_root: Option<&Path>) -> Result<(), Expected> {
    let target = match path.canonicalize() {
        Ok(target) => target,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Expected::LinkTarget(LinkProblem::Dangling));
        }
        Err(e) if is_loop(&e) => return Err(Expected::LinkTarget(LinkProblem::Loop)),
        Err(e) => return Err(Expected::ReadableFile(e.to_string())),
    };
    if canonical_root.is_some_and(|root| !target.starts_with(root)) {
        return Err(Expected::LinkTarget(LinkProblem::Outside(target)));
    }
    match std::fs::metadata(&target)
        .ok()
        .as_ref()
        .and_then(FileKind::of)
    {
        None => Ok(()),
        Some(kind) => Err(Expected::LinkTarget(LinkProblem::NotRegular(kind))),
    }
}

/// `ELOOP`: too many levels of symbolic links.
fn is_loop(error: &io::Error) -> bool {
    #[cfg(target_os = "linux")]
    const ELOOP: i32 = 40;
    #[cfg(not(target_os = "linux"))]
    const ELOOP: i32 = 62;
    error.raw_os_error() == Some(ELOOP)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(listing: &Listing) -> Vec<(String, String)> {
        listing
            .problems
            .iter()
            .map(|p| {
                (
                    p.file.to_string_lossy().into_owned(),
                    p.expected.text(crate::i18n::Lang::En),
                )
            })
            .collect()
    }

    #[test]
    fn data_files_and_odd_entries() {
        let root = tempfile::tempdir().unwrap();
        let sites = root.path().join("sites");
        std::fs::create_dir(&sites).unwrap();
        std::fs::write(sites.join("b.json"), "{}").unwrap();
        std::fs::write(sites.join("a.json"), "{}").unwrap();
        std::fs::write(sites.join("notes.txt"), "x").unwrap();
        std::fs::write(sites.join("UPPER.JSON"), "{}").unwrap();
        std::fs::write(sites.join(".a.json.AbC123"), "{").unwrap();
        std::fs::write(sites.join(".hidden.json"), "{").unwrap();
        std::fs::create_dir(sites.join("archive.json")).unwrap();
        let listing = list_folder(root.path(), "sites");
        assert_eq!(
            listing.files,
            [PathBuf::from("sites/a.json"), PathBuf::from("sites/b.json")]
        );
        let found = kinds(&listing);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .any(|(f, t)| f == "sites/UPPER.JSON" && t.contains(".json"))
        );
        assert!(
            found
                .iter()
                .any(|(f, t)| f == "sites/archive.json" && t.contains("a folder")),
            "{found:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_are_followed_others_reported() {
        use std::os::unix::fs::symlink;
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let sites = root.path().join("sites");
        std::fs::create_dir(&sites).unwrap();
        std::fs::write(root.path().join("shared.json"), "{}").unwrap();
        std::fs::write(outside.path().join("x.json"), "{}").unwrap();
        symlink(root.path().join("shared.json"), sites.join("inside.json")).unwrap();
        symlink(outside.path().join("x.json"), sites.join("outside.json")).unwrap();
        symlink(sites.join("nowhere"), sites.join("dangling.json")).unwrap();
        symlink(sites.join("loop.json"), sites.join("loop.json")).unwrap();
        std::fs::create_dir(root.path().join("dir")).unwrap();
        symlink(root.path().join("dir"), sites.join("to-dir.json")).unwrap();
        let listing = list_folder(root.path(), "sites");
        assert_eq!(listing.files, [PathBuf::from("sites/inside.json")]);
        let found = kinds(&listing);
        let text = |name: &str| {
            found
                .iter()
                .find(|(f, _)| f == &format!("sites/{name}"))
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        };
        assert!(
            text("outside.json").contains("outside the workspace"),
            "{found:?}"
        );
        assert!(text("dangling.json").contains("nowhere"), "{found:?}");
        assert!(text("loop.json").contains("loop"), "{found:?}");
        assert!(text("to-dir.json").contains("a folder"), "{found:?}");
    }

    #[cfg(unix)]
    #[test]
    fn fifo_and_non_utf8_names_are_problems() {
        use std::os::unix::ffi::OsStrExt;
        let root = tempfile::tempdir().unwrap();
        let calls = root.path().join("calls");
        std::fs::create_dir(&calls).unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(calls.join("pipe.json"))
            .status();
        std::fs::write(
            calls.join(std::ffi::OsStr::from_bytes(b"caf\xe9.json")),
            "{}",
        )
        .unwrap();
        let listing = list_folder(root.path(), "calls");
        let found = kinds(&listing);
        assert!(listing.files.is_empty(), "{:?}", listing.files);
        assert!(found.iter().any(|(_, t)| t.contains("UTF-8")), "{found:?}");
        if status.is_ok_and(|s| s.success()) {
            assert!(
                found
                    .iter()
                    .any(|(f, t)| f == "calls/pipe.json" && t.contains("FIFO"))
            );
        }
    }
}
