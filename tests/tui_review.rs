//! The Appel tab as a review cockpit: key sequences through the real keymap into a TestBackend,
//! on a review session opened on a temporary workspace folder (journal, state file and lock are
//! real). Snapshots mask what changes from run to run (temp path, clock).

mod cockpit;
mod support;

use ancrage::domain::{Application, CallId, SiteId, StructureId};
use ancrage::i18n::Lang;
use ancrage::review::{AppKey, DecisionKind, Grade, Partner, Status};
use ancrage::session::{Access, ReviewSession};
use ancrage::store::lock::Lock;
use ancrage::tui::DialogKind;
use cockpit::fixture;
use cockpit::session::Session;
use ratatui::style::Modifier;
use tempfile::TempDir;

const OFFICER: &str = "Léa Martin";

/// A cockpit on the fixture workspace, its review opened on a temp folder, on the Appel tab.
fn cockpit(width: u16, height: u16) -> (Session, TempDir) {
    let dir = tempfile::Builder::new()
        .prefix("ancrage-")
        .tempdir()
        .expect("temp dir");
    let mut s = Session::new(Lang::Fr, width, height);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as(OFFICER);
    s.keys("3");
    (s, dir)
}

fn jardins() -> AppKey {
    AppKey::new("jardins-de-l-ourcq", "friche-rives-ourcq")
}

fn recyclerie() -> AppKey {
    AppKey::new("recyclerie-des-lilas", "usine-des-transitions")
}

fn status(s: &Session, key: &AppKey) -> Option<Status> {
    s.app.ctx.status(key)
}

/// What another process would read from the disk now.
fn on_disk(s: &Session, dir: &TempDir) -> ReviewSession {
    ReviewSession::open_with(
        dir.path(),
        &s.app.ctx.workspace,
        &CallId::new("tempo-2026"),
        "lecteur",
        Access::ReadOnly,
    )
    .expect("the saved review reads back")
}

fn message(s: &Session) -> String {
    format!("{:?}", s.app.message)
}

