//! The Appel tab's filter popup: one site of the call, one status, and the grouping.

use crate::tui::app::App;
use crate::tui::call_choice::filter_field_label;
use crate::tui::review_state::CallFilter;
use crate::tui::text::Msg;
use crate::tui::view::call::status_text;
use crate::tui::view::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let filter = &app.review.filter;
    let all = Msg::FilterAll.get(lang);
    let values = [
        filter.site.as_ref().map_or(all.to_owned(), |id| {
            app.workspace
                .site(id)
                .map_or(id.to_string(), |s| s.name.clone())
        }),
        filter
            .status
            .map_or(all.to_owned(), |s| status_text(s, lang)),
        filter.grouping.label(lang).to_owned(),
    ];
    let mut lines: Vec<Line> = (0..CallFilter::FIELDS)
        .map(|field| {
            let selected = field == app.review.filter_field % CallFilter::FIELDS;
            let text = format!(
                "{}{:<12}◂ {} ▸",
                if selected { "▸ " } else { "  " },
                filter_field_label(field, lang),
                values[field]
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
    let area = popup::centered(area, 64, 8);
    let inner = popup::frame_popup(
        frame,
        area,
        Line::from(format!(" {} ", Msg::FilterTitle.get(lang))),
    );
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
