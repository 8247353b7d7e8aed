//! The bottom key bar, generated from the keymap table (like the help), for the current mode.

use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::view::style;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let context = app.mode().context();
    let mut spans = Vec::new();
    let bindings = app
        .keymap
        .in_context(context)
        .chain(app.keymap.in_context(Context::Global));
    for binding in bindings {
        let (Some(label), Some(key)) = (binding.bar_label(lang), binding.keys.first()) else {
            continue;
        };
        spans.push(Span::styled(format!(" {} ", key.label(lang)), style::key()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
