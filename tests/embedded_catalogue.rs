//! The catalogue and demo shipped inside the binary (`sites/`) must decode into the document
//! types and hang together: a first run that starts from broken or incoherent data would be the
//! worst possible introduction for the officer.

use ancrage::domain::structure::is_valid_siret;
use ancrage::domain::{
    Call, EpisodeKind, EpisodeOutcome, LegalForm, Money, Programme, Site, SiteKind, Structure,
    Territory, ids::is_slug,
};
use ancrage::store::SCHEMA_VERSION;
use ancrage::store::document::{CallDocument, SiteDocument, StructureDocument, TerritoryDocument};
use ancrage::store::embedded;
use chrono::{Months, NaiveDate};
use serde::de::DeserializeOwned;
use std::collections::{BTreeSet, HashMap, HashSet};

/// The demo's notion of "today": the data is written so that the pathway alerts fire then.
const DEMO_TODAY: (i32, u32, u32) = (2026, 11, 26);
const FICTION_MARK: &str = "Structure fictive de démonstration.";

struct Catalogue {
    territory: Territory,
    /// `(file path, value)` pairs, in embedded order.
    sites: Vec<(&'static str, Site)>,
    structures: Vec<(&'static str, Structure)>,
    calls: Vec<(&'static str, Call)>,
}

impl Catalogue {
    fn site(&self, id: &str) -> Option<&Site> {
        self.sites
            .iter()
            .map(|(_, s)| s)
            .find(|s| s.id.as_str() == id)
    }
}

/// The demo's own places: fictional sites that host the demo's temporary occupations, so no
/// fictional structure sits on a site a real call attributed.
fn is_demo_site(site: &Site) -> bool {
    site.illustrative == ["*"]
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid calendar date")
}

fn today() -> NaiveDate {
    date(DEMO_TODAY.0, DEMO_TODAY.1, DEMO_TODAY.2)
}

/// Decodes `text` with the field path in the error, panicking with file, path and message.
fn decode<T: DeserializeOwned>(file: &str, text: &str) -> T {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de)
        .unwrap_or_else(|e| panic!("sites/{file}: at `{}`: {}", e.path(), e.inner()))
}

fn check_version(file: &str, version: u32) {
    assert_eq!(
        version, SCHEMA_VERSION,
        "sites/{file}: schema_version {version}, expected {SCHEMA_VERSION}"
    );
}

/// The file name without folder and `.json`, which must equal the id inside.
fn stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".json").unwrap_or(name)
}

fn load() -> Catalogue {
    let mut territory = None;
    let (mut sites, mut structures, mut calls) = (Vec::new(), Vec::new(), Vec::new());
    for &(file, text) in embedded::files() {
        if file == "territory.json" {
            let doc: TerritoryDocument = decode(file, text);
            check_version(file, doc.schema_version);
            territory = Some(doc.territory);
        } else if file.starts_with("catalogue/") {
            let doc: SiteDocument = decode(file, text);
            check_version(file, doc.schema_version);
            sites.push((file, doc.site));
        } else if file.starts_with("demo/structures/") {
            let doc: StructureDocument = decode(file, text);
            check_version(file, doc.schema_version);
            structures.push((file, doc.structure));
        } else if file.starts_with("demo/calls/") {
            let doc: CallDocument = decode(file, text);
            check_version(file, doc.schema_version);
            calls.push((file, doc.call));
        } else {
            panic!("sites/{file}: not a territory, catalogue or demo file");
        }
    }
    Catalogue {
        territory: territory.expect("sites/territory.json is embedded"),
        sites,
        structures,
        calls,
    }
}

#[test]
fn every_embedded_file_decodes_and_each_kind_is_present() {
    let c = load();
    assert_eq!(
        c.territory.cities.len(),
        9,
        "the nine cities of Est Ensemble"
    );
    assert!(c.sites.len() >= 20, "{} sites", c.sites.len());
    assert!(
        c.structures.len() >= 35,
        "{} structures",
        c.structures.len()
    );
    assert!(!c.calls.is_empty(), "a demo call");
}

