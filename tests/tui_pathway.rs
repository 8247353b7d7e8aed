//! The Parcours and Territoire screens driven through the real keymap into a TestBackend: the
//! timeline's zoom and scroll, the alert horizons, a placement recorded from the next step and
//! undone, a structure attached to a call, the placement offered when accepting on Appel (one
//! step with the decision, or the decision alone), the year selector, the map's geography;
//! snapshots of both screens and of their dialogs.

mod cockpit;
mod support;

use ancrage::domain::StructureId;
use ancrage::i18n::Lang;
use ancrage::pathway::{AlertKind, Within, alerts};
use ancrage::review::{AppKey, Status};
use ancrage::tui::DialogKind;
use ancrage::tui::screens::parcours::Focus;
use ancrage::tui::screens::territoire::map::city_cells;
use chrono::Datelike;
use cockpit::session::Session;
use support::today;
use tempfile::TempDir;

const OFFICER: &str = "Léa Martin";
const RECYCLERIE: &str = "recyclerie-des-lilas";

/// A review session in a temporary folder, on `tab`.
fn cockpit(lang: Lang, width: u16, height: u16, tab: &str) -> (Session, TempDir) {
    let dir = tempfile::Builder::new()
        .prefix("ancrage-")
        .tempdir()
        .expect("temp dir");
    let mut s = Session::new(lang, width, height);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.ctx.export_folder = Some(dir.path().to_owned());
    s.app.open_review_as(OFFICER);
    s.keys(tab);
    (s, dir)
}

/// The screen with the temporary folder's name masked, for snapshots.
fn masked(s: &Session) -> String {
    let path = s.app.ctx.workspace_path.display().to_string();
    s.screen().replace(&path, &"X".repeat(path.chars().count()))
}

fn structure_index(s: &Session, id: &str) -> usize {
    s.app
        .ctx
        .workspace
        .structures
        .iter()
        .position(|x| x.id == StructureId::new(id))
        .expect("structure in the fixture")
}

/// Moves the Parcours cursor onto structure `id`.
fn select(s: &mut Session, id: &str) {
    let index = structure_index(s, id);
    s.keys("g");
    while s.app.parcours.selected() != Some(index) {
        let before = s.app.parcours.cursor;
        s.keys("j");
        assert_ne!(
            before, s.app.parcours.cursor,
            "{id} not on the Parcours rows"
        );
    }
}

fn planned_episodes(s: &Session, id: &str) -> usize {
    let index = structure_index(s, id);
    s.app.ctx.workspace.structures[index]
        .pathway
        .iter()
        .filter(|e| e.is_planned())
        .count()
}

fn ending_alert(s: &Session, id: &str) -> bool {
    s.app
        .parcours
        .alerts()
        .any(|a| a.structure == StructureId::new(id) && a.kind == AlertKind::EndingWithoutNext)
}

#[test]
fn both_screens_at_both_sizes_and_in_english() {
    for (lang, suffix) in [(Lang::Fr, ""), (Lang::En, "_en")] {
        for (w, h) in [(120, 40), (80, 24)] {
            if lang == Lang::En && w == 80 {
                continue;
            }
            for (tab, name) in [("4", "parcours"), ("5", "territoire")] {
                let mut s = Session::new(lang, w, h);
                s.keys(tab);
                insta::assert_snapshot!(format!("{name}_{w}x{h}{suffix}"), s.screen());
            }
        }
    }
}

#[test]
fn the_timeline_zooms_from_years_to_months_and_scrolls() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40, "4");
    let start = s.app.parcours.span;
    assert!(start.contains(today()));
    assert!(s.screen().contains("2025") && s.screen().contains("2028"));
    s.keys("+");
    let zoomed = s.app.parcours.span;
    assert!(zoomed.days() < start.days(), "{zoomed:?} within {start:?}");
    s.keys("+ +");
    let months = s.app.parcours.span;
    assert!(months.days() < 400, "{months:?}");
    let screen = s.screen();
    assert!(
        screen.contains("12/26") && screen.contains("01/27"),
        "months on the date line:\n{screen}"
    );
    s.keys("l");
    assert!(s.app.parcours.span.from > months.from, "forward in time");
    assert!(
        s.app.parcours.span.days().abs_diff(months.days()) <= 3,
        "about the same length (months differ)"
    );
    s.keys("h h");
    assert!(s.app.parcours.span.from < months.from, "back in time");
    s.keys("t");
    assert!(s.app.parcours.span.contains(today()), "back to today");
    s.keys("- - -");
    let back = s.app.parcours.span.days();
    assert!(
        back.abs_diff(start.days()) <= 10,
        "zoomed out to years: {back}"
    );
    assert!(s.screen().contains('┃'), "today is marked");
}

