//! A decision on one or several applications, as the effect that applies it: one change (so
//! one undo) whatever the number, said by names in the status line, the Appel selection it
//! used cleared once it is saved. The list keys and the motivation form both decide this way.

use crate::review::{AppKey, Change, Status};
use crate::session::Operation;
use crate::tui::component::{Effect, ScreenEvent};
use crate::tui::context::Context;
use crate::tui::tab::Tab;

/// `then`: what else to do once it is saved (close the form that asked for the motivation).
pub fn decision(
    ctx: &Context,
    status: Status,
    keys: Vec<AppKey>,
    motivation: Option<String>,
    mut then: Vec<Effect>,
) -> Effect {
    let lang = ctx.lang;
    let done = match keys.as_slice() {
        [key] => format!("{} → {}", ctx.application_name(key), status.label(lang)),
        _ => format!(
            "{} {} → {}",
            keys.len(),
            lang.pick("candidatures", "applications"),
            status.label(lang)
        ),
    };
    let change = match keys.as_slice() {
        [key] => Change::SetStatus {
            key: key.clone(),
            status,
            motivation,
        },
        _ => Change::SetStatusMany {
            keys,
            status,
            motivation,
        },
    };
    then.push(Effect::Screen(Tab::Call, ScreenEvent::ClearSelection));
    Effect::Apply {
        operation: Operation::review(change),
        done,
        then,
    }
}
