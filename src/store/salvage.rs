//! Finding the other errors of a file after its first one. serde stops at the first error;
//! an officer who mistyped three lots should hear about all three at once. So: drop the array
//! element holding the error (the lot, the episode, the application) from the parsed tree,
//! decode again, and repeat — reporting each error at its path in the *original* file.
//!
//! Errors outside any array end the search (there is nothing safe to drop), so a file reports
//! every broken array element plus at most one other error.

use crate::store::expected::Expected;
use crate::store::kind::Document;
use crate::store::problem::Problem;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

/// Enough to fix a file in one pass, few enough to read.
const MAX_PROBLEMS_PER_FILE: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The decode errors of `value` (a whole document of type `D`), first one included, each at
/// its field path in the document as it was before any element was dropped.
pub fn decode_errors<D: Document>(file: &Path, mut value: Value) -> Vec<Problem> {
    // Original indices dropped so far, by the original path of their array.
    let mut dropped: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    while out.len() < MAX_PROBLEMS_PER_FILE {
        let error = match serde_path_to_error::deserialize::<_, D>(&value) {
            Ok(_) => break,
            Err(error) => error,
        };
        let Some(steps) = steps(error.path()) else {
            break;
        };
        let original = original_steps(&steps, &dropped);
        let field = render(&original);
        if !seen.insert(field.clone()) {
            break;
        }
        out.push(Problem::new(
            file,
            field,
            Expected::ValidContent(error.inner().to_string()),
        ));
        let Some(cut) = steps.iter().rposition(|s| matches!(s, Step::Index(_))) else {
            break;
        };
        let (Step::Index(current), Step::Index(original_index)) = (&steps[cut], &original[cut])
        else {
            break;
        };
        if !remove(&mut value, &steps[..cut], *current) {
            break;
        }
        dropped
            .entry(render(&original[..cut]))
            .or_default()
            .insert(*original_index);
    }
    out
}

/// The path as steps; `None` when it holds a segment that is not a key or an index.
fn steps(path: &serde_path_to_error::Path) -> Option<Vec<Step>> {
    path.iter()
        .map(|segment| match segment {
            serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.clone())),
            serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
            _ => None,
        })
        .collect()
}

/// Maps indices of the pruned tree back to the original file's.
fn original_steps(steps: &[Step], dropped: &HashMap<String, BTreeSet<usize>>) -> Vec<Step> {
    let mut original: Vec<Step> = Vec::with_capacity(steps.len());
    for step in steps {
        let mapped = match step {
            Step::Key(key) => Step::Key(key.clone()),
            Step::Index(current) => {
                let gone = dropped.get(&render(&original));
                // The `current`-th index that was not dropped.
                let index = (0..)
                    .filter(|i| gone.is_none_or(|g| !g.contains(i)))
                    .nth(*current)
                    .unwrap_or(*current);
                Step::Index(index)
            }
        };
        original.push(mapped);
    }
    original
}

/// `site.lots[2].surface`, as serde_path_to_error writes it.
fn render(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

/// Removes element `index` of the array at `steps`; false when there is no such element.
fn remove(value: &mut Value, steps: &[Step], index: usize) -> bool {
    let mut node = value;
    for step in steps {
        let next = match step {
            Step::Key(key) => node.get_mut(key.as_str()),
            Step::Index(i) => node.get_mut(*i),
        };
        match next {
            Some(next) => node = next,
            None => return false,
        }
    }
    match node.as_array_mut() {
        Some(array) if index < array.len() => {
            array.remove(index);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::document::SiteDocument;
    use serde_json::json;

    fn lot(id: &str, surface: Value, unit: &str) -> Value {
        json!({
            "id": id, "label": id, "surface": surface, "use_type": "office", "divisible": false,
            "fee": {"amount": 1, "unit": unit, "charges_included": true}
        })
    }

    fn site(lots: Vec<Value>, status: &str) -> Value {
        json!({
            "schema_version": 1,
            "site": {
                "id": "s", "name": "S", "programme": "tempo", "kind": "transitional",
                "city": "93010", "address": "a", "lat": 48.9, "lon": 2.45, "owner": "o",
                "available_from": "2026-01-01", "lots": lots, "status": status
            }
        })
    }

    fn fields(problems: &[Problem]) -> Vec<&str> {
        problems.iter().map(|p| p.field.as_str()).collect()
    }

    #[test]
    fn every_broken_lot_then_the_next_error() {
        let value = site(
            vec![
                lot("a", json!(10), "per_m2_month"),
                lot("b", json!("dix"), "per_m2_month"),
                lot("c", json!(10), "per_m2_month"),
                lot("d", json!(10), "au_mois"),
                lot("e", json!(10), "flat_month"),
            ],
            "ouvert",
        );
        let problems = decode_errors::<SiteDocument>(Path::new("sites/s.json"), value);
        assert_eq!(
            fields(&problems),
            [
                "site.lots[1].surface",
                "site.lots[3].fee.unit",
                "site.status"
            ]
        );
    }

    #[test]
    fn consecutive_broken_elements_keep_their_original_indices() {
        let bad = || lot("x", json!(-1), "nope");
        let value = site(
            vec![bad(), bad(), lot("ok", json!(1), "flat_month"), bad()],
            "open",
        );
        let problems = decode_errors::<SiteDocument>(Path::new("s.json"), value);
        assert_eq!(
            fields(&problems),
            [
                "site.lots[0].fee.unit",
                "site.lots[1].fee.unit",
                "site.lots[3].fee.unit"
            ]
        );
    }

    #[test]
    fn a_valid_document_has_none() {
        let value = site(vec![lot("a", json!(1), "flat_month")], "open");
        assert!(decode_errors::<SiteDocument>(Path::new("s.json"), value).is_empty());
    }

    #[test]
    fn bounded() {
        let lots = (0..100)
            .map(|_| lot("x", json!("?"), "flat_month"))
            .collect();
        let problems = decode_errors::<SiteDocument>(Path::new("s.json"), site(lots, "open"));
        assert_eq!(problems.len(), MAX_PROBLEMS_PER_FILE);
        assert_eq!(problems[19].field, "site.lots[19].surface");
    }
}
