//! A proposal's lots in words, the same for `ancrage allocate` and the cockpit's allocation
//! view: « Bâtiment B — atelier 1 (180 m²) : Conserverie du Quai Sucré (94,0, décidé) ».

use crate::allocation::proposal::{Envy, LotUse, Placement, Proposal, SiteUse};
use crate::domain::Surface;
use crate::i18n::{self, Lang};

pub fn points(value: f64, lang: Lang) -> String {
    i18n::fixed(value, 1, lang)
}

pub fn m2(value: f64, lang: Lang) -> String {
    i18n::surface(Surface::m2(value), lang)
}

/// One lot of `site` and who gets it; `decided` says how a placement was decided beforehand
/// (« , décidé »…, empty when it was not), as each reader names it.
pub fn lot_line(
    p: &Proposal,
    site: &SiteUse,
    lot: &LotUse,
    decided: impl Fn(&Placement) -> &'static str,
    lang: Lang,
) -> String {
    let holders: Vec<String> = p
        .placements
        .iter()
        .filter(|x| x.site == site.site && x.lot == lot.lot)
        .map(|x| {
            let decided = decided(x);
            if lot.pooled {
                format!(
                    "{} {} ({}{decided})",
                    x.structure_name,
                    m2(x.m2, lang),
                    points(x.score, lang)
                )
            } else {
                format!("{} ({}{decided})", x.structure_name, points(x.score, lang))
            }
        })
        .collect();
    let kind = if lot.pooled {
        lang.pick(", partagé au m²", ", shared by m²")
    } else {
        ""
    };
    let who = if holders.is_empty() {
        lang.pick("libre", "free").to_owned()
    } else {
        holders.join(" · ")
    };
    let left = if lot.pooled && !holders.is_empty() {
        match lang {
            Lang::Fr => format!(" — {} libres", m2(lot.surface - lot.used_m2, lang)),
            Lang::En => format!(" — {} free", m2(lot.surface - lot.used_m2, lang)),
        }
    } else {
        String::new()
    };
    format!(
        "  {} ({}{kind}){} {who}{left}",
        lot.label,
        m2(lot.surface, lang),
        lang.pick("\u{a0}:", ":")
    )
}

/// A case of justified envy: « Atelier A (81,0) plutôt que Atelier B (74,5) sur Usine ».
pub fn envy_line(e: &Envy, lang: Lang) -> String {
    let (score, over) = (points(e.score, lang), points(e.over_score, lang));
    match lang {
        Lang::Fr => format!(
            "{} ({score}) plutôt que {} ({over}) sur {}",
            e.structure_name, e.over_name, e.site_name
        ),
        Lang::En => format!(
            "{} ({score}) rather than {} ({over}) on {}",
            e.structure_name, e.over_name, e.site_name
        ),
    }
}
