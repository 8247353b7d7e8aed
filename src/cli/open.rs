//! `ancrage` with no subcommand: open the workspace in the cockpit.

use crate::domain::Workspace;
use crate::i18n::Lang;
use crate::tui::keymap::Keymap;
use crate::tui::{App, terminal};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Runs the cockpit on an already loaded workspace until the officer quits. Key overrides come
/// from `<config dir>/ancrage/keys.json`; a refused file is explained in the status line.
pub fn run_cockpit(workspace: Workspace, workspace_dir: &Path, lang: Lang) -> ExitCode {
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "{}",
            lang.pick(
                "ancrage : l’interface a besoin d’un terminal ; pour un script, voir `ancrage --help`.",
                "ancrage: the interface needs a terminal; for scripts, see `ancrage --help`.",
            )
        );
        return ExitCode::FAILURE;
    }
    let config_dir = dirs::config_dir();
    let (keymap, problem) = Keymap::load(config_dir.as_deref());
    let app = App::new(
        workspace,
        workspace_dir.to_owned(),
        lang,
        super::today(),
        keymap,
        problem,
    );
    match terminal::run(app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "ancrage{}{e}",
                lang.pick("\u{a0}: erreur du terminal\u{a0}: ", ": terminal error: ")
            );
            ExitCode::FAILURE
        }
    }
}
