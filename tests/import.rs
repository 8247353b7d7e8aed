//! The import from the fixtures of `tests/fixtures/import/`: the same data as Windows-1252 CSV,
//! XLSX and ODS imports identically; the platforms' exports read as they are; bad rows are each
//! reported and nothing is written; a re-import changes nothing; the import is one journaled,
//! undoable step.

mod common;

use ancrage::domain::{CallId, InseeCode, LegalForm, Money, SiteId, Structure, UseType, Workspace};
use ancrage::import::problem::{Expected, Severity, SiretFault};
use ancrage::import::{ImportFile, ImportOptions, Prepared, prepare_applications, prepare_sites};
use ancrage::review::{DecisionKind, Status};
use ancrage::session::files::load_state;
use ancrage::session::{Access, Session};
use ancrage::store::init::init_workspace;
use ancrage::store::load::load_workspace;
use common::snapshot;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CALL: &str = "ami-2027";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn ancrage(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .arg("--workspace")
        .arg(dir)
        .args(args)
        .env("ANCRAGE_OFFICER", "Léa Martin")
        .output()
        .expect("ancrage runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The embedded catalogue, and a call on three of its sites.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    init_workspace(dir.path()).expect("init");
    let out = ancrage(
        dir.path(),
        &[
            "call",
            "create",
            CALL,
            "--title",
            "AMI Temp'O 2027",
            "--site",
            "usine-des-transitions",
            "--site",
            "tempo-bobigny-ecocite-friche",
            "--site",
            "tempo-pantin-quatre-chemins-rdc",
            "--deadline",
            "2027-01-15",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    dir
}

/// The workspace in `dir`, its records in id order (files load in name order, records created
/// in memory go last).
fn load(dir: &Path) -> Workspace {
    sorted(load_workspace(dir).unwrap_or_else(|p| panic!("workspace loads:\n{p}")))
}

fn sorted(mut ws: Workspace) -> Workspace {
    ws.sites.sort_by(|a, b| a.id.cmp(&b.id));
    ws.structures.sort_by(|a, b| a.id.cmp(&b.id));
    ws.calls.sort_by(|a, b| a.id.cmp(&b.id));
    ws
}

fn prepare(dir: &Path, ws: &Workspace, name: &str) -> Prepared {
    let bytes = std::fs::read(fixture(name)).expect("fixture");
    let review = load_state(dir, &CallId::new(CALL)).expect("review state");
    prepare_applications(
        &ImportFile {
            name,
            bytes: &bytes,
        },
        &CallId::new(CALL),
        ws,
        review.as_ref(),
        &ImportOptions::default(),
    )
    .expect("prepared")
}

fn structure<'a>(structures: &'a [Structure], name: &str) -> &'a Structure {
    structures
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("{name} imported"))
}

/// The records an operation puts, without the journal note (it names the file).
fn records(prepared: &Prepared) -> (Vec<ancrage::edit::Step>, Option<ancrage::review::Change>) {
    let operation = prepared.operation.clone().expect("something to write");
    (
        operation.edit.map(|e| e.steps).unwrap_or_default(),
        operation.change,
    )
}

fn applied(ws: &Workspace, prepared: &Prepared) -> Workspace {
    let mut ws = ws.clone();
    if let Some(edit) = prepared.operation.as_ref().and_then(|o| o.edit.as_ref()) {
        ancrage::edit::apply(&mut ws, edit).expect("edit applies");
    }
    ws
}

