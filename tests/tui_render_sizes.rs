//! Every screen and popup drawn at random terminal sizes from 1×1 to 300×100 never panics
//! (ratatui refuses to draw outside its buffer, so no panic means nothing outside the frame),
//! no line is wider than the terminal, and below the usable size the cockpit says so.

mod cockpit;
mod support;

use ancrage::i18n::Lang;
use cockpit::session::Session;
use proptest::prelude::*;

/// Key sequences that reach each screen and dialog (the review ones on a session opened in
/// a temporary folder).
const STATES: [&str; 45] = [
    "1",
    "2",
    "3",
    "4",
    "5",
    "1 enter",
    "1 enter enter",
    "2 enter enter",
    "1 ?",
    "3 ?",
    "1 w",
    "1 w r",
    "1 f",
    "2 f",
    "1 c",
    "1 /",
    "3 /",
    "3 enter",
    "3 f",
    "3 c",
    "3 t",
    "3 r",
    "3 n",
    "3 l",
    "3 o",
    "3 e",
    "3 e down down right",
    "3 A",
    "3 A j x + b",
    "3 A enter",
    "3 a n L",
    "3 a",
    "3 a n !",
    "4 + + l",
    "4 enter",
    "4 j enter p",
    "4 enter c",
    "4 !",
    "5 e",
    "5 l b b",
    "1 P",
    "3 I",
    "3 I c . c s v down down down",
    "3 I c . c s v enter",
    "3 I c . c s v enter G",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_size_renders(width in 1u16..=300, height in 1u16..=100, state in 0usize..STATES.len(), english: bool) {
        let lang = if english { Lang::En } else { Lang::Fr };
        // Reach the state at a normal size, then resize: that is how a real session gets there.
        let dir = tempfile::tempdir().expect("temp dir");
        let mut s = Session::new(lang, 120, 40);
        s.app.ctx.workspace_path = dir.path().to_owned();
        s.app.ctx.export_folder = Some(dir.path().to_owned());
        // The file the import dialog's states read (`c.csv`, relative to that folder).
        std::fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/google-forms.csv"),
            dir.path().join("c.csv"),
        )
        .expect("fixture copied");
        s.app.open_review_as("Léa Martin");
        s.keys(STATES[state]);
        s.resize(width, height);
        s.keys("j k");
        let screen = s.screen();
        prop_assert_eq!(screen.lines().count(), usize::from(height));
        for line in screen.lines() {
            prop_assert!(
                unicode_width::UnicodeWidthStr::width(line) <= usize::from(width),
                "wider than {}: {}", width, line
            );
        }
    }
}

#[test]
fn tiny_terminals_say_so() {
    let mut s = Session::new(Lang::Fr, 30, 8);
    assert!(s.screen().contains("trop petite"), "{}", s.screen());
    s.resize(1, 1);
    s.resize(300, 100);
    assert!(s.screen().contains("Lieux"));
}

/// A workspace with nothing in it (no city, site, structure or call) still draws every screen.
#[test]
fn empty_workspace_draws_every_screen() {
    let mut empty = cockpit::fixture::workspace();
    empty.territory.cities.clear();
    empty.territory.sector_families.clear();
    empty.sites.clear();
    empty.structures.clear();
    empty.calls.clear();
    for state in STATES {
        for (w, h) in [(120, 40), (80, 24), (50, 12)] {
            let mut s = Session::with(empty.clone(), Lang::Fr, w, h);
            s.keys(state);
            s.keys("j k G g enter x c s S i f l r esc");
            assert_eq!(s.screen().lines().count(), usize::from(h));
        }
    }
    let mut s = Session::with(empty, Lang::Fr, 120, 40);
    assert!(s.screen().contains("Aucun score"), "{}", s.screen());
    s.keys("q");
    assert!(s.app.quit);
}
