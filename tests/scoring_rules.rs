//! Each eligibility rule and each criterion on hand-checked examples.

mod support;

use ancrage::domain::*;
use ancrage::i18n::Lang;
use ancrage::scoring::{Criterion, Ineligibility, Matcher, Settings};
use chrono::NaiveDate;
use support::{territory, today};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn workshop(id: &str, surface: f64, divisible: bool, per_m2_month: i64) -> Lot {
    Lot {
        id: LotId::new(id),
        label: format!("Atelier {id}"),
        surface: Surface::m2(surface),
        use_type: UseType::Workshop,
        divisible,
        floor: Some(0),
        available_from: None,
        fee: Fee {
            amount: Money::euros(per_m2_month),
            unit: FeeUnit::PerM2Month,
            charges_included: true,
            charges_provision_month: None,
        },
    }
}

/// A transitional site in Romainville (zone Est), open 2027-01-01 → 2029-01-01, 24 months max,
/// one 150 m² indivisible workshop at 5 €/m²/month (9 000 € a year), priority sector `reemploi`.
fn site() -> Site {
    Site {
        id: SiteId::new("halle"),
        name: "Halle test".to_owned(),
        programme: Programme::Tempo,
        kind: SiteKind::Transitional,
        city: InseeCode::new("93063"),
        address: "1 rue du Test".to_owned(),
        lat: 48.885,
        lon: 2.435,
        owner: "Est Ensemble".to_owned(),
        available_from: date(2027, 1, 1),
        available_until: Some(date(2029, 1, 1)),
        max_occupation_months: Some(24),
        total_surface: None,
        lots: vec![workshop("a", 150.0, false, 5)],
        features: vec![Feature::Water, Feature::GroundFloor],
        priority_sectors: vec![SectorCode::new("reemploi")],
        excluded_sectors: vec![SectorCode::new("spectacle")],
        call_deadline: None,
        status: SiteStatus::Open,
        description: String::new(),
        sources: Vec::new(),
        illustrative: Vec::new(),
    }
}

/// A Montreuil (zone Ouest) reuse structure wanting 100–200 m² of workshop from 2027-01-01 for
/// 18 months, with 12 000 € a year.
fn structure() -> Structure {
    Structure {
        id: StructureId::new("ressourcerie"),
        name: "Ressourcerie test".to_owned(),
        legal_form: LegalForm::Association,
        siret: None,
        esus: false,
        created_on: date(2020, 1, 1),
        home_city: InseeCode::new("93048"),
        sector: SectorCode::new("reemploi"),
        description: String::new(),
        jobs: Jobs {
            fte: 3.0,
            inclusion_posts: 0,
            planned_local_jobs: 2,
        },
        youth_led: false,
        needs: Needs {
            surface_min: Surface::m2(100.0),
            surface_max: Surface::m2(200.0),
            use_types: vec![UseType::Workshop],
            required_features: vec![Feature::Water],
            start: date(2027, 1, 1),
            duration: Duration::months(18),
            max_annual_budget: Money::euros(12_000),
            preferred_cities: Vec::new(),
        },
        grant_requested: None,
        contact: None,
        pathway: Vec::new(),
        grants: Vec::new(),
        support: Vec::new(),
    }
}

fn workspace(site: Site, structure: Structure) -> Workspace {
    Workspace {
        territory: territory(),
        sites: vec![site],
        structures: vec![structure],
        calls: Vec::new(),
    }
}

fn reasons(site: Site, structure: Structure) -> Vec<Ineligibility> {
    let ws = workspace(site, structure);
    let m = Matcher::new(&ws, today(), &Settings::default());
    m.explain(&ws, 0, 0, &Weights::default(), Lang::Fr)
        .reason_codes
}

