//! The cockpit's forms: creating, editing and deleting structures, sites and calls, and
//! attaching a structure to a call — key sequences through the real keymap into a
//! TestBackend, on a session opened on a temporary workspace folder (journal and lock real).

mod cockpit;
mod support;

use ancrage::domain::{CallId, SiteId, StructureId};
use ancrage::i18n::Lang;
use ancrage::review::{AppKey, Status};
use ancrage::tui::DialogKind;
use cockpit::session::Session;
use tempfile::TempDir;

const OFFICER: &str = "Léa Martin";

/// A cockpit on the fixture workspace whose session writes into a temp folder.
fn cockpit(lang: Lang, width: u16, height: u16) -> (Session, TempDir) {
    let dir = tempfile::Builder::new()
        .prefix("ancrage-")
        .tempdir()
        .expect("temp dir");
    let mut s = Session::new(lang, width, height);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as(OFFICER);
    (s, dir)
}

/// Fills the new-structure form (Structures tab, `N` pressed) field by field.
fn fill_structure(s: &mut Session, name: &str) {
    s.type_text(name);
    s.keys("tab");
    s.type_text("scop");
    s.keys("tab tab tab");
    s.type_text("01/03/2020");
    s.keys("tab");
    s.type_text("bondy");
    s.keys("tab");
    s.type_text("reemploi");
    s.keys("tab tab tab");
    s.type_text("2,5");
    s.keys("tab tab tab");
    s.type_text("entre 60 et 100 m²");
    s.keys("tab");
    s.type_text("atelier");
    s.keys("enter tab tab");
    s.type_text("01/01/2027");
    s.keys("tab");
    s.type_text("24 mois");
    s.keys("tab");
    s.type_text("12 000 €");
}

/// Non-breaking spaces (French typography) read as plain ones.
fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

/// The status line's message, non-breaking spaces as plain ones.
fn message(s: &Session) -> String {
    s.app
        .message
        .get()
        .map(|m| plain(m.text()))
        .unwrap_or_default()
}

fn error_shown(s: &Session) -> bool {
    s.app.message.get().is_some_and(|m| m.is_error())
}

fn screen(s: &Session) -> String {
    plain(&s.screen())
}

/// A problem shown in the form (the status line's count of alerts, below it, aside).
fn shows_a_problem(s: &Session) -> bool {
    let screen = s.screen();
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len().saturating_sub(2)]
        .iter()
        .any(|l| l.contains('⚠'))
}

fn structure_named<'a>(s: &'a Session, name: &str) -> Option<&'a ancrage::domain::Structure> {
    s.app
        .ctx
        .workspace
        .structures
        .iter()
        .find(|x| x.name == name)
}

fn form_open(s: &Session) -> bool {
    s.app.dialogs().any(|d| d == DialogKind::Form)
}

/// The screen with the temp folder masked (same width), for snapshots.
fn masked(s: &Session, dir: &TempDir) -> String {
    let path = dir.path().display().to_string();
    s.screen().replace(&path, &"X".repeat(path.chars().count()))
}