#[test]
fn excel_csv_xlsx_and_ods_import_identically() {
    let dir = workspace();
    let ws = load(dir.path());
    let csv = prepare(dir.path(), &ws, "excel-fr.csv");
    let xlsx = prepare(dir.path(), &ws, "excel-fr.xlsx");
    let ods = prepare(dir.path(), &ws, "excel-fr.ods");
    let report = &csv.report;
    assert_eq!(
        (
            report.rows,
            report.created,
            report.refused,
            report.applications_added
        ),
        (5, 5, 0, 5),
        "{}",
        report.render(ancrage::i18n::Lang::Fr)
    );
    assert!(
        report
            .render(ancrage::i18n::Lang::Fr)
            .contains("Windows-1252, séparateur «\u{a0};\u{a0}»")
    );
    assert_eq!(
        records(&csv),
        records(&xlsx),
        "CSV and XLSX import the same"
    );
    assert_eq!(records(&csv), records(&ods), "CSV and ODS import the same");
    assert_eq!(csv.report.problems, xlsx.report.problems);
    assert_eq!(csv.report.problems, ods.report.problems);

    // Only warnings: formula-looking text (row 5, though row 2 holds a line break) and a city
    // outside the territory (row 6).
    let warnings: Vec<(usize, &str, &Expected)> = report
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str(), &p.expected))
        .collect();
    assert_eq!(
        warnings,
        [
            (5, "Description", &Expected::Formula),
            (6, "Commune", &Expected::OutsideTerritory)
        ]
    );
    assert!(
        report
            .problems
            .iter()
            .all(|p| p.severity() == Severity::Warning)
    );

    let after = applied(&ws, &csv);
    let copeaux = structure(&after.structures, "Les Copeaux Malins");
    assert_eq!(copeaux.id.as_str(), "les-copeaux-malins");
    assert_eq!(copeaux.siret.as_deref(), Some("84152000012342"));
    assert_eq!(copeaux.legal_form, LegalForm::Scop);
    assert_eq!(copeaux.home_city, InseeCode::new("93048"));
    assert_eq!(
        (
            copeaux.needs.surface_min.value(),
            copeaux.needs.surface_max.value()
        ),
        (80.0, 120.0)
    );
    assert_eq!(copeaux.needs.max_annual_budget, Money::euros(12000));
    assert_eq!(copeaux.grant_requested, Some(Money::euros(15000)));
    assert_eq!(copeaux.jobs.fte, 3.5);
    assert_eq!(
        copeaux.description,
        "Atelier de menuiserie\nen bois de réemploi"
    );
    assert_eq!(copeaux.needs.use_types, [UseType::Workshop]);
    let pre = structure(&after.structures, "Ressourcerie du Pré");
    assert_eq!(pre.home_city, InseeCode::new("93061"), "Pre St Gervais");
    assert_eq!(
        pre.needs.max_annual_budget,
        Money("24000.5".parse().unwrap())
    );
    assert_eq!(pre.needs.duration.in_months(), 24);
    let esus = structure(&after.structures, "Cuisine Nomade");
    assert!(esus.esus);
    let collective = structure(&after.structures, "Collectif Terre Vive");
    assert_eq!(collective.siret, None);
    assert_eq!(collective.home_city, InseeCode::new("Paris"));
    let call = after.call(&CallId::new(CALL)).expect("call");
    let sites_of = |name: &str| {
        let id = &structure(&after.structures, name).id;
        call.applications
            .iter()
            .find(|a| &a.structure == id)
            .map(|a| a.sites.clone())
            .expect("applied")
    };
    assert_eq!(
        sites_of("Ressourcerie du Pré"),
        [
            SiteId::new("usine-des-transitions"),
            SiteId::new("tempo-bobigny-ecocite-friche")
        ]
    );
    assert_eq!(
        sites_of("Cuisine Nomade"),
        call.sites,
        "no wish: every site"
    );
    assert_eq!(
        call.applications[0].dossier.as_deref(),
        Some("101"),
        "the platform's number is kept"
    );
}

