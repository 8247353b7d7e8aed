//! Atomic writes: a reader (or a crash) sees the old file or the new one, never half of either.
//!
//! The bytes go to a temporary file in the same folder (`.<name>.XXXXXX`, created exclusively
//! with the final mode), are fsynced, then take the target's name — by `rename` to replace a
//! regular file, or by `link` to create one that must not exist yet (two exports racing for
//! the same new path: exactly one wins, the other is told the file exists). The folder is
//! fsynced last. Whatever fails, the temporary file is removed; one left by a killed process is
//! recognised by [`is_temporary_name`] and swept by the next writer (`store::sweep`).
//!
//! Only a regular file is ever replaced: a symbolic link, a folder, a device or a FIFO at the
//! target is refused and named ([`NotRegularFile`]), so nothing is written through a link and
//! no device node is swapped for a file.

use crate::i18n::{Lang, NBSP};
use serde::Serialize;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Who may read the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// 0644 (less the umask): jury files, sites, calls, the territory.
    Shared,
    /// 0600: workspace state holding people's names, contacts, notes and decisions.
    Private,
}

impl Access {
    fn mode(self) -> u32 {
        match self {
            Access::Shared => 0o644,
            Access::Private => 0o600,
        }
    }
}

/// What to do when the target exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replace it if it is a regular file.
    Replace,
    /// Fail with `io::ErrorKind::AlreadyExists`, even if it appears during the write.
    Keep,
}

/// What sits at a path the program will not replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Symlink,
    Directory,
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    Other,
}

impl FileKind {
    /// The kind of a non-regular file; `None` for a regular one.
    pub fn of(metadata: &Metadata) -> Option<FileKind> {
        let t = metadata.file_type();
        if t.is_file() {
            return None;
        }
        if t.is_symlink() {
            return Some(FileKind::Symlink);
        }
        if t.is_dir() {
            return Some(FileKind::Directory);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return Some(FileKind::Fifo);
            }
            if t.is_socket() {
                return Some(FileKind::Socket);
            }
            if t.is_char_device() {
                return Some(FileKind::CharDevice);
            }
            if t.is_block_device() {
                return Some(FileKind::BlockDevice);
            }
        }
        Some(FileKind::Other)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FileKind::Symlink, Lang::Fr) => "un lien symbolique",
            (FileKind::Symlink, Lang::En) => "a symbolic link",
            (FileKind::Directory, Lang::Fr) => "un dossier",
            (FileKind::Directory, Lang::En) => "a folder",
            (FileKind::Fifo, Lang::Fr) => "un tube nommé (FIFO)",
            (FileKind::Fifo, Lang::En) => "a named pipe (FIFO)",
            (FileKind::Socket, Lang::Fr) => "une socket",
            (FileKind::Socket, Lang::En) => "a socket",
            (FileKind::CharDevice, Lang::Fr) => "un périphérique en mode caractère",
            (FileKind::CharDevice, Lang::En) => "a character device",
            (FileKind::BlockDevice, Lang::Fr) => "un périphérique en mode bloc",
            (FileKind::BlockDevice, Lang::En) => "a block device",
            (FileKind::Other, Lang::Fr) => "un fichier spécial",
            (FileKind::Other, Lang::En) => "a special file",
        }
    }
}

/// The target exists and is not a regular file: it is left as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotRegularFile {
    pub kind: FileKind,
}

impl NotRegularFile {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => format!(
                "ce n'est pas un fichier ordinaire mais {}{NBSP}: il n'est pas remplacé",
                self.kind.label(lang)
            ),
            Lang::En => format!(
                "not a regular file but {}: it is not replaced",
                self.kind.label(lang)
            ),
        }
    }
}

impl std::fmt::Display for NotRegularFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Fr))
    }
}

impl std::error::Error for NotRegularFile {}

/// An I/O error in `lang`: ours (a refused non-regular file) translated, the system's as the
/// system says it.
pub fn io_message(error: &io::Error, lang: Lang) -> String {
    match error
        .get_ref()
        .and_then(|e| e.downcast_ref::<NotRegularFile>())
    {
        Some(refused) => refused.message(lang),
        None => error.to_string(),
    }
}

