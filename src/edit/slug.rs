//! New ids derived from names: « Les Copeaux Volants » becomes `les-copeaux-volants`, and
//! `les-copeaux-volants-2` when that id is taken. Ids are file names, so they stay portable
//! (lowercase ASCII letters, digits, dashes) whatever the officer typed.

use crate::i18n::fold::fold_text;

/// Longest id derived from a name: file names stay readable in a listing.
const MAX_LEN: usize = 60;

/// An id for `name` that `taken` does not hold. `fallback` is used when the name has no letter
/// or digit at all (« ??? »).
pub fn new_id(name: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = String::with_capacity(name.len());
    for c in fold_text(name).chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c.to_ascii_lowercase());
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    }
    let mut base = base.trim_end_matches('-').to_owned();
    if base.len() > MAX_LEN {
        base.truncate(MAX_LEN);
        base = base.trim_end_matches('-').to_owned();
    }
    if base.is_empty() {
        base = fallback.to_owned();
    }
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::is_slug;
    use proptest::prelude::*;

    #[test]
    fn names_fold_into_slugs() {
        let none = |_: &str| false;
        assert_eq!(
            new_id("Les Copeaux Volants", "x", none),
            "les-copeaux-volants"
        );
        assert_eq!(
            new_id("L’Œuvre — Pré-Saint-Gervais (93)", "x", none),
            "l-oeuvre-pre-saint-gervais-93"
        );
        assert_eq!(new_id("  ???  ", "structure", none), "structure");
    }

    #[test]
    fn taken_ids_get_a_number() {
        let taken = |id: &str| ["recyclerie", "recyclerie-2"].contains(&id);
        assert_eq!(new_id("Recyclerie", "x", taken), "recyclerie-3");
    }

    proptest! {
        #[test]
        fn every_name_gives_a_slug(name in "\\PC{0,80}") {
            let id = new_id(&name, "structure", |_| false);
            prop_assert!(is_slug(&id), "{id:?}");
            prop_assert!(id.len() <= MAX_LEN.max("structure".len()));
        }
    }
}
