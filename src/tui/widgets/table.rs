//! A table that builds only the rows it shows (ratatui's `Table` would build them all), gives
//! its flexible columns the room the terminal has, drops its least important columns when the
//! terminal is narrow, and marks every cut text with an ellipsis. The sorted column carries an
//! arrow; when it was dropped, the title names the sort.

use crate::i18n::Lang;
use crate::tui::text::{self, Msg};
use crate::tui::ui_state::{RowsArea, visible_window};
use crate::tui::widgets::cut::{cut, cut_line};
use crate::tui::widgets::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table as RataTable, Wrap};

const MARKER: &str = "▸ ";
const NO_MARKER: &str = "  ";
const SPACING: u16 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    Fixed(u16),
    /// Takes a share (`weight`) of the room left, never less than `min`.
    Flex {
        min: u16,
        weight: u16,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    pub width: Width,
    /// Lower numbers are kept longer when space runs out; flexible columns are never dropped.
    pub priority: u8,
}

impl Column {
    pub fn fixed(title: impl Into<String>, width: u16, priority: u8) -> Column {
        Column {
            title: title.into(),
            width: Width::Fixed(width),
            priority,
        }
    }

    pub fn flex(title: impl Into<String>, min: u16, weight: u16) -> Column {
        Column {
            title: title.into(),
            width: Width::Flex { min, weight },
            priority: 0,
        }
    }

    fn min_width(&self) -> u16 {
        match self.width {
            Width::Fixed(w) => w,
            Width::Flex { min, .. } => min,
        }
    }
}

/// The sorted column and the direction the rows go in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortMark {
    pub column: usize,
    /// Largest (or last) first.
    pub descending: bool,
}

impl SortMark {
    pub fn arrow(self) -> &'static str {
        if self.descending { "▼" } else { "▲" }
    }
}

/// The columns kept in `available` cells and their widths, in display order.
pub fn layout(columns: &[Column], available: u16) -> Vec<(usize, u16)> {
    let mut kept: Vec<usize> = (0..columns.len()).collect();
    // Columns and the spacing between them (none after the last).
    let needed = |kept: &[usize]| -> u16 {
        kept.iter()
            .map(|&c| columns[c].min_width())
            .fold(0u16, |sum, w| sum.saturating_add(w).saturating_add(SPACING))
            .saturating_sub(SPACING)
    };
    while kept.len() > 1 && needed(&kept) > available {
        let Some(drop) = kept
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(columns[**c].width, Width::Fixed(_)))
            .max_by_key(|(i, c)| (columns[**c].priority, *i))
            .map(|(i, _)| i)
        else {
            break;
        };
        kept.remove(drop);
    }
    let spare = available.saturating_sub(needed(&kept));
    let weights: u32 = kept
        .iter()
        .map(|&c| match columns[c].width {
            Width::Flex { weight, .. } => u32::from(weight),
            Width::Fixed(_) => 0,
        })
        .sum();
    let mut given = 0u16;
    let last_flex = kept
        .iter()
        .rposition(|&c| matches!(columns[c].width, Width::Flex { .. }));
    kept.iter()
        .enumerate()
        .map(|(i, &c)| {
            let width = match columns[c].width {
                Width::Fixed(w) => w,
                Width::Flex { min, weight } if weights > 0 => {
                    // The last flexible column takes the rounding remainder.
                    let share = if Some(i) == last_flex {
                        spare - given
                    } else {
                        u16::try_from(u32::from(spare) * u32::from(weight) / weights).unwrap_or(0)
                    };
                    given += share;
                    min + share
                }
                Width::Flex { min, .. } => min,
            };
            (c, width)
        })
        .collect()
}

pub struct Table<'a> {
    pub block: Block<'a>,
    pub columns: &'a [Column],
    pub len: usize,
    pub cursor: usize,
    /// The list has the keys (its cursor row reversed, else underlined).
    pub focused: bool,
    pub sort: Option<SortMark>,
    pub lang: Lang,
}

