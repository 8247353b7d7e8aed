//! What a first review session hit, each fixed and pinned: driven through the real keymap
//! into a TestBackend, the review in a temporary folder (journal, state file and lock real).

mod cockpit;
mod support;

use ancrage::domain::{Money, SiteId, StructureId};
use ancrage::i18n::Lang;
use ancrage::i18n::fold::fold_text;
use ancrage::review::{AppKey, Status};
use ancrage::store::lock::Lock;
use ancrage::tui::DialogKind;
use ancrage::tui::dialogs::help;
use ancrage::tui::keymap::Scope;
use ancrage::tui::message::Message;
use ancrage::tui::shared::filter::Filter;
use cockpit::fixture;
use cockpit::session::Session;
use ratatui::style::Modifier;
use tempfile::TempDir;

const OFFICER: &str = "Léa Martin";

fn cockpit_with(ws: ancrage::domain::Workspace, width: u16, height: u16) -> (Session, TempDir) {
    let dir = tempfile::Builder::new()
        .prefix("ancrage-")
        .tempdir()
        .expect("temp dir");
    let mut s = Session::with(ws, Lang::Fr, width, height);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as(OFFICER);
    s.keys("3");
    (s, dir)
}

fn cockpit(width: u16, height: u16) -> (Session, TempDir) {
    cockpit_with(fixture::workspace(), width, height)
}

fn jardins() -> AppKey {
    AppKey::new("jardins-de-l-ourcq", "friche-rives-ourcq")
}

fn key_bar(s: &Session) -> String {
    s.screen().lines().last().unwrap_or_default().to_owned()
}

fn message(s: &Session) -> Option<String> {
    s.app.message.get().map(|m| m.text().to_owned())
}

/// Point 1: `/` on the Appel tab searches the structure, the site, the labels and the notes.
#[test]
fn the_appel_tab_searches_structures_sites_labels_and_notes() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("j l");
    s.type_text("coup de cœur");
    s.keys("enter");
    assert_eq!(s.app.appel.rows.len(), 2);
    s.keys("/");
    assert!(key_bar(&s).contains("Entrée garder"), "{}", key_bar(&s));
    s.type_text("COEUR");
    assert_eq!(s.app.appel.rows.len(), 1, "{}", s.screen());
    assert_eq!(
        s.app.appel.rows[0].key.structure.as_str(),
        "recyclerie-des-lilas"
    );
    s.keys("esc");
    assert_eq!(s.app.appel.rows.len(), 2, "Esc clears the search");
    s.keys("/");
    s.type_text("rives friche");
    assert_eq!(
        s.app.appel.rows.len(),
        1,
        "both terms, any order, the site's name"
    );
    assert_eq!(s.app.appel.rows[0].key, jardins());
    s.keys("enter");
    assert!(
        s.screen().contains("«\u{a0}rives friche\u{a0}»"),
        "kept as a filter"
    );
}

/// Point 2: After `w`, the Appel score column, its order and the detail's card agree.
#[test]
fn new_weights_reach_the_appel_scores_and_card_alike() {
    let (mut s, _dir) = cockpit(120, 40);
    let before: Vec<Option<f64>> = s.app.appel.rows.iter().map(|r| r.score).collect();
    // Surface down to zero, urgency up: the scores move.
    s.keys("w h h h h h h j j j j l l l l l l esc");
    let after: Vec<Option<f64>> = s.app.appel.rows.iter().map(|r| r.score).collect();
    assert_ne!(before, after, "the list follows the weights");
    let row = s.app.appel.row().expect("a row").clone();
    let card = s
        .app
        .ctx
        .ranking
        .score(row.structure, row.site, &s.app.ctx.weights)
        .expect("scored");
    assert_eq!(row.score, Some(card.total));
    let shown = ancrage::i18n::fixed(card.total, 1, Lang::Fr);
    let screen = s.screen();
    assert!(
        screen.contains(&format!("Total\u{a0}: {shown} / 100")),
        "{screen}"
    );
    assert!(screen.contains("poids modifiés par w"), "{screen}");
    // Within a site, the best score first.
    s.keys("s");
    let scores: Vec<f64> = s.app.appel.rows.iter().filter_map(|r| r.score).collect();
    assert!(!scores.is_empty());
}