#[test]
fn the_reference_pair_is_eligible_with_full_surface_cost_and_sector() {
    let ws = workspace(site(), structure());
    let m = Matcher::new(&ws, today(), &Settings::default());
    let card = m.explain(&ws, 0, 0, &Weights::default(), Lang::Fr);
    assert!(card.eligible, "{:?}", card.reasons);
    assert!(card.reasons.is_empty());
    let value = |c: Criterion| card.criteria[c.index()].value;
    assert_eq!(value(Criterion::Surface), 1.0);
    assert_eq!(value(Criterion::Cost), 1.0);
    assert_eq!(value(Criterion::Sector), 1.0);
    // Zone Est (0.5) + anchored in Montreuil (0.3) + no preference (0.2).
    assert!((value(Criterion::Rebalancing) - 1.0).abs() < 1e-12);
    // No premises today, transitional site: 0.5.
    assert_eq!(value(Criterion::Urgency), 0.5);
    assert_eq!(card.lot, Some(LotId::new("a")));
    assert_eq!(card.annual_cost, Some(Money::euros(9_000)));
    let expected = 100.0 * (0.30 + 0.25 + 0.20 + 0.15 + 0.10 * 0.5);
    assert!((card.total - expected).abs() < 1e-9, "{}", card.total);
}

#[test]
fn excluded_sector() {
    let mut st = structure();
    st.sector = SectorCode::new("spectacle");
    assert_eq!(reasons(site(), st), vec![Ineligibility::ExcludedSector]);
}

#[test]
fn not_available_when_the_site_opens_too_late() {
    let mut s = site();
    s.available_from = date(2027, 6, 1);
    s.available_until = Some(date(2030, 1, 1));
    assert_eq!(reasons(s, structure()), vec![Ineligibility::NotAvailable]);
    // Within the 90-day grace it is fine.
    let mut s = site();
    s.available_from = date(2027, 3, 1);
    s.available_until = Some(date(2030, 1, 1));
    assert!(reasons(s, structure()).is_empty());
}

#[test]
fn too_long_for_the_maximum_occupation_or_the_window() {
    let mut st = structure();
    st.needs.duration = Duration {
        value: 3,
        unit: DurationUnit::Years,
    };
    assert_eq!(reasons(site(), st), vec![Ineligibility::TooLong]);
    let mut s = site();
    s.max_occupation_months = None;
    s.available_until = Some(date(2028, 1, 1));
    assert_eq!(reasons(s, structure()), vec![Ineligibility::TooLong]);
}

#[test]
fn missing_feature() {
    let mut st = structure();
    st.needs.required_features = vec![Feature::ThreePhasePower, Feature::Water];
    assert_eq!(
        reasons(site(), st.clone()),
        vec![Ineligibility::MissingFeature]
    );
    let ws = workspace(site(), st);
    let m = Matcher::new(&ws, today(), &Settings::default());
    let card = m.explain(&ws, 0, 0, &Weights::default(), Lang::Fr);
    assert_eq!(
        card.reasons,
        vec!["Équipement requis absent : courant triphasé"]
    );
}

#[test]
fn no_lot_for_the_use() {
    let mut st = structure();
    st.needs.use_types = vec![UseType::Office];
    assert_eq!(reasons(site(), st), vec![Ineligibility::NoLotForUse]);
    // A mixed lot serves any use.
    let mut s = site();
    s.lots[0].use_type = UseType::Mixed;
    let mut st = structure();
    st.needs.use_types = vec![UseType::Office];
    assert!(reasons(s, st).is_empty());
}

#[test]
fn over_budget_when_even_the_smallest_surface_is_too_dear() {
    let mut st = structure();
    st.needs.max_annual_budget = Money::euros(8_000);
    assert_eq!(reasons(site(), st), vec![Ineligibility::OverBudget]);
    // A divisible lot can be cut down to the minimum: 100 m² × 5 × 12 = 6 000 €.
    let mut s = site();
    s.lots = vec![workshop("b", 400.0, true, 5)];
    let mut st = structure();
    st.needs.max_annual_budget = Money::euros(8_000);
    let ws = workspace(s, st);
    let m = Matcher::new(&ws, today(), &Settings::default());
    let card = m.explain(&ws, 0, 0, &Weights::default(), Lang::Fr);
    assert!(card.eligible);
    // As large as the budget allows: 8 000 / 60 = 133 m².
    assert_eq!(card.surface, Some(Surface::m2(133.0)));
}

