//! Review sessions on disk: journal, replay, torn lines, lock, undo — through `ReviewSession`.

mod review_fixture;

use ancrage::domain::CallId;
use ancrage::i18n::Lang;
use ancrage::review::{AppKey, Change, DecisionKind, ReviewError, Status};
use ancrage::session::{Access, JournalEntry, ReviewSession, SessionError};
use ancrage::store::journal::{JOURNAL_FILE, read_all};
use review_fixture::{CALL, workspace};
use std::path::Path;

fn call() -> CallId {
    CallId::new(CALL)
}

fn open(dir: &Path) -> ReviewSession {
    ReviewSession::open(dir, &workspace(), &call(), "léa").expect("session opens")
}

fn set(structure: &str, site: &str, status: Status, motivation: Option<&str>) -> Change {
    Change::SetStatus {
        key: AppKey::new(structure, site),
        status,
        motivation: motivation.map(str::to_owned),
    }
}

fn status_of(session: &ReviewSession, structure: &str, site: &str) -> Status {
    session
        .state()
        .get(&AppKey::new(structure, site))
        .expect("known application")
        .status
}

#[test]
fn fresh_session_then_decisions_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = open(dir.path());
    assert!(!session.is_read_only());
    assert_eq!(session.state().applications.len(), 5);
    session
        .apply(set("recyclerie", "local-19", Status::Preselectionne, None))
        .unwrap();
    session
        .apply(set("cantine", "local-19", Status::Preselectionne, None))
        .unwrap();
    session
        .apply(set(
            "jardin",
            "friche-gallieni",
            Status::Refuse,
            Some("Activité hors champ du lieu"),
        ))
        .unwrap();
    drop(session);

    let session = open(dir.path());
    assert_eq!(
        session.replayed(),
        0,
        "the state was saved after each change"
    );
    assert_eq!(
        status_of(&session, "recyclerie", "local-19"),
        Status::Preselectionne
    );
    assert_eq!(
        status_of(&session, "cantine", "local-19"),
        Status::Preselectionne
    );
    let jardin = session
        .state()
        .get(&AppKey::new("jardin", "friche-gallieni"))
        .unwrap();
    assert_eq!(jardin.status, Status::Refuse);
    assert_eq!(
        jardin.current_motivation(),
        Some("Activité hors champ du lieu")
    );
    assert_eq!(jardin.history.len(), 1);
    assert_eq!(jardin.history[0].who, "léa");
    assert_eq!(session.state().last_seq, 3);
    let read = read_all::<JournalEntry>(&dir.path().join(JOURNAL_FILE)).unwrap();
    assert_eq!(
        read.entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 2, 3]
    );
}

#[test]
fn journal_is_replayed_when_the_state_save_was_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = open(dir.path());
    session
        .apply(set("recyclerie", "local-19", Status::Preselectionne, None))
        .unwrap();
    let state_path = session.state_path();
    let saved_after_first = std::fs::read(&state_path).unwrap();
    session
        .apply(set(
            "atelier-bois",
            "friche-gallieni",
            Status::ClasseSansSuite,
            Some("Désistement"),
        ))
        .unwrap();
    session
        .apply(set("recyclerie", "local-19", Status::Accepte, None))
        .unwrap();
    drop(session);
    // As if the process died after each journal append but before the state saves.
    std::fs::write(&state_path, saved_after_first).unwrap();

    let session = open(dir.path());
    assert_eq!(session.replayed(), 2);
    assert_eq!(
        status_of(&session, "recyclerie", "local-19"),
        Status::Accepte
    );
    let atelier = session
        .state()
        .get(&AppKey::new("atelier-bois", "friche-gallieni"))
        .unwrap();
    assert_eq!(atelier.status, Status::ClasseSansSuite);
    assert_eq!(atelier.current_motivation(), Some("Désistement"));
    assert_eq!(session.state().last_seq, 3);
    drop(session);
    // The replayed state was saved back: nothing left to replay.
    assert_eq!(open(dir.path()).replayed(), 0);
}

