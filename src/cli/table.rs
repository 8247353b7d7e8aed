//! Plain-text aligned tables for terminal output (accents and symbols measured by display
//! width, not bytes).

use crate::i18n::printable;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Cuts `text` to `width` columns, ending with `…` when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

fn pad(text: &str, width: usize, align: Align) -> String {
    let fill = " ".repeat(width.saturating_sub(text.width()));
    match align {
        Align::Left => format!("{text}{fill}"),
        Align::Right => format!("{fill}{text}"),
    }
}

/// Renders rows under a header, each column as wide as its widest cell (capped by `max`).
pub fn render(header: &[(&str, Align, usize)], rows: &[Vec<String>]) -> String {
    // Widths are measured on what will be shown: stored text with its control characters
    // escaped, on one line.
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| printable(c).into_owned()).collect())
        .collect();
    let rows = &rows;
    let widths: Vec<usize> = header
        .iter()
        .enumerate()
        .map(|(i, (title, _, max))| {
            rows.iter()
                .map(|r| r[i].width())
                .chain(std::iter::once(title.width()))
                .max()
                .unwrap_or(0)
                .min(*max)
        })
        .collect();
    let line = |cells: Vec<String>| -> String {
        let parts: Vec<String> = cells
            .iter()
            .zip(header)
            .zip(&widths)
            .map(|((cell, (_, align, _)), &w)| pad(&truncate(cell, w), w, *align))
            .collect();
        parts.join("  ").trim_end().to_owned()
    };
    let mut out = line(header.iter().map(|(t, _, _)| (*t).to_owned()).collect());
    out.push('\n');
    for row in rows {
        out.push_str(&line(row.clone()));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 13, point 2: stored text cannot drive the terminal from a table.
    #[test]
    fn cells_show_escape_sequences_on_one_line() {
        let out = render(
            &[("Nom", Align::Left, 40)],
            &[vec!["\u{1b}]0;titre\u{7}Atelier\nbleu\u{1b}[2J".into()]],
        );
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert_eq!(out.lines().count(), 2, "{out:?}");
        assert!(out.contains("␛]0;titre␇Atelier␤bleu␛[2J"), "{out:?}");
    }

    #[test]
    fn aligns_by_display_width() {
        let out = render(
            &[("Nom", Align::Left, 10), ("Total", Align::Right, 6)],
            &[
                vec!["Économie".into(), "8,5".into()],
                vec!["Très long nom ici".into(), "10".into()],
            ],
        );
        assert_eq!(
            out,
            "Nom         Total\nÉconomie      8,5\nTrès long…     10\n"
        );
    }
}
