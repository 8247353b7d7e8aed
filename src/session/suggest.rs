//! « Did you mean »: the known identifiers closest to a mistyped one.

/// Up to three candidates close to `wanted`: containing it (or contained in it), or within a
/// small edit distance. Closest first.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let wanted = wanted.to_lowercase();
    let budget = (wanted.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let lower = c.to_lowercase();
            let distance = edit_distance(&wanted, &lower);
            let related = lower.contains(&wanted) || wanted.contains(&lower);
            (distance <= budget || related).then_some((if related { 0 } else { distance }, c))
        })
        .collect();
    scored.sort();
    scored.dedup();
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_owned())
        .collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_parts() {
        let ids = ["recyclerie-bondy", "atelier-bois", "cantine-solidaire"];
        assert_eq!(closest("atelier-boi", ids), ["atelier-bois"]);
        assert_eq!(closest("cantine", ids), ["cantine-solidaire"]);
        assert!(closest("zzzzzzzz", ids).is_empty());
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
