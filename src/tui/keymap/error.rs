//! What can be wrong with the officer's key file, each problem naming what is wrong.

use crate::i18n::{Lang, typography};
use crate::tui::keymap::scope::Scope;
use std::fmt;
use std::path::PathBuf;

/// Problems with the override file, each naming what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapError {
    Syntax {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    UnknownAction {
        file: PathBuf,
        id: String,
    },
    BadKey {
        file: PathBuf,
        id: String,
        key: String,
    },
    Conflict {
        key: String,
        scope: Scope,
        first: (&'static str, &'static str, &'static str),
        second: (&'static str, &'static str, &'static str),
    },
}

impl KeymapError {
    pub fn message(&self, lang: Lang) -> String {
        typography(&self.untypeset(lang), lang)
    }

    fn untypeset(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                KeymapError::Syntax {
                    file,
                    line,
                    column,
                    message,
                },
                Lang::Fr,
            ) => format!(
                "{}:{line}:{column}\u{a0}: JSON invalide ({message})\u{a0}; attendu un objet {{ \"action\": [\"touche\", …] }}",
                file.display()
            ),
            (
                KeymapError::Syntax {
                    file,
                    line,
                    column,
                    message,
                },
                Lang::En,
            ) => format!(
                "{}:{line}:{column}: invalid JSON ({message}); expected an object {{ \"action\": [\"key\", …] }}",
                file.display()
            ),
            (KeymapError::UnknownAction { file, id }, Lang::Fr) => format!(
                "{}\u{a0}: action inconnue « {id} » (les noms sont listés dans l’aide, touche ?)",
                file.display()
            ),
            (KeymapError::UnknownAction { file, id }, Lang::En) => format!(
                "{}: unknown action `{id}` (names are listed in the help, key ?)",
                file.display()
            ),
            (KeymapError::BadKey { file, id, key }, Lang::Fr) => format!(
                "{}, {id}\u{a0}: touche illisible « {key} » (attendu par ex. q, S, ctrl-c, enter, esc, tab, up, pgdn, space, f1)",
                file.display()
            ),
            (KeymapError::BadKey { file, id, key }, Lang::En) => format!(
                "{}, {id}: unreadable key `{key}` (expected e.g. q, S, ctrl-c, enter, esc, tab, up, pgdn, space, f1)",
                file.display()
            ),
            (
                KeymapError::Conflict {
                    key,
                    scope,
                    first,
                    second,
                },
                Lang::Fr,
            ) => format!(
                "la touche « {key} » ({}) serait à la fois « {} » ({}) et « {} » ({})\u{a0}; fichier de touches ignoré",
                scope.title(lang),
                first.1,
                first.0,
                second.1,
                second.0
            ),
            (
                KeymapError::Conflict {
                    key,
                    scope,
                    first,
                    second,
                },
                Lang::En,
            ) => format!(
                "key `{key}` ({}) would be both “{}” ({}) and “{}” ({}); key file ignored",
                scope.title(lang),
                first.2,
                first.0,
                second.2,
                second.0
            ),
        }
    }
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
