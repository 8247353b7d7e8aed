//! A small hand-made workspace for the cockpit tests: five sites (the Usine des transitions
//! among them), six structures, one call. Built in code so a catalogue edit cannot change what
//! a snapshot shows.

use crate::support::territory;
use ancrage::domain::{
    Application, Call, CallId, Duration, DurationUnit, EpisodeKind, EpisodeOutcome, Feature, Fee,
    FeeUnit, InseeCode, Jobs, LegalForm, Lot, LotId, Money, Needs, PathwayEpisode, Programme,
    SectorCode, Site, SiteId, SiteKind, SiteStatus, Source, Structure, StructureId, Surface,
    UseType, Weights, Workspace,
};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn fee(amount: i64, unit: FeeUnit) -> Fee {
    Fee {
        amount: Money::euros(amount),
        unit,
        charges_included: true,
        charges_provision_month: None,
    }
}

fn lot(id: &str, label: &str, m2: f64, use_type: UseType, fee: Fee) -> Lot {
    Lot {
        id: LotId::new(id),
        label: label.to_owned(),
        surface: Surface::m2(m2),
        use_type,
        divisible: false,
        floor: Some(0),
        available_from: None,
        fee,
    }
}

struct SiteSpec {
    id: &'static str,
    name: &'static str,
    programme: Programme,
    kind: SiteKind,
    city: &'static str,
    from: NaiveDate,
    until: Option<NaiveDate>,
    lots: Vec<Lot>,
    sectors: &'static [&'static str],
}

fn site(spec: SiteSpec) -> Site {
    Site {
        id: SiteId::new(spec.id),
        name: spec.name.to_owned(),
        programme: spec.programme,
        kind: spec.kind,
        city: InseeCode::new(spec.city),
        address: format!("1 rue de l'exemple, {}", spec.city),
        lat: 48.88,
        lon: 2.44,
        owner: "Est Ensemble".to_owned(),
        available_from: spec.from,
        available_until: spec.until,
        max_occupation_months: spec.until.map(|_| 36),
        total_surface: None,
        lots: spec.lots,
        features: vec![
            Feature::GroundFloor,
            Feature::Water,
            Feature::ThreePhasePower,
        ],
        priority_sectors: spec.sectors.iter().map(|s| SectorCode::new(*s)).collect(),
        excluded_sectors: Vec::new(),
        call_deadline: None,
        status: SiteStatus::Open,
        description: String::new(),
        sources: vec![Source {
            url: "https://www.est-ensemble.fr".to_owned(),
            title: "Est Ensemble".to_owned(),
        }],
        illustrative: vec!["lots[].fee".to_owned()],
    }
}

pub fn sites() -> Vec<Site> {
    vec![
        site(SiteSpec {
            id: "usine-des-transitions",
            name: "Usine des transitions",
            programme: Programme::UsineDesTransitions,
            kind: SiteKind::Transitional,
            city: "93063",
            from: date(2026, 1, 1),
            until: Some(date(2029, 12, 31)),
            lots: vec![
                lot(
                    "halle-b2",
                    "Halle B2",
                    300.0,
                    UseType::Workshop,
                    fee(60, FeeUnit::PerM2Year),
                ),
                lot(
                    "bureaux-c",
                    "Bureaux C",
                    60.0,
                    UseType::Office,
                    fee(90, FeeUnit::PerM2Year),
                ),
            ],
            sectors: &["reemploi", "menuiserie"],
        }),
        site(SiteSpec {
            id: "ateliers-diderot",
            name: "Ateliers Diderot",
            programme: Programme::BusinessHotel,
            kind: SiteKind::Permanent,
            city: "93055",
            from: date(2024, 1, 15),
            until: None,
            lots: vec![
                lot(
                    "atelier-12",
                    "Atelier 12",
                    120.0,
                    UseType::Workshop,
                    fee(150, FeeUnit::PerM2Year),
                ),
                lot(
                    "bureau-3",
                    "Bureau 3",
                    40.0,
                    UseType::Office,
                    fee(180, FeeUnit::PerM2Year),
                ),
            ],
            sectors: &["menuiserie", "textile"],
        }),
        site(SiteSpec {
            id: "friche-rives-ourcq",
            name: "Friche des Rives de l'Ourcq",
            programme: Programme::Tempo,
            kind: SiteKind::Transitional,
            city: "93010",
            from: date(2026, 6, 1),
            until: Some(date(2028, 5, 31)),
            lots: vec![lot(
                "friche",
                "Friche",
                2000.0,
                UseType::Outdoor,
                fee(500, FeeUnit::FlatMonth),
            )],
            sectors: &["agriculture-urbaine", "spectacle"],
        }),
        site(SiteSpec {
            id: "pole-metiers-art",
            name: "Pôle des métiers d'art",
            programme: Programme::Other,
            kind: SiteKind::Permanent,
            city: "93061",
            from: date(2025, 9, 1),
            until: None,
            lots: vec![lot(
                "atelier-a",
                "Atelier A",
                60.0,
                UseType::Workshop,
                fee(15, FeeUnit::PerM2Month),
            )],
            sectors: &["textile", "arts-visuels"],
        }),
        site(SiteSpec {
            id: "pepitheque-mariama-ba",
            name: "Pépithèque Mariama Bâ",
            programme: Programme::Incubator,
            kind: SiteKind::Incubator,
            city: "93010",
            from: date(2026, 1, 5),
            until: None,
            lots: vec![lot(
                "poste-1",
                "Bureau partagé",
                25.0,
                UseType::Office,
                fee(120, FeeUnit::PerM2Year),
            )],
            sectors: &[],
        }),
    ]
}

