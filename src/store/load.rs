//! Loading a workspace folder: every file decoded, every problem collected (never stopping at
//! the first), then the whole checked by `validate`.
//!
//! Three steps: list the folders (`scan`), decode each file — a pure function of its path and
//! bytes ([`decode_file`]), so the files are decoded on every core — then merge and validate.
//! The texts are not kept: the few files with a problem are read again to locate it. A file that does not decode is repaired around its errors (`salvage`) and the
//! repair validated too, so one `ancrage check` shows all of a file's problems.
//!
//! Two entry points: [`load_workspace_lenient`] keeps every record that decoded (for `check`
//! and `summary`, and for the strict [`load_workspace`] of the commands that write, which
//! refuse any problem); [`load_workspace_usable`] leaves out the records of every file with a
//! problem, for the cockpit to open whatever one file says.

use crate::domain::{Call, ImpactFund, Money, Site, Structure, Territory, Workspace};
use crate::parallel;
use crate::store::decode::{Failed, decode_reporting_all};
use crate::store::document::{CallDocument, SiteDocument, StructureDocument, TerritoryDocument};
use crate::store::expected::Expected;
use crate::store::files::{self, TERRITORY_FILE, WorkspaceFiles};
use crate::store::kind::Document;
use crate::store::locate::locate;
use crate::store::problem::{Problem, Problems};
use crate::store::salvage::Repaired;
use crate::store::scan::{self, Listing};
use crate::store::validate;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A workspace as far as it could be read, with every problem found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub workspace: Workspace,
    pub files: WorkspaceFiles,
    pub problems: Problems,
    /// Files written by an older ancrage, migrated in memory (saving rewrites them current).
    pub migrated: Vec<PathBuf>,
    /// Files with at least one problem: never to be rewritten by the program. In a
    /// [`load_workspace_usable`] workspace their records are left out.
    pub broken: BTreeSet<PathBuf>,
    /// The records of broken files that decoded, left out of a [`load_workspace_usable`]
    /// workspace (empty otherwise): what the cockpit names as unavailable.
    pub left_out: LeftOut,
}

/// Records left out of the usable workspace, each with its file (relative to the workspace).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LeftOut {
    pub sites: Vec<(PathBuf, Site)>,
    pub structures: Vec<(PathBuf, Structure)>,
    pub calls: Vec<(PathBuf, Call)>,
}

