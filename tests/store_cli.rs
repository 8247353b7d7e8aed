//! The real binary on real folders: `init`, `check`, `schema`, and the first-run summary.

mod common;

use common::{edit, fixture_copy, replace_once, snapshot};
use std::path::Path;
use std::process::{Command, Output};

fn ancrage(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .args(args)
        .env_remove("ANCRAGE_WORKSPACE")
        .output()
        .expect("run ancrage")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

#[test]
fn init_then_check_is_clean() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("ws");
    let init = ancrage(&["init", path(&dir)]);
    assert!(init.status.success(), "{}", text(&init.stderr));
    assert!(text(&init.stdout).contains("Espace de travail créé dans"));
    let check = ancrage(&["check", "--workspace", path(&dir)]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    assert!(
        text(&check.stdout).starts_with("OK\u{a0}:"),
        "{}",
        text(&check.stdout)
    );
    assert!(check.stderr.is_empty());
}

#[test]
fn init_refuses_an_existing_workspace_and_changes_nothing() {
    let dir = fixture_copy();
    let before = snapshot(dir.path());
    let out = ancrage(&["init", path(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("contient déjà un espace de travail"));
    assert!(out.stdout.is_empty());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn init_uses_the_workspace_flag_when_no_dir_is_given() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("from-env");
    let out = Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .arg("init")
        .env("ANCRAGE_WORKSPACE", &dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.join("territory.json").is_file());
}

#[test]
fn first_run_creates_the_workspace_then_summarises_it() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("first");
    let out = ancrage(&["summary", "--workspace", path(&dir), "--lang", "en"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!("Workspace created in {}", dir.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("Workspace: {}", dir.display())),
        "{stdout}"
    );
    assert!(stdout.contains("by kind"), "{stdout}");
    // The second run finds it and does not recreate it.
    let again = ancrage(&["summary", "--workspace", path(&dir)]);
    assert!(
        !text(&again.stdout).contains("créé"),
        "{}",
        text(&again.stdout)
    );
}

#[test]
fn check_without_workspace_says_to_init() {
    let root = tempfile::tempdir().unwrap();
    let out = ancrage(&["check", "--workspace", path(&root.path().join("none"))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("ancrage init"));
    assert_eq!(
        text(&out.stderr).lines().count(),
        1,
        "an error is printed once"
    );
}

/// Issue 2's "Done when": break four files, `check` names every one and changes nothing.
#[test]
fn broken_workspace_is_reported_file_by_file_without_a_byte_changed() {
    let dir = fixture_copy();
    let ws = dir.path();
    edit(ws, "calls/tempo-2026.json", |t| t[..t.len() / 3].to_owned());
    edit(ws, "sites/hotel-activites.json", |t| {
        replace_once(t, "\"city\": \"93048\"", "\"city\": \"75056\"")
    });
    edit(ws, "structures/velo-solidaire.json", |t| {
        replace_once(
            t,
            "\"id\": \"velo-solidaire\"",
            "\"id\": \"recyclerie-du-canal\"",
        )
    });
    edit(ws, "sites/friche-des-rives.json", |t| {
        replace_once(t, "\"surface\": 1200,", "\"surface\": -1200,")
    });
    let before = snapshot(ws);

    let out = ancrage(&["check", "--workspace", path(ws)]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    for expected in [
        "calls/tempo-2026.json:",
        "sites/hotel-activites.json:8:13: site.city = \"75056\"",
        "structures/velo-solidaire.json:4:11: structure.id = \"recyclerie-du-canal\"",
        "sites/friche-des-rives.json:30:20: site.lots[1].surface = -1200",
    ] {
        assert!(
            stdout.lines().any(|l| l.starts_with(expected)),
            "missing `{expected}` in:\n{stdout}"
        );
    }
    assert!(
        stdout
            .trim_end()
            .ends_with("5\u{a0}problèmes dans 4\u{a0}fichiers"),
        "{stdout}"
    );

    // The summary still opens a broken workspace, warns, and writes nothing either.
    let summary = ancrage(&["summary", "--workspace", path(ws)]);
    assert!(summary.status.success());
    assert!(text(&summary.stdout).contains("5\u{a0}problèmes"));

    assert_eq!(snapshot(ws), before, "check and the summary must not write");
}

/// The first `"key": value` of `text` with its value replaced (the catalogue's wording may
/// change; its keys will not).
fn replace_first_value(text: String, key: &str, new_value: &str) -> String {
    let pattern = format!("\"{key}\": ");
    let start = text.find(&pattern).expect("key present") + pattern.len();
    let end = start + text[start..].find([',', '\n', '}']).expect("value ends");
    format!("{}{new_value}{}", &text[..start], &text[end..])
}

fn first_file(dir: &Path, folder: &str) -> String {
    let mut names: Vec<_> = std::fs::read_dir(dir.join(folder))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    format!("{folder}/{}", names[0])
}

/// The same Done-when, on a workspace freshly created from the embedded catalogue.
#[test]
fn breaking_a_fresh_workspace_from_the_catalogue() {
    let root = tempfile::tempdir().unwrap();
    let ws = root.path().join("ws");
    assert!(ancrage(&["init", path(&ws)]).status.success());
    let call = first_file(&ws, "calls");
    let site = first_file(&ws, "sites");
    let structures = {
        let mut all: Vec<_> = std::fs::read_dir(ws.join("structures"))
            .unwrap()
            .map(|e| {
                format!(
                    "structures/{}",
                    e.unwrap().file_name().into_string().unwrap()
                )
            })
            .collect();
        all.sort();
        all
    };
    let (first_structure, second_structure) = (&structures[0], &structures[1]);
    let first_id = first_structure
        .trim_start_matches("structures/")
        .trim_end_matches(".json");

    edit(&ws, &call, |t| t[..t.len() / 2].to_owned());
    edit(&ws, &site, |t| replace_first_value(t, "city", "\"99999\""));
    edit(&ws, second_structure, |t| {
        replace_first_value(t, "id", &format!("\"{first_id}\""))
    });
    edit(&ws, &site, |t| replace_first_value(t, "surface", "-40"));
    let before = snapshot(&ws);

    let out = ancrage(&["check", "--workspace", path(&ws)]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines_about = |file: &str, field: &str| {
        stdout
            .lines()
            .filter(|l| l.starts_with(&format!("{file}:")) && l.contains(field))
            .count()
    };
    assert_eq!(lines_about(&call, ""), 1, "{stdout}");
    assert_eq!(lines_about(&site, " site.city = \"99999\" "), 1, "{stdout}");
    assert_eq!(lines_about(&site, ".surface = -40 "), 1, "{stdout}");
    assert_eq!(
        lines_about(second_structure, " structure.id = "),
        2,
        "{stdout}"
    );
    assert_eq!(snapshot(&ws), before);
}

#[test]
fn check_in_english() {
    let dir = fixture_copy();
    edit(dir.path(), "sites/hotel-activites.json", |t| {
        replace_once(t, "\"city\": \"93048\"", "\"city\": \"75056\"")
    });
    let out = ancrage(&["check", "--lang", "en", "--workspace", path(dir.path())]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "site.city = \"75056\" — expected: the INSEE code of a city of the territory"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("1\u{a0}problem in 1\u{a0}file"), "{stdout}");
    let clean = ancrage(&[
        "check",
        "--lang",
        "en",
        "--workspace",
        path(&common::fixture_dir()),
    ]);
    assert_eq!(
        text(&clean.stdout),
        "OK: 2\u{a0}sites, 3\u{a0}lots, 2\u{a0}structures, 1\u{a0}call\n"
    );
}

#[test]
fn schema_writes_four_schemas() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("schemas");
    let out = ancrage(&["schema", path(&dir)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for (name, key) in [
        ("site.schema.json", "site"),
        ("structure.schema.json", "structure"),
        ("call.schema.json", "call"),
        ("territory.schema.json", "territory"),
    ] {
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
        let required = schema["required"].as_array().unwrap();
        assert!(required.contains(&key.into()), "{name}: {schema}");
        assert!(required.contains(&"schema_version".into()), "{name}");
    }
}
