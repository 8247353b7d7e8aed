//! The import dialog (`I`), through the real keymap into a TestBackend, on a demo workspace on
//! disk: a file read and its report previewed with nothing written, then applied as one
//! journaled step (the new applications on the Appel tab) and undone at once with `u`; a
//! refused import, the valid rows only on request; an import that would rewrite a broken file
//! refused; a file into another call, and sites; errors that name the file and the reason;
//! the dialog at both sizes.

mod cockpit;
mod common;
mod on_disk;
mod support;

use ancrage::domain::{CallId, StructureId};
use ancrage::i18n::Lang;
use ancrage::session::JournalEntry;
use ancrage::store::journal::{JOURNAL_FILE, read_all};
use ancrage::store::load::load_workspace;
use ancrage::tui::dialogs::import::ImportDialog;
use ancrage::tui::{DialogKind, Tab};
use cockpit::session::Session;
use common::snapshot;
use on_disk::{Folder, open};
use std::path::PathBuf;

/// The import fixtures, as a relative path (what the dialog shows stays the same everywhere).
const FIXTURES: &str = "tests/fixtures/import";

fn cockpit(folder: &Folder, lang: Lang, width: u16, height: u16) -> Session {
    let mut s = open(folder, lang, width, height);
    s.app.ctx.export_folder = Some(PathBuf::from(FIXTURES));
    s.draw();
    s
}

fn journal(folder: &Folder) -> Vec<JournalEntry> {
    read_all::<JournalEntry>(&folder.file(JOURNAL_FILE))
        .map(|j| j.entries)
        .unwrap_or_default()
}

fn names_on_appel(s: &Session) -> Vec<String> {
    let ws = &s.app.ctx.workspace;
    s.app
        .appel
        .rows
        .iter()
        .map(|r| ws.structures[r.structure].name.clone())
        .collect()
}

fn status(s: &Session) -> String {
    s.app
        .message
        .get()
        .map(|m| m.text().to_owned())
        .unwrap_or_default()
}

/// The workspace's data files and reviews (what an import may write), without the journal
/// and the lock the session keeps.
fn data(folder: &Folder) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = snapshot(&folder.path);
    files.retain(|p, _| !p.starts_with("ancrage.lock") && !p.starts_with(JOURNAL_FILE));
    files
}