/// Point 3: Each tab keeps its cursor, search, filter and sort.
#[test]
fn each_tab_keeps_its_own_cursor_search_filter_and_sort() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("j");
    assert_eq!(s.app.appel.cursor, 1);
    s.keys("1 j j s /");
    s.type_text("a");
    s.keys("enter");
    let lieux = (
        s.app.lieux.listing.cursor,
        s.app.lieux.listing.sort,
        s.app.lieux.listing.query.clone(),
    );
    s.keys("2 f l esc 4 j 3");
    assert_eq!(s.app.appel.cursor, 1, "the Appel cursor stayed");
    s.keys("1");
    assert_eq!(
        (
            s.app.lieux.listing.cursor,
            s.app.lieux.listing.sort,
            s.app.lieux.listing.query.clone()
        ),
        lieux
    );
    assert_eq!(
        s.app.lieux.filter,
        Filter::default(),
        "the Structures filter is its own"
    );
    assert_ne!(s.app.structures.filter, Filter::default());
    s.keys("4");
    assert_eq!(s.app.parcours.cursor, 1);
}

/// Point 4: Parcours and Territoire show only keys that work there, and no key edits another tab.
#[test]
fn parcours_and_territoire_offer_only_what_works() {
    let (mut s, _dir) = cockpit(120, 40);
    // Parcours has its own f (alerted only) and Entrée (next step); Territoire neither.
    for (tab, absent) in [
        (
            "4",
            &["f filtrer", "s trier", "/ chercher", "c comparer"][..],
        ),
        (
            "5",
            &["f", "s trier", "/ chercher", "c comparer", "Entrée"][..],
        ),
    ] {
        s.keys(tab);
        let bar = key_bar(&s);
        for absent in absent {
            assert!(
                !bar.split("  ")
                    .any(|entry| entry.starts_with(&format!("{absent} ")) || entry == *absent),
                "{absent} in {bar}"
            );
        }
        s.keys("f s / c enter esc x i");
        assert_eq!(s.app.dialog(), None, "nothing opened on tab {tab}");
        assert_eq!(s.app.lieux.filter, Filter::default());
        assert_eq!(s.app.lieux.listing.sort.column, 0);
    }
}

/// Point 5: The sort column always carries its arrow; a sort on a column too narrow to show is
/// named in the table's title.
#[test]
fn the_sort_is_always_said() {
    let (mut s, _dir) = cockpit(80, 24);
    s.keys("1");
    assert!(s.screen().contains("Nom ▲"), "{}", s.screen());
    // Programme is the second column; at 80 columns it does not fit.
    s.keys("s");
    let screen = s.screen();
    assert!(!screen.contains("Programme ▲"));
    assert!(screen.contains("tri\u{a0}: programme ▲"), "{screen}");
    s.keys("S");
    assert!(
        s.screen().contains("tri\u{a0}: programme ▼"),
        "{}",
        s.screen()
    );
    s.resize(200, 40);
    assert!(s.screen().contains("Programme ▼"), "{}", s.screen());
}

/// Point 6: Line breaks typed in a motivation, a note or an opinion show as line breaks.
#[test]
fn line_breaks_typed_show_as_line_breaks() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("r");
    s.type_text("Surface demandée");
    s.keys("alt-enter");
    s.type_text("trop grande pour le lieu");
    s.keys("enter o tab tab");
    s.type_text("Avis réservé");
    s.keys("ctrl-j");
    s.type_text("à revoir en mars");
    s.keys("enter");
    let screen = s.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not on screen:\n{screen}"))
    };
    assert_eq!(at("trop grande pour le lieu"), at("Surface demandée") + 1);
    assert_eq!(at("à revoir en mars"), at("Avis réservé") + 1);
}

/// Point 7: Names, never internal ids: the list, the detail, the forms, the messages, the picker.
#[test]
fn the_officer_never_sees_an_internal_id() {
    let (mut s, _dir) = cockpit(120, 40);
    let mut seen = String::new();
    for keys in ["p", "t 3 esc", "c", "esc r", "esc n", "esc j a", "?"] {
        s.keys(keys);
        seen.push_str(&s.screen());
        seen.push_str(&message(&s).unwrap_or_default());
    }
    for id in [
        "jardins-de-l-ourcq",
        "recyclerie-des-lilas",
        "friche-rives-ourcq",
        "usine-des-transitions",
        "tempo-2026",
        "utility",
        "anchoring",
        " fit ",
    ] {
        assert!(!seen.contains(id), "{id} shown:\n{seen}");
    }
}

