//! Placements through the workspace session, as the cockpit will record them: accepting an
//! application and recording its placement is one journal line and one undo.

use ancrage::domain::{CallId, EpisodeOutcome, Holding, StructureId};
use ancrage::edit;
use ancrage::pathway::{AlertKind, Within, acceptance_edit, alerts_for};
use ancrage::review::{AppKey, Change, Status};
use ancrage::session::{Access, JournalEntry, Operation, Session};
use ancrage::store::journal::{JOURNAL_FILE, read_all};
use ancrage::store::load::load_workspace;

fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ancrage::store::init::init_workspace(dir.path()).expect("init");
    dir
}

#[test]
fn accepting_with_its_placement_is_one_step_and_one_undo() {
    let dir = demo();
    let mut ws = load_workspace(dir.path()).unwrap();
    let original = ws.clone();
    let call = CallId::new("tempo-2026");
    // Atelier Fil Retrouvé leaves its workshop on 28 February 2027 and applied to the
    // Quatre-Chemins ground floor.
    let key = AppKey::new("atelier-fil-retrouve", "tempo-pantin-quatre-chemins-rdc");
    let structure = StructureId::new("atelier-fil-retrouve");
    let today = "2026-11-26".parse().unwrap();
    let settings = ws.territory.pathway;
    let alert = |ws: &ancrage::domain::Workspace| {
        alerts_for(
            ws.structure(&structure).unwrap(),
            today,
            Within::Months6,
            &settings,
        )
        .iter()
        .any(|a| a.kind == AlertKind::EndingWithoutNext)
    };
    assert!(alert(&ws));

    let mut session =
        Session::open(dir.path(), &ws, Some(&call), "léa", Access::WriteIfFree).unwrap();
    let site = ws.site(&key.site).unwrap();
    let lot = site.lots.first().map(|l| l.id.clone());
    let holding = lot.clone().map(Holding::whole);
    let placed = acceptance_edit(&ws, &call, &key, holding.as_ref()).unwrap();
    assert_eq!(placed.episode.outcome, EpisodeOutcome::Planned);
    assert_eq!(
        placed.episode.from,
        "2027-03-01".parse().unwrap(),
        "the need's start"
    );
    assert_eq!(placed.episode.lot, lot);
    let done = session
        .apply(
            &ws,
            Operation {
                change: Some(Change::SetStatus {
                    key: key.clone(),
                    status: Status::Accepte,
                    motivation: None,
                }),
                edit: Some(placed.edit.clone()),
            },
        )
        .unwrap();
    edit::apply_unchecked(&mut ws, done.edit.as_ref().unwrap());
    assert!(!alert(&ws), "the placement answers the alert");
    assert_eq!(
        session.review().unwrap().get(&key).unwrap().status,
        Status::Accepte
    );
    let on_disk = load_workspace(dir.path()).unwrap();
    assert_eq!(on_disk, ws, "the structure file holds the planned stay");
    let journal = read_all::<JournalEntry>(&dir.path().join(JOURNAL_FILE)).unwrap();
    assert_eq!(
        journal.entries.len(),
        1,
        "one line for the decision and the placement"
    );

    let done = session.undo(&ws).unwrap();
    edit::apply_unchecked(&mut ws, done.edit.as_ref().unwrap());
    assert_eq!(ws, original);
    assert_eq!(
        load_workspace(dir.path()).unwrap(),
        original,
        "the file is back"
    );
    assert_ne!(
        session.review().unwrap().get(&key).unwrap().status,
        Status::Accepte
    );
    assert!(alert(&ws), "the alert is back with the undo");

    let done = session.redo(&ws).unwrap();
    edit::apply_unchecked(&mut ws, done.edit.as_ref().unwrap());
    assert!(!alert(&ws));
}
