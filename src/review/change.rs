//! One value per user action, and the pure function that applies it to a review state.
//!
//! `apply` validates everything before touching the state (a refused change leaves it exactly
//! as it was), is deterministic (replaying the journal gives the same state), and returns the
//! change that cancels it, which is what undo applies.

use crate::domain::{Holding, SiteId};
use crate::i18n::Lang;
use crate::review::labels::clean_labels;
use crate::review::transition::{check, check_motivation};
use crate::review::{
    AppKey, ApplicationReview, Decision, DecisionKind, Grade, Grid, MAX_GRADE, Opinion, Partner,
    ReviewError, ReviewState, Status, TieBreak, Timestamp, clean_motivation,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Externally tagged (`{"set_status": {…}}`) on purpose: internally tagged enums buffer their
/// content, and with serde_json's `arbitrary_precision` a buffered `f64` (grid weights) no
/// longer reads back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// A decision on one application. Shortlisting or accepting keeps the lot the application
    /// held, if any; other statuses release it.
    SetStatus {
        key: AppKey,
        status: Status,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        motivation: Option<String>,
    },
    /// A decision that names the lot (or m² of a pooled lot) the application holds once
    /// shortlisted or accepted: the lot is part of the decision, undone with it.
    SetStatusWithLot {
        key: AppKey,
        status: Status,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        motivation: Option<String>,
        holding: Holding,
    },
    /// One decision with one shared motivation on several applications; those already in the
    /// target status are left alone. Undone as a whole.
    SetStatusMany {
        keys: Vec<AppKey>,
        status: Status,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        motivation: Option<String>,
    },
    /// Replaces the private notes of an application.
    Annotate {
        key: AppKey,
        text: String,
    },
    SetLabels {
        key: AppKey,
        labels: BTreeSet<String>,
    },
    /// Grades one criterion of the jury grid; `None` clears the grade.
    Grade {
        key: AppKey,
        criterion: String,
        grade: Option<Grade>,
    },
    AddOpinion {
        key: AppKey,
        partner: Partner,
        favourable: bool,
        #[serde(default)]
        text: String,
    },
    /// Replaces the opinions of an application (the inverse of `AddOpinion`).
    SetOpinions {
        key: AppKey,
        opinions: Vec<Opinion>,
    },
    SetGrid {
        grid: Grid,
    },
    /// Names (or, with none, forgets) the lot a shortlisted or accepted application holds.
    SetHolding {
        key: AppKey,
        holding: Option<Holding>,
    },
    /// Makes these applications, with their lots, the call's shortlist in one step (an
    /// allocation applied): each is shortlisted (accepted ones stay accepted and take the lot
    /// named), and every other shortlisted application goes back en instruction.
    SetShortlist {
        entries: Vec<ShortlistEntry>,
    },
    /// The officer's order for structures tied on a site (none: the tie stands again).
    SetTieBreak {
        site: SiteId,
        tie_break: Option<TieBreak>,
    },
    /// Statuses read from an application file for applications new to ancrage: each entry is
    /// created if missing, and given the file's status as a decision of kind `import`. An
    /// application that already has a decision in ancrage is left alone (an import never
    /// changes a decision made here). The motivation rule still holds.
    Import {
        statuses: Vec<Imported>,
    },
    /// Puts statuses back as they were, whatever the transition table says: produced by undo
    /// and redo only. The motivation rule still holds.
    Restore {
        kind: DecisionKind,
        statuses: Vec<Restored>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restored {
    pub key: AppKey,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motivation: Option<String>,
    /// What the application held (journals written before lots were recorded have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holding: Option<Holding>,
}

/// One application of a shortlist set in one step, with the lot it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortlistEntry {
    pub key: AppKey,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holding: Option<Holding>,
}

/// One application's status as an import found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Imported {
    pub key: AppKey,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motivation: Option<String>,
}

/// What a successful change did.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// Applied right after, restores the state as it was before (history aside).
    pub inverse: Change,
    /// Applications whose status changed (one decision recorded each).
    pub decided: Vec<AppKey>,
    /// Applications of a bulk decision left alone because they already had the status.
    pub skipped: Vec<AppKey>,
}

