//! End to end, the structure form in the real binary under tmux (120×40), on a workspace from
//! `ancrage init`: `N` on Structures, the fields typed the French way (`entre 60 et 100 m²`,
//! `12 000 €`, a city and a sector picked by typing), Ctrl-s — the new structure is saved,
//! ranked on the sites at once; `u` undoes the creation and its file goes.
//! Skips (with a message) only when tmux is not installed; `.ci/run` installs it.

mod tmux_support;

use std::path::Path;
use tmux_support::{Tmux, init_workspace, shell_quote, tmux_installed};

#[test]
fn create_a_structure_in_the_form_see_it_ranked_and_undo_it() {
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
    tmux.send(&["2"]);
    tmux.wait_for(&["Structures (40/40)"]);
    tmux.send(&["N"]);
    tmux.wait_for(&["Nouvelle structure", "Forme juridique"]);
    // Name, legal form, (SIRET, ESUS), creation date, city, sector.
    let fields: [(&str, usize); 10] = [
        ("Atelier Vélo Test", 1),
        ("scop", 3),
        ("01/03/2020", 1),
        ("bobigny", 1),
        ("reparation velo", 3),
        ("2,5", 3),
        ("entre 60 et 100 m²", 1),
        ("atelier", 0),
        ("01/01/2027", 1),
        ("24 mois", 1),
    ];
    for (text, tabs) in fields {
        tmux.type_text(text);
        if text == "atelier" {
            // A multiple choice: Enter ticks the option the typed text kept.
            tmux.send(&["Enter", "Tab", "Tab"]);
        }
        for _ in 0..tabs {
            tmux.send(&["Tab"]);
        }
    }
    tmux.type_text("12 000 €");
    let form = tmux.wait_for(&["12 000 €", "entre 60 et 100 m²", "Bobigny"]);
    println!("the form:\n{form}");
    tmux.send(&["C-s"]);
    tmux.wait_for(&[
        "Enregistré",
        "Atelier Vélo Test",
        "créé(e)",
        // The list's count (the status line's may be cut by the message).
        "Structures (41/41)",
    ]);
    let file = workspace.join("structures/atelier-velo-test.json");
    assert!(file.exists(), "saved in its own file");
    // Ranked at once: found by a search, its best sites beside it.
    tmux.send(&["/"]);
    tmux.type_text("velo test");
    tmux.send(&["Enter"]);
    let ranked = tmux.wait_for(&["Structures (1/41)", "Lieux classés pour cette structure"]);
    println!("ranked:\n{ranked}");
    let row = ranked
        .lines()
        .find(|l| l.contains("Atelier Vélo Test") && l.contains("Réparation"))
        .expect("its row");
    assert!(row.contains(','), "a best score on its row: {row}");
    assert!(ranked.contains('✓'), "a site it fits: {ranked}");
    // Undone with `u`: gone from the cockpit and from the disk.
    tmux.send(&["u"]);
    tmux.wait_for(&["40 structures"]);
    assert!(!file.exists(), "the file of the creation goes with it");
    // Esc clears the search (sent alone: Esc then q at once would read as Alt-q).
    tmux.send(&["Escape"]);
    tmux.wait_until("the search cleared", |screen| !screen.contains("velo test"));
    tmux.send(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
}
