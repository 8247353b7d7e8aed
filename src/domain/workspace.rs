//! The whole of the officer's data, in memory.

use crate::domain::{Call, CallId, Site, SiteId, Structure, StructureId, Territory};

/// Everything ancrage knows: the territory settings, the sites, the structures and the calls.
/// Loaded and saved by `crate::store`; read by every layer above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    pub territory: Territory,
    pub sites: Vec<Site>,
    pub structures: Vec<Structure>,
    pub calls: Vec<Call>,
}

impl Workspace {
    pub fn site(&self, id: &SiteId) -> Option<&Site> {
        self.sites.iter().find(|s| &s.id == id)
    }

    pub fn structure(&self, id: &StructureId) -> Option<&Structure> {
        self.structures.iter().find(|s| &s.id == id)
    }

    pub fn call(&self, id: &CallId) -> Option<&Call> {
        self.calls.iter().find(|c| &c.id == id)
    }

    pub fn site_index(&self, id: &SiteId) -> Option<usize> {
        self.sites.iter().position(|s| &s.id == id)
    }

    pub fn structure_index(&self, id: &StructureId) -> Option<usize> {
        self.structures.iter().position(|s| &s.id == id)
    }
}
