//! Screen 5, Territoire: the nine cities with their zone, and the sites, lot surface and
//! structures each holds. Maps and the West / North-East balance come with the pathway issue.

use crate::domain::Surface;
use crate::i18n;
use crate::i18n::Label;
use crate::tui::app::App;
use crate::tui::text::Msg;
use crate::tui::ui_state::UiState;
use crate::tui::view::call::intro;
use crate::tui::view::{style, table};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Block;

pub fn render(app: &App, ui: &mut UiState, frame: &mut Frame, area: Rect) -> Rect {
    let lang = app.lang;
    let t = &app.workspace.territory;
    let rest = intro(
        frame,
        area,
        vec![Line::styled(
            Msg::TerritoryPlaceholder.get(lang),
            style::dim(),
        )],
    );
    let columns = [
        (Msg::FilterCity, 0, 0),
        (Msg::ColInsee, 6, 5),
        (Msg::ColZone, 18, 1),
        (Msg::ColQpv, 4, 6),
        (Msg::ColPopulation, 10, 4),
        (Msg::ColSites, 6, 2),
        (Msg::ColLotsSurface, 11, 3),
        (Msg::ColStructures, 10, 2),
    ]
    .map(|(m, width, priority)| table::Column {
        title: m.get(lang).to_owned(),
        width,
        priority,
    });
    let drawn = table::render(
        frame,
        rest,
        Block::bordered().title(format!(" {} ", t.name)),
        &columns,
        t.cities.len(),
        app.other_cursor,
        true,
        &mut ui.other_offset,
        |r, c| {
            let city = &t.cities[r];
            let sites = app.workspace.sites.iter().filter(|s| s.city == city.insee);
            match c {
                0 => Line::from(city.name.clone()),
                1 => Line::from(city.insee.to_string()),
                2 => {
                    let priority = if t.is_priority_zone(city.zone) {
                        format!(" ★ {}", Msg::PriorityZone.get(lang))
                    } else {
                        String::new()
                    };
                    Line::from(format!("{}{priority}", Label::label(&city.zone, lang)))
                }
                3 => Line::from(if city.qpv { Msg::Yes } else { Msg::No }.get(lang)),
                4 => Line::from(i18n::number(f64::from(city.population), 0, lang)).right_aligned(),
                5 => Line::from(sites.count().to_string()).right_aligned(),
                6 => {
                    let m2: Surface = sites.map(|s| s.lots_surface()).sum();
                    Line::from(i18n::number(m2.value(), 0, lang)).right_aligned()
                }
                _ => Line::from(
                    app.workspace
                        .structures
                        .iter()
                        .filter(|s| s.home_city == city.insee)
                        .count()
                        .to_string(),
                )
                .right_aligned(),
            }
        },
    );
    ui.page = usize::from(drawn.height);
    ui.hits.list = Some(drawn);
    rest
}
