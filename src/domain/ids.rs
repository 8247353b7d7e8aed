//! Identifier newtypes, so a site id can never be passed where a structure id is expected.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
        )]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }
    };
}

string_id!(
    /// Slug of a site, also its file name in the workspace (`sites/<id>.json`).
    SiteId
);
string_id!(
    /// Identifier of a lot, unique within its site.
    LotId
);
string_id!(
    /// Slug of a structure, also its file name (`structures/<id>.json`).
    StructureId
);
string_id!(
    /// Slug of a call, also its file name (`calls/<id>.json`).
    CallId
);
string_id!(
    /// INSEE code of a city, e.g. `93048` for Montreuil.
    InseeCode
);
string_id!(
    /// Stable code of a sector in the taxonomy, e.g. `reemploi`.
    SectorCode
);

/// True when `id` is a usable slug: lowercase ASCII letters, digits and `-`, not empty,
/// not starting or ending with `-`. Slugs become file names, so they must be portable.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True for a well-formed INSEE code: five digits, or `2A`/`2B` and three digits (Corsica).
pub fn is_insee_code(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 5
        && (bytes.iter().all(u8::is_ascii_digit)
            || (bytes[0] == b'2'
                && matches!(bytes[1], b'A' | b'B')
                && bytes[2..].iter().all(u8::is_ascii_digit)))
}

/// True for what a structure's home city may hold when the city lies outside the territory:
/// its INSEE code, or — when an application gave only a name — that name as written (letters,
/// no digit, so a mistyped code such as `9304` is still caught).
pub fn is_outside_city(text: &str) -> bool {
    is_insee_code(text)
        || (!text.trim().is_empty()
            && text.trim() == text
            && !text.chars().any(|c| c.is_ascii_digit() || c.is_control()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insee_codes_and_outside_cities() {
        assert!(is_insee_code("93048"));
        assert!(is_insee_code("2A004"));
        assert!(!is_insee_code("9304"));
        assert!(is_outside_city("75056"));
        assert!(is_outside_city("Paris"));
        assert!(!is_outside_city("9399"));
        assert!(!is_outside_city(" Paris"));
    }

    #[test]
    fn slugs() {
        assert!(is_slug("usine-des-transitions"));
        assert!(is_slug("tempo-2026"));
        assert!(!is_slug(""));
        assert!(!is_slug("Usine"));
        assert!(!is_slug("a/b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug("é"));
    }
}
