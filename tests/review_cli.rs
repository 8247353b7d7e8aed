//! `ancrage review list|set` on the fixture workspace, through `cli::review::execute`.

mod review_fixture;

use ancrage::cli::review::{ListArgs, ReviewCommand, SetArgs, execute};
use ancrage::domain::CallId;
use ancrage::i18n::Lang;
use ancrage::review::Status;
use review_fixture::{CALL, workspace};
use std::path::Path;

fn set(
    dir: &Path,
    structure: &str,
    site: &str,
    status: Status,
    motivation: Option<&str>,
) -> Result<String, (u8, String)> {
    let command = ReviewCommand::Set(SetArgs {
        call: CallId::new(CALL),
        structure: structure.into(),
        site: site.into(),
        status,
        motivation: motivation.map(str::to_owned),
        lot: None,
        m2: None,
        today: None,
    });
    execute(&command, dir, &workspace(), Lang::Fr)
        .map(|r| r.stdout)
        .map_err(|r| (r.code, r.message))
}

fn list(dir: &Path, status: Option<Status>, json: bool) -> String {
    let command = ReviewCommand::List(ListArgs {
        call: CallId::new(CALL),
        status,
        json,
    });
    execute(&command, dir, &workspace(), Lang::Fr)
        .expect("list works")
        .stdout
}

#[test]
fn set_then_list_in_french_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = set(
        dir.path(),
        "recyclerie",
        "local-19",
        Status::Preselectionne,
        None,
    )
    .unwrap();
    assert_eq!(
        out,
        "tempo-2026\u{a0}: recyclerie × local-19 → présélectionné\n"
    );
    set(
        dir.path(),
        "jardin",
        "friche-gallieni",
        Status::Refuse,
        Some("Hors champ\ndu lieu"),
    )
    .unwrap();

    let table = list(dir.path(), None, false);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("Structure"), "{table}");
    assert!(lines[0].contains("Dernière décision"));
    assert_eq!(lines.len(), 6, "{table}");
    let jardin = lines.iter().find(|l| l.starts_with("jardin")).unwrap();
    assert!(
        jardin.contains("refusé") && jardin.ends_with("Hors champ du lieu"),
        "{jardin}"
    );

    let refused = list(dir.path(), Some(Status::Refuse), false);
    assert_eq!(refused.lines().count(), 2, "{refused}");

    let json: serde_json::Value = serde_json::from_str(&list(dir.path(), None, true)).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 5);
    let jardin = items.iter().find(|i| i["structure"] == "jardin").unwrap();
    assert_eq!(jardin["site"], "friche-gallieni");
    assert_eq!(jardin["status"], "refuse");
    assert_eq!(jardin["motivation"], "Hors champ\ndu lieu");
    assert_eq!(jardin["history"][0]["to"], "refuse");
    assert_eq!(jardin["history"][0]["kind"], "set");
    for field in ["annotation", "labels", "grid_total", "opinions"] {
        assert!(jardin.get(field).is_some(), "missing {field}");
    }
}

#[test]
fn refusal_without_motivation_exits_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let (code, message) = set(dir.path(), "cantine", "local-19", Status::Refuse, None).unwrap_err();
    assert_eq!(code, 2);
    assert_eq!(
        message,
        "une motivation écrite est obligatoire pour passer la candidature cantine × local-19 à «\u{a0}refusé\u{a0}»"
    );
    let (code, _) = set(
        dir.path(),
        "cantine",
        "local-19",
        Status::ClasseSansSuite,
        Some(" "),
    )
    .unwrap_err();
    assert_eq!(code, 2);
}

#[test]
fn unknown_ids_name_the_closest() {
    let dir = tempfile::tempdir().unwrap();
    let (code, message) =
        set(dir.path(), "recylerie", "local-19", Status::Accepte, None).unwrap_err();
    assert_eq!(code, 2);
    assert!(message.contains("recyclerie"), "{message}");
    let (code, message) = set(
        dir.path(),
        "cantine",
        "friche-gallieni",
        Status::Accepte,
        None,
    )
    .unwrap_err();
    assert_eq!(code, 2);
    assert!(message.contains("ses sites\u{a0}: local-19"), "{message}");
    let command = ReviewCommand::List(ListArgs {
        call: CallId::new("tempo-2062"),
        status: None,
        json: false,
    });
    let refusal = execute(&command, dir.path(), &workspace(), Lang::Fr).unwrap_err();
    assert_eq!(refusal.code, 2);
    assert!(
        refusal.message.contains("tempo-2026"),
        "{}",
        refusal.message
    );
}

#[test]
fn final_decision_must_be_reverted_first() {
    let dir = tempfile::tempdir().unwrap();
    set(dir.path(), "cantine", "local-19", Status::Accepte, None).unwrap();
    let (code, message) =
        set(dir.path(), "cantine", "local-19", Status::Refuse, Some("x")).unwrap_err();
    assert_eq!(code, 2);
    assert!(
        message.contains("remettant d'abord en instruction"),
        "{message}"
    );
    set(
        dir.path(),
        "cantine",
        "local-19",
        Status::EnInstruction,
        None,
    )
    .unwrap();
    set(
        dir.path(),
        "cantine",
        "local-19",
        Status::Refuse,
        Some("Budget dépassé"),
    )
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&list(dir.path(), None, true)).unwrap();
    let cantine = json
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["structure"] == "cantine")
        .unwrap();
    let kinds: Vec<&str> = cantine["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["set", "revert", "set"]);
}

/// Through the real binary: the exit code and the message a script sees.
#[test]
fn binary_refuses_a_refusal_without_motivation_with_exit_code_2() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("ws");
    let bin = env!("CARGO_BIN_EXE_ancrage");
    let init = std::process::Command::new(bin)
        .arg("init")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .arg("--workspace")
            .arg(&dir)
            .args(args)
            .output()
            .unwrap()
    };
    let listed = run(&["review", "list", "--call", "tempo-2026", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let first = &json[0];
    let (structure, site) = (
        first["structure"].as_str().unwrap(),
        first["site"].as_str().unwrap(),
    );
    let base = [
        "review",
        "set",
        "--call",
        "tempo-2026",
        "--structure",
        structure,
        "--site",
        site,
    ];
    let refused = run(&[&base[..], &["--status", "refuse"]].concat());
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("une motivation écrite est obligatoire"),
        "{stderr}"
    );
    let done = run(&[
        &base[..],
        &["--status", "refusé", "--motivation", "Hors périmètre"],
    ]
    .concat());
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let english = run(&[
        "--lang",
        "en",
        "review",
        "list",
        "--call",
        "tempo-2026",
        "--status",
        "refused",
    ]);
    let stdout = String::from_utf8_lossy(&english.stdout);
    assert!(
        stdout.contains("refused") && stdout.contains("Hors périmètre"),
        "{stdout}"
    );
    // Missing workspace: exit 1, not 2.
    let missing = std::process::Command::new(bin)
        .args([
            "--workspace",
            "/nonexistent/ancrage",
            "review",
            "list",
            "--call",
            "tempo-2026",
        ])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
}
