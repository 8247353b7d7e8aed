//! Stored text drawn safely: names, motivations, notes, paths come from applicants, officers
//! and files, and a control character or escape sequence among them must be shown, never
//! obeyed by the terminal (`i18n::printable`). Every table cell goes through `cut::cut_line`,
//! which passes here; every paragraph of stored text is drawn through `lines`.

use crate::i18n::printable;
use ratatui::text::{Line, Span};

pub fn span(span: Span<'static>) -> Span<'static> {
    match printable(&span.content) {
        std::borrow::Cow::Borrowed(_) => span,
        std::borrow::Cow::Owned(shown) => Span::styled(shown, span.style),
    }
}

pub fn line(line: Line<'static>) -> Line<'static> {
    let Line {
        spans,
        style,
        alignment,
    } = line;
    let mut safe = Line::from(spans.into_iter().map(span).collect::<Vec<_>>()).style(style);
    safe.alignment = alignment;
    safe
}

pub fn lines(lines: Vec<Line<'static>>) -> Vec<Line<'static>> {
    lines.into_iter().map(line).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        let shown = line(Line::from(vec![
            Span::raw("Atelier \u{1b}]0;pwned\u{7}"),
            Span::raw("\u{1b}[2J ok"),
        ]));
        let text = shown.to_string();
        assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
        assert!(text.contains("␛]0;pwned␇"), "{text}");
    }
}
