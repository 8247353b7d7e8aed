//! Loading a workspace folder: every file decoded, every problem collected (never stopping at
//! the first), then the whole checked by `validate`.

use crate::domain::{ImpactFund, Money, Territory, Workspace};
use crate::store::decode::decode_reporting_all;
use crate::store::document::{CallDocument, SiteDocument, StructureDocument, TerritoryDocument};
use crate::store::expected::Expected;
use crate::store::files::{self, TERRITORY_FILE, WorkspaceFiles};
use crate::store::kind::Document;
use crate::store::locate::locate;
use crate::store::problem::{Problem, Problems};
use crate::store::validate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A workspace as far as it could be read, with every problem found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub workspace: Workspace,
    pub files: WorkspaceFiles,
    pub problems: Problems,
    /// Files written by an older ancrage, migrated in memory (saving rewrites them current).
    pub migrated: Vec<PathBuf>,
}

/// The workspace in `dir`, or every problem found in it.
pub fn load_workspace(dir: &Path) -> Result<Workspace, Problems> {
    let loaded = load_workspace_lenient(dir)?;
    if loaded.problems.is_empty() {
        Ok(loaded.workspace)
    } else {
        Err(loaded.problems)
    }
}

/// Loads what can be loaded and reports the rest; fails only when `dir` holds no workspace at
/// all. Broken files are left out of the workspace and listed in `files.unloadable`.
pub fn load_workspace_lenient(dir: &Path) -> Result<Loaded, Problems> {
    if !files::contains_workspace(dir) {
        return Err(Problems(vec![Problem::new(dir, "", Expected::Workspace)]));
    }
    let mut reader = Reader {
        dir,
        problems: Vec::new(),
        texts: BTreeMap::new(),
        files: WorkspaceFiles::default(),
        migrated: Vec::new(),
    };
    let territory = reader.territory();
    let mut sites = Vec::new();
    reader.folder::<SiteDocument>(&mut sites, |f| &mut f.sites);
    let mut structures = Vec::new();
    reader.folder::<StructureDocument>(&mut structures, |f| &mut f.structures);
    let mut calls = Vec::new();
    reader.folder::<CallDocument>(&mut calls, |f| &mut f.calls);

    reader.files.territory_loaded = territory.is_some();
    let workspace = Workspace {
        territory: territory.unwrap_or_else(empty_territory),
        sites,
        structures,
        calls,
    };
    let mut problems = reader.problems;
    problems.extend(validate::validate(&workspace, &reader.files));
    for problem in &mut problems {
        fill_location(problem, &reader.texts);
    }
    let mut problems = Problems(problems);
    problems.sort();
    Ok(Loaded {
        workspace,
        files: reader.files,
        problems,
        migrated: reader.migrated,
    })
}

/// Stand-in while `territory.json` is broken, so the rest can still be checked and shown.
fn empty_territory() -> Territory {
    Territory {
        name: String::new(),
        cities: Vec::new(),
        priority_zones: Vec::new(),
        sector_families: Vec::new(),
        impact_fund: ImpactFund {
            cap_per_structure: Money::ZERO,
            envelopes: Vec::new(),
        },
        pathway: Default::default(),
        support_organisations: Vec::new(),
    }
}

/// Points a problem at the start of the value its field path names, when the path is found in
/// the file's text: validation problems (found on typed values) get a place at all, and decode
/// problems get the same convention (serde reports where it stopped reading, often the end of
/// the value). Otherwise the problem keeps what it had.
fn fill_location(problem: &mut Problem, texts: &BTreeMap<PathBuf, String>) {
    if problem.field.is_empty() {
        return;
    }
    if let Some((line, column)) = texts
        .get(&problem.file)
        .and_then(|text| locate(text, &problem.field))
    {
        problem.line = Some(line);
        problem.column = Some(column);
    }
}

struct Reader<'a> {
    dir: &'a Path,
    problems: Vec<Problem>,
    /// Texts of the files that decoded, by relative path, to locate validation problems.
    texts: BTreeMap<PathBuf, String>,
    files: WorkspaceFiles,
    migrated: Vec<PathBuf>,
}

impl Reader<'_> {
    fn territory(&mut self) -> Option<Territory> {
        let relative = PathBuf::from(TERRITORY_FILE);
        if !self.dir.join(&relative).is_file() {
            self.problems
                .push(Problem::new(relative, "", Expected::PresentFile));
            return None;
        }
        self.file::<TerritoryDocument>(relative)
    }

    /// Every `*.json` of the kind's folder, sorted by name; a missing folder is an empty one.
    fn folder<D: Document>(
        &mut self,
        out: &mut Vec<D::Payload>,
        paths: impl Fn(&mut WorkspaceFiles) -> &mut Vec<PathBuf>,
    ) {
        let Some(folder) = D::KIND.folder() else {
            return;
        };
        let entries = match std::fs::read_dir(self.dir.join(folder)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(e) => {
                self.problems.push(Problem::new(
                    folder,
                    "",
                    Expected::ReadableFile(e.to_string()),
                ));
                return;
            }
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            // Hidden files are editors' and atomic writes' temporaries, not data.
            .filter(|name| name.ends_with(".json") && !name.starts_with('.'))
            .collect();
        names.sort();
        for name in names {
            let relative = Path::new(folder).join(name);
            if let Some(item) = self.file::<D>(relative.clone()) {
                out.push(item);
                paths(&mut self.files).push(relative);
            }
        }
    }

    fn file<D: Document>(&mut self, relative: PathBuf) -> Option<D::Payload> {
        let text = match read_text(&self.dir.join(&relative)) {
            Ok(text) => text,
            Err(why) => {
                self.problems
                    .push(Problem::new(&relative, "", Expected::ReadableFile(why)));
                self.files.unloadable.push(relative);
                return None;
            }
        };
        match decode_reporting_all::<D>(&relative, &text) {
            Ok(decoded) => {
                if decoded.migrated_from.is_some() {
                    self.migrated.push(relative.clone());
                }
                self.texts.insert(relative, text);
                Some(decoded.document.into_payload())
            }
            Err(problems) => {
                let texts = BTreeMap::from([(relative.clone(), text)]);
                for mut problem in problems {
                    fill_location(&mut problem, &texts);
                    self.problems.push(problem);
                }
                self.files.unloadable.push(relative);
                None
            }
        }
    }
}

/// The file as text; a UTF-8 byte-order mark (some Windows editors add one) is dropped.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}
