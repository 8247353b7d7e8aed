//! A structure's stays drawn as one line of characters over the timeline's span, and the
//! line of dates above them. Kinds are told by symbols (never by colour alone): `░` incubator,
//! `▒` temporary occupation, `█` permanent premises, `═` premises outside the programmes; a
//! planned stay is dotted (`█·█·`), today is `┃`.

use crate::domain::EpisodeKind;
use crate::i18n::Lang;
use crate::pathway::{Span, TimelineRow};
use chrono::{Datelike, NaiveDate};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};

pub const TODAY: char = '┃';
const PLANNED_GAP: char = '·';

/// The symbol of a kind of stay.
pub fn symbol(kind: EpisodeKind) -> char {
    match kind {
        EpisodeKind::Incubation => '░',
        EpisodeKind::Transitional => '▒',
        EpisodeKind::Permanent => '█',
        EpisodeKind::Other => '═',
    }
}

/// Years on the date line while the span is longer than this; months below it.
const YEARS_ABOVE_DAYS: i64 = 800;

/// True when the span is long enough to be read in years (else in months).
pub fn in_years(span: Span) -> bool {
    span.days() > YEARS_ABOVE_DAYS
}

/// The first and last day column `column` stands for, `width` columns wide.
fn column_days(span: Span, column: u16, width: u16) -> (NaiveDate, NaiveDate) {
    let days = span.days();
    let width = i64::from(width.max(1));
    // Rounded up, as `Span::column` places a day: column c starts at ⌈c·days/width⌉.
    let at = |c: i64| span.from + chrono::Duration::days((c * days + width - 1) / width);
    let first = at(i64::from(column));
    let last = at(i64::from(column) + 1) - chrono::Duration::days(1);
    (first, last.max(first))
}

/// The characters of one structure's row: its stays, planned ones dotted, today marked.
pub fn cells(row: &TimelineRow, span: Span, width: u16, today: NaiveDate) -> Vec<(char, bool)> {
    let mut out = vec![(' ', false); usize::from(width)];
    for (c, cell) in out.iter_mut().enumerate() {
        let c16 = u16::try_from(c).unwrap_or(u16::MAX);
        let (first, last) = column_days(span, c16, width);
        // The later stay wins a column shared by a move.
        if let Some(segment) = row
            .segments
            .iter()
            .rev()
            .find(|s| s.from <= last && s.to >= first)
        {
            let dotted = segment.planned && c % 2 == 1;
            *cell = (
                if dotted {
                    PLANNED_GAP
                } else {
                    symbol(segment.kind)
                },
                segment.planned,
            );
        }
    }
    if let Some(c) = span.column(today, width)
        && let Some(cell) = out.get_mut(usize::from(c))
    {
        *cell = (TODAY, false);
    }
    out
}

/// The row as a styled line (planned stays dimmed as well as dotted, today bold).
pub fn line(row: &TimelineRow, span: Span, width: u16, today: NaiveDate) -> Line<'static> {
    let mut spans: Vec<TextSpan<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_style = Style::default();
    for (c, planned) in cells(row, span, width, today) {
        let style = if c == TODAY {
            Style::new().add_modifier(Modifier::BOLD)
        } else if planned {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            Style::default()
        };
        if style != run_style && !run.is_empty() {
            spans.push(TextSpan::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(TextSpan::styled(run, run_style));
    }
    Line::from(spans)
}

/// The date line over the rows: each year (or month) written where it starts, when there is
/// room; `width` columns exactly.
pub fn dates(span: Span, width: u16, lang: Lang) -> String {
    let width_us = usize::from(width);
    let mut line = vec![' '; width_us];
    let years = in_years(span);
    let mut tick =
        NaiveDate::from_ymd_opt(span.from.year(), span.from.month(), 1).unwrap_or(span.from);
    let mut free_from = 0usize;
    while tick <= span.to {
        let next = if years {
            NaiveDate::from_ymd_opt(tick.year() + 1, 1, 1)
        } else {
            tick.checked_add_months(chrono::Months::new(1))
        }
        .unwrap_or(NaiveDate::MAX);
        if tick >= span.from
            && let Some(c) = span.column(tick, width)
        {
            let label = if years {
                tick.year().to_string()
            } else {
                month_label(tick, lang)
            };
            // Pushed right past the previous label, as long as it stays in its own period.
            let start = usize::from(c).max(free_from);
            let last_column = next
                .pred_opt()
                .and_then(|d| span.column(d.min(span.to), width))
                .map_or(width_us, usize::from);
            let n = label.chars().count();
            if start <= last_column && start + n <= width_us {
                for (i, ch) in label.chars().enumerate() {
                    line[start + i] = ch;
                }
                free_from = start + n + 1;
            }
        }
        tick = next;
    }
    line.into_iter().collect()
}

/// `01/27` (French) or `Jan 27`: short enough for a month a few columns wide.
fn month_label(day: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => day.format("%m/%y").to_string(),
        Lang::En => day.format("%b %y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pathway::Segment;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn segment(kind: EpisodeKind, from: &str, to: &str, planned: bool) -> Segment {
        Segment {
            episode: 0,
            kind,
            from: day(from),
            to: day(to),
            cut_before: false,
            cut_after: false,
            open_ended: false,
            planned,
            site: None,
            place: String::new(),
        }
    }

    #[test]
    fn stays_are_drawn_by_kind_planned_ones_dotted_and_today_marked() {
        let span = Span {
            from: day("2026-01-01"),
            to: day("2027-12-31"),
        };
        let row = TimelineRow {
            structure: 0,
            stage: crate::pathway::Stage::Temporary,
            segments: vec![
                segment(EpisodeKind::Transitional, "2026-01-01", "2026-12-31", false),
                segment(EpisodeKind::Permanent, "2027-01-01", "2027-12-31", true),
            ],
        };
        let text: String = cells(&row, span, 24, day("2026-07-01"))
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        assert_eq!(text, "▒▒▒▒▒┃▒▒▒▒▒▒█·█·█·█·█·█·");
    }

    #[test]
    fn the_date_line_names_years_or_months_where_they_start() {
        let years = Span {
            from: day("2025-01-01"),
            to: day("2028-12-31"),
        };
        assert!(in_years(years));
        assert_eq!(
            dates(years, 40, Lang::Fr),
            format!("2025{:5}2026{:6}2027{:6}2028{:7}", "", "", "", "")
        );
        let months = Span {
            from: day("2026-11-01"),
            to: day("2027-04-30"),
        };
        assert!(!in_years(months));
        let line = dates(months, 36, Lang::Fr);
        assert!(line.starts_with("11/26 12/26 01/27"), "{line}");
        assert_eq!(line.chars().count(), 36);
    }
}
