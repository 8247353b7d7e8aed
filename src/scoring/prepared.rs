//! Numbers precomputed once per structure, per site and per lot, so that scoring a pair is a few
//! comparisons and multiplications in `f64`: no allocation, no `Decimal`, no string in the pair
//! loop. Annual costs are computed in `Decimal` first, then converted.

use crate::domain::{
    Feature, Fee, Lot, SectorCode, Site, SiteKind, Structure, Surface, Territory, UseType,
};
use crate::scoring::Settings;
use crate::scoring::criteria::urgency;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Sector codes → dense indices, and each sector's family index.
pub struct SectorIndex {
    sectors: HashMap<SectorCode, (u16, u16)>,
    /// Family of each sector, by sector index.
    families: Vec<u16>,
}

/// Index given to a sector that is not in the taxonomy (validation reports it; scoring must not
/// crash on it).
pub const UNKNOWN: u16 = u16::MAX;

impl SectorIndex {
    pub fn new(territory: &Territory) -> Self {
        let mut sectors = HashMap::new();
        let mut families = Vec::new();
        for (family, f) in territory.sector_families.iter().enumerate() {
            for s in &f.sectors {
                let index = families.len() as u16;
                sectors.insert(s.code.clone(), (index, family as u16));
                families.push(family as u16);
            }
        }
        SectorIndex { sectors, families }
    }

    /// Number of known sectors; indices run from 0 to `len() - 1`.
    pub fn len(&self) -> usize {
        self.families.len()
    }

    pub fn is_empty(&self) -> bool {
        self.families.is_empty()
    }

    /// Family of the sector at `index`.
    pub fn family_at(&self, index: usize) -> u16 {
        self.families[index]
    }

    pub fn sector(&self, code: &SectorCode) -> u16 {
        self.sectors.get(code).map_or(UNKNOWN, |&(s, _)| s)
    }

    pub fn family(&self, code: &SectorCode) -> u16 {
        self.sectors.get(code).map_or(UNKNOWN, |&(_, f)| f)
    }
}

pub fn use_bit(use_type: UseType) -> u8 {
    1 << (use_type as u8)
}

/// A mixed lot serves every use; any other serves its own.
pub fn lot_use_mask(use_type: UseType) -> u8 {
    if use_type == UseType::Mixed {
        u8::MAX
    } else {
        use_bit(use_type)
    }
}

pub fn feature_mask(features: &[Feature]) -> u16 {
    features.iter().fold(0, |m, f| m | (1 << (*f as u16)))
}

