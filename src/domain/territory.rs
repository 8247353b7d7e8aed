//! The territory: its cities, their zones, the sector taxonomy and the impact-fund settings.
//! Everything here is an editable setting shipped with defaults, not a constant.

use crate::domain::{InseeCode, Money, SectorCode, SupportOrganisation};
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
    pub cap_per_structure: Money,
    /// The envelope voted for each year, oldest first. A year without its own figure keeps the
    /// latest earlier one (see `ImpactFund::envelope`).
    pub envelopes: Vec<FundEnvelope>,
}

/// The fund's envelope for one year, with where the figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundEnvelope {
    pub year: i32,
    pub amount: Money,
    /// The deliberation, budget or page the figure comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl ImpactFund {
    /// The envelope that applies to `year`: its own, else the latest earlier year's (a budget
    /// not yet voted is assumed to repeat). None before the first known year.
    pub fn envelope(&self, year: i32) -> Option<&FundEnvelope> {
        self.envelopes
            .iter()
            .filter(|e| e.year <= year)
            .max_by_key(|e| e.year)
    }

    /// The amount of `envelope(year)`, or zero when no year applies.
    pub fn envelope_amount(&self, year: i32) -> Money {
        self.envelope(year).map_or(Money::ZERO, |e| e.amount)
    }
}

/// Settings of the residential pathway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PathwaySettings {
    /// How long an incubation lasts when its episode gives no end: past it, the structure
    /// should have moved on.
    pub incubation_exit_months: u32,
}

impl Default for PathwaySettings {
    fn default() -> Self {
        PathwaySettings {
            incubation_exit_months: 24,
        }
    }
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
    #[serde(default)]
    pub pathway: PathwaySettings,
    /// The accompaniment network a structure's support may name.
    #[serde(default)]
    pub support_organisations: Vec<SupportOrganisation>,
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

    /// The zone of a city, if the city is known.
    pub fn zone_of(&self, insee: &InseeCode) -> Option<Zone> {
        self.city(insee).map(|c| c.zone)
    }

    pub fn support_organisation(&self, code: &str) -> Option<&SupportOrganisation> {
        self.support_organisations.iter().find(|o| o.code == code)
    }

    /// The organisation's name, or its code when it is not listed.
    pub fn support_organisation_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.support_organisation(code)
            .map_or(code, |o| o.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope(year: i32, amount: i64) -> FundEnvelope {
        FundEnvelope {
            year,
            amount: Money::euros(amount),
            source: String::new(),
        }
    }

    #[test]
    fn a_year_without_its_own_envelope_keeps_the_latest_earlier_one() {
        let fund = ImpactFund {
            cap_per_structure: Money::euros(30_000),
            envelopes: vec![envelope(2023, 270_000), envelope(2026, 300_000)],
        };
        assert_eq!(fund.envelope(2022), None);
        assert_eq!(fund.envelope_amount(2022), Money::ZERO);
        assert_eq!(fund.envelope(2023).unwrap().year, 2023);
        assert_eq!(fund.envelope(2025).unwrap().year, 2023);
        assert_eq!(fund.envelope_amount(2026), Money::euros(300_000));
        assert_eq!(fund.envelope_amount(2031), Money::euros(300_000));
    }
}