#[test]
fn an_import_is_one_journaled_step_and_a_reimport_changes_nothing() {
    let dir = workspace();
    let file = fixture("excel-fr.csv");
    let file = file.to_str().expect("utf-8 path");
    let dry = snapshot(dir.path());
    let out = ancrage(
        dir.path(),
        &["import", "applications", file, "--call", CALL, "--dry-run"],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("rien n’a été écrit"), "{}", text(&out));
    assert_eq!(snapshot(dir.path()), dry, "a dry run writes nothing");

    let out = ancrage(
        dir.path(),
        &["import", "applications", file, "--call", CALL],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("5 structures créé(e)s"),
        "{}",
        text(&out)
    );
    let journal = std::fs::read_to_string(dir.path().join("journal.jsonl")).expect("journal");
    let before = journal.lines().count();
    let ws = load(dir.path());
    assert_eq!(
        ws.call(&CallId::new(CALL))
            .expect("call")
            .applications
            .len(),
        5
    );
    // The review holds every new application, under review.
    let state = load_state(dir.path(), &CallId::new(CALL))
        .expect("state")
        .expect("saved");
    assert_eq!(state.applications.len(), 1 + 2 + 3 + 1 + 1);

    let once = snapshot(dir.path());
    let out = ancrage(
        dir.path(),
        &["import", "applications", file, "--call", CALL],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Rien à changer"), "{}", text(&out));
    assert_eq!(snapshot(dir.path()), once, "byte-identical workspace");
    let journal = std::fs::read_to_string(dir.path().join("journal.jsonl")).expect("journal");
    assert_eq!(journal.lines().count(), before, "no journal line");
}

#[test]
fn undo_takes_the_whole_import_back() {
    let dir = workspace();
    let ws = load(dir.path());
    let prepared = prepare(dir.path(), &ws, "demarches-simplifiees.csv");
    let mut session = Session::open(
        dir.path(),
        &ws,
        Some(&CallId::new(CALL)),
        "Léa Martin",
        Access::WriteWaiting(std::time::Duration::from_secs(5)),
    )
    .expect("session");
    let done = session
        .apply(&ws, prepared.operation.clone().expect("operation"))
        .expect("applied");
    let mut after = ws.clone();
    ancrage::edit::apply_unchecked(&mut after, done.edit.as_ref().expect("edit"));
    assert_eq!(load(dir.path()), sorted(after.clone()));
    let undone = session.undo(&after).expect("undo");
    ancrage::edit::apply_unchecked(&mut after, undone.edit.as_ref().expect("edit"));
    let reloaded = load(dir.path());
    assert_eq!(reloaded.structures, ws.structures);
    assert_eq!(reloaded.calls, ws.calls);
}

#[test]
fn bad_rows_are_each_reported_and_nothing_is_written() {
    let dir = workspace();
    let file = fixture("bad-rows.csv");
    let file = file.to_str().expect("utf-8 path");
    let before = snapshot(dir.path());
    let out = ancrage(
        dir.path(),
        &["import", "applications", file, "--call", CALL, "--json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(snapshot(dir.path()), before, "nothing written");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let located: Vec<(u64, String, String)> = json["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["row"].as_u64().expect("row"),
                p["column"].as_str().expect("column").to_owned(),
                p["value"].as_str().expect("value").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        located,
        [
            (3, "SIRET".into(), "84152000012343".into()),
            (4, "SIRET".into(), "8,41520E+13".into()),
            (5, "Raison sociale".into(), String::new()),
            (6, "Surface souhaitée (m²)".into(), "-20".into()),
            (7, "Date de début souhaitée".into(), "31/02/2027".into()),
            (8, "Forme juridique".into(), "SARL".into()),
        ]
    );
    assert!(
        json["problems"][1]["expected"]
            .as_str()
            .unwrap()
            .contains("notation scientifique")
    );
    assert!(
        json["problems"][4]["expected"]
            .as_str()
            .unwrap()
            .contains("31/02")
    );
    assert_eq!(json["created"], 0);
    assert_eq!(json["refused"], 6);

    let out = ancrage(
        dir.path(),
        &[
            "import",
            "applications",
            file,
            "--call",
            CALL,
            "--skip-invalid",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let ws = load(dir.path());
    assert_eq!(
        ws.call(&CallId::new(CALL))
            .expect("call")
            .applications
            .len(),
        1
    );
    assert!(ws.structures.iter().any(|s| s.name == "Atelier Valide"));
}

#[test]
fn demarches_simplifiees_csv_and_xlsx_with_its_establishment_sheet() {
    let dir = workspace();
    let ws = load(dir.path());
    let csv = prepare(dir.path(), &ws, "demarches-simplifiees.csv");
    let xlsx = prepare(dir.path(), &ws, "demarches-simplifiees.xlsx");
    assert_eq!(
        csv.report.created,
        3,
        "{}",
        csv.report.render(ancrage::i18n::Lang::Fr)
    );
    assert_eq!(
        records(&csv),
        records(&xlsx),
        "the establishment sheet is joined"
    );
    let after = applied(&ws, &csv);
    let remise = structure(&after.structures, "ATELIER REMISE");
    assert_eq!(
        remise.siret.as_deref(),
        Some("51234567800027"),
        "the establishment, never the head office"
    );
    assert_eq!(remise.legal_form, LegalForm::Scop);
    assert_eq!(remise.needs.surface_max.value(), 120.0);
    assert_eq!(remise.grant_requested, None, "above the cap: not taken");
    assert!(csv.report.problems.iter().any(|p| p.row == 2
        && p.column == "Subvention demandée"
        && matches!(p.expected, Expected::GrantAboveCap(_))));
    let pixel = structure(&after.structures, "PIXEL SOLIDAIRE");
    assert_eq!(
        pixel.home_city,
        InseeCode::new("75120"),
        "outside, by its INSEE code"
    );
    let saveurs = structure(&after.structures, "SAVEURS PARTAGEES");
    assert!(saveurs.youth_led);
    // Statuses of new applications come from the file, recorded as imported decisions.
    let Some(ancrage::review::Change::Import { statuses }) = records(&csv).1 else {
        panic!("statuses imported");
    };
    let status_of = |id: &str| {
        statuses
            .iter()
            .filter(|s| s.key.structure.as_str() == id)
            .map(|s| (s.status, s.motivation.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(status_of(saveurs.id.as_str()), [(Status::Accepte, None)]);
    assert_eq!(
        status_of(pixel.id.as_str())[0],
        (
            Status::Refuse,
            Some("Activité sans lien avec les lieux proposés".to_owned())
        )
    );
}

#[test]
fn a_decision_made_in_ancrage_is_never_changed_by_an_import() {
    let dir = workspace();
    let file = fixture("demarches-simplifiees.csv");
    let file = file.to_str().expect("utf-8 path");
    let out = ancrage(
        dir.path(),
        &["import", "applications", file, "--call", CALL],
    );
    assert!(out.status.success(), "{}", text(&out));
    let state = load_state(dir.path(), &CallId::new(CALL)).unwrap().unwrap();
    let accepted = state
        .applications
        .values()
        .find(|a| a.status == Status::Accepte)
        .expect("imported acceptance");
    assert_eq!(accepted.history[0].kind, DecisionKind::Import);
    assert_eq!(accepted.history[0].who, "Léa Martin");
    let out = ancrage(
        dir.path(),
        &[
            "review",
            "set",
            "--call",
            CALL,
            "--structure",
            "atelier-remise",
            "--site",
            "usine-des-transitions",
            "--status",
            "preselectionne",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let before = snapshot(dir.path());
    let out = ancrage(
        dir.path(),
        &["import", "applications", file, "--call", CALL],
    );
    assert!(out.status.success(), "{}", text(&out));
    let report = text(&out);
    assert!(report.contains("Désaccords"), "{report}");
    assert!(
        report
            .contains("fichier «\u{a0}en instruction\u{a0}», ancrage «\u{a0}présélectionné\u{a0}»"),
        "{report}"
    );
    assert_eq!(snapshot(dir.path()), before, "the decision stays");
}

#[test]
fn framaforms_and_google_forms_exports() {
    let dir = workspace();
    let ws = load(dir.path());
    let frama = prepare(dir.path(), &ws, "framaforms.csv");
    assert_eq!(
        frama.report.created,
        2,
        "{}",
        frama.report.render(ancrage::i18n::Lang::Fr)
    );
    assert!(
        frama.report.problems.is_empty(),
        "{:?}",
        frama.report.problems
    );
    let after = applied(&ws, &frama);
    let call = after.call(&CallId::new(CALL)).unwrap();
    let velo = call
        .applications
        .iter()
        .find(|a| a.dossier.as_deref() == Some("41"))
        .expect("SID kept");
    assert_eq!(
        velo.sites,
        [
            SiteId::new("usine-des-transitions"),
            SiteId::new("tempo-pantin-quatre-chemins-rdc")
        ],
        "X marks"
    );
    assert_eq!(
        velo.submitted_on,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 3)
    );
    let velo = structure(&after.structures, "La Fabrique à Vélos");
    assert_eq!(
        (
            velo.needs.surface_min.value(),
            velo.needs.surface_max.value()
        ),
        (40.0, 60.0)
    );

    let google = prepare(dir.path(), &ws, "google-forms.csv");
    let report = &google.report;
    assert_eq!(
        report.created,
        2,
        "{}",
        report.render(ancrage::i18n::Lang::Fr)
    );
    assert_eq!(report.unknown_columns, ["Vos remarques"]);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.row == 2 && p.expected == Expected::YearOnly),
        "{:?}",
        report.problems
    );
    let after = applied(&ws, &google);
    let graine = structure(&after.structures, "Graine de Quartier");
    assert_eq!(graine.siret.as_deref(), Some("88000800000007"));
    assert_eq!(graine.home_city, InseeCode::new("93045"), "Les Lilas");
    assert_eq!(graine.needs.use_types, [UseType::Shop, UseType::Storage]);
    assert_eq!(graine.grant_requested, Some(Money::euros(12000)));
    let fil = structure(&after.structures, "Atelier Fil à Fil");
    assert_eq!(
        fil.needs.max_annual_budget,
        Money("15000.5".parse().unwrap())
    );
    assert_eq!(fil.needs.duration.in_months(), 18);
}

#[test]
fn sites_and_lots_one_row_per_lot() {
    let dir = workspace();
    let ws = load(dir.path());
    let bytes = std::fs::read(fixture("lieux.csv")).unwrap();
    let prepared = prepare_sites(
        &ImportFile {
            name: "lieux.csv",
            bytes: &bytes,
        },
        &ws,
        &ImportOptions::default(),
    )
    .unwrap();
    let report = &prepared.report;
    assert_eq!(
        (report.created, report.refused),
        (2, 0),
        "{}",
        report.render(ancrage::i18n::Lang::Fr)
    );
    assert!(
        report
            .problems
            .iter()
            .all(|p| p.expected == Expected::CityCentre)
    );
    let after = applied(&ws, &prepared);
    let canal = after
        .sites
        .iter()
        .find(|s| s.name == "Friche du Canal")
        .unwrap();
    assert_eq!(canal.lots.len(), 2);
    assert_eq!(canal.lots[1].surface.value(), 1200.0);
    let file = fixture("lieux.csv");
    let out = ancrage(dir.path(), &["import", "sites", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        load(dir.path())
            .sites
            .iter()
            .any(|s| s.name == "Halle Babeuf")
    );
    let once = snapshot(dir.path());
    let out = ancrage(dir.path(), &["import", "sites", file.to_str().unwrap()]);
    assert!(text(&out).contains("Rien à changer"), "{}", text(&out));
    assert_eq!(snapshot(dir.path()), once);
}

#[test]
fn the_template_reads_back_and_says_what_is_accepted() {
    let dir = workspace();
    let out_dir = dir.path().join("modele");
    let out = ancrage(
        dir.path(),
        &["import", "template", "--out", out_dir.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));
    for name in [
        "candidatures.csv",
        "candidatures.xlsx",
        "lieux.csv",
        "lieux.xlsx",
        "LISEZ-MOI.md",
    ] {
        assert!(out_dir.join(name).exists(), "{name}");
    }
    let readme = std::fs::read_to_string(out_dir.join("LISEZ-MOI.md")).unwrap();
    assert!(
        readme.contains("| Raison sociale | `name` | oui |"),
        "{readme}"
    );
    // An empty template is refused for want of rows, with every column known.
    for name in ["candidatures.csv", "candidatures.xlsx"] {
        let ws = load(dir.path());
        let bytes = std::fs::read(out_dir.join(name)).unwrap();
        let prepared = prepare_applications(
            &ImportFile {
                name,
                bytes: &bytes,
            },
            &CallId::new(CALL),
            &ws,
            None,
            &ImportOptions::default(),
        )
        .unwrap();
        assert!(
            prepared.report.unknown_columns.is_empty(),
            "{:?}",
            prepared.report.unknown_columns
        );
        assert!(prepared.report.is_refused());
        assert_eq!(prepared.report.problems[0].expected, Expected::Rows);
    }
    let _ = SiretFault::Key;
}
