//! The layout the Lieux and Structures screens share: the searchable table, the selected
//! item's detail, and the ranked list beside it (wide terminals) or below it.

use crate::tui::app::{App, Focus, Listing};
use crate::tui::text::Msg;
use crate::tui::ui_state::UiState;
use crate::tui::view::table::Column;
use crate::tui::view::{ranked, style, table};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Width from which the detail sits beside the table rather than below it.
pub const WIDE: u16 = 110;

/// What differs between the two screens.
pub struct ListScreen<'a> {
    /// Name in the table's title (« Lieux », « Structures »).
    pub name: &'a str,
    pub listing: &'a Listing,
    /// Items in the workspace, for the « shown/total » count.
    pub total: usize,
    pub columns: Vec<Column>,
    /// The table's scroll offset in the UI state.
    pub offset: fn(&mut UiState) -> &mut usize,
    /// Share of the side pane, in percent, given to the detail above the ranked list.
    pub detail_percent: u16,
}

/// Draws the screen; returns the table's area (where the weights popup goes).
pub fn render(
    app: &App,
    ui: &mut UiState,
    frame: &mut Frame,
    area: Rect,
    screen: ListScreen<'_>,
    cell: impl FnMut(usize, usize) -> Line<'static>,
    detail: impl FnOnce(usize) -> Vec<Line<'static>>,
) -> Rect {
    let wide = area.width >= WIDE;
    let [list_area, side] = if wide {
        Layout::horizontal([Constraint::Percentage(62), Constraint::Fill(1)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(area)
    };
    let lang = app.lang;
    let listing = screen.listing;
    let focused = app.focus == Focus::List;
    let block = Block::bordered()
        .title(table::list_title(
            app,
            screen.name,
            listing.rows.len(),
            screen.total,
            &listing.query,
        ))
        .border_style(if focused { style::bold() } else { style::dim() });
    let page = table::render(
        frame,
        list_area,
        block,
        &screen.columns,
        listing.rows.len(),
        listing.cursor,
        focused,
        (screen.offset)(ui),
        cell,
    );
    if focused {
        ui.page = usize::from(page.height);
    }
    ui.hits.list = Some(page);
    if listing.rows.is_empty() {
        table::empty_note(frame, page, Msg::NoMatch.get(lang));
    }
    let detail = listing.selected().map(detail).unwrap_or_default();
    if wide {
        let [detail_area, ranked_area] = Layout::vertical([
            Constraint::Percentage(screen.detail_percent),
            Constraint::Fill(1),
        ])
        .areas(side);
        frame.render_widget(
            Paragraph::new(detail)
                .wrap(Wrap { trim: false })
                .block(Block::bordered().border_style(style::dim())),
            detail_area,
        );
        ranked::render(app, ui, frame, ranked_area, Vec::new());
    } else {
        let header = detail.into_iter().take(2).collect();
        ranked::render(app, ui, frame, side, header);
    }
    list_area
}
