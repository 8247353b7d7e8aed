//! Saving: atomic, in the envelope, and never over a file that failed to load.

mod common;

use ancrage::domain::{CallId, SiteId, StructureId, Surface};
use ancrage::store::load::load_workspace;
use ancrage::store::save::{SaveError, save_call, save_site, save_structure, save_territory};
use common::{edit, fixture_copy, snapshot};

#[test]
fn save_then_load_round_trips() {
    let dir = fixture_copy();
    let mut ws = load_workspace(dir.path()).unwrap();
    ws.sites[0].lots[0].surface = Surface::m2(135.5);
    ws.structures[1].name = "Atelier vélo « solidaire »".into();
    ws.calls[0].title = "Temp'O 2026 bis".into();
    ws.territory.name = "Est Ensemble".into();
    save_site(dir.path(), &ws.sites[0]).unwrap();
    save_structure(dir.path(), &ws.structures[1]).unwrap();
    save_call(dir.path(), &ws.calls[0]).unwrap();
    save_territory(dir.path(), &ws.territory).unwrap();
    assert_eq!(load_workspace(dir.path()).unwrap(), ws);
}

#[test]
fn a_new_item_gets_its_own_file() {
    let dir = fixture_copy();
    let ws = load_workspace(dir.path()).unwrap();
    let mut site = ws.sites[1].clone();
    site.id = SiteId::new("nouveau-lieu");
    let path = save_site(dir.path(), &site).unwrap();
    assert_eq!(path, dir.path().join("sites/nouveau-lieu.json"));
    assert_eq!(load_workspace(dir.path()).unwrap().sites.len(), 3);
}

#[test]
fn a_file_that_failed_to_load_is_never_overwritten() {
    let dir = fixture_copy();
    let ws = load_workspace(dir.path()).unwrap();
    edit(dir.path(), "structures/recyclerie-du-canal.json", |t| {
        t[..t.len() - 20].to_owned()
    });
    let before = snapshot(dir.path());
    let err = save_structure(dir.path(), &ws.structures[0]).unwrap_err();
    assert!(matches!(err, SaveError::Unloadable(_)), "{err}");
    assert!(
        err.to_string()
            .contains("structures/recyclerie-du-canal.json"),
        "{err}"
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_newer_file_is_not_downgraded() {
    let dir = fixture_copy();
    let ws = load_workspace(dir.path()).unwrap();
    edit(dir.path(), "calls/tempo-2026.json", |t| {
        t.replacen("\"schema_version\": 2", "\"schema_version\": 3", 1)
    });
    let before = snapshot(dir.path());
    assert!(save_call(dir.path(), &ws.calls[0]).is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_file_holding_another_item_is_not_overwritten() {
    let dir = fixture_copy();
    let ws = load_workspace(dir.path()).unwrap();
    // velo-solidaire.json now holds the recyclerie (a copy made by hand, say).
    std::fs::copy(
        dir.path().join("structures/recyclerie-du-canal.json"),
        dir.path().join("structures/velo-solidaire.json"),
    )
    .unwrap();
    let before = snapshot(dir.path());
    let err = save_structure(dir.path(), &ws.structures[1]).unwrap_err();
    assert!(matches!(err, SaveError::OtherItem(..)), "{err}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn ids_that_are_not_file_names_are_refused() {
    let dir = fixture_copy();
    let ws = load_workspace(dir.path()).unwrap();
    let before = snapshot(dir.path());
    for bad in ["../evil", "", "A", "a/b"] {
        let mut s = ws.structures[0].clone();
        s.id = StructureId::new(bad);
        assert!(matches!(
            save_structure(dir.path(), &s),
            Err(SaveError::NotASlug(_))
        ));
        let mut c = ws.calls[0].clone();
        c.id = CallId::new(bad);
        assert!(save_call(dir.path(), &c).is_err());
    }
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_failed_write_leaves_the_workspace_as_it_was() {
    let dir = fixture_copy();
    let ws = load_workspace(dir.path()).unwrap();
    // `calls` becomes a plain file: no write can happen below it.
    std::fs::remove_dir_all(dir.path().join("calls")).unwrap();
    std::fs::write(dir.path().join("calls"), "not a folder").unwrap();
    let before = snapshot(dir.path());
    let err = save_call(dir.path(), &ws.calls[0]).unwrap_err();
    assert!(matches!(err, SaveError::Io(..)), "{err}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_failed_replacement_keeps_the_old_file_whole() {
    // Root ignores permissions, so make the folder unwritable only where that means something.
    use std::os::unix::fs::PermissionsExt;
    let dir = fixture_copy();
    let ws = load_workspace(dir.path()).unwrap();
    let sites = dir.path().join("sites");
    std::fs::set_permissions(&sites, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = sites.join(".probe");
    let writable_anyway = std::fs::write(&probe, "x").is_ok();
    let _ = std::fs::remove_file(&probe);
    let before = snapshot(dir.path());
    let mut site = ws.sites[0].clone();
    site.name = "Changed".into();
    let result = save_site(dir.path(), &site);
    std::fs::set_permissions(&sites, std::fs::Permissions::from_mode(0o755)).unwrap();
    if writable_anyway {
        // Running as root: the save goes through; it must then be whole and loadable.
        assert!(result.is_ok());
        assert_eq!(load_workspace(dir.path()).unwrap().sites[0].name, "Changed");
    } else {
        assert!(matches!(result, Err(SaveError::Io(..))));
        assert_eq!(snapshot(dir.path()), before);
    }
}
