//! Changes of the workspace's records through the `Session`: journaled, written to their files,
//! undone and redone in one history with review decisions, written again after a crash, and
//! seen by a read-only instance.

mod review_fixture;

use ancrage::domain::{Application, CallId, Structure, StructureId, Workspace};
use ancrage::edit::{self, Edit, EditKind, Record, RecordKey, Step};
use ancrage::review::{AppKey, Change, Status};
use ancrage::session::applied::{APPLIED_FILE, load_applied};
use ancrage::session::{Access, JournalEntry, Operation, Session, SessionError};
use ancrage::store::journal::{JOURNAL_FILE, JournalWriter, read_all};
use review_fixture::{CALL, workspace};
use std::path::Path;

fn open(dir: &Path, ws: &Workspace) -> Session {
    Session::open(
        dir,
        ws,
        Some(&CallId::new(CALL)),
        "léa",
        Access::WriteIfFree,
    )
    .expect("session opens")
}

fn new_structure(ws: &Workspace, id: &str, name: &str) -> Structure {
    let mut s = ws.structures[0].clone();
    s.id = StructureId::new(id);
    s.name = name.to_owned();
    s
}

fn create(structure: &Structure) -> Edit {
    Edit::put(
        EditKind::Input,
        Record::Structure(Box::new(structure.clone())),
    )
}

fn file(dir: &Path, id: &str) -> std::path::PathBuf {
    dir.join("structures").join(format!("{id}.json"))
}

/// Applies what the session did to the caller's copy, as the cockpit does.
fn apply_done(ws: &mut Workspace, done: &ancrage::session::Done) {
    if let Some(e) = &done.edit {
        edit::apply_unchecked(ws, e);
    }
}

#[test]
fn a_created_structure_is_journaled_written_undone_and_redone() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace();
    let mut session = open(dir.path(), &ws);
    let atelier = new_structure(&ws, "atelier-neuf", "Atelier neuf");

    let done = session
        .apply(&ws, Operation::edit(create(&atelier)))
        .unwrap();
    apply_done(&mut ws, &done);
    assert!(file(dir.path(), "atelier-neuf").exists());
    assert_eq!(load_applied(dir.path()).unwrap(), 1);
    let journal = read_all::<JournalEntry>(&dir.path().join(JOURNAL_FILE)).unwrap();
    assert_eq!(journal.entries.len(), 1);
    assert!(journal.entries[0].edit.is_some() && journal.entries[0].change.is_none());

    let done = session.undo(&ws).unwrap();
    apply_done(&mut ws, &done);
    assert!(
        !file(dir.path(), "atelier-neuf").exists(),
        "undo removes the file"
    );
    assert!(ws.structure(&atelier.id).is_none());

    let done = session.redo(&ws).unwrap();
    apply_done(&mut ws, &done);
    assert!(file(dir.path(), "atelier-neuf").exists());
    assert_eq!(ws.structure(&atelier.id), Some(&atelier));
    assert_eq!(load_applied(dir.path()).unwrap(), 3);
}

#[test]
fn a_decision_and_a_record_change_go_and_come_back_together() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace();
    let mut session = open(dir.path(), &ws);
    let key = AppKey::new("cantine", "local-19");
    let mut cantine = ws.structure(&StructureId::new("cantine")).unwrap().clone();
    cantine.description = "Placée au Local 19".to_owned();
    let done = session
        .apply(
            &ws,
            Operation {
                change: Some(Change::SetStatus {
                    key: key.clone(),
                    status: Status::Accepte,
                    motivation: None,
                }),
                edit: Some(Edit::put(
                    EditKind::Placement,
                    Record::Structure(Box::new(cantine.clone())),
                )),
            },
        )
        .unwrap();
    apply_done(&mut ws, &done);
    let journal = read_all::<JournalEntry>(&dir.path().join(JOURNAL_FILE)).unwrap();
    assert_eq!(journal.entries.len(), 1, "one line for both");
    assert_eq!(
        session.review().unwrap().get(&key).unwrap().status,
        Status::Accepte
    );

    let done = session.undo(&ws).unwrap();
    apply_done(&mut ws, &done);
    assert_eq!(
        session.review().unwrap().get(&key).unwrap().status,
        Status::EnInstruction
    );
    assert_eq!(
        ws.structure(&cantine.id).unwrap().description,
        workspace().structure(&cantine.id).unwrap().description
    );
    let on_disk: serde_json::Value =
        serde_json::from_slice(&std::fs::read(file(dir.path(), "cantine")).unwrap()).unwrap();
    assert!(on_disk["structure"].get("description").is_none());
}

