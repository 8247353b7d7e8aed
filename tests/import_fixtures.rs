//! Writes the import fixtures of `tests/fixtures/import/` (run with `cargo test --test
//! import_fixtures -- --ignored`). One table of typed cells becomes the Excel-on-French-Windows
//! CSV (Windows-1252, `;`, CRLF, decimal comma, `dd/mm/yyyy`), the XLSX and the ODS, so the
//! three must import identically; the platform-like files are written as the platforms write
//! them (see the README next to them).

use ancrage::domain::Money;
use ancrage::export::sheet::{Cell, Column, Sheet};
use ancrage::export::{ods, xlsx};
use ancrage::i18n::Lang;
use chrono::NaiveDate;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn t(text: &str) -> Cell {
    Cell::text(text)
}

fn d(y: i32, m: u32, day: u32) -> Cell {
    Cell::Date(NaiveDate::from_ymd_opt(y, m, day).expect("valid date"))
}

fn n(value: f64) -> Cell {
    Cell::Number { value, decimals: 2 }
}

fn m(euros: i64) -> Cell {
    Cell::Money(Money::euros(euros))
}

pub const EXCEL_HEADERS: [&str; 17] = [
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
    "Subvention demandée (€)",
    "ETP",
    "Description",
    "Email",
];

/// Five applications as an officer's spreadsheet holds them.
fn excel_rows() -> Vec<Vec<Cell>> {
    vec![
        vec![
            t("101"),
            t("Les Copeaux Malins"),
            t("841 520 000 12342"),
            t("SCOP SARL"),
            d(2019, 3, 15),
            t("Montreuil"),
            t("Menuiserie"),
            t("80-120"),
            t("Atelier"),
            t("Usine des transitions"),
            d(2027, 3, 1),
            t("24 mois"),
            m(12000),
            m(15000),
            n(3.5),
            t("Atelier de menuiserie\nen bois de réemploi"),
            t("contact@copeaux.example"),
        ],
        vec![
            t("102"),
            t("Ressourcerie du Pré"),
            t("79234056700017"),
            t("Association déclarée"),
            d(2015, 9, 2),
            t("Pre St Gervais"),
            t("Ressourceries"),
            t("entre 200 et 300 m2"),
            t("Boutique; Stockage"),
            t("Usine des transitions; Hangar et friche de l'Écocité"),
            d(2027, 4, 1),
            t("2 ans"),
            Cell::Money(Money("24000.50".parse().expect("decimal"))),
            Cell::Empty,
            n(6.0),
            t("Collecte, tri et revente d’objets"),
            t("bonjour@ressourcerie.example"),
        ],
        vec![
            t("103"),
            t("Cuisine Nomade"),
            t("88112233400017"),
            t("SAS ESUS"),
            d(2021, 1, 10),
            t("Bobigny"),
            t("Restauration et traiteur solidaires"),
            t("150 m²"),
            t("Atelier"),
            Cell::Empty,
            d(2027, 2, 15),
            t("18"),
            m(18000),
            m(30000),
            n(2.0),
            t("Traiteur d’insertion"),
            Cell::Empty,
        ],
        vec![
            t("104"),
            t("Vélos du Canal"),
            t("44011223300059"),
            t("Association loi 1901"),
            d(2020, 6, 1),
            t("Pantin"),
            t("Réparation de vélos et ateliers d'autoréparation"),
            t("60"),
            t("Atelier, Boutique"),
            t("Rez-de-chaussée des Quatre-Chemins"),
            d(2027, 3, 1),
            t("3 ans"),
            m(9600),
            Cell::Empty,
            n(1.5),
            // Formula-looking text: kept as written, flagged, neutralised at export.
            Cell::Text("=LIEN_HYPERTEXTE(\"http://exemple\";\"clic\")".to_owned()),
            t("atelier@velos.example"),
        ],
        vec![
            t("105"),
            t("Collectif Terre Vive"),
            Cell::Empty,
            t("Collectif informel"),
            d(2024, 1, 1),
            t("Paris"),
            t("Agriculture urbaine"),
            t("500"),
            t("Extérieur"),
            t("Hangar et friche de l'Écocité"),
            d(2027, 5, 1),
            t("12 mois"),
            m(3000),
            Cell::Empty,
            n(0.0),
            t("Potager partagé"),
            Cell::Empty,
        ],
    ]
}

/// A cell as Excel on a French Windows writes it in a CSV.
fn french(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) => text.clone(),
        Cell::Date(date) => date.format("%d/%m/%Y").to_string(),
        Cell::Money(money) => {
            let amount = money.amount();
            let whole = amount.trunc().to_string();
            let mut grouped = String::new();
            for (i, c) in whole.chars().enumerate() {
                if i > 0 && (whole.len() - i).is_multiple_of(3) {
                    grouped.push('\u{a0}');
                }
                grouped.push(c);
            }
            let cents = amount.fract();
            if cents.is_zero() {
                format!("{grouped}\u{a0}€")
            } else {
                let cents = (cents * rust_decimal::Decimal::from(100)).round();
                format!("{grouped},{cents:0>2}\u{a0}€")
            }
        }
        Cell::Number { value, .. } => format!("{value}").replace('.', ","),
        other => panic!("not in the fixtures: {other:?}"),
    }
}

