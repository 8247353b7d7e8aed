//! The four kinds of workspace file, where each lives and how its envelope is keyed.

use crate::domain::{Call, Site, Structure, Territory};
use crate::store::document::{CallDocument, SiteDocument, StructureDocument, TerritoryDocument};
use serde::Serialize;
use serde::de::DeserializeOwned;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocumentKind {
    Territory,
    Site,
    Structure,
    Call,
}

impl DocumentKind {
    /// The key of the payload inside the envelope (`{"schema_version": 1, "site": {…}}`).
    pub fn envelope_key(self) -> &'static str {
        match self {
            DocumentKind::Territory => "territory",
            DocumentKind::Site => "site",
            DocumentKind::Structure => "structure",
            DocumentKind::Call => "call",
        }
    }

    /// The workspace folder holding one file per item, or none for the single territory file.
    pub fn folder(self) -> Option<&'static str> {
        match self {
            DocumentKind::Territory => None,
            DocumentKind::Site => Some("sites"),
            DocumentKind::Structure => Some("structures"),
            DocumentKind::Call => Some("calls"),
        }
    }
}

/// An on-disk envelope and the domain value it carries (plain data, so files decode on any
/// thread).
pub trait Document: Serialize + DeserializeOwned + Send {
    const KIND: DocumentKind;
    type Payload: Send;

    fn wrap(payload: Self::Payload) -> Self;
    fn payload(&self) -> &Self::Payload;
    fn into_payload(self) -> Self::Payload;
}

macro_rules! document_kind {
    ($document:ty, $payload:ty, $kind:ident, $field:ident) => {
        impl Document for $document {
            const KIND: DocumentKind = DocumentKind::$kind;
            type Payload = $payload;

            fn wrap(payload: $payload) -> Self {
                <$document>::new(payload)
            }

            fn payload(&self) -> &$payload {
                &self.$field
            }

            fn into_payload(self) -> $payload {
                self.$field
            }
        }
    };
}

document_kind!(TerritoryDocument, Territory, Territory, territory);
document_kind!(SiteDocument, Site, Site, site);
document_kind!(StructureDocument, Structure, Structure, structure);
document_kind!(CallDocument, Call, Call, call);