impl Applied {
    fn without_decision(inverse: Change) -> Self {
        Applied {
            inverse,
            decided: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

impl Change {
    /// The applications the change touches.
    pub fn keys(&self) -> Vec<&AppKey> {
        match self {
            Change::SetStatus { key, .. }
            | Change::SetStatusWithLot { key, .. }
            | Change::SetHolding { key, .. }
            | Change::Annotate { key, .. }
            | Change::SetLabels { key, .. }
            | Change::Grade { key, .. }
            | Change::AddOpinion { key, .. }
            | Change::SetOpinions { key, .. } => vec![key],
            Change::SetStatusMany { keys, .. } => keys.iter().collect(),
            Change::SetShortlist { entries } => entries.iter().map(|e| &e.key).collect(),
            Change::SetGrid { .. } | Change::SetTieBreak { .. } => Vec::new(),
            Change::Restore { statuses, .. } => statuses.iter().map(|r| &r.key).collect(),
            Change::Import { statuses } => statuses.iter().map(|i| &i.key).collect(),
        }
    }

    /// The same change, its decisions recorded as `kind` (undo and redo mark theirs).
    pub fn marked(self, kind: DecisionKind) -> Change {
        match self {
            Change::Restore { statuses, .. } => Change::Restore { kind, statuses },
            other => other,
        }
    }

    /// A short description for the status bar (« Refus de x × y »).
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Change::SetStatus { key, status, .. }
            | Change::SetStatusWithLot { key, status, .. } => {
                format!("{} → {}", key, status.label(lang))
            }
            Change::SetStatusMany { keys, status, .. } => match lang {
                Lang::Fr => format!("{} candidatures → {}", keys.len(), status.label(lang)),
                Lang::En => format!("{} applications → {}", keys.len(), status.label(lang)),
            },
            Change::Annotate { key, .. } => {
                format!("{}{} {key}", lang.pick("Annotation", "Note"), colon(lang))
            }
            Change::SetLabels { key, .. } => {
                format!("{}{} {key}", lang.pick("Étiquettes", "Labels"), colon(lang))
            }
            Change::Grade { key, criterion, .. } => {
                format!(
                    "{} {criterion}{} {key}",
                    lang.pick("Note", "Grade"),
                    colon(lang)
                )
            }
            Change::AddOpinion { key, partner, .. } => {
                format!(
                    "{} {}{} {key}",
                    lang.pick("Avis", "Opinion"),
                    partner.name(),
                    colon(lang)
                )
            }
            Change::SetOpinions { key, .. } => {
                format!("{}{} {key}", lang.pick("Avis", "Opinions"), colon(lang))
            }
            Change::SetGrid { .. } => lang.pick("Grille du jury", "Jury grid").to_owned(),
            Change::SetHolding { key, .. } => {
                format!("{}{} {key}", lang.pick("Lot", "Lot"), colon(lang))
            }
            Change::SetShortlist { entries } => match lang {
                Lang::Fr => format!("Présélection de {} candidature(s)", entries.len()),
                Lang::En => format!("Shortlist of {} application(s)", entries.len()),
            },
            Change::SetTieBreak { site, .. } => {
                format!(
                    "{}{} {site}",
                    lang.pick("Départage", "Tie-break"),
                    colon(lang)
                )
            }
            Change::Import { statuses } => match lang {
                Lang::Fr => format!("Import{} {} candidature(s)", colon(lang), statuses.len()),
                Lang::En => format!("Import: {} application(s)", statuses.len()),
            },
            Change::Restore { kind, statuses } => {
                format!("{} ({})", kind.label(lang), statuses.len())
            }
        }
    }
}

/// `\u{a0}:` in French (non-breaking space before the colon), `:` in English.
fn colon(lang: Lang) -> &'static str {
    lang.pick("\u{a0}:", ":")
}

fn application<'a>(
    state: &'a mut ReviewState,
    key: &AppKey,
) -> Result<&'a mut ApplicationReview, ReviewError> {
    state
        .applications
        .get_mut(key)
        .ok_or_else(|| ReviewError::UnknownApplication(key.clone()))
}

fn existing<'a>(
    state: &'a ReviewState,
    key: &AppKey,
) -> Result<&'a ApplicationReview, ReviewError> {
    state
        .get(key)
        .ok_or_else(|| ReviewError::UnknownApplication(key.clone()))
}

/// A status change already validated, ready to record.
struct Move {
    key: AppKey,
    to: Status,
    motivation: Option<String>,
    kind: DecisionKind,
    holding: HoldingMove,
}

/// What a move does to the lot an application holds.
#[derive(Debug, Clone, PartialEq)]
enum HoldingMove {
    Keep,
    Set(Option<Holding>),
}

impl HoldingMove {
    /// Entering a status that holds a place keeps the lot held unless one is named; any other
    /// status releases it.
    fn for_status(to: Status, named: Option<&Holding>) -> Self {
        match (to.holds_place(), named) {
            (true, Some(holding)) => HoldingMove::Set(Some(holding.clone())),
            (true, None) => HoldingMove::Keep,
            (false, _) => HoldingMove::Set(None),
        }
    }
}