#[test]
fn a_structure_created_in_the_form_is_ranked_at_once_and_undone_with_u() {
    let (mut s, dir) = cockpit(Lang::Fr, 120, 40);
    s.keys("2 N");
    assert!(form_open(&s));
    fill_structure(&mut s, "Atelier Vélo Test");
    s.keys("ctrl-s");
    assert!(!form_open(&s), "saved and closed: {}", s.screen());
    assert!(
        message(&s).contains("« Atelier Vélo Test » créé(e)"),
        "{}",
        message(&s)
    );
    let created = structure_named(&s, "Atelier Vélo Test").expect("created");
    assert_eq!(
        created.id.as_str(),
        "atelier-velo-test",
        "the id comes from the name"
    );
    assert_eq!(
        created.home_city.as_str(),
        "93010",
        "Bondy, picked by typing"
    );
    assert_eq!(
        created.needs.max_annual_budget,
        ancrage::domain::Money::euros(12_000)
    );
    assert_eq!(
        (
            created.needs.surface_min.value(),
            created.needs.surface_max.value()
        ),
        (60.0, 100.0)
    );
    // Journaled in the session's folder before it is said done.
    let journal = std::fs::read_to_string(dir.path().join(".ancrage/journal.jsonl"))
        .or_else(|_| std::fs::read_to_string(dir.path().join("journal.jsonl")));
    if let Ok(journal) = journal {
        assert!(journal.contains("atelier-velo-test"), "{journal}");
    }
    // Selected in the Structures table, its detail beside it.
    let selected = s.app.structures.listing.selected();
    assert_eq!(
        selected.map(|i| s.app.ctx.workspace.structures[i].name.as_str()),
        Some("Atelier Vélo Test")
    );
    // Ranked on the sites at once.
    s.keys("1");
    assert!(s.screen().contains("Atelier Vélo Test"), "{}", s.screen());
    s.keys("u");
    assert!(structure_named(&s, "Atelier Vélo Test").is_none(), "undone");
    assert!(!s.screen().contains("Atelier Vélo Test"), "{}", s.screen());
    assert_eq!(s.app.ctx.workspace.structures.len(), 6);
}

#[test]
fn a_refused_save_says_where_and_shows_the_problem_next_to_its_field() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    s.keys("2 N");
    s.type_text("Atelier Vélo Test");
    s.keys("tab");
    s.type_text("scop");
    s.keys("tab");
    s.type_text("123");
    s.keys("ctrl-s");
    assert!(form_open(&s), "refused: the form stays open");
    let screen = screen(&s);
    // The top says how many problems and the first one from the top: the SIRET.
    assert!(
        screen.contains("Enregistrement refusé : 10 problèmes à corriger — SIRET : attendu"),
        "{screen}"
    );
    // Next to its field (the line under it), which now takes the keys.
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("SIRET") && l.contains("123"))
        .expect("the SIRET field on screen");
    assert!(lines[at].contains("▸ ⚠SIRET"), "{screen}");
    assert!(
        lines[at + 1].contains("⚠ attendu : un SIRET de 14 chiffres"),
        "{screen}"
    );
    assert_eq!(s.app.ctx.workspace.structures.len(), 6, "nothing saved");
    // Esc asks before losing what was typed; `o` gives up.
    s.keys("esc");
    assert!(
        s.app.dialogs().any(|d| d == DialogKind::Confirm),
        "{}",
        s.screen()
    );
    s.keys("o");
    assert!(!form_open(&s));
    assert_eq!(s.app.ctx.workspace.structures.len(), 6);
}

#[test]
fn problems_show_while_typing_with_the_rules_of_check() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    // Edit the first structure: its surface becomes impossible.
    s.keys("2 E");
    assert!(form_open(&s));
    for _ in 0..12 {
        s.keys("tab");
    }
    s.keys("ctrl-u");
    s.type_text("-5");
    let screen = s.screen();
    let line = screen
        .lines()
        .skip_while(|l| !l.contains("Surface (m²)"))
        .take(2)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(line.contains('⚠'), "{screen}");
    s.keys("ctrl-u");
    s.type_text("30-50");
    let screen = s.screen();
    let line = screen
        .lines()
        .find(|l| l.contains("Surface (m²)"))
        .expect("surface shown");
    assert!(!line.contains('⚠'), "{screen}");
    s.keys("ctrl-s");
    let compagnie = structure_named(&s, "Compagnie du Pré").expect("kept");
    assert_eq!(
        (
            compagnie.needs.surface_min.value(),
            compagnie.needs.surface_max.value()
        ),
        (30.0, 50.0)
    );
    assert!(message(&s).contains("modifié"), "{}", message(&s));
}

#[test]
fn editing_keeps_the_id_and_undo_puts_the_old_record_back() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    s.keys("2 E");
    assert!(
        screen(&s).contains("Modifier la structure « Compagnie du Pré »"),
        "{}",
        s.screen()
    );
    s.keys("ctrl-u");
    s.type_text("Compagnie du Pré-Saint-Gervais");
    s.keys("ctrl-s");
    let renamed = s
        .app
        .ctx
        .workspace
        .structure(&StructureId::new("compagnie-du-pre"))
        .expect("same id");
    assert_eq!(renamed.name, "Compagnie du Pré-Saint-Gervais");
    s.keys("u");
    let back = s
        .app
        .ctx
        .workspace
        .structure(&StructureId::new("compagnie-du-pre"))
        .expect("same id");
    assert_eq!(back.name, "Compagnie du Pré");
}

