//! The records a session must never write: those of files with problems. The cockpit opens a
//! workspace whatever one file says (`store::load::load_workspace_usable`), leaving such
//! records out; a change that would put or remove one of them — the file named after its id,
//! or the record it holds under another name — is refused before it is journaled, so the
//! officer's text in that file stays as written until they fix it by hand.

use crate::domain::{CallId, SiteId, StructureId};
use crate::edit::RecordKey;
use crate::store::files::{TERRITORY_FILE, file_for};
use crate::store::kind::DocumentKind;
use crate::store::load::Loaded;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Records of broken files, each with the file that has the problem.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrokenFiles {
    by_key: BTreeMap<RecordKey, PathBuf>,
}

impl BrokenFiles {
    /// The broken files of a load: each file's own name, and the record it holds when it
    /// decoded (its id may differ from the name).
    pub fn of(loaded: &Loaded) -> BrokenFiles {
        let mut by_key = BTreeMap::new();
        for path in &loaded.broken {
            if let Some(key) = key_of_file(path) {
                by_key.insert(key, path.clone());
            }
        }
        let left_out = &loaded.left_out;
        for (path, site) in &left_out.sites {
            by_key.insert(RecordKey::Site(site.id.clone()), path.clone());
        }
        for (path, structure) in &left_out.structures {
            by_key.insert(RecordKey::Structure(structure.id.clone()), path.clone());
        }
        for (path, call) in &left_out.calls {
            by_key.insert(RecordKey::Call(call.id.clone()), path.clone());
        }
        BrokenFiles { by_key }
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// The broken file behind `key`, if any.
    pub fn file_of(&self, key: &RecordKey) -> Option<&Path> {
        self.by_key.get(key).map(PathBuf::as_path)
    }
}

/// The record a workspace file is named for: `structures/x.json` is structure `x`.
fn key_of_file(path: &Path) -> Option<RecordKey> {
    if path == Path::new(TERRITORY_FILE) {
        return Some(RecordKey::Territory);
    }
    let id = path.file_stem()?.to_str()?;
    let key = [
        DocumentKind::Site,
        DocumentKind::Structure,
        DocumentKind::Call,
    ]
    .into_iter()
    .find(|&kind| file_for(kind, id) == path)?;
    Some(match key {
        DocumentKind::Site => RecordKey::Site(SiteId::new(id)),
        DocumentKind::Structure => RecordKey::Structure(StructureId::new(id)),
        _ => RecordKey::Call(CallId::new(id)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_names_its_record() {
        assert_eq!(
            key_of_file(Path::new("structures/velo.json")),
            Some(RecordKey::Structure(StructureId::new("velo")))
        );
        assert_eq!(
            key_of_file(Path::new("territory.json")),
            Some(RecordKey::Territory)
        );
        assert_eq!(
            key_of_file(Path::new("calls/tempo.json")),
            Some(RecordKey::Call(CallId::new("tempo")))
        );
        assert_eq!(key_of_file(Path::new("reviews/tempo.json")), None);
        assert_eq!(key_of_file(Path::new("sites/a/b.json")), None);
    }
}
