//! Invariants of the review model under random sequences of changes, undos and redos.

mod review_fixture;

use ancrage::review::{
    AppKey, Change, Grade, Grid, Partner, ReviewState, Status, Timestamp, UndoStack, apply,
};
use chrono::DateTime;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    Do(Change),
    Undo,
    Redo,
}

fn keys() -> Vec<AppKey> {
    let ws = review_fixture::workspace();
    ws.calls[0]
        .application_pairs()
        .map(|(s, t)| AppKey::new(s.clone(), t.clone()))
        .collect()
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn motivation() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop::sample::select(vec![
        "",
        "  ",
        "hors périmètre",
        "désistement",
    ]))
    .prop_map(|m| m.map(str::to_owned))
}

fn change() -> impl Strategy<Value = Change> {
    let key = prop::sample::select(keys());
    prop_oneof![
        4 => (key.clone(), status(), motivation())
            .prop_map(|(key, status, motivation)| Change::SetStatus { key, status, motivation }),
        2 => (prop::sample::subsequence(keys(), 0..=5), status(), motivation())
            .prop_map(|(keys, status, motivation)| Change::SetStatusMany { keys, status, motivation }),
        1 => (key.clone(), "[a-z \n]{0,12}").prop_map(|(key, text)| Change::Annotate { key, text }),
        1 => (key.clone(), prop::collection::btree_set("[a-z]{1,6}", 0..3))
            .prop_map(|(key, labels)| Change::SetLabels { key, labels }),
        1 => (key.clone(), prop::sample::select(vec!["fit", "jobs", "nope"]), prop::option::of(0u8..6))
            .prop_map(|(key, criterion, points)| Change::Grade {
                key,
                criterion: criterion.to_owned(),
                grade: points.map(|p| if p == 5 { Grade::NotApplicable } else { Grade::Points(p) }),
            }),
        1 => (-10.0f64..110.0, 0.0f64..50.0, any::<bool>()).prop_map(|(threshold, weight, drop_fit)| {
            let mut grid = Grid {
                threshold,
                ..Grid::default()
            };
            grid.criteria[1].weight = weight;
            if drop_fit {
                grid.criteria.remove(0);
            }
            Change::SetGrid { grid }
        }),
        1 => (key, any::<bool>()).prop_map(|(key, favourable)| Change::AddOpinion {
            key,
            partner: Partner::Lab3s,
            favourable,
            text: "avis".into(),
        }),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => change().prop_map(Step::Do),
        2 => Just(Step::Undo),
        2 => Just(Step::Redo),
    ]
}

fn at() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap()
}

/// The state without its histories: what undo must restore exactly.
fn visible(state: &ReviewState) -> ReviewState {
    let mut copy = state.clone();
    for app in copy.applications.values_mut() {
        app.history.clear();
    }
    copy
}

fn history_lengths(state: &ReviewState) -> Vec<usize> {
    state
        .applications
        .values()
        .map(|a| a.history.len())
        .collect()
}

fn check_invariants(state: &ReviewState) {
    for (key, app) in &state.applications {
        // The status is where the last decision led.
        if let Some(last) = app.history.last() {
            assert_eq!(last.to, app.status, "{key}");
        }
        for pair in app.history.windows(2) {
            assert_eq!(pair[0].to, pair[1].from, "{key}: history is a chain");
        }
        // Every landing on refusé / classé sans suite carries a motivation.
        for d in &app.history {
            assert_ne!(d.from, d.to);
            if d.to.requires_motivation() {
                assert!(
                    d.motivation
                        .as_deref()
                        .is_some_and(|m| !m.trim().is_empty()),
                    "{key}: {d:?}"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_sessions_keep_invariants(steps in prop::collection::vec(step(), 0..40)) {
        let ws = review_fixture::workspace();
        let mut state = ReviewState::fresh(&ws.calls[0]);
        let mut stack = UndoStack::new();
        for step in steps {
            let before = state.clone();
            let lengths = history_lengths(&before);
            let result = match &step {
                Step::Do(change) => stack.apply(&mut state, change, "p", at()),
                Step::Undo => stack.undo(&mut state, "p", at()),
                Step::Redo => stack.redo(&mut state, "p", at()),
            };
            match result {
                // A refused step changes nothing at all.
                Err(_) => prop_assert_eq!(&state, &before),
                Ok(_) => {
                    // History only grows.
                    for (old, new) in lengths.iter().zip(history_lengths(&state)) {
                        prop_assert!(new >= *old);
                    }
                    // Undo then redo comes back to the same visible state.
                    if matches!(step, Step::Do(_)) {
                        let after = visible(&state);
                        let mut probe = state.clone();
                        let mut probe_stack = stack.clone();
                        probe_stack.undo(&mut probe, "p", at()).unwrap();
                        prop_assert_eq!(visible(&probe), visible(&before));
                        probe_stack.redo(&mut probe, "p", at()).unwrap();
                        prop_assert_eq!(visible(&probe), after);
                    }
                }
            }
            check_invariants(&state);
        }
    }

    /// What the journal does: every change actually applied (undo and redo included), written
    /// as JSON, read back and replayed on a fresh state, gives the very same state.
    #[test]
    fn journal_replay_through_json_gives_the_same_state(steps in prop::collection::vec(step(), 0..40)) {
        let ws = review_fixture::workspace();
        let mut live = ReviewState::fresh(&ws.calls[0]);
        let mut stack = UndoStack::new();
        let mut journal: Vec<String> = Vec::new();
        for step in steps {
            let change = match &step {
                Step::Do(change) => Ok(change.clone()),
                Step::Undo => stack.peek_undo(),
                Step::Redo => stack.peek_redo(),
            };
            let Ok(change) = change else { continue };
            let result = match &step {
                Step::Do(change) => stack.apply(&mut live, change, "p", at()),
                Step::Undo => stack.undo(&mut live, "p", at()),
                Step::Redo => stack.redo(&mut live, "p", at()),
            };
            if result.is_ok() {
                journal.push(serde_json::to_string(&change).unwrap());
            }
        }
        let mut replayed = ReviewState::fresh(&ws.calls[0]);
        for line in &journal {
            let change: Change = serde_json::from_str(line).unwrap();
            apply(&mut replayed, &change, "p", at()).unwrap();
        }
        prop_assert_eq!(&replayed, &live);
        // And the saved state itself round-trips.
        let text = serde_json::to_string(&live).unwrap();
        prop_assert_eq!(serde_json::from_str::<ReviewState>(&text).unwrap(), live);
    }

    #[test]
    fn replaying_the_same_changes_gives_the_same_state(changes in prop::collection::vec(change(), 0..30)) {
        let ws = review_fixture::workspace();
        let mut first = ReviewState::fresh(&ws.calls[0]);
        let applied: Vec<Change> = changes
            .into_iter()
            .filter(|c| apply(&mut first, c, "p", at()).is_ok())
            .collect();
        let mut second = ReviewState::fresh(&ws.calls[0]);
        for c in &applied {
            apply(&mut second, c, "p", at()).unwrap();
        }
        prop_assert_eq!(first, second);
    }
}
