//! End to end: the real binary in a tmux pane on a fresh workspace. Open, go to Lieux, search
//! "usine", open the top match's score card, quit — checking the screen text at each step.
//! Skips (with a message) only when tmux is not installed; `.ci/run` installs it.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Starts `command` in a detached 100×30 session.
    fn start(command: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("ancrage-test-{}", std::process::id()),
        };
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "100",
            "-y",
            "30",
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "t", "-l", text])
                .status
                .success()
        );
    }

    /// A tmux format variable of the pane (`alternate_on`, `mouse_any_flag`…).
    fn pane_flag(&self, name: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "t", &format!("#{{{name}}}")]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Polls the pane until every `needle` is on screen; fails with the last screen.
    fn wait_for(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if needles.iter().all(|n| screen.contains(n)) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("waited {TIMEOUT:?} for {needles:?}; screen was:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn tmux_installed() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

#[test]
fn open_search_score_card_quit() {
    if !tmux_installed() {
        println!("SKIPPED: tmux is not installed (`.ci/run` installs it)");
        return;
    }
    let temp = tempfile::tempdir().expect("temp dir");
    let workspace = temp.path().join("espace");
    let config = temp.path().join("config");
    let binary = env!("CARGO_BIN_EXE_ancrage");
    let init = Command::new(binary)
        .args(["init"])
        .arg(&workspace)
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .expect("ancrage init runs");
    assert!(
        init.status.success(),
        "ancrage init: {}",
        String::from_utf8_lossy(&init.stderr)
    );

    // After the cockpit exits, the shell prints its exit code on the restored screen.
    let command = format!(
        "env XDG_CONFIG_HOME={} TERM=xterm-256color {} --workspace {}; echo \"EXIT=$?\"; sleep 30",
        shell_quote(&config),
        shell_quote(Path::new(binary)),
        shell_quote(&workspace),
    );
    let tmux = Tmux::start(&command);

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
