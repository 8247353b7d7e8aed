//! A small multi-line text field: the motivation of a decision, the notes of an application,
//! the text of an opinion. The cursor is a char index (never a byte index, so accents are safe).

use crate::tui::action::{Action, TextKey};

/// What a key did to a one-line field (a file path).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEdit {
    /// The text changed (true) or the key had nothing to do (a backspace at the start).
    Text(bool),
    /// The cursor moved (true) or was already where the key sends it.
    Cursor(bool),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Position in chars, 0..=char count.
    cursor: usize,
}

impl TextInput {
    /// The keys of a one-line field: typing, backspace, clear, ←/→, start and end; none for
    /// any other key (the dialog's own).
    pub fn line_key(&mut self, action: Action) -> Option<LineEdit> {
        Some(match action {
            Action::Text(TextKey::Input(c)) => {
                self.insert(c);
                LineEdit::Text(true)
            }
            Action::Text(TextKey::Backspace) => LineEdit::Text(self.backspace()),
            Action::Text(TextKey::Clear) => {
                *self = TextInput::default();
                LineEdit::Text(true)
            }
            Action::Decrease => LineEdit::Cursor(self.left()),
            Action::Increase => LineEdit::Cursor(self.right()),
            Action::Top => {
                let moved = self.left();
                while self.left() {}
                LineEdit::Cursor(moved)
            }
            Action::Bottom => {
                let moved = self.right();
                while self.right() {}
                LineEdit::Cursor(moved)
            }
            _ => return None,
        })
    }

    /// A field holding `text`, the cursor at its end (an annotation is usually continued).
    pub fn with_text(text: &str) -> TextInput {
        TextInput {
            text: text.to_owned(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    pub fn newline(&mut self) {
        self.insert('\n');
    }

    /// Deletes the char before the cursor; false when there is none.
    pub fn backspace(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        let at = self.byte_at(self.cursor);
        self.text.remove(at);
        true
    }

    pub fn left(&mut self) -> bool {
        let moved = self.cursor > 0;
        self.cursor = self.cursor.saturating_sub(1);
        moved
    }

    pub fn right(&mut self) -> bool {
        let moved = self.cursor < self.text.chars().count();
        if moved {
            self.cursor += 1;
        }
        moved
    }

    /// The text split in lines with `caret` inserted at the cursor, for drawing.
    pub fn lines_with_caret(&self, caret: char) -> Vec<String> {
        let mut shown = self.text.clone();
        shown.insert(self.byte_at(self.cursor), caret);
        shown.split('\n').map(str::to_owned).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_with_accents() {
        let mut input = TextInput::with_text("été");
        assert_eq!(input.cursor(), 3);
        input.left();
        input.insert('x');
        assert_eq!(input.text(), "étxé");
        assert!(input.backspace());
        input.newline();
        assert_eq!(input.text(), "ét\né");
        assert_eq!(input.lines_with_caret('|'), vec!["ét", "|é"]);
        assert!(input.right());
        assert!(!input.right());
        let mut empty = TextInput::default();
        assert!(!empty.backspace());
        assert!(!empty.left());
    }
}
