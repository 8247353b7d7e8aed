//! End to end: the real binary in a tmux pane on a fresh workspace. Open, go to Lieux, search
//! "usine", open the top match's score card, quit — checking the screen text at each step.
//! Skips (with a message) only when tmux is not installed; `.ci/run` installs it.

mod tmux_support;

use std::path::Path;
use std::process::Command;
use tmux_support::{Tmux, init_workspace, shell_quote, tmux_installed};

/// A fresh workspace (`ancrage init`) and the cockpit on it in tmux, with `env` added to its
/// environment. After the cockpit exits, the shell prints its exit code on the restored screen.
fn cockpit_in_tmux(name: &str, env: &str) -> (tempfile::TempDir, Tmux) {
    let temp = tempfile::tempdir().expect("temp dir");
    let workspace = temp.path().join("espace");
    let config = temp.path().join("config");
    let binary = env!("CARGO_BIN_EXE_ancrage");
    init_workspace(binary, &workspace, &config);
    let command = format!(
        "env {env} XDG_CONFIG_HOME={} TERM=xterm-256color {} --workspace {}; echo \"EXIT=$?\"; sleep 30",
        shell_quote(&config),
        shell_quote(Path::new(binary)),
        shell_quote(&workspace),
    );
    let tmux = Tmux::start_named(name, &command, 100, 30);
    (temp, tmux)
}

#[test]
fn open_search_score_card_quit() {
    if !tmux_installed() {
        println!("SKIPPED: tmux is not installed (`.ci/run` installs it)");
        return;
    }
    let (_temp, tmux) = cockpit_in_tmux("flow", "");

    let screen = tmux.wait_for(&[
        "1 Lieux",
        "2 Structures",
        "Structures classées pour ce lieu",
    ]);
    assert!(screen.contains("Espace"), "status line:\n{screen}");
    assert_eq!(
        tmux.pane_flag("alternate_on"),
        "1",
        "the cockpit uses the alternate screen"
    );

    tmux.send(&["2"]);
    tmux.wait_for(&["Lieux classés pour cette structure"]);
    tmux.send(&["1"]);
    tmux.wait_for(&["Structures classées pour ce lieu"]);

    tmux.send(&["/"]);
    tmux.type_text("usine");
    let screen = tmux.wait_for(&["«\u{a0}usine"]);
    let first_row = screen
        .lines()
        .find(|l| l.contains('▸'))
        .unwrap_or_default()
        .to_owned();
    assert!(
        first_row.contains("Usine des transitions"),
        "top match:\n{screen}"
    );

    tmux.send(&["Enter"]);
    tmux.wait_for(&["filtre", "«\u{a0}usine\u{a0}»"]);
    tmux.send(&["Enter"]);
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for(&[
        "Fiche de score",
        "Usine des transitions",
        "Lot retenu",
        "Total",
    ]);
    assert!(
        screen.contains("Coût annuel") || screen.contains("aucun lot"),
        "{screen}"
    );

    tmux.send(&["Escape"]);
    tmux.wait_for(&["Structures classées pour ce lieu"]);
    tmux.send(&["q"]);
    let screen = tmux.wait_for(&["EXIT=0"]);
    assert!(
        !screen.contains("Fiche de score"),
        "terminal restored:\n{screen}"
    );
    assert_eq!(tmux.pane_flag("alternate_on"), "0", "alternate screen left");
    assert_eq!(
        tmux.pane_flag("mouse_any_flag"),
        "0",
        "mouse given back to the terminal"
    );
}

/// Piped into a script, the bare command does not try to draw: it says what to use instead.
#[test]
fn without_a_terminal_it_points_to_the_script_commands() {
    let temp = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .arg("--workspace")
        .arg(temp.path().join("espace"))
        .env("XDG_CONFIG_HOME", temp.path().join("config"))
        .output()
        .expect("ancrage runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("terminal") && stderr.contains("ancrage summary"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing drawn on a pipe");
}

/// SGR parameters that set a colour (foreground or background, basic, bright, 256, RGB).
fn sets_a_colour(parameter: u32) -> bool {
    matches!(parameter, 30..=38 | 40..=48 | 90..=97 | 100..=107)
}

/// Under NO_COLOR the screen carries no colour at all, and meaning still shows: the selection
/// is reversed, matches bold and underlined, ineligible pairs dimmed.
#[test]
fn no_color_keeps_meaning_in_attributes() {
    if !tmux_installed() {
        println!("SKIPPED: tmux is not installed (`.ci/run` installs it)");
        return;
    }
    let (_temp, tmux) = cockpit_in_tmux("nocolor", "NO_COLOR=1");
    tmux.wait_for(&["Structures classées pour ce lieu"]);
    tmux.send(&["/"]);
    tmux.type_text("usine");
    tmux.wait_for(&["«\u{a0}usine"]);
    let out = tmux.run(&["capture-pane", "-e", "-p", "-t", "t"]);
    let styled = String::from_utf8_lossy(&out.stdout).into_owned();
    let parameters: Vec<Vec<u32>> = styled
        .split("\u{1b}[")
        .skip(1)
        .filter_map(|rest| rest.split_once('m'))
        .map(|(codes, _)| codes.split(';').filter_map(|c| c.parse().ok()).collect())
        .collect();
    assert!(!parameters.is_empty(), "styled capture:\n{styled}");
    assert!(
        parameters.iter().flatten().all(|&p| !sets_a_colour(p)),
        "a colour under NO_COLOR: {parameters:?}"
    );
    for (attribute, name) in [(7, "reverse"), (1, "bold"), (4, "underline"), (2, "dim")] {
        assert!(
            parameters.iter().flatten().any(|&p| p == attribute),
            "{name} missing: {parameters:?}"
        );
    }
    // In the search, q is a letter: Ctrl-c quits from anywhere.
    tmux.send(&["C-c"]);
    tmux.wait_for(&["EXIT=0"]);
}
