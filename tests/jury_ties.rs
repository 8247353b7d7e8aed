//! Ties in the jury files: equal totals at the precision shown are « ex æquo » in every format,
//! never ranked 1, 2, 3 by identifier; the jury grid or the officer's explicit order breaks a
//! tie, and the file says how. The lot each application holds, the checks on it and the
//! robustness of its place are there too.

use ancrage::domain::{CallId, SiteId, Workspace};
use ancrage::export::report::{JuryReport, ReportOptions};
use ancrage::export::{Format, render};
use ancrage::i18n::Lang;
use ancrage::review::{AppKey, Change, Grade, ReviewState, Status, TieBreak, apply};
use ancrage::scoring::Matcher;
use calamine::{Reader, open_workbook_auto_from_rs};
use chrono::{DateTime, NaiveDate};
use std::io::Cursor;

const USINE: &str = "usine-des-transitions";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn demo() -> Workspace {
    let dir = tempfile::tempdir().unwrap();
    ancrage::store::init::init_workspace(dir.path()).unwrap();
    ancrage::store::load::load_workspace(dir.path()).unwrap()
}

fn run(state: &mut ReviewState, change: Change) {
    let at = DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap();
    apply(state, &change, "Léa", at).unwrap();
}

/// The three structures at 94,0 on the Usine des transitions, shortlisted.
fn shortlisted(ws: &Workspace) -> ReviewState {
    let call = ws.call(&CallId::new("tempo-2026")).unwrap();
    let mut state = ReviewState::fresh(call);
    for s in [
        "conserverie-quai-sucre",
        "copeaux-volants",
        "emplois-du-plateau",
    ] {
        run(
            &mut state,
            Change::SetStatus {
                key: AppKey::new(s, USINE),
                status: Status::Preselectionne,
                motivation: None,
            },
        );
    }
    state
}

fn report(ws: &Workspace, state: &ReviewState, lang: Lang) -> JuryReport {
    let call = ws.call(&state.call).unwrap();
    let matcher = Matcher::new(ws, today(), &call.tolerances);
    JuryReport::build(
        ws,
        &matcher,
        state,
        &ReportOptions::shortlist(lang, today()),
    )
    .unwrap()
}

fn text(ws: &Workspace, state: &ReviewState, format: Format) -> String {
    String::from_utf8(render(&report(ws, state, Lang::Fr), format).unwrap()).unwrap()
}

#[test]
fn equal_totals_are_ex_aequo_in_every_format() {
    let ws = demo();
    let state = shortlisted(&ws);
    let r = report(&ws, &state, Lang::Fr);
    let site = SiteId::new(USINE);
    let usine: Vec<_> = r.applications_of(&site).collect();
    assert_eq!(usine.len(), 3);
    assert!(
        usine.iter().all(|a| a.rank == 1 && a.ex_aequo),
        "{usine:#?}"
    );
    // Listed by name, not by identifier.
    let names: Vec<&str> = usine.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Conserverie du Quai Sucré",
            "Emplois du Plateau",
            "Les Copeaux Volants"
        ]
    );
    for format in [
        Format::Html,
        Format::Markdown,
        Format::Csv,
        Format::CsvExcel,
        Format::Json,
    ] {
        let out = text(&ws, &state, format);
        assert!(out.contains("ex æquo"), "{format:?}");
    }
    assert!(text(&ws, &state, Format::Html).contains("1 ex æquo. Conserverie du Quai Sucré"));
    // Spreadsheets: the rank column says 1 three times, the next column ex æquo.
    for format in [Format::Xlsx, Format::Ods] {
        let bytes = render(&r, format).unwrap();
        let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("Candidatures").unwrap();
        let rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect();
        let tied = rows
            .iter()
            .filter(|r| r[0] == "1" && r[1].contains("ex æquo"))
            .count();
        assert_eq!(tied, 3, "{format:?}: {rows:?}");
    }
    let json: serde_json::Value = serde_json::from_str(&text(&ws, &state, Format::Json)).unwrap();
    let first = &json["jury_report"]["applications"][0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["ex_aequo"], true);
    assert!(first["p_top_k"].is_number());
    assert!(first["weight_intervals"].is_array());
}

#[test]
fn the_grid_or_the_officer_breaks_a_tie_and_the_file_says_how() {
    let ws = demo();
    let mut state = shortlisted(&ws);
    for (s, points) in [("conserverie-quai-sucre", 2), ("copeaux-volants", 4)] {
        for criterion in ["fit", "anchoring"] {
            run(
                &mut state,
                Change::Grade {
                    key: AppKey::new(s, USINE),
                    criterion: criterion.into(),
                    grade: Some(Grade::Points(points)),
                },
            );
        }
    }
    let r = report(&ws, &state, Lang::Fr);
    let rank_of = |r: &JuryReport, s: &str| {
        r.applications
            .iter()
            .find(|a| a.structure.as_str() == s)
            .map(|a| (a.rank, a.tie_break.clone().unwrap_or_default()))
            .unwrap()
    };
    let (rank, how) = rank_of(&r, "copeaux-volants");
    assert_eq!(rank, 1);
    assert!(
        how.contains("départagé par la grille du jury (100,0)"),
        "{how}"
    );
    assert_eq!(rank_of(&r, "conserverie-quai-sucre").0, 2);

    run(
        &mut state,
        Change::SetTieBreak {
            site: SiteId::new(USINE),
            tie_break: Some(TieBreak {
                order: vec!["emplois-du-plateau".into(), "conserverie-quai-sucre".into()],
                motivation: "visite du site le 3 décembre".into(),
            }),
        },
    );
    let r = report(&ws, &state, Lang::Fr);
    let (rank, how) = rank_of(&r, "emplois-du-plateau");
    assert_eq!(rank, 1);
    assert!(
        how.contains("départagé par le service\u{a0}: visite du site le 3 décembre"),
        "{how}"
    );
    assert!(text(&ws, &state, Format::Markdown).contains("visite du site le 3 décembre"));
}

#[test]
fn the_file_shows_the_lot_decided_and_warns_about_a_lot_given_twice() {
    let ws = demo();
    let mut state = shortlisted(&ws);
    run(
        &mut state,
        Change::SetStatusWithLot {
            key: AppKey::new("emplois-du-plateau", USINE),
            status: Status::Accepte,
            motivation: None,
            holding: ancrage::domain::Holding::whole("atelier-b1".into()),
        },
    );
    let r = report(&ws, &state, Lang::Fr);
    let emplois = r
        .applications
        .iter()
        .find(|a| a.structure.as_str() == "emplois-du-plateau");
    // Accepted: out of the shortlist scope, but the checks still name the conflict.
    assert!(emplois.is_none());
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("un lot ne se donne qu'une fois"))
    );
    let all = JuryReport::build(
        &ws,
        &Matcher::new(&ws, today(), &Default::default()),
        &state,
        &ReportOptions {
            statuses: vec![Status::Preselectionne, Status::Accepte],
            ..ReportOptions::shortlist(Lang::Fr, today())
        },
    )
    .unwrap();
    let emplois = all
        .applications
        .iter()
        .find(|a| a.structure.as_str() == "emplois-du-plateau")
        .unwrap();
    assert!(emplois.lot_named);
    assert_eq!(emplois.lot_label.as_deref(), Some("Bâtiment B — atelier 1"));
    assert!(!emplois.warnings.is_empty());
    for format in [Format::Html, Format::Markdown, Format::CsvExcel] {
        let out = String::from_utf8(render(&all, format).unwrap()).unwrap();
        assert!(out.contains("un lot ne se donne qu"), "{format:?}");
    }
}
