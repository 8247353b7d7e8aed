//! `ancrage export`: write the jury file of a call (XLSX, ODS, CSV, HTML pack, Markdown, JSON).
//!
//! Exit codes: 0 written; 2 refused (unknown call or site, file exists without --force, not a
//! regular file, no such folder); 1 the workspace could not be read or the file could not be
//! written.

use crate::cli::failure::{Failure, Outcome};
use crate::cli::output;
use crate::cli::suggest::closest;
use crate::cli::workspace;
use crate::domain::{CallId, SiteId, Workspace};
use crate::export::report::ReportOptions;
use crate::export::run::{Exported, export_loaded, render_loaded};
use crate::export::write::is_stdout;
use crate::export::{ExportError, ExportOptions, Format, default_file_name};
use crate::i18n::{self, Lang};
use crate::review::Status;
use chrono::NaiveDate;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Call identifier (its file name in calls/).
    #[arg(long)]
    pub call: CallId,
    /// xlsx, ods, csv (UTF-8, `,`), csv-excel (BOM, `;`, decimal comma), html, md or json.
    #[arg(long)]
    pub format: Format,
    /// Only this site of the call.
    #[arg(long)]
    pub site: Option<SiteId>,
    /// Statuses to export, repeated or comma-separated (default: preselectionne).
    #[arg(long, value_delimiter = ',')]
    pub status: Vec<Status>,
    /// Include contact people, e-mails and phones (left out by default).
    #[arg(long)]
    pub with_personal_data: bool,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Output file (default: jury-<call>-<yyyy-mm-dd>.<ext> in the current folder); a folder
    /// gets that name inside it; `-` writes to standard output.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
}

pub fn run(dir: &Path, args: &ExportArgs, lang: Lang, today: NaiveDate) -> Outcome {
    let ws = workspace::load(dir, lang)?;
    check_ids(&ws, args, lang)?;
    let options = ExportOptions {
        call: args.call.clone(),
        format: args.format,
        report: ReportOptions {
            site: args.site.clone(),
            statuses: args.status.clone(),
            with_personal_data: args.with_personal_data,
            lang,
            today,
            only: None,
        },
        output: args
            .output
            .clone()
            .unwrap_or_else(|| PathBuf::from(default_file_name(&args.call, today, args.format))),
        force: args.force,
    };
    let failure = |e: ExportError| Failure {
        message: e.message(lang),
        code: e.exit_code(),
    };
    let applications = if is_stdout(&options.output) {
        // The file itself on standard output; what would be said about it goes to stderr.
        let rendered = render_loaded(dir, &ws, &options).map_err(failure)?;
        output::write_bytes(&rendered.bytes, lang)?;
        rendered.applications
    } else {
        let exported = export_loaded(dir, &ws, &options).map_err(failure)?;
        output::println(&done(&exported, lang), lang)?;
        exported.applications
    };
    if applications == 0 {
        let hint = match lang {
            Lang::Fr => {
                "Aucune candidature dans ce périmètre : --status en choisit d'autres (par exemple --status en_instruction)."
            }
            Lang::En => {
                "No application in this scope: --status chooses others (for example --status en_instruction)."
            }
        };
        output::eprintln(&i18n::typography(hint, lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// Unknown call or site: refused with the closest ids, before anything is read further.
fn check_ids(ws: &Workspace, args: &ExportArgs, lang: Lang) -> Result<(), Failure> {
    let refuse = |what_fr: &str, what_en: &str, id: &str, ids: Vec<&str>| {
        let list = closest(id, ids.into_iter(), 3).join(", ");
        let hint = match (list.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::Fr) => format!(". Vouliez-vous dire : {list} ?"),
            (false, Lang::En) => format!(". Did you mean: {list}?"),
        };
        let text = match lang {
            Lang::Fr => format!("{what_fr} : « {id} »{hint}"),
            Lang::En => format!("{what_en}: “{id}”{hint}"),
        };
        Failure {
            message: i18n::typography(&text, lang),
            code: 2,
        }
    };
    let Some(call) = ws.call(&args.call) else {
        let ids = ws.calls.iter().map(|c| c.id.as_str()).collect();
        return Err(refuse(
            "Appel inconnu",
            "Unknown call",
            args.call.as_str(),
            ids,
        ));
    };
    if let Some(site) = &args.site
        && !call.sites.contains(site)
    {
        let ids = call.sites.iter().map(SiteId::as_str).collect();
        return Err(refuse(
            "Site hors de l'appel",
            "Site not in the call",
            site.as_str(),
            ids,
        ));
    }
    Ok(())
}

fn done(exported: &Exported, lang: Lang) -> String {
    let path = exported.path.display();
    let n = exported.applications;
    let text = match (lang, exported.personal_data) {
        (Lang::Fr, false) => {
            format!(
                "Dossier du jury écrit : {path} ({n} candidature(s), sans données personnelles)"
            )
        }
        (Lang::Fr, true) => {
            format!(
                "Dossier du jury écrit : {path} ({n} candidature(s), AVEC données personnelles)"
            )
        }
        (Lang::En, false) => {
            format!("Jury file written: {path} ({n} application(s), no personal data)")
        }
        (Lang::En, true) => {
            format!("Jury file written: {path} ({n} application(s), WITH personal data)")
        }
    };
    i18n::typography(&text, lang)
}