#[test]
fn missing_state_file_is_rebuilt_from_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = open(dir.path());
    session
        .apply(set("cantine", "local-19", Status::EnConstruction, None))
        .unwrap();
    let state_path = session.state_path();
    drop(session);
    std::fs::remove_file(&state_path).unwrap();
    let session = open(dir.path());
    assert_eq!(session.replayed(), 1);
    assert_eq!(
        status_of(&session, "cantine", "local-19"),
        Status::EnConstruction
    );
}

#[test]
fn torn_last_line_is_dropped_with_a_warning_and_work_continues() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = open(dir.path());
    session
        .apply(set("cantine", "local-19", Status::Preselectionne, None))
        .unwrap();
    drop(session);
    let journal = dir.path().join(JOURNAL_FILE);
    let mut text = std::fs::read(&journal).unwrap();
    text.extend_from_slice(b"{\"seq\":2,\"call\":\"tempo-2026\",\"who\":\"l");
    std::fs::write(&journal, text).unwrap();

    let mut session = open(dir.path());
    let torn = session.torn_line().expect("torn line reported");
    assert_eq!(torn.line, 2);
    assert_eq!(
        status_of(&session, "cantine", "local-19"),
        Status::Preselectionne
    );
    session
        .apply(set("cantine", "local-19", Status::Accepte, None))
        .unwrap();
    drop(session);

    let session = open(dir.path());
    assert!(
        session.torn_line().is_none(),
        "the torn tail was cut before appending"
    );
    assert_eq!(status_of(&session, "cantine", "local-19"), Status::Accepte);
    let read = read_all::<JournalEntry>(&journal).unwrap();
    assert_eq!(read.entries.len(), 2);
}

#[test]
fn bad_middle_line_refuses_to_open_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = open(dir.path());
    session
        .apply(set("cantine", "local-19", Status::Preselectionne, None))
        .unwrap();
    session
        .apply(set(
            "jardin",
            "friche-gallieni",
            Status::Preselectionne,
            None,
        ))
        .unwrap();
    drop(session);
    let journal = dir.path().join(JOURNAL_FILE);
    let text = std::fs::read_to_string(&journal).unwrap();
    let corrupted = text.replacen("\"preselectionne\"", "\"peut-etre\"", 1);
    std::fs::write(&journal, corrupted).unwrap();
    let err = ReviewSession::open(dir.path(), &workspace(), &call(), "léa").unwrap_err();
    let message = err.to_string();
    assert!(message.contains("journal.jsonl:1:"), "{message}");
    assert!(message.contains("champ change"), "{message}");
    assert!(message.contains("peut-etre"), "{message}");
}

#[test]
fn second_instance_is_read_only_and_cannot_change_anything() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = open(dir.path());
    first
        .apply(set(
            "recyclerie",
            "friche-gallieni",
            Status::Preselectionne,
            None,
        ))
        .unwrap();

    let mut second = open(dir.path());
    assert!(second.is_read_only());
    let holder = second.read_only_reason().unwrap().describe(Lang::Fr);
    assert!(
        holder.contains(&format!("pid {}", std::process::id())),
        "{holder}"
    );
    assert_eq!(
        status_of(&second, "recyclerie", "friche-gallieni"),
        Status::Preselectionne
    );
    let err = second
        .apply(set("cantine", "local-19", Status::Accepte, None))
        .unwrap_err();
    assert!(matches!(err, SessionError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().starts_with("lecture seule"));
    assert!(matches!(
        second.undo(),
        Err(SessionError::ReadOnly { .. }) | Err(SessionError::Rule(_))
    ));

    // A script waiting for the lock gives up with a clear error while the first one works.
    let waiting = ReviewSession::open_with(
        dir.path(),
        &workspace(),
        &call(),
        "script",
        Access::WriteWaiting(std::time::Duration::from_millis(50)),
    );
    assert!(matches!(waiting, Err(SessionError::Lock(_))));

    drop(first);
    let mut third = open(dir.path());
    assert!(!third.is_read_only());
    third
        .apply(set("cantine", "local-19", Status::Accepte, None))
        .unwrap();
}

