//! The cockpit driven by key sequences through the real keymap, drawn into a TestBackend and
//! compared with reviewed snapshots (`tests/snapshots/`), plus behaviours the snapshots imply.

mod cockpit;
mod support;

use ancrage::i18n::Lang;
use ancrage::tui::DialogKind;
use ancrage::tui::Tab;
use ancrage::tui::dialogs::compare::CompareDialog;
use ancrage::tui::dialogs::score_card::ScoreCardDialog;
use ancrage::tui::keymap::Scope;
use ancrage::tui::pane::Focus;
use cockpit::session::Session;

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn snapshot_tabs(lang: Lang, suffix: &str) {
    for (key, name) in [
        ("1", "sites"),
        ("2", "structures"),
        ("3", "call"),
        ("4", "pathway"),
        ("5", "territory"),
    ] {
        for (w, h) in SIZES {
            let mut s = Session::new(lang, w, h);
            s.keys(key);
            insta::assert_snapshot!(format!("{name}_{w}x{h}{suffix}"), s.screen());
        }
    }
}

#[test]
fn every_screen_in_french_at_both_sizes() {
    snapshot_tabs(Lang::Fr, "");
}

#[test]
fn sites_and_structures_in_english() {
    for (key, name) in [("1", "sites"), ("2", "structures")] {
        let mut s = Session::new(Lang::En, 120, 40);
        s.keys(key);
        insta::assert_snapshot!(format!("{name}_120x40_en"), s.screen());
    }
}

#[test]
fn help_is_generated_from_the_keymap() {
    for (w, h) in SIZES {
        let mut s = Session::new(Lang::Fr, w, h);
        s.keys("?");
        assert_eq!(s.app.dialog(), Some(DialogKind::Help));
        let screen = s.screen();
        assert!(screen.contains("Onglet Lieux"), "{screen}");
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen);
        s.keys("esc");
        assert_eq!(s.app.dialog(), None);
    }
}

#[test]
fn search_in_progress_highlights_and_selects_the_best_match() {
    for (w, h) in SIZES {
        let mut s = Session::new(Lang::Fr, w, h);
        s.keys("/");
        s.type_text("usine");
        assert_eq!(s.app.scope(), Scope::Search);
        let top = s
            .app
            .lieux
            .listing
            .selected()
            .map(|i| s.app.ctx.workspace.sites[i].name.clone());
        assert_eq!(top.as_deref(), Some("Usine des transitions"));
        insta::assert_snapshot!(format!("search_usine_{w}x{h}"), s.screen());
    }
}

#[test]
fn search_folds_accents_and_needs_every_term() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.keys("2 /");
    s.type_text("econ");
    let names: Vec<&str> = s
        .app
        .structures
        .listing
        .rows
        .iter()
        .map(|&i| s.app.ctx.workspace.structures[i].name.as_str())
        .collect();
    assert_eq!(names.first(), Some(&"Économie du partage"));
    // Enter keeps the search as a filter; Esc in normal mode clears it.
    s.keys("enter");
    assert_eq!(s.app.dialog(), None);
    assert_eq!(s.app.structures.listing.query, "econ");
    s.keys("esc");
    assert!(s.app.structures.listing.query.is_empty());
    assert_eq!(s.app.structures.listing.rows.len(), 6);

    let mut s = Session::new(Lang::Fr, 120, 40);
    s.keys("/");
    s.type_text("saint pre");
    let names: Vec<&str> = s
        .app
        .lieux
        .listing
        .rows
        .iter()
        .map(|&i| s.app.ctx.workspace.sites[i].name.as_str())
        .collect();
    assert_eq!(
        names,
        vec!["Pôle des métiers d'art"],
        "found through its city"
    );
    s.keys("esc");
    assert_eq!(s.app.lieux.listing.rows.len(), 5, "Esc clears the search");
}