/// The screen with the temp folder and every `dd/mm/yyyy HH:MM` masked (same widths).
fn masked(s: &Session, dir: &TempDir) -> String {
    let path = dir.path().display().to_string();
    let screen = s.screen().replace(&path, &"X".repeat(path.chars().count()));
    let chars: Vec<char> = screen.chars().collect();
    let pattern = "00/00/0000 00:00";
    let fits = |at: usize| {
        pattern.chars().enumerate().all(|(i, p)| {
            chars
                .get(at + i)
                .is_some_and(|&c| if p == '0' { c.is_ascii_digit() } else { c == p })
        })
    };
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if fits(i) {
            out.push_str("jj/mm/aaaa hh:mm");
            i += pattern.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn appel_screen_at_both_sizes() {
    for (w, h) in [(120, 40), (80, 24)] {
        let (mut s, dir) = cockpit(w, h);
        let screen = s.screen();
        assert!(screen.contains("○ en instruction"), "{screen}");
        // Shortlist the first, refuse the second: statuses, history and checks on screen.
        s.keys("p j r");
        s.type_text("Activité hors du périmètre de l’AMI");
        s.keys("enter k");
        insta::assert_snapshot!(format!("appel_{w}x{h}"), masked(&s, &dir));
    }
}

#[test]
fn decision_form_snapshot() {
    let (mut s, dir) = cockpit(80, 24);
    s.keys("j r");
    assert_eq!(s.app.dialog(), Some(DialogKind::Decision));
    s.type_text("Surface demandée");
    s.keys("alt-enter");
    s.type_text("trop grande");
    insta::assert_snapshot!("appel_decision_form_80x24", masked(&s, &dir));
}

#[test]
fn grid_form_grades_with_digits_and_dash() {
    let (mut s, dir) = cockpit(120, 40);
    s.keys("t");
    assert_eq!(s.app.dialog(), Some(DialogKind::Grid));
    // fit 3, anchoring not applicable, utility 4; then back up and clear anchoring.
    s.keys("3 - 4");
    let grades = &s.app.ctx.application(&jardins()).expect("reviewed").grades;
    assert_eq!(grades.get("fit"), Some(&Grade::Points(3)));
    assert_eq!(grades.get("anchoring"), Some(&Grade::NotApplicable));
    assert_eq!(grades.get("utility"), Some(&Grade::Points(4)));
    insta::assert_snapshot!("appel_grid_form_120x40", masked(&s, &dir));
    s.keys("k k backspace");
    let grades = &s.app.ctx.application(&jardins()).expect("reviewed").grades;
    assert_eq!(grades.get("anchoring"), None);
    s.keys("esc");
    assert_eq!(s.app.dialog(), None);
    let disk = on_disk(&s, &dir);
    let saved = disk.state().get(&jardins()).expect("saved");
    assert_eq!(saved.grades.get("fit"), Some(&Grade::Points(3)));
    assert_eq!(saved.grades.get("anchoring"), None);
}

#[test]
fn refusing_without_motivation_is_refused_with_the_models_message() {
    let (mut s, dir) = cockpit(120, 40);
    s.keys("r");
    s.type_text("   ");
    s.keys("enter");
    assert_eq!(
        s.app.dialog(),
        Some(DialogKind::Decision),
        "the form stays open"
    );
    let screen = s.screen();
    assert!(
        screen.contains("une motivation écrite est obligatoire"),
        "{screen}"
    );
    assert!(message(&s).contains("Error"), "{}", message(&s));
    assert_eq!(status(&s, &jardins()), Some(Status::EnInstruction));
    s.keys("esc");
    assert_eq!(s.app.dialog(), None);
    assert_eq!(status(&s, &jardins()), Some(Status::EnInstruction));
    let disk = on_disk(&s, &dir);
    assert!(
        disk.state()
            .get(&jardins())
            .expect("saved")
            .history
            .is_empty()
    );
}

#[test]
fn refusing_with_motivation_records_status_and_history() {
    let (mut s, dir) = cockpit(120, 40);
    s.keys("r");
    s.type_text("Besoin de 24 mois, le lieu est libéré avant");
    s.keys("enter");
    assert_eq!(s.app.dialog(), None);
    assert_eq!(status(&s, &jardins()), Some(Status::Refuse));
    let screen = s.screen();
    assert!(screen.contains("✘ refusé"), "{screen}");
    assert!(
        screen.contains("en instruction → ✘ refusé"),
        "history line:\n{screen}"
    );
    assert!(
        screen.contains("«\u{a0}Besoin de 24 mois, le lieu est libéré avant\u{a0}»"),
        "{screen}"
    );
    assert!(screen.contains(OFFICER), "{screen}");
    // On disk, as another process reads it.
    let disk = on_disk(&s, &dir);
    let saved = disk.state().get(&jardins()).expect("saved");
    assert_eq!(saved.status, Status::Refuse);
    let decision = saved.history.last().expect("a decision");
    assert_eq!(decision.who, OFFICER);
    assert_eq!(
        decision.motivation.as_deref(),
        Some("Besoin de 24 mois, le lieu est libéré avant")
    );
    assert_eq!(
        (decision.from, decision.to),
        (Status::EnInstruction, Status::Refuse)
    );
}

#[test]
fn bulk_shortlist_of_two_with_space_then_undo_and_redo() {
    let (mut s, dir) = cockpit(120, 40);
    s.keys("space space");
    assert_eq!(s.app.appel.selection.len(), 2);
    assert!(s.screen().contains("● 2 sélectionnées"), "{}", s.screen());
    s.keys("p");
    assert_eq!(status(&s, &jardins()), Some(Status::Preselectionne));
    assert_eq!(status(&s, &recyclerie()), Some(Status::Preselectionne));
    assert!(s.app.appel.selection.is_empty(), "selection used up");
    assert!(message(&s).contains("2 candidatures"), "{}", message(&s));

    // One decision for two: one undo puts both back.
    s.keys("u");
    assert_eq!(status(&s, &jardins()), Some(Status::EnInstruction));
    assert_eq!(status(&s, &recyclerie()), Some(Status::EnInstruction));
    s.keys("ctrl-r");
    assert_eq!(status(&s, &jardins()), Some(Status::Preselectionne));
    assert_eq!(status(&s, &recyclerie()), Some(Status::Preselectionne));
    let kinds: Vec<DecisionKind> = s
        .app
        .ctx
        .application(&jardins())
        .expect("reviewed")
        .history
        .iter()
        .map(|d| d.kind)
        .collect();
    assert_eq!(
        kinds,
        [DecisionKind::Set, DecisionKind::Undo, DecisionKind::Redo]
    );
    // Nothing more to redo: said, not done.
    s.keys("ctrl-r");
    assert!(message(&s).contains("rien à rétablir"), "{}", message(&s));
    let disk = on_disk(&s, &dir);
    assert_eq!(
        disk.state().get(&recyclerie()).map(|a| a.status),
        Some(Status::Preselectionne)
    );
}

#[test]
fn undo_of_a_refusal_and_redo_keep_the_motivation() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("x");
    s.type_text("Dossier retiré par la structure");
    s.keys("enter");
    assert_eq!(status(&s, &jardins()), Some(Status::ClasseSansSuite));
    s.keys("u");
    assert_eq!(status(&s, &jardins()), Some(Status::EnInstruction));
    s.keys("ctrl-r");
    let app = s.app.ctx.application(&jardins()).expect("reviewed");
    assert_eq!(app.status, Status::ClasseSansSuite);
    assert_eq!(
        app.current_motivation(),
        Some("Dossier retiré par la structure")
    );
    s.keys("u u");
    assert!(message(&s).contains("rien à annuler"), "{}", message(&s));
}

#[test]
fn read_only_when_another_instance_holds_the_workspace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = Lock::acquire(dir.path()).expect("lock taken by the 'other instance'");
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as(OFFICER);
    s.keys("3 p");
    assert_eq!(status(&s, &jardins()), Some(Status::EnInstruction));
    let screen = s.screen();
    let top = screen.lines().next().unwrap_or_default();
    assert!(
        top.contains("Lecture seule (Ctrl-l\u{a0}: relire) — ouvert ailleurs\u{a0}: pid ")
            && top.contains(&std::process::id().to_string()),
        "banner on the top line:\n{screen}"
    );
    let buffer = s.terminal.backend().buffer();
    assert!(
        buffer[(3, 0)].modifier.contains(Modifier::REVERSED),
        "banner in reverse video"
    );
    assert!(
        message(&s).contains("lecture seule"),
        "the key says why it does nothing: {}",
        message(&s)
    );
    // Forms do not even open.
    s.keys("r");
    assert_eq!(s.app.dialog(), None);
    assert!(!dir.path().join("reviews").exists(), "nothing written");
    // The other instance leaves: the next review key takes the lock and acts.
    drop(other);
    s.keys("p");
    assert_eq!(status(&s, &jardins()), Some(Status::Preselectionne));
    assert!(!s.screen().contains("Lecture seule"), "{}", s.screen());
    assert!(dir.path().join("reviews").join("tempo-2026.json").exists());
}

