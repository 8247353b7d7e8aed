//! The ranked partners beside a table: structures for a site (Lieux) or sites for a structure
//! (Structures). Each with its total and a compact per-criterion bar; ineligible pairs dimmed
//! and marked `✗` with their first reason.

use crate::i18n;
use crate::tui::app::{App, Focus};
use crate::tui::ranking::Criterion;
use crate::tui::tab::Tab;
use crate::tui::text::Msg;
use crate::tui::ui_state::{RowsArea, UiState, visible_window};
use crate::tui::view::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

const LEVELS: [char; 9] = ['·', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One glyph per criterion, its height the criterion's value (0..=1).
pub fn criteria_bar(values: &[f64; 5]) -> String {
    values
        .iter()
        .map(|v| {
            let level = (v.clamp(0.0, 1.0) * 8.0).round() as usize;
            LEVELS[level.min(8)]
        })
        .collect()
}

/// `header` lines go above the list (the selected item's summary on narrow screens).
pub fn render(
    app: &App,
    ui: &mut UiState,
    frame: &mut Frame,
    area: Rect,
    header: Vec<Line<'static>>,
) {
    let lang = app.lang;
    let focused = app.focus == Focus::Ranked;
    let title = match app.tab {
        Tab::Structures => Msg::RankedSites,
        _ => Msg::RankedStructures,
    }
    .get(lang);
    let visible = app.visible_ranked().count();
    let hidden = if app.filter.eligible_only {
        format!(" · {}", Msg::IneligibleHidden.get(lang))
    } else {
        String::new()
    };
    let legend: Vec<&str> = Criterion::ALL.iter().map(|c| c.short(lang)).collect();
    let block = Block::bordered()
        .title(Line::from(format!(" {title} ({visible}){hidden} ")))
        .title_bottom(Line::from(format!(" {} ", legend.join(" "))).right_aligned())
        .border_style(if focused { style::bold() } else { style::dim() });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let header_height = (header.len() as u16).min(inner.height);
    let list = Rect {
        y: inner.y + header_height,
        height: inner.height - header_height,
        ..inner
    };
    frame.render_widget(
        Paragraph::new(header),
        Rect {
            height: header_height,
            ..inner
        },
    );
    if !app.ranking.available() || visible == 0 {
        let message = if app.ranking.available() {
            Msg::NoCandidates
        } else {
            Msg::ScoringUnavailable
        };
        frame.render_widget(
            Paragraph::new(Line::styled(message.get(lang), style::dim())).wrap(Wrap { trim: true }),
            list,
        );
        return;
    }
    let height = usize::from(list.height);
    if focused {
        ui.page = height;
    }
    let window = visible_window(&mut ui.ranked_offset, app.ranked_cursor, visible, height);
    ui.hits.ranked = Some(RowsArea {
        x: list.x,
        y: list.y,
        width: list.width,
        height: list.height,
        first: window.start,
        shown: window.len(),
    });
    let rows: Vec<Row> = app
        .visible_ranked()
        .enumerate()
        .skip(window.start)
        .take(window.len())
        .map(|(rank, pair)| {
            let is_cursor = rank == app.ranked_cursor;
            let name = match app.tab {
                Tab::Structures => app.workspace.sites[pair.site].name.as_str(),
                _ => app.workspace.structures[pair.structure].name.as_str(),
            };
            let marked = app.tab == Tab::Sites && app.compare_marks.contains(&pair.structure);
            let mut name_spans = vec![Span::raw(format!(
                "{}{}",
                if is_cursor { "▸ " } else { "  " },
                if marked { "◆ " } else { "" }
            ))];
            name_spans.push(Span::raw(name.to_owned()));
            if !pair.eligible {
                let reason = app
                    .ranking
                    .explain(
                        &app.workspace,
                        pair.structure,
                        pair.site,
                        &app.weights,
                        lang,
                    )
                    .and_then(|card| card.reasons.into_iter().next());
                if let Some(reason) = reason {
                    name_spans.push(Span::raw(format!(" — {reason}")));
                }
            }
            let symbol = if pair.eligible { "✓" } else { "✗" };
            let row = Row::new(vec![
                Cell::from(Line::from(name_spans)),
                Cell::from(symbol),
                Cell::from(Line::from(i18n::number(pair.total, 1, lang)).right_aligned()),
                Cell::from(criteria_bar(&pair.values)),
            ]);
            let row = if pair.eligible {
                row
            } else {
                row.style(style::dim())
            };
            match (is_cursor, focused) {
                (true, true) => row.style(style::selected()),
                (true, false) => row.style(style::selected_unfocused()),
                _ => row,
            }
        })
        .collect();
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(5),
        Constraint::Length(5),
    ];
    frame.render_widget(Table::new(rows, widths).column_spacing(1), list);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_heights_follow_values() {
        assert_eq!(criteria_bar(&[0.0, 0.5, 1.0, 2.0, -1.0]), "·▄██·");
    }
}
