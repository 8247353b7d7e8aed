//! Deleting a record (`D`): refused at once while something still points at it — an
//! application, a pathway episode, a call offering the site — saying which (`edit::check`),
//! or while the workspace left behind would fail `ancrage check` (a grant naming the deleted
//! call…); otherwise asked first, then one journaled change, undone with `u`.

use crate::domain::Workspace;
use crate::edit::{self, Edit, EditKind, RecordKey};
use crate::i18n::{Lang, NBSP};
use crate::session::Operation;
use crate::store::files::WorkspaceFiles;
use crate::store::problem::Problem;
use crate::store::validate::validate;
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::confirm::Confirm;

/// The record's name (or title) as the officer knows it.
fn name_of(workspace: &Workspace, key: &RecordKey) -> String {
    match key {
        RecordKey::Territory => workspace.territory.name.clone(),
        RecordKey::Site(id) => workspace
            .site(id)
            .map_or(id.to_string(), |s| s.name.clone()),
        RecordKey::Structure(id) => workspace
            .structure(id)
            .map_or(id.to_string(), |s| s.name.clone()),
        RecordKey::Call(id) => workspace
            .call(id)
            .map_or(id.to_string(), |c| c.title.clone()),
    }
}

/// The problems the removal would bring to what stays (none of those already there).
pub fn brought_problems(workspace: &Workspace, removal: &Edit) -> Vec<Problem> {
    let before = validate(workspace, &WorkspaceFiles::named_after_ids(workspace));
    let mut after = workspace.clone();
    edit::apply_unchecked(&mut after, removal);
    validate(&after, &WorkspaceFiles::named_after_ids(&after))
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect()
}

/// What `D` does on the record `key`: a refusal saying why, or the question.
pub fn delete(ctx: &Context, key: RecordKey) -> Outcome {
    let lang = ctx.lang;
    let ws = &ctx.workspace;
    let name = name_of(ws, &key);
    let removal = Edit::new(
        EditKind::Input,
        match lang {
            Lang::Fr => format!("Suppression de «{NBSP}{name}{NBSP}»"),
            Lang::En => format!("Deletion of “{name}”"),
        },
        vec![edit::Step::Remove(key)],
    );
    if let Err(refusal) = edit::check(ws, &removal) {
        return Outcome::error(refusal.message(lang));
    }
    let brought = brought_problems(ws, &removal);
    if let Some(first) = brought.first() {
        let lead = match lang {
            Lang::Fr => format!(
                "«{NBSP}{name}{NBSP}» ne peut pas être supprimé{NBSP}: {} problème(s) en découleraient, dont",
                brought.len()
            ),
            Lang::En => format!(
                "“{name}” cannot be deleted: {} problem(s) would follow, among them",
                brought.len()
            ),
        };
        return Outcome::error(format!("{lead} {}", first.render(lang)));
    }
    let question = match lang {
        Lang::Fr => format!("Supprimer «{NBSP}{name}{NBSP}»{NBSP}? (u l’annule ensuite)"),
        Lang::En => format!("Delete “{name}”? (u undoes it afterwards)"),
    };
    let done = match lang {
        Lang::Fr => format!("«{NBSP}{name}{NBSP}» supprimé(e)"),
        Lang::En => format!("“{name}” deleted"),
    };
    let apply = Effect::Apply {
        operation: Operation::edit(removal),
        done,
        then: Vec::new(),
    };
    let no = lang.pick("Rien n’a été supprimé.", "Nothing was deleted.");
    Outcome::effect(Effect::IfWritable(vec![Effect::Open(Box::new(
        Confirm::new(question, vec![apply]).or_else(no),
    ))]))
}
