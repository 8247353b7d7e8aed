//! Applications of the call whose structure or site is left out because its file has a
//! problem: not ranked, not decided on here, but said above the list — with the name the
//! broken file holds when it decoded, and the file — so none silently disappears.

use crate::domain::{Call, SiteId, StructureId};
use crate::edit::RecordKey;
use crate::i18n::Lang;
use crate::review::AppKey;
use crate::tui::action::Action;
use crate::tui::context::Context;
use crate::tui::widgets::style;
use ratatui::text::Line;
use std::collections::HashSet;
use std::path::PathBuf;

/// How many applications the line names before « et N autres ».
const NAMED: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable {
    pub key: AppKey,
    /// The broken file that keeps it out.
    pub file: PathBuf,
}

/// The applications of `call` the workspace cannot show, in the call's order.
pub fn of(ctx: &Context, call: &Call) -> Vec<Unavailable> {
    let ws = &ctx.workspace;
    // Looked up by id once per application: a set, not a scan of every structure each time.
    let structures: HashSet<&StructureId> = ws.structures.iter().map(|s| &s.id).collect();
    let sites: HashSet<&SiteId> = ws.sites.iter().map(|s| &s.id).collect();
    call.application_pairs()
        .filter_map(|(structure, site)| {
            let missing_structure = !structures.contains(structure);
            let missing_site = !sites.contains(site);
            let file = if missing_structure {
                ctx.health
                    .file_of(&RecordKey::Structure(structure.clone()))?
            } else if missing_site {
                ctx.health.file_of(&RecordKey::Site(site.clone()))?
            } else {
                return None;
            };
            Some(Unavailable {
                key: AppKey::new(structure.clone(), site.clone()),
                file: file.to_path_buf(),
            })
        })
        .collect()
}

/// `Vélo Solidaire × Friche des Rives`, with the names the broken files hold when the
/// workspace no longer does, else the file.
fn name(ctx: &Context, item: &Unavailable) -> String {
    let ws = &ctx.workspace;
    let health = &ctx.health;
    let structure = ws
        .structure(&item.key.structure)
        .map(|s| s.name.as_str())
        .or_else(|| health.structure_name(&item.key.structure));
    let site = ws
        .site(&item.key.site)
        .map(|s| s.name.as_str())
        .or_else(|| health.site_name(&item.key.site));
    let file = item.file.display().to_string();
    match (structure, site) {
        (Some(structure), Some(site)) => format!("{structure} × {site} ({file})"),
        (Some(structure), None) => format!("{structure} × {file}"),
        (None, Some(site)) => format!("{file} × {site}"),
        (None, None) => file,
    }
}

/// Calls whose file has a problem, where the officer looks for them: `AMI X (calls/x.json)`.
pub fn calls_line(ctx: &Context) -> Option<Line<'static>> {
    let lang = ctx.lang;
    let health = &ctx.health;
    let mut names: Vec<String> = health
        .left_out
        .calls
        .iter()
        .map(|(file, call)| format!("{} ({})", call.title, file.display()))
        .collect();
    let calls_folder = crate::store::kind::DocumentKind::Call.folder();
    names.extend(
        health
            .unloadable
            .iter()
            .filter(|p| p.parent().and_then(|f| f.to_str()) == calls_folder)
            .map(|p| p.display().to_string()),
    );
    if names.is_empty() {
        return None;
    }
    let key = ctx.key_of(Action::OpenProblems);
    let text = match (names.len(), lang) {
        (1, Lang::Fr) => format!("⚠ 1 appel indisponible (fichier en erreur — {key})\u{a0}: "),
        (n, Lang::Fr) => format!("⚠ {n} appels indisponibles (fichiers en erreur — {key})\u{a0}: "),
        (1, Lang::En) => format!("⚠ 1 call unavailable (file with problems — {key}): "),
        (n, Lang::En) => format!("⚠ {n} calls unavailable (files with problems — {key}): "),
    };
    Some(Line::styled(text + &names.join(", "), style::error()))
}

/// The line above the list, when applications are unavailable.
pub fn line(ctx: &Context, items: &[Unavailable]) -> Option<Line<'static>> {
    if items.is_empty() {
        return None;
    }
    let lang = ctx.lang;
    let key = ctx.key_of(Action::OpenProblems);
    let n = items.len();
    let mut names: Vec<String> = items.iter().take(NAMED).map(|i| name(ctx, i)).collect();
    if n > NAMED {
        names.push(match lang {
            Lang::Fr => format!("et {} autre(s)", n - NAMED),
            Lang::En => format!("and {} more", n - NAMED),
        });
    }
    let text = match (n, lang) {
        (1, Lang::Fr) => format!(
            "⚠ 1 candidature indisponible, hors classement (fichier en erreur — {key})\u{a0}: {}",
            names.join(", ")
        ),
        (_, Lang::Fr) => format!(
            "⚠ {n} candidatures indisponibles, hors classement (fichiers en erreur — {key})\u{a0}: {}",
            names.join(", ")
        ),
        (1, Lang::En) => format!(
            "⚠ 1 application unavailable, not ranked (file with problems — {key}): {}",
            names.join(", ")
        ),
        (_, Lang::En) => format!(
            "⚠ {n} applications unavailable, not ranked (files with problems — {key}): {}",
            names.join(", ")
        ),
    };
    Some(Line::styled(text, style::error()))
}
