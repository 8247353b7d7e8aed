//! The territory: its cities, their zones, the sector taxonomy and the impact-fund settings.
//! Everything here is an editable setting shipped with defaults, not a constant.

use crate::domain::{InseeCode, Money, SectorCode};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a city lies with respect to the West → North/East rebalancing policy.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Zone {
    Ouest,
    Nord,
    Est,
}

impl Zone {
    pub const ALL: [Zone; 3] = [Zone::Ouest, Zone::Nord, Zone::Est];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct City {
    pub insee: InseeCode,
    pub name: String,
    /// Municipal population (INSEE, 2019).
    pub population: u32,
    pub zone: Zone,
    /// True when the city has at least one priority neighbourhood (QPV).
    pub qpv: bool,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub code: SectorCode,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectorFamily {
    pub code: String,
    pub label: String,
    pub sectors: Vec<Sector>,
}

/// The impact fund (fonds à impact) that grants operating or investment money to structures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImpactFund {
    pub annual_envelope: Money,
    pub cap_per_structure: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    pub name: String,
    pub cities: Vec<City>,
    /// Zones the rebalancing policy favours (by default Nord and Est).
    pub priority_zones: Vec<Zone>,
    pub sector_families: Vec<SectorFamily>,
    pub impact_fund: ImpactFund,
}

impl Territory {
    pub fn city(&self, insee: &InseeCode) -> Option<&City> {
        self.cities.iter().find(|c| &c.insee == insee)
    }

    pub fn city_name<'a>(&'a self, insee: &'a InseeCode) -> &'a str {
        self.city(insee).map_or(insee.as_str(), |c| c.name.as_str())
    }

    /// The family a sector belongs to, if the sector is known.
    pub fn family_of(&self, sector: &SectorCode) -> Option<&SectorFamily> {
        self.sector_families
            .iter()
            .find(|f| f.sectors.iter().any(|s| &s.code == sector))
    }

    pub fn sector(&self, code: &SectorCode) -> Option<&Sector> {
        self.sector_families
            .iter()
            .flat_map(|f| &f.sectors)
            .find(|s| &s.code == code)
    }

    pub fn sector_label<'a>(&'a self, code: &'a SectorCode) -> &'a str {
        self.sector(code)
            .map_or(code.as_str(), |s| s.label.as_str())
    }

    pub fn sectors(&self) -> impl Iterator<Item = &Sector> {
        self.sector_families.iter().flat_map(|f| &f.sectors)
    }

    pub fn is_priority_zone(&self, zone: Zone) -> bool {
        self.priority_zones.contains(&zone)
    }
}