#[test]
fn annotation_is_multi_line_and_prefilled() {
    let (mut s, dir) = cockpit(120, 40);
    s.keys("n");
    assert_eq!(s.app.dialog(), Some(DialogKind::Annotation));
    // `q` is text here, not quit.
    s.type_text("Visite faite, quelques réserves");
    s.keys("alt-enter");
    s.type_text("Rappeler la présidente");
    s.keys("ctrl-j");
    s.type_text("lundi");
    s.keys("enter");
    assert!(!s.app.quit);
    let expected = "Visite faite, quelques réserves\nRappeler la présidente\nlundi";
    assert_eq!(
        s.app
            .ctx
            .application(&jardins())
            .map(|a| a.annotation.as_str()),
        Some(expected)
    );
    assert!(s.screen().contains("  Rappeler la présidente"));
    // Reopened with the current notes; Esc keeps them as they were.
    s.keys("n backspace backspace esc");
    assert_eq!(
        on_disk(&s, &dir)
            .state()
            .get(&jardins())
            .map(|a| a.annotation.clone()),
        Some(expected.to_owned())
    );
}

#[test]
fn partner_opinion_with_answer_and_text() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("j o right tab right tab");
    s.type_text("Projet fragile financièrement");
    s.keys("enter");
    assert_eq!(s.app.dialog(), None);
    let opinions = &s
        .app
        .ctx
        .application(&recyclerie())
        .expect("reviewed")
        .opinions;
    assert_eq!(opinions.len(), 1);
    assert_eq!(opinions[0].partner, Partner::Fol93Dla);
    assert!(!opinions[0].favourable);
    assert_eq!(opinions[0].text, "Projet fragile financièrement");
    assert!(s.screen().contains("FOL 93 – DLA — ✗ défavorable"));
}

