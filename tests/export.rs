//! Jury files: round trips through calamine (XLSX, ODS), snapshots (CSV, Markdown, HTML), the
//! formula-injection and personal-data rules, and the command line's file safety.

mod review_fixture;

use ancrage::domain::{Contact, Personal, Workspace};
use ancrage::export::report::{JuryReport, ReportOptions};
use ancrage::export::{Format, render};
use ancrage::review::{self, AppKey, Change, Grade, Partner, ReviewState, Status, Timestamp};
use ancrage::scoring::Matcher;
use calamine::{Data, Reader, open_workbook_auto};
use chrono::{DateTime, NaiveDate};
use review_fixture::CALL;
use std::path::Path;
use std::process::Command;

const EVIL: &str = "=HYPERLINK(\"http://x\",\"clic\")";
const EMAIL: &str = "camille@recyclerie.example";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn at(hour: u32) -> Timestamp {
    DateTime::parse_from_rfc3339(&format!("2026-11-20T{hour:02}:15:00+01:00")).unwrap()
}

/// The review fixture, with an applicant whose name is a formula and a contact person.
fn workspace() -> Workspace {
    let mut ws = review_fixture::workspace();
    for s in &mut ws.structures {
        match s.id.as_str() {
            "atelier-bois" => s.name = EVIL.to_owned(),
            "recyclerie" => {
                s.contact = Some(Personal(Contact {
                    name: "Camille Martin".into(),
                    email: Some(EMAIL.into()),
                    phone: Some("01 23 45 67 89".into()),
                }))
            }
            _ => {}
        }
    }
    ws
}

fn key(structure: &str, site: &str) -> AppKey {
    AppKey::new(structure, site)
}

/// Three applications shortlisted, one refused, notes, grades and an opinion.
fn changes() -> Vec<Change> {
    let set =
        |structure: &str, site: &str, status: Status, motivation: Option<&str>| Change::SetStatus {
            key: key(structure, site),
            status,
            motivation: motivation.map(str::to_owned),
        };
    let grade = |structure: &str, site: &str, criterion: &str, points: u8| Change::Grade {
        key: key(structure, site),
        criterion: criterion.into(),
        grade: Some(Grade::Points(points)),
    };
    vec![
        set(
            "recyclerie",
            "friche-gallieni",
            Status::Preselectionne,
            None,
        ),
        set(
            "atelier-bois",
            "friche-gallieni",
            Status::Preselectionne,
            None,
        ),
        set(
            "cantine",
            "local-19",
            Status::Preselectionne,
            Some("Projet solide"),
        ),
        set(
            "jardin",
            "friche-gallieni",
            Status::Refuse,
            Some("Activité hors champ du lieu"),
        ),
        Change::Annotate {
            key: key("atelier-bois", "friche-gallieni"),
            text: "@SUM(A1)\nVisite prévue le 2 décembre".into(),
        },
        grade("recyclerie", "friche-gallieni", "fit", 4),
        grade("recyclerie", "friche-gallieni", "anchoring", 3),
        Change::Grade {
            key: key("recyclerie", "friche-gallieni"),
            criterion: "governance".into(),
            grade: Some(Grade::NotApplicable),
        },
        Change::AddOpinion {
            key: key("recyclerie", "friche-gallieni"),
            partner: Partner::LesCanaux,
            favourable: true,
            text: "Accompagnée depuis 2024".into(),
        },
    ]
}

fn state(ws: &Workspace) -> ReviewState {
    let mut state = ReviewState::fresh(ws.call(&CALL.into()).unwrap());
    for (i, change) in changes().iter().enumerate() {
        review::apply(&mut state, change, "Léa Moreau", at(9 + i as u32)).unwrap();
    }
    state
}

fn report_with(options: ReportOptions) -> JuryReport {
    let ws = workspace();
    let tolerances = ws.call(&CALL.into()).unwrap().tolerances;
    let matcher = Matcher::new(&ws, today(), &tolerances);
    JuryReport::build(&ws, &matcher, &state(&ws), &options).unwrap()
}

fn report() -> JuryReport {
    report_with(ReportOptions::shortlist(ancrage::i18n::Lang::Fr, today()))
}

fn text(format: Format, report: &JuryReport) -> String {
    String::from_utf8(render(report, format).unwrap()).unwrap()
}

const SHORTLISTED: [&str; 3] = ["La Recyclerie de l'Ourcq", EVIL, "Cantine Solidaire"];