#[test]
fn territory_codes_are_unique_and_fund_matches_policy() {
    let t = load().territory;
    let cities: HashSet<_> = t.cities.iter().map(|c| c.insee.as_str()).collect();
    assert_eq!(cities.len(), t.cities.len(), "duplicate INSEE code");
    for city in &t.cities {
        assert!(
            city.insee.as_str().len() == 5 && city.insee.as_str().starts_with("93"),
            "{}: INSEE code {}",
            city.name,
            city.insee
        );
    }
    let families: HashSet<_> = t.sector_families.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(families.len(), t.sector_families.len(), "duplicate family");
    let sectors: Vec<_> = t.sectors().map(|s| s.code.as_str()).collect();
    let unique: HashSet<_> = sectors.iter().collect();
    assert_eq!(unique.len(), sectors.len(), "duplicate sector code");
    for code in families.iter().chain(&sectors) {
        assert!(is_slug(code), "code {code:?} is not a lowercase slug");
    }
    assert!((10..=14).contains(&t.sector_families.len()));
    assert!((30..=45).contains(&sectors.len()));
    assert!(!t.priority_zones.is_empty());
    let envelope = t.impact_fund.envelope(2023).expect("the 2023 envelope");
    assert_eq!(
        (envelope.year, envelope.amount),
        (2023, Money::euros(270_000))
    );
    assert!(
        !envelope.source.is_empty(),
        "the 2023 figure says where it comes from"
    );
    assert_eq!(t.pathway.incubation_exit_months, 24);
    let partners: Vec<_> = t
        .support_organisations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(
        partners,
        [
            "FAM 93",
            "FOL 93 – DLA",
            "Inser’éco 93",
            "Les Canaux",
            "Lab3S"
        ]
    );
    assert_eq!(t.impact_fund.cap_per_structure, Money::euros(30_000));
}

#[test]
fn ids_are_slugs_equal_to_file_names_and_unique() {
    let c = load();
    let mut seen = HashSet::new();
    let ids = c
        .sites
        .iter()
        .map(|(f, s)| (*f, s.id.as_str()))
        .chain(c.structures.iter().map(|(f, s)| (*f, s.id.as_str())))
        .chain(c.calls.iter().map(|(f, s)| (*f, s.id.as_str())));
    for (file, id) in ids {
        assert!(is_slug(id), "sites/{file}: id {id:?} is not a slug");
        assert_eq!(stem(file), id, "sites/{file}: id differs from file name");
        assert!(
            seen.insert((file.split('/').nth(1), id)),
            "duplicate id {id}"
        );
    }
}

#[test]
fn city_and_sector_codes_exist_in_the_territory() {
    let c = load();
    let t = &c.territory;
    let known_sector = |code| t.sector(code).is_some();
    for (file, site) in &c.sites {
        assert!(
            t.city(&site.city).is_some(),
            "sites/{file}: city {}",
            site.city
        );
        for code in site.priority_sectors.iter().chain(&site.excluded_sectors) {
            assert!(known_sector(code), "sites/{file}: unknown sector {code}");
        }
    }
    for (file, s) in &c.structures {
        assert!(t.city(&s.home_city).is_some(), "sites/{file}: home_city");
        assert!(known_sector(&s.sector), "sites/{file}: sector {}", s.sector);
        for city in &s.needs.preferred_cities {
            assert!(
                t.city(city).is_some(),
                "sites/{file}: preferred city {city}"
            );
        }
    }
}

