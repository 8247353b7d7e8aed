//! Changes to the officer's data itself — structures, sites, calls, the territory — as plain
//! values: what the forms, the import and the pathway commands produce, what the session
//! journals, saves and undoes. Pure: a workspace in memory and an edit in, the inverse out.
//!
//! An edit carries whole records (not field diffs): replaying it is idempotent, its inverse is
//! the records as they were, and the journal line alone is enough to redo the files it wrote.

mod references;
mod slug;

pub use references::{Holder, Refusal, name_of};
pub use slug::new_id;

use crate::domain::ids::is_slug;
use crate::domain::{Call, CallId, Site, SiteId, Structure, StructureId, Territory, Workspace};
use crate::i18n::{Lang, NBSP};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One record of the workspace, as saved in its own file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Record {
    Territory(Box<Territory>),
    Site(Box<Site>),
    Structure(Box<Structure>),
    Call(Box<Call>),
}

/// Which record: the territory, or an item of a kind by its id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKey {
    Territory,
    Site(SiteId),
    Structure(StructureId),
    Call(CallId),
}

impl Record {
    pub fn key(&self) -> RecordKey {
        match self {
            Record::Territory(_) => RecordKey::Territory,
            Record::Site(s) => RecordKey::Site(s.id.clone()),
            Record::Structure(s) => RecordKey::Structure(s.id.clone()),
            Record::Call(c) => RecordKey::Call(c.id.clone()),
        }
    }
}

impl RecordKey {
    /// The id as written in the file name (none for the territory).
    pub fn id(&self) -> Option<&str> {
        match self {
            RecordKey::Territory => None,
            RecordKey::Site(id) => Some(id.as_str()),
            RecordKey::Structure(id) => Some(id.as_str()),
            RecordKey::Call(id) => Some(id.as_str()),
        }
    }
}

/// One step of an edit: a record created or replaced whole, or removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Put(Record),
    Remove(RecordKey),
}

/// Why an edit was made, for the journal and the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditKind {
    /// Typed in a cockpit form or given on the command line.
    Input,
    /// Read from an application or site export.
    Import,
    /// A placement recorded on a structure's pathway.
    Placement,
    /// An impact-fund grant.
    Grant,
    /// Produced by undo or redo.
    Undo,
    Redo,
}

/// A change of the workspace's records, applied as a whole (one journal line, one undo).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edit {
    pub kind: EditKind,
    /// What the officer would call it (« Import de candidatures.csv »), for the journal reader.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub steps: Vec<Step>,
}

impl Edit {
    pub fn new(kind: EditKind, note: impl Into<String>, steps: Vec<Step>) -> Edit {
        Edit {
            kind,
            note: note.into(),
            steps,
        }
    }

    pub fn put(kind: EditKind, record: Record) -> Edit {
        Edit::new(kind, String::new(), vec![Step::Put(record)])
    }

    pub fn remove(kind: EditKind, key: RecordKey) -> Edit {
        Edit::new(kind, String::new(), vec![Step::Remove(key)])
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The records this edit writes or removes, in order, each once.
    pub fn keys(&self) -> Vec<RecordKey> {
        let mut keys: Vec<RecordKey> = Vec::new();
        for step in &self.steps {
            let key = match step {
                Step::Put(record) => record.key(),
                Step::Remove(key) => key.clone(),
            };
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }
}

/// Why an edit cannot be applied to the workspace as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The id cannot become a file name.
    NotASlug(String),
    /// Removing a record that is not there.
    Missing(RecordKey),
    /// Removing a record something else still points at.
    Refused(Vec<Refusal>),
    /// The territory can be changed, never removed.
    TerritoryRemoved,
}

impl EditError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditError::NotASlug(id), Lang::Fr) => format!(
                "«{NBSP}{id}{NBSP}» ne peut pas servir d’identifiant (minuscules, chiffres, tirets)"
            ),
            (EditError::NotASlug(id), Lang::En) => {
                format!("`{id}` cannot be an id (lowercase letters, digits, dashes)")
            }
            (EditError::Missing(key), Lang::Fr) => format!(
                "«{NBSP}{}{NBSP}» n’existe pas (ou plus) dans l’espace de travail",
                key.id().unwrap_or("territoire")
            ),
            (EditError::Missing(key), Lang::En) => format!(
                "`{}` is not (or no longer) in the workspace",
                key.id().unwrap_or("territory")
            ),
            (EditError::TerritoryRemoved, Lang::Fr) => {
                "le territoire se modifie mais ne se supprime pas".to_owned()
            }
            (EditError::TerritoryRemoved, Lang::En) => {
                "the territory can be changed, not deleted".to_owned()
            }
            (EditError::Refused(refusals), _) => refusals
                .iter()
                .map(|r| r.message(lang))
                .collect::<Vec<_>>()
                .join(lang.pick("\u{a0}; ", "; ")),
        }
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Fr))
    }
}

impl std::error::Error for EditError {}

