//! The layout of a table screen: the table, the selected item's detail, and the ranked list
//! beside it (wide terminals) or below it.

use crate::i18n::Lang;
use crate::tui::context::Context;
use crate::tui::pane::Focus;
use crate::tui::screens::table::TableScreen;
use crate::tui::screens::table::items::Items;
use crate::tui::shared::search::Search;
use crate::tui::text::Msg;
use crate::tui::ui_state::UiState;
use crate::tui::widgets::ranked::{self, RankedPane};
use crate::tui::widgets::safe;
use crate::tui::widgets::style;
use crate::tui::widgets::table::{self, Column, SortMark, Table, Width, search_spans};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Width from which the detail sits beside the table rather than below it.
pub const WIDE: u16 = 110;

/// Title of a table block: name, shown/total counts, and the search as typed.
fn title(
    name: &str,
    shown: usize,
    total: usize,
    query: &str,
    searching: bool,
    lang: Lang,
) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!(" {name} ({shown}/{total}) "),
        style::bold(),
    )];
    spans.extend(search_spans(query, searching, lang));
    Line::from(spans)
}

/// « ⚠ 1 indisponible (P) »: records of this tab left out because their file has a problem.
fn unavailable(ctx: &Context, tab: crate::tui::tab::Tab) -> Option<Span<'static>> {
    use crate::store::kind::DocumentKind;
    let kind = match tab {
        crate::tui::tab::Tab::Sites => DocumentKind::Site,
        crate::tui::tab::Tab::Structures => DocumentKind::Structure,
        _ => return None,
    };
    let n = ctx.health.unavailable(kind);
    let key = ctx.key_of(crate::tui::action::Action::OpenProblems);
    let text = match (n, ctx.lang) {
        (0, _) => return None,
        (1, Lang::Fr) => format!("⚠ 1 indisponible ({key}) "),
        (n, Lang::Fr) => format!("⚠ {n} indisponibles ({key}) "),
        (n, Lang::En) => format!("⚠ {n} unavailable ({key}) "),
    };
    Some(Span::styled(text, style::error()))
}

pub fn render<K: Items>(
    screen: &TableScreen<K>,
    ctx: &Context,
    frame: &mut Frame,
    area: Rect,
    ui: &mut UiState,
) -> Rect {
    let lang = ctx.lang;
    let wide = area.width >= WIDE;
    let [list_area, side] = if wide {
        Layout::horizontal([Constraint::Percentage(62), Constraint::Fill(1)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(area)
    };
    let listing = &screen.listing;
    let focused = screen.focus == Focus::List;
    let items = &screen.items;
    let columns: Vec<Column> = items
        .columns()
        .iter()
        .map(|&c| {
            let (width, priority) = items.width(c);
            Column {
                title: items.title(c, lang).to_owned(),
                width,
                priority,
            }
        })
        .collect();
    debug_assert!(matches!(columns[0].width, Width::Flex { .. }));
    let sort = SortMark {
        column: listing.sort.column % columns.len(),
        descending: items.descending(screen.column()) != listing.sort.reverse,
    };
    let mut heading = title(
        K::TAB.title(lang),
        listing.rows.len(),
        items.count(ctx),
        &listing.query,
        screen.searching,
        lang,
    );
    heading.spans.extend(unavailable(ctx, K::TAB));
    let block = Block::bordered().title(heading).border_style(if focused {
        style::bold()
    } else {
        style::dim()
    });
    let search = Search::new(&listing.query);
    let offsets = *ui.offsets(K::TAB);
    let mut table_offset = offsets.table;
    let rows = Table {
        block,
        columns: &columns,
        len: listing.rows.len(),
        cursor: listing.cursor,
        focused,
        sort: Some(sort),
        lang,
    }
    .render(
        frame,
        list_area,
        &mut table_offset,
        |r, c| items.cell(ctx, &search, listing.rows[r], items.columns()[c]),
        |_| Style::default(),
    );
    if focused {
        ui.page = usize::from(rows.height);
    }
    ui.hits.list = Some(rows);
    if listing.rows.is_empty() {
        table::empty_note(frame, rows, Msg::NoMatch.get(lang));
    }
    let detail = listing
        .selected()
        .map(|i| items.detail(ctx, i))
        .unwrap_or_default();
    let mut ranked_offset = offsets.ranked;
    let pane = |header| RankedPane {
        pairs: &screen.ranked,
        cursor: screen.ranked_cursor,
        focused: screen.focus == Focus::Ranked,
        rows_are_sites: K::TAB == crate::tui::tab::Tab::Structures,
        ineligible_hidden: screen.filter.eligible_only,
        marks: items.marks(),
        total: screen.ranked_total,
        header,
    };
    let drawn = if wide {
        let [detail_area, ranked_area] = Layout::vertical([
            Constraint::Percentage(items.detail_percent()),
            Constraint::Fill(1),
        ])
        .areas(side);
        frame.render_widget(
            Paragraph::new(safe::lines(detail))
                .wrap(Wrap { trim: false })
                .block(Block::bordered().border_style(style::dim())),
            detail_area,
        );
        ranked::render(
            ctx,
            pane(Vec::new()),
            &mut ranked_offset,
            frame,
            ranked_area,
        )
    } else {
        let header = detail.into_iter().take(2).collect();
        ranked::render(ctx, pane(header), &mut ranked_offset, frame, side)
    };
    if screen.focus == Focus::Ranked
        && let Some(drawn) = drawn
    {
        ui.page = usize::from(drawn.height);
    }
    ui.hits.ranked = drawn;
    let offsets = ui.offsets(K::TAB);
    offsets.table = table_offset;
    offsets.ranked = ranked_offset;
    list_area
}
