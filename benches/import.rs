//! Importing 10 000 applications: reading the file (Windows-1252 CSV as Excel re-saves it, and
//! XLSX), mapping the columns, parsing every French value, identifying structures and planning
//! the one operation — the pure part, on one core. Writing the files is the session's (one
//! atomic save per record, measured apart in the README).
//!
//! Run with `cargo bench --bench import`; figures go in the README.

use ancrage::domain::{Call, CallId, Programme, Weights, Workspace};
use ancrage::export::sheet::{Cell, Column, Sheet};
use ancrage::export::xlsx;
use ancrage::import::{ImportFile, ImportOptions, prepare_applications};
use ancrage::store::init::init_workspace;
use ancrage::store::load::load_workspace;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const ROWS: usize = 10_000;
const CALL: &str = "ami-bench";

const HEADERS: [&str; 15] = [
    "N° de dossier",
    "Raison sociale",
    "SIRET",
    "Forme juridique",
    "Date de création",
    "Commune",
    "Secteur d’activité",
    "Surface souhaitée (m²)",
    "Type de local",
    "Lieux souhaités",
    "Date de début souhaitée",
    "Durée souhaitée",
    "Budget annuel maximum (€)",
    "ETP",
    "Description",
];

/// The embedded catalogue and a call on three of its sites.
fn workspace() -> Workspace {
    let dir = tempfile::tempdir().expect("temp dir");
    init_workspace(dir.path()).expect("init");
    let mut ws = load_workspace(dir.path()).expect("loads");
    ws.calls.push(Call {
        id: CallId::new(CALL),
        title: "AMI de mesure".into(),
        programme: Programme::Tempo,
        sites: vec![
            "usine-des-transitions".into(),
            "tempo-bobigny-ecocite-friche".into(),
            "tempo-pantin-quatre-chemins-rdc".into(),
        ],
        deadline: NaiveDate::from_ymd_opt(2027, 1, 15).expect("date"),
        weights: Weights::default(),
        tolerances: Default::default(),
        applications: Vec::new(),
    });
    ws
}

/// A valid SIRET made from `n` (Luhn check digit appended).
fn siret(n: usize) -> String {
    let body = format!("{:013}", 4_000_000_000_000usize + n * 7);
    let sum = |s: &str| -> u32 {
        s.bytes()
            .rev()
            .enumerate()
            .map(|(i, b)| {
                let d = u32::from(b - b'0');
                if i % 2 == 1 {
                    let x = d * 2;
                    if x > 9 { x - 9 } else { x }
                } else {
                    d
                }
            })
            .sum()
    };
    (0..10)
        .map(|d| format!("{body}{d}"))
        .find(|s| sum(s) % 10 == 0)
        .expect("a check digit exists")
}

fn rows(ws: &Workspace) -> Vec<Vec<String>> {
    let cities: Vec<&str> = ws
        .territory
        .cities
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let sectors: Vec<&str> = ws.territory.sectors().map(|s| s.label.as_str()).collect();
    let forms = [
        "SCOP SARL",
        "Association déclarée",
        "SAS ESUS",
        "SCIC",
        "Association loi 1901",
    ];
    let uses = [
        "Atelier",
        "Bureau; Stockage",
        "Boutique, Atelier",
        "Extérieur",
    ];
    let sites = [
        "Usine des transitions",
        "Hangar et friche de l'Écocité; Usine des transitions",
        "",
        "Rez-de-chaussée des Quatre-Chemins",
    ];
    (0..ROWS)
        .map(|i| {
            vec![
                (10_000 + i).to_string(),
                format!("Structure solidaire n°{i}"),
                siret(i),
                forms[i % forms.len()].to_owned(),
                format!("{:02}/{:02}/20{:02}", 1 + i % 28, 1 + i % 12, 10 + i % 15),
                cities[i % cities.len()].to_owned(),
                sectors[i % sectors.len()].to_owned(),
                format!("entre {} et {} m2", 40 + i % 50, 100 + i % 300),
                uses[i % uses.len()].to_owned(),
                sites[i % sites.len()].to_owned(),
                format!("01/{:02}/2027", 1 + i % 12),
                format!("{} mois", 12 + i % 25),
                format!("{}\u{a0}{:03} €", 5 + i % 30, (i * 37) % 1000),
                format!("{},5", i % 9),
                "Atelier partagé\nouvert aux habitants".to_owned(),
            ]
        })
        .collect()
}

fn csv_1252(rows: &[Vec<String>]) -> Vec<u8> {
    let quote = |f: &str| {
        if f.contains([';', '"', '\n']) {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.to_owned()
        }
    };
    let mut text = HEADERS.join(";");
    text.push_str("\r\n");
    for row in rows {
        text.push_str(&row.iter().map(|f| quote(f)).collect::<Vec<_>>().join(";"));
        text.push_str("\r\n");
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    bytes.into_owned()
}

fn xlsx_bytes(rows: &[Vec<String>]) -> Vec<u8> {
    let sheet = Sheet {
        name: "Candidatures".into(),
        columns: HEADERS
            .iter()
            .map(|h| Column {
                title: (*h).into(),
                width: 20.0,
            })
            .collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| Cell::Text(c.clone())).collect())
            .collect(),
    };
    xlsx::write(&[sheet]).expect("xlsx")
}

fn import(c: &mut Criterion) {
    let ws = workspace();
    let rows = rows(&ws);
    let csv = csv_1252(&rows);
    let xlsx = xlsx_bytes(&rows);
    let options = ImportOptions::default();
    let call = CallId::new(CALL);
    // Sanity: every row is imported.
    let prepared = prepare_applications(
        &ImportFile {
            name: "bench.csv",
            bytes: &csv,
        },
        &call,
        &ws,
        None,
        &options,
    )
    .expect("prepared");
    assert_eq!(
        prepared.report.created,
        ROWS,
        "{:?}",
        &prepared.report.problems[..3.min(prepared.report.problems.len())]
    );
    let mut group = c.benchmark_group("import 10000 rows");
    group.sample_size(10);
    for (name, bytes) in [("Windows-1252 CSV", &csv), ("XLSX", &xlsx)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                prepare_applications(
                    &ImportFile {
                        name: "bench",
                        bytes: black_box(bytes),
                    },
                    &call,
                    &ws,
                    None,
                    &options,
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
