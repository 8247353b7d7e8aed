//! The command-line front door. `ancrage` alone opens the workspace; subcommands serve scripts.

pub mod allocate;
mod call;
mod check;
mod count;
pub mod demo_data;
pub mod export;
mod failure;
pub mod fund;
pub mod import;
mod init;
pub mod open;
pub mod output;
pub mod pathway;
pub mod rank;
pub mod rank_robustness;
mod record;
pub mod report;
pub mod review;
mod schema;
pub mod stats;
pub mod suggest;
mod summary;
pub mod table;
pub mod tie_break;
mod unknown;
mod workspace;

use crate::i18n::Lang;
use crate::store::location;
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

    /// Interface language: fr or en (default: `lang` in the config file, else fr).
    #[arg(long, global = true)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a workspace from the embedded catalogue and demo (refuses an existing one).
    Init(init::InitArgs),
    /// Check every file of the workspace; print each problem; exit 1 if there is any.
    Check,
    /// Write JSON Schemas of the workspace files into DIR, for editors.
    Schema(schema::SchemaArgs),
    /// Print where the workspace is and what it holds (sites, lots and m² by kind and city).
    Summary,
    /// Rank structures for a site, sites for a structure, or every pair — with the reasons.
    Rank(rank::RankArgs),
    /// Write a large synthetic workspace (benchmarks, trying the cockpit at scale).
    DemoData(demo_data::DemoDataArgs),
    /// Review a call's applications: list them with their status, decide on one.
    Review(review::ReviewArgs),
    /// Write the jury file of a call: xlsx, ods, csv, csv-excel, html, md or json.
    Export(export::ExportArgs),
    /// The residential pathway: alerts, one structure's pathway, recording a placement.
    Pathway(pathway::PathwayArgs),
    /// The territory's balance per zone and city, and the impact fund of the year.
    Stats(stats::StatsArgs),
    /// The impact fund: record a grant.
    Fund(fund::FundArgs),
    /// The yearly report for the territorial council: xlsx, ods, html or md.
    Report(report::ReportArgs),
    /// Propose who gets which lot of a call, for the most points, within a certified gap.
    Allocate(allocate::AllocateArgs),
    /// Import applications or sites from CSV, XLSX or ODS; write an import template.
    Import(import::ImportArgs),
    /// Create a call (AMI) for applications to land in.
    Call(call::CallArgs),
}

/// Today's date on the officer's clock.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Parses the arguments and runs the command; errors are printed here, once.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let (config, config_problem) = crate::store::config::load();
    if let Some(problem) = config_problem {
        output::eprintln(&format!(
            "ancrage: {problem} (réglages ignorés / settings ignored)"
        ));
    }
    let lang = cli.lang.or(config.lang).unwrap_or_default();
    let workspace = || location::resolve(cli.workspace.clone());
    let outcome = match &cli.command {
        None => open::open(&workspace(), lang),
        Some(Command::Summary) => summary::run(&workspace(), lang),
        Some(Command::Init(args)) => init::run(&args.dir.clone().unwrap_or_else(workspace), lang),
        Some(Command::Check) => check::run(&workspace(), lang),
        Some(Command::Schema(args)) => schema::run(args, lang),
        Some(Command::Rank(args)) => rank::run(&workspace(), args, lang),
        Some(Command::Review(args)) => review::run(&workspace(), args, lang),
        Some(Command::Export(args)) => export::run(&workspace(), args, lang, today()),
        Some(Command::Pathway(args)) => pathway::run(&workspace(), args, lang),
        Some(Command::Stats(args)) => stats::run(&workspace(), args, lang),
        Some(Command::Fund(args)) => fund::run(&workspace(), args, lang),
        Some(Command::Report(args)) => report::run(&workspace(), args, lang),
        Some(Command::Allocate(args)) => allocate::run(&workspace(), args, lang),
        Some(Command::Import(args)) => import::run(&workspace(), args, lang),
        Some(Command::Call(args)) => call::run(&workspace(), args, lang, today()),
        Some(Command::DemoData(args)) => demo_data::run(args, today(), lang)
            .and_then(|summary| output::println(&summary, lang))
            .map(|()| ExitCode::SUCCESS),
    };
    outcome.unwrap_or_else(|failure| {
        if !failure.message.is_empty() {
            output::eprintln(&failure.message);
        }
        failure.exit_code()
    })
}
