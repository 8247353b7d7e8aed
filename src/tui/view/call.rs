//! Screen 3, Appel: the current call's applications (structure, site, match score). The review
//! issue turns this into the session cockpit; for now it lists and opens score cards.

use crate::i18n;
use crate::tui::app::App;
use crate::tui::text::{self, Msg};
use crate::tui::ui_state::UiState;
use crate::tui::view::{style, table};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The sentence saying what a placeholder screen is and what comes, above its list.
pub fn intro(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) -> Rect {
    let [top, rest] = Layout::vertical([
        Constraint::Length(lines.len() as u16 + 1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), top);
    rest
}

pub fn render(app: &App, ui: &mut UiState, frame: &mut Frame, area: Rect) -> Rect {
    let lang = app.lang;
    let call = app.current_call.and_then(|i| app.workspace.calls.get(i));
    let mut lines = vec![Line::styled(Msg::CallPlaceholder.get(lang), style::dim())];
    match call {
        Some(call) => lines.push(Line::styled(
            format!(
                "{} — {}{} — {} {}",
                call.title,
                text::label_colon(Msg::Deadline.get(lang), lang),
                i18n::date(call.deadline, lang),
                call.applications.len(),
                Msg::Applications.get(lang),
            ),
            style::bold(),
        )),
        None => lines.push(Line::from(Msg::NoCall.get(lang))),
    }
    let rest = intro(frame, area, lines);
    let rows = app.call_rows();
    let columns = [
        (Msg::ColStructure, 0, 0),
        (Msg::ColSite, 28, 1),
        (Msg::ColScore, 7, 2),
        (Msg::Eligible, 9, 3),
    ]
    .map(|(m, width, priority)| table::Column {
        title: m.get(lang).to_owned(),
        width,
        priority,
    });
    let scores: Vec<_> = rows
        .iter()
        .map(|&(structure, site)| app.ranking.score(structure, site, &app.weights))
        .collect();
    let drawn = table::render(
        frame,
        rest,
        Block::bordered().title(format!(" {} ", Msg::TabCall.get(lang))),
        &columns,
        rows.len(),
        app.other_cursor,
        true,
        &mut ui.other_offset,
        |r, c| {
            let (structure, site) = rows[r];
            let score = scores[r];
            match c {
                0 => Line::from(app.workspace.structures[structure].name.clone()),
                1 => Line::from(app.workspace.sites[site].name.clone()),
                2 => Line::from(score.map_or("—".to_owned(), |s| i18n::number(s.total, 1, lang)))
                    .right_aligned(),
                _ => Line::from(match score.map(|s| s.eligible) {
                    Some(true) => "✓",
                    Some(false) => "✗",
                    None => "—",
                }),
            }
        },
    );
    ui.page = usize::from(drawn.height);
    ui.hits.list = Some(drawn);
    rest
}
