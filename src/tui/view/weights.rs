//! The weights popup: each criterion's weight, its share of the total, and a bar. Drawn over
//! the table so the ranked list stays visible and moves as the weights change.

use crate::i18n;
use crate::tui::app::App;
use crate::tui::ranking::Criterion;
use crate::tui::text::Msg;
use crate::tui::update::WEIGHT_MAX;
use crate::tui::view::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

const BAR: usize = 20;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let area = popup::centered(area, 60, 11);
    let inner = popup::frame_popup(
        frame,
        area,
        Line::from(format!(" {} ", Msg::WeightsTitle.get(lang))),
    );
    let total: f64 = Criterion::ALL
        .iter()
        .map(|&c| c.weight_in(&app.weights))
        .sum();
    let mut lines: Vec<Line> = Criterion::ALL
        .iter()
        .enumerate()
        .map(|(i, &criterion)| {
            let weight = criterion.weight_in(&app.weights);
            let share = if total > 0.0 { weight / total } else { 0.0 };
            let filled = ((weight / WEIGHT_MAX) * BAR as f64).round() as usize;
            let bar: String = "█".repeat(filled.min(BAR)) + &"░".repeat(BAR - filled.min(BAR));
            let selected = i == app.weights_field;
            let text = format!(
                "{}{:<14}{:>4}  {bar} {:>6}",
                if selected { "▸ " } else { "  " },
                criterion.label(lang),
                i18n::number(weight, 0, lang),
                i18n::percent(share, lang),
            );
            if selected {
                Line::styled(text, style::selected())
            } else {
                Line::from(text)
            }
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        Msg::WeightsHint.get(lang),
        style::dim(),
    )));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