#[test]
fn filter_by_status_and_group_by_status() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("p");
    // Status field: all → en construction → en instruction → présélectionné.
    s.keys("f j l l l esc");
    assert_eq!(s.app.appel.filter.status, Some(Status::Preselectionne));
    assert_eq!(s.app.appel.rows.len(), 1);
    assert_eq!(s.app.appel.rows[0].key, jardins());
    s.keys("f j r esc");
    assert_eq!(s.app.appel.rows.len(), 2);
    // Grouped by status: the one still en instruction comes first.
    s.keys("s");
    assert_eq!(s.app.appel.rows[0].key, recyclerie());
    assert!(s.screen().contains("regroupées par statut"));
}

#[test]
fn call_picker_switches_the_session_to_another_call() {
    let mut workspace = fixture::workspace();
    let mut older = fixture::call();
    older.id = CallId::new("ami-2025");
    older.title = "AMI 2025".to_owned();
    older.applications = vec![Application {
        structure: StructureId::new("recyclerie-des-lilas"),
        sites: vec![SiteId::new("usine-des-transitions")],
        submitted_on: None,
        dossier: None,
    }];
    workspace.calls.push(older);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Session::with(workspace, Lang::Fr, 120, 40);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as(OFFICER);
    s.keys("3");
    // The first call by id is shown by default.
    assert!(s.screen().contains("AMI 2025"));
    assert_eq!(s.app.appel.rows.len(), 1);
    s.keys("p c");
    assert_eq!(s.app.dialog(), Some(DialogKind::CallPicker));
    s.keys("j enter");
    assert_eq!(s.app.dialog(), None);
    assert!(s.screen().contains("AMI Temp'O 2026"));
    assert_eq!(s.app.appel.rows.len(), 2);
    assert_eq!(
        status(&s, &recyclerie()),
        Some(Status::EnInstruction),
        "decisions belong to their call"
    );
    s.keys("c k enter");
    assert_eq!(status(&s, &recyclerie()), Some(Status::Preselectionne));
}

#[test]
fn help_lists_the_review_keys_and_how_to_confirm_text() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("?");
    let mut text = String::new();
    for _ in 0..200 {
        text.push_str(&s.screen());
        s.keys("j");
    }
    for needle in [
        "Refuser (motivation écrite obligatoire)",
        "Classer sans suite",
        "Présélectionner",
        "Ctrl-r",
        "Alt-Entrée/Ctrl-j",
        "Entrée valide",
        "0/1/2/3/4/-",
    ] {
        assert!(text.contains(needle), "{needle} missing from the help");
    }
}

#[test]
fn detail_scrolls_with_capital_j_and_k_and_stops_at_its_end() {
    let (mut s, _dir) = cockpit(80, 24);
    let title = "│Jardins partagés de l'Ourcq × Friche des Rives de l'Ourcq";
    assert!(s.screen().contains(title));
    s.keys("J J");
    assert!(!s.screen().contains(title), "{}", s.screen());
    for _ in 0..200 {
        s.keys("J");
    }
    let scrolled = s.app.appel.detail_scroll.1;
    assert!(scrolled > 10 && scrolled < 200, "clamped: {scrolled}");
    for _ in 0..200 {
        s.keys("K");
    }
    assert!(s.screen().contains(title));
    // Another row starts at its top.
    s.keys("J J j");
    assert!(
        s.screen()
            .contains("│La Recyclerie des Lilas × Usine des transitions")
    );
}

