//! Why the review model refused a change, in French (Display) and English (`message`).

use crate::i18n::Lang;
use crate::review::{AppKey, Status};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReviewError {
    #[error("la candidature {0} n'existe pas dans cet appel")]
    UnknownApplication(AppKey),
    #[error("la candidature {key} est déjà «\u{a0}{status}\u{a0}»")]
    SameStatus { key: AppKey, status: Status },
    #[error(
        "la candidature {key} est «\u{a0}{from}\u{a0}»\u{a0}: une décision définitive ne peut être changée qu'en la remettant d'abord en instruction"
    )]
    FinalDecision {
        key: AppKey,
        from: Status,
        to: Status,
    },
    #[error(
        "une motivation écrite est obligatoire pour passer la candidature {key} à «\u{a0}{to}\u{a0}»"
    )]
    MotivationRequired { key: AppKey, to: Status },
    #[error("aucune candidature sélectionnée")]
    EmptySelection,
    #[error("les candidatures sélectionnées sont toutes déjà «\u{a0}{0}\u{a0}»")]
    NothingToChange(Status),
    #[error("critère inconnu «\u{a0}{0}\u{a0}» dans la grille du jury")]
    UnknownCriterion(String),
    #[error("note {0} hors échelle\u{a0}: attendu 0 à 4, ou «\u{a0}sans objet\u{a0}»")]
    GradeOutOfRange(u8),
    #[error(
        "étiquette invalide «\u{a0}{0}\u{a0}»\u{a0}: 1 à 32 caractères, sans virgule ni retour à la ligne"
    )]
    InvalidLabel(String),
    #[error("partenaire sans nom\u{a0}: précisez qui donne l'avis")]
    UnnamedPartner,
    #[error("grille du jury invalide\u{a0}: {0}")]
    InvalidGrid(GridProblem),
    #[error(
        "départage du site «\u{a0}{0}\u{a0}»\u{a0}: nommez au moins deux structures, dans l'ordre voulu, et dites pourquoi"
    )]
    IncompleteTieBreak(crate::domain::SiteId),
    #[error("rien à annuler")]
    NothingToUndo,
    #[error("rien à rétablir")]
    NothingToRedo,
}

/// What is wrong with a jury grid definition.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GridProblem {
    #[error("aucun critère")]
    NoCriteria,
    #[error("critère «\u{a0}{0}\u{a0}» en double")]
    DuplicateCode(String),
    #[error("code de critère vide")]
    EmptyCode,
    #[error("poids du critère «\u{a0}{0}\u{a0}» négatif ou non fini")]
    BadWeight(String),
    #[error("seuil {0} hors de 0 à 100")]
    BadThreshold(f64),
}

impl GridProblem {
    fn message_en(&self) -> String {
        match self {
            GridProblem::NoCriteria => "no criteria".into(),
            GridProblem::DuplicateCode(code) => format!("criterion `{code}` appears twice"),
            GridProblem::EmptyCode => "empty criterion code".into(),
            GridProblem::BadWeight(code) => {
                format!("weight of criterion `{code}` is negative or not finite")
            }
            GridProblem::BadThreshold(t) => format!("threshold {t} outside 0 to 100"),
        }
    }
}

impl ReviewError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.to_string(),
            Lang::En => self.message_en(),
        }
    }

    fn message_en(&self) -> String {
        let en = |s: Status| s.label(Lang::En);
        match self {
            ReviewError::UnknownApplication(key) => {
                format!("application {key} does not exist in this call")
            }
            ReviewError::SameStatus { key, status } => {
                format!("application {key} is already {}", en(*status))
            }
            ReviewError::FinalDecision { key, from, .. } => format!(
                "application {key} is {}: a final decision can only be changed by first putting it back under review",
                en(*from)
            ),
            ReviewError::MotivationRequired { key, to } => format!(
                "a written motivation is mandatory to set application {key} to {}",
                en(*to)
            ),
            ReviewError::EmptySelection => "no application selected".into(),
            ReviewError::NothingToChange(status) => {
                format!("the selected applications are all already {}", en(*status))
            }
            ReviewError::UnknownCriterion(code) => {
                format!("unknown criterion `{code}` in the jury grid")
            }
            ReviewError::GradeOutOfRange(g) => {
                format!("grade {g} out of scale: expected 0 to 4, or not applicable")
            }
            ReviewError::InvalidLabel(label) => {
                format!("invalid label `{label}`: 1 to 32 characters, no comma or line break")
            }
            ReviewError::UnnamedPartner => {
                "partner without a name: say who gives the opinion".into()
            }
            ReviewError::InvalidGrid(problem) => {
                format!("invalid jury grid: {}", problem.message_en())
            }
            ReviewError::IncompleteTieBreak(site) => format!(
                "tie-break on site `{site}`: name at least two structures, in the order wanted, and say why"
            ),
            ReviewError::NothingToUndo => "nothing to undo".into(),
            ReviewError::NothingToRedo => "nothing to redo".into(),
        }
    }
}
