//! Creating and editing the officer's records in the cockpit: structures (with their needs,
//! contact, pathway, grants and support), sites and their lots, calls, and a structure's
//! application to a call.
//!
//! A small form framework, pure enough to test without a terminal:
//! - `field`: a field's value as edited — text with a caret, a choice or several picked from
//!   a list by typing (`choice`), yes / no, or a list of sub-records each with a form of its own;
//! - `read`: values typed the French way, parsed by the import's parsers, into the record;
//! - `issues`: the rules of `ancrage check` run on the workspace with the draft in place, and
//!   each problem placed next to the field its path names;
//! - `sheet`, `view`, `dialog`: moving through a form, drawing it, and the dialog that saves
//!   the record as one journaled, undoable change;
//! - `kinds`: what each form holds; `delete`: deleting a record, refused while something still
//!   points at it.

pub mod choice;
pub mod delete;
pub mod dialog;
pub mod field;
pub mod issues;
pub mod kinds;
pub mod read;
pub mod sheet;
pub mod view;

pub use dialog::FormDialog;
pub use kinds::FormKind;

use crate::domain::{CallId, StructureId};
use crate::edit::RecordKey;
use crate::tui::action::RecordAction;
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::text::Msg;

/// Opens a form once the session can write (a read-only window says why instead).
pub fn open(ctx: &Context, kind: FormKind) -> Outcome {
    let dialog = FormDialog::new(kind, ctx);
    Outcome::effect(Effect::IfWritable(vec![Effect::Open(Box::new(dialog))]))
}

/// The attach form on `structure` and `call`, when given (the officer picks the rest).
pub fn open_attach(
    ctx: &Context,
    structure: Option<&StructureId>,
    call: Option<&CallId>,
) -> Outcome {
    if ctx.workspace.calls.is_empty() {
        return Outcome::info(Msg::NoCall.get(ctx.lang));
    }
    let cx = kinds::Cx {
        workspace: &ctx.workspace,
        lang: ctx.lang,
        today: ctx.today,
    };
    let fields = kinds::attach_fields(structure, call, cx);
    let dialog = FormDialog::with_fields(FormKind::Attach, fields, ctx);
    Outcome::effect(Effect::IfWritable(vec![Effect::Open(Box::new(dialog))]))
}

/// `N` `E` `D` on the record `selected` of a tab (`new` makes the form of a new one; `edit`
/// the form of the selected one; `key` names it for `D`). Nothing selected: said so.
pub fn record_key(
    ctx: &Context,
    action: RecordAction,
    new: impl FnOnce() -> FormKind,
    edit: impl FnOnce() -> Option<FormKind>,
    key: Option<RecordKey>,
) -> Outcome {
    match action {
        RecordAction::New => open(ctx, new()),
        RecordAction::Edit => match edit() {
            Some(kind) => open(ctx, kind),
            None => Outcome::info(Msg::NothingSelected.get(ctx.lang)),
        },
        RecordAction::Delete => match key {
            Some(key) => delete::delete(ctx, key),
            None => Outcome::info(Msg::NothingSelected.get(ctx.lang)),
        },
        RecordAction::Attach => Outcome::none(),
    }
}