#[test]
fn the_alert_horizon_goes_through_3_6_and_12_months() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40, "4");
    assert_eq!(s.app.parcours.horizon, Within::default());
    let screen = s.screen().replace('\u{a0}', " ");
    assert!(screen.contains("Alertes à 6 mois"), "{screen}");
    let mut seen = Vec::new();
    for _ in 0..3 {
        s.keys("m");
        let horizon = s.app.parcours.horizon;
        seen.push(horizon);
        assert_eq!(
            s.app.parcours.alerts().cloned().collect::<Vec<_>>(),
            alerts(&s.app.ctx.workspace, today(), horizon),
            "the screen's alerts are the CLI's for {horizon:?}"
        );
    }
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[2], Within::default(), "back where it started");
    assert!(seen.iter().any(|w| *w != Within::default()));
    // Only the alerted structures, then all again.
    let all = s.app.parcours.rows.len();
    s.keys("f");
    let alerted = s.app.parcours.rows.len();
    assert!(alerted <= all);
    assert!(
        s.app
            .parcours
            .rows
            .iter()
            .all(|&r| s.app.parcours.alerts().any(|a| a.index == r))
    );
    s.keys("f");
    assert_eq!(s.app.parcours.rows.len(), all);
}

#[test]
fn a_placement_from_the_next_step_answers_the_alert_and_u_undoes_it() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40, "4");
    select(&mut s, RECYCLERIE);
    assert!(ending_alert(&s, RECYCLERIE), "{}", s.screen());
    assert_eq!(planned_episodes(&s, RECYCLERIE), 0);
    s.keys("enter");
    assert_eq!(s.app.parcours.focus, Focus::NextStep, "{}", s.screen());
    assert!(!s.app.parcours.suggestions.is_empty());
    s.keys("p");
    assert_eq!(s.app.dialog(), Some(DialogKind::Placement));
    insta::assert_snapshot!("placement_dialog_120x40", masked(&s));
    s.keys("enter");
    assert_eq!(s.app.dialog(), None, "{}", s.screen());
    assert_eq!(planned_episodes(&s, RECYCLERIE), 1);
    assert!(!ending_alert(&s, RECYCLERIE), "the alert it answers goes");
    assert!(
        !s.app.ctx.pathway_alerts.iter().any(|a| {
            a.structure == StructureId::new(RECYCLERIE) && a.kind == AlertKind::EndingWithoutNext
        }),
        "and from the ! list"
    );
    s.keys("u");
    assert_eq!(planned_episodes(&s, RECYCLERIE), 0, "u undoes it");
    assert!(ending_alert(&s, RECYCLERIE), "the alert is back");
}

#[test]
fn attaching_to_a_call_adds_an_application_and_u_removes_it() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40, "4");
    let applications = |s: &Session| -> usize {
        s.app
            .ctx
            .workspace
            .calls
            .iter()
            .map(|c| c.applications.iter().map(|a| a.sites.len()).sum::<usize>())
            .sum()
    };
    let before = applications(&s);
    // The first structure whose next step has a site some call covers.
    let rows = s.app.parcours.rows.len();
    let mut attached = false;
    for _ in 0..rows {
        s.keys("enter");
        if s.app.parcours.focus == Focus::NextStep {
            for _ in 0..s.app.parcours.suggestions.len() {
                s.keys("c");
                if s.app.dialog() == Some(DialogKind::Confirm) {
                    attached = true;
                    break;
                }
                s.keys("j");
            }
        }
        if attached {
            break;
        }
        s.keys("esc j");
    }
    assert!(
        attached,
        "some next step is on a call's site:\n{}",
        s.screen()
    );
    let question = s.screen();
    assert!(question.contains("Rattacher"), "{question}");
    s.keys("o");
    assert_eq!(applications(&s), before + 1);
    s.keys("u");
    assert_eq!(applications(&s), before);
}

fn recyclerie_on_call(s: &mut Session) -> AppKey {
    let row = s
        .app
        .appel
        .rows
        .iter()
        .position(|r| r.key.structure.as_str() == RECYCLERIE)
        .expect("the Recyclerie applied");
    s.app.appel.cursor = row;
    s.draw();
    s.app.appel.rows[row].key.clone()
}

