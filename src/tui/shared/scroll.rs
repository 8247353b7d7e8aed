//! A long text read in a popup (the Problèmes panel, the import's report): its lines wrapped
//! to the popup's width with a hanging indent, scrolled with ↑↓ and the page keys, no further
//! than its last line as last drawn.

use crate::i18n::{Lang, printable};
use crate::tui::action::Action;
use crate::tui::dialogs::help::wrap;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::cut::cut;
use crate::tui::widgets::style;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Moves `scroll` for a scrolling key; none when the action is not one.
pub fn scroll_key(scroll: &mut usize, action: Action, viewport: Viewport) -> Option<bool> {
    let page = viewport.page.max(1);
    let next = match action {
        Action::Down => scroll.saturating_add(1),
        Action::Up => scroll.saturating_sub(1),
        Action::PageDown => scroll.saturating_add(page),
        Action::PageUp => scroll.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => viewport.scroll_max,
        _ => return None,
    }
    .min(viewport.scroll_max);
    let moved = next != *scroll;
    *scroll = next;
    Some(moved)
}

/// `text` (stored text: shown, never obeyed) in lines of `width` columns: the first starts
/// with `first`, the others with as many spaces.
pub fn hanging(text: &str, first: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let indent = " ".repeat(first.chars().count());
    let shown = printable(text);
    wrap(&shown, width.saturating_sub(indent.len()))
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let lead = if i == 0 { first } else { indent.as_str() };
            Line::styled(format!("{lead}{line}"), style)
        })
        .collect()
}

/// Where the window is in a text taller than it: `lignes 12–30 sur 45` (none when it all
/// fits), so the officer knows there is more below.
pub fn position(scroll: usize, total: usize, height: usize, lang: Lang) -> Option<String> {
    if total <= height || height == 0 {
        return None;
    }
    let first = scroll.min(total - height) + 1;
    let last = first + height - 1;
    Some(match lang {
        Lang::Fr => format!("lignes {first}–{last} sur {total}"),
        Lang::En => format!("lines {first}–{last} of {total}"),
    })
}

/// Writes the position (`lignes 12–30 sur 45`) on the bottom border of the popup drawn in
/// `popup`, when its text of `total` lines is taller than the `height` rows it is shown in.
pub fn mark_position(
    frame: &mut Frame,
    popup: Rect,
    scroll: usize,
    total: usize,
    height: u16,
    lang: Lang,
) {
    let Some(at) = position(scroll, total, usize::from(height), lang) else {
        return;
    };
    if popup.height < 2 || popup.width < 4 {
        return;
    }
    let border = Rect {
        x: popup.x + 1,
        y: popup.y + popup.height - 1,
        width: popup.width - 2,
        height: 1,
    };
    let text = cut(&format!(" {at} "), usize::from(border.width));
    frame.render_widget(
        Paragraph::new(Line::styled(text, style::dim())).alignment(Alignment::Right),
        border,
    );
}

/// Draws `lines` in `area` from `scroll` (kept within the text), and tells the next key how
/// far the text goes and how tall a page is.
pub fn render(
    lines: Vec<Line<'static>>,
    scroll: usize,
    frame: &mut Frame,
    area: Rect,
    ui: &mut UiState,
) {
    ui.scroll_max = lines.len().saturating_sub(usize::from(area.height));
    ui.page = usize::from(area.height.saturating_sub(1)).max(1);
    let scroll = scroll.min(ui.scroll_max);
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stops_at_both_ends() {
        let viewport = Viewport {
            page: 10,
            scroll_max: 25,
        };
        let mut scroll = 0;
        assert_eq!(scroll_key(&mut scroll, Action::Up, viewport), Some(false));
        assert_eq!(
            scroll_key(&mut scroll, Action::PageDown, viewport),
            Some(true)
        );
        assert_eq!(scroll, 10);
        scroll_key(&mut scroll, Action::Bottom, viewport);
        assert_eq!(scroll, 25);
        assert_eq!(scroll_key(&mut scroll, Action::Down, viewport), Some(false));
        assert_eq!(scroll_key(&mut scroll, Action::Open, viewport), None);
    }

    #[test]
    fn the_position_says_what_is_shown_of_a_long_text() {
        assert_eq!(position(0, 10, 20, Lang::Fr), None);
        assert_eq!(
            position(5, 45, 19, Lang::Fr).as_deref(),
            Some("lignes 6–24 sur 45")
        );
        assert_eq!(
            position(99, 45, 19, Lang::En).as_deref(),
            Some("lines 27–45 of 45")
        );
    }

    #[test]
    fn wrapped_lines_hang_under_their_mark() {
        let lines = hanging("un deux trois quatre", "⚠ ", 12, Style::default());
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["⚠ un deux", "  trois", "  quatre"]);
        let escaped = hanging("a\u{1b}[2Jb", "", 20, Style::default());
        assert_eq!(escaped[0].to_string(), "a␛[2Jb");
    }
}
