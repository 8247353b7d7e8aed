//! `c` on a site of the next step: attach the structure to a call on that site, as an
//! application — an edit of the call, journaled and undoable like every other. The call is
//! the one on the Appel tab when it covers the site, else the open call on it closing first,
//! else the latest; a yes/no question names it before anything is written.

use crate::domain::{Application, Call, Workspace};
use crate::edit::{Edit, EditKind, Record, Step};
use crate::i18n::Lang;
use crate::session::Operation;
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::confirm::Confirm;
use chrono::NaiveDate;

/// The call to attach `structure` to for `site`: among the calls on the site where it has not
/// applied for it yet, `current` first, then the open ones by deadline, then the latest.
pub fn call_for(
    workspace: &Workspace,
    structure: usize,
    site: usize,
    current: Option<usize>,
    today: NaiveDate,
) -> Option<usize> {
    let structure = &workspace.structures.get(structure)?.id;
    let site = &workspace.sites.get(site)?.id;
    let fits = |c: &Call| c.sites.contains(site) && !c.has_application(structure, site);
    if let Some(i) = current.filter(|&i| workspace.calls.get(i).is_some_and(fits)) {
        return Some(i);
    }
    let candidates = workspace.calls.iter().enumerate().filter(|(_, c)| fits(c));
    let (open, closed): (Vec<_>, Vec<_>) = candidates.partition(|(_, c)| c.deadline >= today);
    open.into_iter()
        .min_by_key(|(_, c)| c.deadline)
        .or_else(|| closed.into_iter().max_by_key(|(_, c)| c.deadline))
        .map(|(i, _)| i)
}

/// The call with the application added (to the structure's application when it already
/// applied for other sites of the call).
pub fn with_application(
    call: &Call,
    workspace: &Workspace,
    structure: usize,
    site: usize,
    today: NaiveDate,
) -> Call {
    let mut call = call.clone();
    let structure = workspace.structures[structure].id.clone();
    let site = workspace.sites[site].id.clone();
    match call
        .applications
        .iter_mut()
        .find(|a| a.structure == structure)
    {
        Some(application) => application.sites.push(site),
        None => call.applications.push(Application {
            structure,
            sites: vec![site],
            submitted_on: Some(today),
            dossier: None,
        }),
    }
    call
}

/// The question, and on yes the edit.
pub fn offer(ctx: &Context, structure: usize, site: usize) -> Outcome {
    let lang = ctx.lang;
    let ws = &ctx.workspace;
    let (name, site_name) = (&ws.structures[structure].name, &ws.sites[site].name);
    let Some(call) = call_for(ws, structure, site, ctx.call, ctx.today) else {
        let on_site = ws
            .calls
            .iter()
            .any(|c| c.sites.contains(&ws.sites[site].id));
        return Outcome::info(match (on_site, lang) {
            (true, Lang::Fr) => format!(
                "{name} est déjà candidate pour «\u{a0}{site_name}\u{a0}» dans chaque appel qui porte sur ce lieu."
            ),
            (true, Lang::En) => {
                format!("{name} has already applied for “{site_name}” in every call on this site.")
            }
            (false, Lang::Fr) => format!(
                "Aucun appel ne porte sur «\u{a0}{site_name}\u{a0}»\u{a0}: créez-en un (ancrage call create)."
            ),
            (false, Lang::En) => {
                format!("No call covers “{site_name}”: create one (ancrage call create).")
            }
        });
    };
    let record = &ws.calls[call];
    let updated = with_application(record, ws, structure, site, ctx.today);
    let note = format!(
        "Candidature ajoutée\u{a0}: {name} → {site_name} ({})",
        record.title
    );
    let edit = Edit::new(
        EditKind::Input,
        note,
        vec![Step::Put(Record::Call(Box::new(updated)))],
    );
    let (question, done) = match lang {
        Lang::Fr => (
            format!(
                "Rattacher {name} à l’appel «\u{a0}{}\u{a0}», candidate pour «\u{a0}{site_name}\u{a0}»\u{a0}? (o / n)",
                record.title
            ),
            format!(
                "{name} candidate pour «\u{a0}{site_name}\u{a0}» ({})",
                record.title
            ),
        ),
        Lang::En => (
            format!(
                "Attach {name} to the call “{}” as an application for “{site_name}”? (y / n)",
                record.title
            ),
            format!("{name} applies for “{site_name}” ({})", record.title),
        ),
    };
    let apply = Effect::Apply {
        operation: Operation::edit(edit),
        done,
        then: Vec::new(),
    };
    Outcome::effect(Effect::IfWritable(vec![Effect::Open(Box::new(
        Confirm::new(question, vec![apply]),
    ))]))
}
