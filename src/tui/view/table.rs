//! A table that builds only the rows it shows (ratatui's `Table` would build them all) and
//! drops its least important columns when the terminal is narrow.

use crate::i18n::Lang;
use crate::tui::app::App;
use crate::tui::mode::Mode;
use crate::tui::sort::SortState;
use crate::tui::text::{self, Msg};
use crate::tui::ui_state::{RowsArea, visible_window};
use crate::tui::view::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

/// Width given to the flexible first column before any other column is dropped.
const FLEX_MIN: u16 = 24;
const MARKER: &str = "▸ ";
const NO_MARKER: &str = "  ";

pub struct Column {
    pub title: String,
    /// Fixed width; 0 for the flexible (first) column.
    pub width: u16,
    /// Lower numbers are kept longer when space runs out.
    pub priority: u8,
}

/// The columns (indices) that fit in `available` cells, in their display order.
pub fn fit(columns: &[Column], available: u16) -> Vec<usize> {
    let mut kept: Vec<usize> = (0..columns.len()).collect();
    let needed = |kept: &[usize]| -> u16 {
        kept.iter()
            .map(|&c| {
                if columns[c].width == 0 {
                    FLEX_MIN
                } else {
                    columns[c].width
                }
            })
            .fold(0u16, |sum, w| sum.saturating_add(w).saturating_add(1))
    };
    while kept.len() > 1 && needed(&kept) > available {
        let Some(drop) = kept
            .iter()
            .enumerate()
            .filter(|(_, c)| columns[**c].width != 0)
            .max_by_key(|(i, c)| (columns[**c].priority, *i))
            .map(|(i, _)| i)
        else {
            break;
        };
        kept.remove(drop);
    }
    kept
}

/// Draws `len` rows (only the visible ones are built, through `cell(row, column)`), keeping
/// `cursor` in sight by moving `offset`. Returns where the rows went (its height is the page
/// size).
#[allow(clippy::too_many_arguments)]
pub fn render<F>(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    columns: &[Column],
    len: usize,
    cursor: usize,
    focused: bool,
    offset: &mut usize,
    mut cell: F,
) -> RowsArea
where
    F: FnMut(usize, usize) -> Line<'static>,
{
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let kept = fit(columns, inner.width.saturating_sub(2));
    let height = usize::from(inner.height.saturating_sub(1));
    let window = visible_window(offset, cursor, len, height);
    let rows_area = RowsArea {
        x: inner.x,
        y: inner.y.saturating_add(1),
        width: inner.width,
        height: inner.height.saturating_sub(1),
        first: window.start,
        shown: window.len(),
    };
    let header = Row::new(kept.iter().enumerate().map(|(i, &c)| {
        let title = if i == 0 {
            format!("{NO_MARKER}{}", columns[c].title)
        } else {
            columns[c].title.clone()
        };
        Cell::from(title)
    }))
    .style(style::header());
    let rows = window.map(|r| {
        let is_cursor = r == cursor;
        let cells = kept.iter().enumerate().map(|(i, &c)| {
            let mut line = cell(r, c);
            if i == 0 {
                line.spans
                    .insert(0, Span::raw(if is_cursor { MARKER } else { NO_MARKER }));
            }
            Cell::from(line)
        });
        let row = Row::new(cells.collect::<Vec<_>>());
        match (is_cursor, focused) {
            (true, true) => row.style(style::selected()),
            (true, false) => row.style(style::selected_unfocused()),
            _ => row,
        }
    });
    let widths = kept.iter().map(|&c| match columns[c].width {
        0 => Constraint::Min(FLEX_MIN),
        w => Constraint::Length(w),
    });
    frame.render_widget(
        Table::new(rows, widths).header(header).column_spacing(1),
        inner,
    );
    rows_area
}

/// A dim sentence in place of the rows of an empty list.
pub fn empty_note(frame: &mut Frame, rows: RowsArea, text: &str) {
    let area = Rect::new(rows.x, rows.y, rows.width, rows.height);
    frame.render_widget(
        Paragraph::new(Line::styled(text.to_owned(), style::dim())).wrap(Wrap { trim: true }),
        area,
    );
}

/// Column titles with the sort arrow on the sorted one.
/// `sort` is none while a search orders the rows by match (the arrow would mislead).
pub fn sorted_columns<C: Copy + PartialEq>(
    all: &[C],
    sort: Option<SortState>,
    title: impl Fn(C) -> &'static str,
    spec: impl Fn(C) -> (u16, u8),
) -> Vec<Column> {
    all.iter()
        .enumerate()
        .map(|(i, &c)| {
            let (width, priority) = spec(c);
            let arrow = match sort {
                Some(s) if s.column == i && !s.reverse => " ▲",
                Some(s) if s.column == i => " ▼",
                _ => "",
            };
            Column {
                title: format!("{}{arrow}", title(c)),
                width,
                priority,
            }
        })
        .collect()
}

/// Title of a table block: name, shown/total counts, and the search as typed.
pub fn list_title(app: &App, name: &str, shown: usize, total: usize, query: &str) -> Line<'static> {
    let lang = app.lang;
    let mut spans = vec![Span::styled(
        format!(" {name} ({shown}/{total}) "),
        style::bold(),
    )];
    let searching = app.mode() == Mode::Search;
    if searching || !query.is_empty() {
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
        spans.push(Span::styled(
            format!("{}{quoted} ", text::label_colon(label, lang)),
            style::matched(),
        ));
    }
    Line::from(spans)
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

    fn col(width: u16, priority: u8) -> Column {
        Column {
            title: String::new(),
            width,
            priority,
        }
    }

    #[test]
    fn narrow_tables_drop_the_least_important_columns() {
        let columns = [col(0, 0), col(10, 3), col(10, 1), col(10, 2)];
        assert_eq!(fit(&columns, 200), vec![0, 1, 2, 3]);
        assert_eq!(fit(&columns, 48), vec![0, 2, 3]);
        assert_eq!(fit(&columns, 38), vec![0, 2]);
        assert_eq!(fit(&columns, 1), vec![0]);
    }

    #[test]
    fn highlight_splits_runs() {
        let line = highlighted("Économie", &[0, 1, 2, 3]);
        assert_eq!(line.spans.len(), 2);
        assert_eq!(line.spans[0].content, "Écon");
    }
}
