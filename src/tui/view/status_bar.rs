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
    frame.render_widget(Paragraph::new(Line::from(spans)).style(style::dim()), area);
}
