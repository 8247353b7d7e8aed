//! The Appel tab drawn: the call and its counts above, the applications, and the detail of the
//! one under the cursor (beside the list on wide screens, below it otherwise). Statuses carry
//! a symbol as well as their name, ineligible rows a ✗ and dim, warned rows a ⚠ (NO_COLOR).
//! The rank on the site says a tie as a tie (« 1 ex æquo »); where there is room, the
//! robustness of the place (« 96 % stable ») and the lot held.

use crate::i18n;
use crate::review::{ReviewState, Status};
use crate::tui::context::Context;
use crate::tui::screens::appel::{Appel, detail, unavailable};
use crate::tui::shared::call_filter::CallFilterField;
use crate::tui::shared::held::held_label;
use crate::tui::shared::search::Search;
use crate::tui::tab::Tab;
use crate::tui::text::{self, Msg};
use crate::tui::ui_state::UiState;
use crate::tui::widgets::review_text::status_text;
use crate::tui::widgets::safe;
use crate::tui::widgets::style;
use crate::tui::widgets::table::{self, Column, Table, highlighted, search_spans};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Wide screens put the detail beside the list, others below it.
const SIDE_BY_SIDE_WIDTH: u16 = 150;
/// From this width the list has a column for the lot held.
const LOT_COLUMN_WIDTH: u16 = 132;
/// Warnings shown above the list; `!` lists them all.
const MAX_WARNING_LINES: usize = 3;

const SELECTED: &str = "● ";
const UNSELECTED: &str = "  ";

