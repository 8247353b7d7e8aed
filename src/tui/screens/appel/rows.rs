//! The Appel tab's rows: the call's applications with the workspace indices of their structure
//! and site, their score under the weights in force, filtered (site, status, search) and
//! ordered (by site or by status, then by rank on the site — ties by name, and said as ties —
//! within a group).

use crate::domain::{Call, SiteId, StructureId};
use crate::i18n::fold::Folded;
use crate::review::AppKey;
use crate::tui::context::Context;
use crate::tui::shared::call_filter::{CallFilter, Grouping};
use crate::tui::shared::name_order::sort_by_name;
use crate::tui::shared::search::{Search, fold};
use crate::tui::standing::CallStandings;
use std::collections::HashMap;

/// One application on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRow {
    pub key: AppKey,
    pub structure: usize,
    pub site: usize,
    /// The match total under the weights in force (none when scores are unavailable).
    pub score: Option<f64>,
    pub eligible: bool,
}

/// Every application of `call`, with indices (pairs naming an unknown id are left out: the
/// store's validation reports them) and scores under the weights in force, in the order of
/// the structures' names: every later order keeps it among equals, so names are never
/// compared again after a weight change or a decision.
pub fn call_rows(ctx: &Context, call: &Call) -> Vec<CallRow> {
    let ws = &ctx.workspace;
    let structures: HashMap<&StructureId, usize> = ws
        .structures
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let sites: HashMap<&SiteId, usize> = ws
        .sites
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let mut rows: Vec<CallRow> = call
        .application_pairs()
        .filter_map(|(structure, site)| {
            let (structure_index, site_index) = (*structures.get(structure)?, *sites.get(site)?);
            let score = ctx.ranking.score(structure_index, site_index, &ctx.weights);
            Some(CallRow {
                key: AppKey::new(structure.clone(), site.clone()),
                structure: structure_index,
                site: site_index,
                score: score.map(|s| s.total),
                eligible: score.is_none_or(|s| s.eligible),
            })
        })
        .collect();
    sort_by_name(&mut rows, |row| &ws.structures[row.structure].name);
    rows
}

/// What the search looks into for an application: the structure, the site, the labels and
/// the notes.
pub fn haystack(ctx: &Context, row: &CallRow) -> Folded {
    let ws = &ctx.workspace;
    let mut text = format!(
        "{} {}",
        ws.structures[row.structure].name, ws.sites[row.site].name
    );
    if let Some(review) = ctx.application(&row.key) {
        for label in &review.labels {
            text.push(' ');
            text.push_str(label);
        }
        text.push(' ');
        text.push_str(&review.annotation);
    }
    fold(&text)
}

/// The rows shown: `all` filtered by `filter` and `query`, in the grouping's order.
pub fn shown(
    ctx: &Context,
    all: &[CallRow],
    haystacks: &[Folded],
    filter: &CallFilter,
    query: &str,
    sites_order: &[SiteId],
    standings: &CallStandings,
) -> Vec<CallRow> {
    let search = Search::new(query);
    let kept = all
        .iter()
        .enumerate()
        .filter(|(_, row)| filter.site.as_ref().is_none_or(|s| s == &row.key.site))
        .filter(|(_, row)| {
            filter
                .status
                .is_none_or(|s| ctx.status(&row.key) == Some(s))
        })
        .map(|(i, _)| (i, &haystacks[i]));
    let mut rows: Vec<CallRow> = search
        .hits(kept)
        .into_iter()
        .map(|(i, _)| all[i].clone())
        .collect();
    order(ctx, &mut rows, filter.grouping, sites_order, standings);
    rows
}

/// Applications of the same site (or status) together, the call's sites in its order; by
/// rank on the site within a group (eligible first, the total as shown, then a tie broken by
/// the officer or the jury grid), then as they come — names in natural order (`call_rows`):
/// two totals that show the same are never ordered by a decimal nobody sees. A status changes
/// no rank, so grouped by site the row under the cursor stays put.
pub fn order(
    ctx: &Context,
    rows: &mut [CallRow],
    grouping: Grouping,
    sites_order: &[SiteId],
    standings: &CallStandings,
) {
    let site_ranks: HashMap<&SiteId, usize> = sites_order
        .iter()
        .enumerate()
        .map(|(i, s)| (s, i))
        .collect();
    // Each row's key worked out once, not at each comparison (a call can put 5 000
    // applications on one site, and a lookup hashes ids); the sort is stable, so equal keys
    // keep the rows' name order. A site outside the call's list goes last, by its index.
    rows.sort_by_cached_key(|row| {
        let status = match grouping {
            Grouping::Site => None,
            Grouping::Status => ctx.status(&row.key).map(|s| s as usize),
        };
        let site = site_ranks.get(&row.key.site).copied().unwrap_or(usize::MAX);
        let rank = standings
            .standing(row.structure, &row.key.site)
            .map_or(usize::MAX, |s| s.rank);
        (status, site, row.site, rank)
    });
}
