//! End to end, the allocation view in the real binary under tmux (120×40), on a workspace from
//! `ancrage init`: `A` on the Appel tab shows the proposal and its distance to the optimum,
//! Enter asks, `o` applies it as the shortlist (one journaled step: the review file on disk
//! has it), the Appel tab shows the shortlisted rows with their lots; `u` undoes it whole,
//! on screen and on disk. Skips (with a message) only when tmux is not installed; `.ci/run`
//! installs it.

mod tmux_support;

use ancrage::domain::CallId;
use ancrage::review::Status;
use ancrage::session::{Access, ReviewSession};
use std::path::Path;
use tmux_support::{Tmux, init_workspace, shell_quote, tmux_installed};

/// How many applications of the demo call the saved review has shortlisted.
fn shortlisted_on_disk(workspace: &Path) -> usize {
    let ws = ancrage::store::load::load_workspace(workspace).expect("workspace loads");
    let session = ReviewSession::open_with(
        workspace,
        &ws,
        &CallId::new("tempo-2026"),
        "lecteur",
        Access::ReadOnly,
    )
    .expect("the review reads back");
    session.state().with_status(Status::Preselectionne).count()
}

#[test]
fn the_allocation_applied_as_the_shortlist_then_undone() {
    if !tmux_installed() {
        println!("SKIPPED: tmux is not installed (`.ci/run` installs it)");
        return;
    }
    let temp = tempfile::tempdir().expect("temp dir");
    let workspace = temp.path().join("espace");
    let config = temp.path().join("config");
    let binary = env!("CARGO_BIN_EXE_ancrage");
    init_workspace(binary, &workspace, &config);
    let command = format!(
        "env XDG_CONFIG_HOME={} ANCRAGE_OFFICER='Camille Officier' TERM=xterm-256color {} --workspace {}; echo \"EXIT=$?\"; sleep 30",
        shell_quote(&config),
        shell_quote(Path::new(binary)),
        shell_quote(&workspace),
    );
    let tmux = Tmux::start(&command, 120, 40);
    tmux.wait_for(&["1 Lieux"]);
    tmux.send(&["3"]);
    tmux.wait_for(&["Candidatures", "○ en instruction\u{a0}: 36"]);
    tmux.send(&["A"]);
    let view = tmux.wait_for(&["Répartition proposée", "structures placées", "au plus de"]);
    println!("the allocation:\n{view}");
    tmux.send(&["Enter"]);
    tmux.wait_for(&["Appliquer cette répartition comme présélection"]);
    tmux.send(&["o"]);
    let applied = tmux.wait_for(&[
        "répartition appliquée comme présélection",
        "★ présélectionné\u{a0}:",
    ]);
    println!("applied:\n{applied}");
    assert!(
        !applied.contains("Répartition proposée —"),
        "the view closed:\n{applied}"
    );
    assert!(
        applied.contains("Lot tenu"),
        "the lot is in the detail:\n{applied}"
    );
    let on_disk = shortlisted_on_disk(&workspace);
    assert!(on_disk > 5, "the shortlist is saved: {on_disk}");

    tmux.send(&["u"]);
    let undone = tmux.wait_for(&["Modification annulée", "○ en instruction\u{a0}: 36"]);
    assert!(!undone.contains("★ présélectionné\u{a0}:"), "{undone}");
    assert_eq!(shortlisted_on_disk(&workspace), 0, "undone on disk too");
    tmux.send(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
}
