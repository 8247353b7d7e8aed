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

/// A long path on one line: the part around the caret (the end, usually, where the file
/// name is), with `…` where it was cut.
pub fn around(text: &str, caret: usize, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    if n <= width || width < 3 {
        return text.to_owned();
    }
    // A window of `width` chars with the caret inside, not under a cut mark.
    let start = caret.saturating_add(2).saturating_sub(width).min(n - width);
    let mut shown: Vec<char> = chars[start..start + width].to_vec();
    if start > 0 {
        shown[0] = '…';
    }
    if start + width < n {
        shown[width - 1] = '…';
    }
    shown.into_iter().collect()
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

    #[test]
    fn long_paths_show_the_part_around_the_caret() {
        assert_eq!(around("/a/b.xlsx", 9, 20), "/a/b.xlsx");
        let long = "/home/lea/Documents/jury/jury-tempo-2026-2026-11-26.xlsx";
        let n = long.chars().count();
        let tail = around(long, n, 20);
        assert_eq!(tail.chars().count(), 20);
        assert!(tail.starts_with('…') && tail.ends_with("26.xlsx"), "{tail}");
        let head = around(long, 3, 20);
        assert_eq!(head.chars().count(), 20);
        assert!(head.starts_with("/home") && head.ends_with('…'), "{head}");
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
