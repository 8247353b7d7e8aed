//! The one keymap table: every binding with its scopes, action and description in French and
//! English. Routing, the help screen and the bottom key bar all read it, so a key shown always
//! works and the help cannot go stale. User overrides come from `<config dir>/ancrage/keys.json`:
//!
//! ```json
//! { "sort_next": ["o"], "quit": ["q", "ctrl-c"] }
//! ```
//!
//! Each entry replaces the keys of one action (named by its id, shown in the help). A key bound
//! twice where both would apply is refused with a message naming both actions.

mod defaults;
mod error;
mod key;
pub(crate) mod scope;

pub use error::KeymapError;
pub use key::{Key, KeyCode};
pub use scope::Scope;

use crate::i18n::Lang;
use crate::tui::action::{Action, ReviewAction, TextKey};
use defaults::{ALIASES, DEFAULTS};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// Stable name used in the override file.
    pub id: &'static str,
    pub scopes: &'static [Scope],
    pub action: Action,
    pub keys: Vec<Key>,
    pub fr: &'static str,
    pub en: &'static str,
    /// Short label for the bottom key bar; none keeps the binding out of the bar.
    pub bar: Option<(&'static str, &'static str)>,
}

impl Binding {
    pub fn description(&self, lang: Lang) -> &'static str {
        lang.pick(self.fr, self.en)
    }

    pub fn bar_label(&self, lang: Lang) -> Option<&'static str> {
        self.bar.map(|(fr, en)| lang.pick(fr, en))
    }

    pub fn keys_label(&self, lang: Lang) -> String {
        self.keys
            .iter()
            .map(|k| k.label(lang))
            .collect::<Vec<_>>()
            .join("/")
    }

    pub fn applies_in(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|&(id, scopes, action, keys, fr, en, bar)| Binding {
                id,
                scopes,
                action,
                // The defaults are spelled by us; a typo is caught by the unit test below.
                keys: keys.iter().filter_map(|k| Key::parse(k).ok()).collect(),
                fr,
                en,
                bar,
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The bindings of `scope` itself (not its parents).
    pub fn in_scope(&self, scope: Scope) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.applies_in(scope))
    }

    /// Every binding that applies in `scope`, nearest scope first: what the key bar and the
    /// help of that screen or dialog show.
    pub fn in_chain(&self, scope: Scope) -> impl Iterator<Item = &Binding> {
        scope.chain().into_iter().flat_map(|s| self.in_scope(s))
    }

    /// The binding of `action` that applies in `scope`, for naming its keys in a sentence.
    pub fn binding_for(&self, scope: Scope, action: Action) -> Option<&Binding> {
        self.in_chain(scope).find(|b| b.action == action)
    }

    /// The action for `key` in `scope`: the scope's own bindings first, then its parents',
    /// then the global ones. Where text is typed, printable keys are text: only control keys
    /// reach the parents and the global bindings.
    pub fn lookup(&self, scope: Scope, key: Key) -> Option<Action> {
        let find = |s: Scope| {
            self.in_scope(s)
                .find(|b| b.keys.contains(&key))
                .map(|b| carry_key(b.action, key))
        };
        if let Some(action) = find(scope) {
            return Some(action);
        }
        if scope.takes_text()
            && let KeyCode::Char(c) = key.code
            && !key.ctrl
            && !key.alt
        {
            return Some(Action::Text(TextKey::Input(c)));
        }
        scope.chain().into_iter().skip(1).find_map(find)
    }

    /// The default table with the overrides of `json` applied (`file` only names errors).
    pub fn with_overrides(json: &str, file: &Path) -> Result<Keymap, KeymapError> {
        let overrides: BTreeMap<String, KeyList> =
            serde_json::from_str(json).map_err(|e| KeymapError::Syntax {
                file: file.to_owned(),
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?;
        let mut keymap = Keymap::default();
        for (id, keys) in overrides {
            let target = ALIASES
                .iter()
                .find(|(old, _)| *old == id)
                .map_or(id.as_str(), |(_, new)| new);
            let binding = keymap
                .bindings
                .iter_mut()
                .find(|b| b.id == target)
                .ok_or_else(|| KeymapError::UnknownAction {
                    file: file.to_owned(),
                    id: id.clone(),
                })?;
            let parsed = keys
                .into_vec()
                .iter()
                .map(|k| {
                    Key::parse(k).map_err(|key| KeymapError::BadKey {
                        file: file.to_owned(),
                        id: id.clone(),
                        key,
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            binding.keys = parsed;
        }
        keymap.check()?;
        Ok(keymap)
    }

    /// Loads `<config_dir>/ancrage/keys.json` when it exists. A refused file leaves the
    /// default keymap in place and returns the reason, for the status line.
    pub fn load(config_dir: Option<&Path>) -> (Keymap, Option<KeymapError>) {
        let Some(path) = config_dir.map(|d| d.join("ancrage").join("keys.json")) else {
            return (Keymap::default(), None);
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => match Keymap::with_overrides(&text, &path) {
                Ok(keymap) => (keymap, None),
                Err(e) => (Keymap::default(), Some(e)),
            },
            Err(_) => (Keymap::default(), None),
        }
    }

    /// Refuses a key bound to two actions where both would apply (in one scope's chain).
    pub fn check(&self) -> Result<(), KeymapError> {
        for scope in Scope::ALL {
            let visible: Vec<&Binding> = self.in_chain(scope).collect();
            for (i, first) in visible.iter().enumerate() {
                for second in &visible[i + 1..] {
                    if std::ptr::eq(*first, *second) {
                        continue;
                    }
                    if let Some(key) = first.keys.iter().find(|k| second.keys.contains(k)) {
                        return Err(KeymapError::Conflict {
                            key: key.label(Lang::En),
                            scope,
                            first: (first.id, first.fr, first.en),
                            second: (second.id, second.fr, second.en),
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

/// The action of a binding, with the pressed key carried in where it matters (one grid
/// binding serves the keys 0 to 4 and -).
fn carry_key(action: Action, key: Key) -> Action {
    match (action, key.code) {
        (Action::Review(ReviewAction::GradeKey(_)), KeyCode::Char(c)) => {
            Action::Review(ReviewAction::GradeKey(c))
        }
        _ => action,
    }
}

/// An override value: one key or a list of keys.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    fn into_vec(self) -> Vec<String> {
        match self {
            KeyList::One(k) => vec![k],
            KeyList::Many(v) => v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_do_not_conflict() {
        for (id, _, _, keys, ..) in DEFAULTS {
            for k in *keys {
                assert!(Key::parse(k).is_ok(), "{id}: {k}");
            }
        }
        let ids: std::collections::HashSet<_> = DEFAULTS.iter().map(|r| r.0).collect();
        assert_eq!(ids.len(), DEFAULTS.len(), "binding ids are unique");
        Keymap::default().check().unwrap();
    }

    #[test]
    fn lookup_goes_through_context_then_global() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.lookup(Scope::Lieux, Key::char('s')),
            Some(Action::SortNext)
        );
        assert_eq!(
            keymap.lookup(Scope::Lieux, Key::char('S')),
            Some(Action::SortReverse)
        );
        assert_eq!(
            keymap.lookup(Scope::Help, Key::char('q')),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.lookup(Scope::Search, Key::char('q')),
            Some(Action::Text(TextKey::Input('q')))
        );
        assert_eq!(
            keymap.lookup(Scope::Search, Key::ctrl('c')),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.lookup(Scope::Lieux, Key::plain(KeyCode::Esc)),
            Some(Action::Back)
        );
    }

    #[test]
    fn overrides_replace_keys() {
        let keymap =
            Keymap::with_overrides(r#"{"sort_next": ["o"]}"#, Path::new("keys.json")).unwrap();
        assert_eq!(
            keymap.lookup(Scope::Lieux, Key::char('o')),
            Some(Action::SortNext)
        );
        assert_eq!(keymap.lookup(Scope::Lieux, Key::char('s')), None);
    }

    #[test]
    fn conflicts_name_both_actions() {
        let err =
            Keymap::with_overrides(r#"{"sort_next": "q"}"#, Path::new("keys.json")).unwrap_err();
        let fr = err.message(Lang::Fr);
        assert!(fr.contains("quit") && fr.contains("sort_next"), "{fr}");
        assert!(fr.contains("«\u{a0}q\u{a0}»"), "{fr}");
        let err =
            Keymap::with_overrides(r#"{"weights": "f"}"#, Path::new("keys.json")).unwrap_err();
        assert!(err.message(Lang::En).contains("filter"));
    }

    #[test]
    fn bad_files_are_explained() {
        let err =
            Keymap::with_overrides("{\n \"nope\": [\"x\"]}", Path::new("k.json")).unwrap_err();
        assert_eq!(
            err,
            KeymapError::UnknownAction {
                file: "k.json".into(),
                id: "nope".into()
            }
        );
        let err =
            Keymap::with_overrides("{\n \"quit\": [\"ctrl-\"", Path::new("k.json")).unwrap_err();
        assert!(
            matches!(err, KeymapError::Syntax { line: 2, .. }),
            "{err:?}"
        );
        let err =
            Keymap::with_overrides(r#"{"quit": ["hyper-x"]}"#, Path::new("k.json")).unwrap_err();
        assert!(matches!(err, KeymapError::BadKey { .. }));
    }

    #[test]
    fn load_reads_the_config_dir_and_refuses_conflicts() {
        let dir = tempfile::tempdir().unwrap();
        let (keymap, problem) = Keymap::load(Some(dir.path()));
        assert_eq!(
            (keymap, problem),
            (Keymap::default(), None),
            "no file: defaults"
        );
        std::fs::create_dir_all(dir.path().join("ancrage")).unwrap();
        let file = dir.path().join("ancrage").join("keys.json");
        std::fs::write(&file, r#"{"help": "H"}"#).unwrap();
        let (keymap, problem) = Keymap::load(Some(dir.path()));
        assert_eq!(problem, None);
        assert_eq!(
            keymap.lookup(Scope::Lieux, Key::char('H')),
            Some(Action::OpenHelp)
        );
        std::fs::write(&file, r#"{"help": "/"}"#).unwrap();
        let (keymap, problem) = Keymap::load(Some(dir.path()));
        assert_eq!(keymap, Keymap::default(), "a refused file changes nothing");
        let message = problem.unwrap().message(Lang::Fr);
        assert!(
            message.contains("search") && message.contains("help"),
            "{message}"
        );
    }

    #[test]
    fn old_ids_still_name_their_action() {
        let keymap =
            Keymap::with_overrides(r#"{"call_export": "E"}"#, Path::new("keys.json")).unwrap();
        assert_eq!(
            keymap.lookup(Scope::Appel, Key::char('E')),
            Some(Action::OpenExport)
        );
    }

    #[test]
    fn the_same_letter_means_different_things_on_different_tabs() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.lookup(Scope::Lieux, Key::char('x')),
            Some(Action::MarkForCompare)
        );
        assert_eq!(
            keymap.lookup(Scope::Appel, Key::char('x')),
            Some(Action::Review(ReviewAction::Decide(
                crate::review::Status::ClasseSansSuite
            )))
        );
        assert_eq!(keymap.lookup(Scope::Parcours, Key::char('x')), None);
        assert_eq!(
            keymap.lookup(Scope::Parcours, Key::char('j')),
            Some(Action::Down)
        );
    }

    #[test]
    fn keys_round_trip_through_text() {
        assert_eq!(Key::parse("ctrl-c").unwrap(), Key::ctrl('c'));
        assert_eq!(Key::parse("S").unwrap(), Key::char('S'));
        assert_eq!(Key::parse("pgdn").unwrap(), Key::plain(KeyCode::PageDown));
        assert_eq!(Key::parse("-").unwrap(), Key::char('-'));
        assert_eq!(Key::ctrl('c').label(Lang::Fr), "Ctrl-c");
    }
}
