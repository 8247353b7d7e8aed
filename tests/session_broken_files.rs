//! Issue 9, « one bad file never locks the officer out »: a session opened on the usable
//! workspace (the records of broken files left out) refuses, before journaling, any change
//! that would write or delete a broken file — the file named after the record, or the file
//! that holds it under another name — and a journal replay leaves such a file to the journal.

mod common;

use ancrage::domain::{CallId, StructureId};
use ancrage::edit::{Edit, EditKind, Record, RecordKey};
use ancrage::session::{Access, BrokenFiles, JournalEntry, Operation, Session, SessionError};
use ancrage::store::journal::{JOURNAL_FILE, read_all};
use ancrage::store::load::{load_workspace_lenient, load_workspace_usable};
use common::{edit, fixture_copy, snapshot};
use std::path::Path;

const BROKEN: &str = "structures/velo-solidaire.json";

fn break_structure(dir: &Path) {
    edit(dir, BROKEN, |t| {
        t.replacen("\"surface_min\": ", "\"surface_min\": -", 1)
    });
}

fn journal_len(dir: &Path) -> usize {
    read_all::<JournalEntry>(&dir.join(JOURNAL_FILE))
        .map(|j| j.entries.len())
        .unwrap_or(0)
}

#[test]
fn a_change_that_would_rewrite_a_broken_file_is_refused_before_the_journal() {
    let dir = fixture_copy();
    break_structure(dir.path());
    // The record as the broken file holds it (it decodes; its surface is refused).
    let lenient = load_workspace_lenient(dir.path()).unwrap();
    let velo = lenient
        .workspace
        .structure(&StructureId::new("velo-solidaire"))
        .expect("decoded")
        .clone();
    let loaded = load_workspace_usable(dir.path()).unwrap();
    assert!(loaded.workspace.structure(&velo.id).is_none(), "left out");
    assert_eq!(loaded.left_out.structures.len(), 1);
    let broken = BrokenFiles::of(&loaded);
    assert_eq!(
        broken.file_of(&RecordKey::Structure(velo.id.clone())),
        Some(Path::new(BROKEN))
    );
    let ws = loaded.workspace;
    let mut session = Session::open_protecting(
        dir.path(),
        &ws,
        Some(&CallId::new("tempo-2026")),
        "léa",
        Access::WriteIfFree,
        broken,
    )
    .expect("the session opens");
    let before = snapshot(dir.path());

    // Put back (say, from an import that matched nothing else): refused, nothing written.
    let mut fixed = velo.clone();
    fixed.needs.surface_min = ancrage::domain::Surface(10.0);
    let put = Edit::put(EditKind::Import, Record::Structure(Box::new(fixed)));
    let refused = session.apply(&ws, Operation::edit(put)).unwrap_err();
    assert!(
        matches!(&refused, SessionError::BrokenFile { path } if path == Path::new(BROKEN)),
        "{refused:?}"
    );
    assert!(refused.is_rule());
    let message = refused.message(ancrage::i18n::Lang::Fr);
    assert!(
        message.starts_with(BROKEN) && message.contains("ne le réécrit pas"),
        "{message}"
    );
    assert_eq!(journal_len(dir.path()), 0, "nothing journaled");
    assert_eq!(snapshot(dir.path()), before, "nothing written");
    assert!(!session.can_undo());

    // A clean record still saves.
    let mut other = ws.structures[0].clone();
    other.name.push_str(" (modifiée)");
    session
        .apply(
            &ws,
            Operation::edit(Edit::put(
                EditKind::Input,
                Record::Structure(Box::new(other)),
            )),
        )
        .expect("a clean file is written");
    assert_eq!(
        std::fs::read(dir.path().join(BROKEN)).unwrap(),
        before[Path::new(BROKEN)],
        "the broken file still holds what the officer wrote"
    );
}

#[test]
fn a_broken_file_holding_a_record_under_another_name_is_protected_too() {
    let dir = fixture_copy();
    // `structures/velo.json` holds `velo-solidaire`: a problem (name and id differ) that
    // leaves it out; saving `velo-solidaire` would write a second file beside it.
    std::fs::rename(
        dir.path().join(BROKEN),
        dir.path().join("structures/velo.json"),
    )
    .unwrap();
    let loaded = load_workspace_usable(dir.path()).unwrap();
    let broken = BrokenFiles::of(&loaded);
    assert!(loaded.broken.contains(Path::new("structures/velo.json")));
    assert_eq!(
        broken.file_of(&RecordKey::Structure(StructureId::new("velo-solidaire"))),
        Some(Path::new("structures/velo.json"))
    );
    assert_eq!(
        broken.file_of(&RecordKey::Structure(StructureId::new("velo"))),
        Some(Path::new("structures/velo.json"))
    );
}

#[test]
fn a_journal_replay_leaves_a_broken_file_to_the_journal() {
    let dir = fixture_copy();
    let ws = load_workspace_usable(dir.path()).unwrap().workspace;
    let velo = ws
        .structure(&StructureId::new("velo-solidaire"))
        .unwrap()
        .clone();
    // A change journaled, its file write lost (the note of what the files hold moved back).
    {
        let mut session = Session::open(dir.path(), &ws, None, "léa", Access::WriteIfFree).unwrap();
        let mut renamed = velo.clone();
        renamed.name = "Vélo Solidaire et Compagnie".to_owned();
        session
            .apply(
                &ws,
                Operation::edit(Edit::put(
                    EditKind::Input,
                    Record::Structure(Box::new(renamed)),
                )),
            )
            .unwrap();
    }
    std::fs::remove_file(dir.path().join(ancrage::session::applied::APPLIED_FILE)).unwrap();
    break_structure(dir.path());
    let written = std::fs::read(dir.path().join(BROKEN)).unwrap();
    let loaded = load_workspace_usable(dir.path()).unwrap();
    let session = Session::open_protecting(
        dir.path(),
        &loaded.workspace,
        None,
        "léa",
        Access::WriteIfFree,
        BrokenFiles::of(&loaded),
    )
    .expect("opens");
    assert_eq!(std::fs::read(dir.path().join(BROKEN)).unwrap(), written);
    let problem = session.save_problem().expect("said");
    assert!(problem.contains(BROKEN), "{problem}");
}
