//! The call picker: the workspace's calls in id order, the current one marked.

use crate::i18n;
use crate::tui::app::App;
use crate::tui::call_choice::calls_by_id;
use crate::tui::text::{self, Msg};
use crate::tui::view::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let order = calls_by_id(&app.workspace);
    let mut lines: Vec<Line> = order
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let call = &app.workspace.calls[c];
            let current = if Some(c) == app.current_call {
                "●"
            } else {
                " "
            };
            let text = format!(
                "{current} {} — {} — {} — {}",
                call.id,
                call.title,
                i18n::date(call.deadline, lang),
                text::count(
                    call.application_pairs().count(),
                    Msg::ApplicationOne,
                    Msg::Applications,
                    lang
                )
            );
            if i == app.review.picker_cursor {
                Line::styled(format!("▸ {text}"), style::selected())
            } else {
                Line::from(format!("  {text}"))
            }
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(
        lang.pick(
            "↑↓ choisir · Entrée ouvrir · Échap fermer — ● appel affiché",
            "↑↓ choose · Enter open · Esc close — ● call shown",
        ),
        style::dim(),
    ));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = popup::centered(area, 90, height);
    let inner = popup::frame_popup(
        frame,
        area,
        Line::styled(
            format!(" {} ", lang.pick("Changer d’appel", "Switch call")),
            style::bold(),
        ),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}
