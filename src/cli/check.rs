//! `ancrage check`: every problem of the workspace — its data files, and the saved reviews,
//! journal and lock as the review commands read them — one per line; exit 1 if any.

use super::count::{Noun, count};
use super::failure::{Failure, Outcome};
use super::output;
use crate::domain::Workspace;
use crate::i18n::{Lang, NBSP};
use crate::session::audit::audit;
use crate::store::files::contains_workspace;
use crate::store::load::load_workspace_lenient;
use crate::store::problem::Problems;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(dir: &Path, lang: Lang) -> Outcome {
    if !contains_workspace(dir) {
        return Err(Failure::new(missing_workspace(dir, lang)));
    }
    let loaded = load_workspace_lenient(dir).map_err(|p| Failure::new(p.render(lang)))?;
    let audit = audit(dir, &loaded.workspace, &loaded.files);
    let mut problems = loaded.problems.clone();
    problems.0.extend(audit.problems);
    problems.sort();
    let mut notices: Vec<String> = audit.torn.iter().map(|t| t.message(lang)).collect();
    if !audit.temporaries.is_empty() {
        notices.push(temporaries(&audit.temporaries, lang));
    }
    if !problems.is_empty() {
        output::println(&problems.render(lang), lang)?;
        output::println(&tally(&problems, lang), lang)?;
        for notice in &notices {
            output::println(notice, lang)?;
        }
        return Ok(ExitCode::FAILURE);
    }
    output::println(&clean(&loaded.workspace, lang), lang)?;
    if !loaded.migrated.is_empty() {
        output::println(&migrated(&loaded.migrated, lang), lang)?;
    }
    for notice in &notices {
        output::println(notice, lang)?;
    }
    let decisions = decision_warnings(dir, &loaded.workspace, lang);
    for line in decisions.warnings.iter().chain(&decisions.unreadable) {
        output::println(line, lang)?;
    }
    Ok(if decisions.unreadable.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// What the calls' decisions say: warnings (a lot given twice, a pool over its m²…) that never
/// fail the check, and review files that cannot be read, which do.
#[derive(Debug, Default)]
pub struct DecisionWarnings {
    pub warnings: Vec<String>,
    pub unreadable: Vec<String>,
}

/// Each call's live checks, pointed at the application in `reviews/<call>.json`
/// (`file:line:column: review.applications[3] — attention : …`).
pub fn decision_warnings(dir: &Path, ws: &Workspace, lang: Lang) -> DecisionWarnings {
    use crate::session::{Access, ReviewSession, officer_name};
    let mut out = DecisionWarnings::default();
    for call in &ws.calls {
        let session =
            match ReviewSession::open_with(dir, ws, &call.id, &officer_name(), Access::ReadOnly) {
                Ok(session) => session,
                Err(e) => {
                    out.unreadable.push(e.message(lang));
                    continue;
                }
            };
        let path = session.state_path();
        let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let listed: Vec<(String, String)> = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.pointer("/review/applications").cloned())
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .map(|a| {
                let field = |name: &str| a[name].as_str().unwrap_or_default().to_owned();
                (field("structure"), field("site"))
            })
            .collect();
        let warning = lang.pick("attention\u{a0}:", "warning:");
        for w in session.checks(ws) {
            let mut place = relative.display().to_string();
            // The last application named is the one whose decision raised the warning.
            let index = w.applications().iter().rev().find_map(|key| {
                listed
                    .iter()
                    .position(|(s, site)| s == key.structure.as_str() && site == key.site.as_str())
            });
            match index {
                Some(index) => {
                    let field = format!("review.applications[{index}]");
                    if let Some((line, column)) = crate::store::locate::locate(&text, &field) {
                        place.push_str(&format!(":{line}:{column}"));
                    }
                    place.push_str(&format!(": {field} —"));
                }
                None => place.push(':'),
            }
            out.warnings
                .push(format!("{place} {warning} {}", w.message(lang)));
        }
    }
    out
}

/// Hidden copies left by writers killed mid-save: not data, gone at the next start.
fn temporaries(files: &[PathBuf], lang: Lang) -> String {
    let list: Vec<_> = files.iter().map(|f| f.display().to_string()).collect();
    match lang {
        Lang::Fr => format!(
            "{} temporaire(s) laissé(s) par une écriture interrompue (supprimé(s) au prochain démarrage){NBSP}: {}",
            count(files.len(), Noun::File, lang),
            list.join(", ")
        ),
        Lang::En => format!(
            "{} left by an interrupted write (removed at the next start): {}",
            count(files.len(), Noun::File, lang),
            list.join(", ")
        ),
    }
}

/// Older files load fine; saying so tells the officer why a later save rewrites them.
fn migrated(files: &[PathBuf], lang: Lang) -> String {
    let list: Vec<_> = files.iter().map(|f| f.display().to_string()).collect();
    match lang {
        Lang::Fr => format!(
            "{} d'une version antérieure, mis à jour en mémoire (réécrits à la prochaine sauvegarde){NBSP}: {}",
            count(files.len(), Noun::File, lang),
            list.join(", ")
        ),
        Lang::En => format!(
            "{} from an older version, updated in memory (rewritten on the next save): {}",
            count(files.len(), Noun::File, lang),
            list.join(", ")
        ),
    }
}

pub fn missing_workspace(dir: &Path, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "pas d'espace de travail dans {}{NBSP}: créez-le avec «{NBSP}ancrage init{NBSP}»",
            dir.display()
        ),
        Lang::En => format!(
            "no workspace in {}: create one with `ancrage init`",
            dir.display()
        ),
    }
}

/// `OK : 12 lieux, 40 lots, 40 structures, 1 appel`.
fn clean(ws: &Workspace, lang: Lang) -> String {
    let lots = ws.sites.iter().map(|s| s.lots.len()).sum();
    let ok = match lang {
        Lang::Fr => format!("OK{NBSP}:"),
        Lang::En => "OK:".to_owned(),
    };
    format!(
        "{ok} {}, {}, {}, {}",
        count(ws.sites.len(), Noun::Site, lang),
        count(lots, Noun::Lot, lang),
        count(ws.structures.len(), Noun::Structure, lang),
        count(ws.calls.len(), Noun::Call, lang),
    )
}

/// `3 problèmes dans 2 fichiers`.
fn tally(problems: &Problems, lang: Lang) -> String {
    let files: BTreeSet<_> = problems.iter().map(|p| &p.file).collect();
    format!(
        "{} {} {}",
        count(problems.len(), Noun::Problem, lang),
        lang.pick("dans", "in"),
        count(files.len(), Noun::File, lang)
    )
}