/// Point 8: The jury grid says when a grade moves the cursor to the next criterion, and the help
/// documents it.
#[test]
fn the_grid_says_where_the_cursor_went() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("t 3");
    let screen = s.screen();
    assert!(
        screen.contains("✓ Adéquation projet / lieu\u{a0}: 3/4 — critère suivant «\u{a0}Ancrage"),
        "{screen}"
    );
    assert!(screen.contains("▸ Ancrage territorial"), "{screen}");
    let help: String = help::lines(&s.app.ctx, Scope::Grid, 120)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        help.contains("puis le curseur passe au critère suivant"),
        "{help}"
    );
}

/// Point 9: Columns follow the terminal's width, and every cut name ends with an ellipsis: a cut
/// never reads as another valid name.
#[test]
fn cut_names_are_marked_and_columns_grow_with_the_width() {
    let mut ws = fixture::workspace();
    ws.sites[0].name = "Atelier Bagnolet n° 191 — grand atelier partagé".to_owned();
    ws.sites[1].name = "Atelier Bagnolet n° 19".to_owned();
    let (mut s, _dir) = cockpit_with(ws, 80, 24);
    s.keys("1");
    let shown = |s: &Session| -> usize {
        s.screen()
            .lines()
            .filter_map(|l| l.find("Atelier Bagnolet n° 191").map(|at| &l[at..]))
            .map(|rest| rest.split('…').next().unwrap_or_default().chars().count())
            .max()
            .unwrap_or(0)
    };
    let mut widths = Vec::new();
    for (w, h) in [(80, 24), (100, 30), (200, 40)] {
        s.resize(w, h);
        widths.push(shown(&s));
        for line in s.screen().lines() {
            if let Some(at) = line.find("Atelier Bagnolet n° 19") {
                let after = &line[at + "Atelier Bagnolet n° 19".len()..];
                assert!(
                    after.starts_with('1') || after.starts_with('…') || after.starts_with(' '),
                    "a cut that reads as another name at {w}: {line}"
                );
            }
        }
    }
    assert!(widths[0] < widths[2], "the name column grows: {widths:?}");
}

/// Point 10: An ineligible application is marked ✗ and dimmed on its row.
#[test]
fn an_ineligible_application_is_marked_on_its_row() {
    let (s, _dir) = cockpit(120, 40);
    let row = s
        .app
        .appel
        .rows
        .iter()
        .position(|r| r.key == jardins())
        .expect("the Jardins row");
    assert!(!s.app.appel.rows[row].eligible);
    let screen = s.screen();
    let (y, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Jardins partagés") && l.contains("Friche"))
        .expect("row on screen");
    assert!(line.contains('✗'), "{line}");
    let buffer = s.terminal.backend().buffer();
    let x = line.chars().position(|c| c == '✗').expect("mark") as u16;
    let cell = &buffer[(x, y as u16)];
    assert!(
        cell.modifier.contains(Modifier::DIM) || cell.modifier.contains(Modifier::REVERSED),
        "dimmed (or the selected row)"
    );
}

/// Point 11: A message goes at the next action; a form's warning goes once the input is given.
#[test]
fn messages_go_and_warnings_clear() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("p");
    assert!(message(&s).is_some_and(|m| m.starts_with("Enregistré")));
    s.keys("j");
    assert_eq!(message(&s), None, "gone at the next action");
    s.keys("r enter");
    assert!(
        s.screen()
            .contains("⚠ une motivation écrite est obligatoire")
    );
    s.type_text("S");
    assert!(
        !s.screen()
            .contains("⚠ une motivation écrite est obligatoire"),
        "{}",
        s.screen()
    );
}