#[test]
fn a_refused_transition_is_explained_in_full_even_at_80x24() {
    let (mut s, _dir) = cockpit(80, 24);
    // Accepted without recording the placement it offers (n), then shortlisted.
    s.keys("a n p");
    assert_eq!(status(&s, &jardins()), Some(Status::Accepte));
    let screen = s.screen();
    assert!(
        screen.contains("⚠ la candidature") && screen.contains("d'abord"),
        "the whole rule is on screen:\n{screen}"
    );
    // Back to en instruction first (a revert), then the shortlist is allowed.
    s.keys("i p");
    assert_eq!(status(&s, &jardins()), Some(Status::Preselectionne));
    let history = &s.app.ctx.application(&jardins()).expect("reviewed").history;
    assert_eq!(history[1].kind, DecisionKind::Revert);
}

#[test]
fn opinion_of_a_partner_not_in_the_list_needs_its_name() {
    let (mut s, _dir) = cockpit(120, 40);
    // « autre » is just before the first partner; Enter without a name is refused by the model.
    s.keys("o left enter");
    assert_eq!(s.app.dialog(), Some(DialogKind::Opinion));
    assert!(s.screen().contains("partenaire sans nom"), "{}", s.screen());
    s.keys("tab");
    s.type_text("Ville de Bondy");
    s.keys("tab tab");
    s.type_text("Soutien au projet");
    s.keys("enter");
    assert_eq!(s.app.dialog(), None);
    let opinions = &s
        .app
        .ctx
        .application(&jardins())
        .expect("reviewed")
        .opinions;
    assert_eq!(opinions.len(), 1);
    assert_eq!(opinions[0].partner, Partner::Other("Ville de Bondy".into()));
    assert!(opinions[0].favourable);
    assert!(s.screen().contains("Ville de Bondy — ✓ favorable"));
}

#[test]
fn labels_are_typed_with_commas_and_checked_by_the_model() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("l");
    assert_eq!(s.app.dialog(), Some(DialogKind::Labels));
    s.type_text("à revoir, coup de cœur, à revoir");
    s.keys("enter");
    assert_eq!(s.app.dialog(), None);
    let labels: Vec<String> = s
        .app
        .ctx
        .application(&jardins())
        .expect("reviewed")
        .labels
        .iter()
        .cloned()
        .collect();
    assert_eq!(labels, ["coup de cœur", "à revoir"]);
    assert!(
        s.screen()
            .contains("Étiquettes\u{a0}: coup de cœur, à revoir")
    );
    // Too long a label: the model's rule, the form stays open.
    s.keys("l");
    s.type_text(", une étiquette bien trop longue pour une cellule");
    s.keys("enter");
    assert_eq!(s.app.dialog(), Some(DialogKind::Labels));
    assert!(s.screen().contains("étiquette invalide"), "{}", s.screen());
}

mod random_keys {
    use super::*;
    use ancrage::tui::{Key, KeyCode, Keymap};
    use proptest::prelude::*;

    /// Every bound key (but the two that quit), and a few unbound ones.
    fn keys() -> Vec<Key> {
        let mut keys: Vec<Key> = Keymap::default()
            .bindings()
            .iter()
            .flat_map(|b| b.keys.clone())
            .filter(|k| *k != Key::char('q') && *k != Key::ctrl('c'))
            .collect();
        keys.extend([Key::char('z'), Key::char('é'), Key::plain(KeyCode::F(5))]);
        keys.sort_by_key(|k| format!("{k:?}"));
        keys.dedup();
        keys
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// Whatever the keys, nothing is kept only in memory: what the screen's state says is
        /// what another process reads from the disk.
        #[test]
        fn the_disk_always_holds_what_the_screen_shows(
            picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..50),
        ) {
            let keys = keys();
            let (mut s, dir) = cockpit(80, 24);
            for pick in picks {
                s.press(*pick.get(&keys));
                prop_assert!(!s.app.quit);
                if s.app.tab != ancrage::tui::Tab::Call {
                    s.keys("esc esc esc 3");
                }
                let rows = s.app.appel.rows.len();
                prop_assert!(rows == 0 || s.app.appel.cursor < rows);
            }
            if s.app.ctx.workspace.call(&CallId::new("tempo-2026")).is_none() {
                // The call deleted through its form (`D` on the Appel tab): its review's
                // decisions stay on disk all the same.
                prop_assert!(dir.path().join("reviews/tempo-2026.json").exists());
                return Ok(());
            }
            let shown = s.app.ctx.review().expect("session").clone();
            let disk = on_disk(&s, &dir);
            prop_assert_eq!(disk.state(), &shown);
        }
    }
}

