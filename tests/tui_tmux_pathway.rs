//! End to end on the demo workspace from `ancrage init`, the real binary under tmux: the
//! Parcours screen lists the structures `ancrage pathway alerts --within 6m` names as ending
//! with nothing planned; one of them is placed from the cockpit (next step, `p`, Entrée), and it
//! is gone from the screen's alerts and from the CLI's list.
//! Skips (with a message) only when tmux is not installed; `.ci/run` installs it.

mod tmux_support;

use std::path::Path;
use std::process::Command;
use tmux_support::{Tmux, init_workspace, shell_quote, tmux_installed};

/// (id, name) of the structures whose occupation ends within six months with nothing planned.
fn ending_without_next(binary: &str, workspace: &Path) -> Vec<(String, String)> {
    let out = Command::new(binary)
        .arg("--workspace")
        .arg(workspace)
        .args(["pathway", "alerts", "--within", "6m", "--json"])
        .output()
        .expect("ancrage pathway alerts runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let alerts: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    alerts
        .as_array()
        .expect("a list")
        .iter()
        .filter(|a| a["kind"] == "ending_without_next")
        .map(|a| {
            (
                a["structure"].as_str().expect("id").to_owned(),
                a["name"].as_str().expect("name").to_owned(),
            )
        })
        .collect()
}

/// The start of a name, as a table cut to its column still shows it.
fn shown(name: &str) -> String {
    name.chars().take(18).collect()
}

#[test]
fn parcours_shows_the_cli_alerts_and_a_placement_clears_one() {
    if !tmux_installed() {
        println!("SKIPPED: tmux is not installed (`.ci/run` installs it)");
        return;
    }
    let temp = tempfile::tempdir().expect("temp dir");
    let workspace = temp.path().join("espace");
    let config = temp.path().join("config");
    let binary = env!("CARGO_BIN_EXE_ancrage");
    init_workspace(binary, &workspace, &config);
    let ending = ending_without_next(binary, &workspace);
    assert!(!ending.is_empty(), "the demo has occupations ending soon");

    let command = format!(
        "env XDG_CONFIG_HOME={} ANCRAGE_OFFICER='Camille Officier' TERM=xterm-256color {} --workspace {}; echo \"EXIT=$?\"; sleep 30",
        shell_quote(&config),
        shell_quote(Path::new(binary)),
        shell_quote(&workspace),
    );
    let tmux = Tmux::start(&command, 160, 60);
    tmux.wait_for(&["1 Lieux"]);
    // Only the structures with an alert: every one the CLI names is on a row.
    tmux.send(&["4", "f"]);
    let screen = tmux.wait_for(&["Parcours", "Alertes à"]);
    println!("Parcours:\n{screen}");
    for (_, name) in &ending {
        assert!(screen.contains(&shown(name)), "{name} on screen:\n{screen}");
    }

    // Down to the first of them, its next step, a placement on its best site.
    let (placed_id, placed_name) = (0..40)
        .find_map(|_| {
            let screen = tmux.capture();
            let found = ending
                .iter()
                .find(|(_, name)| screen.contains(&format!("Prochaine étape — {}", shown(name))));
            if found.is_none() {
                tmux.send(&["j"]);
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            found.cloned()
        })
        .expect("the cursor reaches an ending occupation");
    tmux.send(&["Enter"]);
    tmux.wait_until("the next step has the keys", |s| s.contains("p placer"));
    tmux.send(&["p"]);
    tmux.wait_for(&["Placement prévu", &shown(&placed_name)]);
    tmux.send(&["Enter"]);
    let after = tmux.wait_for(&["placement prévu de"]);
    println!("after the placement:\n{after}");

    // Gone from the CLI's list, and from the screen's alerts.
    let still = ending_without_next(binary, &workspace);
    assert!(
        !still.iter().any(|(id, _)| *id == placed_id),
        "{placed_id} still alerted: {still:?}"
    );
    assert_eq!(still.len(), ending.len() - 1);
    tmux.send(&["Escape"]);
    let screen = tmux.wait_until("back on the structures", |s| s.contains("Entrée étape"));
    let alert_line = format!("◷ {}", shown(&placed_name));
    assert!(!screen.contains(&alert_line), "{alert_line}:\n{screen}");
    tmux.send(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
}
