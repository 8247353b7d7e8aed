//! The workspace lock (`ancrage.lock`): one instance writes, any other opens read-only.
//!
//! The lock is an OS file lock (`File::try_lock`), so it disappears with the process that held
//! it, even after `kill -9`: no stale lock to clean by hand. The file's content (pid, host,
//! since when) only serves the message shown to the second instance.

use crate::i18n::Lang;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub const LOCK_FILE: &str = "ancrage.lock";

/// Who holds the lock, as its file says (any part may be missing from an odd file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holder {
    pub pid: Option<String>,
    pub host: Option<String>,
    pub since: Option<chrono::DateTime<chrono::FixedOffset>>,
}

impl Holder {
    /// `pid=12 host=x since=…` lines, as `Lock::acquire` writes them.
    fn read(content: &str) -> Holder {
        let field = |name: &str| {
            content
                .lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix('='))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        Holder {
            pid: field("pid"),
            host: field("host"),
            since: field("since").and_then(|s| chrono::DateTime::parse_from_rfc3339(&s).ok()),
        }
    }

    /// « pid 12 sur x depuis le 29/11/2026 à 20:16 » / “pid 12 on x since 2026-11-29 20:16”.
    pub fn describe(&self, lang: Lang) -> String {
        let (Some(pid), Some(host)) = (&self.pid, &self.host) else {
            return lang.pick("processus inconnu", "unknown process").to_owned();
        };
        let pid = crate::i18n::printable(pid);
        let host = crate::i18n::printable(host);
        match (self.since, lang) {
            (Some(since), Lang::Fr) => format!(
                "pid {pid} sur {host} depuis le {} à {}",
                crate::i18n::date(since.date_naive(), lang),
                since.format("%H:%M")
            ),
            (Some(since), Lang::En) => format!(
                "pid {pid} on {host} since {} {}",
                crate::i18n::date(since.date_naive(), lang),
                since.format("%H:%M")
            ),
            (None, Lang::Fr) => format!("pid {pid} sur {host}"),
            (None, Lang::En) => format!("pid {pid} on {host}"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{}\u{a0}: espace de travail déjà ouvert par une autre instance ({})", path.display(), holder.describe(Lang::Fr))]
    HeldElsewhere { path: PathBuf, holder: Holder },
    #[error("{}\u{a0}: {}", path.display(), crate::store::atomic::io_message(source, Lang::Fr))]
    Io { path: PathBuf, source: io::Error },
}

impl LockError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::Fr) => self.to_string(),
            (LockError::HeldElsewhere { path, holder }, Lang::En) => format!(
                "{}: workspace already open in another instance ({})",
                path.display(),
                holder.describe(lang)
            ),
            (LockError::Io { path, source }, Lang::En) => format!(
                "{}: {}",
                path.display(),
                crate::store::atomic::io_message(source, lang)
            ),
        }
    }
}

/// Holds the workspace lock until dropped.
#[derive(Debug)]
pub struct LockGuard {
    file: File,
    path: PathBuf,
}

impl LockGuard {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        // Best effort: closing the file releases the lock anyway.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

pub struct Lock;

impl Lock {
    /// Takes the lock of the workspace `dir`, or says who holds it.
    pub fn acquire(dir: &Path) -> Result<LockGuard, LockError> {
        let path = dir.join(LOCK_FILE);
        let io_err = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        // Opening a link would truncate whatever it points to.
        crate::store::atomic::ensure_regular_or_absent(&path).map_err(io_err)?;
        // Not truncated on open: the holder's description must survive a failed attempt.
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).read(true).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path).map_err(io_err)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = Holder::read(&holder);
                return Err(LockError::HeldElsewhere { path, holder });
            }
            Err(TryLockError::Error(e)) => return Err(io_err(e)),
        }
        let me = format!(
            "pid={}\nhost={}\nsince={}\n",
            std::process::id(),
            host_name(),
            chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%:z")
        );
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(me.as_bytes()))
            .map_err(io_err)?;
        // The lock holder is the only writer: what other writers left half-done is dead.
        crate::store::sweep::remove_temporaries(dir);
        Ok(LockGuard { file, path })
    }

    /// Like `acquire`, retrying for up to `patience` (for scripts that run one after another and
    /// may overlap a little).
    pub fn acquire_waiting(dir: &Path, patience: Duration) -> Result<LockGuard, LockError> {
        let deadline = Instant::now() + patience;
        loop {
            match Lock::acquire(dir) {
                Err(LockError::HeldElsewhere { .. }) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "?".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_acquire_fails_while_first_lives() {
        let dir = tempfile::tempdir().unwrap();
        let first = Lock::acquire(dir.path()).unwrap();
        match Lock::acquire(dir.path()) {
            Err(LockError::HeldElsewhere { holder, .. }) => {
                let said = holder.describe(Lang::Fr);
                assert!(
                    said.contains(&format!("pid {}", std::process::id())),
                    "{said}"
                );
                assert!(
                    said.contains(" depuis le ") && !said.contains('T'),
                    "{said}"
                );
                assert!(holder.describe(Lang::En).contains(" since "));
            }
            other => panic!("expected HeldElsewhere, got {other:?}"),
        }
        drop(first);
        let again = Lock::acquire(dir.path());
        assert!(again.is_ok());
    }

    /// Issue 13, point 5: what a killed writer left is removed by the next lock holder.
    #[test]
    fn acquiring_sweeps_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("reviews")).unwrap();
        let left = dir.path().join("reviews/.tempo-2026.json.AbC123");
        std::fs::write(&left, b"{").unwrap();
        let _guard = Lock::acquire(dir.path()).unwrap();
        assert!(!left.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_lock_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious");
        std::fs::write(&target, b"keep").unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join(LOCK_FILE)).unwrap();
        let err = Lock::acquire(dir.path()).unwrap_err();
        assert!(err.message(Lang::En).contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read(&target).unwrap(), b"keep");
    }

    #[test]
    fn waiting_acquire_gets_it_once_released() {
        let dir = tempfile::tempdir().unwrap();
        let first = Lock::acquire(dir.path()).unwrap();
        let path = dir.path().to_owned();
        let waiter = std::thread::spawn(move || {
            Lock::acquire_waiting(&path, Duration::from_secs(5)).is_ok()
        });
        std::thread::sleep(Duration::from_millis(100));
        drop(first);
        assert!(waiter.join().unwrap());
        assert!(Lock::acquire_waiting(dir.path(), Duration::from_millis(0)).is_ok());
    }
}