#[test]
fn score_card_of_the_top_structure() {
    for (w, h) in SIZES {
        let mut s = Session::new(Lang::Fr, w, h);
        s.keys("/");
        s.type_text("usine");
        s.keys("enter enter");
        assert_eq!(s.app.lieux.focus, Focus::Ranked);
        s.keys("enter");
        assert_eq!(s.app.dialog(), Some(DialogKind::ScoreCard));
        let screen = s.screen();
        assert!(screen.contains("Fiche de score"));
        assert!(screen.contains("Lot retenu"));
        insta::assert_snapshot!(format!("score_card_{w}x{h}"), screen);
        s.keys("esc");
        assert_eq!(s.app.dialog(), None);
    }
}

#[test]
fn weights_popup_moves_the_ranking_live() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    // The Friche (outdoor, 2 000 m²): rank its candidates, then weigh urgency only.
    s.keys("/");
    s.type_text("friche");
    s.keys("enter w");
    assert_eq!(s.app.dialog(), Some(DialogKind::Weights));
    let before: Vec<usize> = s.app.lieux.ranked.iter().map(|p| p.structure).collect();
    let totals_before: Vec<f64> = s.app.lieux.ranked.iter().map(|p| p.total).collect();
    // Surface, cost and sector down to zero: only rebalancing and urgency remain.
    s.keys("h h h h h h j h h h h h h h h j h h h h h h h h");
    let totals_after: Vec<f64> = s.app.lieux.ranked.iter().map(|p| p.total).collect();
    assert_ne!(totals_before, totals_after, "totals follow the weights");
    insta::assert_snapshot!("weights_120x40", s.screen());
    let mut s80 = Session::new(Lang::Fr, 80, 24);
    s80.keys("w");
    insta::assert_snapshot!("weights_80x24", s80.screen());
    // Resetting asks first.
    s.keys("r");
    assert_eq!(s.app.dialog(), Some(DialogKind::Confirm));
    s.keys("o");
    assert_eq!(s.app.dialog(), Some(DialogKind::Weights));
    let reset: Vec<usize> = s.app.lieux.ranked.iter().map(|p| p.structure).collect();
    assert_eq!(reset, before);
}

#[test]
fn filter_popup_narrows_the_tables() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.keys("f");
    assert_eq!(s.app.dialog(), Some(DialogKind::Filter));
    // Kind → transitoire.
    s.keys("l");
    assert_eq!(s.app.lieux.listing.rows.len(), 2);
    insta::assert_snapshot!("filter_120x40", s.screen());
    s.keys("r esc");
    assert_eq!(s.app.lieux.listing.rows.len(), 5);
}

#[test]
fn compare_three_structures_for_one_site() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.keys("/");
    s.type_text("usine");
    s.keys("enter c");
    assert_eq!(s.app.dialog(), Some(DialogKind::Compare));
    let structures = s
        .app
        .top::<CompareDialog>()
        .expect("comparison open")
        .structures
        .clone();
    assert!(!structures.is_empty() && structures.len() <= 3);
    insta::assert_snapshot!("compare_120x40", s.screen());
}

#[test]
fn escape_never_quits_and_q_does() {
    let mut s = Session::new(Lang::Fr, 80, 24);
    s.keys("esc esc enter esc esc ? esc w esc f esc esc");
    assert!(!s.app.quit);
    assert_eq!(s.app.dialog(), None);
    s.keys("q");
    assert!(s.app.quit);
    let mut s = Session::new(Lang::Fr, 80, 24);
    s.keys("/ ctrl-c");
    assert!(s.app.quit, "Ctrl-c quits even while typing a search");
}

#[test]
fn tabs_cycle_and_sorting_cycles_columns() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.keys("tab tab");
    assert_eq!(s.app.tab, Tab::Call);
    s.keys("backtab backtab backtab");
    assert_eq!(s.app.tab, Tab::Territory);
    s.keys("1 s");
    assert_eq!(s.app.lieux.listing.sort.column, 1);
    s.keys("S");
    assert!(s.app.lieux.listing.sort.reverse);
}