#[test]
fn lots_are_unique_valid_and_fit_in_their_site() {
    for (file, site) in &load().sites {
        assert!(!site.lots.is_empty(), "sites/{file}: no lots");
        let mut ids = HashSet::new();
        for lot in &site.lots {
            assert!(
                ids.insert(lot.id.as_str()),
                "sites/{file}: lot {} twice",
                lot.id
            );
            assert!(
                lot.surface.is_valid() && lot.surface.value() > 0.0,
                "sites/{file}: lot {} surface {}",
                lot.id,
                lot.surface
            );
            assert!(
                !lot.fee.amount.is_negative(),
                "sites/{file}: lot {} fee",
                lot.id
            );
        }
        if let Some(total) = site.total_surface {
            assert!(
                site.lots_surface().value() <= total.value(),
                "sites/{file}: lots add up to {} > total {}",
                site.lots_surface(),
                total
            );
        }
        if let Some(until) = site.available_until {
            assert!(site.available_from < until, "sites/{file}: empty window");
        }
        assert!(!site.description.is_empty(), "sites/{file}: description");
        if is_demo_site(site) {
            continue;
        }
        assert!(!site.sources.is_empty(), "sites/{file}: no source");
        for source in &site.sources {
            assert!(
                source.url.starts_with("https://"),
                "sites/{file}: {}",
                source.url
            );
        }
    }
}

#[test]
fn transitional_sites_respect_the_programme_rules() {
    for (file, site) in &load().sites {
        if site.kind != SiteKind::Transitional {
            continue;
        }
        assert!(site.available_until.is_some(), "sites/{file}: no end date");
        let months = site.max_occupation_months;
        assert!(months.is_some_and(|m| m <= 36), "sites/{file}: {months:?}");
        assert!(
            !site.illustrative.is_empty(),
            "sites/{file}: per-site figures are not published, they must be marked illustrative"
        );
        if site.programme == Programme::Tempo {
            // Temp'O offers spaces free of works for 18 to 24 months, from 100 to 10 000 m².
            assert!(
                months.is_some_and(|m| (18..=24).contains(&m)),
                "sites/{file}"
            );
            let surface = site.total_surface.unwrap_or(site.lots_surface()).value();
            assert!(
                (100.0..=10_000.0).contains(&surface),
                "sites/{file}: {surface} m²"
            );
        }
    }
}

#[test]
fn pathway_episodes_reference_catalogue_lots_and_never_overlap() {
    let c = load();
    for (file, s) in &c.structures {
        for episode in &s.pathway {
            if let Some(site_id) = &episode.site {
                let site = c
                    .site(site_id.as_str())
                    .unwrap_or_else(|| panic!("sites/{file}: unknown site {site_id}"));
                if let Some(lot) = &episode.lot {
                    assert!(
                        site.lot(lot).is_some(),
                        "sites/{file}: {site_id} has no lot {lot}"
                    );
                }
            } else {
                assert!(episode.lot.is_none(), "sites/{file}: lot without site");
                assert!(
                    episode.place.is_some(),
                    "sites/{file}: episode with no place"
                );
            }
            if let Some(to) = episode.to {
                assert!(
                    episode.from <= to,
                    "sites/{file}: episode ends before it starts"
                );
            }
            assert!(
                episode.from >= s.created_on,
                "sites/{file}: episode before creation"
            );
        }
        for pair in s.pathway.windows(2) {
            let end = pair[0]
                .to
                .unwrap_or_else(|| panic!("sites/{file}: open-ended episode is not the last"));
            // A move on the same day is not an overlap.
            assert!(end <= pair[1].from, "sites/{file}: episodes overlap");
            assert!(
                !pair[0].is_planned() || pair[1].is_planned(),
                "sites/{file}: a lived episode after a planned one"
            );
        }
    }
}

#[test]
fn call_references_exist() {
    let c = load();
    let structures: HashSet<_> = c.structures.iter().map(|(_, s)| s.id.as_str()).collect();
    for (file, call) in &c.calls {
        assert!(call.title.contains("démonstration"), "sites/{file}: title");
        for site_id in &call.sites {
            let site = c
                .site(site_id.as_str())
                .unwrap_or_else(|| panic!("sites/{file}: unknown site {site_id}"));
            assert_eq!(site.kind, SiteKind::Transitional, "sites/{file}: {site_id}");
        }
        let mut applicants = HashSet::new();
        for application in &call.applications {
            let id = application.structure.as_str();
            assert!(
                structures.contains(id),
                "sites/{file}: unknown structure {id}"
            );
            assert!(applicants.insert(id), "sites/{file}: {id} applies twice");
            assert!(
                !application.sites.is_empty(),
                "sites/{file}: {id} applies to nothing"
            );
            for site_id in &application.sites {
                assert!(
                    call.sites.contains(site_id),
                    "sites/{file}: {id} → {site_id}"
                );
            }
            if let Some(day) = application.submitted_on {
                assert!(day <= call.deadline, "sites/{file}: {id} submitted late");
            }
        }
    }
}

