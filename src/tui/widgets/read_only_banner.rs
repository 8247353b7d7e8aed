//! The read-only banner: when another instance holds the workspace, the top line says so in
//! reverse video on every tab, so no one believes their changes are being saved — and names
//! the key that rereads the other instance's changes and takes over once it has closed.

use crate::tui::action::Action;
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::widgets::cut::cut_line;
use crate::tui::widgets::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn text(ctx: &Context) -> Option<String> {
    let session = ctx.session.as_ref().filter(|s| s.is_read_only())?;
    let holder = session
        .read_only_reason()
        .map(|why| why.describe(ctx.lang))
        .unwrap_or_default();
    let lang = ctx.lang;
    // The key that rereads, as the keymap (maybe overridden) has it.
    let reload = ctx
        .keymap
        .binding_for(Scope::Lists, Action::Reload)
        .map(|b| b.keys_label(lang))
        .unwrap_or_default();
    Some(match lang {
        crate::i18n::Lang::Fr => {
            format!(" Lecture seule ({reload}\u{a0}: relire) — ouvert ailleurs\u{a0}: {holder}")
        }
        crate::i18n::Lang::En => {
            format!(" Read-only ({reload}: reload) — open elsewhere: {holder}")
        }
    })
}

/// Draws the banner on the top line when read-only; returns the area left for the screen.
pub fn render(ctx: &Context, frame: &mut Frame, area: Rect) -> Rect {
    let Some(text) = text(ctx) else {
        return area;
    };
    let [banner, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(cut_line(Line::from(text), usize::from(area.width)))
            .style(style::selected()),
        banner,
    );
    rest
}
