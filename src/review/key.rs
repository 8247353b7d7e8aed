//! Which application a review entry is about: one structure applying for one site.

use crate::domain::{SiteId, StructureId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A structure applying to a call may wish several sites: each (structure, site) pair is
/// reviewed, and decided, on its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppKey {
    pub structure: StructureId,
    pub site: SiteId,
}

impl AppKey {
    pub fn new(structure: impl Into<StructureId>, site: impl Into<SiteId>) -> Self {
        AppKey {
            structure: structure.into(),
            site: site.into(),
        }
    }
}

impl fmt::Display for AppKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} × {}", self.structure, self.site)
    }
}