/// Records every move (one decision each) and returns the restore that cancels them.
fn record_moves(state: &mut ReviewState, moves: Vec<Move>, who: &str, at: Timestamp) -> Applied {
    let mut undo = Vec::with_capacity(moves.len());
    let mut decided = Vec::with_capacity(moves.len());
    for m in moves {
        // Keys were checked before any move is recorded; a missing one cannot happen here, and
        // skipping it keeps `apply` total rather than panicking.
        let Some(app) = state.applications.get_mut(&m.key) else {
            continue;
        };
        undo.push(Restored {
            key: m.key.clone(),
            status: app.status,
            motivation: app.current_motivation().map(str::to_owned),
            holding: app.holding.clone(),
        });
        if let HoldingMove::Set(holding) = m.holding {
            app.holding = holding;
        }
        if app.status == m.to {
            // Only the lot changed (a shortlist re-applied, a restore): no decision to record.
            continue;
        }
        app.history.push(Decision {
            who: who.to_owned(),
            at,
            from: app.status,
            to: m.to,
            motivation: m.motivation,
            kind: m.kind,
        });
        app.status = m.to;
        decided.push(m.key);
    }
    Applied {
        inverse: Change::Restore {
            kind: DecisionKind::Undo,
            statuses: undo,
        },
        decided,
        skipped: Vec::new(),
    }
}

/// One decision on one application, naming its lot or not.
fn decide(
    state: &mut ReviewState,
    key: &AppKey,
    status: Status,
    motivation: Option<&str>,
    holding: Option<&Holding>,
    who: &str,
    at: Timestamp,
) -> Result<Applied, ReviewError> {
    let motivation = clean_motivation(motivation);
    let from = existing(state, key)?.status;
    let kind = check(key, from, status, motivation.as_deref())?;
    let mv = Move {
        key: key.clone(),
        to: status,
        motivation,
        kind,
        holding: HoldingMove::for_status(status, holding),
    };
    Ok(record_moves(state, vec![mv], who, at))
}

