//! `ancrage demo-data`: writes a large synthetic workspace (see `crate::demo_data`).

use crate::cli::count::{Noun, count};
use crate::cli::failure::Failure;
use crate::demo_data::{Size, generate};
use crate::domain::Territory;
use crate::i18n::{self, Lang};
use crate::store::document::{CallDocument, SiteDocument, StructureDocument, TerritoryDocument};
use serde::Serialize;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, clap::Args)]
pub struct DemoDataArgs {
    /// Number of structures.
    #[arg(long, default_value_t = 5000)]
    pub structures: usize,
    /// Number of sites.
    #[arg(long, default_value_t = 200)]
    pub sites: usize,
    /// Seed: the same seed gives the same workspace.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Folder to create (must not exist, or be empty).
    #[arg(long)]
    pub out: PathBuf,
}

/// The embedded territory the synthetic sites and structures are placed on.
pub fn embedded_territory() -> Result<Territory, String> {
    let (_, text) = crate::store::embedded::files()
        .iter()
        .find(|(path, _)| *path == "territory.json")
        .ok_or("the binary embeds no territory.json")?;
    serde_json::from_str::<TerritoryDocument>(text)
        .map(|d| d.territory)
        .map_err(|e| format!("embedded territory.json: {e}"))
}

/// Writes one document. Plain writes, not atomic ones: the folder is new and holds nothing the
/// officer confirmed, and a hundred thousand fsyncs would take minutes.
fn write<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    let mut text = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
    text.push(b'\n');
    std::fs::write(path, text)
}

fn is_empty_or_missing(dir: &Path) -> io::Result<bool> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e),
    }
}

/// Generates and writes the workspace; returns a one-line summary.
pub fn run(args: &DemoDataArgs, today: chrono::NaiveDate, lang: Lang) -> Result<String, Failure> {
    write_workspace(args, today, lang).map_err(|m| Failure::new(format!("ancrage demo-data: {m}")))
}

fn write_workspace(
    args: &DemoDataArgs,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<String, String> {
    let out = &args.out;
    let fail = |e: io::Error| format!("{}: {e}", out.display());
    if !is_empty_or_missing(out).map_err(fail)? {
        return Err(format!(
            "{}: the folder is not empty; ancrage demo-data only writes into a new or empty folder",
            out.display()
        ));
    }
    let territory = embedded_territory()?;
    let size = Size {
        structures: args.structures,
        sites: args.sites,
    };
    let ws = generate(&territory, size, args.seed, today);
    for sub in ["sites", "structures", "calls"] {
        std::fs::create_dir_all(out.join(sub)).map_err(fail)?;
    }
    write(
        &out.join("territory.json"),
        &TerritoryDocument::new(ws.territory.clone()),
    )
    .map_err(fail)?;
    for site in &ws.sites {
        let path = out.join("sites").join(format!("{}.json", site.id));
        write(&path, &SiteDocument::new(site.clone())).map_err(fail)?;
    }
    for structure in &ws.structures {
        let path = out
            .join("structures")
            .join(format!("{}.json", structure.id));
        write(&path, &StructureDocument::new(structure.clone())).map_err(fail)?;
    }
    for call in &ws.calls {
        let path = out.join("calls").join(format!("{}.json", call.id));
        write(&path, &CallDocument::new(call.clone())).map_err(fail)?;
    }
    let counts = [
        count(ws.sites.len(), Noun::Site, lang),
        count(ws.structures.len(), Noun::Structure, lang),
        count(ws.calls.len(), Noun::Call, lang),
    ]
    .join(", ");
    let place = out.display();
    let seed = args.seed;
    Ok(match lang {
        Lang::Fr => i18n::typography(&format!("{place} : {counts} (graine {seed})"), lang),
        Lang::En => format!("{place}: {counts} (seed {seed})"),
    })
}
