//! Screen 1, Lieux: the sites table, the selected site's detail and its ranked structures.

use crate::domain::Site;
use crate::i18n::Label;
use crate::i18n::{self, Lang};
use crate::tui::app::App;
use crate::tui::figures;
use crate::tui::search::Search;
use crate::tui::sort::SiteColumn;
use crate::tui::text::{self, Msg};
use crate::tui::ui_state::UiState;
use crate::tui::view::list_screen::{self, ListScreen};
use crate::tui::view::{style, table};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

fn column(c: SiteColumn) -> (u16, u8) {
    match c {
        SiteColumn::Name => (0, 0),
        SiteColumn::Programme => (12, 6),
        SiteColumn::Kind => (12, 2),
        SiteColumn::City => (20, 1),
        SiteColumn::Surface => (14, 4),
        SiteColumn::Fee => (8, 5),
        SiteColumn::Available => (23, 7),
        SiteColumn::Status => (8, 8),
        SiteColumn::Eligible => (9, 3),
    }
}

fn cell(app: &App, search: &Search, site: &Site, index: usize, c: SiteColumn) -> Line<'static> {
    let lang = app.lang;
    match c {
        SiteColumn::Name => {
            let indices = search
                .indices(&app.site_haystack(index))
                .unwrap_or_default();
            table::highlighted(&site.name, &indices)
        }
        SiteColumn::Programme => Line::from(site.programme.label(lang)),
        SiteColumn::Kind => Line::from(site.kind.label(lang)),
        SiteColumn::City => Line::from(city_zone(app, site)),
        SiteColumn::Surface => {
            let (free, total) = figures::site_surfaces(site);
            Line::from(format!(
                "{} / {}",
                i18n::number(free.value(), 0, lang),
                i18n::number(total.value(), 0, lang)
            ))
            .right_aligned()
        }
        SiteColumn::Fee => {
            Line::from(figures::site_min_fee(site).map_or("—".to_owned(), |m| i18n::money(m, lang)))
                .right_aligned()
        }
        SiteColumn::Available => Line::from(availability(site, lang)),
        SiteColumn::Status => Line::from(site.status.label(lang)),
        SiteColumn::Eligible => Line::from(
            app.site_eligible
                .get(index)
                .copied()
                .flatten()
                .map_or("—".to_owned(), |n| n.to_string()),
        )
        .right_aligned(),
    }
}

fn city_zone(app: &App, site: &Site) -> String {
    let t = &app.workspace.territory;
    match t.city(&site.city) {
        Some(city) => format!("{} ({})", city.name, Label::label(&city.zone, app.lang)),
        None => site.city.to_string(),
    }
}

fn availability(site: &Site, lang: Lang) -> String {
    let from = i18n::date(site.available_from, lang);
    match site.available_until {
        Some(until) => format!("{from} → {}", i18n::date(until, lang)),
        None => format!("{} {from}", lang.pick("dès", "from")),
    }
}

/// The selected site described, most useful lines first (narrow screens show the first two).
pub fn detail_lines(app: &App, site: &Site) -> Vec<Line<'static>> {
    let lang = app.lang;
    let t = &app.workspace.territory;
    let label = |m: Msg| Span::styled(text::label_colon(m.get(lang), lang), style::bold());
    let mut lines = vec![
        Line::styled(site.name.clone(), style::bold()),
        Line::from(format!(
            "{} · {} · {} · {} · {}",
            site.programme.label(lang),
            site.kind.label(lang),
            city_zone(app, site),
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

/// Draws the screen; returns the table's area (where the weights popup goes).
pub fn render(app: &App, ui: &mut UiState, frame: &mut Frame, area: Rect) -> Rect {
    let lang = app.lang;
    let listing = &app.sites;
    let search = Search::new(&listing.query);
    let screen = ListScreen {
        name: Msg::TabSites.get(lang),
        listing,
        total: app.workspace.sites.len(),
        columns: table::sorted_columns(
            &SiteColumn::ALL,
            listing.query.trim().is_empty().then_some(listing.sort),
            |c| c.title(lang),
            column,
        ),
        offset: |ui| &mut ui.sites_offset,
        detail_percent: 45,
    };
    list_screen::render(
        app,
        ui,
        frame,
        area,
        screen,
        |r, c| {
            let index = listing.rows[r];
            cell(
                app,
                &search,
                &app.workspace.sites[index],
                index,
                SiteColumn::ALL[c],
            )
        },
        |index| detail_lines(app, &app.workspace.sites[index]),
    )
}