#[test]
fn saving_an_unchanged_form_changes_nothing() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    let before = s.app.ctx.workspace.clone();
    s.keys("2 E ctrl-s");
    assert!(!form_open(&s));
    assert!(message(&s).contains("Rien n’a changé"), "{}", message(&s));
    assert_eq!(s.app.ctx.workspace, before);
}

#[test]
fn deleting_asks_first_and_undo_brings_the_record_back() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    s.keys("2 D");
    assert!(
        screen(&s).contains("Supprimer « Compagnie du Pré » ?"),
        "{}",
        s.screen()
    );
    s.keys("n");
    assert!(
        structure_named(&s, "Compagnie du Pré").is_some(),
        "no: kept"
    );
    s.keys("D o");
    assert!(structure_named(&s, "Compagnie du Pré").is_none(), "deleted");
    assert!(message(&s).contains("supprimé"), "{}", message(&s));
    s.keys("u");
    assert!(structure_named(&s, "Compagnie du Pré").is_some(), "undone");
}

#[test]
fn deleting_is_refused_while_an_application_points_at_the_record() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    // Structures sorted by name: Compagnie, Cuisine, Économie, Jardins, La Recyclerie.
    s.keys("2 j j j D");
    assert!(
        !s.app.dialogs().any(|d| d == DialogKind::Confirm),
        "refused at once"
    );
    let said = message(&s);
    assert!(error_shown(&s), "{said}");
    assert!(said.contains("AMI Temp'O 2026"), "{said}");
    assert!(structure_named(&s, "Jardins partagés de l'Ourcq").is_some());
    // A site a call offers cannot go either; one nothing points at can.
    s.keys("1 j D");
    assert!(error_shown(&s), "{}", message(&s));
    assert!(
        s.app
            .ctx
            .workspace
            .site(&SiteId::new("friche-rives-ourcq"))
            .is_some()
    );
    s.keys("k D o");
    assert!(
        s.app
            .ctx
            .workspace
            .site(&SiteId::new("ateliers-diderot"))
            .is_none()
    );
    s.keys("u");
    assert!(
        s.app
            .ctx
            .workspace
            .site(&SiteId::new("ateliers-diderot"))
            .is_some()
    );
}

#[test]
fn a_structure_attached_to_the_call_joins_the_review() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    // Compagnie du Pré applies to the call shown, for the Usine des transitions.
    s.keys("2 A");
    assert!(form_open(&s), "{}", s.screen());
    let screen = s.screen();
    assert!(screen.contains("Candidature à un appel"), "{screen}");
    assert!(screen.contains("Compagnie du Pré"), "{screen}");
    assert!(screen.contains("AMI Temp'O 2026"), "{screen}");
    s.keys("tab tab");
    s.type_text("usine");
    s.keys("enter ctrl-s");
    assert!(!form_open(&s), "{}", s.screen());
    let call = s
        .app
        .ctx
        .workspace
        .call(&CallId::new("tempo-2026"))
        .expect("call");
    let application = call
        .applications
        .iter()
        .find(|a| a.structure.as_str() == "compagnie-du-pre")
        .expect("applied");
    assert_eq!(
        application.sites,
        vec![SiteId::new("usine-des-transitions")]
    );
    let key = AppKey::new("compagnie-du-pre", "usine-des-transitions");
    assert_eq!(s.app.ctx.status(&key), Some(Status::EnInstruction));
    s.keys("3");
    assert!(s.screen().contains("Compagnie du Pré"), "{}", s.screen());
    s.keys("u");
    let call = s
        .app
        .ctx
        .workspace
        .call(&CallId::new("tempo-2026"))
        .expect("call");
    assert_eq!(call.applications.len(), 2, "undone");
}

