//! Fixtures shared by the integration tests: a small territory built in code (independent of
//! the shipped catalogue, so a catalogue edit cannot silently change what a test checks).
#![allow(dead_code)]

use ancrage::domain::{
    City, FundEnvelope, ImpactFund, InseeCode, Money, PathwaySettings, Sector, SectorCode,
    SectorFamily, Territory, Zone,
};
use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date")
}

fn city(insee: &str, name: &str, population: u32, zone: Zone, lat: f64, lon: f64) -> City {
    City {
        insee: InseeCode::new(insee),
        name: name.to_owned(),
        population,
        zone,
        qpv: true,
        lat,
        lon,
    }
}

fn family(code: &str, label: &str, sectors: &[(&str, &str)]) -> SectorFamily {
    SectorFamily {
        code: code.to_owned(),
        label: label.to_owned(),
        sectors: sectors
            .iter()
            .map(|(c, l)| Sector {
                code: SectorCode::new(*c),
                label: (*l).to_owned(),
            })
            .collect(),
    }
}

pub fn territory() -> Territory {
    Territory {
        name: "Est Ensemble".to_owned(),
        cities: vec![
            city("93006", "Bagnolet", 36060, Zone::Ouest, 48.869, 2.418),
            city("93008", "Bobigny", 54363, Zone::Nord, 48.908, 2.440),
            city("93010", "Bondy", 54587, Zone::Est, 48.902, 2.483),
            city(
                "93061",
                "Le Pré-Saint-Gervais",
                17351,
                Zone::Ouest,
                48.885,
                2.405,
            ),
            city("93045", "Les Lilas", 23447, Zone::Ouest, 48.880, 2.420),
            city("93048", "Montreuil", 111240, Zone::Ouest, 48.864, 2.449),
            city("93053", "Noisy-le-Sec", 44463, Zone::Est, 48.891, 2.460),
            city("93055", "Pantin", 59846, Zone::Ouest, 48.894, 2.409),
            city("93063", "Romainville", 30087, Zone::Est, 48.885, 2.435),
        ],
        priority_zones: vec![Zone::Nord, Zone::Est],
        sector_families: vec![
            family(
                "economie-circulaire",
                "Économie circulaire",
                &[("reemploi", "Réemploi"), ("reparation", "Réparation")],
            ),
            family(
                "alimentation",
                "Alimentation durable",
                &[
                    ("cuisine", "Cuisine solidaire"),
                    ("agriculture-urbaine", "Agriculture urbaine"),
                ],
            ),
            family(
                "culture",
                "Culture",
                &[
                    ("spectacle", "Spectacle vivant"),
                    ("arts-visuels", "Arts visuels"),
                ],
            ),
            family(
                "artisanat",
                "Artisanat et métiers d'art",
                &[("menuiserie", "Menuiserie"), ("textile", "Textile")],
            ),
        ],
        impact_fund: ImpactFund {
            cap_per_structure: Money::euros(30_000),
            envelopes: vec![FundEnvelope {
                year: 2023,
                amount: Money::euros(270_000),
                source: String::new(),
            }],
        },
        pathway: PathwaySettings::default(),
        support_organisations: Vec::new(),
    }
}