#[test]
fn structures_are_fictional_and_plausible() {
    let c = load();
    let cap = c.territory.impact_fund.cap_per_structure;
    for (file, s) in &c.structures {
        assert!(
            s.description.starts_with(FICTION_MARK),
            "sites/{file}: the description must say the structure is fictional"
        );
        match (&s.siret, s.legal_form) {
            (Some(_), LegalForm::Artist | LegalForm::InformalCollective) => {
                panic!("sites/{file}: an artist or informal collective has no SIRET")
            }
            (Some(siret), _) => assert!(is_valid_siret(siret), "sites/{file}: SIRET {siret}"),
            (None, _) => {}
        }
        let needs = &s.needs;
        assert!(
            needs.surface_min.value() <= needs.surface_max.value(),
            "sites/{file}: min > max"
        );
        assert!(!needs.use_types.is_empty(), "sites/{file}: no use type");
        assert!(
            !needs.max_annual_budget.is_negative(),
            "sites/{file}: budget"
        );
        assert!(
            (date(2026, 12, 1)..=date(2027, 9, 30)).contains(&needs.start),
            "sites/{file}: start {}",
            needs.start
        );
        if let Some(grant) = s.grant_requested {
            assert!(
                grant <= cap && !grant.is_negative(),
                "sites/{file}: grant {grant}"
            );
        }
        if let Some(contact) = &s.contact {
            let email = contact.0.email.as_deref().unwrap_or("@example.org");
            assert!(
                email.ends_with("@example.org"),
                "sites/{file}: real-looking e-mail"
            );
        }
    }
}

#[test]
fn every_legal_form_appears_in_the_demo() {
    let present: BTreeSet<_> = load()
        .structures
        .iter()
        .map(|(_, s)| s.legal_form)
        .collect();
    for form in LegalForm::ALL {
        assert!(present.contains(&form), "no demo structure is {form:?}");
    }
}

/// The demo must show the pathway alerts on the first run: structures ready to leave an
/// incubator, and temporary occupations ending within six months.
#[test]
fn demo_pathways_trigger_the_alerts() {
    let c = load();
    let today = today();
    let two_years_ago = today - Months::new(24);
    let in_six_months = today + Months::new(6);
    let ready: Vec<_> = c
        .structures
        .iter()
        .filter(|(_, s)| {
            s.current_episode(today).is_some_and(|e| {
                e.kind == EpisodeKind::Incubation
                    && e.outcome == EpisodeOutcome::Ongoing
                    && e.from <= two_years_ago
            })
        })
        .collect();
    assert!(
        ready.len() >= 3,
        "{} ready to leave incubation",
        ready.len()
    );
    let ending: Vec<_> = c
        .structures
        .iter()
        .filter(|(_, s)| {
            s.current_episode(today).is_some_and(|e| {
                e.kind == EpisodeKind::Transitional
                    && e.to.is_some_and(|to| today <= to && to < in_six_months)
            })
        })
        .collect();
    assert!(
        ending.len() >= 3,
        "{} occupations ending soon",
        ending.len()
    );
}

/// Cities of the demo lean West, so the rebalancing criterion has something to do.
#[test]
fn demo_structures_cover_every_city_and_lean_west() {
    let c = load();
    let mut by_zone: HashMap<_, usize> = HashMap::new();
    let mut cities = HashSet::new();
    for (_, s) in &c.structures {
        let city = c.territory.city(&s.home_city).expect("known city");
        cities.insert(city.insee.as_str());
        *by_zone
            .entry(c.territory.is_priority_zone(city.zone))
            .or_default() += 1;
    }
    assert_eq!(
        cities.len(),
        c.territory.cities.len(),
        "a city has no structure"
    );
    let west = by_zone.get(&false).copied().unwrap_or(0);
    let priority = by_zone.get(&true).copied().unwrap_or(0);
    assert!(west > priority, "west {west}, north/east {priority}");
}