#[test]
fn refusal_without_motivation_is_refused_and_journals_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = open(dir.path());
    let err = session
        .apply(set("cantine", "local-19", Status::Refuse, Some("   ")))
        .unwrap_err();
    assert!(err.is_rule());
    assert!(matches!(
        err,
        SessionError::Rule(ReviewError::MotivationRequired { .. })
    ));
    assert!(
        err.to_string()
            .contains("motivation écrite est obligatoire")
    );
    let read = read_all::<JournalEntry>(&dir.path().join(JOURNAL_FILE)).unwrap();
    assert!(read.entries.is_empty());
    assert_eq!(
        status_of(&session, "cantine", "local-19"),
        Status::EnInstruction
    );
}

#[test]
fn undo_and_redo_are_journaled_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = open(dir.path());
    let keys = vec![
        AppKey::new("recyclerie", "friche-gallieni"),
        AppKey::new("atelier-bois", "friche-gallieni"),
        AppKey::new("jardin", "friche-gallieni"),
    ];
    session
        .apply(Change::SetStatusMany {
            keys: keys.clone(),
            status: Status::Refuse,
            motivation: Some("Site attribué à un autre projet".into()),
        })
        .unwrap();
    assert!(session.can_undo());
    session.undo().unwrap();
    assert!(session.can_redo());
    drop(session);

    let mut session = open(dir.path());
    for key in &keys {
        let app = session.state().get(key).unwrap();
        assert_eq!(app.status, Status::EnInstruction);
        assert_eq!(
            app.history.iter().map(|d| d.kind).collect::<Vec<_>>(),
            [DecisionKind::Set, DecisionKind::Undo]
        );
    }
    // The undo stack belongs to the session that made the changes.
    assert!(!session.can_undo() && !session.can_redo());
    assert!(matches!(
        session.undo(),
        Err(SessionError::Rule(ReviewError::NothingToUndo))
    ));
    session
        .apply(set("cantine", "local-19", Status::Preselectionne, None))
        .unwrap();
    session.undo().unwrap();
    session.redo().unwrap();
    assert_eq!(
        status_of(&session, "cantine", "local-19"),
        Status::Preselectionne
    );
    drop(session);
    let session = open(dir.path());
    let cantine = session
        .state()
        .get(&AppKey::new("cantine", "local-19"))
        .unwrap();
    assert_eq!(
        cantine.history.iter().map(|d| d.kind).collect::<Vec<_>>(),
        [DecisionKind::Set, DecisionKind::Undo, DecisionKind::Redo]
    );
}

#[test]
fn unknown_call_is_a_rule_error() {
    let dir = tempfile::tempdir().unwrap();
    let err =
        ReviewSession::open(dir.path(), &workspace(), &CallId::new("tempo-2025"), "x").unwrap_err();
    assert!(err.is_rule());
    assert_eq!(err.to_string(), "appel inconnu «\u{a0}tempo-2025\u{a0}»");
    // Nothing was created in a workspace for a call that does not exist.
    assert!(!dir.path().join("journal.jsonl").exists());
}

#[test]
fn newer_state_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let session = open(dir.path());
    let path = session.state_path();
    drop(session);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            &format!("\"schema_version\": {}", ancrage::store::SCHEMA_VERSION),
            "\"schema_version\": 99",
        ),
    )
    .unwrap();
    let err = ReviewSession::open(dir.path(), &workspace(), &call(), "x").unwrap_err();
    assert!(
        matches!(err, SessionError::NewerSchema { found: 99, .. }),
        "{err}"
    );
}

