//! Checks over a whole loaded workspace: what no single file's decode can see (references
//! between files, duplicates) and what the types allow but the territory does not (negative
//! surfaces, overlapping episodes…). Pure functions: workspace and file map in, problems out.
//!
//! One file per family of rules; each `check` appends what it finds to `out`.

mod episodes;
mod fund;
mod geography;
mod ids;
mod jobs;
mod money;
mod pathway;
mod periods;
mod references;
mod siret;
mod support;
mod surfaces;
mod weights;

#[cfg(test)]
pub(crate) mod fixture;

use crate::domain::{Money, Site, Workspace};
use crate::store::files::{WorkspaceFiles, file_for};
use crate::store::kind::DocumentKind;
use crate::store::problem::Problem;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// More than any budget, fee or grant the officer handles (100 000 000 €): a typo, not a figure.
pub const ABSURD_MONEY: Money = Money(Decimal::from_parts(100_000_000, 0, 0, false, 0));

/// Every problem of the workspace, rule family by rule family.
pub fn validate(workspace: &Workspace, files: &WorkspaceFiles) -> Vec<Problem> {
    let cx = Context::new(workspace, files);
    let mut out = Vec::new();
    for check in [
        ids::check,
        references::check,
        surfaces::check,
        money::check,
        periods::check,
        pathway::check,
        siret::check,
        jobs::check,
        weights::check,
        geography::check,
        episodes::check,
        fund::check,
        support::check,
    ] {
        check(&cx, &mut out);
    }
    out
}

/// What every rule reads: the workspace, where each of its items came from, and id indexes
/// built once (a workspace of 5 000 structures must not cost a scan per reference).
pub struct Context<'a> {
    pub workspace: &'a Workspace,
    pub files: &'a WorkspaceFiles,
    sites: HashMap<&'a str, &'a Site>,
    structures: HashSet<&'a str>,
    unloadable_sites: HashSet<&'a str>,
    unloadable_structures: HashSet<&'a str>,
}

impl<'a> Context<'a> {
    pub fn new(workspace: &'a Workspace, files: &'a WorkspaceFiles) -> Self {
        Context {
            workspace,
            files,
            sites: workspace
                .sites
                .iter()
                .rev()
                .map(|s| (s.id.as_str(), s))
                .collect(),
            structures: workspace.structures.iter().map(|s| s.id.as_str()).collect(),
            unloadable_sites: files.unloadable_ids(DocumentKind::Site).collect(),
            unloadable_structures: files.unloadable_ids(DocumentKind::Structure).collect(),
        }
    }

    /// The loaded site with this id (the first, if the id is duplicated).
    pub fn site(&self, id: &str) -> Option<&'a Site> {
        self.sites.get(id).copied()
    }

    pub fn territory_file(&self) -> PathBuf {
        self.files.territory().to_path_buf()
    }

    pub fn site_file(&self, index: usize) -> PathBuf {
        self.file(&self.files.sites, index, DocumentKind::Site, || {
            self.workspace.sites[index].id.to_string()
        })
    }

    pub fn structure_file(&self, index: usize) -> PathBuf {
        self.file(
            &self.files.structures,
            index,
            DocumentKind::Structure,
            || self.workspace.structures[index].id.to_string(),
        )
    }

    pub fn call_file(&self, index: usize) -> PathBuf {
        self.file(&self.files.calls, index, DocumentKind::Call, || {
            self.workspace.calls[index].id.to_string()
        })
    }

    fn file(
        &self,
        paths: &[PathBuf],
        index: usize,
        kind: DocumentKind,
        id: impl FnOnce() -> String,
    ) -> PathBuf {
        paths
            .get(index)
            .cloned()
            .unwrap_or_else(|| file_for(kind, &id()))
    }

    /// True when a site with this id exists, or a site file of that name failed to load (its
    /// problem is already reported; do not cascade it into every reference).
    pub fn site_exists(&self, id: &str) -> bool {
        self.sites.contains_key(id) || self.unloadable_sites.contains(id)
    }

    pub fn structure_exists(&self, id: &str) -> bool {
        self.structures.contains(id) || self.unloadable_structures.contains(id)
    }

    /// True when a call with this id exists or its file failed to load (already reported).
    pub fn call_exists(&self, id: &str) -> bool {
        self.workspace.calls.iter().any(|c| c.id.as_str() == id)
            || self
                .files
                .unloadable_ids(DocumentKind::Call)
                .any(|unloadable| unloadable == id)
    }

    /// True when the territory loaded, so city, sector and fund rules can run.
    pub fn territory_known(&self) -> bool {
        self.files.territory_loaded
    }
}
