//! A popup's text in three parts: a head and a foot that wrap (what the popup is about, the
//! field being typed, a refusal), and between them lines that are cut with an ellipsis rather
//! than wrapped, so a list scrolls by whole entries.
//!
//! Wrapped text keeps a number whole: ratatui breaks lines at the narrow no-break space that
//! groups thousands (« 2 400 m² » would end a line on « 2 »), so it is drawn as the
//! no-break space it wraps around, which looks the same in a terminal cell.

use crate::i18n::NNBSP;
use crate::tui::widgets::cut::cut_line;
use crate::tui::widgets::safe;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Rows `lines` take in `width` columns once wrapped as `wrapped` draws them (word by word:
/// counted by the paragraph itself, so a scroll always reaches the last line).
pub fn wrapped_height(lines: &[Line<'_>], width: u16) -> usize {
    paragraph(lines.iter().map(|l| unbroken(l.clone())).collect()).line_count(width.max(1))
}

fn paragraph(lines: Vec<Line<'_>>) -> Paragraph<'_> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// The line with its narrow no-break spaces as no-break spaces ratatui does not break at.
fn unbroken(mut line: Line<'_>) -> Line<'_> {
    for span in &mut line.spans {
        if span.content.contains(NNBSP) {
            span.content = span.content.replace(NNBSP, "\u{a0}").into();
        }
    }
    line
}

/// Head, middle and foot areas of `area`: the head and the foot as tall as they wrap, the
/// middle the rest but at least its `middle` rows up to three (the head gives way first,
/// then the foot).
pub fn split(area: Rect, head: &[Line<'_>], middle: usize, foot: &[Line<'_>]) -> [Rect; 3] {
    let room = usize::from(area.height);
    let middle = room.min(middle.min(3));
    let mut foot_rows = wrapped_height(foot, area.width).min(room - middle);
    let head_rows = wrapped_height(head, area.width).min(room - middle - foot_rows);
    if head.is_empty() && foot.is_empty() {
        foot_rows = 0;
    }
    let rows = |n: usize| u16::try_from(n).unwrap_or(0);
    Layout::vertical([
        Constraint::Length(rows(head_rows)),
        Constraint::Fill(1),
        Constraint::Length(rows(foot_rows)),
    ])
    .areas(area)
}

/// The height of a popup showing `head`, `middle` rows and `foot` in `width` columns (its
/// border included).
pub fn popup_height(head: &[Line<'_>], middle: usize, foot: &[Line<'_>], width: u16) -> u16 {
    let inner = width.saturating_sub(2);
    let rows = wrapped_height(head, inner) + middle + wrapped_height(foot, inner) + 2;
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// Stored or fixed text, wrapped.
pub fn wrapped(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    wrapped_from(frame, area, lines, 0);
}

/// The same, its first `scroll` rows scrolled away.
pub fn wrapped_from(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, scroll: usize) {
    let lines = safe::lines(lines).into_iter().map(unbroken).collect();
    frame.render_widget(
        paragraph(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
}

/// One row per line, each cut to the width with `…`.
pub fn cut(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    let width = usize::from(area.width);
    let lines: Vec<Line<'static>> = lines
        .into_iter()
        .take(usize::from(area.height))
        .map(|l| cut_line(l, width))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
