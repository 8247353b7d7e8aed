//! The officer's own settings: `<config dir>/ancrage/config.json` (e.g.
//! `~/.config/ancrage/config.json`), all fields optional:
//!
//! ```json
//! { "officer": "Léa Martin", "lang": "en" }
//! ```
//!
//! `officer` signs every decision; `lang` is the interface language when `--lang` is not given.
//! Key bindings live beside it in `keys.json` (see `tui::keymap`).

use crate::i18n::Lang;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    #[serde(default)]
    pub officer: Option<String>,
    #[serde(default)]
    pub lang: Option<Lang>,
}

/// Where the file is looked for, when the platform has a config directory.
pub fn path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("ancrage").join("config.json"))
}

/// The settings at `path`; none when the file does not exist. A file that does not parse is an
/// error naming the file, line, column and field.
pub fn load_from(path: &Path) -> Result<UserConfig, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(UserConfig::default()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let inner = e.inner();
        format!(
            "{}:{}:{}: {}: {inner}",
            path.display(),
            inner.line(),
            inner.column(),
            e.path()
        )
    })
}

/// The officer's settings, or the defaults with a warning to print when the file is broken
/// (a broken preferences file must not keep the officer from working).
pub fn load() -> (UserConfig, Option<String>) {
    let Some(path) = path() else {
        return (UserConfig::default(), None);
    };
    match load_from(&path) {
        Ok(config) => (config, None),
        Err(message) => (UserConfig::default(), Some(message)),
    }
}

/// Writes `officer` into the settings file at `path`, keeping what else it holds; a file that
/// does not parse is left as it is (the error says where), never overwritten.
pub fn save_officer(path: &Path, officer: &str) -> Result<(), String> {
    let mut settings = match std::fs::read_to_string(path) {
        Ok(text) => {
            load_from(path)?;
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text)
                .map_err(|e| format!("{}: {e}", path.display()))?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => serde_json::Map::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    settings.insert(
        "officer".to_owned(),
        serde_json::Value::String(officer.to_owned()),
    );
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    // The officer's name: personal, readable by them alone.
    crate::store::atomic::write_json(path, &settings, crate::store::atomic::Access::Private)
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_officer_is_saved_beside_the_other_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ancrage").join("config.json");
        save_officer(&path, "Léa Martin").unwrap();
        assert_eq!(
            load_from(&path).unwrap().officer.as_deref(),
            Some("Léa Martin")
        );
        std::fs::write(&path, r#"{ "lang": "en" }"#).unwrap();
        save_officer(&path, "Paul").unwrap();
        let config = load_from(&path).unwrap();
        assert_eq!(
            (config.officer.as_deref(), config.lang),
            (Some("Paul"), Some(Lang::En))
        );
        std::fs::write(&path, "{ broken").unwrap();
        assert!(save_officer(&path, "X").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ broken");
    }

    #[test]
    fn missing_file_means_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load_from(&dir.path().join("config.json")),
            Ok(UserConfig::default())
        );
    }

    #[test]
    fn reads_officer_and_lang() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        std::fs::write(&path, r#"{ "officer": "Léa Martin", "lang": "en" }"#).unwrap();
        let config = load_from(&path).unwrap();
        assert_eq!(config.officer.as_deref(), Some("Léa Martin"));
        assert_eq!(config.lang, Some(Lang::En));
    }

    #[test]
    fn a_bad_file_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        std::fs::write(&path, "{\n  \"lang\": \"de\"\n}").unwrap();
        let message = load_from(&path).unwrap_err();
        assert!(message.contains("config.json:2:"), "{message}");
        assert!(message.contains("lang"), "{message}");
    }
}
