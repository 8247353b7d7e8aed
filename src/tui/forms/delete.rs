//! Deleting a record (`D`): refused at once while something still points at it — an
//! application, a pathway episode, a call offering the site — saying which (`edit::check`),
//! or while the workspace left behind would fail `ancrage check` (a grant naming the deleted
//! call…); otherwise asked first, then one journaled change, undone with `u`.

use crate::domain::{CallId, Workspace};
use crate::edit::{self, Edit, EditKind, RecordKey, name_of};
use crate::i18n::{Lang, NBSP};
use crate::session::Operation;
use crate::session::files::load_state;
use crate::store::files::WorkspaceFiles;
use crate::store::problem::Problem;
use crate::store::validate::validate;
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::confirm::Confirm;

/// How many applications of call `id` the officers worked on (a decision, a note, an
/// opinion), in its review as the session has it or as saved; the error says why it could not
/// be read (then nothing is deleted).
fn reviewed_applications(ctx: &Context, id: &CallId) -> Result<usize, String> {
    let saved;
    let review = if ctx.session.as_ref().and_then(|s| s.call()) == Some(id) {
        ctx.review()
    } else {
        saved = load_state(&ctx.workspace_path, id).map_err(|e| e.message(ctx.lang))?;
        saved.as_ref()
    };
    Ok(review.map_or(0, |state| {
        state
            .applications
            .values()
            .filter(|a| !a.history.is_empty() || !a.annotation.is_empty() || !a.opinions.is_empty())
            .count()
    }))
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
        vec![edit::Step::Remove(key.clone())],
    );
    if let Err(refusal) = edit::check(ws, &removal) {
        return Outcome::error(refusal.message(lang));
    }
    if let RecordKey::Call(id) = &key {
        match reviewed_applications(ctx, id) {
            Ok(0) => {}
            Ok(n) => {
                return Outcome::error(match lang {
                    Lang::Fr => format!(
                        "«{NBSP}{name}{NBSP}» ne peut pas être supprimé{NBSP}: son instruction garde des décisions, notes ou avis sur {n} candidature(s), qui resteraient sans appel"
                    ),
                    Lang::En => format!(
                        "“{name}” cannot be deleted: its review keeps decisions, notes or opinions on {n} application(s), which would be left without their call"
                    ),
                });
            }
            Err(message) => return Outcome::error(message),
        }
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
