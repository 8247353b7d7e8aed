//! Issue 13 on the real binary: what an adversarial pass found, each a test that failed
//! before its fix — closed pipes and full devices, escape sequences in names, exports through
//! links and onto devices, `-o -` and `-o dir/`, `check` on reviews, journal and lock.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const CALL: &str = "tempo-2026";

fn ancrage(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ancrage"));
    command
        .arg("--workspace")
        .arg(dir)
        .env_remove("ANCRAGE_WORKSPACE")
        .env("ANCRAGE_OFFICER", "Léa Martin");
    command
}

fn run(dir: &Path, args: &[&str]) -> Output {
    ancrage(dir).args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh demo workspace (`ancrage init`).
fn demo() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("ws");
    let init = Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .arg("init")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(init.status.success(), "{}", text(&init.stderr));
    (root, dir)
}

/// The first application of the demo call: (structure, site).
fn first_application(dir: &Path) -> (String, String) {
    let out = run(dir, &["review", "list", "--call", CALL, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json[0];
    (
        first["structure"].as_str().unwrap().to_owned(),
        first["site"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let (_root, dir) = demo();
    let mut child = ancrage(&dir)
        .args(["rank", "--all-pairs"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, as `head -c 10` would, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_device_is_one_line_and_exit_1() {
    let (_root, dir) = demo();
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = ancrage(&dir)
        .args(["rank", "--all-pairs"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("sortie standard"), "{stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_decision_on_record_is_not_a_failure_when_its_confirmation_cannot_be_printed() {
    let (_root, dir) = demo();
    let (structure, site) = first_application(&dir);
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = ancrage(&dir)
        .args(["review", "set", "--call", CALL, "--structure", &structure])
        .args(["--site", &site, "--status", "preselectionne"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("décision enregistrée"));
    let listed = text(&run(&dir, &["review", "list", "--call", CALL, "--json"]).stdout);
    assert!(listed.contains("\"preselectionne\""), "{listed}");
}

#[test]
fn escape_sequences_in_stored_text_never_reach_the_terminal() {
    let (_root, dir) = demo();
    let (structure, site) = first_application(&dir);
    let file = dir.join("structures").join(format!("{structure}.json"));
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    doc["structure"]["name"] = "\u{1b}]0;pwned\u{7}Atelier\u{1b}[2J\nbis".into();
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let set = run(
        &dir,
        &[
            "review",
            "set",
            "--call",
            CALL,
            "--structure",
            &structure,
            "--site",
            &site,
            "--status",
            "refuse",
            "--motivation",
            "non\u{1b}[31m rouge\u{9b}2J",
        ],
    );
    assert!(set.status.success(), "{}", text(&set.stderr));
    for args in [
        vec!["rank", "--site", site.as_str(), "--explain"],
        vec!["review", "list", "--call", CALL],
        vec!["summary"],
        vec!["check"],
    ] {
        let out = run(&dir, &args);
        for stream in [&out.stdout, &out.stderr] {
            let shown = text(stream);
            assert!(
                !shown.contains(['\u{1b}', '\u{7}', '\u{9b}']),
                "{args:?}: {shown:?}"
            );
        }
    }
    let rank = text(&run(&dir, &["rank", "--site", &site]).stdout);
    assert!(rank.contains("␛]0;pwned␇Atelier␛[2J␤bis"), "{rank}");
    // Stored data keeps what was typed.
    let stored = std::fs::read_to_string(&file).unwrap();
    assert!(stored.contains("\\u001b]0;pwned"), "{stored}");
}

#[test]
fn export_to_standard_output_and_into_a_folder() {
    let (root, dir) = demo();
    let args = [
        "export",
        "--call",
        CALL,
        "--format",
        "csv",
        "--status",
        "en_instruction",
    ];
    let out = ancrage(&dir).args(args).args(["-o", "-"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("Rang,"),
        "{}",
        text(&out.stdout)
    );

    let folder = root.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    let with_slash = format!("{}/", folder.display());
    let out = ancrage(&dir)
        .args(args)
        .args(["-o", &with_slash])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1);
    assert!(names[0].starts_with("jury-tempo-2026-") && names[0].ends_with(".csv"));

    let missing = format!("{}/nope/", root.path().display());
    let out = ancrage(&dir)
        .args(args)
        .args(["-o", &missing])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("dossier introuvable"));
    assert!(!root.path().join("nope").exists());
}

#[cfg(unix)]
#[test]
fn force_never_replaces_a_link_or_a_device() {
    let (root, dir) = demo();
    let target = root.path().join("precious.txt");
    std::fs::write(&target, "keep").unwrap();
    let link = root.path().join("jury.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let export = |output: &Path| {
        ancrage(&dir)
            .args(["export", "--call", CALL, "--format", "csv", "--force", "-o"])
            .arg(output)
            .output()
            .unwrap()
    };
    let out = export(&link);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("lien symbolique"),
        "{}",
        text(&out.stderr)
    );
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
    let out = export(Path::new("/dev/null"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("périphérique"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        !std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_file(),
        "/dev/null is still a device"
    );
}

#[cfg(unix)]
#[test]
fn exports_are_0644_and_state_with_personal_data_0600() {
    use std::os::unix::fs::PermissionsExt;
    let (root, dir) = demo();
    let (structure, site) = first_application(&dir);
    let set = run(
        &dir,
        &[
            "review",
            "set",
            "--call",
            CALL,
            "--structure",
            &structure,
            "--site",
            &site,
            "--status",
            "preselectionne",
        ],
    );
    assert!(set.status.success(), "{}", text(&set.stderr));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.join("reviews/tempo-2026.json")), 0o600);
    assert_eq!(mode(&dir.join("journal.jsonl")), 0o600);
    let jury = root.path().join("jury.md");
    let out = ancrage(&dir)
        .args(["export", "--call", CALL, "--format", "md", "-o"])
        .arg(&jury)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(mode(&jury) & 0o133, 0, "{:o}", mode(&jury));
}

#[cfg(unix)]
#[test]
fn a_review_file_that_is_a_link_is_not_written_through() {
    let (root, dir) = demo();
    let (structure, site) = first_application(&dir);
    let elsewhere = root.path().join("elsewhere.json");
    let list = run(&dir, &["review", "list", "--call", CALL]);
    assert!(list.status.success());
    std::fs::create_dir_all(dir.join("reviews")).unwrap();
    let state = dir.join("reviews/tempo-2026.json");
    if state.exists() {
        std::fs::rename(&state, &elsewhere).unwrap();
    } else {
        std::fs::write(&elsewhere, "").unwrap();
    }
    let before = std::fs::read(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &state).unwrap();
    let _ = run(
        &dir,
        &[
            "review",
            "set",
            "--call",
            CALL,
            "--structure",
            &structure,
            "--site",
            &site,
            "--status",
            "preselectionne",
        ],
    );
    assert!(state.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read(&elsewhere).unwrap(), before);
}

#[test]
fn check_reads_reviews_journal_and_lock_like_the_review_commands() {
    let (_root, dir) = demo();
    let (structure, site) = first_application(&dir);
    let set = run(
        &dir,
        &[
            "review",
            "set",
            "--call",
            CALL,
            "--structure",
            &structure,
            "--site",
            &site,
            "--status",
            "preselectionne",
        ],
    );
    assert!(set.status.success(), "{}", text(&set.stderr));
    assert!(run(&dir, &["check"]).status.success());

    // A broken review file: review list fails, so check must not say OK.
    let state = dir.join("reviews/tempo-2026.json");
    let saved = std::fs::read_to_string(&state).unwrap();
    std::fs::write(&state, saved.replace("\"last_seq\"", "\"last_sequence\"")).unwrap();
    assert!(
        !run(&dir, &["review", "list", "--call", CALL])
            .status
            .success()
    );
    let check = run(&dir, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).contains("reviews/tempo-2026.json:"),
        "{}",
        text(&check.stdout)
    );
    std::fs::write(&state, &saved).unwrap();

    // A complete last journal line that does not read: corruption, with its line number.
    let journal = dir.join("journal.jsonl");
    let lines = std::fs::read_to_string(&journal).unwrap();
    let damaged = format!("{}{{\"seq\": \"deux\"}}\n", lines);
    std::fs::write(&journal, &damaged).unwrap();
    let check = run(&dir, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let line = lines.lines().count() + 1;
    assert!(
        text(&check.stdout).contains(&format!("journal.jsonl:{line}:")),
        "{}",
        text(&check.stdout)
    );
    // Nothing is cut from it, by check or by a review command.
    let _ = run(&dir, &["review", "list", "--call", CALL]);
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), damaged);
    std::fs::write(&journal, &lines).unwrap();

    // A lock file that is a folder: the review commands cannot take it.
    let _ = std::fs::remove_file(dir.join("ancrage.lock"));
    std::fs::create_dir(dir.join("ancrage.lock")).unwrap();
    let check = run(&dir, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).contains("ancrage.lock: attendu"),
        "{}",
        text(&check.stdout)
    );
    std::fs::remove_dir(dir.join("ancrage.lock")).unwrap();

    // A killed writer's temporary file: named by check, removed by the next writer.
    let temporary = dir.join("reviews/.tempo-2026.json.AbC123");
    std::fs::write(&temporary, "{").unwrap();
    let check = run(&dir, &["check"]);
    assert!(check.status.success());
    assert!(text(&check.stdout).contains(".tempo-2026.json.AbC123"));
    let set = run(
        &dir,
        &[
            "review",
            "set",
            "--call",
            CALL,
            "--structure",
            &structure,
            "--site",
            &site,
            "--status",
            "en_instruction",
        ],
    );
    assert!(set.status.success(), "{}", text(&set.stderr));
    assert!(!temporary.exists());
}

#[test]
fn a_withdrawn_application_is_reported_listed_and_left_out_of_jury_files() {
    let (_root, dir) = demo();
    let (structure, site) = first_application(&dir);
    let set = run(
        &dir,
        &[
            "review",
            "set",
            "--call",
            CALL,
            "--structure",
            &structure,
            "--site",
            &site,
            "--status",
            "preselectionne",
        ],
    );
    assert!(set.status.success(), "{}", text(&set.stderr));
    let call_file = dir.join("calls/tempo-2026.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&call_file).unwrap()).unwrap();
    doc["call"]["applications"]
        .as_array_mut()
        .unwrap()
        .retain(|a| a["structure"] != structure.as_str());
    std::fs::write(&call_file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    // Even with the saved state gone, the journal replays.
    std::fs::remove_file(dir.join("reviews/tempo-2026.json")).unwrap();

    let list = run(&dir, &["review", "list", "--call", CALL, "--json"]);
    assert!(list.status.success(), "{}", text(&list.stderr));
    assert!(text(&list.stdout).contains("\"withdrawn\": true"));
    assert!(text(&list.stderr).contains("retirée de l'appel"));

    let check = run(&dir, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).contains("a été retirée"),
        "{}",
        text(&check.stdout)
    );

    let export = ancrage(&dir)
        .args(["export", "--call", CALL, "--format", "json", "-o", "-"])
        .output()
        .unwrap();
    assert!(export.status.success(), "{}", text(&export.stderr));
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    let report = &json["jury_report"];
    assert_eq!(report["applications"].as_array().unwrap().len(), 0);
    assert_eq!(report["withdrawn"].as_array().unwrap().len(), 1);
}