/// The shipped text is shown as is: it follows French typography (a no-break space before
/// `; : ! ?` and inside « », never a plain one that lets the mark wrap alone to the next line).
#[test]
fn shipped_text_follows_french_typography() {
    let c = load();
    let mut texts: Vec<(&str, &str)> = Vec::new();
    for (file, site) in &c.sites {
        texts.extend([
            (*file, site.name.as_str()),
            (*file, site.description.as_str()),
        ]);
        texts.extend(site.lots.iter().map(|l| (*file, l.label.as_str())));
        texts.extend(site.sources.iter().map(|s| (*file, s.title.as_str())));
    }
    for (file, s) in &c.structures {
        texts.extend([(*file, s.name.as_str()), (*file, s.description.as_str())]);
        texts.extend(
            s.pathway
                .iter()
                .filter_map(|e| Some((*file, e.place.as_deref()?))),
        );
    }
    for (file, text) in texts {
        for bad in [" :", " ;", " !", " ?", "« ", " »"] {
            assert!(!text.contains(bad), "sites/{file}: {bad:?} in {text:?}");
        }
    }
}

/// Checked against public sources (issue « The catalogue, corrected »).
#[test]
fn the_catalogue_says_what_is_published_and_what_is_not() {
    let c = load();
    let site = |id: &str| c.site(id).unwrap_or_else(|| panic!("no site {id}"));
    let pantin = c
        .territory
        .cities
        .iter()
        .find(|city| city.name == "Pantin")
        .expect("Pantin");
    // Its own cited page puts the Pôle des métiers d'art in Pantin.
    let pole = site("pole-metiers-art-pantin");
    assert_eq!(pole.city, pantin.insee);
    assert!(pole.address.contains("Pantin") && !pole.address.contains("Pré-Saint-Gervais"));
    // The Plaine de l'Ourcq warehouse is free of works for 18 months.
    assert_eq!(
        site("tempo-noisy-plaine-ourcq-entrepot").max_occupation_months,
        Some(18)
    );
    // Unpublished: the 2024 sites' status and maximum, the Anatole date, every lot breakdown.
    for (_, s) in c
        .sites
        .iter()
        .filter(|(_, s)| s.name.starts_with("TempO' 2024"))
    {
        for field in ["status", "max_occupation_months", "lots"] {
            assert!(
                s.illustrative.iter().any(|f| f == field),
                "{}: {field} is not published",
                s.id
            );
        }
    }
    assert!(
        site("peecs-anatole-romainville")
            .illustrative
            .contains(&"available_from".to_owned())
    );
    for (file, s) in &c.sites {
        if s.illustrative.iter().any(|f| f.starts_with("lots[]")) {
            assert!(
                s.illustrative.contains(&"lots".to_owned()),
                "sites/{file}: the lot breakdown itself is illustrative"
            );
        }
    }
    // The Usine des transitions straddles two cities, and says so.
    let usine = site("usine-des-transitions");
    assert!(
        usine
            .description
            .contains("à cheval sur Romainville et Noisy-le-Sec"),
        "{}",
        usine.description
    );
}

