//! Screen 2, Structures: the structures table, the selected one's needs and pathway, and the
//! sites ranked for it.

use crate::domain::Structure;
use crate::i18n;
use crate::i18n::Label;
use crate::tui::app::App;
use crate::tui::figures;
use crate::tui::search::Search;
use crate::tui::sort::StructureColumn;
use crate::tui::text::{self, Msg};
use crate::tui::ui_state::UiState;
use crate::tui::view::list_screen::{self, ListScreen};
use crate::tui::view::{style, table};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

fn column(c: StructureColumn) -> (u16, u8) {
    match c {
        StructureColumn::Name => (0, 0),
        StructureColumn::LegalForm => (12, 6),
        StructureColumn::Sector => (16, 3),
        StructureColumn::City => (14, 4),
        StructureColumn::Need => (11, 1),
        StructureColumn::Budget => (10, 5),
        StructureColumn::Stage => (11, 7),
        StructureColumn::OccupationEnd => (14, 8),
        StructureColumn::Best => (8, 2),
    }
}

fn cell(
    app: &App,
    search: &Search,
    s: &Structure,
    index: usize,
    c: StructureColumn,
) -> Line<'static> {
    let lang = app.lang;
    let t = &app.workspace.territory;
    match c {
        StructureColumn::Name => {
            let indices = search
                .indices(&app.structure_haystack(index))
                .unwrap_or_default();
            table::highlighted(&s.name, &indices)
        }
        StructureColumn::LegalForm => Line::from(s.legal_form.label(lang)),
        StructureColumn::Sector => Line::from(t.sector_label(&s.sector).to_owned()),
        StructureColumn::City => Line::from(t.city_name(&s.home_city).to_owned()),
        StructureColumn::Need => Line::from(format!(
            "{}–{}",
            i18n::number(s.needs.surface_min.value(), 0, lang),
            i18n::number(s.needs.surface_max.value(), 0, lang)
        ))
        .right_aligned(),
        StructureColumn::Budget => {
            Line::from(i18n::money(s.needs.max_annual_budget, lang)).right_aligned()
        }
        StructureColumn::Stage => Line::from(
            figures::structure_stage(s, app.today)
                .0
                .map_or("—", |k| k.label(lang)),
        ),
        StructureColumn::OccupationEnd => Line::from(
            figures::structure_stage(s, app.today)
                .1
                .map_or("—".to_owned(), |d| i18n::date(d, lang)),
        ),
        StructureColumn::Best => Line::from(
            app.best_score(index)
                .map_or("—".to_owned(), |b| i18n::number(b, 1, lang)),
        )
        .right_aligned(),
    }
}

pub fn detail_lines(app: &App, s: &Structure) -> Vec<Line<'static>> {
    let lang = app.lang;
    let t = &app.workspace.territory;
    let label = |m: Msg| Span::styled(text::label_colon(m.get(lang), lang), style::bold());
    let needs = &s.needs;
    let uses: Vec<&str> = needs.use_types.iter().map(|u| u.label(lang)).collect();
    let mut lines = vec![
        Line::styled(s.name.clone(), style::bold()),
        Line::from(format!(
            "{} · {} · {}",
            s.legal_form.label(lang),
            t.sector_label(&s.sector),
            t.city_name(&s.home_city),
        )),
        Line::from(label(Msg::Needs)),
        Line::from(format!(
            "  {}–{} · {} · {} {}/{}",
            i18n::number(needs.surface_min.value(), 0, lang),
            i18n::surface(needs.surface_max, lang),
            uses.join(", "),
            i18n::money(needs.max_annual_budget, lang),
            lang.pick("max", "max"),
            lang.pick("an", "yr"),
        )),
        Line::from(format!(
            "  {}{} · {}{} {}",
            text::label_colon(Msg::Start.get(lang), lang),
            i18n::date(needs.start, lang),
            text::label_colon(Msg::DurationLabel.get(lang), lang),
            needs.duration.in_months(),
            Msg::Months.get(lang),
        )),
    ];
    if !needs.preferred_cities.is_empty() {
        let cities: Vec<&str> = needs
            .preferred_cities
            .iter()
            .map(|c| t.city_name(c))
            .collect();
        lines.push(Line::from(format!(
            "  {}{}",
            text::label_colon(Msg::PreferredCities.get(lang), lang),
            cities.join(", ")
        )));
    }
    if !needs.required_features.is_empty() {
        let features: Vec<&str> = needs
            .required_features
            .iter()
            .map(|f| f.label(lang))
            .collect();
        lines.push(Line::from(format!(
            "  {}{}",
            text::label_colon(Msg::RequiredFeatures.get(lang), lang),
            features.join(", ")
        )));
    }
    lines.push(Line::from(label(Msg::Pathway)));
    if s.pathway.is_empty() {
        lines.push(Line::styled(
            format!("  {}", Msg::NoPathway.get(lang)),
            style::dim(),
        ));
    }
    for episode in &s.pathway {
        let place = episode
            .site
            .as_ref()
            .map(|id| {
                app.workspace
                    .site(id)
                    .map_or(id.as_str(), |site| site.name.as_str())
            })
            .or(episode.place.as_deref())
            .unwrap_or("—");
        let until = episode
            .to
            .map_or(Msg::Ongoing.get(lang).to_owned(), |d| i18n::date(d, lang));
        let current = if episode.covers(app.today) {
            "● "
        } else {
            "○ "
        };
        lines.push(Line::from(format!(
            "  {current}{} — {place} — {} → {until}",
            episode.kind.label(lang),
            i18n::date(episode.from, lang),
        )));
    }
    lines
}

/// Draws the screen; returns the table's area (where the weights popup goes).
pub fn render(app: &App, ui: &mut UiState, frame: &mut Frame, area: Rect) -> Rect {
    let lang = app.lang;
    let listing = &app.structures;
    let search = Search::new(&listing.query);
    let screen = ListScreen {
        name: Msg::TabStructures.get(lang),
        listing,
        total: app.workspace.structures.len(),
        columns: table::sorted_columns(
            &StructureColumn::ALL,
            listing.query.trim().is_empty().then_some(listing.sort),
            |c| c.title(lang),
            column,
        ),
        offset: |ui| &mut ui.structures_offset,
        detail_percent: 50,
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
                &app.workspace.structures[index],
                index,
                StructureColumn::ALL[c],
            )
        },
        |index| detail_lines(app, &app.workspace.structures[index]),
    )
}