fn quoted(field: &str, delimiter: char) -> String {
    if field.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

fn csv(headers: &[&str], rows: &[Vec<String>], delimiter: char, eol: &str) -> String {
    let mut out = String::new();
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| quoted(c, delimiter))
            .collect::<Vec<_>>()
            .join(&delimiter.to_string())
    };
    out.push_str(&line(headers.iter().map(|h| (*h).to_owned()).collect()));
    out.push_str(eol);
    for row in rows {
        out.push_str(&line(row.clone()));
        out.push_str(eol);
    }
    out
}

fn sheet(name: &str, headers: &[&str], rows: Vec<Vec<Cell>>) -> Sheet {
    Sheet {
        name: name.to_owned(),
        columns: headers
            .iter()
            .map(|h| Column {
                title: (*h).to_owned(),
                width: 20.0,
            })
            .collect(),
        rows,
    }
}

fn write(name: &str, bytes: &[u8]) {
    std::fs::write(dir().join(name), bytes).expect("fixture written");
}

fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(
        !unmappable,
        "every fixture character exists in Windows-1252"
    );
    bytes.into_owned()
}

#[test]
#[ignore = "writes the fixtures; run on purpose"]
fn write_fixtures() {
    std::fs::create_dir_all(dir()).expect("fixture folder");
    let rows = excel_rows();
    let text_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(french).collect())
        .collect();
    write(
        "excel-fr.csv",
        &windows_1252(&csv(&EXCEL_HEADERS, &text_rows, ';', "\r\n")),
    );
    let sheets = [sheet("Candidatures", &EXCEL_HEADERS, rows.clone())];
    write("excel-fr.xlsx", &xlsx::write(&sheets).expect("xlsx"));
    write("excel-fr.ods", &ods::write(&sheets, Lang::Fr).expect("ods"));
    write_demarches_simplifiees();
}

