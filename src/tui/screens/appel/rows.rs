//! The Appel tab's rows: the call's applications with the workspace indices of their structure
//! and site, their score under the weights in force, filtered (site, status, search) and
//! ordered (by site or by status, the best score first within a group, then by name).

use crate::domain::{Call, SiteId, StructureId, Workspace};
use crate::i18n::fold::Folded;
use crate::i18n::natural::natural_cmp;
use crate::review::AppKey;
use crate::tui::context::Context;
use crate::tui::shared::call_filter::{CallFilter, Grouping};
use crate::tui::shared::search::{Search, fold};
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
/// store's validation reports them) and scores under the weights in force.
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
    call.application_pairs()
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
        .collect()
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
    order(ctx, &mut rows, filter.grouping, sites_order);
    rows
}

/// Applications of the same site (or status) together, the call's sites in its order; the
/// best score first within a group, then names in natural order. A decision changes no
/// score, so grouped by site the row under the cursor stays put.
pub fn order(ctx: &Context, rows: &mut [CallRow], grouping: Grouping, sites_order: &[SiteId]) {
    let site_ranks: HashMap<&SiteId, usize> = sites_order
        .iter()
        .enumerate()
        .map(|(i, s)| (s, i))
        .collect();
    let site_rank = |row: &CallRow| {
        (
            site_ranks.get(&row.key.site).copied().unwrap_or(usize::MAX),
            row.key.site.clone(),
        )
    };
    let status_rank = |row: &CallRow| ctx.status(&row.key).map(|s| s as usize);
    let ws: &Workspace = &ctx.workspace;
    let names: HashMap<usize, String> = rows
        .iter()
        .map(|r| (r.structure, fold(&ws.structures[r.structure].name).text))
        .collect();
    rows.sort_by(|a, b| {
        let group = match grouping {
            Grouping::Site => site_rank(a).cmp(&site_rank(b)),
            Grouping::Status => status_rank(a)
                .cmp(&status_rank(b))
                .then_with(|| site_rank(a).cmp(&site_rank(b))),
        };
        group
            .then_with(|| {
                b.score
                    .unwrap_or(f64::NEG_INFINITY)
                    .total_cmp(&a.score.unwrap_or(f64::NEG_INFINITY))
            })
            .then_with(|| natural_cmp(&names[&a.structure], &names[&b.structure]))
    });
}