#[test]
fn preview_then_apply_then_undo() {
    let folder = Folder::demo();
    let mut s = cockpit(&folder, Lang::Fr, 120, 40);
    let before = data(&folder);
    let calls_before = load_workspace(&folder.path).expect("loads").calls;

    s.keys("1 I");
    assert_eq!(s.app.dialog(), Some(DialogKind::Import));
    s.type_text("google-forms.csv");
    s.keys("enter");
    let preview = s.screen();
    for needle in [
        "Aperçu — rien n’est encore écrit",
        "Import de google-forms.csv (CSV, UTF-8",
        "2 structures créé(e)s",
        "2 candidature(s) ajoutée(s)",
        "ligne 2, «\u{a0}Année de création\u{a0}» = «\u{a0}2017\u{a0}»",
        "Entrée importe\u{a0}: une seule étape du journal",
    ] {
        assert!(preview.contains(needle), "{needle}:\n{preview}");
    }
    assert_eq!(data(&folder), before, "a preview writes nothing");
    assert!(journal(&folder).is_empty());

    // Esc goes back to the form, Enter reads again, Enter applies.
    s.keys("esc");
    assert!(
        s.app
            .top::<ImportDialog>()
            .expect("open")
            .preview()
            .is_none()
    );
    s.keys("enter enter");
    assert_eq!(s.app.dialog(), None, "closed once saved");
    assert_eq!(
        s.app.tab,
        Tab::Call,
        "the applications are on the Appel tab"
    );
    let names = names_on_appel(&s);
    for name in ["Graine de Quartier", "Atelier Fil à Fil"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    let screen = s.screen();
    assert!(screen.contains("Graine de Quartier"), "{screen}");
    assert!(
        status(&s).contains("import de google-forms.csv — 2 structure(s) créée(s)"),
        "{}",
        status(&s)
    );
    assert!(folder.file("structures/graine-de-quartier.json").exists());
    assert_eq!(journal(&folder).len(), 1, "one journaled step");

    // One `u` takes the whole import back.
    s.keys("u");
    let names = names_on_appel(&s);
    assert!(
        !names.iter().any(|n| n == "Graine de Quartier"),
        "{names:?}"
    );
    assert!(!folder.file("structures/graine-de-quartier.json").exists());
    assert!(
        load_workspace(&folder.path).expect("loads").calls == calls_before,
        "the call is back as it was"
    );
    assert!(
        s.app
            .ctx
            .workspace
            .structure(&StructureId::new("graine-de-quartier"))
            .is_none()
    );
}

#[test]
fn a_refused_import_writes_nothing_then_the_valid_rows_on_request() {
    let folder = Folder::demo();
    let mut s = cockpit(&folder, Lang::Fr, 120, 40);
    let before = data(&folder);
    s.keys("I");
    s.type_text("bad-rows.csv");
    s.keys("enter");
    let preview = s.screen();
    assert!(preview.contains("Erreurs ("), "{preview}");
    assert!(
        preview.contains("⚠ Import refusé\u{a0}: rien ne sera écrit"),
        "{preview}"
    );
    // Nothing can be written, so the key bar offers no « importer », and Enter writes nothing.
    assert!(!preview.contains("Entrée importer"), "{preview}");
    assert!(preview.contains("Échap retour"), "{preview}");
    // The report scrolls: every error can be read.
    s.keys("G");
    s.keys("enter");
    assert_eq!(s.app.dialog(), Some(DialogKind::Import), "stays open");
    assert_eq!(data(&folder), before);
    assert!(journal(&folder).is_empty());

    // Back to the form: « importer les lignes valides », read again, apply.
    s.keys("esc down down down down space");
    assert!(s.app.top::<ImportDialog>().expect("open").skip_invalid);
    s.keys("enter");
    assert!(s.screen().contains("Entrée importe"), "{}", s.screen());
    s.keys("enter");
    assert_eq!(s.app.dialog(), None);
    assert!(names_on_appel(&s).iter().any(|n| n == "Atelier Valide"));
    assert_eq!(journal(&folder).len(), 1);
}

#[test]
fn an_import_that_would_rewrite_a_broken_file_is_refused() {
    let folder = Folder::demo();
    // A file the officer started by hand and left unreadable, named as the import would
    // name the structure it creates.
    let broken = "structures/graine-de-quartier.json";
    std::fs::write(
        folder.file(broken),
        "{ \"schema_version\": 1, \"structure\": ",
    )
    .unwrap();
    let mut s = cockpit(&folder, Lang::Fr, 120, 40);
    assert!(s.screen().contains("⚠ 1 problème (P)"), "{}", s.screen());
    let before = data(&folder);
    s.keys("I");
    s.type_text("google-forms.csv");
    s.keys("enter enter");
    let screen = s.screen();
    assert_eq!(s.app.dialog(), Some(DialogKind::Import), "{screen}");
    assert!(
        screen.contains("structures/graine-de-quartier.json\u{a0}: ce fichier a des problèmes"),
        "{screen}"
    );
    assert_eq!(data(&folder), before, "nothing written");
    assert!(journal(&folder).is_empty(), "nothing journaled");
}

#[test]
fn into_another_call_and_sites() {
    let folder = Folder::demo();
    // A second call, after the demo's in id order (so not the Appel tab's).
    let ws = load_workspace(&folder.path).expect("loads");
    let mut call = ws.calls[0].clone();
    call.id = CallId::new("zz-appel-2027");
    call.title = "AMI 2027".to_owned();
    call.applications.clear();
    ancrage::store::save::save_call(&folder.path, &call).expect("saved");
    let mut s = cockpit(&folder, Lang::Fr, 120, 40);
    assert_eq!(s.app.ctx.call().map(|c| c.id.as_str()), Some("tempo-2026"));

    s.keys("I");
    s.type_text("google-forms.csv");
    s.keys("down down right");
    assert!(s.screen().contains("◂ AMI 2027 ▸"), "{}", s.screen());
    s.keys("enter enter");
    assert_eq!(s.app.dialog(), None, "{}", s.screen());
    assert_eq!(
        s.app.ctx.call().map(|c| c.id.as_str()),
        Some("zz-appel-2027")
    );
    assert_eq!(
        s.app
            .ctx
            .session
            .as_ref()
            .and_then(|s| s.call())
            .map(|c| c.as_str()),
        Some("zz-appel-2027"),
        "the session reviews the import's call"
    );
    // Graine de Quartier asks for two of the call's sites: two applications.
    assert_eq!(names_on_appel(&s).len(), 3, "{:?}", names_on_appel(&s));

    // Sites: the Lieux tab shows them.
    s.keys("I");
    s.type_text("lieux.csv");
    s.keys("down right enter");
    assert!(s.screen().contains("lieux créé(e)s"), "{}", s.screen());
    s.keys("enter");
    assert_eq!(s.app.tab, Tab::Sites);
    assert!(s.screen().contains("Halle Babeuf"), "{}", s.screen());
}

#[test]
fn errors_name_the_file_and_the_reason() {
    let folder = Folder::demo();
    let mut s = cockpit(&folder, Lang::Fr, 120, 40);
    s.keys("I enter");
    assert!(status(&s).contains("Indiquez le fichier"), "{}", status(&s));
    s.type_text("absent.csv");
    assert!(
        s.screen().contains("Aucun fichier à ce chemin"),
        "{}",
        s.screen()
    );
    s.keys("enter");
    let said = status(&s);
    assert!(
        said.starts_with(&format!(
            "{FIXTURES}/absent.csv\u{a0}: lecture impossible (aucun fichier à ce chemin)"
        )),
        "{said}"
    );
    s.keys("ctrl-u");
    s.type_text("../import");
    s.keys("enter");
    assert!(status(&s).contains("est un dossier"), "{}", status(&s));
    s.keys("esc");
    assert_eq!(s.app.dialog(), None);
}

#[test]
fn the_dialog_at_both_sizes() {
    let folder = Folder::demo();
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = cockpit(&folder, Lang::Fr, w, h);
        s.keys("3 I");
        s.type_text("google-forms.csv");
        insta::assert_snapshot!(format!("import_form_{w}x{h}"), folder.masked(&s.screen()));
        s.keys("enter");
        insta::assert_snapshot!(
            format!("import_preview_{w}x{h}"),
            folder.masked(&s.screen())
        );
    }
    let mut s = cockpit(&folder, Lang::En, 80, 24);
    s.keys("I");
    s.type_text("bad-rows.csv");
    s.keys("enter");
    insta::assert_snapshot!("import_refused_80x24_en", folder.masked(&s.screen()));
}