/// Applies `change`, made by `who` at `at`. On error the state is untouched.
pub fn apply(
    state: &mut ReviewState,
    change: &Change,
    who: &str,
    at: Timestamp,
) -> Result<Applied, ReviewError> {
    match change {
        Change::SetStatus {
            key,
            status,
            motivation,
        } => decide(state, key, *status, motivation.as_deref(), None, who, at),
        Change::SetStatusWithLot {
            key,
            status,
            motivation,
            holding,
        } => decide(
            state,
            key,
            *status,
            motivation.as_deref(),
            Some(holding),
            who,
            at,
        ),
        Change::SetStatusMany {
            keys,
            status,
            motivation,
        } => {
            if keys.is_empty() {
                return Err(ReviewError::EmptySelection);
            }
            let motivation = clean_motivation(motivation.as_deref());
            let unique: BTreeSet<&AppKey> = keys.iter().collect();
            let mut moves = Vec::new();
            let mut skipped = Vec::new();
            for key in unique {
                let from = existing(state, key)?.status;
                if from == *status {
                    skipped.push(key.clone());
                    continue;
                }
                let kind = check(key, from, *status, motivation.as_deref())?;
                moves.push(Move {
                    key: key.clone(),
                    to: *status,
                    motivation: motivation.clone(),
                    kind,
                    holding: HoldingMove::for_status(*status, None),
                });
            }
            if moves.is_empty() {
                return Err(ReviewError::NothingToChange(*status));
            }
            let mut applied = record_moves(state, moves, who, at);
            applied.skipped = skipped;
            Ok(applied)
        }
        Change::Import { statuses } => {
            let mut moves = Vec::new();
            for imported in statuses {
                let motivation = clean_motivation(imported.motivation.as_deref());
                check_motivation(&imported.key, imported.status, motivation.as_deref())?;
                let current = state.get(&imported.key);
                let decided_here = current.is_some_and(|a| !a.history.is_empty());
                let from = current.map_or(Status::INITIAL, |a| a.status);
                if !decided_here && from != imported.status {
                    moves.push(Move {
                        key: imported.key.clone(),
                        to: imported.status,
                        motivation,
                        kind: DecisionKind::Import,
                        holding: HoldingMove::for_status(imported.status, None),
                    });
                }
            }
            for imported in statuses {
                state.applications.entry(imported.key.clone()).or_default();
            }
            Ok(record_moves(state, moves, who, at))
        }
        Change::Restore { kind, statuses } => {
            let mut moves = Vec::new();
            for restored in statuses {
                let motivation = clean_motivation(restored.motivation.as_deref());
                check_motivation(&restored.key, restored.status, motivation.as_deref())?;
                let app = existing(state, &restored.key)?;
                if app.status != restored.status || app.holding != restored.holding {
                    moves.push(Move {
                        key: restored.key.clone(),
                        to: restored.status,
                        motivation,
                        kind: *kind,
                        holding: HoldingMove::Set(restored.holding.clone()),
                    });
                }
            }
            Ok(record_moves(state, moves, who, at))
        }
        Change::Annotate { key, text } => {
            let app = application(state, key)?;
            let old = std::mem::replace(&mut app.annotation, text.clone());
            Ok(Applied::without_decision(Change::Annotate {
                key: key.clone(),
                text: old,
            }))
        }
        Change::SetLabels { key, labels } => {
            let labels = clean_labels(labels)?;
            let app = application(state, key)?;
            let old = std::mem::replace(&mut app.labels, labels);
            Ok(Applied::without_decision(Change::SetLabels {
                key: key.clone(),
                labels: old,
            }))
        }
        Change::Grade {
            key,
            criterion,
            grade,
        } => {
            if state.grid.criterion(criterion).is_none() {
                return Err(ReviewError::UnknownCriterion(criterion.clone()));
            }
            if let Some(Grade::Points(points)) = grade
                && *points > MAX_GRADE
            {
                return Err(ReviewError::GradeOutOfRange(*points));
            }
            let app = application(state, key)?;
            let old = match grade {
                Some(g) => app.grades.insert(criterion.clone(), *g),
                None => app.grades.remove(criterion),
            };
            Ok(Applied::without_decision(Change::Grade {
                key: key.clone(),
                criterion: criterion.clone(),
                grade: old,
            }))
        }
        Change::AddOpinion {
            key,
            partner,
            favourable,
            text,
        } => {
            if let Partner::Other(name) = partner
                && name.trim().is_empty()
            {
                return Err(ReviewError::UnnamedPartner);
            }
            let app = application(state, key)?;
            let old = app.opinions.clone();
            app.opinions.push(Opinion {
                partner: partner.clone(),
                favourable: *favourable,
                text: text.trim().to_owned(),
                who: who.to_owned(),
                at,
            });
            Ok(Applied::without_decision(Change::SetOpinions {
                key: key.clone(),
                opinions: old,
            }))
        }
        Change::SetOpinions { key, opinions } => {
            let app = application(state, key)?;
            let old = std::mem::replace(&mut app.opinions, opinions.clone());
            Ok(Applied::without_decision(Change::SetOpinions {
                key: key.clone(),
                opinions: old,
            }))
        }
        Change::SetHolding { key, holding } => {
            let app = application(state, key)?;
            let old = std::mem::replace(&mut app.holding, holding.clone());
            Ok(Applied::without_decision(Change::SetHolding {
                key: key.clone(),
                holding: old,
            }))
        }
        Change::SetShortlist { entries } => {
            let moves = shortlist_moves(state, entries)?;
            if moves.is_empty() {
                return Err(ReviewError::NothingToChange(Status::Preselectionne));
            }
            Ok(record_moves(state, moves, who, at))
        }
        Change::SetTieBreak { site, tie_break } => {
            if let Some(tie) = tie_break {
                let named: BTreeSet<_> = tie.order.iter().collect();
                if named.len() < 2
                    || named.len() != tie.order.len()
                    || tie.motivation.trim().is_empty()
                {
                    return Err(ReviewError::IncompleteTieBreak(site.clone()));
                }
                for structure in &tie.order {
                    existing(state, &AppKey::new(structure.clone(), site.clone()))?;
                }
            }
            let old = match tie_break {
                Some(tie) => state.tie_breaks.insert(site.clone(), tie.clone()),
                None => state.tie_breaks.remove(site),
            };
            Ok(Applied::without_decision(Change::SetTieBreak {
                site: site.clone(),
                tie_break: old,
            }))
        }
        Change::SetGrid { grid } => {
            grid.validate().map_err(ReviewError::InvalidGrid)?;
            // Grades of criteria that leave the grid are kept (ignored by the total): putting
            // the criterion back brings them back.
            let old = std::mem::replace(&mut state.grid, grid.clone());
            Ok(Applied::without_decision(Change::SetGrid { grid: old }))
        }
    }
}

