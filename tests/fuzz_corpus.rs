//! Replays the fuzz corpus (`fuzz/corpus/<target>/*`, kept in the repository) through the same
//! entry points as the cargo-fuzz targets (`ancrage::fuzz`), so every input that ever crashed
//! one, and every seed, is checked on each `cargo test` without nightly.

use std::path::Path;

#[test]
fn the_fuzz_corpus_replays_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut replayed = 0;
    for (target, run) in ancrage::fuzz::TARGETS {
        let folder = root.join(target);
        let mut inputs: Vec<_> = std::fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
            .map(|e| e.expect("corpus entry").path())
            .filter(|p| p.is_file())
            .collect();
        inputs.sort();
        assert!(!inputs.is_empty(), "{target}: an empty corpus");
        for input in inputs {
            let bytes = std::fs::read(&input).expect("corpus file");
            let outcome = std::panic::catch_unwind(|| run(&bytes));
            assert!(outcome.is_ok(), "{target} panics on {}", input.display());
            replayed += 1;
        }
    }
    assert!(replayed >= 20, "only {replayed} inputs");
}

/// The targets also take what no corpus file holds: every prefix of a real file (a file cut
/// anywhere by a crash or a full disk).
#[test]
fn every_prefix_of_a_real_file_is_handled() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for (target, file) in [
        ("workspace_file", "structure.json"),
        ("journal", "three-decisions.jsonl"),
        ("review_state", "after-three-decisions.json"),
    ] {
        let bytes = std::fs::read(root.join(target).join(file)).expect("corpus file");
        let run = ancrage::fuzz::TARGETS
            .iter()
            .find(|(name, _)| *name == target)
            .map(|(_, run)| *run)
            .expect("target");
        for end in (0..=bytes.len()).step_by(7) {
            run(&bytes[..end]);
        }
    }
}
