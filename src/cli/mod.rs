//! The command-line front door. `ancrage` alone opens the workspace; subcommands serve scripts.

pub mod demo_data;
pub mod open;
pub mod rank;
pub mod suggest;
pub mod table;

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
pub enum Command {
    /// Write a large synthetic workspace (benchmarks, trying the cockpit at scale).
    DemoData(demo_data::DemoDataArgs),
}

/// Today's date on the officer's clock.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Parses the arguments and runs the command; errors are printed here, once.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::DemoData(args)) => match demo_data::run(args, today()) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("ancrage demo-data: {message}");
                ExitCode::FAILURE
            }
        },
        None => ExitCode::SUCCESS,
    }
}
