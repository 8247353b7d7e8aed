//! Whole-workspace figures the cockpit shows from start-up: how many structures each site
//! could take, whether each structure fits at least one site, each structure's best total
//! under given weights, and a site's best candidates.
//!
//! Pure functions of a `Matcher` (no disk, no terminal), spread over `threads` threads and
//! giving the same result whatever their number (property tests), so the cockpit can compute
//! them on a worker thread and show them when they arrive.

mod best;
mod eligible;

pub use best::best_totals;
pub use eligible::{Eligibility, eligibility};

use crate::domain::Weights;
use crate::scoring::{Matcher, PairScore};

/// The best `limit` structures for `site` under `weights`, best first (eligible before
/// ineligible), as the cockpit's ranked list shows them.
pub fn site_top(matcher: &Matcher, site: usize, weights: &Weights, limit: usize) -> Vec<PairScore> {
    matcher.rank_site_top(site, weights, None, limit)
}

/// `site_top` for every site (`result[site]`).
pub fn sites_top(
    matcher: &Matcher,
    weights: &Weights,
    limit: usize,
    threads: usize,
) -> Vec<Vec<PairScore>> {
    matcher.top_per_site(weights, limit, threads)
}
