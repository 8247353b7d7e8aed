//! On-disk envelopes: every workspace file is `{ "schema_version": N, "<kind>": { … } }`.
//!
//! The payload is nested rather than flattened so that `deny_unknown_fields` keeps working and
//! serde_json can report the line and column of a type error (flattening buffers the content and
//! loses both).

use crate::domain::{Call, Site, Structure, Territory};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The file format version this program writes. Older files are migrated on load
/// (see `migrate`); newer ones are refused.
pub const SCHEMA_VERSION: u32 = 2;

macro_rules! document {
    ($name:ident, $field:ident, $ty:ty) => {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            pub schema_version: u32,
            pub $field: $ty,
        }

        impl $name {
            pub fn new($field: $ty) -> Self {
                Self {
                    schema_version: SCHEMA_VERSION,
                    $field,
                }
            }
        }
    };
}

document!(TerritoryDocument, territory, Territory);
document!(SiteDocument, site, Site);
document!(StructureDocument, structure, Structure);
document!(CallDocument, call, Call);
