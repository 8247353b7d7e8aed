//! The tabs across the top: number and name, the current one reversed.

use crate::i18n::Lang;
use crate::tui::tab::Tab;
use crate::tui::ui_state::UiState;
use crate::tui::widgets::style;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(current: Tab, lang: Lang, ui: &mut UiState, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let mut x = area.x;
    ui.hits.tab_row = area.y;
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, tab.title(lang));
        let width = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
        ui.hits.tabs.push((x, x.saturating_add(width), *tab));
        x = x.saturating_add(width).saturating_add(1);
        if *tab == current {
            spans.push(Span::styled(label, style::selected()));
        } else {
            spans.push(Span::raw(label));
        }
        spans.push(Span::raw("│"));
    }
    spans.push(Span::styled(" ancrage", style::dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
