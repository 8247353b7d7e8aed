//! Builds a synthetic workspace on a given territory: plausible surfaces, fees, dates and
//! pathway histories, every reference valid, so `ancrage check` passes on it.

use super::rng::Rng;
use crate::domain::{
    Application, Call, CallId, Contact, Duration, DurationUnit, EpisodeKind, EpisodeOutcome,
    Feature, Fee, FeeUnit, Jobs, LegalForm, Lot, LotId, Money, Needs, PathwayEpisode, Personal,
    Programme, SectorCode, Site, SiteId, SiteKind, SiteStatus, Structure, StructureId, Surface,
    Territory, UseType, Weights, Workspace,
};
use chrono::{Duration as Days, Months, NaiveDate};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub structures: usize,
    pub sites: usize,
}

/// Typical surfaces by use (m², min–max), from the field notes (illustrative).
fn surface_range(use_type: UseType) -> (f64, f64) {
    match use_type {
        UseType::Office => (10.0, 50.0),
        UseType::Workshop => (30.0, 200.0),
        UseType::Storage => (20.0, 100.0),
        UseType::Shop => (30.0, 100.0),
        UseType::Outdoor => (200.0, 3000.0),
        UseType::Mixed => (50.0, 400.0),
    }
}

fn round_to(value: f64, step: f64) -> f64 {
    ((value / step).round() * step).max(step)
}

fn euros(value: f64) -> Money {
    Money(Decimal::from(value.round() as i64))
}

fn cents(value: f64) -> Money {
    Money(Decimal::from((value * 100.0).round() as i64) / Decimal::from(100))
}

/// A valid SIRET: 13 random digits and the Luhn key.
fn siret(rng: &mut Rng) -> String {
    let mut digits: Vec<u32> = (0..13).map(|_| rng.range(0, 10) as u32).collect();
    digits[0] = rng.range(1, 10) as u32;
    // La Poste's prefix follows another rule; avoid it.
    if digits[..3] == [3, 5, 6] {
        digits[0] = 4;
    }
    // The key is the last digit, so it is never doubled; the others alternate from the right.
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    digits.push((10 - sum % 10) % 10);
    digits.iter().map(|d| char::from(b'0' + *d as u8)).collect()
}

const SITE_WORDS: [&str; 12] = [
    "Halle",
    "Friche",
    "Atelier",
    "Entrepôt",
    "Pavillon",
    "Manufacture",
    "Dépôt",
    "Fabrique",
    "Hangar",
    "Local",
    "Cour",
    "Usine",
];
const STRUCTURE_WORDS: [&str; 16] = [
    "Ressourcerie",
    "Atelier",
    "Coopérative",
    "Collectif",
    "Fabrique",
    "Cuisine",
    "Jardin",
    "Réparation",
    "Compagnie",
    "Studio",
    "École",
    "Recyclerie",
    "Menuiserie",
    "Ferme",
    "Vélo",
    "Textile",
];
const NAME_WORDS: [&str; 14] = [
    "des Lilas",
    "du Canal",
    "de l'Ourcq",
    "Solidaire",
    "du Faubourg",
    "Partagée",
    "des Murs",
    "du Quartier",
    "Nomade",
    "des Possibles",
    "Commune",
    "de la Plaine",
    "du Parc",
    "Vive",
];

fn site_kind(rng: &mut Rng) -> (SiteKind, Programme) {
    let x = rng.unit();
    if x < 0.45 {
        let p = if rng.chance(0.8) {
            Programme::Tempo
        } else {
            Programme::UsineDesTransitions
        };
        (SiteKind::Transitional, p)
    } else if x < 0.6 {
        (SiteKind::Incubator, Programme::Incubator)
    } else {
        let p = *rng.pick(&[
            Programme::BusinessHotel,
            Programme::ZacLot,
            Programme::CircularEconomyPole,
        ]);
        (SiteKind::Permanent, p)
    }
}

fn fee(rng: &mut Rng, kind: SiteKind) -> Fee {
    match kind {
        SiteKind::Transitional => Fee {
            amount: cents(rng.between(1.0, 8.0)),
            unit: FeeUnit::PerM2Month,
            charges_included: false,
            charges_provision_month: Some(euros(rng.between(50.0, 400.0))),
        },
        SiteKind::Incubator => Fee {
            amount: euros(rng.between(150.0, 600.0)),
            unit: FeeUnit::FlatMonth,
            charges_included: true,
            charges_provision_month: None,
        },
        SiteKind::Permanent => Fee {
            amount: euros(rng.between(100.0, 190.0)),
            unit: FeeUnit::PerM2Year,
            charges_included: rng.chance(0.5),
            charges_provision_month: None,
        },
    }
}

