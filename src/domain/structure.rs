//! Structures: the ESS organisations that apply, their needs and their residential pathway.

use crate::domain::site::Feature;
use crate::domain::{
    Agreement, CallId, Fee, Grant, InseeCode, LotId, Money, SectorCode, SiteId, StructureId,
    Support, Surface, UseType,
};
use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Legal forms of the social and solidarity economy (loi 2014-856) and neighbours.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LegalForm {
    Association,
    Scop,
    Scic,
    Cae,
    OtherCooperative,
    CommercialEsus,
    Fondation,
    Mutuelle,
    EntrepriseInsertion,
    Etti,
    AssociationIntermediaire,
    AtelierChantierInsertion,
    EaEsat,
    Ebe,
    Artist,
    InformalCollective,
}

impl LegalForm {
    pub const ALL: [LegalForm; 16] = [
        LegalForm::Association,
        LegalForm::Scop,
        LegalForm::Scic,
        LegalForm::Cae,
        LegalForm::OtherCooperative,
        LegalForm::CommercialEsus,
        LegalForm::Fondation,
        LegalForm::Mutuelle,
        LegalForm::EntrepriseInsertion,
        LegalForm::Etti,
        LegalForm::AssociationIntermediaire,
        LegalForm::AtelierChantierInsertion,
        LegalForm::EaEsat,
        LegalForm::Ebe,
        LegalForm::Artist,
        LegalForm::InformalCollective,
    ];