impl Table<'_> {
    /// Draws the rows in sight (only those are built, through `cell(row, column)`), keeping the
    /// cursor in sight by moving `offset`. `row_style` dims or marks whole rows. Returns where
    /// the rows went (its height is the page size).
    pub fn render(
        self,
        frame: &mut Frame,
        area: Rect,
        offset: &mut usize,
        mut cell: impl FnMut(usize, usize) -> Line<'static>,
        row_style: impl Fn(usize) -> Style,
    ) -> RowsArea {
        let inner = self.block.inner(area);
        let kept = layout(self.columns, inner.width);
        let mut block = self.block;
        if let Some(sort) = self.sort
            && !kept.iter().any(|&(c, _)| c == sort.column)
            && let Some(column) = self.columns.get(sort.column)
        {
            // The sorted column did not fit: the order is still said.
            block = block.title(
                Line::from(format!(
                    " {} {} {} ",
                    self.lang.pick("tri\u{a0}:", "sort:"),
                    column.title.to_lowercase(),
                    sort.arrow()
                ))
                .right_aligned(),
            );
        }
        frame.render_widget(block, area);
        let height = usize::from(inner.height.saturating_sub(1));
        let window = visible_window(offset, self.cursor, self.len, height);
        let rows_area = RowsArea {
            x: inner.x,
            y: inner.y.saturating_add(1),
            width: inner.width,
            height: inner.height.saturating_sub(1),
            first: window.start,
            shown: window.len(),
        };
        let header = Row::new(kept.iter().enumerate().map(|(i, &(c, width))| {
            let column = &self.columns[c];
            let arrow = match self.sort {
                Some(sort) if sort.column == c => format!(" {}", sort.arrow()),
                _ => String::new(),
            };
            let marker = if i == 0 { NO_MARKER } else { "" };
            let room = usize::from(width).saturating_sub(marker.len() + arrow.chars().count());
            Cell::from(format!("{marker}{}{arrow}", cut(&column.title, room)))
        }))
        .style(style::header());
        let rows = window.map(|r| {
            let is_cursor = r == self.cursor;
            let cells = kept.iter().enumerate().map(|(i, &(c, width))| {
                let mut line = cell(r, c);
                if i == 0 {
                    line.spans
                        .insert(0, Span::raw(if is_cursor { MARKER } else { NO_MARKER }));
                }
                Cell::from(cut_line(line, usize::from(width)))
            });
            let row = Row::new(cells.collect::<Vec<_>>()).style(row_style(r));
            match (is_cursor, self.focused) {
                (true, true) => row.style(style::selected()),
                (true, false) => row.style(style::selected_unfocused()),
                _ => row,
            }
        });
        let widths = kept.iter().map(|&(_, w)| Constraint::Length(w));
        frame.render_widget(
            RataTable::new(rows, widths)
                .header(header)
                .column_spacing(SPACING),
            inner,
        );
        rows_area
    }
}

/// The search of a list, for its title: « Recherche : « usine▏ » » while typed, « filtre :
/// « usine » » once kept, and that the rows go by relevance.
pub fn search_spans(query: &str, searching: bool, lang: Lang) -> Vec<Span<'static>> {
    if !searching && query.is_empty() {
        return Vec::new();
    }
    let label = if searching {
        Msg::SearchPrompt
    } else {
        Msg::SearchKept
    }
    .get(lang);
    let caret = if searching { "▏" } else { "" };
    let quoted = match lang {
        Lang::Fr => format!("«\u{a0}{query}{caret}\u{a0}»"),
        Lang::En => format!("“{query}{caret}”"),
    };
    let mut spans = vec![Span::styled(
        format!("{}{quoted} ", text::label_colon(label, lang)),
        style::matched(),
    )];
    if !query.trim().is_empty() {
        spans.push(Span::styled(
            format!("{} ", Msg::ByRelevance.get(lang)),
            style::dim(),
        ));
    }
    spans
}

/// A dim sentence in place of the rows of an empty list.
pub fn empty_note(frame: &mut Frame, rows: RowsArea, text: &str) {
    let area = Rect::new(rows.x, rows.y, rows.width, rows.height);
    frame.render_widget(
        Paragraph::new(Line::styled(text.to_owned(), style::dim())).wrap(Wrap { trim: true }),
        area,
    );
}

/// `text` with the chars at `indices` in the match style (search highlight).
pub fn highlighted(text: &str, indices: &[usize]) -> Line<'static> {
    if indices.is_empty() {
        return Line::from(text.to_owned());
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in text.chars().enumerate() {
        let is_match = indices.binary_search(&i).is_ok();
        if is_match != run_matched && !run.is_empty() {
            let piece = std::mem::take(&mut run);
            spans.push(if run_matched {
                Span::styled(piece, style::matched())
            } else {
                Span::raw(piece)
            });
        }
        run_matched = is_match;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(if run_matched {
            Span::styled(run, style::matched())
        } else {
            Span::raw(run)
        });
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(columns: &[Column], available: u16) -> Vec<(usize, u16)> {
        layout(columns, available)
    }

    #[test]
    fn narrow_tables_drop_the_least_important_columns() {
        let columns = [
            Column::flex("", 24, 1),
            Column::fixed("", 10, 3),
            Column::fixed("", 10, 1),
            Column::fixed("", 10, 2),
        ];
        let kept = |a| -> Vec<usize> { widths(&columns, a).iter().map(|p| p.0).collect() };
        assert_eq!(kept(200), vec![0, 1, 2, 3]);
        assert_eq!(kept(57), vec![0, 1, 2, 3]);
        assert_eq!(kept(56), vec![0, 2, 3]);
        assert_eq!(kept(45), vec![0, 2]);
        assert_eq!(kept(1), vec![0]);
    }

    #[test]
    fn flexible_columns_share_the_room_by_weight() {
        let columns = [
            Column::flex("Structure", 20, 3),
            Column::flex("Lieu", 16, 2),
            Column::fixed("Score", 5, 1),
        ];
        // 20 + 16 + 5 and two spacings: 43; 57 more to share 3:2.
        let laid = widths(&columns, 100);
        assert_eq!(laid, vec![(0, 20 + 34), (1, 16 + 23), (2, 5)]);
        let total: u16 = laid.iter().map(|p| p.1 + SPACING).sum::<u16>() - SPACING;
        assert_eq!(total, 100);
    }

    #[test]
    fn highlight_splits_runs() {
        let line = highlighted("Économie", &[0, 1, 2, 3]);
        assert_eq!(line.spans.len(), 2);
        assert_eq!(line.spans[0].content, "Écon");
    }
}
