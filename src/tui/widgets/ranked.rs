//! The ranked partners beside a table: structures for a site (Lieux) or sites for a structure
//! (Structures). Each with its total and a compact per-criterion bar; ineligible pairs dimmed
//! and marked `✗` with their first reason.

use crate::i18n;
use crate::tui::context::Context;
use crate::tui::ranking::{Criterion, PairScore};
use crate::tui::text::Msg;
use crate::tui::ui_state::{RowsArea, visible_window};
use crate::tui::widgets::cut::cut_line;
use crate::tui::widgets::safe;
use crate::tui::widgets::style;
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

/// What the pane shows.
pub struct RankedPane<'a> {
    /// The pairs on screen (ineligible ones already left out when hidden).
    pub pairs: &'a [PairScore],
    pub cursor: usize,
    pub focused: bool,
    /// True on the Structures tab: the rows are sites.
    pub rows_are_sites: bool,
    pub ineligible_hidden: bool,
    /// Structures marked for the comparison (◆).
    pub marks: &'a [usize],
    /// How many partners there are in all, when more than `pairs` (the best ones, ranked
    /// first on a large workspace).
    pub total: Option<usize>,
    /// Lines above the list (the selected item's summary on narrow screens).
    pub header: Vec<Line<'static>>,
}

/// Draws the pane; returns where the rows went (for the mouse and the page size).
pub fn render(
    ctx: &Context,
    pane: RankedPane<'_>,
    offset: &mut usize,
    frame: &mut Frame,
    area: Rect,
) -> Option<RowsArea> {
    let lang = ctx.lang;
    let title = if pane.rows_are_sites {
        Msg::RankedSites
    } else {
        Msg::RankedStructures
    }
    .get(lang);
    let hidden = if pane.ineligible_hidden {
        format!(" · {}", Msg::IneligibleHidden.get(lang))
    } else {
        String::new()
    };
    let legend: Vec<&str> = Criterion::ALL.iter().map(|c| c.short(lang)).collect();
    // A large workspace ranks the best few hundred first (more as the cursor goes down):
    // the title says how many there are in all.
    let count = match pane.total {
        Some(total) => format!(
            "{}/{}",
            crate::i18n::number(pane.pairs.len() as f64, 0, lang),
            crate::i18n::number(total as f64, 0, lang)
        ),
        None => pane.pairs.len().to_string(),
    };
    let block = Block::bordered()
        .title(Line::from(format!(" {title} ({count}){hidden} ")))
        .title_bottom(Line::from(format!(" {} ", legend.join(" "))).right_aligned())
        .border_style(if pane.focused {
            style::bold()
        } else {
            style::dim()
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let header_height = u16::try_from(pane.header.len())
        .unwrap_or(u16::MAX)
        .min(inner.height);
    let list = Rect {
        y: inner.y + header_height,
        height: inner.height - header_height,
        ..inner
    };
    frame.render_widget(
        Paragraph::new(safe::lines(pane.header)),
        Rect {
            height: header_height,
            ..inner
        },
    );
    if !ctx.ranking.available() || pane.pairs.is_empty() {
        let message = if ctx.ranking.available() {
            Msg::NoCandidates
        } else {
            Msg::ScoringUnavailable
        };
        frame.render_widget(
            Paragraph::new(Line::styled(message.get(lang), style::dim())).wrap(Wrap { trim: true }),
            list,
        );
        return None;
    }
    let window = visible_window(
        offset,
        pane.cursor,
        pane.pairs.len(),
        usize::from(list.height),
    );
    let rows_area = RowsArea {
        x: list.x,
        y: list.y,
        width: list.width,
        height: list.height,
        first: window.start,
        shown: window.len(),
    };
    // Name column: what is left after the mark, the total and the bar.
    let name_width = usize::from(list.width.saturating_sub(1 + 5 + 5 + 3));
    let rows: Vec<Row> = window
        .map(|rank| {
            let pair = &pane.pairs[rank];
            let is_cursor = rank == pane.cursor;
            let name = if pane.rows_are_sites {
                ctx.workspace.sites[pair.site].name.as_str()
            } else {
                ctx.workspace.structures[pair.structure].name.as_str()
            };
            let marked = pane.marks.contains(&pair.structure);
            let mut spans = vec![Span::raw(format!(
                "{}{}{name}",
                if is_cursor { "▸ " } else { "  " },
                if marked { "◆ " } else { "" }
            ))];
            if !pair.eligible
                && let Some(reason) = ctx
                    .ranking
                    .explain(
                        &ctx.workspace,
                        pair.structure,
                        pair.site,
                        &ctx.weights,
                        lang,
                    )
                    .and_then(|card| card.reasons.into_iter().next())
            {
                spans.push(Span::raw(format!(" — {reason}")));
            }
            let symbol = if pair.eligible { "✓" } else { "✗" };
            let row = Row::new(vec![
                Cell::from(cut_line(Line::from(spans), name_width)),
                Cell::from(symbol),
                Cell::from(Line::from(i18n::fixed(pair.total, 1, lang)).right_aligned()),
                Cell::from(criteria_bar(&pair.values)),
            ]);
            let row = if pair.eligible {
                row
            } else {
                row.style(style::dim())
            };
            match (is_cursor, pane.focused) {
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
    Some(rows_area)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_heights_follow_values() {
        assert_eq!(criteria_bar(&[0.0, 0.5, 1.0, 2.0, -1.0]), "·▄██·");
    }
}
