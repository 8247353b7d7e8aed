//! Loading a workspace from disk: every problem at once, each located.

mod common;

use ancrage::store::expected::Expected;
use ancrage::store::load::{load_workspace, load_workspace_lenient};
use common::{edit, fixture_copy, fixture_dir, replace_once};
use std::path::Path;

#[test]
fn fixture_loads_clean() {
    let ws = load_workspace(&fixture_dir()).unwrap();
    let ids: Vec<_> = ws.sites.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["friche-des-rives", "hotel-activites"]);
}

#[test]
fn missing_workspace_says_to_run_init() {
    let dir = tempfile::tempdir().unwrap();
    let problems = load_workspace(&dir.path().join("nothing-here")).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems.0[0].expected, Expected::Workspace);
    assert!(problems.to_string().contains("ancrage init"));
}

#[test]
fn missing_territory_is_one_problem_and_the_rest_still_loads() {
    let dir = fixture_copy();
    std::fs::remove_file(dir.path().join("territory.json")).unwrap();
    let loaded = load_workspace_lenient(dir.path()).unwrap();
    assert_eq!(loaded.workspace.sites.len(), 2);
    let places: Vec<_> = loaded.problems.iter().map(|p| p.file.clone()).collect();
    assert_eq!(places, [Path::new("territory.json")]);
}

#[test]
fn every_problem_of_every_file_is_reported_with_its_place() {
    let dir = fixture_copy();
    edit(dir.path(), "calls/tempo-2026.json", |t| {
        t[..t.len() / 2].to_owned()
    });
    edit(dir.path(), "sites/hotel-activites.json", |t| {
        replace_once(t, "\"city\": \"93048\"", "\"city\": \"75056\"")
    });
    edit(dir.path(), "sites/friche-des-rives.json", |t| {
        replace_once(t, "\"surface\": 120,", "\"surface\": -120,")
    });
    edit(dir.path(), "structures/velo-solidaire.json", |t| {
        replace_once(
            t,
            "\"id\": \"velo-solidaire\"",
            "\"id\": \"recyclerie-du-canal\"",
        )
    });
    let problems = load_workspace(dir.path()).unwrap_err();
    let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let text = lines.join("\n");
    let expect = |prefix: &str| {
        assert!(
            lines.iter().any(|l| l.starts_with(prefix)),
            "no line starts with `{prefix}` in:\n{text}"
        )
    };
    expect("calls/tempo-2026.json:");
    expect("sites/friche-des-rives.json:21:20: site.lots[0].surface = -120 —");
    expect("sites/hotel-activites.json:8:13: site.city = \"75056\" —");
    expect(
        "structures/velo-solidaire.json:4:11: structure.id = \"recyclerie-du-canal\" — attendu\u{a0}: un identifiant unique (déjà utilisé par structures/recyclerie-du-canal.json (structure.id))",
    );
    expect(
        "structures/velo-solidaire.json:4:11: structure.id = \"recyclerie-du-canal\" — attendu\u{a0}: un nom de fichier égal à l'identifiant",
    );
    // Every problem is located: a line, or at least a field.
    assert!(problems.iter().all(|p| p.line.is_some()), "{text}");
    // The truncated call does not cascade: nobody else mentions it.
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.file.starts_with("calls"))
            .count(),
        1,
        "{text}"
    );
    assert_eq!(problems.len(), 5, "{text}");
}

#[test]
fn unknown_field_and_wrong_type_are_located() {
    let dir = fixture_copy();
    edit(dir.path(), "sites/hotel-activites.json", |t| {
        replace_once(t, "\"owner\":", "\"proprietaire\":")
    });
    edit(dir.path(), "structures/velo-solidaire.json", |t| {
        replace_once(t, "\"fte\": 1", "\"fte\": \"un\"")
    });
    let problems = load_workspace(dir.path()).unwrap_err();
    let text = problems.to_string();
    assert!(
        text.contains("sites/hotel-activites.json:12:21: site.proprietaire — attendu"),
        "{text}"
    );
    assert!(
        text.contains("structures/velo-solidaire.json:10:22: structure.jobs.fte — attendu"),
        "{text}"
    );
}

#[test]
fn non_json_and_hidden_files_are_ignored() {
    let dir = fixture_copy();
    std::fs::write(dir.path().join("sites/notes.txt"), "pas du JSON").unwrap();
    std::fs::write(dir.path().join("sites/.friche.json.tmp1234.json"), "{").unwrap();
    std::fs::create_dir(dir.path().join("sites/archive")).unwrap();
    assert!(load_workspace(dir.path()).is_ok());
}

/// Issue 13, point 9: entries that look like data are never skipped silently, and each is
/// blamed on itself.
#[test]
fn odd_entries_are_each_a_located_problem() {
    let dir = fixture_copy();
    std::fs::create_dir(dir.path().join("sites/archive.json")).unwrap();
    std::fs::write(dir.path().join("calls/AUTRE.JSON"), "{}").unwrap();
    let problems = load_workspace(dir.path()).unwrap_err();
    let files: Vec<String> = problems
        .iter()
        .map(|p| p.file.display().to_string())
        .collect();
    assert_eq!(
        files,
        ["calls/AUTRE.JSON", "sites/archive.json"],
        "{problems}"
    );
    assert!(
        problems
            .render(ancrage::i18n::Lang::Fr)
            .contains("un fichier ordinaire, pas un dossier")
    );
}

