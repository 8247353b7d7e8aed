//! Labels: short tags an officer puts on applications to sort them (« à revoir », « coup de cœur »).

use crate::review::ReviewError;
use std::collections::BTreeSet;

/// Longest label, in characters: labels are shown in table cells.
pub const MAX_LABEL_CHARS: usize = 32;

/// Trims every label and checks it; duplicates collapse (labels are a set).
pub fn clean_labels<I, S>(labels: I) -> Result<BTreeSet<String>, ReviewError>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    labels
        .into_iter()
        .map(|label| {
            let label = label.as_ref().trim();
            let valid = !label.is_empty()
                && label.chars().count() <= MAX_LABEL_CHARS
                && !label.contains([',', '\n', '\r']);
            if valid {
                Ok(label.to_owned())
            } else {
                Err(ReviewError::InvalidLabel(label.to_owned()))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_deduplicates() {
        let set = clean_labels([" à revoir", "à revoir ", "coup de cœur"]).unwrap();
        assert_eq!(
            set.into_iter().collect::<Vec<_>>(),
            ["coup de cœur", "à revoir"]
        );
    }

    #[test]
    fn rejects_blank_long_or_comma() {
        assert!(clean_labels(["  "]).is_err());
        assert!(clean_labels(["a,b"]).is_err());
        assert!(clean_labels(["x".repeat(33)]).is_err());
        assert!(clean_labels(["é".repeat(32)]).is_ok());
    }
}
