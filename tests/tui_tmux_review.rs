//! End to end, the review in the real binary under tmux, on a workspace from `ancrage init`:
//! open, go to Appel, shortlist two applications (Space Space p), refuse a third with a
//! motivation, quit; reopen — the three decisions are there with their motivation and history;
//! then `ancrage review list --call tempo-2026 --json` agrees.
//! Skips (with a message) only when tmux is not installed; `.ci/run` installs it.

mod tmux_support;

use ancrage::store::load::load_workspace;
use std::path::Path;
use std::process::Command;
use tmux_support::{Tmux, init_workspace, shell_quote, tmux_installed};

const OFFICER: &str = "Camille Officier";
const MOTIVATION: &str = "Surface demandée trop grande pour le lot";

fn cockpit(binary: &str, workspace: &Path, config: &Path) -> Tmux {
    let command = format!(
        "env XDG_CONFIG_HOME={} ANCRAGE_OFFICER='{OFFICER}' TERM=xterm-256color {} --workspace {}; echo \"EXIT=$?\"; sleep 30",
        shell_quote(config),
        shell_quote(Path::new(binary)),
        shell_quote(workspace),
    );
    Tmux::start(&command, 120, 40)
}

/// Rows of the applications table (between its top and bottom borders) showing `needle`.
fn count(screen: &str, needle: &str) -> usize {
    screen
        .lines()
        .skip_while(|l| !l.contains("┌ Candidatures"))
        .take_while(|l| !l.starts_with('└'))
        .filter(|l| l.contains(needle))
        .count()
}

#[test]
fn shortlist_two_refuse_one_quit_reopen_and_list() {
    if !tmux_installed() {
        println!("SKIPPED: tmux is not installed (`.ci/run` installs it)");
        return;
    }
    let temp = tempfile::tempdir().expect("temp dir");
    let workspace = temp.path().join("espace");
    let config = temp.path().join("config");
    let binary = env!("CARGO_BIN_EXE_ancrage");
    init_workspace(binary, &workspace, &config);

    let tmux = cockpit(binary, &workspace, &config);
    tmux.wait_for(&["1 Lieux", "Structures classées pour ce lieu"]);
    tmux.send(&["3"]);
    tmux.wait_for(&["AMI Temp'O 2026", "Candidatures", "○ en instruction"]);
    tmux.send(&["Space", "Space"]);
    tmux.wait_for(&["● 2 sélectionnées"]);
    tmux.send(&["p"]);
    let screen = tmux.wait_for(&["Enregistré", "2 candidatures → présélectionné"]);
    assert_eq!(count(&screen, "★ présélectionné"), 2, "{screen}");
    // The cursor went down with each Space: it is on the third row now.
    tmux.send(&["r"]);
    tmux.wait_for(&["motivation écrite obligatoire", "Motivation"]);
    tmux.type_text(MOTIVATION);
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for(&["✘ refusé", MOTIVATION]);
    assert_eq!(count(&screen, "★ présélectionné"), 2, "{screen}");
    println!("after the decisions:\n{screen}");
    tmux.send(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
    drop(tmux);

    // Reopen: the decisions come back from the disk.
    let tmux = cockpit(binary, &workspace, &config);
    tmux.wait_for(&["1 Lieux"]);
    tmux.send(&["3"]);
    tmux.wait_for(&["AMI Temp'O 2026", "★ présélectionné"]);
    tmux.send(&["j", "j"]);
    let screen = tmux.wait_for(&[
        "Historique des décisions",
        "en instruction → ✘ refusé",
        MOTIVATION,
        OFFICER,
    ]);
    assert_eq!(count(&screen, "★ présélectionné"), 2, "{screen}");
    assert!(screen.contains("✘ refusé"), "{screen}");
    println!("reopened:\n{screen}");
    tmux.send(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
    drop(tmux);

    // The command line agrees.
    let list = Command::new(binary)
        .args([
            "review",
            "list",
            "--call",
            "tempo-2026",
            "--json",
            "--workspace",
        ])
        .arg(&workspace)
        .output()
        .expect("ancrage review list runs");
    assert!(
        list.status.success(),
        "review list: {}",
        String::from_utf8_lossy(&list.stderr)
    );
    let listed: serde_json::Value =
        serde_json::from_slice(&list.stdout).expect("review list prints JSON");
    let rows = listed.as_array().expect("a list of applications");
    let with_status = |s: &str| {
        rows.iter()
            .filter(|r| r["status"] == s)
            .collect::<Vec<&serde_json::Value>>()
    };
    assert_eq!(with_status("preselectionne").len(), 2, "{listed:#}");
    let refused = with_status("refuse");
    assert_eq!(refused.len(), 1, "{listed:#}");
    let refused = refused[0];
    assert_eq!(refused["motivation"], MOTIVATION);
    let history = refused["history"].as_array().expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["who"], OFFICER);
    assert_eq!(history[0]["from"], "en_instruction");
    assert_eq!(history[0]["to"], "refuse");
    for shortlisted in with_status("preselectionne") {
        assert_eq!(shortlisted["history"][0]["who"], OFFICER);
        assert_eq!(shortlisted["history"][0]["to"], "preselectionne");
    }
    // The refused application is the one the screen showed refused.
    let ws = load_workspace(&workspace).expect("workspace loads");
    let id = refused["structure"].as_str().expect("structure id");
    let name = &ws
        .structures
        .iter()
        .find(|s| s.id.as_str() == id)
        .expect("known structure")
        .name;
    let prefix: String = name.chars().take(20).collect();
    assert!(
        screen
            .lines()
            .any(|l| l.contains("✘ refusé") && l.contains(&prefix)),
        "{name} refused on screen:\n{screen}"
    );
}

#[test]
fn a_second_instance_is_read_only_with_a_banner_then_takes_over() {
    if !tmux_installed() {
        println!("SKIPPED: tmux is not installed (`.ci/run` installs it)");
        return;
    }
    let temp = tempfile::tempdir().expect("temp dir");
    let workspace = temp.path().join("espace");
    let config = temp.path().join("config");
    let binary = env!("CARGO_BIN_EXE_ancrage");
    init_workspace(binary, &workspace, &config);

    let first = cockpit(binary, &workspace, &config);
    first.wait_for(&["1 Lieux"]);
    let second = cockpit(binary, &workspace, &config);
    let screen = second.wait_for(&["Lecture seule (Ctrl-l", "ouvert ailleurs\u{a0}: pid "]);
    assert!(
        screen
            .lines()
            .next()
            .is_some_and(|l| l.contains("Lecture seule")),
        "banner on the top line:\n{screen}"
    );
    second.send(&["3"]);
    second.wait_for(&["○ en instruction"]);
    second.send(&["p"]);
    second.wait_for(&["⚠ lecture seule"]);
    assert_eq!(count(&second.capture(), "★ présélectionné"), 0);

    // The first instance decides and quits; the second, on its next review key, takes over
    // and shows the first one's decision.
    first.send(&["3"]);
    first.wait_for(&["○ en instruction"]);
    first.send(&["a"]);
    // Accepting offers to record the placement too: accept only.
    first.wait_for(&["placement prévu", "accepter seulement"]);
    first.send(&["n"]);
    first.wait_for(&["✔ accepté"]);
    first.send(&["q"]);
    first.wait_for(&["EXIT=0"]);
    second.send(&["j", "p"]);
    let screen = second.wait_for(&["★ présélectionné", "✔ accepté"]);
    assert!(!screen.contains("Lecture seule"), "{screen}");
    second.send(&["q"]);
    second.wait_for(&["EXIT=0"]);
}
