//! `ancrage import applications|sites|template`: application and site files in, through the
//! same workspace session as the cockpit — one journaled step, all or nothing.
//!
//! Exit codes: 0 imported (or nothing to change, or a dry run that would import); 1 refused
//! (an error in a row without `--skip-invalid`, no data row) or the workspace could not be read
//! or written.

use crate::cli::failure::{Failure, Outcome};
use crate::cli::output;
use crate::domain::{CallId, Workspace};
use crate::edit;
use crate::i18n::Lang;
use crate::import::field::Target;
use crate::import::mapping::Mapping;
use crate::import::{
    ImportFile, ImportOptions, Prepared, prepare_applications, prepare_sites, template,
};
use crate::review::ReviewState;
use crate::session::files::load_state;
use crate::session::{Access, Session, officer_name};
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// How long an import waits for another instance to release the workspace.
const LOCK_PATIENCE: Duration = Duration::from_secs(10);

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub command: ImportCommand,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import applications to a call from a CSV, XLSX or ODS file (form or platform export).
    Applications(ApplicationsArgs),
    /// Import sites and their lots from a CSV, XLSX or ODS file (one row per lot).
    Sites(FileArgs),
    /// Write empty CSV and XLSX files with the expected headers, and a README of accepted values.
    Template(TemplateArgs),
}

