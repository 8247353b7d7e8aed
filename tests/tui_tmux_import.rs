//! End to end, the import dialog in the real binary under tmux (120×40), on a workspace from
//! `ancrage init` with one structure file broken by hand, started in a folder holding a Google
//! Forms export: the cockpit opens anyway and says so (« ⚠ 1 problème (P) »), `I`, the file
//! name, Enter shows the report, Enter imports — the new applications are on the Appel tab —
//! and `u` takes the whole import back. Skips (with a message) only when tmux is not
//! installed; `.ci/run` installs it.

mod tmux_support;

use std::path::Path;
use tmux_support::{Tmux, init_workspace, shell_quote, tmux_installed};

#[test]
fn import_a_file_from_the_dialog_and_see_it_on_the_appel_tab() {
    if !tmux_installed() {
        println!("SKIPPED: tmux is not installed (`.ci/run` installs it)");
        return;
    }
    let temp = tempfile::tempdir().expect("temp dir");
    let workspace = temp.path().join("espace");
    let config = temp.path().join("config");
    let downloads = temp.path().join("telechargements");
    std::fs::create_dir(&downloads).expect("folder");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/import/google-forms.csv"
        ),
        downloads.join("reponses.csv"),
    )
    .expect("fixture copied");
    let binary = env!("CARGO_BIN_EXE_ancrage");
    init_workspace(binary, &workspace, &config);
    let broken = workspace.join("structures/velos-remontants.json");
    let text = std::fs::read_to_string(&broken).expect("read");
    let text = text.replacen("\"surface_min\": ", "\"surface_min\": -", 1);
    std::fs::write(&broken, &text).expect("broken by hand");

    let command = format!(
        "cd {} && env XDG_CONFIG_HOME={} ANCRAGE_OFFICER='Camille Officier' TERM=xterm-256color {} --workspace {}; echo \"EXIT=$?\"; sleep 30",
        shell_quote(&downloads),
        shell_quote(&config),
        shell_quote(Path::new(binary)),
        shell_quote(&workspace),
    );
    let tmux = Tmux::start(&command, 120, 40);
    tmux.wait_for(&["1 Lieux", "⚠ 1 problème (P)"]);
    tmux.send(&["P"]);
    tmux.wait_for(&["Problèmes des fichiers (1)", "surface_min = -120"]);
    tmux.send(&["Escape"]);
    tmux.wait_until("the panel closed", |s| {
        !s.contains("Problèmes des fichiers")
    });

    tmux.send(&["I"]);
    tmux.wait_for(&["Importer des candidatures ou des lieux", "Entrée aperçu"]);
    tmux.type_text("reponses.csv");
    tmux.send(&["Enter"]);
    let preview = tmux.wait_for(&["Aperçu — rien n’est encore écrit", "2 structures créé(e)s"]);
    println!("the preview:\n{preview}");
    assert!(
        !workspace
            .join("structures/graine-de-quartier.json")
            .exists()
    );
    tmux.send(&["Enter"]);
    tmux.wait_for(&["Enregistré", "import de reponses.csv"]);
    // On the Appel tab: the search finds the new application.
    tmux.send(&["/"]);
    tmux.type_text("graine");
    let found = tmux.wait_for(&["Graine de Quartier", "Usine des transitions"]);
    println!("after the import:\n{found}");
    assert!(
        workspace
            .join("structures/graine-de-quartier.json")
            .exists()
    );
    tmux.send(&["Enter"]);

    tmux.send(&["u"]);
    tmux.wait_for(&["Modification annulée"]);
    tmux.wait_until("the application gone", |s| {
        !s.contains("Graine de Quartier")
    });
    assert!(
        !workspace
            .join("structures/graine-de-quartier.json")
            .exists()
    );
    assert_eq!(
        std::fs::read_to_string(&broken).expect("read"),
        text,
        "the broken file was never rewritten"
    );
    tmux.send(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
}
