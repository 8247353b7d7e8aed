//! Styles. Meaning never rests on colour alone: selection is reversed, matches are bold and
//! underlined, ineligible pairs are dimmed *and* marked `✗` (colours vanish under NO_COLOR).

use ratatui::style::{Color, Modifier, Style};

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
}

/// The selection of a list that does not have the keys.
pub fn selected_unfocused() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn header() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn matched() -> Style {
    Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

pub fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn key() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}
