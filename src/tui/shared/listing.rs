//! A searchable, sortable table's rows (workspace indices in display order), its cursor, its
//! query and its sort; and how a cursor moves.

use crate::tui::action::Action;
use crate::tui::pane::Focus;

/// Which column a table is sorted by (an index into its column list) and in which direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SortState {
    pub column: usize,
    pub reverse: bool,
}

impl SortState {
    pub fn next_column(&mut self, columns: usize) {
        self.column = (self.column + 1) % columns.max(1);
        self.reverse = false;
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    pub rows: Vec<usize>,
    pub cursor: usize,
    pub query: String,
    pub sort: SortState,
}

impl Listing {
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor).copied()
    }

    /// New rows; the cursor follows the selected item, or stays in range.
    pub fn replace_rows(&mut self, rows: Vec<usize>) {
        let selected = self.selected();
        self.rows = rows;
        self.cursor = selected
            .and_then(|s| self.rows.iter().position(|&r| r == s))
            .unwrap_or_else(|| self.cursor.min(self.rows.len().saturating_sub(1)));
    }
}

/// A cursor moved by `action` within `len` rows; none when the action is not a move.
pub fn moved(cursor: usize, len: usize, action: Action, page: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let next = match action {
        Action::Down => cursor.saturating_add(1).min(last),
        Action::Up => cursor.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageDown => cursor.saturating_add(page).min(last),
        Action::PageUp => cursor.saturating_sub(page),
        _ => return None,
    };
    Some(next)
}

/// A list's cursor moved by a key, or put on a row by a click; none when the action is
/// neither. True when the cursor changed.
pub fn move_or_select(cursor: &mut usize, len: usize, action: Action, page: usize) -> Option<bool> {
    let next = match action {
        Action::Select(Focus::List, index) if index < len => index,
        Action::Select(..) => return Some(false),
        _ => moved(*cursor, len, action, page)?,
    };
    let changed = next != *cursor;
    *cursor = next;
    Some(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_moves_stay_in_range() {
        assert_eq!(moved(0, 0, Action::Down, 10), Some(0));
        assert_eq!(moved(0, 5, Action::Bottom, 10), Some(4));
        assert_eq!(moved(3, 5, Action::PageDown, 10), Some(4));
        assert_eq!(moved(3, 5, Action::PageUp, 2), Some(1));
        assert_eq!(moved(3, 5, Action::Open, 2), None);
    }

    #[test]
    fn keys_and_clicks_move_a_cursor() {
        let mut cursor = 0;
        assert_eq!(move_or_select(&mut cursor, 5, Action::Down, 10), Some(true));
        assert_eq!(
            move_or_select(&mut cursor, 5, Action::Select(Focus::List, 4), 10),
            Some(true)
        );
        assert_eq!(cursor, 4);
        assert_eq!(
            move_or_select(&mut cursor, 5, Action::Select(Focus::List, 9), 10),
            Some(false)
        );
        assert_eq!(move_or_select(&mut cursor, 5, Action::Open, 10), None);
    }

    #[test]
    fn the_cursor_follows_its_item() {
        let mut listing = Listing {
            rows: vec![4, 7, 9],
            cursor: 1,
            ..Listing::default()
        };
        listing.replace_rows(vec![9, 7]);
        assert_eq!(listing.selected(), Some(7));
        listing.replace_rows(vec![1]);
        assert_eq!(listing.cursor, 0);
    }
}
