//! The status line: the last message, the files' problems (`P` lists them), the alerts
//! waiting (`!` lists them), the filter of the screen, and where the workspace is with what it
//! holds.

use crate::tui::action::Action;
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
    let problems = ctx.health.count();
    if problems > 0 {
        // Before the alerts: records are left out until the files are fixed.
        let words = match (problems, lang) {
            (1, crate::i18n::Lang::Fr) => "1 problème".to_owned(),
            (n, crate::i18n::Lang::Fr) => format!("{n} problèmes"),
            (1, crate::i18n::Lang::En) => "1 problem".to_owned(),
            (n, crate::i18n::Lang::En) => format!("{n} problems"),
        };
        spans.push(Span::styled(
            format!("⚠ {words} ({}) · ", ctx.key_of(Action::OpenProblems)),
            style::error(),
        ));
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
