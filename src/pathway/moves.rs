//! Pathway moves: the stays that began in a year and what each structure left for them —
//! incubator → temporary occupation → permanent premises, as the council report counts them.

use crate::domain::{EpisodeKind, SiteId, StructureId, Workspace};
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// Index into `Workspace::structures`, and of the stay in its `pathway`.
    pub index: usize,
    pub episode: usize,
    pub structure: StructureId,
    /// The kind of the stay before (none: the structure's first stay recorded).
    pub from: Option<EpisodeKind>,
    pub to: EpisodeKind,
    pub on: NaiveDate,
    pub site: Option<SiteId>,
    /// Decided, not started.
    pub planned: bool,
}

impl Move {
    /// One step forward on the pathway (incubator → temporary → permanent, or straight to
    /// permanent premises).
    pub fn is_forward(&self) -> bool {
        matches!(
            (self.from, self.to),
            (
                Some(EpisodeKind::Incubation),
                EpisodeKind::Transitional | EpisodeKind::Permanent
            ) | (Some(EpisodeKind::Transitional), EpisodeKind::Permanent)
        )
    }
}

/// Every stay starting in `year`, lived or planned, with the kind of the stay before it; by
/// date, then structure id.
pub fn moves(workspace: &Workspace, year: i32) -> Vec<Move> {
    let mut out = Vec::new();
    for (index, structure) in workspace.structures.iter().enumerate() {
        let mut before: Option<EpisodeKind> = None;
        for (e, episode) in structure.pathway.iter().enumerate() {
            if episode.from.year() == year {
                out.push(Move {
                    index,
                    episode: e,
                    structure: structure.id.clone(),
                    from: before,
                    to: episode.kind,
                    on: episode.from,
                    site: episode.site.clone(),
                    planned: episode.is_planned(),
                });
            }
            before = Some(episode.kind);
        }
    }
    out.sort_by(|a, b| a.on.cmp(&b.on).then(a.structure.cmp(&b.structure)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pathway::stage::tests::{day, episode, moved_on, planned, structure};

    #[test]
    fn moves_of_a_year_with_where_they_came_from() {
        let mut ws = crate::store::validate::fixture::workspace();
        ws.structures = vec![
            structure(
                "a",
                vec![
                    moved_on(EpisodeKind::Incubation, "2023-01-01", "2026-02-28"),
                    episode(EpisodeKind::Transitional, "2026-03-01", Some("2028-02-29")),
                ],
            ),
            structure(
                "b",
                vec![
                    episode(EpisodeKind::Transitional, "2025-01-01", Some("2026-12-31")),
                    planned(EpisodeKind::Permanent, "2026-12-31", None),
                ],
            ),
            structure("c", vec![episode(EpisodeKind::Other, "2026-05-01", None)]),
        ];
        let found = moves(&ws, 2026);
        let summary: Vec<_> = found
            .iter()
            .map(|m| {
                (
                    m.structure.as_str(),
                    m.from,
                    m.to,
                    m.planned,
                    m.is_forward(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "a",
                    Some(EpisodeKind::Incubation),
                    EpisodeKind::Transitional,
                    false,
                    true
                ),
                ("c", None, EpisodeKind::Other, false, false),
                (
                    "b",
                    Some(EpisodeKind::Transitional),
                    EpisodeKind::Permanent,
                    true,
                    true
                ),
            ]
        );
        assert_eq!(found[0].on, day("2026-03-01"));
        assert!(moves(&ws, 2024).is_empty());
    }
}
