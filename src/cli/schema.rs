//! `ancrage schema DIR`: JSON Schemas of the workspace files, for editors to validate them.

use super::failure::{Failure, Outcome};
use crate::i18n::{Lang, NBSP};
use crate::store::atomic;
use crate::store::document::{CallDocument, SiteDocument, StructureDocument, TerritoryDocument};
use clap::Args;
use schemars::{Schema, schema_for};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Folder to write site/structure/call/territory.schema.json into (created if needed).
    pub dir: PathBuf,
}

/// Every schema with its file name.
pub fn schemas() -> [(&'static str, Schema); 4] {
    [
        ("site.schema.json", schema_for!(SiteDocument)),
        ("structure.schema.json", schema_for!(StructureDocument)),
        ("call.schema.json", schema_for!(CallDocument)),
        ("territory.schema.json", schema_for!(TerritoryDocument)),
    ]
}

pub fn run(args: &SchemaArgs, lang: Lang) -> Outcome {
    let dir = &args.dir;
    std::fs::create_dir_all(dir).map_err(|e| cannot_write(dir, &e, lang))?;
    let all = schemas();
    for (name, schema) in &all {
        let path = dir.join(name);
        atomic::write_json(&path, schema, atomic::Access::Shared)
            .map_err(|e| cannot_write(&path, &e, lang))?;
    }
    let names: Vec<_> = all.iter().map(|(n, _)| *n).collect();
    let done = match lang {
        Lang::Fr => format!(
            "Schémas écrits dans {}{NBSP}: {}",
            dir.display(),
            names.join(", ")
        ),
        Lang::En => format!("Schemas written in {}: {}", dir.display(), names.join(", ")),
    };
    super::output::println(&done, lang)?;
    Ok(ExitCode::SUCCESS)
}

fn cannot_write(path: &Path, e: &std::io::Error, lang: Lang) -> Failure {
    Failure::new(match lang {
        Lang::Fr => format!(
            "écriture de {} impossible{NBSP}: {}",
            path.display(),
            atomic::io_message(e, lang)
        ),
        Lang::En => format!(
            "cannot write {}: {}",
            path.display(),
            atomic::io_message(e, lang)
        ),
    })
}
