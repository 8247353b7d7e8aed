//! Support: an organisation of the accompaniment network following the structure, from when,
//! until when.

use super::options::{self, enums};
use super::{Cx, shown};
use crate::domain::{Support, SupportKind};
use crate::i18n::labels::Label;
use crate::tui::forms::field::Field;
use crate::tui::forms::read::{Reader, code_of};

pub fn fields(base: Option<&Support>, cx: Cx<'_>) -> Vec<Field> {
    let lang = cx.lang;
    let s = base;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| shown::date(d, lang)).unwrap_or_default();
    vec![
        Field::choice(
            "organisation",
            ("Organisation", "Organisation"),
            options::organisations(cx.workspace, s.map(|s| s.organisation.as_str())),
            s.map(|s| s.organisation.as_str()),
        ),
        Field::choice(
            "kind",
            ("Accompagnement", "Support"),
            enums(&SupportKind::ALL, lang),
            s.map(|s| code_of(&s.kind)).as_deref(),
        ),
        Field::text("from", ("Depuis le", "From"), &date(s.map(|s| s.from)))
            .hint(("jj/mm/aaaa", "dd/mm/yyyy")),
        Field::text("to", ("Jusqu’au", "Until"), &date(s.and_then(|s| s.to)))
            .hint(("facultatif", "optional")),
    ]
}

pub fn read(r: &mut Reader<'_>, cx: Cx<'_>) -> Support {
    Support {
        organisation: r.required_choice("organisation").unwrap_or_default(),
        kind: r.code("kind").unwrap_or(SupportKind::Other),
        from: r.required_date("from").unwrap_or(cx.today),
        to: r.date("to"),
    }
}

/// `FAM 93 — incubation · depuis le 01/01/2025`.
pub fn summary(s: &Support, cx: Cx<'_>) -> String {
    let lang = cx.lang;
    let name = cx
        .workspace
        .territory
        .support_organisation_name(&s.organisation);
    let name = if name.is_empty() { "…" } else { name };
    let span = match s.to {
        Some(to) => format!("{} → {}", shown::date(s.from, lang), shown::date(to, lang)),
        None => format!(
            "{} {}",
            lang.pick("depuis le", "since"),
            shown::date(s.from, lang)
        ),
    };
    format!("{name} — {} · {span}", s.kind.label(lang))
}
