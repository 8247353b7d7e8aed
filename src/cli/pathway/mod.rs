//! `ancrage pathway alerts|show|place`: the residential pathway for scripts and checks — the
//! same functions (`crate::pathway`) and the same session as the cockpit.
//!
//! Exit codes: 0 done (`alerts` exits 0 whether or not there are alerts); 2 refused (unknown
//! id, bad date, a placement that overlaps another stay); 1 the workspace could not be read or
//! written.

mod alerts;
mod place;
mod show;
mod text;

use crate::cli::failure::Outcome;
use crate::i18n::Lang;
use clap::{Args, Subcommand};
use std::path::Path;

pub use alerts::AlertsArgs;
pub use place::PlaceArgs;
pub use show::ShowArgs;

#[derive(Debug, Args)]
pub struct PathwayArgs {
    #[command(subcommand)]
    pub command: PathwayCommand,
}

#[derive(Debug, Subcommand)]
pub enum PathwayCommand {
    /// Structures whose stay ends soon with nothing planned, incubations past their exit,
    /// structures without premises, stale stays: one line (or JSON entry) per alert.
    Alerts(AlertsArgs),
    /// One structure's pathway: stage, current stay and agreement, next step, alerts, stays,
    /// grants, support, and the best sites for its next step.
    Show(ShowArgs),
    /// Record a placement: a planned stay of the structure on a site (the alert it answers goes).
    Place(PlaceArgs),
}

pub fn run(dir: &Path, args: &PathwayArgs, lang: Lang) -> Outcome {
    match &args.command {
        PathwayCommand::Alerts(a) => alerts::run(dir, a, lang),
        PathwayCommand::Show(a) => show::run(dir, a, lang),
        PathwayCommand::Place(a) => place::run(dir, a, lang),
    }
}