/// The demo invents structures, never facts about real ones: no SIRET that could be a real
/// company's, no contact named like a public figure, no fictional structure presented as the
/// laureate of a real call or occupying a site a real call attributed.
#[test]
fn the_demo_claims_nothing_real() {
    let c = load();
    for (file, s) in &c.structures {
        assert_eq!(s.siret, None, "sites/{file}: the demo has no SIRET");
        let text = format!(
            "{} {}",
            s.description,
            s.pathway
                .iter()
                .filter_map(|e| e.place.as_deref())
                .collect::<Vec<_>>()
                .join(" ")
        );
        for claim in ["lauréat", "TempO' 20", "Temp'O 20", "Papin"] {
            assert!(!text.contains(claim), "sites/{file}: {claim:?} in {text:?}");
        }
        if let Some(contact) = &s.contact {
            for public in ["Lemaire", "Le Maire", "Lacombe"] {
                assert!(
                    !contact.0.name.contains(public),
                    "sites/{file}: {}",
                    contact.0.name
                );
            }
        }
        for episode in &s.pathway {
            let Some(site) = episode.site.as_ref().and_then(|id| c.site(id.as_str())) else {
                continue;
            };
            let attributed_by_a_real_call = site.name.starts_with("TempO' 2024")
                || site.programme == Programme::UsineDesTransitions;
            assert!(
                !attributed_by_a_real_call,
                "sites/{file}: a fictional structure on {}",
                site.id
            );
        }
    }
    for (file, site) in c.sites.iter().filter(|(_, s)| is_demo_site(s)) {
        assert!(site.name.starts_with("Démo — "), "sites/{file}");
        assert!(
            site.description
                .starts_with("Lieu fictif de démonstration."),
            "sites/{file}"
        );
        assert!(
            site.sources.is_empty(),
            "sites/{file}: a fictional site cites nothing"
        );
    }
}

/// The demo workspace passes every rule `ancrage check` applies (grants within the cap and the
/// envelope, agreements, support organisations, planned episodes last…).
#[test]
fn the_demo_passes_the_workspace_checks() {
    let c = load();
    let ws = ancrage::domain::Workspace {
        territory: c.territory.clone(),
        sites: c.sites.iter().map(|(_, s)| s.clone()).collect(),
        structures: c.structures.iter().map(|(_, s)| s.clone()).collect(),
        calls: c.calls.iter().map(|(_, s)| s.clone()).collect(),
    };
    let files = ancrage::store::files::WorkspaceFiles::named_after_ids(&ws);
    let problems = ancrage::store::validate::validate(&ws, &files);
    assert!(problems.is_empty(), "{problems:#?}");
}

/// As of the demo's day, the pathway data shows every situation the Parcours screen explains:
/// agreements on the stays, stays ending with nothing planned, incubations past their exit,
/// structures without premises, a stay past its end still marked ongoing, placements already
/// planned, grants decided and waiting, support by the network.
#[test]
fn the_demo_pathways_show_every_situation() {
    use ancrage::pathway::{AlertKind, Within, alerts_for};
    let c = load();
    let today = today();
    let settings = &c.territory.pathway;
    let count = |kind: AlertKind| {
        c.structures
            .iter()
            .filter(|(_, s)| {
                alerts_for(s, today, Within::Months6, settings)
                    .iter()
                    .any(|a| a.kind == kind)
            })
            .count()
    };
    assert!(count(AlertKind::EndingWithoutNext) >= 6);
    assert!(count(AlertKind::IncubationOverdue) >= 3);
    assert!(count(AlertKind::NoPremises) >= 3);
    assert_eq!(count(AlertKind::EndedStillOngoing), 1);
    assert_eq!(count(AlertKind::PlannedNotStarted), 0);
    let planned = c
        .structures
        .iter()
        .filter(|(_, s)| s.pathway.iter().any(|e| e.is_planned()))
        .count();
    assert!(planned >= 2, "{planned} placements planned");
    for (file, s) in &c.structures {
        if let Some(current) = s.current_episode(today)
            && current.site.is_some()
        {
            assert!(
                current.agreement.is_some(),
                "sites/{file}: the stay on a catalogue site has its agreement"
            );
        }
    }
    let grants: Vec<_> = c.structures.iter().flat_map(|(_, s)| &s.grants).collect();
    assert!(grants.iter().any(|g| g.year == 2025) && grants.iter().any(|g| g.year == 2026));
    assert!(grants.iter().any(|g| g.is_pending()));
    assert!(
        c.structures
            .iter()
            .filter(|(_, s)| !s.support.is_empty())
            .count()
            >= 8
    );
}
