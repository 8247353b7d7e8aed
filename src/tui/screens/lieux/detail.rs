//! The selected site, described: what it is, where, when, its lots and their fees, what it
//! offers and favours, and where its figures come from (illustrative ones said so).

use crate::domain::Site;
use crate::i18n::{self, Label};
use crate::tui::context::Context;
use crate::tui::screens::lieux::columns::{availability, city_zone};
use crate::tui::text::{self, Msg};
use crate::tui::widgets::style;
use ratatui::text::{Line, Span};

/// The selected site described, most useful lines first (narrow screens show the first two).
pub fn lines(ctx: &Context, site: &Site) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let t = &ctx.workspace.territory;
    let label = |m: Msg| Span::styled(text::label_colon(m.get(lang), lang), style::bold());
    let mut lines = vec![
        Line::styled(site.name.clone(), style::bold()),
        Line::from(format!(
            "{} · {} · {} · {} · {}",
            site.programme.label(lang),
            site.kind.label(lang),
            city_zone(ctx, site),
            site.status.label(lang),
            availability(site, lang),
        )),
        Line::from(vec![label(Msg::Address), Span::raw(site.address.clone())]),
        Line::from(vec![label(Msg::Owner), Span::raw(site.owner.clone())]),
    ];
    if site.is_illustrative() {
        lines.push(Line::styled(
            format!(
                "{} {}",
                Msg::Illustrative.get(lang),
                site.illustrative.join(", ")
            ),
            style::bold(),
        ));
    }
    lines.push(Line::from(label(Msg::Lots)));
    for lot in &site.lots {
        let charges = if lot.fee.charges_included {
            lang.pick(", charges comprises", ", charges included")
        } else {
            ""
        };
        lines.push(Line::from(format!(
            "  • {} — {} {} — {}{}{charges}",
            lot.label,
            i18n::surface(lot.surface, lang),
            lot.use_type.label(lang),
            i18n::money(lot.fee.per_m2_year(lot.surface), lang),
            lang.pick("/m²/an", "/m²/yr"),
        )));
    }
    if !site.features.is_empty() {
        let features: Vec<&str> = site.features.iter().map(|f| f.label(lang)).collect();
        lines.push(Line::from(vec![
            label(Msg::Features),
            Span::raw(features.join(", ")),
        ]));
    }
    if !site.priority_sectors.is_empty() {
        let sectors: Vec<&str> = site
            .priority_sectors
            .iter()
            .map(|s| t.sector_label(s))
            .collect();
        lines.push(Line::from(vec![
            label(Msg::PrioritySectors),
            Span::raw(sectors.join(", ")),
        ]));
    }
    if !site.sources.is_empty() {
        lines.push(Line::from(label(Msg::Sources)));
        for source in &site.sources {
            lines.push(Line::from(format!("  • {} ({})", source.title, source.url)));
        }
    }
    lines
}
