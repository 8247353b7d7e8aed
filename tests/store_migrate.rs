//! The `schema_version` chain on real files: an old file loads as current, a newer or missing
//! version is refused clearly.

mod common;

use ancrage::store::load::{load_workspace, load_workspace_lenient};
use ancrage::store::save::save_site;
use common::{edit, fixture_copy, fixture_dir, replace_once};
use std::path::Path;

fn v0_site() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v0/friche-des-rives.json"),
    )
    .unwrap()
}

fn v1_workspace() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/workspace")
}

/// The fixture workspace as ancrage 0.1 wrote it (version 1, one `annual_envelope`) loads
/// unchanged into the same workspace as its version-2 twin: the envelope became the 2023
/// figure with its source, the pathway settings and the accompaniment network were added.
#[test]
fn version_1_workspace_loads_as_the_current_one() {
    let loaded = load_workspace_lenient(&v1_workspace()).unwrap();
    assert!(loaded.problems.is_empty(), "{}", loaded.problems);
    assert_eq!(loaded.migrated.len(), 6, "every file was version 1");
    let current = load_workspace(&fixture_dir()).unwrap();
    assert_eq!(loaded.workspace, current);
    let fund = &loaded.workspace.territory.impact_fund;
    assert_eq!(fund.envelope(2026).map(|e| e.year), Some(2023));
    assert_eq!(
        loaded.workspace.territory.pathway.incubation_exit_months,
        24
    );
    assert_eq!(loaded.workspace.territory.support_organisations.len(), 5);
}

/// Saving the migrated territory writes version 2, which loads without migration.
#[test]
fn saving_a_migrated_territory_writes_version_2() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&v1_workspace(), dir.path());
    let ws = load_workspace(dir.path()).unwrap();
    ancrage::store::save::save_territory(dir.path(), &ws.territory).unwrap();
    let text = std::fs::read_to_string(dir.path().join("territory.json")).unwrap();
    assert!(text.contains("\"envelopes\"") && !text.contains("annual_envelope"));
    let again = load_workspace_lenient(dir.path()).unwrap();
    assert!(
        !again
            .migrated
            .contains(&Path::new("territory.json").to_path_buf())
    );
    assert_eq!(again.workspace.territory, ws.territory);
}

#[test]
fn version_0_file_loads_as_the_current_one() {
    let dir = fixture_copy();
    std::fs::write(dir.path().join("sites/friche-des-rives.json"), v0_site()).unwrap();
    let loaded = load_workspace_lenient(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{}", loaded.problems);
    assert_eq!(loaded.migrated, [Path::new("sites/friche-des-rives.json")]);
    let current = load_workspace(&fixture_dir()).unwrap();
    assert_eq!(loaded.workspace, current);
}

#[test]
fn saving_a_migrated_file_writes_the_current_version() {
    let dir = fixture_copy();
    let path = dir.path().join("sites/friche-des-rives.json");
    std::fs::write(&path, v0_site()).unwrap();
    let ws = load_workspace(dir.path()).unwrap();
    save_site(dir.path(), &ws.sites[0]).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("{\n  \"schema_version\": 2,\n  \"site\": {"),
        "{text}"
    );
    assert!(
        load_workspace_lenient(dir.path())
            .unwrap()
            .migrated
            .is_empty()
    );
}

#[test]
fn errors_in_a_migrated_file_carry_the_field_path() {
    let dir = fixture_copy();
    let broken = replace_once(v0_site(), "\"eur_flat_month\"", "\"par_mois\"");
    std::fs::write(dir.path().join("sites/friche-des-rives.json"), broken).unwrap();
    let problems = load_workspace(dir.path()).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems}");
    assert_eq!(problems.0[0].field, "site.lots[1].fee.unit");
}

#[test]
fn newer_version_is_refused_clearly() {
    let dir = fixture_copy();
    edit(dir.path(), "calls/tempo-2026.json", |t| {
        replace_once(t, "\"schema_version\": 2", "\"schema_version\": 3")
    });
    let problems = load_workspace(dir.path()).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems}");
    assert_eq!(
        problems.to_string(),
        "calls/tempo-2026.json:2:21: schema_version = 3 — attendu\u{a0}: une version connue\u{a0}: \
         fichier écrit par un ancrage plus récent (version 3, ce programme connaît jusqu'à la \
         version 2)\u{a0}; mettez ancrage à jour"
    );
}

#[test]
fn missing_or_non_integer_version_is_refused() {
    for (from, to) in [
        ("\"schema_version\": 2,", ""),
        ("\"schema_version\": 2", "\"schema_version\": \"2\""),
        ("\"schema_version\": 2", "\"schema_version\": 1.5"),
    ] {
        let dir = fixture_copy();
        edit(dir.path(), "structures/velo-solidaire.json", |t| {
            replace_once(t, from, to)
        });
        let problems = load_workspace(dir.path()).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems}");
        let p = &problems.0[0];
        assert_eq!(p.file, Path::new("structures/velo-solidaire.json"));
        assert_eq!(p.field, "schema_version");
        assert!(
            p.to_string().contains("un champ `schema_version` entier"),
            "{p}"
        );
    }
}

#[test]
fn check_accepts_an_old_file_and_says_it_was_migrated() {
    let dir = fixture_copy();
    std::fs::write(dir.path().join("sites/friche-des-rives.json"), v0_site()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .args(["check", "--lang", "en", "--workspace"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1\u{a0}file from an older version, updated in memory (rewritten on the next save): sites/friche-des-rives.json"),
        "{stdout}"
    );
}
