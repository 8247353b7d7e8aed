//! Random key sequences through the real keymap never panic and keep the state coherent:
//! cursors inside their lists, Normal at the bottom of the mode stack, and only `q` (outside a
//! search) or Ctrl-c ever quits — `Esc` never does.

mod cockpit;
mod support;

use ancrage::i18n::Lang;
use ancrage::tui::app::Focus;
use ancrage::tui::mode::Mode;
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
            prop_assert!(app.modes.iter().next() == Some(Mode::Normal));
            prop_assert!(app.sites.rows.is_empty() || app.sites.cursor < app.sites.rows.len());
            prop_assert!(
                app.structures.rows.is_empty() || app.structures.cursor < app.structures.rows.len()
            );
            let visible = app.visible_ranked().count();
            prop_assert!(visible == 0 || app.ranked_cursor < visible);
            if app.focus == Focus::Ranked {
                prop_assert!(app.listing().is_some_and(|l| l.selected().is_some()));
            }
        }
        // Whatever state it reached, Esc enough times comes back to Normal without quitting.
        for _ in 0..8 {
            s.keys("esc");
        }
        prop_assert_eq!(s.app.mode(), Mode::Normal);
        prop_assert!(!s.app.quit);
    }
}
