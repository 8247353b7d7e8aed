//! Creating a workspace from the catalogue embedded in the binary.

use crate::i18n::{Lang, NBSP};
use crate::store::atomic;
use crate::store::embedded;
use crate::store::files::{TERRITORY_FILE, access_for, contains_workspace};
use std::fmt;
use std::path::{Path, PathBuf};

/// Where each embedded file goes in a new workspace (`None`: not part of a workspace).
fn destination(embedded_path: &str) -> Option<PathBuf> {
    if embedded_path == TERRITORY_FILE {
        return Some(PathBuf::from(TERRITORY_FILE));
    }
    let mapping = [
        ("catalogue/", "sites"),
        ("demo/structures/", "structures"),
        ("demo/calls/", "calls"),
    ];
    mapping.iter().find_map(|(prefix, folder)| {
        let name = embedded_path.strip_prefix(prefix)?;
        // Only files directly in the folder: the layout has no sub-folders.
        (!name.contains('/')).then(|| Path::new(folder).join(name))
    })
}

#[derive(Debug)]
pub enum InitError {
    /// The folder already holds (part of) a workspace: it is left untouched.
    Exists(PathBuf),
    /// The binary was built without a territory file (a packaging mistake).
    NoCatalogue,
    /// A file could not be written; files written before it stay (each one whole).
    Io(PathBuf, std::io::Error),
}

/// What `init` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub sites: usize,
    pub structures: usize,
    pub calls: usize,
}

/// Creates a workspace in `dir` (created if needed) from the embedded catalogue and demo.
/// Refuses, without touching anything, when `dir` already holds any part of a workspace.
pub fn init_workspace(dir: &Path) -> Result<Created, InitError> {
    init_from(dir, embedded::files())
}

fn init_from(dir: &Path, files: &[(&str, &str)]) -> Result<Created, InitError> {
    if contains_workspace(dir) {
        return Err(InitError::Exists(dir.to_path_buf()));
    }
    let planned: Vec<(PathBuf, &str)> = files
        .iter()
        .filter_map(|(path, text)| Some((destination(path)?, *text)))
        .collect();
    if !planned.iter().any(|(p, _)| p == Path::new(TERRITORY_FILE)) {
        return Err(InitError::NoCatalogue);
    }
    // The three folders exist even when empty, so the layout is visible from the start.
    for folder in ["sites", "structures", "calls"] {
        let path = dir.join(folder);
        std::fs::create_dir_all(&path).map_err(|e| InitError::Io(path, e))?;
    }
    let mut created = Created {
        sites: 0,
        structures: 0,
        calls: 0,
    };
    // The territory last: a workspace interrupted half-way has no territory.json, which
    // `check` reports, instead of looking complete.
    let (territory, items): (Vec<_>, Vec<_>) = planned
        .into_iter()
        .partition(|(p, _)| p == Path::new(TERRITORY_FILE));
    for (relative, text) in items.iter().chain(&territory) {
        let path = dir.join(relative);
        let access = access_for(relative);
        atomic::write(&path, text.as_bytes(), access, atomic::Existing::Replace)
            .map_err(|e| InitError::Io(path, e))?;
        match relative.parent().and_then(Path::to_str) {
            Some("sites") => created.sites += 1,
            Some("structures") => created.structures += 1,
            Some("calls") => created.calls += 1,
            _ => {}
        }
    }
    Ok(created)
}

impl InitError {
    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (InitError::Exists(dir), Lang::Fr) => format!(
                "{} contient déjà un espace de travail{NBSP}: rien n'a été modifié",
                dir.display()
            ),
            (InitError::Exists(dir), Lang::En) => format!(
                "{} already holds a workspace: nothing was changed",
                dir.display()
            ),
            (InitError::NoCatalogue, Lang::Fr) => {
                "ce programme a été compilé sans catalogue (sites/territory.json manquant)".into()
            }
            (InitError::NoCatalogue, Lang::En) => {
                "this program was built without a catalogue (sites/territory.json missing)".into()
            }
            (InitError::Io(path, e), Lang::Fr) => format!(
                "écriture de {} impossible{NBSP}: {}",
                path.display(),
                atomic::io_message(e, lang)
            ),
            (InitError::Io(path, e), Lang::En) => format!(
                "cannot write {}: {}",
                path.display(),
                atomic::io_message(e, lang)
            ),
        }
    }
}

impl fmt::Display for InitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Fr))
    }
}

impl std::error::Error for InitError {}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[(&str, &str)] = &[
        ("catalogue/friche.json", "{\"site\": 1}"),
        ("demo/calls/tempo.json", "{\"call\": 1}"),
        ("demo/structures/a.json", "{}"),
        ("demo/structures/b.json", "{}"),
        ("notes/readme.json", "{}"),
        ("territory.json", "{\"territory\": 1}"),
    ];

    #[test]
    fn layout_mapping() {
        assert_eq!(
            destination("territory.json"),
            Some(PathBuf::from("territory.json"))
        );
        assert_eq!(
            destination("catalogue/x.json"),
            Some(PathBuf::from("sites/x.json"))
        );
        assert_eq!(
            destination("demo/structures/x.json"),
            Some(PathBuf::from("structures/x.json"))
        );
        assert_eq!(
            destination("demo/calls/x.json"),
            Some(PathBuf::from("calls/x.json"))
        );
        assert_eq!(destination("catalogue/old/x.json"), None);
        assert_eq!(destination("other.json"), None);
    }

    #[test]
    fn creates_a_missing_folder_and_copies_bytes() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a/b");
        let created = init_from(&dir, FILES).unwrap();
        assert_eq!(
            created,
            Created {
                sites: 1,
                structures: 2,
                calls: 1
            }
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("sites/friche.json")).unwrap(),
            "{\"site\": 1}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("territory.json")).unwrap(),
            "{\"territory\": 1}"
        );
        assert!(!dir.join("notes").exists());
    }

    #[test]
    fn works_in_an_empty_or_unrelated_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        init_from(dir.path(), FILES).unwrap();
        assert!(dir.path().join("calls/tempo.json").is_file());
    }

    #[test]
    fn refuses_any_existing_workspace_part_without_touching_it() {
        for marker in ["territory.json", "sites", "structures", "calls"] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(marker);
            if marker.ends_with(".json") {
                std::fs::write(&path, "mine").unwrap();
            } else {
                std::fs::create_dir(&path).unwrap();
            }
            assert!(matches!(
                init_from(dir.path(), FILES),
                Err(InitError::Exists(_))
            ));
            let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
            assert_eq!(entries.len(), 1, "{marker}");
            if marker.ends_with(".json") {
                assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
            }
        }
    }

    #[test]
    fn refuses_without_a_territory() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            init_from(dir.path(), &FILES[..2]),
            Err(InitError::NoCatalogue)
        ));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
