//! Next-step suggestions: the best sites of the next stage, available by the time the
//! structure's current stay ends, ranked by the matching engine with their score cards.

use crate::domain::{SiteStatus, Weights, Workspace};
use crate::i18n::Lang;
use crate::pathway::stage::next_step;
use crate::scoring::{Matcher, PairScore, ScoreCard};

#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Index into `Workspace::sites`.
    pub site: usize,
    pub score: PairScore,
    pub card: ScoreCard,
}

/// The sites that could be the structure's next step: of the next stage's kind, neither closed
/// nor occupied, open by the time it must move — when its current stay ends, or when its need
/// starts if that is later (or today) — give or take the matching's start grace, and not
/// closing before then. Indices into `Workspace::sites`, in workspace order.
pub fn candidate_sites(workspace: &Workspace, matcher: &Matcher, structure: usize) -> Vec<usize> {
    let today = matcher.today();
    let step = next_step(
        &workspace.structures[structure],
        today,
        &workspace.territory.pathway,
    );
    let Some(kind) = step.target else {
        return Vec::new();
    };
    let structure = &workspace.structures[structure];
    let by = step
        .deadline
        .unwrap_or(today)
        .max(today)
        .max(structure.needs.start);
    let grace = chrono::Days::new(u64::try_from(matcher.settings().start_grace_days).unwrap_or(0));
    workspace
        .sites
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == kind)
        .filter(|(_, s)| !matches!(s.status, SiteStatus::Closed | SiteStatus::Occupied))
        .filter(|(_, s)| s.available_from <= by + grace)
        .filter(|(_, s)| s.available_until.is_none_or(|until| until > by))
        .map(|(i, _)| i)
        .collect()
}

/// The best `limit` candidate sites for `structure`, eligible first, with their score cards
/// (the matcher's day is the pathway's today).
pub fn suggestions(
    workspace: &Workspace,
    matcher: &Matcher,
    structure: usize,
    weights: &Weights,
    limit: usize,
    lang: Lang,
) -> Vec<Suggestion> {
    let candidates = candidate_sites(workspace, matcher, structure);
    matcher
        .rank_structure_top(structure, weights, Some(&candidates), limit)
        .into_iter()
        .map(|score| Suggestion {
            site: score.site,
            card: matcher.explain(workspace, structure, score.site, weights, lang),
            score,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EpisodeKind, SiteKind, StructureId};
    use crate::pathway::stage::tests::{day, episode, planned};
    use crate::scoring::Settings;
    use crate::store::validate::fixture::workspace;

    #[test]
    fn a_structure_in_temporary_occupation_is_offered_permanent_sites_ranked_by_score() {
        let mut ws = workspace();
        // A second permanent site, less fitting (no water, far too big and dear).
        let mut other = ws.sites[1].clone();
        other.id = "hotel-lointain".into();
        other.features.clear();
        other.lots[0].fee.amount = crate::domain::Money::euros(900);
        ws.sites.push(other);
        let today = day("2026-11-26");
        let recyclerie = ws
            .structure_index(&StructureId::new("recyclerie-du-canal"))
            .unwrap();
        ws.structures[recyclerie].pathway[2].to = Some(day("2027-04-30"));
        let matcher = Matcher::new(&ws, today, &Settings::default());
        let found = suggestions(&ws, &matcher, recyclerie, &Weights::default(), 5, Lang::Fr);
        let sites: Vec<&str> = found.iter().map(|s| ws.sites[s.site].id.as_str()).collect();
        assert_eq!(sites, ["hotel-activites", "hotel-lointain"]);
        assert!(
            found
                .iter()
                .all(|s| ws.sites[s.site].kind == SiteKind::Permanent)
        );
        assert!(found[0].score.total >= found[1].score.total);
        assert_eq!(found[0].card.site.as_str(), "hotel-activites");
        assert_eq!(found[0].card.total, found[0].score.total);
        // Limited.
        assert_eq!(
            suggestions(&ws, &matcher, recyclerie, &Weights::default(), 1, Lang::Fr).len(),
            1
        );
    }

    #[test]
    fn sites_closing_before_the_end_or_opening_too_late_are_left_out() {
        let mut ws = workspace();
        let today = day("2026-11-26");
        let velo = ws
            .structure_index(&StructureId::new("velo-solidaire"))
            .unwrap();
        // No premises: the next step is a temporary occupation, the friche (open until May 2028).
        let matcher = Matcher::new(&ws, today, &Settings::default());
        assert_eq!(candidate_sites(&ws, &matcher, velo), [0]);
        // In an incubation ending after the friche closes: nothing to offer.
        ws.structures[velo].pathway = vec![episode(
            EpisodeKind::Incubation,
            "2026-01-01",
            Some("2028-06-30"),
        )];
        let matcher = Matcher::new(&ws, today, &Settings::default());
        assert!(candidate_sites(&ws, &matcher, velo).is_empty());
        // A placement already planned: the next step is taken care of.
        ws.structures[velo].pathway = vec![planned(EpisodeKind::Transitional, "2027-01-01", None)];
        let matcher = Matcher::new(&ws, today, &Settings::default());
        assert!(candidate_sites(&ws, &matcher, velo).is_empty());
        // A site opening long after today, for a structure with no deadline, is left out.
        ws.structures[velo].pathway.clear();
        ws.sites[0].available_from = day("2028-01-01");
        ws.sites[0].available_until = Some(day("2029-12-31"));
        let matcher = Matcher::new(&ws, today, &Settings::default());
        assert!(candidate_sites(&ws, &matcher, velo).is_empty());
    }
}
