//! A small fictional workspace for the review tests: two sites of a Temp'O call, four
//! structures, five applications. Built from JSON so the fixture reads like the files on disk.

#![allow(dead_code)]

use ancrage::domain::{Call, Site, Structure, Territory, Workspace};
use ancrage::store::document::{CallDocument, SiteDocument, StructureDocument, TerritoryDocument};
use serde_json::{Value, json};

pub const CALL: &str = "tempo-2026";

fn territory() -> Value {
    json!({
        "name": "Est Ensemble",
        "cities": [
            {"insee": "93010", "name": "Bondy", "population": 54587, "zone": "Est", "qpv": true, "lat": 48.902, "lon": 2.483},
            {"insee": "93053", "name": "Noisy-le-Sec", "population": 44463, "zone": "Est", "qpv": true, "lat": 48.891, "lon": 2.460}
        ],
        "priority_zones": ["Nord", "Est"],
        "sector_families": [
            {"code": "circulaire", "label": "Économie circulaire", "sectors": [{"code": "reemploi", "label": "Réemploi"}]}
        ],
        "impact_fund": {"cap_per_structure": 30000, "envelopes": [{"year": 2023, "amount": 270000}]}
    })
}

fn site(id: &str, name: &str, lots: &[f64], total: Option<f64>) -> Value {
    let lots: Vec<Value> = lots
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "id": format!("lot-{i}"), "label": format!("Lot {i}"), "surface": s,
                "use_type": "mixed", "divisible": true,
                "fee": {"amount": 5, "unit": "per_m2_month", "charges_included": true}
            })
        })
        .collect();
    let mut site = json!({
        "id": id, "name": name, "programme": "tempo", "kind": "transitional", "city": "93010",
        "address": "1 rue de l'Ourcq, Bondy", "lat": 48.9, "lon": 2.48, "owner": "Est Ensemble",
        "available_from": "2026-06-01", "lots": lots, "status": "open"
    });
    if let Some(total) = total {
        site["total_surface"] = json!(total);
    }
    site
}

fn structure(id: &str, name: &str, surface_min: f64, grant: Option<i64>) -> Value {
    let mut s = json!({
        "id": id, "name": name, "legal_form": "association", "created_on": "2020-01-15",
        "home_city": "93010", "sector": "reemploi", "jobs": {"fte": 3.0},
        "needs": {
            "surface_min": surface_min, "surface_max": surface_min * 2.0, "use_types": ["workshop"],
            "start": "2026-07-01", "duration": {"value": 24, "unit": "months"},
            "max_annual_budget": 12000
        }
    });
    if let Some(grant) = grant {
        s["grant_requested"] = json!(grant);
    }
    s
}

fn call() -> Value {
    json!({
        "id": CALL, "title": "AMI Temp'O 2026", "programme": "tempo",
        "sites": ["friche-gallieni", "local-19"], "deadline": "2026-04-03",
        "applications": [
            {"structure": "recyclerie", "sites": ["friche-gallieni", "local-19"]},
            {"structure": "atelier-bois", "sites": ["friche-gallieni"]},
            {"structure": "cantine", "sites": ["local-19"]},
            {"structure": "jardin", "sites": ["friche-gallieni"]}
        ]
    })
}

fn sites() -> Vec<Value> {
    vec![
        site("friche-gallieni", "Friche Gallieni", &[200.0, 100.0], None),
        site("local-19", "Local 19", &[], Some(120.0)),
    ]
}

fn structures() -> Vec<Value> {
    vec![
        structure("recyclerie", "La Recyclerie de l'Ourcq", 150.0, Some(25000)),
        structure("atelier-bois", "Atelier Bois Partagé", 120.0, Some(40000)),
        structure("cantine", "Cantine Solidaire", 80.0, Some(30000)),
        structure("jardin", "Jardins du Canal", 60.0, None),
    ]
}

fn decode<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value).expect("fixture matches the domain types")
}

pub fn workspace() -> Workspace {
    Workspace {
        territory: decode::<Territory>(territory()),
        sites: sites().into_iter().map(decode::<Site>).collect(),
        structures: structures().into_iter().map(decode::<Structure>).collect(),
        calls: vec![decode::<Call>(call())],
    }
}

/// The demo shipped in the binary (`sites/`), decoded in memory.
pub fn demo_workspace() -> Workspace {
    use ancrage::store::embedded;
    fn doc<T: serde::de::DeserializeOwned>(text: &str) -> T {
        serde_json::from_str(text).expect("embedded documents decode")
    }
    let (_, territory) = embedded::files()
        .iter()
        .find(|(path, _)| *path == "territory.json")
        .expect("territory shipped");
    Workspace {
        territory: doc::<TerritoryDocument>(territory).territory,
        sites: embedded::files_under("catalogue/")
            .map(|(_, text)| doc::<SiteDocument>(text).site)
            .collect(),
        structures: embedded::files_under("demo/structures/")
            .map(|(_, text)| doc::<StructureDocument>(text).structure)
            .collect(),
        calls: embedded::files_under("demo/calls/")
            .map(|(_, text)| doc::<CallDocument>(text).call)
            .collect(),
    }
}