    /// Inclusion-through-work structures (SIAE).
    pub fn is_siae(self) -> bool {
        matches!(
            self,
            LegalForm::EntrepriseInsertion
                | LegalForm::Etti
                | LegalForm::AssociationIntermediaire
                | LegalForm::AtelierChantierInsertion
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    Months,
    Years,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duration {
    pub value: u32,
    pub unit: DurationUnit,
}

impl Duration {
    pub fn months(value: u32) -> Self {
        Duration {
            value,
            unit: DurationUnit::Months,
        }
    }

    pub fn in_months(self) -> u32 {
        match self.unit {
            DurationUnit::Months => self.value,
            DurationUnit::Years => self.value.saturating_mul(12),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Needs {
    pub surface_min: Surface,
    pub surface_max: Surface,
    pub use_types: Vec<UseType>,
    #[serde(default)]
    pub required_features: Vec<Feature>,
    pub start: NaiveDate,
    pub duration: Duration,
    /// Most the structure can pay a year for its premises, charges included, in €.
    pub max_annual_budget: Money,
    #[serde(default)]
    pub preferred_cities: Vec<InseeCode>,
}

impl Needs {
    /// Last day the structure needs the premises (inclusive): 24 months from 2027-03-01 end on
    /// 2029-02-28.
    pub fn end(&self) -> NaiveDate {
        self.start
            .checked_add_months(Months::new(self.duration.in_months()))
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Jobs {
    /// Current full-time equivalents.
    pub fte: f64,
    /// Inclusion posts (parcours d'insertion) among them.
    #[serde(default)]
    pub inclusion_posts: u32,
    /// Local jobs the structure plans to create on the territory.
    #[serde(default)]
    pub planned_local_jobs: u32,
}

/// Personal data. The wrapper is transparent on disk, but its type tells every export to leave
/// it out unless the officer explicitly asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Personal<T>(pub T);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EpisodeKind {
    Incubation,
    Transitional,
    Permanent,
    /// Premises outside the programmes (private lease, home, elsewhere).
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EpisodeOutcome {
    /// Decided (a placement recorded), not started: the next step, not where the structure is.
    Planned,
    /// Still there.
    Ongoing,
    /// Moved on to the next step of the pathway.
    MovedOn,
    /// Left the territory.
    LeftTerritory,
    /// Activity stopped.
    Ceased,
}

/// One stay of a structure somewhere: an incubator, a temporary occupation, permanent premises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PathwayEpisode {
    pub kind: EpisodeKind,
    /// The site, when it is in the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<SiteId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot: Option<LotId>,
    /// Free-text place, for premises outside the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub from: NaiveDate,
    /// Planned or actual end; none for an open-ended stay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<Fee>,
    /// Surface occupied, when it is not the whole lot (a part of a divisible lot, a place
    /// outside the catalogue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surface: Option<Surface>,
    /// The agreement the stay is held under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// The application it answers, when the placement came from a call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<ApplicationRef>,
    pub outcome: EpisodeOutcome,
}

/// A call's application, from the episode's side: the structure is the episode's own, so the
/// call and the site applied for name the application (its key in the call's review).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationRef {
    pub call: CallId,
    pub site: SiteId,
}

impl PathwayEpisode {
    /// True when the episode covers `day` (an open end covers everything after `from`).
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }

    /// Decided but not started: not a place the structure is or was in.
    pub fn is_planned(&self) -> bool {
        self.outcome == EpisodeOutcome::Planned
    }

    /// True when the two stays share a day. A move on the same day (one ends on the 31st, the
    /// next starts on the 31st) is not an overlap.
    pub fn overlaps(&self, other: &PathwayEpisode) -> bool {
        let starts_before_end =
            |x: &PathwayEpisode, y: &PathwayEpisode| y.to.is_none_or(|to| x.from < to);
        starts_before_end(self, other) && starts_before_end(other, self)
    }

    /// Last day of the stay: its `to`, else the end of its agreement; none when open-ended.
    pub fn end(&self) -> Option<NaiveDate> {
        self.to
            .or_else(|| self.agreement.as_ref().and_then(|a| a.end))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    pub id: StructureId,
    pub name: String,
    pub legal_form: LegalForm,
    /// 14 digits, checked with the Luhn key; none for informal collectives or pending ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siret: Option<String>,
    /// Holds the ESUS agreement (entreprise solidaire d'utilité sociale).
    #[serde(default)]
    pub esus: bool,
    pub created_on: NaiveDate,
    pub home_city: InseeCode,
    pub sector: SectorCode,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub jobs: Jobs,
    #[serde(default)]
    pub youth_led: bool,
    pub needs: Needs,
    /// Impact-fund grant requested, in €.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant_requested: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Personal<Contact>>,
    /// The residential pathway, oldest episode first; planned episodes come last.
    #[serde(default)]
    pub pathway: Vec<PathwayEpisode>,
    /// Impact-fund grants, requested and decided, year by year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<Grant>,
    /// The support organisations that follow (or followed) the structure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<Support>,
}

impl Structure {
    /// The lived episode covering `today`, if any (the latest-starting one when several do).
    /// A planned episode is where the structure will go, never where it is.
    pub fn current_episode(&self, today: NaiveDate) -> Option<&PathwayEpisode> {
        self.pathway
            .iter()
            .filter(|e| !e.is_planned() && e.covers(today))
            .max_by_key(|e| e.from)
    }
}

/// True for a 14-digit SIRET whose Luhn checksum holds. La Poste's establishments
/// (SIREN 356 000 000) follow another rule: their digits add up to a multiple of 5.
pub fn is_valid_siret(siret: &str) -> bool {
    if siret.len() != 14 || !siret.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let digits: Vec<u32> = siret.bytes().map(|b| u32::from(b - b'0')).collect();
    let la_poste = siret.starts_with("356000000") && digits.iter().sum::<u32>().is_multiple_of(5);
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10) || la_poste
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siret_luhn() {
        // SIRET of the INSEE head office, published.
        assert!(is_valid_siret("12002701600357"));
        assert!(!is_valid_siret("12002701600358"));
        assert!(!is_valid_siret("1200270160035"));
        assert!(!is_valid_siret("1200270160035a"));
        // La Poste: head office passes Luhn, establishments use the digit-sum rule.
        assert!(is_valid_siret("35600000000048"));
        assert!(is_valid_siret("35600000012346"));
    }

    #[test]
    fn need_ends_on_its_last_day() {
        let needs = Needs {
            surface_min: Surface::m2(10.0),
            surface_max: Surface::m2(20.0),
            use_types: vec![UseType::Office],
            required_features: Vec::new(),
            start: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            duration: Duration::months(24),
            max_annual_budget: Money::euros(1000),
            preferred_cities: Vec::new(),
        };
        assert_eq!(needs.end(), NaiveDate::from_ymd_opt(2029, 2, 28).unwrap());
    }

    #[test]
    fn duration_in_months() {
        assert_eq!(
            Duration {
                value: 3,
                unit: DurationUnit::Years
            }
            .in_months(),
            36
        );
        assert_eq!(Duration::months(18).in_months(), 18);
    }
}