#[test]
fn a_refused_removal_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace();
    let mut session = open(dir.path(), &ws);
    let err = session
        .apply(
            &ws,
            Operation::edit(Edit::remove(
                EditKind::Input,
                RecordKey::Structure(StructureId::new("cantine")),
            )),
        )
        .unwrap_err();
    assert!(matches!(err, SessionError::Edit(_)));
    assert!(err.to_string().contains("AMI Temp'O 2026"), "{err}");
    let journal = read_all::<JournalEntry>(&dir.path().join(JOURNAL_FILE)).unwrap();
    assert!(journal.entries.is_empty());
    assert!(!session.can_undo());
}

/// A crash after the journal line and before the files: the next writer writes them, and the
/// caller gets the edit to apply in memory.
#[test]
fn edits_the_files_missed_are_written_on_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace();
    // Files as `ancrage init` would leave them.
    ancrage::store::save::save_territory(dir.path(), &ws.territory).unwrap();
    for s in &ws.sites {
        ancrage::store::save::save_site(dir.path(), s).unwrap();
    }
    for s in &ws.structures {
        ancrage::store::save::save_structure(dir.path(), s).unwrap();
    }
    for c in &ws.calls {
        ancrage::store::save::save_call(dir.path(), c).unwrap();
    }
    let mut renamed = ws.structures[1].clone();
    renamed.name = "Atelier Bois (renommé)".to_owned();
    let mut journal = JournalWriter::open(&dir.path().join(JOURNAL_FILE), 0).unwrap();
    journal
        .append(&JournalEntry {
            seq: 1,
            call: None,
            who: "léa".to_owned(),
            at: chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+01:00").unwrap(),
            change: None,
            edit: Some(Edit::put(
                EditKind::Input,
                Record::Structure(Box::new(renamed.clone())),
            )),
        })
        .unwrap();
    drop(journal);

    // A read-only instance sees it in memory and writes nothing.
    let _holder = ancrage::store::lock::Lock::acquire(dir.path()).unwrap();
    let mut reader = Session::open(dir.path(), &ws, None, "paul", Access::WriteIfFree).unwrap();
    assert!(reader.is_read_only());
    assert_eq!(
        reader.take_pending(),
        vec![Edit::put(
            EditKind::Input,
            Record::Structure(Box::new(renamed.clone()))
        )]
    );
    assert!(!dir.path().join(APPLIED_FILE).exists());
    drop(_holder);

    let mut session = Session::open(dir.path(), &ws, None, "léa", Access::WriteIfFree).unwrap();
    assert_eq!(session.take_pending().len(), 1);
    assert!(session.take_pending().is_empty(), "taken once");
    assert_eq!(load_applied(dir.path()).unwrap(), 1);
    let path = file(dir.path(), renamed.id.as_str());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("(renommé)")
    );
    drop(session);

    // Applied once: a later hand edit of the file is not overwritten by the old entry.
    let by_hand = std::fs::read_to_string(&path)
        .unwrap()
        .replace("(renommé)", "(à la main)");
    std::fs::write(&path, &by_hand).unwrap();
    let mut session = Session::open(dir.path(), &ws, None, "léa", Access::WriteIfFree).unwrap();
    assert!(session.take_pending().is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), by_hand);
}

/// An import that adds applications to the call: the review of the call counts them at once.
#[test]
fn new_applications_from_an_edit_join_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace();
    let mut session = open(dir.path(), &ws);
    let newcomer = new_structure(&ws, "nouvelle", "La Nouvelle");
    let mut call = ws.calls[0].clone();
    call.applications.push(Application {
        structure: newcomer.id.clone(),
        sites: vec![ancrage::domain::SiteId::new("local-19")],
        submitted_on: None,
        dossier: None,
    });
    let done = session
        .apply(
            &ws,
            Operation::edit(Edit::new(
                EditKind::Import,
                "Import de candidatures.csv",
                vec![
                    Step::Put(Record::Structure(Box::new(newcomer))),
                    Step::Put(Record::Call(Box::new(call))),
                ],
            )),
        )
        .unwrap();
    apply_done(&mut ws, &done);
    session.switch_call(&ws, &CallId::new(CALL)).unwrap();
    assert!(
        session
            .review()
            .unwrap()
            .get(&AppKey::new("nouvelle", "local-19"))
            .is_some()
    );
}
