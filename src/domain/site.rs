//! Sites (transitional occupations, incubators, permanent premises) and their lots.

use crate::domain::{Fee, InseeCode, LotId, SectorCode, SiteId, Surface};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// AMI Temp'O: temporary occupation of land or buildings awaiting a project.
    Tempo,
    /// Usine des transitions (former Saft plant), Romainville / Noisy-le-Sec.
    UsineDesTransitions,
    Incubator,
    BusinessHotel,
    ZacLot,
    CircularEconomyPole,
    Other,
}

impl Programme {
    pub const ALL: [Programme; 7] = [
        Programme::Tempo,
        Programme::UsineDesTransitions,
        Programme::Incubator,
        Programme::BusinessHotel,
        Programme::ZacLot,
        Programme::CircularEconomyPole,
        Programme::Other,
    ];
}

/// Where a site sits on the residential pathway.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SiteKind {
    Transitional,
    Incubator,
    Permanent,
}

impl SiteKind {
    pub const ALL: [SiteKind; 3] = [
        SiteKind::Transitional,
        SiteKind::Incubator,
        SiteKind::Permanent,
    ];
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum UseType {
    Office,
    Workshop,
    Storage,
    Shop,
    Outdoor,
    Mixed,
}

impl UseType {
    pub const ALL: [UseType; 6] = [
        UseType::Office,
        UseType::Workshop,
        UseType::Storage,
        UseType::Shop,
        UseType::Outdoor,
        UseType::Mixed,
    ];

    /// A mixed lot can host any use; otherwise the use must match.
    pub fn serves(self, wanted: UseType) -> bool {
        self == wanted || self == UseType::Mixed
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    PublicReception,
    StepFreeAccess,
    GroundFloor,
    Water,
    ThreePhasePower,
    TruckAccess,
    Fibre,
    OutdoorSpace,
    Kitchen,
    Storage,
}

impl Feature {
    pub const ALL: [Feature; 10] = [
        Feature::PublicReception,
        Feature::StepFreeAccess,
        Feature::GroundFloor,
        Feature::Water,
        Feature::ThreePhasePower,
        Feature::TruckAccess,
        Feature::Fibre,
        Feature::OutdoorSpace,
        Feature::Kitchen,
        Feature::Storage,
    ];
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SiteStatus {
    Upcoming,
    Open,
    Occupied,
    Closed,
}

impl SiteStatus {
    pub const ALL: [SiteStatus; 4] = [
        SiteStatus::Upcoming,
        SiteStatus::Open,
        SiteStatus::Occupied,
        SiteStatus::Closed,
    ];
}

/// A published source for the figures of a site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lot {
    pub id: LotId,
    pub label: String,
    pub surface: Surface,
    pub use_type: UseType,
    /// True when the lot can be taken in part (an open floor, a friche).
    pub divisible: bool,
    /// Floor number, 0 for the ground floor; none for outdoor land.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<i8>,
    /// When the lot itself becomes available, if later than the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_from: Option<NaiveDate>,
    pub fee: Fee,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub id: SiteId,
    pub name: String,
    pub programme: Programme,
    pub kind: SiteKind,
    pub city: InseeCode,
    pub address: String,
    pub lat: f64,
    pub lon: f64,
    /// Owner or developer (aménageur) of the site.
    pub owner: String,
    pub available_from: NaiveDate,
    /// When the space must be vacated (works start); none for permanent premises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_until: Option<NaiveDate>,
    /// Longest occupation offered, in months; none when unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_occupation_months: Option<u32>,
    /// Total surface of the site, when known (lots may not cover all of it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_surface: Option<Surface>,
    pub lots: Vec<Lot>,
    #[serde(default)]
    pub features: Vec<Feature>,
    #[serde(default)]
    pub priority_sectors: Vec<SectorCode>,
    #[serde(default)]
    pub excluded_sectors: Vec<SectorCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_deadline: Option<NaiveDate>,
    pub status: SiteStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Field paths whose figures are illustrative (no published source), e.g. `lots[].fee`.
    /// Shown to the officer so they know to replace them with the figures of the real call.
    #[serde(default)]
    pub illustrative: Vec<String>,
}

impl Site {
    pub fn lot(&self, id: &LotId) -> Option<&Lot> {
        self.lots.iter().find(|l| &l.id == id)
    }

    pub fn lots_surface(&self) -> Surface {
        self.lots.iter().map(|l| l.surface).sum()
    }

    pub fn has_feature(&self, feature: Feature) -> bool {
        self.features.contains(&feature)
    }

    pub fn is_illustrative(&self) -> bool {
        !self.illustrative.is_empty()
    }
}
