//! Keys as the interface sees them: the terminal layer converts crossterm events into these, so
//! the state and its tests do not depend on the terminal.

use crate::i18n::Lang;

/// A key as the interface sees it (the terminal layer converts crossterm events into this, so
/// the state and its tests do not depend on the terminal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Reads `q`, `S`, `ctrl-c`, `alt-x`, `enter`, `esc`, `tab`, `shift-tab`, `up`, `pgdn`,
    /// `space`, `f1`…
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "space" => KeyCode::Char(' '),
                other => match other.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n) if (1..=12).contains(&n) => KeyCode::F(n),
                    _ => return Err(text.to_owned()),
                },
            },
        };
        Ok(Key { code, ctrl, alt })
    }

    /// How the key is written in the help and the key bar.
    pub fn label(self, lang: Lang) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => lang.pick("Espace", "Space").to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => lang.pick("Entrée", "Enter").to_owned(),
            KeyCode::Esc => lang.pick("Échap", "Esc").to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => lang.pick("Maj-Tab", "Shift-Tab").to_owned(),
            KeyCode::Backspace => lang.pick("Retour arrière", "Backspace").to_owned(),
            KeyCode::Delete => lang.pick("Suppr", "Delete").to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => lang.pick("PgPréc", "PgUp").to_owned(),
            KeyCode::PageDown => lang.pick("PgSuiv", "PgDn").to_owned(),
            KeyCode::Home => lang.pick("Début", "Home").to_owned(),
            KeyCode::End => lang.pick("Fin", "End").to_owned(),
            KeyCode::F(n) => format!("F{n}"),
        };
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl-");
        }
        if self.alt {
            out.push_str("Alt-");
        }
        out.push_str(&base);
        out
    }
}