/// Point 12: The help: one key column, descriptions wrapped (never cut), grouped by screen, the
/// letters that mean different things said per tab.
#[test]
fn the_help_is_aligned_wrapped_and_grouped_by_screen() {
    let (mut s, _dir) = cockpit(80, 24);
    s.keys("?");
    let first = s.screen();
    assert!(
        first.contains("Onglet Appel"),
        "the tab's own keys first:\n{first}"
    );
    let text: Vec<String> = help::lines(&s.app.ctx, Scope::Appel, 60)
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(text.iter().all(|l| l.chars().count() <= 60), "wrapped");
    let joined = text.join("\n");
    let appel = joined.find("Onglet Appel").expect("Appel group");
    let lieux = joined.find("Onglet Lieux").expect("Lieux group");
    let close = joined.find("Classer sans suite").expect("x on Appel");
    let mark = joined.find("marquer / démarquer").expect("x on Lieux");
    assert!(appel < close && lieux < mark, "each meaning under its tab");
    // Every description starts in the same column (keys too long for it have a line of
    // their own, the description on the next).
    let starts: std::collections::BTreeSet<usize> = text
        .iter()
        .filter_map(|l| {
            let chars: Vec<char> = l.chars().collect();
            if chars.len() < 4 || chars[0] != ' ' || chars[1] != ' ' || chars[2] == ' ' {
                return None;
            }
            let gap =
                (3..chars.len()).find(|&i| chars[i] == ' ' && chars.get(i + 1) == Some(&' '))?;
            (gap + 1..chars.len()).find(|&i| chars[i] != ' ')
        })
        .collect();
    assert_eq!(starts.len(), 1, "{starts:?}");
}

/// Point 13: Read-only: the banner fits 80 columns and names Ctrl-l; the key bar shows it.
#[test]
fn the_read_only_banner_fits_and_names_its_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let _other = Lock::acquire(dir.path()).expect("the other instance");
    let mut s = Session::new(Lang::Fr, 80, 24);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as(OFFICER);
    s.keys("3");
    let screen = s.screen();
    let top = screen.lines().next().unwrap_or_default();
    assert!(top.contains("Lecture seule (Ctrl-l"), "{top}");
    assert!(top.chars().count() <= 80);
    assert!(key_bar(&s).contains("Ctrl-l relire"), "{}", key_bar(&s));
    let mut writable = Session::new(Lang::Fr, 80, 24);
    writable.keys("3");
    assert!(
        !key_bar(&writable).contains("Ctrl-l"),
        "only when read-only"
    );
}

/// Point 14: Every alert can be read in full, those tied to no row included.
#[test]
fn every_alert_is_listed_in_full() {
    let mut ws = fixture::workspace();
    ws.calls[0].applications[1]
        .sites
        .push(SiteId::new("friche-rives-ourcq"));
    for envelope in &mut ws.territory.impact_fund.envelopes {
        envelope.amount = Money::euros(1_000);
    }
    for s in &mut ws.structures {
        if s.id == StructureId::new("recyclerie-des-lilas") {
            s.grant_requested = Some(Money::euros(5_000));
        }
    }
    let (mut s, _dir) = cockpit_with(ws, 80, 24);
    let rows: Vec<usize> = (0..s.app.appel.rows.len())
        .filter(|&i| s.app.appel.rows[i].key.structure.as_str() == "recyclerie-des-lilas")
        .collect();
    for row in rows {
        s.app.appel.cursor = row;
        // Accepted, the placement it offers declined.
        s.keys("a n");
    }
    s.keys("k");
    assert!(
        s.screen().contains("(!)"),
        "the status line counts them:\n{}",
        s.screen()
    );
    s.keys("!");
    assert_eq!(s.app.dialog(), Some(DialogKind::Alerts));
    let screen = s.screen();
    assert!(screen.contains("acceptée sur 2 sites"), "{screen}");
    assert!(screen.contains("enveloppe annuelle du fonds"), "{screen}");
    s.keys("esc");
    assert_eq!(s.app.dialog(), None);
}

