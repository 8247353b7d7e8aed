//! Driving the real binary in a detached tmux pane: start, send keys, type text, capture and
//! wait for text on screen. Each `Tmux` has its own server socket, killed on drop.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(20);

static SERVERS: AtomicUsize = AtomicUsize::new(0);

pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Starts `command` in a detached `width`×`height` session, on a tmux server of its own.
    pub fn start(command: &str, width: u16, height: u16) -> Tmux {
        let n = SERVERS.fetch_add(1, Ordering::Relaxed).to_string();
        Tmux::start_named(&n, command, width, height)
    }

    /// Same, `name` keeping the server apart from other tests running in parallel.
    pub fn start_named(name: &str, command: &str, width: u16, height: u16) -> Tmux {
        let tmux = Tmux {
            socket: format!("ancrage-test-{}-{name}", std::process::id()),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let out = tmux.run(&["new-session", "-d", "-s", "t", "-x", &w, "-y", &h, command]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    pub fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "t", "-l", text])
                .status
                .success()
        );
    }

    /// A tmux format variable of the pane (`alternate_on`, `mouse_any_flag`…).
    pub fn pane_flag(&self, name: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "t", &format!("#{{{name}}}")]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Polls the pane until every `needle` is on screen; fails with the last screen.
    pub fn wait_for(&self, needles: &[&str]) -> String {
        self.wait_until(&format!("{needles:?}"), |screen| {
            needles.iter().all(|n| screen.contains(n))
        })
    }

    /// Polls the pane until `ready(screen)`; fails with the last screen.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("waited {TIMEOUT:?} for {what}; screen was:\n{screen}");
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

pub fn tmux_installed() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

pub fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

/// `ancrage init DIR` with the test binary; panics with its stderr when it fails.
pub fn init_workspace(binary: &str, workspace: &Path, config: &Path) {
    let init = Command::new(binary)
        .args(["init"])
        .arg(workspace)
        .env("XDG_CONFIG_HOME", config)
        .output()
        .expect("ancrage init runs");
    assert!(
        init.status.success(),
        "ancrage init: {}",
        String::from_utf8_lossy(&init.stderr)
    );
}
