//! Horizontal bars with their figure written on them: the bar is drawn in reverse video (not
//! colour: it reads under NO_COLOR), its length proportional to the value, the figure inside
//! it when it fits, just after it otherwise.

use crate::tui::widgets::cut::cut;
use crate::tui::widgets::style;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// `label` in `label_width` columns, then the bar of `value` against `max` in what is left of
/// `width`, with `figure` on it.
pub fn bar(
    label: &str,
    label_width: usize,
    value: f64,
    max: f64,
    figure: &str,
    width: usize,
    label_style: Style,
) -> Line<'static> {
    let label = cut(label, label_width);
    let pad = label_width.saturating_sub(label.width());
    let room = width.saturating_sub(label_width + 1);
    let ratio = if max > 0.0 {
        (value / max).clamp(0.0, 1.0)
    } else {
        0.0
    };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut length = (ratio * room as f64).round() as usize;
    if value > 0.0 {
        length = length.max(1);
    }
    let mut spans = vec![Span::styled(
        format!("{label}{} ", " ".repeat(pad)),
        label_style,
    )];
    let text = format!(" {figure} ");
    if text.width() <= length {
        let rest = length - text.width();
        spans.push(Span::styled(
            format!("{text}{}", " ".repeat(rest)),
            style::key(),
        ));
    } else if length + 1 + figure.width() <= room {
        spans.push(Span::styled(" ".repeat(length), style::key()));
        spans.push(Span::raw(format!(" {figure}")));
    } else {
        // No room beside the bar: the figure runs over it, the bar's part still reversed.
        let split = text
            .char_indices()
            .scan(0, |w, (i, c)| {
                let at = (*w, i);
                *w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                Some(at)
            })
            .find(|&(w, _)| w >= length)
            .map_or(text.len(), |(_, i)| i);
        spans.push(Span::styled(text[..split].to_owned(), style::key()));
        spans.push(Span::raw(text[split..].to_owned()));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figure_is_written_on_the_bar_or_beside_a_short_one() {
        let long = bar("Ouest", 8, 100.0, 100.0, "1 200 m²", 40, Style::default());
        assert_eq!(
            long.to_string(),
            format!("Ouest     1 200 m² {}", " ".repeat(21))
        );
        assert_eq!(long.width(), 40);
        let short = bar("Est", 8, 1.0, 100.0, "12 m²", 40, Style::default());
        assert_eq!(short.to_string(), "Est        12 m²");
        let zero = bar("Nord", 8, 0.0, 100.0, "0 m²", 40, Style::default());
        assert_eq!(zero.to_string(), "Nord      0 m²");
        // Too long to fit beside the bar: written over it, whole.
        let over = bar(
            "Accordé",
            8,
            50.0,
            100.0,
            "104 000 € / 270 000 €",
            30,
            Style::default(),
        );
        assert_eq!(over.to_string(), "Accordé   104 000 € / 270 000 € ");
        assert_eq!(
            over.spans[1].content.chars().count(),
            11,
            "the bar’s part: half of 21 columns"
        );
    }
}
