//! `ancrage` with no subcommand: open the workspace in the cockpit, creating it from the
//! embedded catalogue on the first run. One bad file never locks the officer out: the cockpit
//! opens with the rest (the commands that write keep refusing a workspace with problems).

use super::failure::{Failure, Outcome};
use super::init::created_message;
use crate::i18n::Lang;
use crate::store::files::contains_workspace;
use crate::store::init::init_workspace;
use crate::tui::keymap::Keymap;
use crate::tui::{App, terminal};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

pub fn open(workspace_dir: &Path, lang: Lang) -> Outcome {
    if !std::io::stdout().is_terminal() {
        return Err(Failure::new(lang.pick(
            "ancrage\u{a0}: l’interface a besoin d’un terminal\u{a0}; pour un script, voir `ancrage --help` (ex. `ancrage summary`, `ancrage rank`).",
            "ancrage: the interface needs a terminal; for scripts, see `ancrage --help` (e.g. `ancrage summary`, `ancrage rank`).",
        )));
    }
    if !contains_workspace(workspace_dir) {
        let created = init_workspace(workspace_dir).map_err(|e| Failure::new(e.render(lang)))?;
        // Printed before the interface takes the screen: it is there again after quitting.
        super::output::println(&created_message(workspace_dir, &created, lang), lang)?;
    }
    run_cockpit(workspace_dir, lang)
}

/// Runs the cockpit on the workspace in `workspace_dir` until the officer quits: opened
/// whatever one file says (the records of files with problems are left out and never
/// rewritten; the Problèmes panel lists them). Key overrides come from
/// `<config dir>/ancrage/keys.json`; a refused file is explained in the status line.
pub fn run_cockpit(workspace_dir: &Path, lang: Lang) -> Outcome {
    let (keymap, problem) = Keymap::load(dirs::config_dir().as_deref());
    let mut app = App::open_workspace(workspace_dir, lang, super::today(), keymap, problem)
        .map_err(|problems| Failure::new(problems.render(lang)))?;
    // The session opens with the cockpit (read-only when another instance holds the
    // workspace) and is dropped with the app on quit, which releases the lock.
    app.open_review();
    terminal::run(app).map(|()| ExitCode::SUCCESS).map_err(|e| {
        Failure::new(format!(
            "ancrage{}{e}",
            lang.pick("\u{a0}: erreur du terminal\u{a0}: ", ": terminal error: ")
        ))
    })
}
