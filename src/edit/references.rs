//! A record cannot be removed while another record that stays still points at it: a structure
//! still applying to a call, a site still offered by a call or lived in on a pathway, a call
//! still holding applications. The refusal says which, so the officer knows what to change first.

use crate::domain::{Call, Structure, Workspace};
use crate::edit::{Edit, Record, RecordKey, Step};
use crate::i18n::{Lang, NBSP};
use std::collections::BTreeSet;

/// What still points at a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// A call (its title) offering the site or holding the structure's application.
    Call(String),
    /// A structure (its name) whose pathway went through the site.
    Structure(String),
    /// The call's own applications, so many.
    Applications(usize),
}

/// Why one removal is refused: the record and what still points at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub removed: RecordKey,
    /// The removed record's name (or title) as the officer knows it.
    pub name: String,
    pub held_by: Vec<Holder>,
}

/// The name (or title) of a record of the workspace, its id when it has none.
pub fn name_of(workspace: &Workspace, key: &RecordKey) -> String {
    match key {
        RecordKey::Territory => workspace.territory.name.clone(),
        RecordKey::Site(id) => workspace
            .site(id)
            .map_or(id.to_string(), |s| s.name.clone()),
        RecordKey::Structure(id) => workspace
            .structure(id)
            .map_or(id.to_string(), |s| s.name.clone()),
        RecordKey::Call(id) => workspace
            .call(id)
            .map_or(id.to_string(), |c| c.title.clone()),
    }
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        let name = &self.name;
        let holders: Vec<String> = self
            .held_by
            .iter()
            .map(|h| match (h, lang) {
                (Holder::Call(title), Lang::Fr) => format!("l’appel «{NBSP}{title}{NBSP}»"),
                (Holder::Call(title), Lang::En) => format!("the call “{title}”"),
                (Holder::Structure(name), Lang::Fr) => {
                    format!("le parcours de «{NBSP}{name}{NBSP}»")
                }
                (Holder::Structure(name), Lang::En) => format!("the pathway of “{name}”"),
                (Holder::Applications(n), Lang::Fr) => format!(
                    "{n} candidature{} de cet appel",
                    if *n > 1 { "s" } else { "" }
                ),
                (Holder::Applications(n), Lang::En) => format!(
                    "{n} application{} of this call",
                    if *n > 1 { "s" } else { "" }
                ),
            })
            .collect();
        // « 1 candidature … y renvoie », « 28 candidatures … y renvoient ».
        let plural = self.held_by.len() > 1
            || matches!(self.held_by.as_slice(), [Holder::Applications(n)] if *n > 1);
        let holders = holders.join(", ");
        match (lang, plural) {
            (Lang::Fr, false) => format!(
                "«{NBSP}{name}{NBSP}» ne peut pas être supprimé{NBSP}: {holders} y renvoie encore"
            ),
            (Lang::Fr, true) => format!(
                "«{NBSP}{name}{NBSP}» ne peut pas être supprimé{NBSP}: {holders} y renvoient encore"
            ),
            (Lang::En, false) => {
                format!("“{name}” cannot be deleted: {holders} still refers to it")
            }
            (Lang::En, true) => format!("“{name}” cannot be deleted: {holders} still refer to it"),
        }
    }
}

/// The records of one kind as they will be once the edit is applied: the workspace's, replaced
/// by the edit's new version, without those it removes, plus those it creates.
fn after<'a, T>(
    existing: &'a [T],
    edit: &'a Edit,
    key_of: impl Fn(&T) -> RecordKey,
    from_record: impl Fn(&'a Record) -> Option<&'a T>,
) -> Vec<&'a T> {
    let mut out: Vec<&T> = Vec::with_capacity(existing.len());
    let mut seen = BTreeSet::new();
    for item in existing {
        let key = key_of(item);
        let last = edit.steps.iter().rev().find(|s| match s {
            Step::Put(r) => r.key() == key,
            Step::Remove(k) => *k == key,
        });
        match last {
            None => out.push(item),
            Some(Step::Put(record)) => out.extend(from_record(record)),
            Some(Step::Remove(_)) => {}
        }
        seen.insert(key);
    }
    for step in &edit.steps {
        if let Step::Put(record) = step
            && let Some(item) = from_record(record)
            && seen.insert(key_of(item))
        {
            out.push(item);
        }
    }
    out
}

/// The removals of `edit` that something staying in the workspace still points at.
pub(crate) fn refusals(workspace: &Workspace, edit: &Edit) -> Vec<Refusal> {
    let removed: Vec<&RecordKey> = edit
        .steps
        .iter()
        .filter_map(|s| match s {
            Step::Remove(key) => Some(key),
            Step::Put(_) => None,
        })
        .collect();
    if removed.is_empty() {
        return Vec::new();
    }
    let calls: Vec<&Call> = after(
        &workspace.calls,
        edit,
        |c| RecordKey::Call(c.id.clone()),
        |r| match r {
            Record::Call(c) => Some(c),
            _ => None,
        },
    );
    let structures: Vec<&Structure> = after(
        &workspace.structures,
        edit,
        |s| RecordKey::Structure(s.id.clone()),
        |r| match r {
            Record::Structure(s) => Some(s),
            _ => None,
        },
    );
    let mut out = Vec::new();
    for key in removed {
        let mut held_by = Vec::new();
        match key {
            RecordKey::Territory => {}
            RecordKey::Structure(id) => held_by.extend(
                calls
                    .iter()
                    .filter(|c| c.applications.iter().any(|a| &a.structure == id))
                    .map(|c| Holder::Call(c.title.clone())),
            ),
            RecordKey::Site(id) => {
                held_by.extend(
                    calls
                        .iter()
                        .filter(|c| {
                            c.sites.contains(id)
                                || c.applications.iter().any(|a| a.sites.contains(id))
                        })
                        .map(|c| Holder::Call(c.title.clone())),
                );
                held_by.extend(
                    structures
                        .iter()
                        .filter(|s| s.pathway.iter().any(|e| e.site.as_ref() == Some(id)))
                        .map(|s| Holder::Structure(s.name.clone())),
                );
            }
            // The call's applications go with it: refused while there are any, so a call
            // under review is not lost by one key.
            RecordKey::Call(id) => {
                if let Some(call) = workspace.call(id)
                    && !call.applications.is_empty()
                {
                    held_by.push(Holder::Applications(call.applications.len()));
                }
            }
        }
        if !held_by.is_empty() {
            out.push(Refusal {
                removed: key.clone(),
                name: name_of(workspace, key),
                held_by,
            });
        }
    }
    out
}
