use super::*;
use crate::domain::{Application, SiteId, StructureId};
use crate::store::validate::fixture;
use proptest::prelude::*;

fn structure(ws: &Workspace, id: &str) -> Structure {
    ws.structure(&StructureId::new(id))
        .expect("in fixture")
        .clone()
}

#[test]
fn put_creates_then_replaces_and_the_inverse_restores() {
    let original = fixture::workspace();
    let mut ws = original.clone();
    let mut created = structure(&ws, "velo-solidaire");
    created.id = StructureId::new("atelier-neuf");
    created.name = "Atelier neuf".to_owned();
    let undo_create = apply(
        &mut ws,
        &Edit::put(
            EditKind::Input,
            Record::Structure(Box::new(created.clone())),
        ),
    )
    .unwrap();
    assert_eq!(ws.structures.len(), original.structures.len() + 1);
    assert_eq!(undo_create.kind, EditKind::Undo);
    assert_eq!(
        undo_create.steps,
        vec![Step::Remove(RecordKey::Structure(created.id.clone()))]
    );

    let mut renamed = created.clone();
    renamed.name = "Atelier renommé".to_owned();
    let undo_rename = apply(
        &mut ws,
        &Edit::put(EditKind::Input, Record::Structure(Box::new(renamed))),
    )
    .unwrap();
    assert_eq!(ws.structures.len(), original.structures.len() + 1);
    assert_eq!(
        ws.structure(&created.id).map(|s| s.name.as_str()),
        Some("Atelier renommé")
    );

    let redo = apply(&mut ws, &undo_rename).unwrap();
    assert_eq!(redo.kind, EditKind::Redo);
    apply(&mut ws, &undo_create).unwrap();
    assert_eq!(ws, original);
}

#[test]
fn removing_what_a_call_still_holds_is_refused_by_name() {
    let mut ws = fixture::workspace();
    let before = ws.clone();
    let edit = Edit::remove(
        EditKind::Input,
        RecordKey::Structure(StructureId::new("velo-solidaire")),
    );
    let Err(EditError::Refused(refusals)) = apply(&mut ws, &edit) else {
        panic!("refused expected");
    };
    assert_eq!(ws, before, "nothing changes");
    let message = refusals[0].message(crate::i18n::Lang::Fr);
    assert!(message.contains("AMI Temp'O 2026"), "{message}");
    assert!(
        !message.contains("velo-solidaire"),
        "names, not ids: {message}"
    );

    // Taking the application out of the call in the same edit makes the removal possible.
    let mut call = ws.calls[0].clone();
    call.applications
        .retain(|a| a.structure.as_str() != "velo-solidaire");
    let edit = Edit::new(
        EditKind::Input,
        "",
        vec![
            Step::Put(Record::Call(Box::new(call))),
            Step::Remove(RecordKey::Structure(StructureId::new("velo-solidaire"))),
        ],
    );
    let inverse = apply(&mut ws, &edit).unwrap();
    assert!(ws.structure(&StructureId::new("velo-solidaire")).is_none());
    apply(&mut ws, &inverse).unwrap();
    assert_eq!(ws.calls, before.calls);
    assert_eq!(ws.structures.len(), before.structures.len());
}

#[test]
fn sites_offered_or_lived_in_and_calls_with_applications_stay() {
    let ws = fixture::workspace();
    let site = Edit::remove(
        EditKind::Input,
        RecordKey::Site(SiteId::new("friche-des-rives")),
    );
    assert!(matches!(check(&ws, &site), Err(EditError::Refused(_))));
    let call = Edit::remove(EditKind::Input, RecordKey::Call(ws.calls[0].id.clone()));
    let Err(EditError::Refused(refusals)) = check(&ws, &call) else {
        panic!("refused expected");
    };
    assert_eq!(
        refusals[0].held_by,
        vec![references::Holder::Applications(2)]
    );
    assert!(
        refusals[0]
            .message(crate::i18n::Lang::Fr)
            .ends_with("2 candidatures de cet appel y renvoient encore"),
        "{}",
        refusals[0].message(crate::i18n::Lang::Fr)
    );
}

#[test]
fn bad_ids_and_missing_records_are_refused() {
    let ws = fixture::workspace();
    let mut bad = structure(&ws, "velo-solidaire");
    bad.id = StructureId::new("../evil");
    assert_eq!(
        check(
            &ws,
            &Edit::put(EditKind::Import, Record::Structure(Box::new(bad)))
        ),
        Err(EditError::NotASlug("../evil".to_owned()))
    );
    let missing = RecordKey::Structure(StructureId::new("absente"));
    assert_eq!(
        check(&ws, &Edit::remove(EditKind::Input, missing.clone())),
        Err(EditError::Missing(missing))
    );
}

#[test]
fn edits_round_trip_through_json() {
    let ws = fixture::workspace();
    let mut call = ws.calls[0].clone();
    call.applications.push(Application {
        structure: StructureId::new("recyclerie-du-canal"),
        sites: vec![SiteId::new("hotel-activites")],
        submitted_on: None,
        dossier: None,
    });
    let edit = Edit::new(
        EditKind::Import,
        "Import de candidatures.csv",
        vec![
            Step::Put(Record::Call(Box::new(call))),
            Step::Put(Record::Territory(Box::new(ws.territory.clone()))),
            Step::Remove(RecordKey::Site(SiteId::new("x"))),
        ],
    );
    let json = serde_json::to_string(&edit).unwrap();
    assert!(json.contains("\"put\":{\"call\":{"), "{json}");
    let back: Edit = serde_json::from_str(&json).unwrap();
    assert_eq!(back, edit);
}

proptest! {
    /// Any sequence of renames, creations and removals is undone exactly by the inverses,
    /// applied last first.
    #[test]
    fn inverses_undo_everything(ops in proptest::collection::vec((0u8..3, 0usize..4), 1..12)) {
        let original = fixture::workspace();
        let mut ws = original.clone();
        let template = structure(&ws, "recyclerie-du-canal");
        let mut inverses = Vec::new();
        for (op, n) in ops {
            let id = format!("neuve-{n}");
            let edit = match op {
                0 | 1 => {
                    let mut s = template.clone();
                    s.id = StructureId::new(id);
                    s.name = format!("Structure {n} v{op}");
                    Edit::put(EditKind::Input, Record::Structure(Box::new(s)))
                }
                _ => Edit::remove(EditKind::Input, RecordKey::Structure(StructureId::new(id))),
            };
            if let Ok(inverse) = apply(&mut ws, &edit) {
                inverses.push(inverse);
            }
        }
        while let Some(inverse) = inverses.pop() {
            apply(&mut ws, &inverse).unwrap();
        }
        prop_assert_eq!(ws, original);
    }
}