/// Issue 13, points 10 and 11: territory.json as a folder has its own message, and a top-level
/// array says "an object" without showing the document.
#[test]
fn territory_folder_and_top_level_array() {
    let dir = fixture_copy();
    std::fs::remove_file(dir.path().join("territory.json")).unwrap();
    std::fs::create_dir(dir.path().join("territory.json")).unwrap();
    std::fs::write(
        dir.path().join("calls/tempo-2026.json"),
        r#"[{"email": "lea@example.org"}]"#,
    )
    .unwrap();
    let text = load_workspace(dir.path())
        .unwrap_err()
        .render(ancrage::i18n::Lang::Fr);
    assert!(
        text.contains("territory.json: attendu\u{a0}: un fichier ordinaire, pas un dossier"),
        "{text}"
    );
    assert!(!text.contains("introuvable"), "{text}");
    assert!(
        text.contains("calls/tempo-2026.json:1:1: attendu\u{a0}: un objet JSON"),
        "{text}"
    );
    assert!(!text.contains("lea@example.org"), "{text}");
}

/// Issue 13, point 8: one round shows the decode and the validation problems of a file, even
/// when the decode errors are outside any list.
#[test]
fn decode_and_validation_problems_of_a_file_in_one_round() {
    let dir = fixture_copy();
    edit(dir.path(), "structures/velo-solidaire.json", |t| {
        let t = replace_once(
            t,
            "\"structure\": {",
            "\"structure\": {\"couleur\": \"rouge\",",
        );
        t.replacen("\"unit\": \"months\"", "\"unit\": \"decennies\"", 1)
            .replacen("\"surface_min\": ", "\"surface_min\": -", 1)
    });
    let problems = load_workspace(dir.path()).unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert!(fields.contains(&"structure.couleur"), "{problems}");
    assert!(
        fields.contains(&"structure.needs.surface_min"),
        "{problems}"
    );
    assert!(fields.iter().any(|f| f.ends_with(".unit")), "{problems}");
}

#[test]
fn not_utf8_is_a_problem_not_a_panic() {
    let dir = fixture_copy();
    std::fs::write(dir.path().join("calls/tempo-2026.json"), [0xff, 0xfe, b'{']).unwrap();
    let problems = load_workspace(dir.path()).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(matches!(problems.0[0].expected, Expected::ReadableFile(_)));
}

#[test]
fn byte_order_mark_is_tolerated() {
    let dir = fixture_copy();
    edit(dir.path(), "calls/tempo-2026.json", |t| {
        format!("\u{feff}{t}")
    });
    assert!(load_workspace(dir.path()).is_ok());
}

#[test]
fn every_broken_lot_of_a_file_is_reported_not_just_the_first() {
    let dir = fixture_copy();
    edit(dir.path(), "sites/friche-des-rives.json", |t| {
        let t = replace_once(t, "\"use_type\": \"workshop\"", "\"use_type\": \"atelier\"");
        let t = replace_once(t, "\"unit\": \"flat_month\"", "\"unit\": \"par_mois\"");
        replace_once(t, "\"status\": \"open\"", "\"status\": \"ouvert\"")
    });
    let problems = load_workspace(dir.path()).unwrap_err();
    let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let text = lines.join("\n");
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("sites/friche-des-rives.json:22:21:"),
        "{text}"
    );
    assert!(lines[0].contains(" site.lots[0].use_type — "), "{text}");
    assert!(
        lines[1].starts_with("sites/friche-des-rives.json:34:41:"),
        "{text}"
    );
    assert!(lines[1].contains(" site.lots[1].fee.unit — "), "{text}");
    assert!(lines[2].contains(" site.status — "), "{text}");
    assert!(lines[2].contains("valeur `ouvert` inconnue"), "{text}");
}

/// Issue 9: one bad file never locks the officer out. The usable workspace holds every record
/// whose file has no problem; the broken files are listed and their records left out.
#[test]
fn usable_workspace_leaves_out_broken_files_only() {
    use ancrage::store::load::load_workspace_usable;
    let dir = fixture_copy();
    edit(dir.path(), "structures/velo-solidaire.json", |t| {
        t.replacen("\"surface_min\": ", "\"surface_min\": -", 1)
    });
    edit(dir.path(), "sites/hotel-activites.json", |t| {
        t.replacen("\"site\": {", "\"site\": {\"couleur\": 1,", 1)
    });
    let before = common::snapshot(dir.path());
    let loaded = load_workspace_usable(dir.path()).unwrap();
    let broken: Vec<String> = loaded
        .broken
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(
        broken,
        [
            "sites/hotel-activites.json",
            "structures/velo-solidaire.json"
        ]
    );
    let ws = &loaded.workspace;
    assert_eq!(ws.sites.len(), 1);
    assert_eq!(ws.structures.len(), 1);
    assert_eq!(ws.calls.len(), 1);
    assert!(
        ws.structures
            .iter()
            .all(|s| s.id.as_str() != "velo-solidaire")
    );
    assert_eq!(loaded.files.structures.len(), ws.structures.len());
    assert!(!loaded.problems.is_empty());
    assert_eq!(common::snapshot(dir.path()), before, "nothing written");
}