#[test]
fn in_english_on_request() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Session::new(Lang::En, 120, 40);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as(OFFICER);
    s.keys("3");
    let screen = s.screen();
    for needle in [
        "Applications (2/2) — grouped by site",
        "○ under review",
        "Decision history",
        "Partner opinions",
        "Jury grid",
    ] {
        assert!(screen.contains(needle), "{needle}:\n{screen}");
    }
    s.keys("r enter");
    assert!(
        s.screen().contains("a written motivation is mandatory"),
        "{}",
        s.screen()
    );
}

#[test]
fn ctrl_l_follows_the_other_instance_then_takes_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workspace = fixture::workspace();
    let call = CallId::new("tempo-2026");
    let mut writer = ReviewSession::open(dir.path(), &workspace, &call, "Autre agent")
        .expect("the other instance writes");
    let mut s = Session::with(workspace.clone(), Lang::Fr, 120, 40);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as(OFFICER);
    s.keys("3");
    assert!(s.screen().contains("Lecture seule"));
    writer
        .apply(ancrage::review::Change::SetStatus {
            key: recyclerie(),
            status: Status::Accepte,
            motivation: None,
        })
        .expect("decided elsewhere");
    s.keys("ctrl-l");
    assert_eq!(status(&s, &recyclerie()), Some(Status::Accepte));
    assert!(s.screen().contains("Lecture seule"));
    drop(writer);
    s.keys("ctrl-l");
    assert!(!s.screen().contains("Lecture seule"), "{}", s.screen());
    s.keys("p");
    assert_eq!(status(&s, &jardins()), Some(Status::Preselectionne));
}

#[test]
fn live_checks_warn_without_blocking() {
    let mut workspace = fixture::workspace();
    workspace.calls[0].applications[1]
        .sites
        .push(SiteId::new("friche-rives-ourcq"));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Session::with(workspace, Lang::Fr, 120, 40);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as(OFFICER);
    s.keys("3");
    assert_eq!(s.app.appel.rows.len(), 3);
    // Accept the Recyclerie on both of its sites: allowed, and flagged.
    let recyclerie_rows: Vec<usize> = s
        .app
        .appel
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.key.structure.as_str() == "recyclerie-des-lilas")
        .map(|(i, _)| i)
        .collect();
    for row in recyclerie_rows {
        s.app.appel.cursor = row;
        // Accepted, the placement it offers declined.
        s.keys("a n");
    }
    let accepted = s
        .app
        .ctx
        .review()
        .expect("session")
        .with_status(Status::Accepte)
        .count();
    assert_eq!(accepted, 2, "warnings never block");
    let screen = s.screen();
    assert!(
        screen.contains("⚠ La Recyclerie des Lilas est acceptée sur 2 sites"),
        "{screen}"
    );
    assert!(screen.contains("✔ accepté ⚠"), "rows are marked:\n{screen}");
}

#[test]
fn an_unreadable_review_file_is_named_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let reviews = dir.path().join("reviews");
    std::fs::create_dir_all(&reviews).expect("reviews dir");
    let file = reviews.join("tempo-2026.json");
    std::fs::write(&file, "{\"schema_version\": 1, \"review\": [").expect("broken file");
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as(OFFICER);
    s.keys("3");
    let screen = s.screen();
    assert!(screen.contains("tempo-2026.json:1:"), "{screen}");
    s.keys("p");
    assert!(message(&s).contains("tempo-2026.json"), "{}", message(&s));
    assert_eq!(
        std::fs::read_to_string(&file).expect("still there"),
        "{\"schema_version\": 1, \"review\": ["
    );
}
