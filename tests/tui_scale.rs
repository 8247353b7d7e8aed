//! Issue 14, the cockpit at scale, checked for what it must never change: figures worked out
//! on a worker thread are those worked out at once (and the cells say « calcul… » meanwhile);
//! a site's candidates ranked window by window are its full ranking; a search typed letter by
//! letter (narrowing its previous matches) finds what the same query finds at once.

mod cockpit;
mod support;

use ancrage::cli::demo_data::embedded_territory;
use ancrage::demo_data::{Size, generate};
use ancrage::domain::Workspace;
use ancrage::i18n::Lang;
use cockpit::session::Session;
use proptest::prelude::*;

fn generated(structures: usize, sites: usize, seed: u64) -> Workspace {
    let territory = embedded_territory().expect("embedded territory");
    generate(
        &territory,
        Size { structures, sites },
        seed,
        support::today(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn figures_from_the_worker_are_those_worked_out_at_once(
        structures in 1usize..300,
        sites in 1usize..12,
        seed in 0u64..1000,
    ) {
        let mut s = Session::with(generated(structures, sites, seed), Lang::Fr, 160, 40);
        let at_once = s.app.ctx.eligibility.clone();
        let rows_at_once = s.app.lieux.listing.rows.clone();
        prop_assert!(!at_once.pending);

        // As on a workspace too large to wait for: asked of a worker thread.
        s.app.ctx.figure_eligibility(0);
        prop_assert!(s.app.ctx.eligibility.pending);
        s.draw();
        let screen = s.screen();
        prop_assert!(screen.contains("calcul…"), "{}", screen);

        s.app.wait_for_figures();
        s.draw();
        prop_assert_eq!(&s.app.ctx.eligibility, &at_once);
        prop_assert_eq!(&s.app.lieux.listing.rows, &rows_at_once);
        prop_assert!(!s.screen().contains("calcul…"));
    }

    #[test]
    fn a_search_typed_letter_by_letter_finds_what_it_finds_at_once(
        first in "[aeiorst ]{1,5}",
        erased in 0usize..3,
        then in "[aeiorst ]{0,4}",
    ) {
        let ws = generated(400, 4, 3);
        let mut typed = Session::with(ws.clone(), Lang::Fr, 120, 40);
        typed.keys("2 /");
        typed.type_text(&first);
        for _ in 0..erased {
            typed.keys("backspace");
        }
        typed.type_text(&then);
        let query = typed.app.structures.listing.query.clone();

        let mut at_once = Session::with(ws, Lang::Fr, 120, 40);
        at_once.app.structures.listing.query = query;
        at_once.app.structures.refresh_rows(&at_once.app.ctx);
        prop_assert_eq!(&typed.app.structures.listing.rows, &at_once.app.structures.listing.rows);
    }
}

#[test]
fn a_site_ranked_window_by_window_is_its_full_ranking() {
    let mut s = Session::with(generated(700, 3, 11), Lang::Fr, 120, 40);
    let site = s.app.lieux.listing.selected().expect("a site");
    let full = s
        .app
        .ctx
        .ranking
        .rank_site(site, &s.app.ctx.weights, usize::MAX);
    assert_eq!(full.len(), 700);

    // The best 200 first, the title saying how many there are.
    s.keys("enter");
    assert_eq!(s.app.lieux.ranked, full[..200]);
    let screen = s.screen();
    assert!(screen.contains("(200/700)"), "{screen}");

    // Going down ranks more before the cursor reaches the end of what is ranked.
    for _ in 0..30 {
        s.keys("pgdn");
    }
    let ranked = s.app.lieux.ranked.len();
    assert!(ranked > 200, "{ranked}");
    assert_eq!(s.app.lieux.ranked, full[..ranked]);
    assert!(s.app.lieux.ranked_cursor < ranked);

    // The last one: all of them, in the full ranking's order.
    s.keys("G");
    assert_eq!(s.app.lieux.ranked, full);
    assert_eq!(s.app.lieux.ranked_cursor, 699);
    let screen = s.screen();
    assert!(screen.contains("(700)"), "{screen}");

    // Another site starts again from its best 200.
    s.keys("esc j");
    assert_eq!(s.app.lieux.ranked.len(), 200);
}
