//! Popups of choices (filters, the export dialog): one line per field, `◂ value ▸`, the field
//! with the keys reversed; ↑↓ go from field to field.

use crate::tui::action::Action;
use crate::tui::widgets::style;
use ratatui::text::Line;

/// `▸ Label                 ◂ value ▸`, reversed when selected.
pub fn choice_line(selected: bool, label: &str, label_width: usize, value: &str) -> Line<'static> {
    let marker = if selected { "▸ " } else { "  " };
    let text = format!("{marker}{label:<label_width$}◂ {value} ▸");
    if selected {
        Line::styled(text, style::selected())
    } else {
        Line::from(text)
    }
}

/// The field ↓ or ↑ leads to among `count`, wrapping; none when the action is not one of them.
pub fn step_field(field: usize, count: usize, action: Action) -> Option<usize> {
    let count = count.max(1);
    match action {
        Action::Down => Some((field + 1) % count),
        Action::Up => Some((field + count - 1) % count),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_wrap_both_ways() {
        assert_eq!(step_field(2, 3, Action::Down), Some(0));
        assert_eq!(step_field(0, 3, Action::Up), Some(2));
        assert_eq!(step_field(0, 3, Action::Open), None);
        assert_eq!(
            choice_line(false, "Zone", 6, "Est").to_string(),
            "  Zone  ◂ Est ▸"
        );
    }
}