/// The workspace's current version of `key`, as a record.
pub fn current(workspace: &Workspace, key: &RecordKey) -> Option<Record> {
    match key {
        RecordKey::Territory => Some(Record::Territory(Box::new(workspace.territory.clone()))),
        RecordKey::Site(id) => workspace
            .site(id)
            .map(|s| Record::Site(Box::new(s.clone()))),
        RecordKey::Structure(id) => workspace
            .structure(id)
            .map(|s| Record::Structure(Box::new(s.clone()))),
        RecordKey::Call(id) => workspace
            .call(id)
            .map(|c| Record::Call(Box::new(c.clone()))),
    }
}

/// Checks `edit` against `workspace` without changing it: ids usable as file names, removed
/// records present and no longer pointed at by what stays.
pub fn check(workspace: &Workspace, edit: &Edit) -> Result<(), EditError> {
    for key in edit.keys() {
        if let Some(id) = key.id()
            && !is_slug(id)
        {
            return Err(EditError::NotASlug(id.to_owned()));
        }
    }
    if edit
        .steps
        .iter()
        .any(|s| matches!(s, Step::Remove(RecordKey::Territory)))
    {
        return Err(EditError::TerritoryRemoved);
    }
    for step in &edit.steps {
        if let Step::Remove(key) = step
            && current(workspace, key).is_none()
            && !edit
                .steps
                .iter()
                .any(|s| matches!(s, Step::Put(r) if &r.key() == key))
        {
            return Err(EditError::Missing(key.clone()));
        }
    }
    let refusals = references::refusals(workspace, edit);
    if refusals.is_empty() {
        Ok(())
    } else {
        Err(EditError::Refused(refusals))
    }
}

/// Applies `edit` to `workspace` and returns its inverse (the records as they were): applying
/// the inverse puts the workspace back exactly. Nothing changes when the edit is refused.
pub fn apply(workspace: &mut Workspace, edit: &Edit) -> Result<Edit, EditError> {
    check(workspace, edit)?;
    Ok(apply_unchecked(workspace, edit))
}

/// Applies an edit already checked (or replayed from the journal, where it was checked when
/// first made): every step is carried out as far as it can be. Returns the inverse.
pub fn apply_unchecked(workspace: &mut Workspace, edit: &Edit) -> Edit {
    let undo = inverse(workspace, edit);
    for step in &edit.steps {
        match step {
            Step::Put(record) => put(workspace, record.clone()),
            Step::Remove(key) => remove(workspace, key),
        }
    }
    undo
}

/// The edit that puts back what `edit` would change in `workspace` (read only: the session
/// journals an edit and its inverse before anything is written).
pub fn inverse(workspace: &Workspace, edit: &Edit) -> Edit {
    // Each step is undone to the record as the steps before it left it.
    let mut overlay: BTreeMap<RecordKey, Option<Record>> = BTreeMap::new();
    let mut steps = Vec::with_capacity(edit.steps.len());
    for step in &edit.steps {
        let (key, after) = match step {
            Step::Put(record) => (record.key(), Some(record.clone())),
            Step::Remove(key) => (key.clone(), None),
        };
        let before = match overlay.get(&key) {
            Some(seen) => seen.clone(),
            None => current(workspace, &key),
        };
        steps.push(match before {
            Some(previous) => Step::Put(previous),
            None => Step::Remove(key.clone()),
        });
        overlay.insert(key, after);
    }
    steps.reverse();
    let kind = match edit.kind {
        EditKind::Undo => EditKind::Redo,
        _ => EditKind::Undo,
    };
    Edit::new(kind, edit.note.clone(), steps)
}

/// Replaces the record with the same key, or appends it (a new record goes last, as a new
/// file would sort after a reload only by chance: the order of the vectors carries no meaning).
fn put(workspace: &mut Workspace, record: Record) {
    fn upsert<T>(items: &mut Vec<T>, item: T, same: impl Fn(&T) -> bool) {
        match items.iter_mut().find(|i| same(i)) {
            Some(slot) => *slot = item,
            None => items.push(item),
        }
    }
    match record {
        Record::Territory(t) => workspace.territory = *t,
        Record::Site(s) => {
            let id = s.id.clone();
            upsert(&mut workspace.sites, *s, |x| x.id == id);
        }
        Record::Structure(s) => {
            let id = s.id.clone();
            upsert(&mut workspace.structures, *s, |x| x.id == id);
        }
        Record::Call(c) => {
            let id = c.id.clone();
            upsert(&mut workspace.calls, *c, |x| x.id == id);
        }
    }
}

fn remove(workspace: &mut Workspace, key: &RecordKey) {
    match key {
        RecordKey::Territory => {}
        RecordKey::Site(id) => workspace.sites.retain(|s| &s.id != id),
        RecordKey::Structure(id) => workspace.structures.retain(|s| &s.id != id),
        RecordKey::Call(id) => workspace.calls.retain(|c| &c.id != id),
    }
}

#[cfg(test)]
mod tests;