#[test]
fn resizing_keeps_the_selection() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.keys("j j j");
    let selected = s.app.lieux.listing.selected();
    s.resize(60, 15);
    s.resize(20, 5);
    assert!(s.screen().contains("Fenêtre trop petite"));
    s.resize(200, 60);
    assert_eq!(s.app.lieux.listing.selected(), selected);
}

#[test]
fn ineligible_pairs_are_marked_and_can_be_hidden() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    let ineligible = s.app.lieux.ranked.iter().filter(|p| !p.eligible).count();
    let all = s.app.lieux.ranked.len();
    if ineligible > 0 {
        assert!(s.screen().contains('✗'));
    }
    s.keys("i");
    assert_eq!(s.app.lieux.ranked.len(), all - ineligible);
    s.keys("i");
    assert_eq!(s.app.lieux.ranked.len(), all);
}

/// What the issue's "done when" asks of a new user, on the shipped catalogue: find the Usine
/// des transitions, see who fits it best and why, change a weight, watch the order change.
#[test]
fn first_run_on_the_shipped_catalogue() {
    let workspace = cockpit::catalogue::workspace();
    if workspace.sites.is_empty() || workspace.structures.is_empty() {
        panic!("the embedded catalogue has no sites or no demo structures");
    }
    let mut s = Session::with(workspace, Lang::Fr, 120, 40);
    insta::assert_snapshot!("catalogue_sites_120x40", s.screen());
    s.keys("/");
    s.type_text("usine");
    let top = s
        .app
        .lieux
        .listing
        .selected()
        .map(|i| s.app.ctx.workspace.sites[i].name.clone());
    assert!(
        top.as_deref()
            .is_some_and(|n| n.starts_with("Usine des transitions")),
        "{top:?}"
    );
    s.keys("enter enter enter");
    assert_eq!(s.app.dialog(), Some(DialogKind::ScoreCard));
    insta::assert_snapshot!("catalogue_score_card_120x40", s.screen());
    s.keys("esc w");
    let order =
        |s: &Session| -> Vec<usize> { s.app.lieux.ranked.iter().map(|p| p.structure).collect() };
    let before = order(&s);
    // Everything on sector: the order changes.
    for _ in 0..6 {
        s.keys("h");
    }
    s.keys("j");
    for _ in 0..5 {
        s.keys("h");
    }
    s.keys("j");
    for _ in 0..16 {
        s.keys("l");
    }
    let after = order(&s);
    assert_ne!(before, after, "weights move the ranking");
    insta::assert_snapshot!("catalogue_weights_120x40", s.screen());
    s.keys("esc q");
    assert!(s.app.quit);
}

#[test]
fn structures_sort_by_best_score_and_follow_the_weights() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.keys("2 s s s s s s s s");
    let best: Vec<Option<f64>> = s
        .app
        .structures
        .listing
        .rows
        .iter()
        .map(|&i| s.app.structures.items.best_score(&s.app.ctx, i))
        .collect();
    let mut expected = best.clone();
    expected.sort_by(|a, b| match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    assert_eq!(
        best, expected,
        "best first, structures that fit nowhere last"
    );
    // A weight change refreshes the cached totals.
    s.keys("w h h h h h h esc");
    let after: Vec<Option<f64>> = s
        .app
        .structures
        .listing
        .rows
        .iter()
        .map(|&i| s.app.structures.items.best_score(&s.app.ctx, i))
        .collect();
    assert!(after.iter().flatten().all(|v| (0.0..=100.0).contains(v)));
    assert_ne!(best, after);
}

