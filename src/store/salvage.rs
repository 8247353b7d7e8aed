//! Finding the other errors of a file after its first one. serde stops at the first error;
//! an officer who mistyped three lots, a status and a date should hear about all of them at
//! once. So the parsed tree is repaired and decoded again, repeatedly, each error reported at
//! its path in the *original* file:
//!
//! - an error inside an array element drops the element (the lot, the episode, the
//!   application);
//! - an unknown field is removed;
//! - any other broken or missing field gets a stand-in: the value at the same path in a valid
//!   document shipped with the program (the embedded catalogue and demo).
//!
//! When the repaired tree decodes, the caller validates it too (surfaces, SIRET, references…),
//! ignoring whatever lies under a stand-in, so one round of `ancrage check` shows a file's
//! decode and validation problems together. The repaired document is never loaded as data.

use crate::store::embedded;
use crate::store::expected::Expected;
use crate::store::kind::{Document, DocumentKind};
use crate::store::problem::Problem;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

/// Enough to fix a file in one pass, few enough to read.
const MAX_PROBLEMS_PER_FILE: usize = 20;

/// serde_json's `arbitrary_precision` wraps a number it hands on as a map under this key: an
/// implementation detail that must not show in a field path.
pub const NUMBER_TOKEN: &str = "$serde_json::private::Number";

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// What salvaging a document found.
#[derive(Debug)]
pub struct Salvaged<D> {
    /// Every decode error, first one included.
    pub problems: Vec<Problem>,
    /// The document once repaired, when that decodes.
    pub repaired: Option<Repaired<D>>,
}

/// A document decoded after its broken parts were dropped or stood in for.
#[derive(Debug)]
pub struct Repaired<D> {
    pub document: D,
    /// Original indices dropped, by the original path of their array.
    dropped: HashMap<String, BTreeSet<usize>>,
    /// Original paths of the values replaced by a stand-in or removed.
    stood_in: Vec<String>,
}

impl<D> Repaired<D> {
    /// The path in the original file of a field of the repaired document; `None` when the
    /// field lies under a stand-in (a problem there would be about our value, not the file's).
    pub fn original_field(&self, field: &str) -> Option<String> {
        let steps = parse_field(field)?;
        let original = render(&original_steps(&steps, &self.dropped));
        let under = |stood: &String| {
            original == *stood
                || original
                    .strip_prefix(stood.as_str())
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        };
        (!self.stood_in.iter().any(under)).then_some(original)
    }
}

/// The decode errors of `value` (a whole document of type `D`), first one included, each at
/// its field path in the document as it was before any repair; and the repaired document.
pub fn salvage<D: Document>(file: &Path, mut value: Value) -> Salvaged<D> {
    let template = template(D::KIND);
    let mut dropped: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut stood_in = Vec::new();
    let mut seen = HashSet::new();
    let mut problems = Vec::new();
    let mut repaired = None;
    while problems.len() < MAX_PROBLEMS_PER_FILE {
        let error = match serde_path_to_error::deserialize::<_, D>(&value) {
            Ok(document) => {
                repaired = Some(Repaired {
                    document,
                    dropped: dropped.clone(),
                    stood_in: stood_in.clone(),
                });
                break;
            }
            Err(error) => error,
        };
        let Some(steps) = steps(error.path()) else {
            break;
        };
        let message = error.inner().to_string();
        let original = original_steps(&steps, &dropped);
        let field = render(&original);
        if !seen.insert((field.clone(), message.clone())) {
            break;
        }
        problems.push(Problem::new(
            file,
            field.clone(),
            Expected::ValidContent(message.clone()),
        ));
        if let Some(cut) = steps.iter().rposition(|s| matches!(s, Step::Index(_))) {
            let (Step::Index(current), Step::Index(original_index)) = (&steps[cut], &original[cut])
            else {
                break;
            };
            if !remove_element(&mut value, &steps[..cut], *current) {
                break;
            }
            dropped
                .entry(render(&original[..cut]))
                .or_default()
                .insert(*original_index);
            continue;
        }
        let (target, target_field) = match missing_field(&message) {
            Some(name) => {
                let mut target = steps.clone();
                target.push(Step::Key(name.to_owned()));
                let field = render(&target);
                (target, field)
            }
            None => (steps, field),
        };
        let stand_in = if message.starts_with("unknown field") {
            None
        } else {
            match template.as_ref().and_then(|t| lookup(t, &target)) {
                Some(v) => Some(v.clone()),
                // Nothing to stand in for a missing field: no way forward.
                None if missing_field(&message).is_some() => break,
                None => None,
            }
        };
        if !replace(&mut value, &target, stand_in) {
            break;
        }
        stood_in.push(target_field);
    }
    Salvaged { problems, repaired }
}