#[test]
fn a_mapping_file_names_the_headers_ancrage_does_not_know() {
    let folder = Folder::demo();
    let mut s = cockpit(&folder, Lang::Fr, 120, 40);
    // The Google Forms export with its name column headed by the form's own question.
    let csv = std::fs::read_to_string(format!("{FIXTURES}/google-forms.csv"))
        .unwrap()
        .replacen("Nom de votre structure", "Votre collectif s'appelle", 1);
    // Absolute paths: the dialog reads relative ones from its own folder.
    let here = std::fs::canonicalize(&folder.path).unwrap();
    let odd = here.join("collectifs.csv");
    std::fs::write(&odd, csv).unwrap();
    let mapping = here.join("colonnes.toml");
    let file = |s: &mut Session, path: &std::path::Path| {
        s.keys("ctrl-u");
        s.type_text(&path.display().to_string());
    };

    // Without the mapping: the name column is missing, said with where to name it.
    s.keys("I");
    file(&mut s, &odd);
    s.keys("enter");
    let report = s.screen();
    assert!(report.contains("fichier de correspondance"), "{report}");
    assert!(!report.contains("--mapping"), "{report}");
    // Every row is refused for that column: the way out is to name it, not to skip rows.
    assert!(report.contains("nommez la colonne"), "{report}");

    // A mapping file with a mistake: located, nothing read.
    std::fs::write(
        &mapping,
        "[columns]\n\"Votre collectif s'appelle\" = \"nom du chat\"\n",
    )
    .unwrap();
    s.keys("esc down down down");
    file(&mut s, &mapping);
    s.keys("enter");
    let said = status(&s);
    assert!(
        said.starts_with(&format!("{}:2:", mapping.display())),
        "{said}"
    );
    assert!(
        s.app
            .top::<ImportDialog>()
            .expect("open")
            .preview()
            .is_none()
    );

    // Fixed: the file reads, every structure named.
    std::fs::write(
        &mapping,
        "[columns]\n\"Votre collectif s'appelle\" = \"name\"\n",
    )
    .unwrap();
    s.keys("enter");
    let preview = s.app.top::<ImportDialog>().expect("open").preview();
    assert!(
        preview.is_some_and(|p| !p.prepared.report.is_refused()),
        "{}",
        s.screen()
    );
    assert!(s.screen().contains("Entrée importe"), "{}", s.screen());
}
