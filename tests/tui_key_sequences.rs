//! Random key sequences through the real keymap never panic and keep the state coherent:
//! cursors inside their lists, a focused ranking always with an item selected, and only `q`
//! (outside a search) or Ctrl-c ever quits — `Esc` never does.

mod cockpit;
mod support;

use ancrage::i18n::Lang;
use ancrage::tui::pane::Focus;
use ancrage::tui::{Key, KeyCode};
use cockpit::session::Session;
use proptest::prelude::*;

/// Every key the default keymap binds, plus some it does not, except the two that quit.
fn keys() -> Vec<Key> {
    let mut keys: Vec<Key> = ancrage::tui::Keymap::default()
        .bindings()
        .iter()
        .flat_map(|b| b.keys.clone())
        .filter(|k| *k != Key::char('q') && *k != Key::ctrl('c'))
        .collect();
    keys.extend([
        Key::char('z'),
        Key::char('é'),
        Key::char(' '),
        Key::plain(KeyCode::F(5)),
    ]);
    keys.sort_by_key(|k| format!("{k:?}"));
    keys.dedup();
    keys
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_keep_the_state_coherent(
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..60),
        narrow: bool,
    ) {
        let keys = keys();
        let (w, h) = if narrow { (80, 24) } else { (120, 40) };
        let mut s = Session::new(Lang::Fr, w, h);
        for pick in picks {
            s.press(*pick.get(&keys));
            prop_assert!(!s.app.quit, "only q and Ctrl-c quit");
            let app = &s.app;
            let lieux = &app.lieux;
            prop_assert!(lieux.listing.rows.is_empty() || lieux.listing.cursor < lieux.listing.rows.len());
            let structures = &app.structures;
            prop_assert!(
                structures.listing.rows.is_empty()
                    || structures.listing.cursor < structures.listing.rows.len()
            );
            prop_assert!(lieux.ranked.is_empty() || lieux.ranked_cursor < lieux.ranked.len());
            prop_assert!(
                structures.ranked.is_empty() || structures.ranked_cursor < structures.ranked.len()
            );
            if lieux.focus == Focus::Ranked {
                prop_assert!(lieux.listing.selected().is_some());
            }
            if structures.focus == Focus::Ranked {
                prop_assert!(structures.listing.selected().is_some());
            }
            let appel = &app.appel;
            prop_assert!(appel.rows.is_empty() || appel.cursor < appel.rows.len());
        }
        // Whatever state it reached, Esc enough times comes back to Normal without quitting.
        for _ in 0..8 {
            s.keys("esc");
        }
        prop_assert_eq!(s.app.dialog(), None);
        prop_assert!(!s.app.quit);
    }
}
