//! A decision on one or several applications, as the effect that applies it: one change (so
//! one undo) whatever the number, said by names in the status line, the Appel selection it
//! used cleared once it is saved. The list keys and the motivation form both decide this way.
//!
//! Shortlisting or accepting one application names its lot in the decision: the lot it
//! already holds, else the matching engine's best free lot — so a lot is never silently given
//! twice. A selection is decided in one step with the engine's lots; the checks flag a lot
//! given twice on its rows.

use crate::allocation::free_lot::best_free_lot;
use crate::domain::Holding;
use crate::review::{AppKey, Change, Status};
use crate::session::Operation;
use crate::tui::component::{Effect, ScreenEvent};
use crate::tui::context::Context;
use crate::tui::shared::held::holding_text;
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
    let holding = decided_lot(ctx, status, &keys);
    let done = match keys.as_slice() {
        [key] => {
            let lot = holding.as_ref().map_or_else(String::new, |h| {
                format!(
                    ", {} {}",
                    lang.pick("lot", "lot"),
                    holding_text(ctx.workspace.site(&key.site), h, lang)
                )
            });
            format!(
                "{} → {}{lot}",
                ctx.application_name(key),
                status.label(lang)
            )
        }
        _ => format!(
            "{} {} → {}",
            keys.len(),
            lang.pick("candidatures", "applications"),
            status.label(lang)
        ),
    };
    let change = match (keys.as_slice(), holding) {
        ([key], Some(holding)) => Change::SetStatusWithLot {
            key: key.clone(),
            status,
            motivation,
            holding,
        },
        ([key], None) => Change::SetStatus {
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

/// The lot a decision on one application names: none when the status holds no place or the
/// application already holds a lot the officer named (the decision keeps it); else the best
/// free lot, when one is left.
pub fn decided_lot(ctx: &Context, status: Status, keys: &[AppKey]) -> Option<Holding> {
    let [key] = keys else {
        return None;
    };
    if !status.holds_place() {
        return None;
    }
    let state = ctx.review()?;
    if state.get(key).and_then(|a| a.holding.as_ref()).is_some() {
        return None;
    }
    best_free_lot(&ctx.workspace, ctx.call()?, state, key, None, ctx.today)
}
