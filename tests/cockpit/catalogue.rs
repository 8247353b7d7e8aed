//! The shipped catalogue (embedded `sites/`) decoded into a workspace, for the tests that must
//! see what a new user sees on first run.

use ancrage::domain::Workspace;
use ancrage::store::document::{CallDocument, SiteDocument, StructureDocument, TerritoryDocument};
use ancrage::store::embedded;
use serde::de::DeserializeOwned;

fn decode<T: DeserializeOwned>(file: &str, text: &str) -> T {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("embedded {file}: {e}"))
}

/// Territory, catalogue sites, demo structures and calls, as `ancrage init` writes them.
pub fn workspace() -> Workspace {
    let mut territory = None;
    let (mut sites, mut structures, mut calls) = (Vec::new(), Vec::new(), Vec::new());
    for &(file, text) in embedded::files() {
        if file == "territory.json" {
            territory = Some(decode::<TerritoryDocument>(file, text).territory);
        } else if file.starts_with("catalogue/") {
            sites.push(decode::<SiteDocument>(file, text).site);
        } else if file.starts_with("demo/structures/") {
            structures.push(decode::<StructureDocument>(file, text).structure);
        } else if file.starts_with("demo/calls/") {
            calls.push(decode::<CallDocument>(file, text).call);
        }
    }
    Workspace {
        territory: territory.expect("embedded territory.json"),
        sites,
        structures,
        calls,
    }
}