#[test]
fn report_holds_the_shortlist_in_rank_order() {
    let report = report();
    assert_eq!(report.applications.len(), 3);
    // The refused application is neither a row nor in the journal.
    assert!(
        report
            .applications
            .iter()
            .all(|a| a.structure.as_str() != "jardin")
    );
    assert!(
        report
            .journal
            .iter()
            .all(|j| j.structure.as_str() != "jardin")
    );
    assert_eq!(report.journal.len(), 3);
    let friche = &report.synthesis[0];
    assert_eq!(friche.site.as_str(), "friche-gallieni");
    assert_eq!(friche.entries.len(), 2);
    assert!(friche.entries[0].total >= friche.entries[1].total);
    assert_eq!(
        friche.entries.iter().map(|e| e.rank).collect::<Vec<_>>(),
        [1, 2]
    );
    // Surface taken against the site's (its two lots: 300 m²).
    assert_eq!(friche.surface.unwrap().value(), 300.0);
    // 25 000 + 40 000 + 30 000, each structure once; 40 000 is above the 30 000 cap.
    assert_eq!(report.grants.requested.amount(), 95_000.into());
    assert_eq!(report.grants.above_cap.len(), 1);
    // Local 19 has no lot: the cantine is shortlisted but flagged ineligible, with a reason.
    let cantine = report
        .applications
        .iter()
        .find(|a| a.structure.as_str() == "cantine")
        .unwrap();
    assert!(!cantine.eligible && !cantine.reasons.is_empty());
    assert_eq!(cantine.motivation.as_deref(), Some("Projet solide"));
    assert!(report.applications.iter().all(|a| a.contact.is_none()));
}

#[test]
fn statuses_and_site_filter_the_rows() {
    let mut options = ReportOptions::shortlist(ancrage::i18n::Lang::Fr, today());
    options.statuses = vec![Status::Refuse];
    let refused = report_with(options.clone());
    assert_eq!(refused.applications.len(), 1);
    assert_eq!(refused.applications[0].structure.as_str(), "jardin");
    options.statuses = vec![];
    options.site = Some("local-19".into());
    let local = report_with(options.clone());
    assert_eq!(local.applications.len(), 1);
    assert_eq!(local.synthesis.len(), 1);
    options.site = Some("nowhere".into());
    let ws = workspace();
    let matcher = Matcher::new(&ws, today(), &Default::default());
    assert!(JuryReport::build(&ws, &matcher, &state(&ws), &options).is_err());
}

fn write_temp(format: Format, report: &JuryReport) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("jury.{}", format.extension()));
    std::fs::write(&path, render(report, format).unwrap()).unwrap();
    (dir, path)
}

fn strings(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .rows()
        .flat_map(|r| r.iter())
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// The cell under the header `title` in the row whose column B… holds `name`.
fn cell_of<'a>(range: &'a calamine::Range<Data>, name: &str, title: &str) -> &'a Data {
    let mut rows = range.rows();
    let header = rows.next().unwrap();
    let col = header
        .iter()
        .position(|c| c == &Data::String(title.into()))
        .unwrap_or_else(|| panic!("no column {title}"));
    let row = rows
        .find(|r| r.iter().any(|c| c == &Data::String(name.into())))
        .unwrap_or_else(|| panic!("no row for {name}"));
    &row[col]
}