/// Démarches Simplifiées: the CSV with the establishment block inline
/// (`spreadsheet_columns_csv`), the XLSX with « Dossiers », « Etablissements » and « Avis ».
fn write_demarches_simplifiees() {
    let dossier_head = ["ID", "Email", "FranceConnect ?"];
    let establishment_head = [
        "Établissement SIRET",
        "Établissement siège social",
        "Établissement NAF",
        "Établissement libellé NAF",
        "Établissement Adresse",
        "Établissement code postal",
        "Établissement localité",
        "Établissement code INSEE localité",
        "Entreprise SIREN",
        "Entreprise forme juridique",
        "Entreprise forme juridique code",
        "Entreprise raison sociale",
        "Entreprise SIRET siège social",
        "Entreprise date de création",
    ];
    let state_head = [
        "À archiver",
        "État du dossier",
        "Dernière mise à jour le",
        "Déposé le",
        "Passé en instruction le",
        "Traité le",
        "Motivation de la décision",
        "Instructeurs",
    ];
    let fields_head = [
        "Commune d'implantation",
        "Commune d'implantation (Code INSEE)",
        "Commune d'implantation (Département)",
        "Secteur d'activité",
        "Surface souhaitée (m²)",
        "Type de local",
        "Lieux souhaités",
        "Date de début souhaitée",
        "Durée souhaitée",
        "Budget annuel maximum",
        "Structure portée par des jeunes",
        "Subvention demandée",
        "Accès poids lourds nécessaire",
    ];
    // (dossier, email, establishment, state, fields)
    #[allow(clippy::type_complexity)]
    let dossiers: Vec<([&str; 3], [&str; 14], [&str; 8], [&str; 13])> = vec![
        (
            ["20931", "contact@atelier-remise.example", "false"],
            [
                "51234567800027",
                "false",
                "1629Z",
                "Fabrication d'objets divers en bois",
                "12 rue des Caillots 93100 Montreuil",
                "93100",
                "Montreuil",
                "93048",
                "512345678",
                "Société coopérative ouvrière de production (SCOP) à responsabilité limitée",
                "5458",
                "ATELIER REMISE",
                "51234567800019",
                "2016-05-12",
            ],
            [
                "false",
                "En instruction",
                "2026-11-05 09:12:03 +0100",
                "2026-11-03 10:15:42 +0100",
                "2026-11-04 08:30:00 +0100",
                "",
                "",
                "instructeur@est-ensemble.example",
            ],
            [
                "Montreuil (93100)",
                "93048",
                "93 – Seine-Saint-Denis",
                "Menuiserie",
                "120.0",
                "Atelier, Stockage",
                "Usine des transitions, TempO' 2026 — hangar et friche de l'Écocité",
                "2027-03-01",
                "24 mois",
                "18000.0",
                "Non",
                "45000.0",
                "on",
            ],
        ),
        (
            ["20932", "bonjour@saveurs-partagees.example", "false"],
            [
                "30155566600017",
                "true",
                "5621Z",
                "Services des traiteurs",
                "3 avenue Jean Jaurès 93000 Bobigny",
                "93000",
                "Bobigny",
                "93008",
                "301555666",
                "Association déclarée",
                "9220",
                "SAVEURS PARTAGEES",
                "30155566600017",
                "2012-02-20",
            ],
            [
                "false",
                "Accepté",
                "2026-11-20 16:00:00 +0100",
                "2026-11-02 18:01:09 +0100",
                "2026-11-04 08:31:00 +0100",
                "2026-11-20 16:00:00 +0100",
                "",
                "instructeur@est-ensemble.example",
            ],
            [
                "Bobigny (93000)",
                "93008",
                "93 – Seine-Saint-Denis",
                "Restauration et traiteur solidaires",
                "90.5",
                "Atelier",
                "TempO' 2026 — hangar et friche de l'Écocité",
                "2027-02-01",
                "2 ans",
                "14000.0",
                "Oui",
                "20000.0",
                "off",
            ],
        ),
        (
            ["20933", "hello@pixel-solidaire.example", "false"],
            [
                "90123456700013",
                "true",
                "9511Z",
                "Réparation d'ordinateurs",
                "8 rue du Parc 75020 Paris",
                "75020",
                "Paris",
                "75120",
                "901234567",
                "Société coopérative d'intérêt collectif par actions simplifiée",
                "5560",
                "PIXEL SOLIDAIRE",
                "90123456700013",
                "2022-09-01",
            ],
            [
                "false",
                "Refusé",
                "2026-11-21 11:00:00 +0100",
                "2026-11-01 12:00:00 +0100",
                "2026-11-04 08:32:00 +0100",
                "2026-11-21 11:00:00 +0100",
                "Activité sans lien avec les lieux proposés",
                "instructeur@est-ensemble.example",
            ],
            [
                "Paris (75020)",
                "75120",
                "75 – Paris",
                "Reconditionnement de matériel numérique",
                "40.0",
                "Bureau",
                "",
                "2027-04-01",
                "12 mois",
                "6000.0",
                "Non",
                "",
                "off",
            ],
        ),
    ];
    let mut csv_head: Vec<&str> = dossier_head.to_vec();
    csv_head.extend(establishment_head);
    csv_head.extend(state_head);
    csv_head.extend(fields_head);
    let csv_rows: Vec<Vec<String>> = dossiers
        .iter()
        .map(|(a, b, c, e)| {
            a.iter()
                .chain(b.iter())
                .chain(c.iter())
                .chain(e.iter())
                .map(|s| (*s).to_owned())
                .collect()
        })
        .collect();
    write(
        "demarches-simplifiees.csv",
        csv(&csv_head, &csv_rows, ',', "\n").as_bytes(),
    );
    // XLSX: « Dossiers » keeps only the company name of the block (`spreadsheet_columns_xlsx`).
    let mut main_head: Vec<&str> = dossier_head.to_vec();
    main_head.push("Entreprise raison sociale");
    main_head.extend(state_head);
    main_head.extend(fields_head);
    let main_rows: Vec<Vec<Cell>> = dossiers
        .iter()
        .map(|(a, b, c, e)| {
            let mut row: Vec<Cell> = a.iter().map(|s| t(s)).collect();
            row.push(t(b[11]));
            row.extend(c.iter().map(|s| t(s)));
            // Decimal fields are numbers in the workbook.
            row.extend(e.iter().enumerate().map(|(i, s)| match s.parse::<f64>() {
                Ok(value) if [4, 9, 11].contains(&i) => n(value),
                _ => t(s),
            }));
            row
        })
        .collect();
    let mut establishment_sheet_head = vec!["Dossier ID", "Champ"];
    establishment_sheet_head.extend(establishment_head);
    let establishment_rows: Vec<Vec<Cell>> = dossiers
        .iter()
        .rev()
        .map(|(a, b, _, _)| {
            let mut row = vec![t(a[0]), Cell::Empty];
            row.extend(b.iter().map(|s| t(s)));
            row
        })
        .collect();
    let sheets = [
        sheet("Dossiers", &main_head, main_rows),
        sheet(
            "Etablissements",
            &establishment_sheet_head,
            establishment_rows,
        ),
        sheet(
            "Avis",
            &["Dossier ID", "Question / Introduction", "Réponse"],
            Vec::new(),
        ),
    ];
    write(
        "demarches-simplifiees.xlsx",
        &xlsx::write(&sheets).expect("xlsx"),
    );
}
