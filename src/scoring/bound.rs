//! Upper bounds of a pair's total, so that ranking the best candidates of a site can skip almost
//! every pair without evaluating it.
//!
//! The bound is the total itself, computed by the same operations in the same order
//! (`matcher::weighted`), with the two criteria that need a lot (surface, cost) at their
//! maximum 1 and the preferred-city part of rebalancing counted as met when it cannot be told
//! from `preferred_cities`. Every operation is non-decreasing in each value, so the bound is
//! never below the real total (property tests), and equals it when the lot retained gives full
//! marks: ties at the top of a ranking can then be settled by id without evaluating them.
//!
//! For a fixed site, sector slot and anchoring, the bound is non-decreasing in urgency: the
//! ranking walks the structures of a layout group (`scoring::columns`) strongest first.

use crate::scoring::criteria::{rebalancing, sector};
use crate::scoring::matcher::weighted;
use crate::scoring::prepared::{PreparedSite, PreparedStructure, SectorIndex, UNKNOWN, kind_index};

/// Slot of a sector in a site's sector table: its index, unknown sectors sharing the last slot.
pub fn sector_slot(sector_index: u16, sectors: &SectorIndex) -> u16 {
    if sector_index == UNKNOWN {
        sectors.len() as u16
    } else {
        sector_index
    }
}

/// Number of sector slots (the known sectors and the shared unknown slot).
pub fn slot_count(sectors: &SectorIndex) -> usize {
    sectors.len() + 1
}

/// The cities a structure prefers as a bit set over city indices: every bit when it states no
/// preference, and also when a city index is beyond the set (the bound then counts the
/// preference as met, which keeps it a bound).
pub fn preferred_cities(structure: &PreparedStructure) -> u64 {
    if structure.preferred_cities.is_empty() || structure.preferred_cities.iter().any(|&c| c >= 64)
    {
        return u64::MAX;
    }
    structure
        .preferred_cities
        .iter()
        .fold(0, |mask, &c| mask | 1 << c)
}

/// The bit of a site's city in `preferred_cities`: every bit for a city beyond the set (or
/// unknown), so the preference counts as met.
pub fn city_bit(city: usize) -> u64 {
    if city < 64 { 1 << city } else { u64::MAX }
}

/// One site's side of the bound, for one set of weights.
pub struct SiteBound {
    shares: [f64; 5],
    in_priority_zone: bool,
    kind: usize,
    city_bit: u64,
    /// Sector value at this site of each sector slot.
    sector_values: Vec<f64>,
}

impl SiteBound {
    pub fn new(site: &PreparedSite, shares: &[f64; 5], sectors: &SectorIndex) -> Self {
        let value = |sector_index: u16, family: u16| {
            sector::value(sector::fit(
                sector_index,
                family,
                &site.priority_sectors,
                &site.priority_families,
            ))
        };
        let mut sector_values: Vec<f64> = (0..sectors.len())
            .map(|i| value(i as u16, sectors.family_at(i)))
            .collect();
        sector_values.push(value(UNKNOWN, UNKNOWN));
        SiteBound {
            shares: *shares,
            in_priority_zone: site.in_priority_zone,
            kind: kind_index(site.kind),
            city_bit: city_bit(site.city),
            sector_values,
        }
    }

    /// Upper bound of the total of a structure whose sector is in `slot`, anchored or not,
    /// preferring the site's city or not, with `urgency` at the site's kind.
    #[inline]
    pub fn bound(&self, slot: u16, anchored: bool, preferred: bool, urgency: f64) -> f64 {
        let rebalancing = rebalancing::value(self.in_priority_zone, anchored, preferred);
        let values = [
            1.0,
            1.0,
            self.sector_values[usize::from(slot)],
            rebalancing,
            urgency,
        ];
        weighted(&self.shares, &values).1
    }

    /// Upper bound of the total of `structure` at this site.
    pub fn of(&self, structure: &PreparedStructure, sectors: &SectorIndex) -> f64 {
        self.bound(
            sector_slot(structure.sector, sectors),
            structure.anchored,
            preferred_cities(structure) & self.city_bit != 0,
            structure.urgency[self.kind],
        )
    }

    /// The sector value this site gives a structure whose sector is in `slot`.
    pub fn sector_value(&self, slot: u16) -> f64 {
        self.sector_values[usize::from(slot)]
    }

    /// Index of the site's kind (`prepared::kind_index`).
    pub fn kind(&self) -> usize {
        self.kind
    }

    /// The bit of the site's city in a structure's `preferred_cities`.
    pub fn city_bit(&self) -> u64 {
        self.city_bit
    }
}
