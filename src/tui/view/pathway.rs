//! Screen 4, Parcours: where each structure stands today, soonest end of occupation first.
//! Timelines, alerts and next-step suggestions come with the pathway issue.

use crate::i18n;
use crate::i18n::Label;
use crate::tui::app::App;
use crate::tui::figures;
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
    let rest = intro(
        frame,
        area,
        vec![Line::styled(
            Msg::PathwayPlaceholder.get(lang),
            style::dim(),
        )],
    );
    let rows = app.pathway_rows();
    let columns = [
        (Msg::ColStructure, 0, 0),
        (Msg::ColStage, 12, 1),
        (Msg::ColSite, 28, 3),
        (Msg::ColOccupationEnd, 15, 2),
    ]
    .map(|(m, width, priority)| table::Column {
        title: m.get(lang).to_owned(),
        width,
        priority,
    });
    let drawn = table::render(
        frame,
        rest,
        Block::bordered().title(format!(" {} ", Msg::TabPathway.get(lang))),
        &columns,
        rows.len(),
        app.other_cursor,
        true,
        &mut ui.other_offset,
        |r, c| {
            let s = &app.workspace.structures[rows[r]];
            let current = s.current_episode(app.today);
            let (stage, end) = figures::structure_stage(s, app.today);
            match c {
                0 => Line::from(s.name.clone()),
                1 => Line::from(stage.map_or("—", |k| k.label(lang))),
                2 => Line::from(
                    current
                        .and_then(|e| {
                            e.site
                                .as_ref()
                                .and_then(|id| app.workspace.site(id))
                                .map(|site| site.name.clone())
                                .or_else(|| e.place.clone())
                        })
                        .unwrap_or_else(|| "—".to_owned()),
                ),
                _ => Line::from(end.map_or("—".to_owned(), |d| i18n::date(d, lang))),
            }
        },
    );
    ui.page = usize::from(drawn.height);
    ui.hits.list = Some(drawn);
    rest
}
