//! The status line: the last message, the alerts waiting (`!` lists them), the filter of the
//! screen, and where the workspace is with what it holds.

use crate::tui::context::Context;
use crate::tui::message::Message;
use crate::tui::text::{self, Msg};
use crate::tui::widgets::cut::cut_line;
use crate::tui::widgets::style;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// `filter`: the screen's active filter, in words. `alerts`: how many alerts `!` would list.
pub fn render(
    ctx: &Context,
    message: Option<&Message>,
    filter: Option<String>,
    alerts: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = ctx.lang;
    let ws = &ctx.workspace;
    let mut spans = Vec::new();
    // What just happened comes first: the officer must read it (a saved decision, the path of
    // an export), whatever the width.
    match message {
        Some(Message::Info(m)) => spans.push(Span::styled(format!("{m} · "), style::bold())),
        Some(Message::Error(m)) => spans.push(Span::styled(format!("⚠ {m} · "), style::error())),
        None => {}
    }
    if alerts > 0 {
        spans.push(Span::styled(
            format!(
                "⚠ {} (!) · ",
                text::count(alerts, Msg::AlertOne, Msg::AlertCount, lang)
            ),
            style::bold(),
        ));
    }
    if let Some(filter) = filter {
        spans.push(Span::styled(
            format!(
                "{}{filter} · ",
                text::label_colon(Msg::FilterTitle.get(lang), lang)
            ),
            style::bold(),
        ));
    }
    spans.push(Span::raw(format!(
        "{}{} · {} · {} · {}",
        text::label_colon(Msg::Workspace.get(lang), lang),
        ctx.workspace_path.display(),
        text::count(ws.sites.len(), Msg::SiteOne, Msg::SiteCount, lang),
        text::count(
            ws.structures.len(),
            Msg::StructureOne,
            Msg::StructureCount,
            lang
        ),
        text::count(ws.calls.len(), Msg::CallOne, Msg::CallCount, lang),
    )));
    let line = cut_line(Line::from(spans), usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(style::dim()), area);
}
