//! `a` on the Appel tab: accepting an application offers — a yes/no question — to record its
//! placement as a planned episode of the structure (the call's site, the lot its decision
//! holds — the one the officer named, else the engine's best free lot, as `p` and `a` name — dates from the call's site and the structure's need: `pathway::acceptance_edit`).
//! Yes: the acceptance and the placement are one `Operation { change, edit }`, one journal
//! line, one undo. No: the acceptance alone. No question when there is nothing to offer:
//! several applications at once, one already accepted, a placement already recorded from this
//! application, or one that cannot be worked out (the decision then says why).

use crate::domain::ApplicationRef;
use crate::domain::Holding;
use crate::i18n::{self, Label, Lang, NBSP};
use crate::pathway::{PlacementOutcome, acceptance_edit};
use crate::review::{AppKey, Change, Status};
use crate::session::Operation;
use crate::tui::component::{Effect, ScreenEvent};
use crate::tui::context::Context;
use crate::tui::dialogs::confirm::Confirm;
use crate::tui::shared::decision::{decided_lot, decision};
use crate::tui::tab::Tab;

/// The effect of `a` on `keys`.
pub fn accept(ctx: &Context, keys: Vec<AppKey>) -> Effect {
    let [key] = keys.as_slice() else {
        return decision(ctx, Status::Accepte, keys, None, Vec::new());
    };
    // The lot the acceptance names (none when the application already holds one).
    let lot = decided_lot(ctx, Status::Accepte, std::slice::from_ref(key));
    match offer(ctx, key, lot.as_ref()) {
        Some(Ok(outcome)) => question(ctx, key, lot, outcome),
        Some(Err(why)) => decision_saying(ctx, key, lot, &why),
        None => decision(ctx, Status::Accepte, keys, None, Vec::new()),
    }
}

/// The placement to offer: none when there is nothing to offer, else the edit or why it
/// cannot be made.
fn offer(
    ctx: &Context,
    key: &AppKey,
    lot: Option<&Holding>,
) -> Option<Result<PlacementOutcome, String>> {
    let call = ctx.call()?;
    if ctx.status(key) == Some(Status::Accepte) {
        return None;
    }
    let from_this = ApplicationRef {
        call: call.id.clone(),
        site: key.site.clone(),
    };
    let structure = ctx.workspace.structure(&key.structure)?;
    if structure
        .pathway
        .iter()
        .any(|e| e.application.as_ref() == Some(&from_this))
    {
        return None;
    }
    let held = ctx.application(key).and_then(|a| a.holding.as_ref());
    Some(
        acceptance_edit(&ctx.workspace, &call.id, key, held.or(lot))
            .map_err(|e| e.message(ctx.lang)),
    )
}

/// The acceptance, naming `lot` when it names one.
fn change(key: &AppKey, lot: Option<Holding>) -> Change {
    let (key, status, motivation) = (key.clone(), Status::Accepte, None);
    match lot {
        Some(holding) => Change::SetStatusWithLot {
            key,
            status,
            motivation,
            holding,
        },
        None => Change::SetStatus {
            key,
            status,
            motivation,
        },
    }
}

/// The acceptance alone, its status line saying why no placement was offered.
fn decision_saying(ctx: &Context, key: &AppKey, lot: Option<Holding>, why: &str) -> Effect {
    let lang = ctx.lang;
    Effect::Apply {
        operation: Operation::review(change(key, lot)),
        done: format!(
            "{} → {} ({}{why})",
            ctx.application_name(key),
            Status::Accepte.label(lang),
            lang.pick("placement non proposé\u{a0}: ", "no placement offered: ")
        ),
        then: vec![Effect::Screen(Tab::Call, ScreenEvent::ClearSelection)],
    }
}

/// « Enregistrer aussi le placement prévu… ? »: yes accepts and places, no only accepts.
fn question(
    ctx: &Context,
    key: &AppKey,
    named: Option<Holding>,
    outcome: PlacementOutcome,
) -> Effect {
    let lang = ctx.lang;
    let ws = &ctx.workspace;
    let e = &outcome.episode;
    let site = ws
        .site(&key.site)
        .map_or(key.site.as_str(), |s| s.name.as_str());
    let lot = e
        .lot
        .as_ref()
        .and_then(|id| ws.site(&key.site).and_then(|s| s.lot(id)))
        .map_or(String::new(), |l| format!(", {}", l.label));
    let dates = match (e.to, lang) {
        (Some(to), Lang::Fr) => format!(
            "du {} au {}",
            i18n::date(e.from, lang),
            i18n::date(to, lang)
        ),
        (Some(to), Lang::En) => format!(
            "from {} to {}",
            i18n::date(e.from, lang),
            i18n::date(to, lang)
        ),
        (None, Lang::Fr) => format!("à partir du {}, sans terme", i18n::date(e.from, lang)),
        (None, Lang::En) => format!("from {}, open-ended", i18n::date(e.from, lang)),
    };
    let agreement = e
        .agreement
        .as_ref()
        .map_or(String::new(), |a| format!(" ({})", a.kind.label(lang)));
    let name = ctx.application_name(key);
    let text = match lang {
        Lang::Fr => format!(
            "Accepter {name}. Enregistrer aussi le placement prévu{NBSP}: {site}{lot}, {dates}{agreement}{NBSP}? o{NBSP}: accepter et placer (une seule étape, u annule les deux) · n{NBSP}: accepter seulement"
        ),
        Lang::En => format!(
            "Accept {name}. Also record the planned placement: {site}{lot}, {dates}{agreement}? y: accept and place (one step, u undoes both) · n: accept only"
        ),
    };
    let both = Effect::Apply {
        operation: Operation {
            change: Some(change(key, named)),
            edit: Some(outcome.edit),
        },
        done: format!(
            "{name} → {}, {}",
            Status::Accepte.label(lang),
            lang.pick("placement prévu", "placement planned")
        ),
        then: vec![Effect::Screen(Tab::Call, ScreenEvent::ClearSelection)],
    };
    let only = decision(ctx, Status::Accepte, vec![key.clone()], None, Vec::new());
    Effect::IfWritable(vec![Effect::Open(Box::new(
        Confirm::new(text, vec![both]).or_do(vec![only]),
    ))])
}
