//! The command-line front door. `ancrage` alone opens the workspace; subcommands serve scripts.

pub mod review;

use crate::i18n::Lang;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "ancrage",
    version,
    about = "Ancrer durablement les activités : lieux, structures, appels, jurys."
)]
pub struct Cli {
    /// Workspace folder (else $ANCRAGE_WORKSPACE, else the platform data directory).
    #[arg(long, global = true, env = "ANCRAGE_WORKSPACE")]
    pub workspace: Option<PathBuf>,

    /// Interface language: fr (default) or en.
    #[arg(long, global = true, default_value = "fr")]
    pub lang: Lang,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {}

/// Parses the arguments and runs the command; errors are printed here, once.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let _ = cli;
    ExitCode::SUCCESS
}