/// Days since 1899-12-30, Excel's epoch.
fn serial(date: NaiveDate) -> f64 {
    (date - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

fn assert_date(cell: &Data, date: NaiveDate) {
    match cell {
        Data::DateTime(dt) => assert_eq!(dt.as_f64().floor(), serial(date)),
        Data::DateTimeIso(iso) => assert!(iso.starts_with(&date.to_string()), "{iso}"),
        other => panic!("expected a date, found {other:?}"),
    }
}

fn assert_number(cell: &Data, expected: f64) {
    match cell {
        Data::Float(f) => assert!((f - expected).abs() < 1e-9, "{f} ≠ {expected}"),
        Data::Int(i) => assert_eq!(*i as f64, expected),
        other => panic!("expected {expected}, found {other:?}"),
    }
}

fn round_trip(format: Format) {
    let report = report();
    let (_dir, path) = write_temp(format, &report);
    let mut book = open_workbook_auto(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Synthèse", "Candidatures", "Critères", "Journal"]
    );
    let apps = book.worksheet_range("Candidatures").unwrap();
    assert_eq!(apps.height(), 1 + 3);
    let texts = strings(&apps);
    for name in ["La Recyclerie de l'Ourcq", "Cantine Solidaire"] {
        assert!(texts.iter().any(|t| t == name), "{name} missing");
    }
    // The formula came back as plain text, neutralised, never as a formula.
    let evil = format!("'{EVIL}");
    assert!(texts.contains(&evil), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("'@SUM(A1)\nVisite")));
    assert!(
        book.worksheet_formula("Candidatures")
            .map(|f| f.used_cells().count() == 0)
            .unwrap_or(true)
    );
    // Numbers and dates the program wrote are typed.
    let recyclerie = "La Recyclerie de l'Ourcq";
    assert_number(cell_of(&apps, recyclerie, "Subvention demandée"), 25_000.0);
    assert_number(cell_of(&apps, &evil, "Subvention demandée"), 40_000.0);
    assert_number(cell_of(&apps, recyclerie, "Budget annuel max."), 12_000.0);
    assert_number(cell_of(&apps, recyclerie, "Surface min."), 150.0);
    assert_number(
        cell_of(&apps, recyclerie, "Adéquation projet / lieu (/4)"),
        4.0,
    );
    assert_date(
        cell_of(&apps, recyclerie, "Début souhaité"),
        NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
    );
    let row = report
        .applications
        .iter()
        .find(|a| a.name == recyclerie)
        .unwrap();
    assert_number(cell_of(&apps, recyclerie, "Score (/100)"), row.total);
    assert_number(
        cell_of(&apps, recyclerie, "Coût annuel"),
        row.annual_cost.unwrap().to_f64(),
    );

    let synthesis = book.worksheet_range("Synthèse").unwrap();
    assert_eq!(synthesis.height(), 1 + 3);
    assert_number(
        cell_of(&synthesis, recyclerie, "Enveloppe du fonds"),
        270_000.0,
    );
    let journal = book.worksheet_range("Journal").unwrap();
    assert_eq!(journal.height(), 1 + 3);
    let criteria = book.worksheet_range("Critères").unwrap();
    assert!(strings(&criteria).iter().any(|t| t == "Rééquilibrage"));
}

#[test]
fn xlsx_round_trip() {
    round_trip(Format::Xlsx);
}

#[test]
fn ods_round_trip() {
    round_trip(Format::Ods);
}

#[test]
fn csv_profiles() {
    let report = report();
    let excel = text(Format::CsvExcel, &report);
    assert!(excel.starts_with('\u{feff}'));
    let header = excel.lines().next().unwrap();
    assert!(header.contains(";Structure;"), "{header}");
    assert!(excel.contains("\r\n"));
    assert!(excel.contains(&format!("\"'{}\"", EVIL.replace('"', "\"\""))));
    insta::assert_snapshot!("csv_excel", excel);
    let standard = text(Format::Csv, &report);
    assert!(!standard.starts_with('\u{feff}') && !standard.contains('\r'));
    insta::assert_snapshot!("csv", standard);
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("markdown", text(Format::Markdown, &report()));
}

#[test]
fn html_snapshot() {
    let html = text(Format::Html, &report());
    assert!(!html.contains("http://") || html.contains("HYPERLINK(&quot;http://x"));
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="));
    for name in SHORTLISTED {
        assert!(html.contains(&ancrage::export::html::esc(name)), "{name}");
    }
    insta::assert_snapshot!("html", html);
}

#[test]
fn json_is_exact() {
    let json: serde_json::Value = serde_json::from_str(&text(Format::Json, &report())).unwrap();
    let report = &json["jury_report"];
    assert_eq!(report["applications"].as_array().unwrap().len(), 3);
    assert_eq!(report["grants"]["envelope"].to_string(), "270000");
    assert_eq!(report["personal_data"], false);
    assert_eq!(report["statuses"][0], "preselectionne");
}

#[test]
fn personal_data_only_on_request() {
    let without = report();
    for format in Format::ALL {
        let bytes = render(&without, format).unwrap();
        let found = bytes.windows(EMAIL.len()).any(|w| w == EMAIL.as_bytes());
        assert!(!found, "{format} leaks the e-mail");
    }
    let mut options = ReportOptions::shortlist(ancrage::i18n::Lang::Fr, today());
    options.with_personal_data = true;
    let with = report_with(options);
    for format in [
        Format::Csv,
        Format::CsvExcel,
        Format::Html,
        Format::Markdown,
        Format::Json,
    ] {
        assert!(
            text(format, &with).contains(EMAIL),
            "{format} lacks the e-mail"
        );
    }
    assert!(text(Format::Html, &without).contains("aucune donnée personnelle"));
    assert!(text(Format::Html, &with).contains("contient des données personnelles"));
}

// ---- The command line, on a workspace on disk ----

fn workspace_on_disk(dir: &Path) {
    use ancrage::store::save::{save_call, save_site, save_structure, save_territory};
    let mut ws = workspace();
    for s in &mut ws.structures {
        s.contact = None;
        // On disk a grant above the impact fund's cap is refused by validation.
        if s.id.as_str() == "atelier-bois" {
            s.grant_requested = Some(ancrage::domain::Money::euros(30_000));
        }
    }
    save_territory(dir, &ws.territory).unwrap();
    for site in &ws.sites {
        save_site(dir, site).unwrap();
    }
    for structure in &ws.structures {
        save_structure(dir, structure).unwrap();
    }
    for call in &ws.calls {
        save_call(dir, call).unwrap();
    }
    let ws = ancrage::store::load::load_workspace(dir).unwrap();
    let mut session =
        ancrage::session::ReviewSession::open(dir, &ws, &CALL.into(), "Léa Moreau").unwrap();
    for change in changes() {
        session.apply(change).unwrap();
    }
}

fn ancrage(dir: &Path, cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .current_dir(cwd)
        .env("ANCRAGE_WORKSPACE", dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_writes_default_name_and_never_overwrites_without_force() {
    let ws = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    workspace_on_disk(ws.path());
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "--call", CALL, "--format", "csv-excel"];
        args.extend_from_slice(extra);
        ancrage(ws.path(), out.path(), &args)
    };
    let first = export(&[]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let expected = out.path().join(format!(
        "jury-{CALL}-{}.csv",
        chrono::Local::now().format("%Y-%m-%d")
    ));
    let written = std::fs::read_to_string(&expected).unwrap();
    assert!(written.starts_with('\u{feff}') && written.contains("Cantine Solidaire"));

    std::fs::write(&expected, "mine").unwrap();
    let again = export(&[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&expected).unwrap(), "mine");

    let forced = export(&["--force"]);
    assert!(forced.status.success());
    assert!(
        std::fs::read_to_string(&expected)
            .unwrap()
            .contains("Cantine Solidaire")
    );
    // Only the file: no temporary left behind.
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn cli_personal_data_flag_and_refusals() {
    let ws = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    workspace_on_disk(ws.path());
    let path = ws.path().join("structures/recyclerie.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    doc["structure"]["contact"] = serde_json::json!({"name": "Camille Martin", "email": EMAIL});
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();

    let run = |file: &str, extra: &[&str]| {
        let mut args = vec!["export", "--call", CALL, "--format", "md", "-o", file];
        args.extend_from_slice(extra);
        ancrage(ws.path(), out.path(), &args)
    };
    assert!(run("plain.md", &[]).status.success());
    assert!(
        !std::fs::read_to_string(out.path().join("plain.md"))
            .unwrap()
            .contains(EMAIL)
    );
    let with = run("with.md", &["--with-personal-data"]);
    assert!(String::from_utf8_lossy(&with.stdout).contains("AVEC données personnelles"));
    assert!(
        std::fs::read_to_string(out.path().join("with.md"))
            .unwrap()
            .contains(EMAIL)
    );

    let refused = run("refused.md", &["--status", "refuse,classe_sans_suite"]);
    assert!(refused.status.success());
    let refused = std::fs::read_to_string(out.path().join("refused.md")).unwrap();
    assert!(refused.contains("Jardins du Canal") && !refused.contains("Cantine Solidaire"));

    let unknown = ancrage(
        ws.path(),
        out.path(),
        &["export", "--call", "tempo-2025", "--format", "json"],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("tempo-2026"));
    let site = run("x.md", &["--site", "usine"]);
    assert_eq!(site.status.code(), Some(2));
    assert!(!out.path().join("x.md").exists());
}

/// The parts of a zip archive (XLSX and ODS are zips), as text.
fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut entry = archive.by_name(name).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
    text
}

#[test]
fn xlsx_sheets_are_frozen_filtered_and_formula_free() {
    let bytes = render(&report(), Format::Xlsx).unwrap();
    for n in 1..=4 {
        let sheet = zip_entry(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(sheet.contains("ySplit=\"1\"") && sheet.contains("state=\"frozen\""));
        assert!(sheet.contains("<autoFilter ref=\"A1:"), "sheet {n}");
        assert!(
            !sheet.contains("<f>") && !sheet.contains("<f "),
            "formula in sheet {n}"
        );
    }
    let styles = zip_entry(&bytes, "xl/styles.xml");
    for code in ["#,##0 &quot;€&quot;", "#,##0 &quot;m²&quot;", "dd/mm/yyyy"] {
        assert!(styles.contains(code), "{code} missing");
    }
}

#[test]
fn ods_is_well_formed_with_typed_cells_filters_and_frozen_headers() {
    let bytes = render(&report(), Format::Ods).unwrap();
    assert_eq!(
        zip_entry(&bytes, "mimetype"),
        "application/vnd.oasis.opendocument.spreadsheet"
    );
    let content = zip_entry(&bytes, "content.xml");
    assert!(
        content.contains(
            "office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"25000\""
        )
    );
    assert!(content.contains("office:date-value=\"2026-07-01\""));
    assert_eq!(content.matches("<table:database-range ").count(), 4);
    assert!(!content.contains("table:formula"));
    let settings = zip_entry(&bytes, "settings.xml");
    assert_eq!(settings.matches("\"VerticalSplitPosition\"").count(), 4);
    assert!(zip_entry(&bytes, "META-INF/manifest.xml").contains("content.xml"));
}

#[test]
fn an_empty_scope_still_gives_every_file() {
    let mut options = ReportOptions::shortlist(ancrage::i18n::Lang::En, today());
    options.statuses = vec![Status::Accepte];
    let empty = report_with(options);
    assert!(empty.applications.is_empty() && empty.journal.is_empty());
    for format in Format::ALL {
        assert!(!render(&empty, format).unwrap().is_empty(), "{format}");
    }
    let (_dir, path) = write_temp(Format::Ods, &empty);
    let mut book = open_workbook_auto(&path).unwrap();
    assert_eq!(book.worksheet_range("Applications").unwrap().height(), 1);
    assert!(text(Format::Html, &empty).contains("No application in this scope."));
}

mod injection {
    use super::*;
    use ancrage::export::neutralise::is_dangerous;
    use proptest::prelude::*;

    fn hostile() -> impl Strategy<Value = String> {
        "[ \t\r\n=+@a-z\\-]{0,3}[=+@\\-]?[A-Za-z0-9(),\"]{1,8}"
    }

    fn report_naming(name: &str, note: &str) -> JuryReport {
        let mut ws = workspace();
        ws.structures[0].name = name.to_owned();
        let mut state = state(&ws);
        let key = key("recyclerie", "friche-gallieni");
        let change = Change::Annotate {
            key,
            text: note.to_owned(),
        };
        review::apply(&mut state, &change, "Léa Moreau", at(20)).unwrap();
        let matcher = Matcher::new(&ws, today(), &Default::default());
        let options = ReportOptions::shortlist(ancrage::i18n::Lang::Fr, today());
        JuryReport::build(&ws, &matcher, &state, &options).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Whatever an applicant types, no text cell read back from the CSV or the XLSX would
        /// be taken for a formula, and the text itself is kept (after the added quote).
        #[test]
        fn applicant_text_never_comes_back_as_a_formula(name in hostile(), note in hostile()) {
            let report = report_naming(&name, &note);
            let csv = render(&report, Format::Csv).unwrap();
            let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_slice());
            for record in reader.records() {
                for field in record.unwrap().iter() {
                    // Numbers are written by the program, never negative here.
                    prop_assert!(!is_dangerous(field), "{field:?}");
                }
            }
            let (_dir, path) = write_temp(Format::Xlsx, &report);
            let mut book = open_workbook_auto(&path).unwrap();
            let apps = book.worksheet_range("Candidatures").unwrap();
            let texts = strings(&apps);
            for original in [&name, &note] {
                if original.trim().is_empty() {
                    continue;
                }
                let expected = ancrage::export::neutralise::neutralise(original);
                prop_assert!(texts.iter().any(|t| t == &expected), "{expected:?} not in {texts:?}");
            }
            prop_assert!(texts.iter().all(|t| !is_dangerous(t)));
        }
    }
}
