//! Figures derived from the domain for display and sorting, computed the same way everywhere.

use crate::domain::{EpisodeKind, Money, Site, Structure, Surface};
use chrono::NaiveDate;

/// Surface offered in lots (the "free" part) and the site's total surface when known.
pub fn site_surfaces(site: &Site) -> (Surface, Surface) {
    let lots = site.lots_surface();
    (lots, site.total_surface.unwrap_or(lots))
}

/// The cheapest lot fee of the site, as € per m² per year (lots with no surface are skipped).
pub fn site_min_fee(site: &Site) -> Option<Money> {
    site.lots
        .iter()
        .filter(|l| l.surface.value() > 0.0)
        .map(|l| l.fee.per_m2_year(l.surface))
        .min()
}

/// Where the structure stands today on its pathway, and when that stay ends.
pub fn structure_stage(
    structure: &Structure,
    today: NaiveDate,
) -> (Option<EpisodeKind>, Option<NaiveDate>) {
    match structure.current_episode(today) {
        Some(e) => (Some(e.kind), e.to),
        None => (None, None),
    }
}
