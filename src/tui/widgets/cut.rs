//! Text cut to a width, always with an ellipsis where it was cut: a name cut silently can read
//! as another valid name (« Atelier Bagnolet n° 19 » for « n° 191 »).

use crate::tui::widgets::safe;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub const ELLIPSIS: char = '…';

/// `text` in at most `width` columns, ending with `…` when it had to be cut.
pub fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push(ELLIPSIS);
    out
}

/// The line in at most `width` columns, its styles kept, ending with `…` when cut.
pub fn cut_line(line: Line<'static>, width: usize) -> Line<'static> {
    let line = safe::line(line);
    if line.width() <= width {
        return line;
    }
    let Line {
        spans,
        style,
        alignment,
    } = line;
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut left = width;
    for span in spans {
        let w = span.content.width();
        if w < left {
            left -= w;
            out.push(span);
            continue;
        }
        // This span holds the cut; when it fills the width exactly, more follows it, so it
        // gives up its last column to the mark.
        let shown = if w == left {
            cut(&format!("{}{ELLIPSIS}", span.content), left)
        } else {
            cut(&span.content, left)
        };
        out.push(Span::styled(shown, span.style));
        break;
    }
    if out.is_empty() && width > 0 {
        out.push(Span::raw(ELLIPSIS.to_string()));
    }
    let mut line = Line::from(out).style(style);
    line.alignment = alignment;
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cuts_say_so() {
        assert_eq!(cut("Atelier Bagnolet n° 191", 22), "Atelier Bagnolet n° 1…");
        assert_eq!(cut("court", 10), "court");
        assert_eq!(cut("abc", 1), "…");
        let line = Line::from(vec![Span::raw("● "), Span::raw("La Recyclerie des Lilas")]);
        let cut = cut_line(line, 10);
        assert_eq!(cut.to_string(), "● La Recy…");
    }

    proptest! {
        #[test]
        fn never_wider_and_marked_when_cut(text in "\\PC{0,40}", width in 0usize..30) {
            let shown = cut(&text, width);
            prop_assert!(shown.width() <= width);
            if text.width() > width && width > 0 {
                prop_assert!(shown.ends_with(ELLIPSIS));
            }
            let line = cut_line(Line::from(vec![Span::raw(text.clone()), Span::raw("x")]), width);
            prop_assert!(line.width() <= width);
        }
    }
}