#[test]
fn several_reasons_are_all_listed() {
    let mut st = structure();
    st.sector = SectorCode::new("spectacle");
    st.needs.use_types = vec![UseType::Shop];
    st.needs.required_features = vec![Feature::Fibre];
    let found = reasons(site(), st);
    assert_eq!(
        found,
        vec![
            Ineligibility::ExcludedSector,
            Ineligibility::MissingFeature,
            Ineligibility::NoLotForUse
        ]
    );
}

#[test]
fn oversized_indivisible_lot_and_cost_overrun_are_graded() {
    let mut s = site();
    // 300 m² indivisible for a 100–200 m² need: half marks (zero at 400 m²).
    s.lots = vec![
        workshop("big", 300.0, false, 2),
        workshop("small", 120.0, false, 10),
    ];
    let mut st = structure();
    st.needs.max_annual_budget = Money::euros(10_000);
    let ws = workspace(s, st);
    let m = Matcher::new(&ws, today(), &Settings::default());
    let card = m.explain(&ws, 0, 0, &Weights::default(), Lang::Fr);
    // The 120 m² lot fits the need (surface 1) but costs 14 400 €: r = 1.44, value 1 − 0.44/0.5.
    assert_eq!(card.lot, Some(LotId::new("small")));
    assert_eq!(card.criteria[Criterion::Surface.index()].value, 1.0);
    let cost = card.criteria[Criterion::Cost.index()].value;
    assert!((cost - 0.12).abs() < 1e-9, "{cost}");
    assert!(
        card.eligible,
        "the 300 m² lot is affordable: {:?}",
        card.reasons
    );
}

#[test]
fn sector_family_and_neutral_site() {
    let mut st = structure();
    st.sector = SectorCode::new("reparation");
    let ws = workspace(site(), st.clone());
    let m = Matcher::new(&ws, today(), &Settings::default());
    assert_eq!(m.evaluate(0, 0).values[Criterion::Sector.index()], 0.6);
    let mut s = site();
    s.priority_sectors.clear();
    let ws = workspace(s, st);
    let m = Matcher::new(&ws, today(), &Settings::default());
    assert_eq!(m.evaluate(0, 0).values[Criterion::Sector.index()], 0.5);
}

#[test]
fn an_occupation_ending_soon_raises_urgency_for_the_next_step() {
    let mut st = structure();
    st.pathway.push(PathwayEpisode {
        kind: EpisodeKind::Transitional,
        site: None,
        lot: None,
        place: Some("Friche ailleurs".to_owned()),
        from: date(2025, 1, 1),
        to: Some(date(2027, 1, 25)),
        fee: None,
        surface: None,
        agreement: None,
        application: None,
        outcome: EpisodeOutcome::Ongoing,
    });
    let mut permanent = site();
    permanent.kind = SiteKind::Permanent;
    let ws = workspace(permanent, st);
    let m = Matcher::new(&ws, today(), &Settings::default());
    let card = m.explain(&ws, 0, 0, &Weights::default(), Lang::Fr);
    let urgency = &card.criteria[Criterion::Urgency.index()];
    // 60 days left of a 180-day horizon: 0.5 + 0.5 × (1 − 60/180).
    assert!((urgency.value - (0.5 + 0.5 * (120.0 / 180.0))).abs() < 1e-9);
    assert!(
        urgency.explanation.contains("25/01/2027"),
        "{}",
        urgency.explanation
    );
    assert!(
        urgency.explanation.contains("dans 60 jours"),
        "{}",
        urgency.explanation
    );
}

#[test]
fn explanations_read_in_french_and_english() {
    let ws = workspace(site(), structure());
    let m = Matcher::new(&ws, today(), &Settings::default());
    let fr = m.explain(&ws, 0, 0, &Weights::default(), Lang::Fr);
    let en = m.explain(&ws, 0, 0, &Weights::default(), Lang::En);
    assert_eq!(
        fr.criteria[Criterion::Cost.index()].explanation,
        "9\u{202f}000\u{a0}€ par an pour un budget de 12\u{202f}000\u{a0}€\u{a0}: dans le budget"
    );
    assert_eq!(
        en.criteria[Criterion::Cost.index()].explanation,
        "€9,000 a year for a budget of €12,000: within budget"
    );
    assert!(
        fr.criteria[Criterion::Surface.index()]
            .explanation
            .contains("Lot «\u{a0}Atelier a\u{a0}»")
    );
}
