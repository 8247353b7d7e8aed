//! A lot held, as the officer reads it: « Bâtiment B — atelier 1 » (80 m²), the share of a
//! shared lot in m², by its label (never its id while the site still lists it).

use crate::domain::{Holding, Site, Surface, Workspace};
use crate::i18n::{self, Lang};
use crate::review::holdings::Held;

/// The lot's label in guillemets, with the m² held.
pub fn holding_text(site: Option<&Site>, holding: &Holding, lang: Lang) -> String {
    let lot = site.and_then(|s| s.lot(&holding.lot));
    let label = lot.map_or_else(|| holding.lot.to_string(), |l| l.label.clone());
    let m2 = lot.map(|l| holding.surface_on(l)).or(holding.m2);
    quoted(&label, m2, lang)
}

/// What an application holds, from the checks' view of it.
pub fn held_text(workspace: &Workspace, held: &Held, lang: Lang) -> String {
    let site = &workspace.sites[held.site];
    quoted(&site.lots[held.lot].label, Some(Surface::m2(held.m2)), lang)
}

/// The lot's label alone, for a narrow column.
pub fn held_label<'a>(workspace: &'a Workspace, held: &Held) -> &'a str {
    &workspace.sites[held.site].lots[held.lot].label
}

fn quoted(label: &str, m2: Option<Surface>, lang: Lang) -> String {
    let m2 = m2
        .map(|m| format!(" ({})", i18n::surface(m, lang)))
        .unwrap_or_default();
    match lang {
        Lang::Fr => format!("«\u{a0}{label}\u{a0}»{m2}"),
        Lang::En => format!("“{label}”{m2}"),
    }
}