/// The acceptance scenario on the shipped demo: shortlist two applications, refuse one
/// with a motivation, close, reopen: all three are there with motivation and history.
#[test]
fn demo_call_shortlist_two_refuse_one_reopen() {
    let demo = review_fixture::demo_workspace();
    let call = demo.calls.first().expect("a demo call").clone();
    let pairs: Vec<AppKey> = call
        .application_pairs()
        .map(|(s, t)| AppKey::new(s.clone(), t.clone()))
        .take(3)
        .collect();
    assert_eq!(pairs.len(), 3);
    let dir = tempfile::tempdir().unwrap();
    let mut session = ReviewSession::open(dir.path(), &demo, &call.id, "léa").unwrap();
    assert!(
        session
            .state()
            .applications
            .values()
            .all(|a| a.status == Status::EnInstruction)
    );
    for key in &pairs[..2] {
        session
            .apply(Change::SetStatus {
                key: key.clone(),
                status: Status::Preselectionne,
                motivation: None,
            })
            .unwrap();
    }
    session
        .apply(Change::SetStatus {
            key: pairs[2].clone(),
            status: Status::Refuse,
            motivation: Some("Besoin de surface hors d'échelle pour le site".into()),
        })
        .unwrap();
    // The live checks run on real data without complaint about the code (warnings are data).
    let _ = session.checks(&demo);
    drop(session);

    let session = ReviewSession::open(dir.path(), &demo, &call.id, "léa").unwrap();
    for key in &pairs[..2] {
        let app = session.state().get(key).unwrap();
        assert_eq!(app.status, Status::Preselectionne);
        assert_eq!(app.history.len(), 1);
    }
    let refused = session.state().get(&pairs[2]).unwrap();
    assert_eq!(refused.status, Status::Refuse);
    assert_eq!(
        refused.current_motivation(),
        Some("Besoin de surface hors d'échelle pour le site")
    );
    assert_eq!(refused.history[0].who, "léa");
}

#[test]
fn switching_call_keeps_the_lock_and_each_call_its_decisions() {
    let mut ws = workspace();
    let mut other = ws.calls[0].clone();
    other.id = CallId::new("usine-2027");
    ws.calls.push(other);
    let dir = tempfile::tempdir().unwrap();
    let mut session = ReviewSession::open(dir.path(), &ws, &call(), "léa").unwrap();
    session
        .apply(set("cantine", "local-19", Status::Accepte, None))
        .unwrap();
    session
        .switch_call(&ws, &CallId::new("usine-2027"))
        .unwrap();
    assert!(
        !session.can_undo(),
        "undo belongs to the call it was made on"
    );
    assert_eq!(
        status_of(&session, "cantine", "local-19"),
        Status::EnInstruction
    );
    session
        .apply(set("cantine", "local-19", Status::EnConstruction, None))
        .unwrap();
    // Still the writer: another instance is read-only.
    let second = ReviewSession::open(dir.path(), &ws, &call(), "x").unwrap();
    assert!(second.is_read_only());
    drop(second);
    session.switch_call(&ws, &call()).unwrap();
    assert_eq!(status_of(&session, "cantine", "local-19"), Status::Accepte);
    assert!(session.switch_call(&ws, &CallId::new("nope")).is_err());
    drop(session);
    let reopened = ReviewSession::open(dir.path(), &ws, &CallId::new("usine-2027"), "x").unwrap();
    assert_eq!(
        status_of(&reopened, "cantine", "local-19"),
        Status::EnConstruction
    );
    assert_eq!(
        reopened.state().last_seq,
        2,
        "sequence numbers are workspace-wide"
    );
}

#[test]
fn read_only_session_refreshes_and_takes_over_once_the_writer_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = open(dir.path());
    let mut second = open(dir.path());
    assert!(second.is_read_only());
    first
        .apply(set("cantine", "local-19", Status::Preselectionne, None))
        .unwrap();
    assert_eq!(
        status_of(&second, "cantine", "local-19"),
        Status::EnInstruction
    );
    assert!(
        !second.refresh(&workspace()).unwrap(),
        "still held by the first"
    );
    assert_eq!(
        status_of(&second, "cantine", "local-19"),
        Status::Preselectionne
    );
    drop(first);
    assert!(second.refresh(&workspace()).unwrap(), "the lock was free");
    assert!(!second.is_read_only());
    second
        .apply(set("cantine", "local-19", Status::Accepte, None))
        .unwrap();
    drop(second);
    assert_eq!(
        status_of(&open(dir.path()), "cantine", "local-19"),
        Status::Accepte
    );
}
