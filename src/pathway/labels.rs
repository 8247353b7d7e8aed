//! French and English names of the pathway's own enumerations (the domain's are in
//! `crate::i18n::labels`).

use crate::i18n::{Label, Lang};
use crate::pathway::{AlertKind, Stage};

impl Label for Stage {
    fn label(&self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Stage::Incubation => ("pépinière", "incubator"),
            Stage::Temporary => ("occupation temporaire", "temporary occupation"),
            Stage::Permanent => ("local pérenne", "permanent premises"),
            Stage::Elsewhere => ("hors programmes", "outside the programmes"),
            Stage::None => ("sans local", "no premises"),
        };
        lang.pick(fr, en)
    }
}

impl Label for AlertKind {
    fn label(&self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            AlertKind::EndingWithoutNext => (
                "occupation qui se termine sans suite prévue",
                "occupation ending with nothing planned next",
            ),
            AlertKind::IncubationOverdue => (
                "sortie de pépinière dépassée",
                "incubation past its planned exit",
            ),
            AlertKind::NoPremises => ("sans local", "no premises"),
            AlertKind::EndedStillOngoing => (
                "convention échue encore «\u{a0}en cours\u{a0}»",
                "agreement past its end still “ongoing”",
            ),
            AlertKind::PlannedNotStarted => (
                "placement prévu dont la date est passée",
                "planned placement whose start has passed",
            ),
        };
        lang.pick(fr, en)
    }
}

/// A symbol per alert kind, so a list reads without colour: `◷` ending, `⧗` overdue, `∅` no
/// premises, `⚠` stale data — each one column wide (the hourglass emoji take two in a terminal
/// and shift what follows).
pub fn alert_symbol(kind: AlertKind) -> &'static str {
    match kind {
        AlertKind::EndingWithoutNext => "◷",
        AlertKind::IncubationOverdue => "⧗",
        AlertKind::NoPremises => "∅",
        AlertKind::EndedStillOngoing | AlertKind::PlannedNotStarted => "⚠",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_french_first_with_typography() {
        for kind in AlertKind::ALL {
            assert!(!kind.label(Lang::Fr).is_empty() && !kind.label(Lang::En).is_empty());
            assert!(!kind.label(Lang::Fr).contains("« "));
        }
        for stage in Stage::ALL {
            assert_ne!(stage.label(Lang::Fr), stage.label(Lang::En));
        }
    }
}
