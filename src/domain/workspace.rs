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
        self.site_index(id).map(|i| &self.sites[i])
    }

    pub fn structure(&self, id: &StructureId) -> Option<&Structure> {
        self.structure_index(id).map(|i| &self.structures[i])
    }

    pub fn call(&self, id: &CallId) -> Option<&Call> {
        self.calls.iter().find(|c| &c.id == id)
    }

    pub fn site_index(&self, id: &SiteId) -> Option<usize> {
        index_of(&self.sites, id, |s| &s.id)
    }

    pub fn structure_index(&self, id: &StructureId) -> Option<usize> {
        index_of(&self.structures, id, |s| &s.id)
    }
}

/// The record with `id`. The store reads records in file-name order, which is id order but
/// for a few ids (`a-b` before `a`) and records created since (appended): a binary search finds
/// almost every id among 100 000 in a few steps, and a scan finds the rest. The search answers
/// only when the id matches, so it answers as the scan does whatever the order: ids are unique
/// (a duplicate is a problem `check` reports; in id order the first of them is meant).
fn index_of<T, K: Ord>(records: &[T], id: &K, key: impl Fn(&T) -> &K) -> Option<usize> {
    match records.binary_search_by(|r| key(r).cmp(id)) {
        Ok(found) => Some(
            records[..found]
                .iter()
                .rposition(|r| key(r) != id)
                .map_or(0, |i| i + 1),
        ),
        Err(_) => records.iter().position(|r| key(r) == id),
    }
}

#[cfg(test)]
mod tests {
    use super::index_of;
    use proptest::prelude::*;

    proptest! {
        /// Sorted with duplicates, or in any order without: the scan's answer.
        #[test]
        fn index_of_is_the_scans_answer(
            ids in proptest::collection::vec(0u8..30, 0..40),
            sorted in any::<bool>(),
            id in 0u8..32,
        ) {
            let mut ids = ids;
            if sorted {
                ids.sort_unstable();
            } else {
                let mut seen = std::collections::HashSet::new();
                ids.retain(|x| seen.insert(*x));
            }
            prop_assert_eq!(index_of(&ids, &id, |x| x), ids.iter().position(|x| *x == id));
        }
    }
}