#[test]
fn accepting_offers_the_placement_yes_is_one_step_with_the_decision() {
    let (mut s, _dir) = cockpit(Lang::Fr, 80, 24, "3");
    let key = recyclerie_on_call(&mut s);
    s.keys("a");
    assert_eq!(s.app.dialog(), Some(DialogKind::Confirm));
    let question = s.screen();
    assert!(question.contains("placement prévu"), "{question}");
    insta::assert_snapshot!("acceptance_offer_80x24", masked(&s));
    s.keys("o");
    assert_eq!(s.app.ctx.status(&key), Some(Status::Accepte));
    assert_eq!(planned_episodes(&s, RECYCLERIE), 1);
    let episode = s.app.ctx.workspace.structures[structure_index(&s, RECYCLERIE)]
        .pathway
        .iter()
        .find(|e| e.is_planned())
        .expect("planned");
    assert_eq!(episode.site.as_ref(), Some(&key.site));
    assert!(episode.application.is_some(), "it names the application");
    // One undo takes both back.
    s.keys("u");
    assert_ne!(s.app.ctx.status(&key), Some(Status::Accepte));
    assert_eq!(planned_episodes(&s, RECYCLERIE), 0);
}

#[test]
fn accepting_and_declining_the_offer_records_the_decision_alone() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40, "3");
    let key = recyclerie_on_call(&mut s);
    s.keys("a n");
    assert_eq!(s.app.dialog(), None);
    assert_eq!(s.app.ctx.status(&key), Some(Status::Accepte));
    assert_eq!(planned_episodes(&s, RECYCLERIE), 0);
    // Already accepted: no question the second time.
    s.keys("a");
    assert_eq!(s.app.dialog(), None);
}

#[test]
fn the_year_selector_moves_the_balance_and_the_fund() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40, "5");
    let year = today().year();
    assert_eq!(s.app.territoire.year, year);
    assert!(s.screen().contains(&format!("Fonds à impact {year}")));
    s.keys("l");
    assert_eq!(s.app.territoire.year, year + 1);
    assert_eq!(s.app.territoire.fund.year, year + 1);
    assert!(s.screen().contains(&format!("Équilibre {}", year + 1)));
    s.keys("h h");
    assert_eq!(s.app.territoire.year, year - 1);
    assert!(s.screen().contains(&format!("Fonds à impact {}", year - 1)));
    // The zones add up to the territory, whatever the figure shown.
    for _ in 0..5 {
        let b = &s.app.territoire.balance;
        let m2: f64 = b.zones.iter().map(|z| z.figures.m2_offered).sum();
        assert!((m2 - b.total.m2_offered).abs() < 1e-6);
        let fte: f64 = b.zones.iter().map(|z| z.figures.fte).sum();
        assert!((fte - b.total.fte).abs() < 1e-6);
        s.keys("b");
    }
    assert!(s.screen().contains("(= Ouest + Nord + Est)"));
}

#[test]
fn the_map_puts_the_nine_cities_where_they_are() {
    let s = Session::new(Lang::Fr, 120, 40);
    for (w, h) in [(46, 36), (30, 20)] {
        let cells = city_cells(&s.app.ctx, w, h);
        assert_eq!(cells.len(), 9);
        let at = |name: &str| {
            cells
                .iter()
                .find(|(n, _, _)| n == name)
                .map(|&(_, x, y)| (x, y))
                .unwrap_or_else(|| panic!("{name} on the map"))
        };
        assert!(
            at("Bobigny").1 < at("Montreuil").1,
            "Bobigny north of Montreuil"
        );
        assert!(at("Pantin").0 < at("Bondy").0, "Pantin west of Bondy");
        assert!(
            at("Bagnolet").1 > at("Pantin").1,
            "Bagnolet south of Pantin"
        );
        assert!(
            at("Noisy-le-Sec").0 > at("Romainville").0,
            "Noisy east of Romainville"
        );
    }
    // Drawn at 80×24, the names read (some shortened) and the sites are marked by kind.
    let mut s = Session::new(Lang::Fr, 80, 24);
    s.keys("5");
    let screen = s.screen();
    for name in [
        "Bobigny",
        "Bondy",
        "Pantin",
        "Montreuil",
        "Bagnolet",
        "Les Lilas",
    ] {
        assert!(screen.contains(name), "{name}:\n{screen}");
    }
    assert!(screen.contains('◉'), "the selected site:\n{screen}");
    let first = s.app.territoire.selected();
    s.keys("j");
    assert_ne!(
        s.app.territoire.selected(),
        first,
        "j/k go through the sites"
    );
}

#[test]
fn e_on_territoire_opens_the_council_report() {
    let (mut s, _dir) = cockpit(Lang::Fr, 80, 24, "5");
    // A fixed folder: the default file name is in the snapshot (nothing is written).
    s.app.ctx.export_folder = Some("/srv/ancrage/rapports".into());
    s.keys("e");
    assert_eq!(s.app.dialog(), Some(DialogKind::CouncilReport));
    insta::assert_snapshot!("council_report_80x24", masked(&s));
    s.keys("esc");
    assert_eq!(s.app.dialog(), None);
}
