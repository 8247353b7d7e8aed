//! End to end, the export dialog in the real binary under tmux (80×24), on a workspace from
//! `ancrage init`, started in an empty folder: shortlist two applications, `e`, Enter — the
//! terminal loop draws « Export en cours… », writes the XLSX in the current folder and names it
//! in the status line; `e` Enter again asks before replacing it, and `n` keeps it.
//! Skips (with a message) only when tmux is not installed; `.ci/run` installs it.

mod tmux_support;

use std::path::{Path, PathBuf};
use tmux_support::{Tmux, init_workspace, shell_quote, tmux_installed};

fn exported(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .expect("folder readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect()
}

#[test]
fn export_from_the_cockpit_into_the_current_folder() {
    if !tmux_installed() {
        println!("SKIPPED: tmux is not installed (`.ci/run` installs it)");
        return;
    }
    let temp = tempfile::tempdir().expect("temp dir");
    let workspace = temp.path().join("espace");
    let config = temp.path().join("config");
    let out = temp.path().join("sortie");
    std::fs::create_dir(&out).expect("out folder");
    let binary = env!("CARGO_BIN_EXE_ancrage");
    init_workspace(binary, &workspace, &config);
    let command = format!(
        "cd {} && env XDG_CONFIG_HOME={} ANCRAGE_OFFICER='Camille Officier' TERM=xterm-256color {} --workspace {}; echo \"EXIT=$?\"; sleep 30",
        shell_quote(&out),
        shell_quote(&config),
        shell_quote(Path::new(binary)),
        shell_quote(&workspace),
    );
    let tmux = Tmux::start(&command, 80, 24);
    tmux.wait_for(&["1 Lieux"]);
    tmux.send(&["3"]);
    tmux.wait_for(&["Candidatures", "○ en instruction"]);
    tmux.send(&["Space", "Space", "p"]);
    tmux.wait_for(&["Enregistré", "2 candidatures → présélectionné"]);
    tmux.send(&["e"]);
    let dialog = tmux.wait_for(&["Exporter le dossier du jury", "présélection (2)", ".xlsx"]);
    println!("the dialog:\n{dialog}");
    tmux.send(&["Enter"]);
    // The message is longer than 80 columns: it wraps over two lines of the status area.
    let done = tmux.wait_for(&["Exporté", "candidatures, sans"]);
    println!("after the export:\n{done}");
    let files = exported(&out);
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0]
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    assert!(
        name.starts_with("jury-tempo-2026-") && name.ends_with(".xlsx"),
        "{name}"
    );
    let written = std::fs::read(&files[0]).expect("file readable");
    assert!(written.starts_with(b"PK"), "an XLSX is a zip");

    // Again: the file exists, so the dialog asks; « n » keeps it untouched.
    tmux.send(&["e"]);
    tmux.wait_for(&["Ce fichier existe déjà"]);
    tmux.send(&["Enter"]);
    tmux.wait_for(&["Le remplacer", "(o / n)"]);
    tmux.send(&["n"]);
    tmux.wait_for(&["Fichier conservé"]);
    assert_eq!(std::fs::read(&files[0]).expect("still there"), written);
    tmux.send(&["Escape"]);
    tmux.wait_until("the dialog closed", |screen| {
        !screen.contains("Exporter le dossier du jury")
    });
    tmux.send(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
    assert_eq!(exported(&out).len(), 1, "no temporary file left");
}