#[derive(Debug, Args)]
pub struct FileArgs {
    /// The file to import (CSV, XLSX or ODS).
    pub file: PathBuf,
    /// Say what would happen; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Import the valid rows even when others have errors.
    #[arg(long)]
    pub skip_invalid: bool,
    /// TOML file mapping other column headers to fields (`[columns] "Header" = "field"`).
    #[arg(long)]
    pub mapping: Option<PathBuf>,
    /// Machine-readable report: {"created", "updated", "unchanged", "applications_added",
    /// "problems": [{"row", "column", "value", "expected", "severity"}], …}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ApplicationsArgs {
    #[command(flatten)]
    pub file: FileArgs,
    /// The call the applications go to (its id, see `ancrage call create`).
    #[arg(long)]
    pub call: CallId,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Folder to write the template into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(dir: &Path, args: &ImportArgs, lang: Lang) -> Outcome {
    match &args.command {
        ImportCommand::Template(args) => write_template(&args.out, lang),
        ImportCommand::Applications(args) => import(dir, &args.file, Some(&args.call), lang),
        ImportCommand::Sites(args) => import(dir, args, None, lang),
    }
}

fn import(dir: &Path, args: &FileArgs, call: Option<&CallId>, lang: Lang) -> Outcome {
    let mut workspace = super::workspace::load(dir, lang)?;
    let bytes = std::fs::read(&args.file).map_err(|e| {
        Failure::new(match lang {
            Lang::Fr => format!("{}\u{a0}: lecture impossible ({e})", args.file.display()),
            Lang::En => format!("{}: cannot read ({e})", args.file.display()),
        })
    })?;
    let target = if call.is_some() {
        Target::Applications
    } else {
        Target::Sites
    };
    let options = ImportOptions {
        skip_invalid: args.skip_invalid,
        mapping: read_mapping(args.mapping.as_deref(), target, lang)?,
    };
    let name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let file = ImportFile {
        name: &name,
        bytes: &bytes,
    };
    let review = match call {
        Some(call) => load_state(dir, call).map_err(|e| Failure::new(e.message(lang)))?,
        None => None,
    };
    let prepare = |ws: &Workspace, review: Option<&ReviewState>| {
        match call {
            Some(call) => prepare_applications(&file, call, ws, review, &options),
            None => prepare_sites(&file, ws, &options),
        }
        .map_err(|e| Failure::new(e.message(&name, lang)))
    };
    let mut prepared = prepare(&workspace, review.as_ref())?;
    let mut written = false;
    let mut notes = Vec::new();
    if !args.dry_run && !prepared.report.is_refused() && prepared.operation.is_some() {
        let mut session = Session::open(
            dir,
            &workspace,
            call,
            &officer_name(),
            Access::WriteWaiting(LOCK_PATIENCE),
        )
        .map_err(|e| Failure::new(e.message(lang)))?;
        // Another instance may have changed the workspace since it was read: plan again on
        // what the journal holds.
        let pending = session.take_pending();
        if !pending.is_empty() || session.replayed() > 0 {
            for edit in &pending {
                edit::apply_unchecked(&mut workspace, edit);
            }
            prepared = prepare(&workspace, session.review())?;
        }
        if let Some(operation) = prepared.operation.clone()
            && !prepared.report.is_refused()
        {
            session
                .apply(&workspace, operation)
                .map_err(|e| Failure::new(e.message(lang)))?;
            written = true;
            if let Some(problem) = session.save_problem() {
                notes.push(match lang {
                    Lang::Fr => format!(
                        "import enregistré dans le journal, mais un fichier n’a pas pu être écrit ({problem})\u{a0}; il le sera à la prochaine ouverture"
                    ),
                    Lang::En => format!(
                        "import recorded in the journal, but a file could not be written ({problem}); it will be on next opening"
                    ),
                });
            }
        }
    }
    print_report(&prepared, args, written, lang)?;
    for note in notes {
        output::eprintln(&format!(
            "{}{note}",
            lang.pick("attention\u{a0}: ", "warning: ")
        ));
    }
    if prepared.report.is_refused() {
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

fn print_report(
    prepared: &Prepared,
    args: &FileArgs,
    written: bool,
    lang: Lang,
) -> Result<(), Failure> {
    let report = &prepared.report;
    if args.json {
        let json = report.json(lang, written, args.dry_run);
        return output::println(
            &serde_json::to_string_pretty(&json).unwrap_or_default(),
            lang,
        );
    }
    output::print(&report.render(lang), lang)?;
    let outcome = if report.is_refused() {
        lang.pick(
            "Import refusé\u{a0}: rien n’a été écrit. Corrigez les erreurs ci-dessus, ou relancez avec --skip-invalid pour n’importer que les lignes valides.",
            "Import refused: nothing was written. Fix the errors above, or run again with --skip-invalid to import the valid rows only.",
        )
    } else if prepared.operation.is_none() {
        lang.pick(
            "Rien à changer\u{a0}: l’espace de travail est déjà à jour.",
            "Nothing to change: the workspace is already up to date.",
        )
    } else if args.dry_run {
        lang.pick(
            "Simulation (--dry-run)\u{a0}: rien n’a été écrit.",
            "Dry run (--dry-run): nothing was written.",
        )
    } else if written {
        lang.pick(
            "Import enregistré en une seule étape du journal (annulable d’un coup avec u dans le poste de travail).",
            "Import recorded as one journal step (undone at once with u in the cockpit).",
        )
    } else {
        lang.pick("Rien n’a été écrit.", "Nothing was written.")
    };
    output::println(outcome, lang)
}

fn read_mapping(path: Option<&Path>, target: Target, lang: Lang) -> Result<Mapping, Failure> {
    match path {
        Some(path) => Mapping::read(path, target, lang).map_err(Failure::new),
        None => Ok(Mapping::default()),
    }
}

fn write_template(out: &Path, lang: Lang) -> Outcome {
    let files = template::files(lang).map_err(Failure::new)?;
    std::fs::create_dir_all(out).map_err(|e| Failure::new(format!("{}: {e}", out.display())))?;
    for file in &files {
        let path = out.join(file.name);
        if path.exists() {
            return Err(Failure::new(match lang {
                Lang::Fr => format!(
                    "{} existe déjà\u{a0}: il n’est pas remplacé",
                    path.display()
                ),
                Lang::En => format!("{} already exists: it is not replaced", path.display()),
            }));
        }
    }
    for file in files {
        let path = out.join(file.name);
        crate::store::atomic::write_bytes(&path, &file.bytes)
            .map_err(|e| Failure::new(format!("{}: {e}", path.display())))?;
        output::println(&path.display().to_string(), lang)?;
    }
    Ok(ExitCode::SUCCESS)
}