/// Point 15: With no name configured, the first decision asks for it once and saves it.
#[test]
fn the_officer_name_is_asked_once_and_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config").join("config.json");
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.app.ctx.workspace_path = dir.path().join("espace");
    std::fs::create_dir_all(&s.app.ctx.workspace_path).expect("workspace dir");
    s.app.ctx.config_file = Some(config.clone());
    s.app.open_session(None);
    s.keys("3 p");
    assert_eq!(s.app.dialog(), Some(DialogKind::Officer));
    assert_eq!(s.app.ctx.status(&jardins()), Some(Status::EnInstruction));
    s.type_text("Léa Martin");
    s.keys("enter");
    assert_eq!(s.app.dialog(), None);
    let review = s.app.ctx.application(&jardins()).expect("reviewed");
    assert_eq!(review.status, Status::Preselectionne);
    assert_eq!(
        review.history[0].who, "Léa Martin",
        "signed, not « inconnu »"
    );
    let saved = std::fs::read_to_string(&config).expect("settings written");
    assert!(saved.contains("Léa Martin"), "{saved}");
    s.keys("j p");
    assert_eq!(s.app.dialog(), None, "asked once");
}

/// Point 16: Dates follow the interface language everywhere.
#[test]
fn dates_follow_the_language() {
    let iso = regex_like(r"\d{4}-\d{2}-\d{2}");
    let french = regex_like(r"\d{2}/\d{2}/\d{4}");
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("p");
    assert!(!iso(&s.screen()), "{}", s.screen());
    let dir = tempfile::tempdir().expect("temp dir");
    let mut en = Session::new(Lang::En, 120, 40);
    en.app.ctx.workspace_path = dir.path().to_owned();
    en.app.open_review_as(OFFICER);
    en.keys("3 p");
    assert!(!french(&en.screen()), "{}", en.screen());
}

/// A tiny matcher for `\d{n}` and literal chars, enough for date shapes.
fn regex_like(pattern: &'static str) -> impl Fn(&str) -> bool {
    let mut parts: Vec<Option<char>> = Vec::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek() == Some(&'d') {
            chars.next();
            let mut n = String::new();
            if chars.peek() == Some(&'{') {
                chars.next();
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                    n.push(d);
                }
            }
            for _ in 0..n.parse::<usize>().unwrap_or(1) {
                parts.push(None);
            }
        } else {
            parts.push(Some(c));
        }
    }
    move |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        (0..chars.len()).any(|i| {
            parts
                .iter()
                .enumerate()
                .all(|(j, p)| match (p, chars.get(i + j)) {
                    (None, Some(c)) => c.is_ascii_digit(),
                    (Some(p), Some(c)) => p == c,
                    _ => false,
                })
        })
    }
}

/// Point 17: Names with numbers in natural order; scores with one decimal everywhere.
#[test]
fn natural_order_and_one_precision_for_scores() {
    let mut ws = fixture::workspace();
    ws.sites[0].name = "Atelier n° 191".to_owned();
    ws.sites[1].name = "Atelier n° 78".to_owned();
    let mut s = Session::with(ws, Lang::Fr, 120, 40);
    let names: Vec<String> = s
        .app
        .lieux
        .listing
        .rows
        .iter()
        .map(|&i| s.app.ctx.workspace.sites[i].name.clone())
        .collect();
    let n78 = names.iter().position(|n| n == "Atelier n° 78").expect("78");
    let n191 = names
        .iter()
        .position(|n| n == "Atelier n° 191")
        .expect("191");
    assert!(n78 < n191, "{names:?}");
    s.keys("3");
    let screen = s.screen();
    assert!(
        screen.contains("95,0") && screen.contains("96,5"),
        "{screen}"
    );
}

/// Point 18: Words and word starts first; scattered letters never flood the list.
#[test]
fn search_finds_words_first_and_never_floods() {
    let workspace = cockpit::catalogue::workspace();
    let mut s = Session::with(workspace, Lang::Fr, 120, 40);
    s.keys("2 /");
    s.type_text("ecole");
    let rows = s.app.structures.listing.rows.clone();
    assert!(!rows.is_empty(), "« vélo-école » is in a description");
    for &i in &rows {
        let st = &s.app.ctx.workspace.structures[i];
        let text = fold_text(&format!("{} {}", st.name, st.description));
        assert!(
            text.contains("ecole"),
            "{} does not contain the word",
            st.name
        );
    }
    assert!(rows.len() < 5, "{} structures", rows.len());
}

#[test]
fn a_status_message_is_an_info_or_an_error() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("r enter");
    assert!(matches!(s.app.message.get(), Some(Message::Error(_))));
}