struct StructureSpec {
    id: &'static str,
    name: &'static str,
    form: LegalForm,
    city: &'static str,
    sector: &'static str,
    surface: (f64, f64),
    uses: Vec<UseType>,
    budget: i64,
    months: u32,
    pathway: Vec<PathwayEpisode>,
}

fn structure(spec: StructureSpec) -> Structure {
    Structure {
        id: StructureId::new(spec.id),
        name: spec.name.to_owned(),
        legal_form: spec.form,
        siret: None,
        esus: false,
        created_on: date(2019, 3, 1),
        home_city: InseeCode::new(spec.city),
        sector: SectorCode::new(spec.sector),
        description: String::new(),
        jobs: Jobs {
            fte: 3.0,
            inclusion_posts: 1,
            planned_local_jobs: 2,
        },
        youth_led: false,
        needs: Needs {
            surface_min: Surface::m2(spec.surface.0),
            surface_max: Surface::m2(spec.surface.1),
            use_types: spec.uses,
            required_features: Vec::new(),
            start: date(2026, 12, 1),
            duration: Duration {
                value: spec.months,
                unit: DurationUnit::Months,
            },
            max_annual_budget: Money::euros(spec.budget),
            preferred_cities: Vec::new(),
        },
        grant_requested: None,
        contact: None,
        pathway: spec.pathway,
        grants: Vec::new(),
        support: Vec::new(),
    }
}

fn episode(
    kind: EpisodeKind,
    place: &str,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> PathwayEpisode {
    PathwayEpisode {
        kind,
        site: None,
        lot: None,
        place: Some(place.to_owned()),
        from,
        to,
        fee: None,
        surface: None,
        agreement: None,
        application: None,
        outcome: EpisodeOutcome::Ongoing,
    }
}

pub fn structures() -> Vec<Structure> {
    vec![
        structure(StructureSpec {
            id: "recyclerie-des-lilas",
            name: "La Recyclerie des Lilas",
            form: LegalForm::Association,
            city: "93045",
            sector: "reemploi",
            surface: (150.0, 350.0),
            uses: vec![UseType::Workshop, UseType::Storage],
            budget: 30_000,
            months: 24,
            pathway: vec![episode(
                EpisodeKind::Transitional,
                "Entrepôt prêté, Les Lilas",
                date(2024, 2, 1),
                Some(date(2027, 1, 31)),
            )],
        }),
        structure(StructureSpec {
            id: "menuiserie-du-canal",
            name: "Menuiserie partagée du Canal",
            form: LegalForm::Scop,
            city: "93055",
            sector: "menuiserie",
            surface: (80.0, 200.0),
            uses: vec![UseType::Workshop],
            budget: 20_000,
            months: 36,
            pathway: vec![episode(
                EpisodeKind::Incubation,
                "Pépinière de Pantin",
                date(2023, 9, 1),
                Some(date(2026, 8, 31)),
            )],
        }),
        structure(StructureSpec {
            id: "cuisine-solidaire-bobigny",
            name: "Cuisine solidaire de Bobigny",
            form: LegalForm::Scic,
            city: "93008",
            sector: "cuisine",
            surface: (50.0, 120.0),
            uses: vec![UseType::Workshop, UseType::Shop],
            budget: 15_000,
            months: 24,
            pathway: Vec::new(),
        }),
        structure(StructureSpec {
            id: "economie-du-partage",
            name: "Économie du partage",
            form: LegalForm::Scic,
            city: "93053",
            sector: "reparation",
            surface: (40.0, 80.0),
            uses: vec![UseType::Workshop, UseType::Office],
            budget: 9_000,
            months: 24,
            pathway: Vec::new(),
        }),
        structure(StructureSpec {
            id: "compagnie-du-pre",
            name: "Compagnie du Pré",
            form: LegalForm::Association,
            city: "93061",
            sector: "spectacle",
            surface: (20.0, 40.0),
            uses: vec![UseType::Office],
            budget: 6_000,
            months: 18,
            pathway: Vec::new(),
        }),
        structure(StructureSpec {
            id: "jardins-de-l-ourcq",
            name: "Jardins partagés de l'Ourcq",
            form: LegalForm::Association,
            city: "93010",
            sector: "agriculture-urbaine",
            surface: (500.0, 3000.0),
            uses: vec![UseType::Outdoor],
            budget: 8_000,
            months: 24,
            pathway: Vec::new(),
        }),
    ]
}

pub fn call() -> Call {
    Call {
        id: CallId::new("tempo-2026"),
        title: "AMI Temp'O 2026".to_owned(),
        programme: Programme::Tempo,
        sites: vec![
            SiteId::new("friche-rives-ourcq"),
            SiteId::new("usine-des-transitions"),
        ],
        deadline: date(2026, 4, 3),
        weights: Weights::default(),
        tolerances: Default::default(),
        applications: vec![
            Application {
                structure: StructureId::new("jardins-de-l-ourcq"),
                sites: vec![SiteId::new("friche-rives-ourcq")],
                submitted_on: None,
                dossier: None,
            },
            Application {
                structure: StructureId::new("recyclerie-des-lilas"),
                sites: vec![SiteId::new("usine-des-transitions")],
                submitted_on: None,
                dossier: None,
            },
        ],
    }
}

pub fn workspace() -> Workspace {
    Workspace {
        territory: territory(),
        sites: sites(),
        structures: structures(),
        calls: vec![call()],
    }
}
