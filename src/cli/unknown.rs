//! Refusing an unknown id on the command line, with the closest ids the workspace holds.

use crate::cli::failure::Failure;
use crate::cli::suggest::closest;
use crate::i18n::{self, Lang};

/// « Structure inconnue : « x ». Vouliez-vous dire : a, b ? » — exit code 2.
pub fn unknown<'a>(
    what_fr: &str,
    what_en: &str,
    id: &str,
    ids: impl Iterator<Item = &'a str>,
    lang: Lang,
) -> Failure {
    let list = closest(id, ids, 3).join(", ");
    let hint = match (list.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Fr) => format!(". Vouliez-vous dire : {list} ?"),
        (false, Lang::En) => format!(". Did you mean: {list}?"),
    };
    let text = match lang {
        Lang::Fr => format!("{what_fr} : « {id} »{hint}"),
        Lang::En => format!("{what_en}: “{id}”{hint}"),
    };
    Failure {
        message: i18n::typography(&text, lang),
        code: 2,
    }
}
