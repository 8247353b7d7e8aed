//! Timelines: each structure's stays laid on a date range, ready to draw — one row per
//! structure, one segment per stay cut to the range, planned stays marked apart from lived ones,
//! and the arithmetic that turns dates into columns (scrolling and zooming move the range).

use crate::domain::{EpisodeKind, SiteId, Workspace};
use crate::pathway::stage::{Stage, stage};
use chrono::{Datelike, Months, NaiveDate};

/// A date range, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Span {
    /// From 1 January `before` years back to 31 December `after` years ahead of `today`'s year.
    pub fn around(today: NaiveDate, before: i32, after: i32) -> Span {
        let year = today.year();
        Span {
            from: NaiveDate::from_ymd_opt(year - before, 1, 1).unwrap_or(today),
            to: NaiveDate::from_ymd_opt(year + after, 12, 31).unwrap_or(today),
        }
    }

    /// Days covered, ends included.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// The column of `day` when the span is drawn `width` columns wide; none outside it.
    pub fn column(&self, day: NaiveDate, width: u16) -> Option<u16> {
        if !self.contains(day) || width == 0 {
            return None;
        }
        let offset = (day - self.from).num_days();
        let column = offset * i64::from(width) / self.days();
        u16::try_from(column).ok()
    }

    /// The span moved by `months` (negative: back in time), same length.
    pub fn shifted(&self, months: i32) -> Span {
        let shift = |d: NaiveDate| {
            if months >= 0 {
                d.checked_add_months(Months::new(months.unsigned_abs()))
            } else {
                d.checked_sub_months(Months::new(months.unsigned_abs()))
            }
            .unwrap_or(d)
        };
        Span {
            from: shift(self.from),
            to: shift(self.to),
        }
    }

    /// The span narrowed (zoom in, `factor` < 1) or widened (> 1) around its middle; never
    /// shorter than 90 days nor longer than 30 years.
    pub fn zoomed(&self, factor: f64) -> Span {
        let days = (self.days() as f64 * factor)
            .round()
            .clamp(90.0, 30.0 * 365.25) as i64;
        let middle = self.from + chrono::Duration::days(self.days() / 2);
        let from = middle - chrono::Duration::days(days / 2);
        Span {
            from,
            to: from + chrono::Duration::days(days - 1),
        }
    }
}

/// One stay as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Index into the structure's `pathway`.
    pub episode: usize,
    pub kind: EpisodeKind,
    /// First and last day shown (cut to the span).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The stay began before the span, or goes on after it.
    pub cut_before: bool,
    pub cut_after: bool,
    /// No end known: drawn to the span's end.
    pub open_ended: bool,
    /// Decided, not started: to draw apart from lived stays.
    pub planned: bool,
    pub site: Option<SiteId>,
    /// Site name, or the free-text place.
    pub place: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    /// Index into `Workspace::structures`.
    pub structure: usize,
    pub stage: Stage,
    pub segments: Vec<Segment>,
}

/// The row of structure `index` over `span`.
pub fn timeline_row(
    workspace: &Workspace,
    index: usize,
    span: Span,
    today: NaiveDate,
) -> TimelineRow {
    let structure = &workspace.structures[index];
    let segments = structure
        .pathway
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let end = e.end();
            let last = end.unwrap_or(span.to);
            if e.from > span.to || last < span.from {
                return None;
            }
            Some(Segment {
                episode: i,
                kind: e.kind,
                from: e.from.max(span.from),
                to: last.min(span.to),
                cut_before: e.from < span.from,
                cut_after: end.is_none_or(|d| d > span.to),
                open_ended: end.is_none(),
                planned: e.is_planned(),
                site: e.site.clone(),
                place: e
                    .site
                    .as_ref()
                    .and_then(|id| workspace.site(id))
                    .map(|s| s.name.clone())
                    .or_else(|| e.place.clone())
                    .unwrap_or_default(),
            })
        })
        .collect();
    TimelineRow {
        structure: index,
        stage: stage(structure, today),
        segments,
    }
}

/// The rows of the given structures (e.g. the visible window of a list), in that order.
pub fn timeline(
    workspace: &Workspace,
    structures: impl IntoIterator<Item = usize>,
    span: Span,
    today: NaiveDate,
) -> Vec<TimelineRow> {
    structures
        .into_iter()
        .map(|i| timeline_row(workspace, i, span, today))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::StructureId;
    use crate::pathway::stage::tests::day;
    use crate::store::validate::fixture::workspace;

    #[test]
    fn spans_map_days_to_columns() {
        let span = Span::around(day("2026-11-26"), 1, 1);
        assert_eq!(span.from, day("2025-01-01"));
        assert_eq!(span.to, day("2027-12-31"));
        assert_eq!(span.days(), 1095);
        assert_eq!(span.column(span.from, 100), Some(0));
        assert_eq!(span.column(span.to, 100), Some(99));
        assert_eq!(span.column(day("2026-07-02"), 100), Some(49));
        assert_eq!(span.column(day("2024-12-31"), 100), None);
        let later = span.shifted(12);
        assert_eq!(
            (later.from, later.to),
            (day("2026-01-01"), day("2028-12-31"))
        );
        assert_eq!(span.shifted(-1).from, day("2024-12-01"));
        let closer = span.zoomed(0.5);
        assert!(closer.days() < span.days() && closer.contains(day("2026-07-02")));
        assert_eq!(span.zoomed(0.01).days(), 90);
    }

    #[test]
    fn rows_cut_stays_to_the_span_and_mark_open_and_planned_ones() {
        let mut ws = workspace();
        let i = ws
            .structure_index(&StructureId::new("recyclerie-du-canal"))
            .unwrap();
        ws.structures[i]
            .pathway
            .push(crate::pathway::stage::tests::planned(
                EpisodeKind::Permanent,
                "2030-01-01",
                None,
            ));
        let span = Span {
            from: day("2020-01-01"),
            to: day("2027-12-31"),
        };
        let row = timeline_row(&ws, i, span, day("2026-11-26"));
        assert_eq!(row.stage, Stage::Temporary);
        // The 2019 incubation is cut, the planned 2030 stay is outside.
        assert_eq!(row.segments.len(), 3);
        let first = &row.segments[0];
        assert!(first.cut_before && !first.cut_after && first.from == span.from);
        assert_eq!(first.place, "Incubateur de test");
        let current = &row.segments[2];
        assert!(current.open_ended && current.cut_after && !current.planned);
        assert_eq!(current.to, span.to);
        assert_eq!(current.place, "Friche des Rives de l'Ourcq");
        let wide = Span {
            from: day("2020-01-01"),
            to: day("2031-12-31"),
        };
        let row = timeline_row(&ws, i, wide, day("2026-11-26"));
        assert!(row.segments.last().unwrap().planned);
        assert_eq!(timeline(&ws, [i, i], wide, day("2026-11-26")).len(), 2);
    }
}
