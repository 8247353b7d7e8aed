//! Any mutation of a valid file either still loads or yields located problems — never a panic.

mod common;

use ancrage::store::load::load_workspace;
use common::{fixture_copy, fixture_dir};
use proptest::prelude::*;
use proptest::sample::{Index, select};

const FILES: [&str; 6] = [
    "territory.json",
    "sites/friche-des-rives.json",
    "sites/hotel-activites.json",
    "structures/recyclerie-du-canal.json",
    "structures/velo-solidaire.json",
    "calls/tempo-2026.json",
];

/// Values a hand edit might leave where another was.
const SWAPS: [&str; 12] = [
    "-1",
    "0",
    "1e400",
    "99999999999999999999",
    "\"\"",
    "\"x\"",
    "null",
    "true",
    "[]",
    "{}",
    "\"2026-02-30\"",
    "-0.5",
];

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(Index),
    Replace(Index, char),
    Delete(Index),
    /// Replaces the value after the n-th `": "` by another JSON value.
    SwapValue(Index, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), any::<char>()).prop_map(|(i, c)| Mutation::Replace(i, c)),
        (
            any::<Index>(),
            select(&[',', '"', '{', '}', '[', ']', ':', '-', '1', 'é'][..])
        )
            .prop_map(|(i, c)| Mutation::Replace(i, c)),
        any::<Index>().prop_map(Mutation::Delete),
        (any::<Index>(), select(&SWAPS[..])).prop_map(|(i, v)| Mutation::SwapValue(i, v)),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let chars: Vec<char> = text.chars().collect();
    match mutation {
        Mutation::Truncate(i) => chars[..i.index(chars.len())].iter().collect(),
        Mutation::Replace(i, c) => {
            let mut chars = chars;
            let at = i.index(chars.len());
            chars[at] = *c;
            chars.into_iter().collect()
        }
        Mutation::Delete(i) => {
            let mut chars = chars;
            chars.remove(i.index(chars.len()));
            chars.into_iter().collect()
        }
        Mutation::SwapValue(i, value) => {
            let starts: Vec<usize> = text.match_indices("\": ").map(|(at, _)| at + 3).collect();
            let start = starts[i.index(starts.len())];
            let rest = &text[start..];
            // A scalar runs to the next delimiter; an object or array is replaced whole by
            // its first line, which also exercises unbalanced brackets.
            let end = rest.find([',', '}', ']', '\n']).unwrap_or(rest.len());
            format!("{}{value}{}", &text[..start], &rest[end..])
        }
    }
}

/// Every problem names a workspace file and says where in it (a line, or at least a field).
fn assert_located(problems: &ancrage::store::problem::Problems) -> Result<(), TestCaseError> {
    prop_assert!(!problems.is_empty());
    for p in problems {
        prop_assert!(
            !p.file.as_os_str().is_empty() && p.file.is_relative(),
            "unnamed file: {}",
            p
        );
        prop_assert!(
            p.line.is_some() || !p.field.is_empty(),
            "neither line nor field: {}",
            p
        );
        // Rendering never panics and names the file first.
        prop_assert!(p.to_string().starts_with(&*p.file.to_string_lossy()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mutated_file_loads_or_gives_located_problems(
        file in select(&FILES[..]),
        mutation in mutation(),
    ) {
        let original = std::fs::read_to_string(fixture_dir().join(file)).unwrap();
        let mutated = apply(&original, &mutation);
        let dir = fixture_copy();
        std::fs::write(dir.path().join(file), &mutated).unwrap();
        if let Err(problems) = load_workspace(dir.path()) {
            assert_located(&problems)?;
        }
    }
}

/// The same property on the real catalogue and demo (larger files, more shapes), in one
/// workspace made once: each case mutates one file, loads, and puts the file back.
#[test]
fn mutated_catalogue_file_loads_or_gives_located_problems() {
    use proptest::test_runner::{Config, TestRunner};
    let root = tempfile::tempdir().unwrap();
    let ws = root.path().join("ws");
    ancrage::store::init::init_workspace(&ws).unwrap();
    let mut files = Vec::new();
    for folder in ["sites", "structures", "calls"] {
        for entry in std::fs::read_dir(ws.join(folder)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            files.push(format!("{folder}/{name}"));
        }
    }
    files.push("territory.json".to_owned());
    files.sort();
    let mut runner = TestRunner::new(Config::with_cases(120));
    runner
        .run(&(select(files), mutation()), |(file, mutation)| {
            let path = ws.join(&file);
            let original = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, apply(&original, &mutation)).unwrap();
            let result = load_workspace(&ws);
            std::fs::write(&path, &original).unwrap();
            if let Err(problems) = result {
                assert_located(&problems)?;
            }
            Ok(())
        })
        .unwrap();
}
