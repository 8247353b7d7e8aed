//! The status line: workspace path, counts, search and filter in force, and the last message.

use crate::tui::app::{App, Message};
use crate::tui::text::{self, Msg};
use crate::tui::view::style;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let ws = &app.workspace;
    let mut spans = vec![Span::raw(format!(
        "{}{} · {} · {} · {}",
        text::label_colon(Msg::Workspace.get(lang), lang),
        app.workspace_path.display(),
        text::count(ws.sites.len(), Msg::SiteOne, Msg::SiteCount, lang),
        text::count(
            ws.structures.len(),
            Msg::StructureOne,
            Msg::StructureCount,
            lang
        ),
        text::count(ws.calls.len(), Msg::CallOne, Msg::CallCount, lang),
    ))];
    if app.filter.is_active() {
        spans.push(Span::styled(
            format!(
                " · {}{}",
                text::label_colon(Msg::FilterTitle.get(lang), lang),
                app.filter.summary(ws, lang)
            ),
            style::bold(),
        ));
    }
    match &app.message {
        Some(Message::Info(m)) => spans.push(Span::styled(format!(" · {m}"), style::bold())),
        Some(Message::Error(m)) => spans.push(Span::styled(format!(" · ⚠ {m}"), style::error())),
        None => {}
    }
    // A message that would be cut off after the workspace and counts comes first: the officer
    // must read what just happened (a saved decision, the path of an export).
    let width: usize = spans.iter().map(Span::width).sum();
    if app.message.is_some()
        && width > usize::from(area.width)
        && let Some(message) = spans.pop()
    {
        let text = message.content.trim_start_matches(" · ").to_owned();
        spans.insert(0, Span::styled(format!("{text} · "), message.style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(style::dim()), area);
}
