//! Refusing an unknown id on the command line, with the closest ids the workspace holds.

use crate::cli::failure::Failure;
use crate::cli::suggest::closest;
use crate::domain::{Call, CallId, Lot, LotId, Site, SiteId, Structure, StructureId, Workspace};
use crate::i18n::{self, Lang};

/// « Structure inconnue : « x ». Vouliez-vous dire : a, b ? » — exit code 2.
pub fn unknown<'a>(
    what_fr: &str,
    what_en: &str,
    id: &str,
    ids: impl Iterator<Item = &'a str>,
    lang: Lang,
) -> Failure {
    let list = closest(id, ids, 3).join(", ");
    let hint = match (list.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Fr) => format!(". Vouliez-vous dire : {list} ?"),
        (false, Lang::En) => format!(". Did you mean: {list}?"),
    };
    let text = match lang {
        Lang::Fr => format!("{what_fr} : « {id} »{hint}"),
        Lang::En => format!("{what_en}: “{id}”{hint}"),
    };
    Failure {
        message: i18n::typography(&text, lang),
        code: 2,
    }
}

/// The structure `id` of the workspace, or the refusal naming the closest ids.
pub fn structure<'a>(
    ws: &'a Workspace,
    id: &StructureId,
    lang: Lang,
) -> Result<&'a Structure, Failure> {
    ws.structure(id).ok_or_else(|| {
        let ids = ws.structures.iter().map(|s| s.id.as_str());
        unknown(
            "Structure inconnue",
            "Unknown structure",
            id.as_str(),
            ids,
            lang,
        )
    })
}

pub fn site<'a>(ws: &'a Workspace, id: &SiteId, lang: Lang) -> Result<&'a Site, Failure> {
    ws.site(id).ok_or_else(|| {
        let ids = ws.sites.iter().map(|s| s.id.as_str());
        unknown("Lieu inconnu", "Unknown site", id.as_str(), ids, lang)
    })
}

pub fn call<'a>(ws: &'a Workspace, id: &CallId, lang: Lang) -> Result<&'a Call, Failure> {
    ws.call(id).ok_or_else(|| {
        let ids = ws.calls.iter().map(|c| c.id.as_str());
        unknown("Appel inconnu", "Unknown call", id.as_str(), ids, lang)
    })
}

pub fn lot<'a>(site: &'a Site, id: &LotId, lang: Lang) -> Result<&'a Lot, Failure> {
    site.lot(id).ok_or_else(|| {
        let ids = site.lots.iter().map(|l| l.id.as_str());
        unknown(
            "Lot inconnu dans ce lieu",
            "Unknown lot of this site",
            id.as_str(),
            ids,
            lang,
        )
    })
}
