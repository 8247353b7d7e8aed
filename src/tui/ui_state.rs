//! State that only the drawing needs (scroll offsets, how many rows fitted), kept apart from
//! the screens' state: the views write it at draw time, `update` reads the last viewport for
//! PgUp/PgDn, the mouse reads where rows were drawn.

use crate::tui::action::Action;
use crate::tui::pane::Focus;
use crate::tui::tab::Tab;
use std::ops::Range;

/// Where a list's rows were drawn, so a click can be turned into a row index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowsArea {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
    /// Index (in the list) of the row drawn on line `y`.
    pub first: usize,
    /// Rows drawn.
    pub shown: usize,
}

impl RowsArea {
    /// The list index under (`column`, `row`), if a row is drawn there.
    pub fn row_at(&self, column: u16, row: u16) -> Option<usize> {
        let inside = column >= self.x
            && column < self.x.saturating_add(self.width)
            && row >= self.y
            && row < self.y.saturating_add(self.height);
        let line = usize::from(row.checked_sub(self.y)?);
        (inside && line < self.shown).then_some(self.first + line)
    }
}

/// What the last frame put where, for the mouse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits {
    /// Line of the tab bar and the column span of each tab.
    pub tab_row: u16,
    pub tabs: Vec<(u16, u16, Tab)>,
    pub list: Option<RowsArea>,
    pub ranked: Option<RowsArea>,
    /// A popup covers the screen: clicks do not reach the lists beneath.
    pub popup: bool,
}

/// Scroll offsets of a screen's lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Offsets {
    pub table: usize,
    pub ranked: usize,
    /// Lines of the detail pane drawn at the last frame (the Appel detail's scroll stops at
    /// its end).
    pub detail_lines: usize,
    pub detail_height: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UiState {
    /// Each tab's offsets, so a tab is found again as it was left.
    pub offsets: [Offsets; 5],
    /// Rows the focused list showed at the last draw.
    pub page: usize,
    /// How far the open help, score card or alert list can scroll.
    pub scroll_max: usize,
    pub hits: Hits,
}

/// What `update` needs to know of the last frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    pub page: usize,
    pub scroll_max: usize,
}

impl UiState {
    pub fn offsets(&mut self, tab: Tab) -> &mut Offsets {
        &mut self.offsets[tab.index()]
    }

    pub fn viewport(&self) -> Viewport {
        Viewport {
            page: self.page,
            scroll_max: self.scroll_max,
        }
    }

    /// The action a left click at (`column`, `row`) stands for, from what was drawn there.
    pub fn click(&self, column: u16, row: u16) -> Option<Action> {
        let hits = &self.hits;
        if row == hits.tab_row
            && let Some(&(_, _, tab)) = hits
                .tabs
                .iter()
                .find(|(start, end, _)| (*start..*end).contains(&column))
        {
            return Some(Action::GoTo(tab));
        }
        if hits.popup {
            return None;
        }
        if let Some(index) = hits.list.and_then(|l| l.row_at(column, row)) {
            return Some(Action::Select(Focus::List, index));
        }
        hits.ranked
            .and_then(|l| l.row_at(column, row))
            .map(|index| Action::Select(Focus::Ranked, index))
    }
}

/// The rows to draw: moves `offset` just enough to keep `cursor` visible in `height` rows.
pub fn visible_window(
    offset: &mut usize,
    cursor: usize,
    len: usize,
    height: usize,
) -> Range<usize> {
    if height == 0 || len == 0 {
        *offset = 0;
        return 0..0;
    }
    if cursor < *offset {
        *offset = cursor;
    } else if cursor >= *offset + height {
        *offset = cursor + 1 - height;
    }
    *offset = (*offset).min(len.saturating_sub(height));
    *offset..(*offset + height).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicks_map_to_drawn_rows_only() {
        let area = RowsArea {
            x: 2,
            y: 5,
            width: 10,
            height: 4,
            first: 20,
            shown: 3,
        };
        assert_eq!(area.row_at(2, 5), Some(20));
        assert_eq!(area.row_at(11, 7), Some(22));
        assert_eq!(area.row_at(11, 8), None, "no row drawn on the last line");
        assert_eq!(area.row_at(12, 5), None);
        assert_eq!(area.row_at(2, 4), None);
    }

    #[test]
    fn window_follows_the_cursor() {
        let mut offset = 0;
        assert_eq!(visible_window(&mut offset, 0, 100, 10), 0..10);
        assert_eq!(visible_window(&mut offset, 15, 100, 10), 6..16);
        assert_eq!(visible_window(&mut offset, 7, 100, 10), 6..16);
        assert_eq!(visible_window(&mut offset, 2, 100, 10), 2..12);
        assert_eq!(visible_window(&mut offset, 2, 5, 10), 0..5);
        assert_eq!(visible_window(&mut offset, 0, 0, 10), 0..0);
    }
}
