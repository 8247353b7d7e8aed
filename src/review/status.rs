//! The status of an application, with the names officers know from the state's application
//! platform (Démarches Simplifiées).

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Incomplete: a correction was requested from the applicant.
    EnConstruction,
    /// Being reviewed; every application starts here.
    EnInstruction,
    /// On the shortlist handed to the jury.
    Preselectionne,
    Accepte,
    Refuse,
    /// Closed without follow-up (withdrawn, out of scope, never completed).
    ClasseSansSuite,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::EnConstruction,
        Status::EnInstruction,
        Status::Preselectionne,
        Status::Accepte,
        Status::Refuse,
        Status::ClasseSansSuite,
    ];

    /// The status of an application nobody has decided on yet.
    pub const INITIAL: Status = Status::EnInstruction;

    /// The machine name, as written in JSON and accepted on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Status::EnConstruction => "en_construction",
            Status::EnInstruction => "en_instruction",
            Status::Preselectionne => "preselectionne",
            Status::Accepte => "accepte",
            Status::Refuse => "refuse",
            Status::ClasseSansSuite => "classe_sans_suite",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::EnConstruction, Lang::Fr) => "en construction",
            (Status::EnConstruction, Lang::En) => "incomplete",
            (Status::EnInstruction, Lang::Fr) => "en instruction",
            (Status::EnInstruction, Lang::En) => "under review",
            (Status::Preselectionne, Lang::Fr) => "présélectionné",
            (Status::Preselectionne, Lang::En) => "shortlisted",
            (Status::Accepte, Lang::Fr) => "accepté",
            (Status::Accepte, Lang::En) => "accepted",
            (Status::Refuse, Lang::Fr) => "refusé",
            (Status::Refuse, Lang::En) => "refused",
            (Status::ClasseSansSuite, Lang::Fr) => "classé sans suite",
            (Status::ClasseSansSuite, Lang::En) => "closed without follow-up",
        }
    }

    /// A written motivation is mandatory to enter these statuses (administrative acts that the
    /// applicant may contest).
    pub fn requires_motivation(self) -> bool {
        matches!(self, Status::Refuse | Status::ClasseSansSuite)
    }

    /// Final decisions: left only by a revert to en instruction (see `transition`).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Accepte | Status::Refuse | Status::ClasseSansSuite
        )
    }

    /// Shortlisted or accepted: the application holds a lot (or m² of a pooled lot) on its site.
    pub fn holds_place(self) -> bool {
        matches!(self, Status::Preselectionne | Status::Accepte)
    }

    /// A decision was taken on the application (shortlisted or final): going back to en
    /// instruction from here is a revert.
    pub fn is_decided(self) -> bool {
        self == Status::Preselectionne || self.is_final()
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Lang::Fr))
    }
}

/// A status name that matches nothing; lists what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "statut inconnu «\u{a0}{0}\u{a0}»\u{a0}: attendu en_construction, en_instruction, preselectionne, accepte, refuse ou classe_sans_suite"
)]
pub struct UnknownStatus(pub String);

impl UnknownStatus {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.to_string(),
            Lang::En => format!(
                "unknown status `{}`: expected incomplete, under-review, shortlisted, accepted, refused or closed (or the French names)",
                self.0
            ),
        }
    }
}

/// Lowercase, accents folded, spaces, dashes, underscores and apostrophes removed:
/// « Classé sans suite », `classe-sans-suite` and `CLASSE_SANS_SUITE` all become `classesanssuite`.
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '\'' | '’' | '\u{a0}'))
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' | 'ä' => 'a',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

impl FromStr for Status {
    type Err = UnknownStatus;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match fold(text).as_str() {
            "enconstruction" | "incomplete" => Ok(Status::EnConstruction),
            "eninstruction" | "underreview" | "review" => Ok(Status::EnInstruction),
            "preselectionne" | "preselectionnee" | "shortlisted" | "shortlist" => {
                Ok(Status::Preselectionne)
            }
            "accepte" | "acceptee" | "accepted" => Ok(Status::Accepte),
            "refuse" | "refusee" | "refused" => Ok(Status::Refuse),
            "classesanssuite" | "closed" | "closedwithoutfollowup" => Ok(Status::ClasseSansSuite),
            _ => Err(UnknownStatus(text.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names_are_snake_case_and_round_trip() {
        for status in Status::ALL {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.code()));
            assert_eq!(serde_json::from_str::<Status>(&json).unwrap(), status);
            assert_eq!(status.code().parse::<Status>(), Ok(status));
            assert_eq!(status.label(Lang::Fr).parse::<Status>(), Ok(status));
        }
    }

    #[test]
    fn french_labels_exact() {
        let labels: Vec<_> = Status::ALL.iter().map(|s| s.label(Lang::Fr)).collect();
        assert_eq!(
            labels,
            [
                "en construction",
                "en instruction",
                "présélectionné",
                "accepté",
                "refusé",
                "classé sans suite"
            ]
        );
    }

    #[test]
    fn parses_loose_forms() {
        assert_eq!("Classé-sans-suite".parse(), Ok(Status::ClasseSansSuite));
        assert_eq!("REFUSE".parse(), Ok(Status::Refuse));
        assert_eq!("refusé".parse(), Ok(Status::Refuse));
        assert_eq!("présélectionné".parse(), Ok(Status::Preselectionne));
        assert_eq!("en-instruction".parse(), Ok(Status::EnInstruction));
        assert_eq!("under-review".parse(), Ok(Status::EnInstruction));
        assert_eq!("incomplete".parse(), Ok(Status::EnConstruction));
        assert_eq!("shortlisted".parse(), Ok(Status::Preselectionne));
        assert_eq!("accepted".parse(), Ok(Status::Accepte));
        assert_eq!("refused".parse(), Ok(Status::Refuse));
        assert_eq!("closed".parse(), Ok(Status::ClasseSansSuite));
        assert_eq!(
            "maybe".parse::<Status>(),
            Err(UnknownStatus("maybe".into()))
        );
    }

    #[test]
    fn motivation_needed_only_to_refuse_or_close() {
        let needing: Vec<_> = Status::ALL
            .into_iter()
            .filter(|s| s.requires_motivation())
            .collect();
        assert_eq!(needing, [Status::Refuse, Status::ClasseSansSuite]);
    }
}
