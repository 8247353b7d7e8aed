//! State that only the drawing needs (scroll offsets, how many rows fitted), kept apart from
//! `App`: `view` writes it at draw time, `update` reads the last viewport for PgUp/PgDn.

use std::ops::Range;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UiState {
    pub sites_offset: usize,
    pub structures_offset: usize,
    pub ranked_offset: usize,
    pub other_offset: usize,
    /// Rows the focused list showed at the last draw.
    pub page: usize,
    /// How far the open help or score card can scroll.
    pub scroll_max: usize,
}

/// What `update` needs to know of the last frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    pub page: usize,
    pub scroll_max: usize,
}

impl UiState {
    pub fn viewport(&self) -> Viewport {
        Viewport {
            page: self.page,
            scroll_max: self.scroll_max,
        }
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