/// Meaning never rests on colour (NO_COLOR removes colours, not modifiers or symbols): the
/// selection is reversed, ineligible pairs carry `✗` and are dimmed, matches are bold.
#[test]
fn meaning_survives_without_colour() {
    use ratatui::style::Modifier;
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.keys("/");
    s.type_text("usine");
    let buffer = s.terminal.backend().buffer().clone();
    let area = buffer.area;
    let cells = || (0..area.height).flat_map(|y| (0..area.width).map(move |x| (x, y)));
    let find = |symbol: &str| cells().find(|&p| buffer[p].symbol() == symbol);
    let (x, y) = find("▸").expect("a selection marker");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::REVERSED),
        "selection is reversed"
    );
    let cross = find("✗").expect("an ineligible pair in the fixture");
    assert!(
        buffer[cross].modifier.contains(Modifier::DIM),
        "ineligible rows are dimmed"
    );
    // The "U" of "Usine" in the table is a match: bold and underlined, whatever the colour.
    let matched = cells()
        .find(|&p| buffer[p].symbol() == "U" && buffer[p].modifier.contains(Modifier::UNDERLINED))
        .expect("a highlighted match");
    assert!(buffer[matched].modifier.contains(Modifier::BOLD));
}

#[test]
fn marked_structures_are_the_ones_compared() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.keys("/");
    s.type_text("usine");
    s.keys("enter enter j x j j x");
    let marked = s.app.lieux.items.marks.clone();
    assert_eq!(marked.len(), 2);
    assert!(s.screen().contains('◆'));
    s.keys("c");
    let compared = s
        .app
        .top::<CompareDialog>()
        .expect("comparison open")
        .structures
        .clone();
    assert_eq!(compared, marked);
    s.keys("esc");
    assert_eq!(s.app.dialog(), None);
}

#[test]
fn call_tab_opens_the_score_card_of_an_application() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.keys("3");
    assert!(s.screen().contains("AMI Temp'O 2026"));
    s.keys("j enter");
    assert_eq!(s.app.dialog(), Some(DialogKind::ScoreCard));
    let card = s.app.top::<ScoreCardDialog>().expect("card open");
    let (structure, site) = (card.structure, card.site);
    assert_eq!(
        s.app.ctx.workspace.structures[structure].name,
        "La Recyclerie des Lilas"
    );
    assert_eq!(
        s.app.ctx.workspace.sites[site].name,
        "Usine des transitions"
    );
}

#[test]
fn the_mouse_selects_tabs_and_rows() {
    let mut s = Session::new(Lang::Fr, 120, 40);
    s.click_on("2 Structures");
    assert_eq!(s.app.tab, Tab::Structures);
    s.click_on("1 Lieux");
    assert_eq!(s.app.tab, Tab::Sites);
    s.click_on("Pôle des métiers d'art");
    let selected = s
        .app
        .lieux
        .listing
        .selected()
        .map(|i| s.app.ctx.workspace.sites[i].name.as_str());
    assert_eq!(selected, Some("Pôle des métiers d'art"));
    assert_eq!(s.app.lieux.focus, Focus::List);
    let second = s.app.lieux.ranked[1].structure;
    let name = s.app.ctx.workspace.structures[second].name.clone();
    s.click_on(&name);
    assert_eq!(s.app.lieux.focus, Focus::Ranked);
    assert_eq!(
        s.app.lieux.selected_pair().map(|p| p.structure),
        Some(second)
    );
    // Under a popup, the lists do not take clicks.
    s.keys("?");
    s.click_on("Rechercher");
    assert_eq!(s.app.dialog(), Some(DialogKind::Help));
    assert_eq!(
        s.app.lieux.selected_pair().map(|p| p.structure),
        Some(second)
    );
}

#[test]
fn a_search_with_no_match_says_so() {
    let mut s = Session::new(Lang::Fr, 80, 24);
    s.keys("/");
    s.type_text("zzzz");
    assert!(s.app.lieux.listing.rows.is_empty());
    assert!(
        s.screen().contains("Aucune ligne ne correspond"),
        "{}",
        s.screen()
    );
    s.keys("esc");
    assert_eq!(s.app.lieux.listing.rows.len(), 5);
}