pub fn day(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

use chrono::Datelike;

#[derive(Debug, Clone)]
pub struct PreparedLot {
    pub surface: f64,
    pub divisible: bool,
    pub use_mask: u8,
    pub available_from: i32,
    /// Annual cost = `per_m2_year × m² + flat_year`.
    pub per_m2_year: f64,
    pub flat_year: f64,
}

/// Splits a fee into its per-m² and flat parts, computed exactly and converted once.
pub fn fee_parts(fee: &Fee) -> (f64, f64) {
    let flat = fee.annual_cost(Surface::m2(0.0));
    let per_m2 = fee.annual_cost(Surface::m2(1.0)) - flat;
    (per_m2.to_f64(), flat.to_f64())
}

impl PreparedLot {
    pub fn new(lot: &Lot, site_from: i32) -> Self {
        let (per_m2_year, flat_year) = fee_parts(&lot.fee);
        PreparedLot {
            surface: lot.surface.value(),
            divisible: lot.divisible,
            use_mask: lot_use_mask(lot.use_type),
            available_from: lot.available_from.map_or(site_from, day).max(site_from),
            per_m2_year,
            flat_year,
        }
    }

    pub fn annual_cost(&self, surface: f64) -> f64 {
        self.per_m2_year * surface + self.flat_year
    }
}

#[derive(Debug, Clone)]
pub struct PreparedSite {
    pub kind: SiteKind,
    pub available_from: i32,
    /// `i32::MAX` when open-ended.
    pub available_until: i32,
    /// `u32::MAX` when unlimited.
    pub max_months: u32,
    pub features: u16,
    pub priority_sectors: Vec<u16>,
    pub priority_families: Vec<u16>,
    pub excluded_sectors: Vec<u16>,
    pub in_priority_zone: bool,
    pub city: usize,
    /// Range of this site's lots in `Matcher::lots`.
    pub lots: std::ops::Range<usize>,
    /// Union of the lots' use masks: skips the lot loop when no lot can serve.
    pub use_mask: u8,
}

impl PreparedSite {
    pub fn new(
        site: &Site,
        territory: &Territory,
        sectors: &SectorIndex,
        lots: std::ops::Range<usize>,
        use_mask: u8,
    ) -> Self {
        let city = territory.cities.iter().position(|c| c.insee == site.city);
        let in_priority_zone = city
            .map(|i| territory.is_priority_zone(territory.cities[i].zone))
            .unwrap_or(false);
        let mut priority_families: Vec<u16> = site
            .priority_sectors
            .iter()
            .map(|s| sectors.family(s))
            .filter(|f| *f != UNKNOWN)
            .collect();
        priority_families.sort_unstable();
        priority_families.dedup();
        PreparedSite {
            kind: site.kind,
            available_from: day(site.available_from),
            available_until: site.available_until.map_or(i32::MAX, day),
            max_months: site.max_occupation_months.unwrap_or(u32::MAX),
            features: feature_mask(&site.features),
            priority_sectors: site
                .priority_sectors
                .iter()
                .map(|s| sectors.sector(s))
                .collect(),
            priority_families,
            excluded_sectors: site
                .excluded_sectors
                .iter()
                .map(|s| sectors.sector(s))
                .collect(),
            in_priority_zone,
            city: city.unwrap_or(usize::MAX),
            lots,
            use_mask,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PreparedStructure {
    pub sector: u16,
    pub family: u16,
    pub surface_min: f64,
    pub surface_max: f64,
    pub use_mask: u8,
    pub required_features: u16,
    pub start: i32,
    /// Days from the first to the last day of the need.
    pub needed_days: i32,
    pub duration_months: u32,
    pub budget: f64,
    pub anchored: bool,
    /// City indices; empty means no preference.
    pub preferred_cities: Vec<usize>,
    /// Urgency value by site kind (transitional, incubator, permanent).
    pub urgency: [f64; 3],
}

pub fn kind_index(kind: SiteKind) -> usize {
    match kind {
        SiteKind::Transitional => 0,
        SiteKind::Incubator => 1,
        SiteKind::Permanent => 2,
    }
}

impl PreparedStructure {
    pub fn new(
        structure: &Structure,
        territory: &Territory,
        sectors: &SectorIndex,
        today: NaiveDate,
        settings: &Settings,
    ) -> Self {
        let needs = &structure.needs;
        let situation = urgency::situation(structure, today, settings);
        let anchored = territory.city(&structure.home_city).is_some()
            || structure.pathway.iter().any(|e| e.site.is_some());
        PreparedStructure {
            sector: sectors.sector(&structure.sector),
            family: sectors.family(&structure.sector),
            surface_min: needs.surface_min.value(),
            surface_max: needs.surface_max.value(),
            use_mask: needs.use_types.iter().fold(0, |m, u| m | use_bit(*u)),
            required_features: feature_mask(&needs.required_features),
            start: day(needs.start),
            needed_days: (needs.end() - needs.start)
                .num_days()
                .clamp(0, i64::from(i32::MAX)) as i32,
            duration_months: needs.duration.in_months(),
            budget: needs.max_annual_budget.to_f64(),
            anchored,
            preferred_cities: needs
                .preferred_cities
                .iter()
                .filter_map(|c| territory.cities.iter().position(|t| &t.insee == c))
                .collect(),
            urgency: [
                SiteKind::Transitional,
                SiteKind::Incubator,
                SiteKind::Permanent,
            ]
            .map(|k| urgency::value(situation, k, settings)),
        }
    }

    pub fn prefers_city(&self, city: usize) -> bool {
        self.preferred_cities.is_empty() || self.preferred_cities.contains(&city)
    }
}
