//! The filter popup: one line per criterion with its current value.

use crate::tui::app::App;
use crate::tui::filter::FilterField;
use crate::tui::text::Msg;
use crate::tui::view::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let area = popup::centered(area, 64, 13);
    let inner = popup::frame_popup(
        frame,
        area,
        Line::from(format!(" {} ", Msg::FilterTitle.get(lang))),
    );
    let mut lines: Vec<Line> = FilterField::ALL
        .iter()
        .enumerate()
        .map(|(i, &field)| {
            let selected = i == app.filter_field;
            let text = format!(
                "{}{:<22}◂ {} ▸",
                if selected { "▸ " } else { "  " },
                field.label(lang),
                app.filter.value_label(field, &app.workspace, lang)
            );
            if selected {
                Line::styled(text, style::selected())
            } else {
                Line::from(text)
            }
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(Msg::FilterHint.get(lang), style::dim()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
