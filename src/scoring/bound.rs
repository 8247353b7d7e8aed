//! Upper bounds of a pair's total, computed from a few columns in one add per pair, so that
//! ranking the best candidates of a site can skip almost every pair without evaluating it.
//!
//! The bound counts the lot-dependent criteria (surface, cost) at their maximum 1, the
//! preferred-city part of rebalancing at its maximum, and the sector, zone, anchoring and
//! urgency parts exactly. It is never below the real total (see the property tests), so
//! skipping a pair whose bound cannot enter the current top never changes the result.

use crate::scoring::criteria::{rebalancing, sector};
use crate::scoring::prepared::{PreparedSite, PreparedStructure, SectorIndex, UNKNOWN, kind_index};

/// Per-structure part of the bound, by site kind, for one set of weights.
pub struct StructureBounds {
    by_kind: [Vec<f64>; 3],
    /// Slot of each structure's sector in a site's sector table (unknown sectors share the
    /// last slot).
    sector_slot: Vec<u16>,
}

/// Per-site part of the bound.
pub struct SiteBound {
    base: f64,
    kind: usize,
    /// Points the sector criterion gives each sector slot at this site.
    sector_points: Vec<f64>,
}

/// Safety margin for floating-point sums taken in a different order than the real total.
const MARGIN: f64 = 1e-9;

impl StructureBounds {
    pub fn new(structures: &[PreparedStructure], shares: &[f64; 5], sectors: &SectorIndex) -> Self {
        let unknown_slot = sectors.len() as u16;
        let anchored = |st: &PreparedStructure| {
            if st.anchored {
                rebalancing::ANCHOR_PART
            } else {
                0.0
            }
        };
        let column = |kind: usize| {
            structures
                .iter()
                .map(|st| 100.0 * (shares[3] * anchored(st) + shares[4] * st.urgency[kind]))
                .collect()
        };
        StructureBounds {
            by_kind: [column(0), column(1), column(2)],
            sector_slot: structures
                .iter()
                .map(|st| {
                    if st.sector == UNKNOWN {
                        unknown_slot
                    } else {
                        st.sector
                    }
                })
                .collect(),
        }
    }

    /// Upper bound of the total of `structure` at `site`.
    #[inline]
    pub fn bound(&self, site: &SiteBound, structure: usize) -> f64 {
        site.base
            + site.sector_points[usize::from(self.sector_slot[structure])]
            + self.by_kind[site.kind][structure]
    }
}

impl SiteBound {
    pub fn new(site: &PreparedSite, shares: &[f64; 5], sectors: &SectorIndex) -> Self {
        let zone = if site.in_priority_zone {
            rebalancing::ZONE_PART
        } else {
            0.0
        };
        let points = |sector_index: u16, family: u16| {
            let fit = sector::fit(
                sector_index,
                family,
                &site.priority_sectors,
                &site.priority_families,
            );
            100.0 * shares[2] * sector::value(fit)
        };
        let mut sector_points: Vec<f64> = (0..sectors.len())
            .map(|i| points(i as u16, sectors.family_at(i)))
            .collect();
        sector_points.push(points(UNKNOWN, UNKNOWN));
        SiteBound {
            base: 100.0
                * (shares[0] + shares[1] + shares[3] * (zone + rebalancing::PREFERENCE_PART))
                + MARGIN,
            kind: kind_index(site.kind),
            sector_points,
        }
    }
}
