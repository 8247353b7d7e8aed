//! The read-only banner: when another instance holds the workspace, the top line says so in
//! reverse video on every tab, so no one believes their decisions are being saved.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::review_actions::ReviewAction;
use crate::tui::view::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn text(app: &App) -> Option<String> {
    let session = app.review.session.as_ref().filter(|s| s.is_read_only())?;
    let holder = session.read_only_reason().unwrap_or_default();
    let lang = app.lang;
    // The key that rereads, as the keymap (maybe overridden) has it.
    let reload = app
        .keymap
        .bindings()
        .iter()
        .find(|b| b.action == Action::Review(ReviewAction::Reload))
        .map(|b| {
            format!(
                " ({}\u{a0}: {})",
                b.keys_label(lang),
                lang.pick("relire", "reload")
            )
        })
        .unwrap_or_default();
    Some(format!(
        " {} ({holder}) — {}{reload}",
        lang.pick(
            "Lecture seule\u{a0}: espace de travail ouvert ailleurs",
            "Read-only: workspace open elsewhere"
        ),
        lang.pick("aucune décision possible ici", "no decision possible here")
    ))
}

/// Draws the banner on the top line when read-only; returns the area left for the screen.
pub fn render(app: &App, frame: &mut Frame, area: Rect) -> Rect {
    let Some(text) = text(app) else {
        return area;
    };
    let [banner, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(text)).style(style::selected()),
        banner,
    );
    rest
}
