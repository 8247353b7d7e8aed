//! Which file each item of a loaded workspace came from, and the layout that names them.

use crate::domain::Workspace;
use crate::store::atomic::Access;
use crate::store::kind::DocumentKind;
use std::path::{Path, PathBuf};

pub const TERRITORY_FILE: &str = "territory.json";

/// Relative path of the file holding `id` of `kind` (`sites/<id>.json`; `territory.json`).
pub fn file_for(kind: DocumentKind, id: &str) -> PathBuf {
    match kind.folder() {
        Some(folder) => Path::new(folder).join(format!("{id}.json")),
        None => PathBuf::from(TERRITORY_FILE),
    }
}

/// Who may read a workspace file (by its relative path): structures carry contact people,
/// reviews and the journal carry officers' names, notes and decisions — private (0600); the
/// rest describes places and calls — shared (0644).
pub fn access_for(relative: &Path) -> Access {
    let private_folders = [
        DocumentKind::Structure.folder(),
        Some(crate::session::files::REVIEWS_DIR),
    ];
    let top = relative
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str());
    if relative == Path::new(crate::store::journal::JOURNAL_FILE)
        || private_folders.iter().flatten().any(|f| top == Some(*f))
    {
        Access::Private
    } else {
        Access::Shared
    }
}

/// True when `dir` holds any part of a workspace (so `init` must not touch it).
pub fn contains_workspace(dir: &Path) -> bool {
    let markers = [
        DocumentKind::Territory,
        DocumentKind::Site,
        DocumentKind::Structure,
        DocumentKind::Call,
    ]
    .map(|kind| kind.folder().unwrap_or(TERRITORY_FILE));
    markers.iter().any(|m| dir.join(m).exists())
}

/// Workspace-relative paths parallel to the workspace's vectors (`sites[i]` came from
/// `sites[i]`), plus the files that could not be loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorkspaceFiles {
    /// False when `territory.json` failed to load: the workspace then carries an empty
    /// territory and the rules that need one stay silent rather than flag every city.
    pub territory_loaded: bool,
    pub sites: Vec<PathBuf>,
    pub structures: Vec<PathBuf>,
    pub calls: Vec<PathBuf>,
    /// Files that failed to decode. Their ids (file stems) still count as existing, so one
    /// broken site does not turn into "unknown site" in every call that offers it.
    pub unloadable: Vec<PathBuf>,
}

impl WorkspaceFiles {
    /// The layout a workspace would have if every item sat in the file named after its id
    /// (what `save` writes; what tests build).
    pub fn named_after_ids(workspace: &Workspace) -> Self {
        WorkspaceFiles {
            territory_loaded: true,
            sites: paths(
                DocumentKind::Site,
                workspace.sites.iter().map(|s| s.id.as_str()),
            ),
            structures: paths(
                DocumentKind::Structure,
                workspace.structures.iter().map(|s| s.id.as_str()),
            ),
            calls: paths(
                DocumentKind::Call,
                workspace.calls.iter().map(|c| c.id.as_str()),
            ),
            unloadable: Vec::new(),
        }
    }

    pub fn territory(&self) -> &Path {
        Path::new(TERRITORY_FILE)
    }

    /// Ids of the unloadable files of `kind` (their stems).
    pub fn unloadable_ids(&self, kind: DocumentKind) -> impl Iterator<Item = &str> {
        let folder = kind.folder().map(Path::new);
        self.unloadable
            .iter()
            .filter(move |p| folder.is_some() && p.parent() == folder)
            .filter_map(|p| p.file_stem()?.to_str())
    }
}

fn paths<'a>(kind: DocumentKind, ids: impl Iterator<Item = &'a str>) -> Vec<PathBuf> {
    ids.map(|id| file_for(kind, id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout() {
        assert_eq!(
            file_for(DocumentKind::Site, "friche"),
            Path::new("sites/friche.json")
        );
        assert_eq!(
            file_for(DocumentKind::Territory, "x"),
            Path::new("territory.json")
        );
    }

    #[test]
    fn personal_data_is_private() {
        assert_eq!(access_for(Path::new("structures/a.json")), Access::Private);
        assert_eq!(access_for(Path::new("reviews/a.json")), Access::Private);
        assert_eq!(access_for(Path::new("journal.jsonl")), Access::Private);
        assert_eq!(access_for(Path::new("sites/a.json")), Access::Shared);
        assert_eq!(access_for(Path::new("territory.json")), Access::Shared);
    }

    #[test]
    fn unloadable_ids_by_kind() {
        let files = WorkspaceFiles {
            unloadable: vec![
                PathBuf::from("sites/a.json"),
                PathBuf::from("calls/b.json"),
                PathBuf::from("territory.json"),
            ],
            ..Default::default()
        };
        assert_eq!(
            files.unloadable_ids(DocumentKind::Site).collect::<Vec<_>>(),
            ["a"]
        );
        assert_eq!(
            files.unloadable_ids(DocumentKind::Call).collect::<Vec<_>>(),
            ["b"]
        );
        assert_eq!(files.unloadable_ids(DocumentKind::Territory).count(), 0);
    }

    #[test]
    fn workspace_markers() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!contains_workspace(dir.path()));
        std::fs::create_dir(dir.path().join("calls")).unwrap();
        assert!(contains_workspace(dir.path()));
    }
}
