//! Saving one item to its file, atomically, inside its envelope.
//!
//! A file that failed to load is never overwritten: before writing, `save` reads the file
//! currently on disk (if any) and refuses unless it decodes as a document of the same kind
//! and the same id. That check needs no state carried from the load (it holds however long
//! the program has been running, whoever edited the file meanwhile), and it also keeps a
//! newer ancrage's file from being downgraded.

use crate::domain::ids::is_slug;
use crate::domain::{Call, Site, Structure, Territory};
use crate::i18n::{Lang, NBSP};
use crate::store::atomic;
use crate::store::decode::decode;
use crate::store::document::{CallDocument, SiteDocument, StructureDocument, TerritoryDocument};
use crate::store::files::{TERRITORY_FILE, access_for, file_for};
use crate::store::kind::Document;
use crate::store::problem::Problem;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum SaveError {
    /// The id cannot be a file name (empty, `/`, `..`, uppercase…).
    NotASlug(String),
    /// The file on disk did not load; overwriting it would lose the officer's text.
    Unloadable(Box<Problem>),
    /// The file on disk holds another item (its id differs from its name): file, found, saved.
    OtherItem(PathBuf, String, String),
    Io(PathBuf, std::io::Error),
}

impl SaveError {
    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (SaveError::NotASlug(id), Lang::Fr) => format!(
                "«{NBSP}{id}{NBSP}» n'est pas un identifiant valide (minuscules, chiffres, tirets)"
            ),
            (SaveError::NotASlug(id), Lang::En) => {
                format!("`{id}` is not a valid id (lowercase letters, digits, dashes)")
            }
            (SaveError::Unloadable(problem), Lang::Fr) => format!(
                "{} n'a pas pu être chargé et n'est donc pas écrasé{NBSP}; corrigez-le d'abord{NBSP}:\n{}",
                problem.file.display(),
                problem.render(lang)
            ),
            (SaveError::Unloadable(problem), Lang::En) => format!(
                "{} failed to load, so it is not overwritten; fix it first:\n{}",
                problem.file.display(),
                problem.render(lang)
            ),
            (SaveError::OtherItem(file, found, saved), Lang::Fr) => format!(
                "{} contient «{NBSP}{found}{NBSP}», pas «{NBSP}{saved}{NBSP}»{NBSP}: il n'est pas écrasé",
                file.display()
            ),
            (SaveError::OtherItem(file, found, saved), Lang::En) => format!(
                "{} holds `{found}`, not `{saved}`: it is not overwritten",
                file.display()
            ),
            (SaveError::Io(file, e), Lang::Fr) => format!(
                "écriture de {} impossible{NBSP}: {}",
                file.display(),
                atomic::io_message(e, lang)
            ),
            (SaveError::Io(file, e), Lang::En) => format!(
                "cannot write {}: {}",
                file.display(),
                atomic::io_message(e, lang)
            ),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Fr))
    }
}

impl std::error::Error for SaveError {}

pub fn save_territory(dir: &Path, territory: &Territory) -> Result<PathBuf, SaveError> {
    save::<TerritoryDocument>(dir, PathBuf::from(TERRITORY_FILE), None, territory.clone())
}

pub fn save_site(dir: &Path, site: &Site) -> Result<PathBuf, SaveError> {
    save_item::<SiteDocument>(dir, site.id.as_str(), site.clone(), |s| s.id.as_str())
}

pub fn save_structure(dir: &Path, structure: &Structure) -> Result<PathBuf, SaveError> {
    save_item::<StructureDocument>(dir, structure.id.as_str(), structure.clone(), |s| {
        s.id.as_str()
    })
}

pub fn save_call(dir: &Path, call: &Call) -> Result<PathBuf, SaveError> {
    save_item::<CallDocument>(dir, call.id.as_str(), call.clone(), |c| c.id.as_str())
}

fn save_item<D: Document>(
    dir: &Path,
    id: &str,
    payload: D::Payload,
    id_of: fn(&D::Payload) -> &str,
) -> Result<PathBuf, SaveError> {
    if !is_slug(id) {
        return Err(SaveError::NotASlug(id.to_owned()));
    }
    save::<D>(dir, file_for(D::KIND, id), Some((id, id_of)), payload)
}

type IdCheck<'a, P> = Option<(&'a str, fn(&P) -> &str)>;

/// Writes `payload` to `dir/relative`, after checking the file there (if any) is safe to
/// replace. Returns the path written.
fn save<D: Document>(
    dir: &Path,
    relative: PathBuf,
    id: IdCheck<'_, D::Payload>,
    payload: D::Payload,
) -> Result<PathBuf, SaveError> {
    let path = dir.join(&relative);
    ensure_replaceable::<D>(&path, &relative, id)?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| SaveError::Io(relative.clone(), e))?;
    }
    atomic::write_json(&path, &D::wrap(payload), access_for(&relative))
        .map_err(|e| SaveError::Io(relative, e))?;
    Ok(path)
}

/// Refuses when the file at `path` exists but does not load as a document of this kind and
/// id: overwriting or deleting it would lose what the officer wrote there. Returns whether the
/// file exists.
fn ensure_replaceable<D: Document>(
    path: &Path,
    relative: &Path,
    id: IdCheck<'_, D::Payload>,
) -> Result<bool, SaveError> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let existing = decode::<D>(relative, text).map_err(SaveError::Unloadable)?;
            if let Some((id, id_of)) = id {
                let found = id_of(existing.document.payload());
                if found != id {
                    return Err(SaveError::OtherItem(
                        relative.to_owned(),
                        found.to_owned(),
                        id.to_owned(),
                    ));
                }
            }
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(SaveError::Io(relative.to_owned(), e)),
    }
}

pub fn remove_site(dir: &Path, id: &str) -> Result<Option<PathBuf>, SaveError> {
    remove_item::<SiteDocument>(dir, id, |s| s.id.as_str())
}

pub fn remove_structure(dir: &Path, id: &str) -> Result<Option<PathBuf>, SaveError> {
    remove_item::<StructureDocument>(dir, id, |s| s.id.as_str())
}

pub fn remove_call(dir: &Path, id: &str) -> Result<Option<PathBuf>, SaveError> {
    remove_item::<CallDocument>(dir, id, |c| c.id.as_str())
}

/// Deletes the file of item `id`, durably (its folder is synced), with the same care as a
/// save: a file that does not load as that item is left alone. Returns the path removed, none
/// when there was no file.
fn remove_item<D: Document>(
    dir: &Path,
    id: &str,
    id_of: fn(&D::Payload) -> &str,
) -> Result<Option<PathBuf>, SaveError> {
    if !is_slug(id) {
        return Err(SaveError::NotASlug(id.to_owned()));
    }
    let relative = file_for(D::KIND, id);
    let path = dir.join(&relative);
    if !ensure_replaceable::<D>(&path, &relative, Some((id, id_of)))? {
        return Ok(None);
    }
    std::fs::remove_file(&path).map_err(|e| SaveError::Io(relative.clone(), e))?;
    if let Some(parent) = path.parent() {
        std::fs::File::open(parent)
            .and_then(|folder| folder.sync_all())
            .map_err(|e| SaveError::Io(relative, e))?;
    }
    Ok(Some(path))
}
