//! Who is deciding: every decision records the officer's name.

/// The officer's name: `ANCRAGE_OFFICER`, else `officer` in the config file
/// (`store::config`), else the system user (`USER`, `USERNAME`), else « inconnu ».
pub fn officer_name() -> String {
    let (config, _) = crate::store::config::load();
    officer_name_from(|name| match name {
        "config" => config.officer.clone(),
        _ => std::env::var(name).ok(),
    })
}

/// The name the officer configured (`ANCRAGE_OFFICER`, else `officer` in the config file);
/// none when neither is set: the cockpit then asks once rather than sign with a login.
pub fn configured_officer() -> Option<String> {
    let (config, _) = crate::store::config::load();
    ["ANCRAGE_OFFICER", "config"]
        .into_iter()
        .filter_map(|name| match name {
            "config" => config.officer.clone(),
            _ => std::env::var(name).ok(),
        })
        .map(|v| v.trim().to_owned())
        .find(|v| !v.is_empty())
}

/// Same, reading each source through `var` (`"config"` stands for the config file's `officer`),
/// testable without touching the process environment.
pub fn officer_name_from(var: impl Fn(&str) -> Option<String>) -> String {
    ["ANCRAGE_OFFICER", "config", "USER", "USERNAME"]
        .into_iter()
        .filter_map(var)
        .map(|v| v.trim().to_owned())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "inconnu".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            officer_name_from(env(&[("USER", "lea"), ("ANCRAGE_OFFICER", "Léa M.")])),
            "Léa M."
        );
        assert_eq!(
            officer_name_from(env(&[("ANCRAGE_OFFICER", " "), ("USER", "lea")])),
            "lea"
        );
        assert_eq!(officer_name_from(env(&[("USERNAME", "LEA")])), "LEA");
        assert_eq!(officer_name_from(env(&[])), "inconnu");
    }
}