/// The filter in force, in words (for the header and the status line).
pub fn filter_words(screen: &Appel, ctx: &Context) -> Option<String> {
    let lang = ctx.lang;
    let mut parts = Vec::new();
    if let Some(site) = &screen.filter.site {
        let name = ctx
            .workspace
            .site(site)
            .map_or(site.as_str(), |s| s.name.as_str());
        parts.push(format!(
            "{} = {name}",
            CallFilterField::Site.label(lang).to_lowercase()
        ));
    }
    if let Some(status) = screen.filter.status {
        parts.push(format!(
            "{} = {}",
            CallFilterField::Status.label(lang).to_lowercase(),
            status.label(lang)
        ));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn header_lines(screen: &Appel, ctx: &Context) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let Some(call) = ctx.call() else {
        let mut lines = vec![Line::from(Msg::NoCall.get(lang))];
        lines.extend(unavailable::calls_line(ctx));
        return lines;
    };
    let mut title = vec![
        Span::styled(call.title.clone(), style::bold()),
        Span::raw(format!(
            " — {}{} — {}",
            text::label_colon(Msg::Deadline.get(lang), lang),
            i18n::date(call.deadline, lang),
            text::count(
                call.application_pairs().count(),
                Msg::ApplicationOne,
                Msg::Applications,
                lang
            ),
        )),
    ];
    if let Some(words) = filter_words(screen, ctx) {
        title.push(Span::styled(
            format!(
                " — {}{words}",
                text::label_colon(Msg::FilterTitle.get(lang), lang)
            ),
            style::bold(),
        ));
    }
    if !screen.selection.is_empty() {
        title.push(Span::styled(
            format!(
                " — {} {}",
                SELECTED.trim_end(),
                text::count(
                    screen.selection.len(),
                    Msg::SelectedOne,
                    Msg::SelectedMany,
                    lang
                )
            ),
            style::bold(),
        ));
    }
    let mut lines = vec![Line::from(title)];
    lines.extend(unavailable::calls_line(ctx));
    lines.extend(unavailable::line(ctx, &screen.unavailable));
    match ctx.review() {
        Some(state) => {
            let counts: Vec<String> = Status::ALL
                .iter()
                .filter_map(|&status| {
                    // Applications the call no longer lists (an import undone) keep their
                    // record, but are not the call's any more.
                    let n = state
                        .with_status(status)
                        .filter(|(key, _)| ReviewState::is_listed(call, key))
                        .count();
                    (n > 0).then(|| {
                        format!("{}{n}", text::label_colon(&status_text(status, lang), lang))
                    })
                })
                .collect();
            lines.push(Line::styled(counts.join(" · "), style::dim()));
        }
        None => lines.push(Line::styled(
            format!(
                "⚠ {}",
                ctx.session_problem.clone().unwrap_or_else(|| {
                    lang.pick("revue non ouverte", "review not open").to_owned()
                })
            ),
            style::error(),
        )),
    }
    let warnings = &ctx.warnings;
    for warning in warnings.iter().take(MAX_WARNING_LINES) {
        lines.push(Line::styled(
            format!("⚠ {}", warning.message(lang)),
            style::bold(),
        ));
    }
    if warnings.len() > MAX_WARNING_LINES {
        lines.push(Line::styled(
            format!(
                "⚠ … {} {}",
                warnings.len() - MAX_WARNING_LINES,
                lang.pick(
                    "autres alertes (! pour toutes les lire)",
                    "more alerts (! to read them all)"
                )
            ),
            style::bold(),
        ));
    }
    lines
}

use crate::tui::widgets::text_block::wrapped_height;

pub fn render(
    screen: &Appel,
    ctx: &Context,
    frame: &mut Frame,
    area: Rect,
    ui: &mut UiState,
) -> Rect {
    let lang = ctx.lang;
    let header = header_lines(screen, ctx);
    let height = wrapped_height(&header, area.width);
    let [top, rest] = Layout::vertical([
        Constraint::Length(u16::try_from(height).unwrap_or(1)),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(safe::lines(header)).wrap(Wrap { trim: false }),
        top,
    );

    let rows = &screen.rows;
    let (list_area, detail_area) = if area.width >= SIDE_BY_SIDE_WIDTH {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(rest);
        (list, detail)
    } else {
        // The list as tall as its rows, up to about half the room; the detail takes the rest.
        let wanted = u16::try_from(rows.len() + 3).unwrap_or(u16::MAX);
        let height = wanted.clamp(5, (rest.height / 2).max(5));
        let [list, detail] =
            Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(rest);
        (list, detail)
    };

    let columns = [
        Column::flex(Msg::ColStructure.get(lang), 22, 3),
        Column::flex(Msg::ColSite.get(lang), 14, 2),
        Column::fixed("", 1, 0),
        Column::fixed(Msg::ColScore.get(lang), 5, 1),
        Column::fixed(lang.pick("Rang", "Rank"), 9, 1),
        Column::fixed(lang.pick("Grille", "Grid"), 6, 3),
        Column::fixed(lang.pick("Robustesse", "Robustness"), 12, 4),
        Column::fixed(Msg::ColStatus.get(lang), 21, 0),
        Column::fixed(lang.pick("Lot tenu", "Lot held"), 18, 5),
    ];
    // The lot held only where the names keep their room (the detail always says it).
    let columns = if list_area.width >= LOT_COLUMN_WIDTH {
        &columns[..]
    } else {
        &columns[..columns.len() - 1]
    };
    let total = ctx.call().map_or(0, |c| c.application_pairs().count());
    let mut title = vec![Span::styled(
        format!(
            " {} ({}/{total}) — {} {} ",
            lang.pick("Candidatures", "Applications"),
            rows.len(),
            lang.pick("regroupées", "grouped"),
            screen.filter.grouping.label(lang),
        ),
        style::bold(),
    )];
    title.extend(search_spans(&screen.query, screen.searching, lang));
    let search = Search::new(&screen.query);
    let mut offset = ui.offsets(Tab::Call).table;
    let drawn = Table {
        block: Block::bordered().title(Line::from(title)),
        columns,
        len: rows.len(),
        cursor: screen.cursor,
        focused: true,
        sort: None,
        lang,
    }
    .render(
        frame,
        list_area,
        &mut offset,
        |r, c| {
            let row = &rows[r];
            match c {
                0 => {
                    // The mark column only while something is selected: names keep the room.
                    let mark = if screen.selection.contains(&row.key) {
                        SELECTED
                    } else if screen.selection.is_empty() {
                        ""
                    } else {
                        UNSELECTED
                    };
                    let name = &ctx.workspace.structures[row.structure].name;
                    let mut line = highlighted(name, &search.indices(name));
                    line.spans.insert(0, Span::raw(mark));
                    line
                }
                1 => {
                    let name = &ctx.workspace.sites[row.site].name;
                    highlighted(name, &search.indices(name))
                }
                2 => Line::from(if row.eligible { "✓" } else { "✗" }),
                3 => Line::from(
                    row.score
                        .map_or("—".to_owned(), |s| i18n::fixed(s, 1, lang)),
                )
                .right_aligned(),
                4 => Line::from(
                    screen
                        .standings
                        .standing(row.structure, &row.key.site)
                        .map_or("—".to_owned(), |s| s.rank_text(lang)),
                ),
                5 => Line::from(
                    ctx.review()
                        .and_then(|s| s.grid_result(&row.key))
                        .and_then(|g| g.total)
                        .map_or("—".to_owned(), |t| i18n::fixed(t, 1, lang)),
                )
                .right_aligned(),
                6 => Line::from(
                    screen
                        .standings
                        .robustness_text(row.structure, &row.key.site, lang)
                        .unwrap_or_else(|| "—".to_owned()),
                ),
                8 => Line::from(
                    screen
                        .holdings
                        .get(&row.key)
                        .map_or("", |h| held_label(&ctx.workspace, h))
                        .to_owned(),
                ),
                _ => {
                    let warned = ctx.warnings.iter().any(|w| w.concerns(&row.key));
                    let status = ctx
                        .status(&row.key)
                        .map_or("—".to_owned(), |s| status_text(s, lang));
                    Line::from(if warned {
                        format!("{status} ⚠")
                    } else {
                        status
                    })
                }
            }
        },
        |r| {
            if rows[r].eligible {
                Style::default()
            } else {
                style::dim()
            }
        },
    );
    ui.offsets(Tab::Call).table = offset;
    ui.page = usize::from(drawn.height);
    ui.hits.list = Some(drawn);
    if rows.is_empty() && !screen.query.is_empty() {
        table::empty_note(frame, drawn, Msg::NoMatch.get(lang));
    }
    render_detail(screen, ctx, frame, detail_area, ui);
    list_area
}

fn render_detail(screen: &Appel, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) {
    let lang = ctx.lang;
    let block = Block::bordered().title(Span::styled(
        format!(
            " {} ",
            lang.pick("Détail (J/K défiler)", "Detail (J/K scroll)")
        ),
        style::bold(),
    ));
    let Some(row) = screen.row() else {
        frame.render_widget(
            Paragraph::new(Line::styled(
                lang.pick("Aucune candidature à afficher.", "No application to show."),
                style::dim(),
            ))
            .block(block),
            area,
        );
        ui.scroll_max = 0;
        return;
    };
    let inner = block.inner(area);
    let lines = detail::lines(ctx, screen, row);
    ui.scroll_max = wrapped_height(&lines, inner.width).saturating_sub(usize::from(inner.height));
    let (owner, scroll) = &screen.detail_scroll;
    let scroll = if owner.as_ref() == Some(&row.key) {
        (*scroll).min(ui.scroll_max)
    } else {
        0
    };
    frame.render_widget(
        Paragraph::new(safe::lines(lines))
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
}