#[test]
fn a_site_is_created_with_a_lot_in_the_form() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    // A search that the new site will not match.
    s.keys("1 /");
    s.type_text("usine");
    s.keys("enter");
    assert_eq!(s.app.lieux.listing.rows.len(), 1, "{}", s.screen());
    s.keys("N");
    s.type_text("Halle Test");
    s.keys("tab");
    s.type_text("tempo");
    s.keys("tab");
    s.type_text("transitoire");
    s.keys("tab tab");
    s.type_text("bobigny");
    s.keys("tab");
    s.type_text("2 rue de l’Essai");
    s.keys("tab tab tab");
    s.type_text("Est Ensemble");
    s.keys("tab tab");
    s.type_text("01/01/2027");
    s.keys("tab");
    s.type_text("31/12/2028");
    // Down to the lots, Ctrl-n opens a lot's form.
    for _ in 0..8 {
        s.keys("tab");
    }
    s.keys("ctrl-n");
    assert!(
        screen(&s).contains("Nouveau lieu — Lot (nouveau)"),
        "{}",
        s.screen()
    );
    s.type_text("Atelier A");
    s.keys("tab");
    s.type_text("150");
    s.keys("tab");
    s.type_text("atelier");
    s.keys("tab tab tab tab");
    s.type_text("8,50");
    // Ctrl-s keeps the lot in the site's form; Ctrl-s again saves the site.
    s.keys("ctrl-s");
    assert!(screen(&s).contains("Nouveau lieu ─"), "{}", s.screen());
    assert!(screen(&s).contains("Atelier A"), "{}", s.screen());
    s.keys("ctrl-s");
    assert!(!form_open(&s), "{}", s.screen());
    let site = s
        .app
        .ctx
        .workspace
        .site(&SiteId::new("halle-test"))
        .expect("created, its id from its name");
    assert_eq!(site.city.as_str(), "93008", "Bobigny");
    assert_eq!(site.lots.len(), 1);
    assert_eq!(site.lots[0].id.as_str(), "atelier-a");
    assert_eq!(site.lots[0].surface.value(), 150.0);
    assert_eq!(
        site.lots[0].fee.amount,
        ancrage::domain::Money(rust_decimal::Decimal::new(850, 2))
    );
    // Selected in the Lieux table, the search that would hide it cleared.
    assert!(s.app.lieux.listing.query.is_empty());
    assert_eq!(
        s.app
            .lieux
            .listing
            .selected()
            .map(|i| s.app.ctx.workspace.sites[i].name.as_str()),
        Some("Halle Test")
    );
    // Ranked for the structures at once.
    s.keys("2");
    assert!(s.screen().contains("Halle Test"), "{}", s.screen());
}

#[test]
fn a_call_is_created_edited_and_refused_deletion_while_applications_point_at_it() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    s.keys("3 N");
    assert!(screen(&s).contains("Nouvel appel"), "{}", s.screen());
    s.type_text("AMI Test 2027");
    s.keys("tab");
    s.type_text("tempo");
    s.keys("tab");
    s.type_text("usine");
    s.keys("enter tab");
    s.type_text("30/06/2027");
    s.keys("tab ctrl-u");
    s.type_text("40");
    s.keys("ctrl-s");
    assert!(!form_open(&s), "{}", s.screen());
    let call = s
        .app
        .ctx
        .workspace
        .call(&CallId::new("ami-test-2027"))
        .expect("created, its id from its title");
    assert_eq!(call.sites, vec![SiteId::new("usine-des-transitions")]);
    assert_eq!(call.weights.surface, 40.0);
    assert!(call.applications.is_empty());
    // The new call is the one the Appel tab shows, and `E` edits it.
    assert!(
        screen(&s).contains("AMI Test 2027 — Date limite"),
        "{}",
        s.screen()
    );
    s.keys("E");
    assert!(
        screen(&s).contains("Modifier l’appel « AMI Test 2027 »"),
        "{}",
        s.screen()
    );
    // Back on the demonstration call, `D` is refused while applications point at it.
    s.keys("esc c down enter");
    s.keys("E");
    assert!(
        screen(&s).contains("Modifier l’appel « AMI Temp'O 2026 »"),
        "{}",
        s.screen()
    );
    s.keys("esc D");
    assert!(error_shown(&s), "{}", message(&s));
    assert!(
        s.app
            .ctx
            .workspace
            .call(&CallId::new("tempo-2026"))
            .is_some()
    );
    s.keys("u");
    assert!(
        s.app
            .ctx
            .workspace
            .call(&CallId::new("ami-test-2027"))
            .is_none(),
        "undone"
    );
}

