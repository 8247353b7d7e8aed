//! Entry points for fuzzing: what the program does with bytes it did not write — a workspace
//! file, the decision journal, a saved review — each a function of the bytes alone that must
//! never panic, hang or report a problem it cannot place.
//!
//! The cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`, nightly, outside CI) call these; the test
//! `tests/fuzz_corpus.rs` replays the corpus kept in `fuzz/corpus/<target>/` through the same
//! functions on every `cargo test`, so a crash found once stays fixed.

use crate::domain::{CallId, Workspace};
use crate::i18n::{Lang, is_unsafe, printable, printable_lines};
use crate::review::{self, ReviewState};
use crate::session::JournalEntry;
use crate::session::files::decode_state;
use crate::store::document::{CallDocument, SiteDocument, StructureDocument, TerritoryDocument};
use crate::store::files::WorkspaceFiles;
use crate::store::journal;
use crate::store::kind::Document;
use crate::store::load::decode_file;
use crate::store::problem::Problem;
use crate::store::validate;
use std::path::{Path, PathBuf};

/// A fuzz target: its corpus folder's name and its entry point.
pub type Target = (&'static str, fn(&[u8]));

/// The fuzz targets, by the name of their corpus folder.
pub const TARGETS: [Target; 4] = [
    ("workspace_file", workspace_file),
    ("journal", journal),
    ("review_state", review_state),
    ("printable", printable_text),
];

/// The bytes as each kind of workspace file: decoded, or every problem placed and worded;
/// a decoded site, structure or call validated against the embedded territory.
pub fn workspace_file(data: &[u8]) {
    as_kind::<TerritoryDocument>(data, "territory.json", |_| {});
    as_kind::<SiteDocument>(data, "sites/x.json", |site| {
        validate_alone(|ws| ws.sites.push(site));
    });
    as_kind::<StructureDocument>(data, "structures/x.json", |structure| {
        validate_alone(|ws| ws.structures.push(structure));
    });
    as_kind::<CallDocument>(data, "calls/x.json", |call| {
        validate_alone(|ws| ws.calls.push(call));
    });
}

fn as_kind<D: Document>(data: &[u8], path: &str, then: impl FnOnce(D::Payload)) {
    let result = decode_file::<D>(PathBuf::from(path), data.to_vec());
    match result.outcome {
        Ok(decoded) => then(decoded.payload),
        Err(failed) => {
            assert!(!failed.problems.is_empty(), "a failure says why");
            for problem in &failed.problems {
                check_problem(problem, path);
            }
        }
    }
}

/// Validation of one item beside the embedded territory: problems, never a panic.
fn validate_alone(add: impl FnOnce(&mut Workspace)) {
    let mut workspace = Workspace {
        territory: crate::cli::demo_data::embedded_territory()
            .unwrap_or_else(|e| panic!("embedded territory: {e}")),
        sites: Vec::new(),
        structures: Vec::new(),
        calls: Vec::new(),
    };
    add(&mut workspace);
    let files = WorkspaceFiles::named_after_ids(&workspace);
    for problem in validate::validate(&workspace, &files) {
        for lang in [Lang::Fr, Lang::En] {
            let _ = problem.render(lang);
        }
    }
}

fn check_problem(problem: &Problem, path: &str) {
    assert_eq!(problem.file, Path::new(path), "blamed on its own file");
    for lang in [Lang::Fr, Lang::En] {
        let text = problem.render(lang);
        assert!(!text.contains("$serde_json"), "{text}");
        assert!(
            !printable_lines(&text)
                .chars()
                .any(|c| c != '\n' && is_unsafe(c))
        );
    }
}

/// The bytes as `journal.jsonl`: read (torn tail dropped, corruption located), then the review
/// entries replayed onto a fresh review of the demo call, as a session does on open.
pub fn journal(data: &[u8]) {
    let path = Path::new("journal.jsonl");
    let read = match journal::parse::<JournalEntry>(path, data) {
        Ok(read) => read,
        Err(e) => {
            let _ = (e.message(Lang::Fr), e.message(Lang::En));
            return;
        }
    };
    assert_eq!(read.entries.len(), read.lines.len());
    assert!(read.valid_len as usize <= data.len());
    let Some(call) = demo_call() else { return };
    let mut state = ReviewState::fresh(&call);
    for entry in &read.entries {
        let Some(change) = entry.change_for(&call.id) else {
            continue;
        };
        for key in change.keys() {
            state.applications.entry(key.clone()).or_default();
        }
        if let Err(e) = review::apply(&mut state, change, &entry.who, entry.at) {
            let _ = (e.message(Lang::Fr), e.message(Lang::En));
        }
    }
}

/// The bytes as `reviews/tempo-2026.json`.
pub fn review_state(data: &[u8]) {
    let call = CallId::new("tempo-2026");
    match decode_state(PathBuf::from("reviews/tempo-2026.json"), data, &call) {
        Ok(state) => {
            // What is read is what is written back.
            let text = serde_json::to_string(&state).unwrap_or_default();
            let again: Result<ReviewState, _> = serde_json::from_str(&text);
            assert!(
                again.is_ok_and(|a| a == state),
                "a review state round-trips"
            );
        }
        Err(e) => {
            let _ = (e.message(Lang::Fr), e.message(Lang::En));
        }
    }
}

/// The bytes as stored text shown on a terminal: nothing unsafe survives.
pub fn printable_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    assert!(!printable(&text).chars().any(is_unsafe));
    let lines = printable_lines(&text);
    assert!(!lines.chars().any(|c| c != '\n' && is_unsafe(c)));
    assert_eq!(lines.matches('\n').count(), text.matches('\n').count());
}

/// The demo call shipped in the binary.
fn demo_call() -> Option<crate::domain::Call> {
    let (_, text) = crate::store::embedded::files_under("demo/calls/").next()?;
    serde_json::from_str::<CallDocument>(text)
        .ok()
        .map(|d| d.call)
}
