//! The rules of status changes.
//!
//! | from \ to          | en construction | en instruction | présélectionné | accepté | refusé | classé sans suite |
//! |--------------------|-----------------|----------------|----------------|---------|--------|-------------------|
//! | en construction    | —               | set            | set            | set     | set*   | set*              |
//! | en instruction     | set             | —              | set            | set     | set*   | set*              |
//! | présélectionné     | set             | revert         | —              | set     | set*   | set*              |
//! | accepté            | ✗               | revert         | ✗              | —       | ✗      | ✗                 |
//! | refusé             | ✗               | revert         | ✗              | ✗       | —      | ✗                 |
//! | classé sans suite  | ✗               | revert         | ✗              | ✗       | ✗      | —                 |
//!
//! `*` a written motivation (non-blank once trimmed) is mandatory. `—` is refused: it would
//! record a decision that changes nothing. `✗`: a final decision (accepted, refused, closed) is
//! an administrative act; changing one's mind goes through a revert to en instruction first, so
//! that the history shows the decision was withdrawn before another was taken.
//!
//! Undo and redo restore the exact previous status, whatever this table says (they put back a
//! state that was valid), but still carry a motivation whenever they land on refusé or classé
//! sans suite (see `change`).

use crate::review::{AppKey, DecisionKind, ReviewError, Status};

/// Checks that an officer may move `key` from `from` to `to` with this motivation (already
/// cleaned: trimmed, blank = none) and says how the decision is recorded.
pub fn check(
    key: &AppKey,
    from: Status,
    to: Status,
    motivation: Option<&str>,
) -> Result<DecisionKind, ReviewError> {
    if from == to {
        return Err(ReviewError::SameStatus {
            key: key.clone(),
            status: to,
        });
    }
    if from.is_final() && to != Status::EnInstruction {
        return Err(ReviewError::FinalDecision {
            key: key.clone(),
            from,
            to,
        });
    }
    check_motivation(key, to, motivation)?;
    Ok(if to == Status::EnInstruction && from.is_decided() {
        DecisionKind::Revert
    } else {
        DecisionKind::Set
    })
}

/// Refusing or closing without follow-up needs a written motivation.
pub fn check_motivation(
    key: &AppKey,
    to: Status,
    motivation: Option<&str>,
) -> Result<(), ReviewError> {
    let written = motivation.is_some_and(|m| !m.trim().is_empty());
    if to.requires_motivation() && !written {
        return Err(ReviewError::MotivationRequired {
            key: key.clone(),
            to,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    fn key() -> AppKey {
        AppKey::new("s", "t")
    }

    /// The whole table above, cell by cell, with a motivation given.
    #[test]
    fn table() {
        use DecisionKind::{Revert as R, Set as S};
        let expected: [[Option<DecisionKind>; 6]; 6] = [
            [None, Some(S), Some(S), Some(S), Some(S), Some(S)],
            [Some(S), None, Some(S), Some(S), Some(S), Some(S)],
            [Some(S), Some(R), None, Some(S), Some(S), Some(S)],
            [None, Some(R), None, None, None, None],
            [None, Some(R), None, None, None, None],
            [None, Some(R), None, None, None, None],
        ];
        for (i, from) in Status::ALL.into_iter().enumerate() {
            for (j, to) in Status::ALL.into_iter().enumerate() {
                let got = check(&key(), from, to, Some("motif")).ok();
                assert_eq!(got, expected[i][j], "{from:?} -> {to:?}");
            }
        }
    }

    #[test]
    fn refused_errors_say_why() {
        assert!(matches!(
            check(&key(), Refuse, Refuse, Some("x")),
            Err(ReviewError::SameStatus { .. })
        ));
        assert!(matches!(
            check(&key(), Accepte, Refuse, Some("x")),
            Err(ReviewError::FinalDecision { .. })
        ));
    }

    #[test]
    fn motivation_rule() {
        for to in [Refuse, ClasseSansSuite] {
            for motivation in [None, Some(""), Some("   \n\t")] {
                assert_eq!(
                    check(&key(), EnInstruction, to, motivation),
                    Err(ReviewError::MotivationRequired { key: key(), to })
                );
            }
            assert!(check(&key(), EnInstruction, to, Some(" dossier incomplet ")).is_ok());
        }
        for to in [EnConstruction, Preselectionne, Accepte] {
            assert_eq!(
                check(&key(), EnInstruction, to, None),
                Ok(DecisionKind::Set)
            );
        }
        // A revert needs no motivation.
        assert_eq!(
            check(&key(), Refuse, EnInstruction, None),
            Ok(DecisionKind::Revert)
        );
    }

    #[test]
    fn messages_in_both_languages() {
        let err = check(&key(), EnInstruction, Refuse, None).unwrap_err();
        assert!(
            err.message(crate::i18n::Lang::Fr)
                .contains("motivation écrite est obligatoire")
        );
        assert!(
            err.message(crate::i18n::Lang::En)
                .contains("motivation is mandatory")
        );
    }
}