#[test]
fn the_forms_speak_english_with_lang_en() {
    let (mut s, _dir) = cockpit(Lang::En, 120, 40);
    s.keys("2 N");
    let screen = s.screen();
    assert!(screen.contains("New structure"), "{screen}");
    assert!(screen.contains("Legal form"), "{screen}");
    assert!(screen.contains("Ctrl-s save"), "{screen}");
    s.keys("ctrl-s");
    assert!(s.screen().contains("Not saved"), "{}", s.screen());
}

#[test]
fn snapshots_of_the_structure_and_site_forms() {
    for (w, h) in [(120, 40), (80, 24)] {
        let (mut s, dir) = cockpit(Lang::Fr, w, h);
        s.keys("2 E");
        insta::assert_snapshot!(format!("structure_form_{w}x{h}"), masked(&s, &dir));
        s.keys("esc 2 N");
        s.type_text("Atelier");
        s.keys("tab tab");
        s.type_text("123");
        s.keys("ctrl-s");
        insta::assert_snapshot!(format!("structure_form_refused_{w}x{h}"), masked(&s, &dir));
        s.keys("esc o 1 E");
        insta::assert_snapshot!(format!("site_form_{w}x{h}"), masked(&s, &dir));
        // The first lot's own form.
        for _ in 0..20 {
            s.keys("tab");
        }
        s.keys("enter");
        insta::assert_snapshot!(format!("lot_form_{w}x{h}"), masked(&s, &dir));
    }
}

#[test]
fn a_city_is_picked_by_its_usual_spelling() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    s.keys("2 N tab tab tab tab tab");
    s.type_text("pre st gervais");
    assert!(
        screen(&s).contains("Le Pré-Saint-Gervais"),
        "{}",
        s.screen()
    );
}

#[test]
fn a_new_item_waits_for_typing_before_showing_its_problems() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    // An existing structure shows its problems at once; a new support period of it does not.
    s.keys("2 E");
    for _ in 0..30 {
        s.keys("tab");
    }
    s.keys("ctrl-n");
    assert!(
        screen(&s).contains("Accompagnement (nouveau)"),
        "{}",
        s.screen()
    );
    assert!(!shows_a_problem(&s), "{}", s.screen());
    s.keys("ctrl-s");
    assert!(
        shows_a_problem(&s),
        "a save tried: every problem shows\n{}",
        s.screen()
    );
    s.keys("esc");
    assert!(
        screen(&s).contains("Modifier la structure « Compagnie du Pré »"),
        "{}",
        s.screen()
    );
}

#[test]
fn a_call_whose_review_holds_decisions_is_not_deleted() {
    let (mut s, _dir) = cockpit(Lang::Fr, 120, 40);
    // A decision on the call, then its applications gone from its file (edited by hand).
    s.keys("3 p");
    assert!(!error_shown(&s), "{}", message(&s));
    let call = CallId::new("tempo-2026");
    let index = s
        .app
        .ctx
        .workspace
        .calls
        .iter()
        .position(|c| c.id == call)
        .expect("the demo call");
    s.app.ctx.workspace.calls[index].applications.clear();
    s.keys("D");
    assert!(error_shown(&s), "{}", s.screen());
    assert!(
        message(&s)
            .contains("son instruction garde des décisions, notes ou avis sur 1 candidature(s)"),
        "{}",
        message(&s)
    );
    assert_eq!(s.app.dialog(), None, "nothing asked: refused at once");
    assert!(s.app.ctx.workspace.call(&call).is_some());
}
