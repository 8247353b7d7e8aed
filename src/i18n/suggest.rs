//! "Did you mean…?" for unknown ids and names: the closest candidates, by containment then edit
//! distance, so a typo or a partial id still leads somewhere (the CLI and the import share it).

/// Levenshtein distance over chars.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Up to `limit` ids close to `wanted`: those containing it (or contained in it) first, then
/// those within an edit distance of a third of its length.
pub fn closest<'a>(wanted: &str, ids: impl Iterator<Item = &'a str>, limit: usize) -> Vec<&'a str> {
    let wanted = wanted.to_lowercase();
    let tolerance = (wanted.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = ids
        .filter_map(|id| {
            if id.contains(&wanted) || (!id.is_empty() && wanted.contains(id)) {
                Some((0, id))
            } else {
                let d = distance(&wanted, id);
                (d <= tolerance).then_some((d, id))
            }
        })
        .collect();
    scored.sort();
    scored.into_iter().take(limit).map(|(_, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_partial_and_misspelt_ids() {
        let ids = ["usine-des-transitions", "ateliers-diderot", "mozinor"];
        assert_eq!(
            closest("usine", ids.into_iter(), 3),
            vec!["usine-des-transitions"]
        );
        assert_eq!(closest("mozinnor", ids.into_iter(), 3), vec!["mozinor"]);
        assert!(closest("zzzz", ids.into_iter(), 3).is_empty());
    }
}
