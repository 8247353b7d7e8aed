//! `ancrage init [DIR]`: a new workspace from the embedded catalogue and demo.

use super::count::{Noun, count};
use super::failure::{Failure, Outcome};
use crate::i18n::{Lang, NBSP};
use crate::store::init::{Created, init_workspace};
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to create the workspace in (else --workspace, $ANCRAGE_WORKSPACE, the data dir).
    pub dir: Option<PathBuf>,
}

pub fn run(dir: &Path, lang: Lang) -> Outcome {
    let created = init_workspace(dir).map_err(|e| Failure::new(e.render(lang)))?;
    super::output::println(&created_message(dir, &created, lang), lang)?;
    Ok(ExitCode::SUCCESS)
}

/// `Espace de travail créé dans DIR : 12 lieux, 40 structures, 1 appel.`
pub fn created_message(dir: &Path, created: &Created, lang: Lang) -> String {
    let counts = format!(
        "{}, {}, {}",
        count(created.sites, Noun::Site, lang),
        count(created.structures, Noun::Structure, lang),
        count(created.calls, Noun::Call, lang)
    );
    match lang {
        Lang::Fr => format!(
            "Espace de travail créé dans {}{NBSP}: {counts} (catalogue d'Est Ensemble et démo fictive).",
            dir.display()
        ),
        Lang::En => format!(
            "Workspace created in {}: {counts} (Est Ensemble catalogue and fictional demo).",
            dir.display()
        ),
    }
}
