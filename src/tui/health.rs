//! What the cockpit knows of the workspace files beyond their records: every problem
//! `ancrage check` would report (the data files, then the reviews, the journal and the lock),
//! and the records left out because their file has one — named where the officer would look
//! for them, never ranked, never rewritten. Read when the cockpit opens and again on `Ctrl-l`,
//! after the officer fixed a file by hand.

use crate::domain::{CallId, SiteId, StructureId, Workspace};
use crate::edit::RecordKey;
use crate::session::BrokenFiles;
use crate::session::audit::audit;
use crate::store::kind::DocumentKind;
use crate::store::load::{LeftOut, load_workspace_lenient, usable};
use crate::store::problem::{Problem, Problems};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct Health {
    /// Every problem, in `ancrage check`'s order (by file, then line).
    pub problems: Vec<Problem>,
    /// Records of broken files that decoded (so have a name to show).
    pub left_out: LeftOut,
    /// Files that did not decode at all.
    pub unloadable: Vec<PathBuf>,
    /// What the session must never write.
    pub broken: BrokenFiles,
}

impl Health {
    /// Reads the workspace in `dir` as the cockpit opens it: the records of every file without
    /// a problem, and the problems. Fails only when `dir` holds no workspace at all.
    pub fn read(dir: &Path) -> Result<(Workspace, Health), Problems> {
        let lenient = load_workspace_lenient(dir)?;
        // The audit judges reviews against every call, broken ones included (as `check`).
        let audited = audit(dir, &lenient.workspace, &lenient.files);
        let loaded = usable(lenient);
        let mut problems = loaded.problems.clone();
        problems.0.extend(audited.problems);
        problems.sort();
        let health = Health {
            problems: problems.0,
            broken: BrokenFiles::of(&loaded),
            unloadable: loaded.files.unloadable.clone(),
            left_out: loaded.left_out,
        };
        Ok((loaded.workspace, health))
    }

    pub fn count(&self) -> usize {
        self.problems.len()
    }

    /// How many records of `kind` are left out (named or not).
    pub fn unavailable(&self, kind: DocumentKind) -> usize {
        let named = match kind {
            DocumentKind::Site => self.left_out.sites.len(),
            DocumentKind::Structure => self.left_out.structures.len(),
            DocumentKind::Call => self.left_out.calls.len(),
            DocumentKind::Territory => 0,
        };
        let folder = kind.folder().map(Path::new);
        let unnamed = self
            .unloadable
            .iter()
            .filter(|p| folder.is_some() && p.parent() == folder)
            .count();
        named + unnamed
    }

    /// The broken file behind a record, if it was left out for that.
    pub fn file_of(&self, key: &RecordKey) -> Option<&Path> {
        self.broken.file_of(key)
    }

    /// The name of a structure left out, when its file decoded.
    pub fn structure_name(&self, id: &StructureId) -> Option<&str> {
        self.left_out
            .structures
            .iter()
            .find(|(_, s)| &s.id == id)
            .map(|(_, s)| s.name.as_str())
    }

    pub fn site_name(&self, id: &SiteId) -> Option<&str> {
        self.left_out
            .sites
            .iter()
            .find(|(_, s)| &s.id == id)
            .map(|(_, s)| s.name.as_str())
    }

    pub fn call_title(&self, id: &CallId) -> Option<&str> {
        self.left_out
            .calls
            .iter()
            .find(|(_, c)| &c.id == id)
            .map(|(_, c)| c.title.as_str())
    }

    /// What a broken file held, in words: « structure « Vélo Solidaire » », or none when it
    /// did not decode.
    pub fn record_in(&self, file: &Path) -> Option<(DocumentKind, &str)> {
        let left_out = &self.left_out;
        let site = left_out.sites.iter().find(|(p, _)| p == file);
        let structure = left_out.structures.iter().find(|(p, _)| p == file);
        let call = left_out.calls.iter().find(|(p, _)| p == file);
        site.map(|(_, s)| (DocumentKind::Site, s.name.as_str()))
            .or_else(|| structure.map(|(_, s)| (DocumentKind::Structure, s.name.as_str())))
            .or_else(|| call.map(|(_, c)| (DocumentKind::Call, c.title.as_str())))
    }
}