fn site(
    rng: &mut Rng,
    index: usize,
    territory: &Territory,
    sectors: &[SectorCode],
    today: NaiveDate,
) -> Site {
    let (kind, programme) = site_kind(rng);
    let city = rng.pick(&territory.cities);
    let lot_count = rng.range(1, 7) as usize;
    let lots: Vec<Lot> = (0..lot_count)
        .map(|l| {
            let use_type = *rng.pick(&UseType::ALL);
            let (low, high) = surface_range(use_type);
            let surface = round_to(rng.between(low, high * 1.5), 5.0);
            Lot {
                id: LotId::new(format!("lot-{}", l + 1)),
                label: format!("Lot {}", l + 1),
                surface: Surface::m2(surface),
                use_type,
                divisible: matches!(use_type, UseType::Outdoor | UseType::Mixed) || rng.chance(0.2),
                floor: if use_type == UseType::Outdoor {
                    None
                } else {
                    Some(rng.range(0, 3) as i8)
                },
                available_from: None,
                fee: fee(rng, kind),
            }
        })
        .collect();
    let available_from = today + Days::days(rng.range(0, 300) as i64);
    let (available_until, max_months) = match kind {
        SiteKind::Transitional => {
            let months = *rng.pick(&[18u32, 24, 36]);
            (
                available_from.checked_add_months(Months::new(months)),
                Some(months),
            )
        }
        SiteKind::Incubator => (None, Some(*rng.pick(&[24u32, 36, 48]))),
        SiteKind::Permanent => (None, None),
    };
    let priority_sectors = (0..rng.range(0, 4))
        .map(|_| rng.pick(sectors).clone())
        .collect();
    let excluded_sectors = if rng.chance(0.2) {
        vec![rng.pick(sectors).clone()]
    } else {
        Vec::new()
    };
    let features = Feature::ALL
        .iter()
        .copied()
        .filter(|_| rng.chance(0.5))
        .collect();
    let word = rng.pick(&SITE_WORDS);
    Site {
        id: SiteId::new(format!("site-{:05}", index + 1)),
        name: format!("{word} {} n° {}", city.name, index + 1),
        programme,
        kind,
        city: city.insee.clone(),
        address: format!(
            "{} rue de la Démonstration, {}",
            rng.range(1, 200),
            city.name
        ),
        lat: city.lat + rng.between(-0.008, 0.008),
        lon: city.lon + rng.between(-0.008, 0.008),
        owner: "Aménageur fictif".to_owned(),
        available_from,
        available_until,
        max_occupation_months: max_months,
        total_surface: None,
        lots,
        features,
        priority_sectors,
        excluded_sectors,
        call_deadline: None,
        status: if available_from > today {
            SiteStatus::Upcoming
        } else {
            SiteStatus::Open
        },
        description: "Lieu fictif généré pour les tests de charge.".to_owned(),
        sources: Vec::new(),
        illustrative: vec!["*".to_owned()],
    }
}

fn pathway(rng: &mut Rng, sites: &[Site], today: NaiveDate) -> Vec<PathwayEpisode> {
    let mut episodes = Vec::new();
    let mut day = today - Days::days(rng.range(200, 2500) as i64);
    for _ in 0..rng.range(0, 4) {
        let kind = *rng.pick(&[
            EpisodeKind::Incubation,
            EpisodeKind::Transitional,
            EpisodeKind::Other,
        ]);
        let length = rng.range(180, 1100) as i64;
        let to = day + Days::days(length);
        let on_site = !sites.is_empty() && kind != EpisodeKind::Other && rng.chance(0.7);
        let (site, lot) = if on_site {
            let s = rng.pick(sites);
            (Some(s.id.clone()), s.lots.first().map(|l| l.id.clone()))
        } else {
            (None, None)
        };
        let ongoing = to >= today;
        episodes.push(PathwayEpisode {
            kind,
            site,
            lot,
            place: if on_site {
                None
            } else {
                Some("Local hors catalogue".to_owned())
            },
            from: day,
            to: Some(to),
            fee: None,
            surface: None,
            agreement: None,
            application: None,
            outcome: if ongoing {
                EpisodeOutcome::Ongoing
            } else {
                EpisodeOutcome::MovedOn
            },
        });
        if ongoing {
            break;
        }
        day = to + Days::days(1);
    }
    episodes
}

