//! A cockpit opened from a workspace on disk, as `ancrage` opens it (`App::open_workspace`:
//! whatever one file says), for the tests of the Problèmes panel and the import dialog.
//! The folder is given by a relative path of fixed length under `target/tmp`, so what the
//! screen shows of it is the same on every machine once its random part is masked.
#![allow(dead_code)]

use crate::cockpit::session::Session;
use crate::support::today;
use ancrage::i18n::Lang;
use ancrage::store::init::init_workspace;
use ancrage::tui::{App, Keymap};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub const OFFICER: &str = "Léa Martin";
/// What the random part of the folder's name becomes in snapshots.
const MASK: &str = "espace-XXXXXX";

/// A demo workspace (`ancrage init`) in a fresh folder; the path is relative to the crate.
pub struct Folder {
    _dir: TempDir,
    pub path: PathBuf,
}

impl Folder {
    pub fn demo() -> Folder {
        let base = Path::new("target/tmp");
        std::fs::create_dir_all(base).expect("target/tmp");
        let dir = tempfile::Builder::new()
            .prefix("espace-")
            .rand_bytes(6)
            .tempdir_in(base)
            .expect("temp dir");
        let name = dir.path().file_name().expect("named").to_owned();
        let path = base.join(name);
        init_workspace(&path).expect("ancrage init");
        Folder { _dir: dir, path }
    }

    pub fn file(&self, relative: &str) -> PathBuf {
        self.path.join(relative)
    }

    /// Rewrites a workspace file by hand, as the officer would in an editor.
    pub fn edit(&self, relative: &str, change: impl FnOnce(String) -> String) {
        let path = self.file(relative);
        let text = std::fs::read_to_string(&path).expect("read");
        let changed = change(text.clone());
        assert_ne!(changed, text, "the edit changes {relative}");
        std::fs::write(&path, changed).expect("write");
    }

    /// The screen with the folder's random part masked.
    pub fn masked(&self, screen: &str) -> String {
        let name = self
            .path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8");
        screen.replace(name, MASK)
    }
}

/// The cockpit on `folder`, its session open and signed, drawn at `width`×`height`.
pub fn open(folder: &Folder, lang: Lang, width: u16, height: u16) -> Session {
    let mut s = Session::new(lang, width, height);
    s.app = App::open_workspace(&folder.path, lang, today(), Keymap::default(), None)
        .expect("the cockpit opens");
    // Exports (the export dialog can be reached) land in the temporary folder too.
    s.app.ctx.export_folder = Some(folder.path.clone());
    s.app.open_review_as(OFFICER);
    s.draw();
    s
}