/// Fails when something other than a regular file sits at `path` (nothing there is fine).
pub fn ensure_regular_or_absent(path: &Path) -> io::Result<()> {
    match path.symlink_metadata() {
        Ok(metadata) => match FileKind::of(&metadata) {
            None => Ok(()),
            Some(kind) => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                NotRegularFile { kind },
            )),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Writes `bytes` to `path` atomically, replacing a regular file, readable by all (0644).
pub fn write_bytes(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write(path, bytes, Access::Shared, Existing::Replace)
}

/// Serialises `value` as pretty JSON with a final newline (files are meant to be read and
/// diffed by people) and writes it atomically with `access`.
pub fn write_json<T: Serialize>(path: &Path, value: &T, access: Access) -> io::Result<()> {
    let mut text = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
    text.push(b'\n');
    write(path, &text, access, Existing::Replace)
}

/// The general form: `access` gives the new file's mode whatever was there before;
/// `existing` says whether a regular file at `path` may be replaced.
pub fn write(path: &Path, bytes: &[u8], access: Access, existing: Existing) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    match existing {
        Existing::Replace => ensure_regular_or_absent(path)?,
        Existing::Keep => {
            if path.symlink_metadata().is_ok() {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
        }
    }
    let (file, temporary) = create_temporary(&dir, &name.to_string_lossy(), access)?;
    let guard = RemoveOnDrop(Some(temporary.clone()));
    write_all_synced(file, bytes)?;
    match existing {
        Existing::Replace => std::fs::rename(&temporary, path)?,
        Existing::Keep => link_exclusively(&temporary, path, bytes, access)?,
    }
    drop(guard);
    sync_dir(&dir)
}

fn write_all_synced(mut file: File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

/// Gives the temporary file the name `path` only if nothing has that name yet. A hard link is
/// atomic and never replaces; where links are not supported (some network or FAT volumes),
/// the file is created with `O_EXCL` instead.
fn link_exclusively(temporary: &Path, path: &Path, bytes: &[u8], access: Access) -> io::Result<()> {
    match std::fs::hard_link(temporary, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            set_mode(&mut options, access);
            let file = options.open(path)?;
            write_all_synced(file, bytes).inspect_err(|_| {
                let _ = std::fs::remove_file(path);
            })
        }
    }
}

/// Removes the temporary file unless it was renamed away (then removing fails harmlessly:
/// the name is gone). After a link, both names exist and the temporary one must go.
struct RemoveOnDrop(Option<PathBuf>);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Suffix length of a temporary name, as atomic writers usually make them (`.x.json.AbC123`).
const SUFFIX: usize = 6;

/// True for `.<name>.json.XXXXXX`: a temporary file of an atomic write (ours, or the writer this
/// program used before), left behind if a process was killed before the rename.
pub fn is_temporary_name(file_name: &str) -> bool {
    let Some(rest) = file_name.strip_prefix('.') else {
        return false;
    };
    match rest.rsplit_once('.') {
        Some((base, suffix)) => {
            (base.ends_with(".json") || base.ends_with(".jsonl"))
                && suffix.len() == SUFFIX
                && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        }
        None => false,
    }
}

fn create_temporary(dir: &Path, name: &str, access: Access) -> io::Result<(File, PathBuf)> {
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
        ^ (u64::from(std::process::id()) << 32);
    for _ in 0..64 {
        let suffix = random_suffix(&mut seed);
        let path = dir.join(format!(".{name}.{suffix}"));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        set_mode(&mut options, access);
        match options.open(&path) {
            Ok(file) => return Ok((file, path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free temporary name",
    ))
}

/// Six letters or digits from a xorshift step (uniqueness comes from `create_new`; this only
/// makes collisions rare).
fn random_suffix(seed: &mut u64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut out = String::with_capacity(SUFFIX);
    for _ in 0..SUFFIX {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        out.push(ALPHABET[(*seed % ALPHABET.len() as u64) as usize] as char);
    }
    out
}

#[cfg(unix)]
fn set_mode(options: &mut OpenOptions, access: Access) {
    use std::os::unix::fs::OpenOptionsExt;
    options.mode(access.mode());
}

#[cfg(not(unix))]
fn set_mode(_: &mut OpenOptions, _: Access) {}

/// Makes a rename or a creation durable: the folder's entry is fsynced too.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_content_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_json(&path, &serde_json::json!({"v": 1}), Access::Shared).unwrap();
        write_json(&path, &serde_json::json!({"v": 2}), Access::Shared).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "{\n  \"v\": 2\n}\n");
        // Only the target remains: no temporary file left behind.
        assert_eq!(names(dir.path()), ["a.json"]);
    }

    #[test]
    fn failed_write_leaves_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_bytes(&path, b"old").unwrap();
        // A value that cannot be serialised as JSON (map with non-string keys) fails before
        // anything touches the disk.
        let bad: std::collections::HashMap<(i32, i32), i32> = [((1, 2), 3)].into();
        assert!(write_json(&path, &bad, Access::Shared).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
    }

    #[test]
    fn keep_never_replaces_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jury.csv");
        write(&path, b"first", Access::Shared, Existing::Keep).unwrap();
        let err = write(&path, b"second", Access::Shared, Existing::Keep).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        assert_eq!(names(dir.path()), ["jury.csv"]);
    }

    #[test]
    fn a_failed_rename_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("folder");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside"), b"x").unwrap();
        // Refused before anything is written: a folder is not a regular file.
        let err = write_bytes(&target, b"x").unwrap_err();
        assert!(io_message(&err, Lang::En).contains("a folder"), "{err}");
        assert_eq!(names(dir.path()), ["folder"]);
    }

    #[cfg(unix)]
    #[test]
    fn modes_are_set_whatever_was_there() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o777)).unwrap();
        write_json(&path, &1, Access::Private).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let shared = dir.path().join("jury.csv");
        write(&shared, b"x", Access::Shared, Existing::Keep).unwrap();
        let mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode & 0o133,
            0,
            "never executable nor group/other-writable: {mode:o}"
        );
        assert_eq!(mode & 0o600, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere.txt");
        std::fs::write(&target, b"precious").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = write_bytes(&link, b"x").unwrap_err();
        assert_eq!(
            io_message(&err, Lang::Fr),
            "ce n'est pas un fichier ordinaire mais un lien symbolique\u{a0}: il n'est pas remplacé"
        );
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"precious");
    }

    #[test]
    fn temporary_names() {
        assert!(is_temporary_name(".tempo-2026.json.AbC123"));
        assert!(!is_temporary_name("tempo-2026.json"));
        assert!(!is_temporary_name(".tempo-2026.json"));
        assert!(!is_temporary_name("..AbC123"));
        assert!(!is_temporary_name(".x.json.Ab-123"));
        assert!(!is_temporary_name(".notes.backup"));
        let mut seed = 42;
        let name = format!(".x.json.{}", random_suffix(&mut seed));
        assert!(is_temporary_name(&name), "{name}");
    }
}