/// `name` in serde's "missing field `name`".
fn missing_field(message: &str) -> Option<&str> {
    message
        .strip_prefix("missing field `")?
        .split('`')
        .next()
        .filter(|name| !name.is_empty())
}

/// A valid document of `kind`, parsed once per salvage: the first embedded one.
fn template(kind: DocumentKind) -> Option<Value> {
    let prefix = match kind {
        DocumentKind::Territory => "territory.json",
        DocumentKind::Site => "catalogue/",
        DocumentKind::Structure => "demo/structures/",
        DocumentKind::Call => "demo/calls/",
    };
    let (_, text) = embedded::files_under(prefix).next()?;
    serde_json::from_str(text).ok()
}

fn lookup<'a>(value: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    steps.iter().try_fold(value, |node, step| match step {
        Step::Key(key) => node.get(key.as_str()),
        Step::Index(i) => node.get(*i),
    })
}

/// Sets (or, with `None`, removes) the value at `steps`; false when its parent is not there.
fn replace(value: &mut Value, steps: &[Step], new: Option<Value>) -> bool {
    let Some((Step::Key(key), parent)) = steps.split_last() else {
        return false;
    };
    let mut node = value;
    for step in parent {
        let next = match step {
            Step::Key(k) => node.get_mut(k.as_str()),
            Step::Index(i) => node.get_mut(*i),
        };
        match next {
            Some(next) => node = next,
            None => return false,
        }
    }
    let Some(object) = node.as_object_mut() else {
        return false;
    };
    match new {
        Some(new) => {
            object.insert(key.clone(), new);
            true
        }
        None => object.remove(key).is_some(),
    }
}

/// The path as steps (serde_json's number wrapper left out); `None` when it holds a segment
/// that is not a key or an index.
fn steps(path: &serde_path_to_error::Path) -> Option<Vec<Step>> {
    path.iter()
        .filter(|segment| {
            !matches!(segment, serde_path_to_error::Segment::Map { key } if key == NUMBER_TOKEN)
        })
        .map(|segment| match segment {
            serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.clone())),
            serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
            _ => None,
        })
        .collect()
}

/// `site.lots[2].surface` back into steps.
fn parse_field(field: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    if field.is_empty() {
        return Some(steps);
    }
    for part in field.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key.to_owned()));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']')?;
            steps.push(Step::Index(inner[..close].parse().ok()?));
            rest = &inner[close + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(steps)
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
fn remove_element(value: &mut Value, steps: &[Step], index: usize) -> bool {
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
        let problems = salvage::<SiteDocument>(Path::new("sites/s.json"), value).problems;
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
        let problems = salvage::<SiteDocument>(Path::new("s.json"), value).problems;
        assert_eq!(
            fields(&problems),
            [
                "site.lots[0].fee.unit",
                "site.lots[1].fee.unit",
                "site.lots[3].fee.unit"
            ]
        );
    }

    /// Issue 13, point 8: errors outside any list no longer end the search, and the repaired
    /// document maps its fields back to the file's (nothing under a stand-in).
    #[test]
    fn errors_outside_lists_and_the_repaired_document() {
        let mut value = site(
            vec![
                lot("a", json!("dix"), "per_m2_month"),
                lot("b", json!(10), "per_m2_month"),
            ],
            "ouvert",
        );
        value["site"]["couleur"] = json!("rouge");
        value["site"]["available_from"] = json!("hier");
        let salvaged = salvage::<SiteDocument>(Path::new("s.json"), value);
        let found = fields(&salvaged.problems);
        for field in [
            "site.lots[0].surface",
            "site.couleur",
            "site.available_from",
            "site.status",
        ] {
            assert!(found.contains(&field), "{found:?}");
        }
        let repaired = salvaged.repaired.expect("the repair decodes");
        assert_eq!(repaired.document.site.lots.len(), 1);
        assert_eq!(
            repaired.original_field("site.lots[0].surface").as_deref(),
            Some("site.lots[1].surface")
        );
        assert_eq!(repaired.original_field("site.status"), None);
        assert_eq!(
            repaired.original_field("site.city").as_deref(),
            Some("site.city")
        );
    }

    #[test]
    fn a_valid_document_has_none() {
        let value = site(vec![lot("a", json!(1), "flat_month")], "open");
        assert!(
            salvage::<SiteDocument>(Path::new("s.json"), value)
                .problems
                .is_empty()
        );
    }

    #[test]
    fn bounded() {
        let lots = (0..100)
            .map(|_| lot("x", json!("?"), "flat_month"))
            .collect();
        let problems = salvage::<SiteDocument>(Path::new("s.json"), site(lots, "open")).problems;
        assert_eq!(problems.len(), MAX_PROBLEMS_PER_FILE);
        assert_eq!(problems[19].field, "site.lots[19].surface");
    }
}