/// The moves that make `entries` the shortlist: each entry shortlisted (or, accepted, kept so)
/// with its lot; every other shortlisted application back en instruction. Checked whole first.
fn shortlist_moves(
    state: &ReviewState,
    entries: &[ShortlistEntry],
) -> Result<Vec<Move>, ReviewError> {
    let mut moves = Vec::new();
    let mut listed = BTreeSet::new();
    for entry in entries {
        let app = existing(state, &entry.key)?;
        if !listed.insert(&entry.key) {
            continue;
        }
        let to = match app.status {
            Status::Accepte => Status::Accepte,
            from => {
                if from != Status::Preselectionne {
                    check(&entry.key, from, Status::Preselectionne, None)?;
                }
                Status::Preselectionne
            }
        };
        if app.status == to && app.holding == entry.holding {
            continue;
        }
        moves.push(Move {
            key: entry.key.clone(),
            to,
            motivation: None,
            kind: DecisionKind::Set,
            holding: HoldingMove::Set(entry.holding.clone()),
        });
    }
    for (key, app) in &state.applications {
        if app.status == Status::Preselectionne && !listed.contains(key) {
            moves.push(Move {
                key: key.clone(),
                to: Status::EnInstruction,
                motivation: None,
                kind: DecisionKind::Revert,
                holding: HoldingMove::Set(None),
            });
        }
    }
    Ok(moves)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::{Application, Call, Programme, Weights};
    use crate::review::UndoStack;
    use chrono::{DateTime, NaiveDate};

    pub(crate) fn call() -> Call {
        let app = |s: &str, sites: &[&str]| Application {
            structure: s.into(),
            sites: sites.iter().map(|&x| x.into()).collect(),
            submitted_on: None,
            dossier: None,
        };
        Call {
            id: "tempo-2026".into(),
            title: "AMI Temp'O 2026".into(),
            programme: Programme::Tempo,
            sites: vec!["friche".into(), "local".into()],
            deadline: NaiveDate::from_ymd_opt(2026, 4, 3).unwrap_or_default(),
            weights: Weights::default(),
            tolerances: Default::default(),
            applications: vec![app("a", &["friche", "local"]), app("b", &["friche"])],
        }
    }

    pub(crate) fn at() -> Timestamp {
        DateTime::parse_from_rfc3339("2026-11-26T09:30:00+01:00").unwrap()
    }

    fn set(key: &AppKey, status: Status, motivation: Option<&str>) -> Change {
        Change::SetStatus {
            key: key.clone(),
            status,
            motivation: motivation.map(str::to_owned),
        }
    }

    #[test]
    fn fresh_state_has_every_pair_en_instruction() {
        let state = ReviewState::fresh(&call());
        assert_eq!(state.applications.len(), 3);
        assert!(
            state
                .applications
                .values()
                .all(|a| a.status == Status::EnInstruction)
        );
    }

    #[test]
    fn decision_is_recorded_with_who_when_why() {
        let mut state = ReviewState::fresh(&call());
        let key = AppKey::new("a", "friche");
        apply(
            &mut state,
            &set(&key, Status::Refuse, Some("  hors périmètre ")),
            "léa",
            at(),
        )
        .unwrap();
        let app = state.get(&key).unwrap();
        assert_eq!(app.status, Status::Refuse);
        assert_eq!(
            app.history,
            [Decision {
                who: "léa".into(),
                at: at(),
                from: Status::EnInstruction,
                to: Status::Refuse,
                motivation: Some("hors périmètre".into()),
                kind: DecisionKind::Set,
            }]
        );
        // Revert, recorded as such.
        apply(
            &mut state,
            &set(&key, Status::EnInstruction, None),
            "léa",
            at(),
        )
        .unwrap();
        let app = state.get(&key).unwrap();
        assert_eq!(app.history.len(), 2);
        assert_eq!(app.history[1].kind, DecisionKind::Revert);
    }

    #[test]
    fn refused_change_leaves_state_untouched() {
        let mut state = ReviewState::fresh(&call());
        let before = state.clone();
        let key = AppKey::new("a", "friche");
        assert!(matches!(
            apply(
                &mut state,
                &set(&key, Status::Refuse, Some("  ")),
                "x",
                at()
            ),
            Err(ReviewError::MotivationRequired { .. })
        ));
        assert!(matches!(
            apply(
                &mut state,
                &set(&AppKey::new("zz", "friche"), Status::Accepte, None),
                "x",
                at()
            ),
            Err(ReviewError::UnknownApplication(_))
        ));
        // A bulk change with one invalid member changes none.
        let bulk = Change::SetStatusMany {
            keys: vec![key.clone(), AppKey::new("nope", "local")],
            status: Status::Preselectionne,
            motivation: None,
        };
        assert!(apply(&mut state, &bulk, "x", at()).is_err());
        assert_eq!(state, before);
    }

    #[test]
    fn bulk_decision_shares_motivation_and_undoes_as_one() {
        let mut state = ReviewState::fresh(&call());
        let mut stack = UndoStack::new();
        let keys: Vec<AppKey> = state.applications.keys().cloned().collect();
        stack
            .apply(
                &mut state,
                &set(&keys[0], Status::Preselectionne, None),
                "x",
                at(),
            )
            .unwrap();
        let before = state.clone();
        let bulk = Change::SetStatusMany {
            keys: keys.clone(),
            status: Status::Refuse,
            motivation: Some("enveloppe épuisée".into()),
        };
        let applied = stack.apply(&mut state, &bulk, "x", at()).unwrap();
        assert_eq!(applied.decided.len(), 3);
        for app in state.applications.values() {
            assert_eq!(app.status, Status::Refuse);
            assert_eq!(app.current_motivation(), Some("enveloppe épuisée"));
        }
        stack.undo(&mut state, "x", at()).unwrap();
        for (key, app) in &state.applications {
            assert_eq!(app.status, before.get(key).unwrap().status);
            assert_eq!(app.history.last().map(|d| d.kind), Some(DecisionKind::Undo));
        }
        stack.redo(&mut state, "x", at()).unwrap();
        for app in state.applications.values() {
            assert_eq!(app.status, Status::Refuse);
            let last = app.history.last().unwrap();
            assert_eq!(last.kind, DecisionKind::Redo);
            assert_eq!(last.motivation.as_deref(), Some("enveloppe épuisée"));
        }
    }

    #[test]
    fn bulk_skips_those_already_there() {
        let mut state = ReviewState::fresh(&call());
        let keys: Vec<AppKey> = state.applications.keys().cloned().collect();
        apply(
            &mut state,
            &set(&keys[1], Status::Preselectionne, None),
            "x",
            at(),
        )
        .unwrap();
        let bulk = Change::SetStatusMany {
            keys: keys.clone(),
            status: Status::Preselectionne,
            motivation: None,
        };
        let applied = apply(&mut state, &bulk, "x", at()).unwrap();
        assert_eq!(applied.skipped, [keys[1].clone()]);
        assert_eq!(
            apply(&mut state, &bulk, "x", at()),
            Err(ReviewError::NothingToChange(Status::Preselectionne))
        );
        let empty = Change::SetStatusMany {
            keys: vec![],
            status: Status::Accepte,
            motivation: None,
        };
        assert_eq!(
            apply(&mut state, &empty, "x", at()),
            Err(ReviewError::EmptySelection)
        );
    }

    #[test]
    fn undo_restores_refusal_with_its_motivation() {
        let mut state = ReviewState::fresh(&call());
        let mut stack = UndoStack::new();
        let key = AppKey::new("b", "friche");
        stack
            .apply(
                &mut state,
                &set(&key, Status::Refuse, Some("trop petit")),
                "x",
                at(),
            )
            .unwrap();
        stack
            .apply(
                &mut state,
                &set(&key, Status::EnInstruction, None),
                "x",
                at(),
            )
            .unwrap();
        stack.undo(&mut state, "y", at()).unwrap();
        let app = state.get(&key).unwrap();
        assert_eq!(app.status, Status::Refuse);
        assert_eq!(app.current_motivation(), Some("trop petit"));
        assert_eq!(app.history.len(), 3);
        stack.undo(&mut state, "y", at()).unwrap();
        assert_eq!(state.get(&key).unwrap().status, Status::EnInstruction);
        assert_eq!(
            stack.undo(&mut state, "y", at()),
            Err(ReviewError::NothingToUndo)
        );
        // A new change clears the redo branch.
        stack
            .apply(&mut state, &set(&key, Status::Accepte, None), "x", at())
            .unwrap();
        assert_eq!(
            stack.redo(&mut state, "y", at()),
            Err(ReviewError::NothingToRedo)
        );
    }

    #[test]
    fn notes_labels_grades_opinions_and_their_undo() {
        let mut state = ReviewState::fresh(&call());
        let mut stack = UndoStack::new();
        let key = AppKey::new("a", "local");
        let original = state.clone();
        let changes = [
            Change::Annotate {
                key: key.clone(),
                text: "Visite le 3/12.\nBon contact.".into(),
            },
            Change::SetLabels {
                key: key.clone(),
                labels: ["à revoir".to_owned()].into(),
            },
            Change::Grade {
                key: key.clone(),
                criterion: "fit".into(),
                grade: Some(Grade::Points(3)),
            },
            Change::Grade {
                key: key.clone(),
                criterion: "jobs".into(),
                grade: Some(Grade::NotApplicable),
            },
            Change::AddOpinion {
                key: key.clone(),
                partner: Partner::Fam93,
                favourable: true,
                text: "Projet solide".into(),
            },
        ];
        for change in &changes {
            stack.apply(&mut state, change, "léa", at()).unwrap();
        }
        let app = state.get(&key).unwrap();
        assert_eq!(app.annotation, "Visite le 3/12.\nBon contact.");
        assert!(app.labels.contains("à revoir"));
        assert_eq!(app.grades.get("fit"), Some(&Grade::Points(3)));
        assert_eq!(app.opinions.len(), 1);
        assert_eq!(app.opinions[0].who, "léa");
        assert_eq!(state.grid_result(&key).unwrap().total, Some(75.0));
        for _ in &changes {
            stack.undo(&mut state, "léa", at()).unwrap();
        }
        assert_eq!(state, original);
    }

    #[test]
    fn grade_validation() {
        let mut state = ReviewState::fresh(&call());
        let key = AppKey::new("a", "local");
        let grade = |criterion: &str, g| Change::Grade {
            key: key.clone(),
            criterion: criterion.into(),
            grade: Some(g),
        };
        assert_eq!(
            apply(&mut state, &grade("fit", Grade::Points(5)), "x", at()),
            Err(ReviewError::GradeOutOfRange(5))
        );
        assert_eq!(
            apply(&mut state, &grade("charm", Grade::Points(1)), "x", at()),
            Err(ReviewError::UnknownCriterion("charm".into()))
        );
    }

    #[test]
    fn imported_statuses_create_entries_and_never_overturn_a_decision() {
        let mut state = ReviewState::fresh(&call());
        let decided = AppKey::new("a", "friche");
        apply(
            &mut state,
            &set(&decided, Status::Accepte, None),
            "léa",
            at(),
        )
        .unwrap();
        let new = AppKey::new("c", "local");
        let import = Change::Import {
            statuses: vec![
                Imported {
                    key: decided.clone(),
                    status: Status::Refuse,
                    motivation: Some("dans le fichier".into()),
                },
                Imported {
                    key: new.clone(),
                    status: Status::Refuse,
                    motivation: Some("hors périmètre".into()),
                },
            ],
        };
        let before = state.clone();
        let applied = apply(&mut state, &import, "léa", at()).unwrap();
        assert_eq!(state.get(&decided).unwrap().status, Status::Accepte, "kept");
        let imported = state.get(&new).unwrap();
        assert_eq!(imported.status, Status::Refuse);
        assert_eq!(imported.history[0].kind, DecisionKind::Import);
        assert_eq!(imported.current_motivation(), Some("hors périmètre"));
        // Undone: back under review, the history keeps both.
        apply(&mut state, &applied.inverse, "léa", at()).unwrap();
        assert_eq!(state.get(&new).unwrap().status, Status::INITIAL);
        assert_eq!(state.get(&decided), before.get(&decided));
        // Refusing still needs a motivation.
        let unmotivated = Change::Import {
            statuses: vec![Imported {
                key: AppKey::new("d", "local"),
                status: Status::ClasseSansSuite,
                motivation: None,
            }],
        };
        assert!(matches!(
            apply(&mut state, &unmotivated, "léa", at()),
            Err(ReviewError::MotivationRequired { .. })
        ));
        let json = serde_json::to_string(&import).unwrap();
        assert!(json.starts_with("{\"import\":{"), "{json}");
        assert_eq!(serde_json::from_str::<Change>(&json).unwrap(), import);
    }

    #[test]
    fn changes_round_trip_through_json() {
        let key = AppKey::new("a", "local");
        let change = Change::SetStatusMany {
            keys: vec![key.clone()],
            status: Status::ClasseSansSuite,
            motivation: Some("désistement".into()),
        };
        let json = serde_json::to_string(&change).unwrap();
        assert!(json.starts_with("{\"set_status_many\":{"), "{json}");
        assert_eq!(serde_json::from_str::<Change>(&json).unwrap(), change);
        let state = ReviewState::fresh(&call());
        let json = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<ReviewState>(&json).unwrap(), state);
    }

    fn lot(id: &str) -> crate::domain::Holding {
        crate::domain::Holding::whole(id.into())
    }

    #[test]
    fn a_decision_names_its_lot_and_undo_gives_it_back() {
        let mut state = ReviewState::fresh(&call());
        let mut stack = UndoStack::new();
        let key = AppKey::new("a", "friche");
        let decide = |status, holding| Change::SetStatusWithLot {
            key: key.clone(),
            status,
            motivation: None,
            holding,
        };
        stack
            .apply(
                &mut state,
                &decide(Status::Preselectionne, lot("l1")),
                "x",
                at(),
            )
            .unwrap();
        assert_eq!(state.get(&key).unwrap().holding, Some(lot("l1")));
        // Accepting without naming a lot keeps the one held.
        stack
            .apply(&mut state, &set(&key, Status::Accepte, None), "x", at())
            .unwrap();
        assert_eq!(state.get(&key).unwrap().holding, Some(lot("l1")));
        stack
            .apply(
                &mut state,
                &set(&key, Status::EnInstruction, None),
                "x",
                at(),
            )
            .unwrap();
        assert_eq!(state.get(&key).unwrap().holding, None, "released");
        stack.undo(&mut state, "x", at()).unwrap();
        assert_eq!(state.get(&key).unwrap().status, Status::Accepte);
        assert_eq!(state.get(&key).unwrap().holding, Some(lot("l1")));
        stack.undo(&mut state, "x", at()).unwrap();
        stack.undo(&mut state, "x", at()).unwrap();
        assert_eq!(state.get(&key).unwrap().holding, None);
        assert_eq!(state.get(&key).unwrap().status, Status::EnInstruction);
    }

    #[test]
    fn a_shortlist_is_set_in_one_undoable_step() {
        let mut state = ReviewState::fresh(&call());
        let mut stack = UndoStack::new();
        let (a_friche, a_local, b_friche) = (
            AppKey::new("a", "friche"),
            AppKey::new("a", "local"),
            AppKey::new("b", "friche"),
        );
        stack
            .apply(
                &mut state,
                &set(&a_friche, Status::Preselectionne, None),
                "x",
                at(),
            )
            .unwrap();
        let before = state.clone();
        let shortlist = Change::SetShortlist {
            entries: vec![
                ShortlistEntry {
                    key: a_local.clone(),
                    holding: Some(lot("l1")),
                },
                ShortlistEntry {
                    key: b_friche.clone(),
                    holding: Some(crate::domain::Holding::share(
                        "f".into(),
                        crate::domain::Surface::m2(120.0),
                    )),
                },
            ],
        };
        let applied = stack.apply(&mut state, &shortlist, "x", at()).unwrap();
        assert_eq!(applied.decided.len(), 3);
        assert_eq!(state.get(&a_friche).unwrap().status, Status::EnInstruction);
        assert_eq!(state.get(&a_local).unwrap().status, Status::Preselectionne);
        assert_eq!(state.get(&a_local).unwrap().holding, Some(lot("l1")));
        assert_eq!(state.get(&b_friche).unwrap().status, Status::Preselectionne);
        // The same shortlist again changes nothing.
        assert_eq!(
            apply(&mut state.clone(), &shortlist, "x", at()),
            Err(ReviewError::NothingToChange(Status::Preselectionne))
        );
        stack.undo(&mut state, "x", at()).unwrap();
        for (key, app) in &state.applications {
            let was = before.get(key).unwrap();
            assert_eq!((app.status, &app.holding), (was.status, &was.holding));
        }
    }

    #[test]
    fn a_tie_break_names_two_structures_and_why() {
        let mut state = ReviewState::fresh(&call());
        let bad = Change::SetTieBreak {
            site: "friche".into(),
            tie_break: Some(TieBreak {
                order: vec!["a".into()],
                motivation: "visite".into(),
            }),
        };
        assert_eq!(
            apply(&mut state, &bad, "x", at()),
            Err(ReviewError::IncompleteTieBreak("friche".into()))
        );
        let tie = TieBreak {
            order: vec!["b".into(), "a".into()],
            motivation: "projet plus avancé".into(),
        };
        let good = Change::SetTieBreak {
            site: "friche".into(),
            tie_break: Some(tie.clone()),
        };
        let applied = apply(&mut state, &good, "x", at()).unwrap();
        assert_eq!(state.tie_breaks.get(&SiteId::from("friche")), Some(&tie));
        let json = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<ReviewState>(&json).unwrap(), state);
        apply(&mut state, &applied.inverse, "x", at()).unwrap();
        assert!(state.tie_breaks.is_empty());
    }

    /// Files and journal lines written before lots were recorded still read.
    #[test]
    fn old_review_files_and_journal_lines_read_unchanged() {
        let old = r#"{"restore":{"kind":"undo","statuses":[{"key":{"structure":"a","site":"friche"},"status":"en_instruction"}]}}"#;
        let change: Change = serde_json::from_str(old).unwrap();
        let mut state = ReviewState::fresh(&call());
        apply(&mut state, &change, "x", at()).unwrap();
        let file = r#"{"call":"tempo-2026","grid":{"criteria":[{"code":"fit","label_fr":"Adéquation","label_en":"Fit","weight":1.0}],"threshold":50.0},"last_seq":3,"applications":[{"structure":"a","site":"friche","status":"accepte"}]}"#;
        let state: ReviewState = serde_json::from_str(file).unwrap();
        assert_eq!(state.applications.values().next().unwrap().holding, None);
        assert!(state.tie_breaks.is_empty());
    }
}