fn structure(
    rng: &mut Rng,
    index: usize,
    territory: &Territory,
    sectors: &[SectorCode],
    sites: &[Site],
    today: NaiveDate,
) -> Structure {
    let legal_form = *rng.pick(&LegalForm::ALL);
    let use_types: Vec<UseType> = {
        let first = *rng.pick(&UseType::ALL[..5]);
        let mut v = vec![first];
        if rng.chance(0.3) {
            let second = *rng.pick(&UseType::ALL[..5]);
            if second != first {
                v.push(second);
            }
        }
        v
    };
    let (low, high) = surface_range(use_types[0]);
    let min = round_to(rng.between(low, high), 5.0);
    let max = round_to(min * rng.between(1.2, 2.5), 5.0);
    // Budgets between a tight and a comfortable fee for the surface wanted.
    let budget = round_to(min * rng.between(30.0, 200.0), 100.0);
    let informal = matches!(
        legal_form,
        LegalForm::InformalCollective | LegalForm::Artist
    );
    let city = rng.pick(&territory.cities);
    let word = rng.pick(&STRUCTURE_WORDS);
    let name_word = rng.pick(&NAME_WORDS);
    Structure {
        id: StructureId::new(format!("structure-{:06}", index + 1)),
        name: format!("{word} {name_word} {}", index + 1),
        legal_form,
        siret: if informal { None } else { Some(siret(rng)) },
        esus: rng.chance(0.4),
        created_on: today - Days::days(rng.range(100, 5000) as i64),
        home_city: city.insee.clone(),
        sector: rng.pick(sectors).clone(),
        description: "Structure fictive générée pour les tests de charge.".to_owned(),
        jobs: Jobs {
            fte: (rng.between(0.0, 25.0) * 2.0).round() / 2.0,
            inclusion_posts: if legal_form.is_siae() {
                rng.range(2, 30) as u32
            } else {
                0
            },
            planned_local_jobs: rng.range(0, 8) as u32,
        },
        youth_led: rng.chance(0.2),
        needs: Needs {
            surface_min: Surface::m2(min),
            surface_max: Surface::m2(max),
            required_features: Feature::ALL
                .iter()
                .copied()
                .filter(|_| rng.chance(0.08))
                .collect(),
            use_types,
            start: today + Days::days(rng.range(15, 300) as i64),
            duration: if rng.chance(0.5) {
                Duration::months(*rng.pick(&[12u32, 18, 24, 36]))
            } else {
                Duration {
                    value: rng.range(1, 6) as u32,
                    unit: DurationUnit::Years,
                }
            },
            max_annual_budget: euros(budget),
            preferred_cities: if rng.chance(0.3) {
                vec![rng.pick(&territory.cities).insee.clone()]
            } else {
                Vec::new()
            },
        },
        grant_requested: if rng.chance(0.3) {
            Some(euros(round_to(rng.between(2000.0, 30000.0), 500.0)))
        } else {
            None
        },
        contact: Some(Personal(Contact {
            name: format!("Contact fictif {}", index + 1),
            email: Some(format!("contact{}@example.org", index + 1)),
            phone: None,
        })),
        pathway: pathway(rng, sites, today),
        grants: Vec::new(),
        support: Vec::new(),
    }
}

/// Generates `size` sites and structures on `territory`, plus one call in which about one
/// structure in thirty applies to one or two transitional sites.
pub fn generate(territory: &Territory, size: Size, seed: u64, today: NaiveDate) -> Workspace {
    let mut rng = Rng::new(seed);
    let sectors: Vec<SectorCode> = territory.sectors().map(|s| s.code.clone()).collect();
    let sectors = if sectors.is_empty() {
        vec![SectorCode::new("autre")]
    } else {
        sectors
    };
    let sites: Vec<Site> = (0..size.sites)
        .map(|i| site(&mut rng, i, territory, &sectors, today))
        .collect();
    let structures: Vec<Structure> = (0..size.structures)
        .map(|i| structure(&mut rng, i, territory, &sectors, &sites, today))
        .collect();
    let transitional: Vec<&Site> = sites
        .iter()
        .filter(|s| s.kind == SiteKind::Transitional)
        .collect();
    let mut applications = Vec::new();
    if !transitional.is_empty() {
        for s in &structures {
            if !rng.chance(1.0 / 30.0) {
                continue;
            }
            let mut wished = vec![rng.pick(&transitional).id.clone()];
            let other = rng.pick(&transitional).id.clone();
            if rng.chance(0.3) && other != wished[0] {
                wished.push(other);
            }
            applications.push(Application {
                structure: s.id.clone(),
                sites: wished,
                submitted_on: Some(today),
                dossier: None,
            });
        }
    }
    let call = Call {
        id: CallId::new("appel-synthetique"),
        title: "Appel synthétique (données générées)".to_owned(),
        programme: Programme::Tempo,
        sites: transitional.iter().map(|s| s.id.clone()).collect(),
        deadline: today + Days::days(60),
        weights: Weights::default(),
        tolerances: Default::default(),
        applications,
    };
    Workspace {
        territory: territory.clone(),
        sites,
        structures,
        calls: vec![call],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::structure::is_valid_siret;

    #[test]
    fn sirets_are_valid() {
        let mut rng = Rng::new(1);
        for _ in 0..500 {
            let s = siret(&mut rng);
            assert!(is_valid_siret(&s), "{s}");
        }
    }
}
