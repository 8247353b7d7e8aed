//! A grant of the impact fund: the year it counts against, what was requested and granted,
//! for what, when and by whom it was decided.

use super::options::{self, enums};
use super::{Cx, shown};
use crate::domain::{CallId, Grant, GrantPurpose, Money};
use crate::i18n::{self, labels::Label};
use crate::tui::forms::field::Field;
use crate::tui::forms::read::{Reader, code_of};
use chrono::Datelike;

pub fn fields(base: Option<&Grant>, cx: Cx<'_>) -> Vec<Field> {
    let lang = cx.lang;
    let g = base;
    let money = |m: Option<Money>| m.map(|m| shown::money(m, lang)).unwrap_or_default();
    let mut calls = options::calls(cx.workspace);
    if let Some(call) = g.and_then(|g| g.call.as_ref())
        && !calls.iter().any(|o| o.key == call.as_str())
    {
        calls.push(crate::tui::forms::choice::Opt::new(
            call.as_str(),
            call.as_str(),
        ));
    }
    vec![
        Field::text(
            "year",
            ("Année du fonds", "Fund year"),
            &g.map_or(cx.today.year(), |g| g.year).to_string(),
        ),
        Field::text(
            "requested",
            ("Demandé", "Requested"),
            &money(g.map(|g| g.requested)),
        )
        .hint(("12 000 €", "12000")),
        Field::text(
            "granted",
            ("Accordé", "Granted"),
            &money(g.and_then(|g| g.granted)),
        )
        .hint((
            "vide tant que non décidé\u{a0}; 0 si refusé",
            "empty until decided; 0 if turned down",
        )),
        Field::choice(
            "purpose",
            ("Objet", "Purpose"),
            enums(&GrantPurpose::ALL, lang),
            Some(code_of(&g.map_or(GrantPurpose::Fonctionnement, |g| g.purpose)).as_str()),
        ),
        Field::text(
            "decided_on",
            ("Décidée le", "Decided on"),
            &g.and_then(|g| g.decided_on)
                .map(|d| shown::date(d, lang))
                .unwrap_or_default(),
        ),
        Field::choice(
            "call",
            ("Appel", "Call"),
            calls,
            g.and_then(|g| g.call.as_ref()).map(CallId::as_str),
        )
        .hint(("facultatif", "optional")),
        Field::text(
            "committee",
            ("Comité ou délibération", "Committee or deliberation"),
            g.map_or("", |g| &g.committee),
        ),
    ]
}

pub fn read(r: &mut Reader<'_>, cx: Cx<'_>) -> Grant {
    let year = r.required("year", |t| {
        crate::import::values::number::count(t)
            .ok()
            .and_then(|y| i32::try_from(y).ok())
            .ok_or(crate::import::problem::Expected::Count)
    });
    Grant {
        year: year.unwrap_or(cx.today.year()),
        requested: r.required_money("requested").unwrap_or(Money::ZERO),
        granted: r.money("granted"),
        purpose: r.code("purpose").unwrap_or(GrantPurpose::Fonctionnement),
        decided_on: r.date("decided_on"),
        call: r.choice("call").map(CallId::new),
        committee: r.text("committee"),
    }
}

/// `2026 — demandé 20 000 € · accordé 15 000 € · fonctionnement`.
pub fn summary(g: &Grant, cx: Cx<'_>) -> String {
    let lang = cx.lang;
    let granted = match g.granted {
        Some(amount) => format!(
            "{} {}",
            lang.pick("accordé", "granted"),
            i18n::money(amount, lang)
        ),
        None => lang.pick("en attente", "pending").to_owned(),
    };
    format!(
        "{} — {} {} · {granted} · {}",
        g.year,
        lang.pick("demandé", "requested"),
        i18n::money(g.requested, lang),
        g.purpose.label(lang)
    )
}
