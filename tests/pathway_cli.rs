//! `ancrage pathway alerts|show|place`, `stats`, `fund grant` and `report` on the shipped demo,
//! through the real binary, on the demo's day (26 November 2026).

use ancrage::domain::{EpisodeKind, Structure, Workspace};
use ancrage::store::load::load_workspace;
use chrono::{Months, NaiveDate};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

const TODAY: &str = "2026-11-26";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

fn ancrage(ws: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .env("ANCRAGE_OFFICER", "Léa Test")
        .output()
        .expect("ancrage runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh workspace from the embedded catalogue and demo.
fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .arg("init")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

/// Straight from the data, without the pathway module: the structures whose current stay (or
/// incubation, by its 24-month exit) ends between today and six months from now, and which
/// have no later or planned stay.
fn ending_in_six_months_with_nothing_planned(ws: &Workspace) -> BTreeSet<String> {
    let today = today();
    let horizon = today.checked_add_months(Months::new(6)).unwrap();
    let ends = |s: &Structure| {
        let current = s
            .pathway
            .iter()
            .filter(|e| !e.is_planned() && e.from <= today)
            .filter(|e| e.to.is_none_or(|to| today <= to))
            .max_by_key(|e| e.from)?;
        current
            .to
            .or(current.agreement.as_ref().and_then(|a| a.end))
            .or_else(|| {
                (current.kind == EpisodeKind::Incubation)
                    .then(|| current.from.checked_add_months(Months::new(24)))
                    .flatten()
            })
    };
    ws.structures
        .iter()
        .filter(|s| !s.pathway.iter().any(|e| e.is_planned() || e.from > today))
        .filter(|s| ends(s).is_some_and(|end| today <= end && end <= horizon))
        .map(|s| s.id.to_string())
        .collect()
}

fn ending_alerts(ws: &Path) -> BTreeSet<String> {
    let out = ancrage(
        ws,
        &[
            "pathway", "alerts", "--within", "6m", "--today", TODAY, "--json",
        ],
    );
    json(&out)
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "ending_without_next")
        .map(|a| a["structure"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn alerts_list_exactly_the_stays_ending_with_nothing_planned_and_a_placement_clears_one() {
    let dir = demo();
    let ws = load_workspace(dir.path()).unwrap();
    let expected = ending_in_six_months_with_nothing_planned(&ws);
    assert!(expected.len() >= 6, "{expected:?}");
    assert_eq!(ending_alerts(dir.path()), expected);

    // Every entry has the four fields of the contract, exit 0.
    let out = ancrage(
        dir.path(),
        &["pathway", "alerts", "--today", TODAY, "--json"],
    );
    for alert in json(&out).as_array().unwrap() {
        for field in ["structure", "kind", "end", "days_left"] {
            assert!(alert.get(field).is_some(), "{alert}");
        }
    }

    // The Collectif du Talus leaves its local on 31 January 2027: place it.
    assert!(expected.contains("collectif-du-talus"));
    let before =
        std::fs::read_to_string(dir.path().join("structures/collectif-du-talus.json")).unwrap();
    let out = ancrage(
        dir.path(),
        &[
            "pathway",
            "place",
            "--structure",
            "collectif-du-talus",
            "--site",
            "zac-port-pantin",
            "--from",
            "2027-02-01",
            "--to",
            "2029-01-31",
            "--agreement",
            "bail_derogatoire",
            "--today",
            TODAY,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with("Placement prévu\u{a0}: Collectif du Talus → ZAC du Port"),
        "{said}"
    );
    assert!(said.contains("bail dérogatoire"), "{said}");
    assert!(
        said.contains("Alerte levée\u{a0}: occupation qui se termine sans suite prévue"),
        "{said}"
    );

    let mut remaining = expected.clone();
    remaining.remove("collectif-du-talus");
    assert_eq!(ending_alerts(dir.path()), remaining, "gone, and only it");

    // On disk: the planned stay, journaled, and the workspace still checks clean.
    let after = load_workspace(dir.path()).unwrap();
    let talus = after.structure(&"collectif-du-talus".into()).unwrap();
    let planned = talus.pathway.last().unwrap();
    assert!(planned.is_planned());
    assert_eq!(
        planned.site.as_ref().map(|s| s.as_str()),
        Some("zac-port-pantin")
    );
    assert_ne!(
        std::fs::read_to_string(dir.path().join("structures/collectif-du-talus.json")).unwrap(),
        before
    );
    let journal = std::fs::read_to_string(dir.path().join("journal.jsonl")).unwrap();
    assert_eq!(journal.lines().count(), 1);
    assert!(journal.contains("\"kind\":\"placement\"") && journal.contains("Léa Test"));
    assert!(ancrage(dir.path(), &["check"]).status.success());
}

#[test]
fn a_placement_that_overlaps_another_stay_is_refused_and_nothing_is_written() {
    let dir = demo();
    let file = dir.path().join("structures/sobrietes-partagees.json");
    let before = std::fs::read_to_string(&file).unwrap();
    // Sobriétés Partagées already has a planned move on 4 January 2027.
    let out = ancrage(
        dir.path(),
        &[
            "pathway",
            "place",
            "--structure",
            "sobrietes-partagees",
            "--site",
            "zac-port-pantin",
            "--from",
            "2027-06-01",
            "--today",
            TODAY,
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("chevauchent"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    assert!(
        !dir.path().join("journal.jsonl").exists()
            || std::fs::read_to_string(dir.path().join("journal.jsonl"))
                .unwrap()
                .is_empty()
    );
    // Unknown ids are named with the closest ones.
    let out = ancrage(
        dir.path(),
        &[
            "pathway",
            "place",
            "--structure",
            "collectif-talus",
            "--site",
            "zac-port-pantin",
            "--from",
            "2027-02-01",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("collectif-du-talus"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_tells_the_stage_the_agreement_the_next_step_and_the_sites_for_it() {
    let dir = demo();
    let out = ancrage(
        dir.path(),
        &["pathway", "show", "materiaux-rebonds", "--today", TODAY],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "Matériaux Rebonds — Bagnolet",
        "Étape au 26/11/2026\u{a0}: pépinière — Ateliers Diderot — pépinière",
        "convention d'occupation précaire",
        "Fin prévue\u{a0}: 01/03/2026 (il y a 270\u{a0}jours)",
        "⧗ sortie de pépinière dépassée",
        "Les Canaux — incubation",
        "15\u{202f}000\u{a0}€ accordés sur 20\u{202f}000\u{a0}€ demandés",
        "Lieux pour la prochaine étape",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    assert!(
        !text.contains("materiaux-rebonds"),
        "no internal id where a name exists"
    );
    let shown = json(&ancrage(
        dir.path(),
        &[
            "pathway",
            "show",
            "sobrietes-partagees",
            "--today",
            TODAY,
            "--json",
        ],
    ));
    assert_eq!(shown["stage"], "incubation");
    assert_eq!(shown["planned"]["site"], "ateliers-diderot-hotel");
    assert_eq!(shown["next_kind"], Value::Null);
    assert_eq!(shown["alerts"], serde_json::json!([]));
    // Suggestions are of the next stage: temporary occupations for an incubated structure.
    let shown = json(&ancrage(
        dir.path(),
        &[
            "pathway",
            "show",
            "materiaux-rebonds",
            "--today",
            TODAY,
            "--json",
            "--limit",
            "5",
        ],
    ));
    let ws = load_workspace(dir.path()).unwrap();
    let suggestions = shown["suggestions"].as_array().unwrap();
    assert!(!suggestions.is_empty());
    for s in suggestions {
        let site = ws.site(&s["site"].as_str().unwrap().into()).unwrap();
        assert_eq!(site.kind, ancrage::domain::SiteKind::Transitional);
    }
    let totals: Vec<f64> = suggestions
        .iter()
        .map(|s| s["total"].as_f64().unwrap())
        .collect();
    assert!(
        totals.windows(2).all(|w| w[0] >= w[1])
            || suggestions.iter().any(|s| s["eligible"] == false)
    );
}

#[test]
fn stats_add_up_and_follow_the_contract() {
    let dir = demo();
    let stats = json(&ancrage(
        dir.path(),
        &["stats", "--year", "2026", "--today", TODAY, "--json"],
    ));
    let fields = ["m2_offered", "m2_occupied", "structures", "fte"];
    let zones = stats["zones"].as_array().unwrap();
    assert_eq!(
        zones
            .iter()
            .map(|z| z["zone"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["Ouest", "Nord", "Est"]
    );
    for field in fields {
        let sum: f64 = zones.iter().map(|z| z[field].as_f64().unwrap()).sum();
        let total = stats["total"][field].as_f64().unwrap();
        assert!((sum - total).abs() < 1e-6, "{field}: {sum} vs {total}");
        for zone in zones {
            let cities: f64 = zone["cities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c[field].as_f64().unwrap())
                .sum();
            assert!(
                (cities - zone[field].as_f64().unwrap()).abs() < 1e-6,
                "{field}"
            );
        }
    }
    assert_eq!(stats["total"]["cities"].as_array().unwrap().len(), 9);
    let fund = &stats["fund"];
    assert_eq!(fund["year"], 2026);
    assert_eq!(fund["envelope"].as_f64(), Some(270_000.0));
    assert_eq!(fund["granted"].as_f64(), Some(104_000.0));
    assert_eq!(
        fund["over_cap"],
        serde_json::json!(["ressourcerie-pont-levis"])
    );
    // In words, with French typography and the priority zones starred.
    let out = ancrage(dir.path(), &["stats", "--year", "2026", "--today", TODAY]);
    let text = stdout(&out);
    assert!(
        text.contains("Est ★") && text.contains("Fonds à impact 2026\u{a0}:"),
        "{text}"
    );
    assert!(text.contains("Ressourcerie du Pont-Levis"), "{text}");
}

#[test]
fn grants_follow_the_cap_and_the_envelope() {
    let dir = demo();
    let out = ancrage(
        dir.path(),
        &[
            "fund",
            "grant",
            "--structure",
            "velos-remontants",
            "--year",
            "2026",
            "--amount",
            "8 000",
            "--purpose",
            "investissement",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Les Vélos Remontants — 8\u{202f}000\u{a0}€ accordés"),
        "{}",
        stdout(&out)
    );
    let ws = load_workspace(dir.path()).unwrap();
    let grants = &ws.structure(&"velos-remontants".into()).unwrap().grants;
    assert_eq!(
        grants.last().unwrap().granted,
        Some(ancrage::domain::Money::euros(8_000))
    );

    // The Ressourcerie already has 18 000 € granted in 2026: 15 000 € more is over the cap.
    let file = dir.path().join("structures/ressourcerie-pont-levis.json");
    let before = std::fs::read_to_string(&file).unwrap();
    let out = ancrage(
        dir.path(),
        &[
            "--lang",
            "en",
            "fund",
            "grant",
            "--structure",
            "ressourcerie-pont-levis",
            "--year",
            "2026",
            "--amount",
            "15000",
            "--purpose",
            "investissement",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("above the cap of €30,000"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);
    // A year before any envelope.
    let out = ancrage(
        dir.path(),
        &[
            "fund",
            "grant",
            "--structure",
            "velos-remontants",
            "--year",
            "2021",
            "--amount",
            "100",
            "--purpose",
            "fonctionnement",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("aucune enveloppe"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_council_report_in_four_formats_without_personal_data_unless_asked() {
    let dir = demo();
    let out_dir = tempfile::tempdir().unwrap();
    for format in ["xlsx", "ods", "html", "md"] {
        let file = out_dir.path().join(format!("rapport.{format}"));
        let out = ancrage(
            dir.path(),
            &[
                "report",
                "--year",
                "2026",
                "--format",
                format,
                "--today",
                TODAY,
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert!(file.metadata().unwrap().len() > 1000, "{format}");
    }
    let html = std::fs::read_to_string(out_dir.path().join("rapport.html")).unwrap();
    for part in [
        "Synthèse",
        "Placements",
        "Territoire",
        "Parcours",
        "Alertes",
        "Fonds",
    ] {
        assert!(html.contains(&format!("<h2>{part}</h2>")), "{part}");
    }
    assert!(html.contains("Sans données personnelles"));
    assert!(
        !html.contains("@example.org"),
        "no e-mail without --with-personal-data"
    );
    let md = std::fs::read_to_string(out_dir.path().join("rapport.md")).unwrap();
    assert!(md.contains("| Est | Total Est |"), "{md}");
    assert!(
        md.contains("Coopérative Deuxième Souffle"),
        "a move of 2026 is listed"
    );

    use calamine::{Reader, open_workbook_auto};
    let book = open_workbook_auto(out_dir.path().join("rapport.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Synthèse",
            "Placements",
            "Territoire",
            "Parcours",
            "Alertes",
            "Fonds"
        ]
    );
    let mut ods = open_workbook_auto(out_dir.path().join("rapport.ods")).unwrap();
    assert_eq!(ods.sheet_names().len(), 6);
    let _ = ods.worksheet_range("Fonds").unwrap();

    // An existing file is kept without --force; CSV is not a format of this report.
    let file = out_dir.path().join("rapport.html");
    let out = ancrage(
        dir.path(),
        &[
            "report",
            "--year",
            "2026",
            "--format",
            "html",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = ancrage(dir.path(), &["report", "--year", "2026", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    // With personal data when asked.
    let out = ancrage(
        dir.path(),
        &[
            "report",
            "--year",
            "2026",
            "--format",
            "html",
            "--today",
            TODAY,
            "--with-personal-data",
            "--force",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("@example.org") && html.contains("AVEC données personnelles"));
}

#[test]
fn alerts_in_english_and_when_there_are_none() {
    let dir = demo();
    let out = ancrage(
        dir.path(),
        &[
            "--lang", "en", "pathway", "alerts", "--within", "3m", "--today", TODAY,
        ],
    );
    let text = stdout(&out);
    assert!(
        text.starts_with("Pathway alerts on 2026-11-26 (horizon 3 months): "),
        "{text}"
    );
    assert!(text.contains("incubation past its planned exit"), "{text}");
    // Long before the demo's stays: nothing but structures without premises… which exist.
    let empty = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .args(["init"])
        .arg(empty.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    for entry in std::fs::read_dir(empty.path().join("structures")).unwrap() {
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }
    std::fs::remove_file(empty.path().join("calls/tempo-2026.json")).unwrap();
    let out = ancrage(empty.path(), &["pathway", "alerts", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "exit 0 either way");
    assert_eq!(
        stdout(&out),
        "Aucune alerte au 26/11/2026 (horizon 6\u{a0}mois).\n"
    );
    let out = ancrage(
        empty.path(),
        &["pathway", "alerts", "--today", TODAY, "--within", "5m"],
    );
    assert_eq!(out.status.code(), Some(2), "an unknown horizon is refused");
}
