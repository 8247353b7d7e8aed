//! A pathway episode: where the structure is, was or will be (a planned episode is decided,
//! not started), when, and under which occupation agreement.

use super::options::{self, enums};
use super::{Cx, ItemBase, shown};
use crate::domain::{
    Agreement, AgreementKind, EpisodeKind, EpisodeOutcome, LotId, PathwayEpisode, SiteId, Surface,
};
use crate::i18n::labels::Label;
use crate::tui::forms::field::{Field, Item, Value};
use crate::tui::forms::read::{Reader, code_of};

pub fn item(episode: &PathwayEpisode, cx: Cx<'_>) -> Item {
    Item {
        fields: fields(Some(episode), cx),
        base: Some(ItemBase::Episode(Box::new(episode.clone()))),
    }
}

pub fn fields(base: Option<&PathwayEpisode>, cx: Cx<'_>) -> Vec<Field> {
    let ws = cx.workspace;
    let lang = cx.lang;
    let e = base;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| shown::date(d, lang)).unwrap_or_default();
    let agreement = e.and_then(|e| e.agreement.as_ref());
    let site = e.and_then(|e| e.site.as_ref()).and_then(|id| ws.site(id));
    let lot = e.and_then(|e| e.lot.as_ref()).map(LotId::as_str);
    let mut sites = options::sites(ws);
    if let Some(id) = e.and_then(|e| e.site.as_ref())
        && !sites.iter().any(|o| o.key == id.as_str())
    {
        sites.push(crate::tui::forms::choice::Opt::new(
            id.as_str(),
            id.as_str(),
        ));
    }
    vec![
        Field::choice(
            "kind",
            ("Étape", "Stage"),
            enums(&KINDS, lang),
            e.map(|e| code_of(&e.kind)).as_deref(),
        ),
        Field::choice(
            "outcome",
            (
                "État (prévu\u{a0}: décidé, pas commencé)",
                "State (planned: decided, not started)",
            ),
            enums(&OUTCOMES, lang),
            Some(code_of(&e.map_or(EpisodeOutcome::Planned, |e| e.outcome)).as_str()),
        ),
        Field::choice(
            "site",
            ("Lieu", "Site"),
            sites,
            e.and_then(|e| e.site.as_ref()).map(SiteId::as_str),
        )
        .hint(("facultatif, Ctrl-u\u{a0}: aucun", "optional, Ctrl-u: none")),
        Field::choice("lot", ("Lot", "Lot"), options::lots(site, lot), lot),
        Field::text(
            "place",
            (
                "Autre lieu (hors catalogue)",
                "Other place (not in the catalogue)",
            ),
            e.and_then(|e| e.place.as_deref()).unwrap_or(""),
        ),
        Field::text("from", ("Du", "From"), &date(e.map(|e| e.from)))
            .hint(("jj/mm/aaaa", "dd/mm/yyyy")),
        Field::text("to", ("Au", "To"), &date(e.and_then(|e| e.to)))
            .hint(("facultatif", "optional")),
        Field::text(
            "surface",
            ("Surface occupée (m²)", "Surface occupied (m²)"),
            &e.and_then(|e| e.surface)
                .map(|s| shown::number(s.value(), lang))
                .unwrap_or_default(),
        )
        .hint(("si pas le lot entier", "when not the whole lot")),
        Field::choice(
            "agreement.kind",
            ("Convention", "Agreement"),
            enums(&AgreementKind::ALL, lang),
            agreement.map(|a| a.kind.code()),
        )
        .alias(options::agreement_alias)
        .section(("Convention d’occupation", "Occupation agreement"))
        .hint(("facultatif", "optional")),
        Field::text(
            "agreement.signed_on",
            ("Signée le", "Signed on"),
            &date(agreement.and_then(|a| a.signed_on)),
        ),
        Field::text(
            "agreement.start",
            ("Prend effet le", "Starts on"),
            &date(agreement.and_then(|a| a.start)),
        ),
        Field::text(
            "agreement.end",
            ("Prend fin le", "Ends on"),
            &date(agreement.and_then(|a| a.end)),
        ),
        Field::flag(
            "agreement.renewable",
            ("Renouvelable", "Renewable"),
            agreement.is_some_and(|a| a.renewable),
        ),
        Field::text(
            "agreement.notice_months",
            ("Préavis (mois)", "Notice (months)"),
            &agreement
                .and_then(|a| a.notice_months)
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ),
    ]
}