impl LeftOut {
    pub fn is_empty(&self) -> bool {
        self.sites.is_empty() && self.structures.is_empty() && self.calls.is_empty()
    }
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

/// For the cockpit, at start-up and on Ctrl-l: every record whose file has no problem, the
/// problems, and the broken files (whose records are left out and must never be rewritten).
/// The territory stays when it decoded, even with problems: without it nothing can be ranked.
/// Fails only when `dir` holds no workspace at all.
pub fn load_workspace_usable(dir: &Path) -> Result<Loaded, Problems> {
    load_workspace_lenient(dir).map(usable)
}

/// A lenient load made usable: the records of broken files move to `left_out` (for a caller
/// that also needs the whole, such as the audit, before leaving them out).
pub fn usable(mut loaded: Loaded) -> Loaded {
    let broken = &loaded.broken;
    let files = &mut loaded.files;
    let ws = &mut loaded.workspace;
    let left_out = &mut loaded.left_out;
    left_out.sites = keep_unbroken(&mut ws.sites, &mut files.sites, broken);
    left_out.structures = keep_unbroken(&mut ws.structures, &mut files.structures, broken);
    left_out.calls = keep_unbroken(&mut ws.calls, &mut files.calls, broken);
    loaded
}

/// Keeps the items whose file is not broken; returns the others with their files.
fn keep_unbroken<T>(
    items: &mut Vec<T>,
    paths: &mut Vec<PathBuf>,
    broken: &BTreeSet<PathBuf>,
) -> Vec<(PathBuf, T)> {
    let mut left = Vec::new();
    for (item, path) in std::mem::take(items).into_iter().zip(std::mem::take(paths)) {
        if broken.contains(&path) {
            left.push((path, item));
        } else {
            items.push(item);
            paths.push(path);
        }
    }
    left
}

/// Loads what can be loaded and reports the rest; fails only when `dir` holds no workspace at
/// all. Files that do not decode are left out of the workspace and listed in
/// `files.unloadable`; records with validation problems stay (see `broken`).
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
        repaired: Repairs::default(),
    };
    let territory = reader.territory();
    let sites = reader.folder::<SiteDocument>(|f| &mut f.sites, |r| &mut r.sites);
    let structures =
        reader.folder::<StructureDocument>(|f| &mut f.structures, |r| &mut r.structures);
    let calls = reader.folder::<CallDocument>(|f| &mut f.calls, |r| &mut r.calls);

    reader.files.territory_loaded = territory.is_some();
    let workspace = Workspace {
        territory: territory.unwrap_or_else(empty_territory),
        sites,
        structures,
        calls,
    };
    let mut problems = reader.problems;
    problems.extend(validate::validate(&workspace, &reader.files));
    problems.extend(
        reader
            .repaired
            .validate(&workspace, &reader.files, &problems),
    );
    let mut texts = reader.texts;
    for problem in &mut problems {
        fill_location(problem, &mut texts, dir);
    }
    let mut problems = Problems(problems);
    problems.sort();
    let broken = problems.iter().map(|p| p.file.clone()).collect();
    Ok(Loaded {
        workspace,
        files: reader.files,
        problems,
        migrated: reader.migrated,
        broken,
        left_out: LeftOut::default(),
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
///
/// `texts` holds the texts read so far; a file not in it is read from `dir` once (only files
/// with a problem are, so a large workspace does not keep every text in memory).
fn fill_location(problem: &mut Problem, texts: &mut Texts, dir: &Path) {
    if problem.field.is_empty() && problem.line.is_some() {
        return;
    }
    let text = texts.entry(problem.file.clone()).or_insert_with(|| {
        // Only a regular file is read again: a FIFO or a device in its place (itself the
        // problem) would block or never end.
        let path = dir.join(&problem.file);
        let regular = std::fs::metadata(&path).is_ok_and(|m| m.is_file());
        regular
            .then(|| std::fs::read(&path).ok())
            .flatten()
            .and_then(|bytes| into_text(bytes).ok())
    });
    // A problem of the whole document (a missing top-level field) points at its start.
    if let Some((line, column)) = text
        .as_deref()
        .and_then(|text| locate(text, &problem.field))
    {
        problem.line = Some(line);
        problem.column = Some(column);
    }
}

/// What decoding one file gave: a pure function of its path and bytes, so files can be
/// decoded in any order, on any thread.
pub struct FileResult<D: Document> {
    pub relative: PathBuf,
    /// The text, when it is UTF-8 (to locate problems in it).
    pub text: Option<String>,
    pub outcome: Result<Decoded<D>, Failed<D>>,
}

/// A decoded file: its payload and whether it was migrated from an older version.
pub struct Decoded<D: Document> {
    pub payload: D::Payload,
    pub migrated: bool,
}

/// Decodes the bytes of the workspace file `relative` as a `D` (taken, not copied: a large
/// workspace is mostly text).
pub fn decode_file<D: Document>(relative: PathBuf, bytes: Vec<u8>) -> FileResult<D> {
    let text = match into_text(bytes) {
        Ok(text) => text,
        Err(e) => {
            let problem = Problem::new(&relative, "", Expected::ReadableFile(e.to_string()));
            return FileResult {
                relative,
                text: None,
                outcome: Err(Failed {
                    problems: vec![problem],
                    repaired: None,
                }),
            };
        }
    };
    let outcome = decode_reporting_all::<D>(&relative, &text).map(|decoded| Decoded {
        migrated: decoded.migrated_from.is_some(),
        payload: decoded.document.into_payload(),
    });
    FileResult {
        relative,
        text: Some(text),
        outcome,
    }
}

/// A file's bytes as text, without the UTF-8 byte-order mark some Windows editors add.
fn into_text(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    let mut text = String::from_utf8(bytes)?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Texts of workspace files by relative path (none: unreadable or not UTF-8).
type Texts = BTreeMap<PathBuf, Option<String>>;

/// Repaired documents of the files that did not decode, by kind.
#[derive(Default)]
struct Repairs {
    sites: Vec<(PathBuf, Repaired<SiteDocument>)>,
    structures: Vec<(PathBuf, Repaired<StructureDocument>)>,
    calls: Vec<(PathBuf, Repaired<CallDocument>)>,
}

impl Repairs {
    /// The validation problems of the repaired documents, at their fields in the original
    /// files (nothing under a stand-in, nothing already reported). Validated beside the loaded
    /// records, so references and duplicates are checked too.
    fn validate(
        &self,
        workspace: &Workspace,
        files: &WorkspaceFiles,
        reported: &[Problem],
    ) -> Vec<Problem> {
        if self.sites.is_empty() && self.structures.is_empty() && self.calls.is_empty() {
            return Vec::new();
        }
        let mut shadow = workspace.clone();
        let mut shadow_files = files.clone();
        type Original<'r> = Box<dyn Fn(&str) -> Option<String> + 'r>;
        let mut mapping: BTreeMap<PathBuf, Original<'_>> = BTreeMap::new();
        for (path, repaired) in &self.sites {
            shadow.sites.push(repaired.document.site.clone());
            shadow_files.sites.push(path.clone());
            mapping.insert(path.clone(), Box::new(|f| repaired.original_field(f)));
        }
        for (path, repaired) in &self.structures {
            shadow.structures.push(repaired.document.structure.clone());
            shadow_files.structures.push(path.clone());
            mapping.insert(path.clone(), Box::new(|f| repaired.original_field(f)));
        }
        for (path, repaired) in &self.calls {
            shadow.calls.push(repaired.document.call.clone());
            shadow_files.calls.push(path.clone());
            mapping.insert(path.clone(), Box::new(|f| repaired.original_field(f)));
        }
        shadow_files.unloadable.retain(|p| !mapping.contains_key(p));
        let already: BTreeSet<(&Path, &str)> = reported
            .iter()
            .map(|p| (p.file.as_path(), p.field.as_str()))
            .collect();
        validate::validate(&shadow, &shadow_files)
            .into_iter()
            .filter_map(|mut problem| {
                let original = mapping.get(&problem.file)?;
                problem.field = original(&problem.field)?;
                (!already.contains(&(problem.file.as_path(), problem.field.as_str())))
                    .then_some(problem)
            })
            .collect()
    }
}

/// Files a thread takes at a time: enough to make the hand-over cheap, few enough that one
/// thread does not end up with the large files alone.
const FILES_PER_CHUNK: usize = 64;

/// Reads and decodes one file.
fn read<D: Document>(dir: &Path, relative: PathBuf) -> FileResult<D> {
    match std::fs::read(dir.join(&relative)) {
        Ok(bytes) => decode_file::<D>(relative, bytes),
        Err(e) => {
            let problem = Problem::new(&relative, "", Expected::ReadableFile(e.to_string()));
            FileResult {
                relative,
                text: None,
                outcome: Err(Failed {
                    problems: vec![problem],
                    repaired: None,
                }),
            }
        }
    }
}

struct Reader<'a> {
    dir: &'a Path,
    problems: Vec<Problem>,
    /// Texts of the files that did not decode, to locate their problems.
    texts: Texts,
    files: WorkspaceFiles,
    migrated: Vec<PathBuf>,
    repaired: Repairs,
}

impl Reader<'_> {
    fn territory(&mut self) -> Option<Territory> {
        let relative = PathBuf::from(TERRITORY_FILE);
        let root = self.dir.canonicalize().ok();
        if let Err(expected) = scan::check_entry(&self.dir.join(&relative), root.as_deref()) {
            self.problems.push(Problem::new(&relative, "", expected));
            return None;
        }
        let result = read::<TerritoryDocument>(self.dir, relative);
        self.merge(result, |_| {}, |_, _| {})
    }

    /// Every data file of the kind's folder, sorted by name.
    fn folder<D: Document>(
        &mut self,
        paths: impl Fn(&mut WorkspaceFiles) -> &mut Vec<PathBuf>,
        repairs: impl Fn(&mut Repairs) -> &mut Vec<(PathBuf, Repaired<D>)>,
    ) -> Vec<D::Payload> {
        let Some(folder) = D::KIND.folder() else {
            return Vec::new();
        };
        let Listing { files, problems } = scan::list_folder(self.dir, folder);
        self.problems.extend(problems);
        // Pure per file, so spread over the cores; the results come back in the files' order.
        let dir = self.dir;
        let results: Vec<FileResult<D>> = parallel::map_indexed(
            files.len(),
            parallel::available_threads(),
            FILES_PER_CHUNK,
            || (),
            |_, i| read::<D>(dir, files[i].clone()),
        );
        let mut out = Vec::with_capacity(results.len());
        for result in results {
            let relative = result.relative.clone();
            let loaded = self.merge(
                result,
                |files| paths(files).push(relative.clone()),
                |reader, repaired| repairs(&mut reader.repaired).push((relative.clone(), repaired)),
            );
            out.extend(loaded);
        }
        out
    }

    /// Takes one file's result into the load: its payload, or its problems (located) and
    /// its repaired document.
    fn merge<D: Document>(
        &mut self,
        result: FileResult<D>,
        on_loaded: impl FnOnce(&mut WorkspaceFiles),
        on_repaired: impl FnOnce(&mut Self, Repaired<D>),
    ) -> Option<D::Payload> {
        let FileResult {
            relative,
            text,
            outcome,
        } = result;
        if outcome.is_err() {
            self.texts.insert(relative.clone(), text);
        }
        match outcome {
            Ok(decoded) => {
                if decoded.migrated {
                    self.migrated.push(relative);
                }
                on_loaded(&mut self.files);
                Some(decoded.payload)
            }
            Err(failed) => {
                for mut problem in failed.problems {
                    fill_location(&mut problem, &mut self.texts, self.dir);
                    self.problems.push(problem);
                }
                self.files.unloadable.push(relative);
                if let Some(repaired) = failed.repaired {
                    on_repaired(self, repaired);
                }
                None
            }
        }
    }
}
