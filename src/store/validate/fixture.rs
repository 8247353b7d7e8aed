//! Test support for the rules: the clean fixture workspace of `tests/fixtures/workspace` (the
//! same files the integration tests break on disk), and a runner for one rule family.

use crate::domain::Workspace;
use crate::store::files::WorkspaceFiles;
use crate::store::load::load_workspace;
use crate::store::problem::Problem;
use crate::store::validate::Context;
use std::path::{Path, PathBuf};

pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace")
}

/// The fixture workspace, which loads without a single problem.
pub fn workspace() -> Workspace {
    match load_workspace(&fixture_dir()) {
        Ok(workspace) => workspace,
        Err(problems) => panic!("the fixture workspace has problems:\n{problems}"),
    }
}

/// The problems one rule family finds in `workspace`, each item in the file named after its id.
pub fn run(workspace: &Workspace, check: fn(&Context<'_>, &mut Vec<Problem>)) -> Vec<Problem> {
    let files = WorkspaceFiles::named_after_ids(workspace);
    let cx = Context::new(workspace, &files);
    let mut out = Vec::new();
    check(&cx, &mut out);
    out
}

/// `file: field` of each problem, for terse assertions.
pub fn places(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| format!("{}: {}", p.file.display(), p.field))
        .collect()
}

#[test]
fn fixture_is_clean() {
    let ws = workspace();
    assert_eq!(ws.sites.len(), 2);
    assert_eq!(ws.structures.len(), 2);
    assert_eq!(ws.calls.len(), 1);
}