const KINDS: [EpisodeKind; 4] = [
    EpisodeKind::Incubation,
    EpisodeKind::Transitional,
    EpisodeKind::Permanent,
    EpisodeKind::Other,
];

const OUTCOMES: [EpisodeOutcome; 5] = [
    EpisodeOutcome::Planned,
    EpisodeOutcome::Ongoing,
    EpisodeOutcome::MovedOn,
    EpisodeOutcome::LeftTerritory,
    EpisodeOutcome::Ceased,
];

pub fn read(r: &mut Reader<'_>, base: Option<&ItemBase>, cx: Cx<'_>) -> PathwayEpisode {
    let base = match base {
        Some(ItemBase::Episode(e)) => Some(&**e),
        _ => None,
    };
    let agreement_given = [
        "agreement.signed_on",
        "agreement.start",
        "agreement.end",
        "agreement.notice_months",
    ]
    .iter()
    .any(|id| r.given(id))
        || r.flag("agreement.renewable");
    let agreement_kind = r
        .choice("agreement.kind")
        .and_then(|k| k.parse::<AgreementKind>().ok());
    if agreement_kind.is_none() && agreement_given {
        r.note("agreement.kind", crate::import::problem::Expected::Required);
    }
    let agreement = agreement_kind.map(|kind| Agreement {
        kind,
        signed_on: r.date("agreement.signed_on"),
        start: r.date("agreement.start"),
        end: r.date("agreement.end"),
        renewable: r.flag("agreement.renewable"),
        notice_months: r.count("agreement.notice_months"),
    });
    let place = r.text("place");
    PathwayEpisode {
        kind: r.code("kind").unwrap_or(EpisodeKind::Other),
        site: r.choice("site").map(SiteId::new),
        lot: r.choice("site").and(r.choice("lot")).map(LotId::new),
        place: (!place.is_empty()).then_some(place),
        from: r
            .required_date("from")
            .or(base.map(|b| b.from))
            .unwrap_or(cx.today),
        to: r.date("to").or_else(|| {
            if r.given("to") {
                base.and_then(|b| b.to)
            } else {
                None
            }
        }),
        fee: base.and_then(|b| b.fee.clone()),
        surface: r.surface("surface").map(Surface::m2),
        agreement,
        application: base.and_then(|b| b.application.clone()),
        outcome: r.code("outcome").unwrap_or(EpisodeOutcome::Planned),
    }
}

/// `occupation temporaire — Usine des transitions · 01/03/2025 → 28/02/2027 · en cours`.
pub fn summary(e: &PathwayEpisode, cx: Cx<'_>) -> String {
    let lang = cx.lang;
    let ws = cx.workspace;
    let place = e
        .site
        .as_ref()
        .map(|id| ws.site(id).map_or(id.to_string(), |s| s.name.clone()))
        .or_else(|| e.place.clone())
        .unwrap_or_else(|| lang.pick("lieu non précisé", "place not given").to_owned());
    let to =
        e.to.map_or_else(|| "…".to_owned(), |d| shown::date(d, lang));
    let mut text = format!(
        "{} — {place} · {} → {to} · {}",
        e.kind.label(lang),
        shown::date(e.from, lang),
        e.outcome.label(lang)
    );
    if let Some(a) = &e.agreement {
        text.push_str(" · ");
        text.push_str(a.kind.label(lang));
    }
    text
}

/// The lots offered follow the site chosen.
pub fn refresh(fields: &mut [Field], cx: Cx<'_>) {
    let site = fields
        .iter()
        .find(|f| f.id == "site")
        .and_then(|f| match &f.value {
            Value::Choice(c) => c.key().map(SiteId::new),
            _ => None,
        });
    let site = site.as_ref().and_then(|id| cx.workspace.site(id));
    if let Some(Value::Choice(lot)) = fields
        .iter_mut()
        .find(|f| f.id == "lot")
        .map(|f| &mut f.value)
    {
        let current = lot.key().map(str::to_owned);
        let options = options::lots(site, None);
        if options
            .iter()
            .map(|o| &o.key)
            .ne(lot.options.iter().map(|o| &o.key))
        {
            lot.options = options;
            lot.selected = None;
            if let Some(key) = current {
                lot.select_key(&key);
            }
        }
    }
}
