//! `ancrage report --year YYYY --format xlsx|ods|html|md`: the yearly report for the council.
//!
//! Exit codes: 0 written; 2 refused (a format the report is not offered in, file exists without
//! --force); 1 the workspace could not be read or the file could not be written.

use crate::cli::failure::{Failure, Outcome};
use crate::cli::output;
use crate::cli::workspace;
use crate::export::Format;
use crate::export::council::{self, CouncilOptions};
use crate::i18n::{self, Lang};
use chrono::{Datelike, NaiveDate};
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The year reported on (default: today's year).
    #[arg(long)]
    pub year: Option<i32>,
    /// xlsx, ods, html or md.
    #[arg(long)]
    pub format: Format,
    /// The day occupation and alerts are read on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// Include the structures' contact people, e-mails and phones (left out by default).
    #[arg(long)]
    pub with_personal_data: bool,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Output file (default: rapport-conseil-<year>-<yyyy-mm-dd>.<ext> in the current folder).
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
}

pub fn run(dir: &Path, args: &ReportArgs, lang: Lang) -> Outcome {
    if !council::FORMATS.contains(&args.format) {
        let text = match lang {
            Lang::Fr => format!(
                "le rapport au conseil s'écrit en xlsx, ods, html ou md (pas en {})",
                args.format
            ),
            Lang::En => format!(
                "the council report is written in xlsx, ods, html or md (not {})",
                args.format
            ),
        };
        return Err(Failure {
            message: text,
            code: 2,
        });
    }
    let ws = workspace::load(dir, lang)?;
    let today = args.today.unwrap_or_else(crate::cli::today);
    let year = args.year.unwrap_or(today.year());
    let options = CouncilOptions {
        year,
        today,
        lang,
        with_personal_data: args.with_personal_data,
    };
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(council::default_file_name(year, today, args.format)));
    let path = council::write_council_report(&ws, &options, args.format, &output, args.force)
        .map_err(|e| Failure {
            message: e.message(lang),
            code: e.exit_code(),
        })?;
    let text = match (lang, args.with_personal_data) {
        (Lang::Fr, false) => format!(
            "Rapport au conseil {year} écrit : {} (sans données personnelles)",
            path.display()
        ),
        (Lang::Fr, true) => format!(
            "Rapport au conseil {year} écrit : {} (AVEC données personnelles)",
            path.display()
        ),
        (Lang::En, false) => format!(
            "Council report {year} written: {} (no personal data)",
            path.display()
        ),
        (Lang::En, true) => format!(
            "Council report {year} written: {} (WITH personal data)",
            path.display()
        ),
    };
    // The file is written: a confirmation nobody could read does not make it a failure.
    if let Err(failure) = output::println(&i18n::typography(&text, lang), lang)
        && !failure.message.is_empty()
    {
        output::eprintln(&failure.message);
    }
    Ok(ExitCode::SUCCESS)
}
