//! The help, generated from the keymap table (the same table as the key bar): every binding
//! by context, with its keys, description and the id to use in `keys.json`.

use crate::i18n::typography;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::ranking::Criterion;
use crate::tui::text::Msg;
use crate::tui::ui_state::UiState;
use crate::tui::view::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = Vec::new();
    for context in Context::ALL {
        let bindings: Vec<_> = app.keymap.in_context(context).collect();
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::styled(
            context.title(lang).to_owned(),
            style::header(),
        ));
        for b in bindings {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18}", b.keys_label(lang)), style::bold()),
                Span::raw(typography(b.description(lang), lang)),
                Span::styled(format!("  [{}]", b.id), style::dim()),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        lang.pick("Symboles", "Symbols").to_owned(),
        style::header(),
    ));
    let criteria: Vec<String> = Criterion::ALL
        .iter()
        .map(|c| format!("{} = {}", c.short(lang), c.label(lang)))
        .collect();
    lines.push(Line::from(lang.pick(
        "  ✓ éligible · ✗ inéligible (motif après le nom, ligne estompée) · ◆ retenue pour la comparaison · ▸ sélection",
        "  ✓ eligible · ✗ ineligible (reason after the name, row dimmed) · ◆ kept for the comparison · ▸ selection",
    )));
    lines.push(Line::from(format!(
        "  {} (·▁▂▃▄▅▆▇█ = 0 → 100 %)\u{a0}: {}",
        lang.pick("Barre des critères", "Criteria bar"),
        criteria.join(", ")
    )));
    lines.push(Line::from(""));
    lines.push(Line::styled(
        lang.pick(
            "Touches personnalisables dans <config>/ancrage/keys.json, ex. { \"sort_next\": [\"o\"] }",
            "Keys can be changed in <config>/ancrage/keys.json, e.g. { \"sort_next\": [\"o\"] }",
        ),
        style::dim(),
    ));
    lines
}

pub fn render(app: &App, ui: &mut UiState, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let area = popup::centered(area, 100, area.height);
    let inner = popup::frame_popup(
        frame,
        area,
        Line::from(format!(" {} ", Msg::HelpTitle.get(lang))),
    );
    let lines = lines(app);
    ui.scroll_max = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = app.scroll.min(ui.scroll_max);
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        inner,
    );
}
