//! The cockpit's export dialog (`e`), driven through the real keymap into a TestBackend: the
//! dialog at both sizes, a jury file really written to a temporary folder, the overwrite
//! question (a « non » keeps the file), personal data only after a « oui », the filtered and
//! selected scopes, and `e` in the help and the key bar.

mod cockpit;
mod support;

use ancrage::domain::{Contact, Personal, Workspace};
use ancrage::i18n::Lang;
use ancrage::tui::DialogKind;
use ancrage::tui::dialogs::export::{ExportDialog, Question};
use ancrage::tui::keymap::Scope as KeyScope;
use ancrage::tui::message::Message;
use ancrage::tui::shared::export_choices::{ExportField as Field, ExportScope as Scope};
use cockpit::fixture;
use cockpit::session::Session;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const OFFICER: &str = "Léa Martin";
const EMAIL: &str = "camille@recyclerie.example";
const DEFAULT_NAME: &str = "jury-tempo-2026-2026-11-26.xlsx";

/// The fixture with a contact person on the Recyclerie (to see personal data come and go).
fn workspace() -> Workspace {
    let mut ws = fixture::workspace();
    for s in &mut ws.structures {
        if s.id.as_str() == "recyclerie-des-lilas" {
            s.contact = Some(Personal(Contact {
                name: "Camille Martin".into(),
                email: Some(EMAIL.into()),
                phone: Some("01 23 45 67 89".into()),
            }));
        }
    }
    ws
}

/// A cockpit whose review lives in a temp folder and whose exports go to another, on the
/// Appel tab, with the Recyclerie shortlisted (row 2: the Friche comes first in the call).
struct Cockpit {
    s: Session,
    review_dir: TempDir,
    out: TempDir,
}

fn cockpit(lang: Lang, width: u16, height: u16) -> Cockpit {
    let review_dir = tempfile::Builder::new()
        .prefix("ancrage-")
        .tempdir()
        .expect("temp dir");
    let out = tempfile::Builder::new()
        .prefix("exports-")
        .tempdir()
        .expect("temp dir");
    let mut s = Session::with(workspace(), lang, width, height);
    s.app.ctx.workspace_path = review_dir.path().to_owned();
    s.app.ctx.export_folder = Some(out.path().to_owned());
    s.app.open_review_as(OFFICER);
    s.keys("3 j p k");
    Cockpit { s, review_dir, out }
}

impl Cockpit {
    fn default_path(&self) -> PathBuf {
        self.out.path().join(DEFAULT_NAME)
    }

    /// Enter in the dialog, then what the terminal loop does: draw « Export en cours… », run
    /// the export, draw the result.
    fn export(&mut self) {
        self.s.keys("enter");
        if self.s.app.export_pending() {
            let screen = self.s.screen();
            let busy = match self.s.app.ctx.lang {
                Lang::Fr => "Export en cours…",
                Lang::En => "Exporting…",
            };
            assert!(screen.contains(busy), "{screen}");
            assert!(self.s.app.run_pending_export());
            self.s.draw();
        }
    }

    fn message(&self) -> String {
        self.s
            .app
            .message
            .get()
            .map_or_else(String::new, |m| m.text().to_owned())
    }

    fn is_error(&self) -> bool {
        matches!(self.s.app.message.get(), Some(Message::Error(_)))
    }

    /// The screen with both temp folders masked (same widths), for snapshots.
    fn masked(&self) -> String {
        let mut screen = self.s.screen();
        for dir in [self.review_dir.path(), self.out.path()] {
            let path = dir.display().to_string();
            screen = screen.replace(&path, &"X".repeat(path.chars().count()));
        }
        screen
    }

    /// Moves to `field` and sets the format by pressing → from xlsx.
    fn choose_format(&mut self, steps: usize) {
        self.go_to(Field::Format);
        for _ in 0..steps {
            self.s.keys("right");
        }
    }

    fn go_to(&mut self, field: Field) {
        for _ in 0..Field::ALL.len() {
            if self.dialog_field() == Some(field) {
                return;
            }
            self.s.keys("down");
        }
        panic!("field {field:?} not reached");
    }

    fn dialog(&self) -> Option<&ExportDialog> {
        self.s.app.top::<ExportDialog>()
    }

    fn question(&self) -> Option<&Question> {
        self.dialog().and_then(ExportDialog::question)
    }

    fn dialog_field(&self) -> Option<Field> {
        self.dialog().map(|d| d.choices.field)
    }
}

fn read(path: &Path) -> String {
    String::from_utf8(std::fs::read(path).expect("file written")).expect("utf-8")
}

#[test]
fn dialog_at_both_sizes() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut c = cockpit(Lang::Fr, w, h);
        c.s.keys("e");
        assert_eq!(c.s.app.dialog(), Some(DialogKind::Export));
        let screen = c.s.screen();
        assert!(screen.contains(DEFAULT_NAME), "{screen}");
        assert!(screen.contains("présélection (1)"), "{screen}");
        insta::assert_snapshot!(format!("export_dialog_{w}x{h}"), c.masked());
        c.s.keys("esc");
        assert_eq!(c.s.app.dialog(), None);
        assert!(!c.default_path().exists(), "Esc writes nothing");
    }
}

#[test]
fn export_is_written_and_named_in_the_status_line() {
    let mut c = cockpit(Lang::Fr, 120, 40);
    c.s.keys("e");
    c.export();
    let path = c.default_path();
    assert!(path.is_file(), "{} written", path.display());
    assert!(read_bytes_start(&path, b"PK"), "an XLSX is a zip");
    assert_eq!(c.s.app.dialog(), None, "the dialog closes once written");
    assert_eq!(
        c.message(),
        format!(
            "Exporté\u{a0}: {} (1 candidature, sans données personnelles)",
            path.display()
        )
    );
    // The status line puts a message that would be cut off first: the path is readable.
    let status = status_line(&c);
    assert!(
        status.starts_with(&format!("Exporté\u{a0}: {}", path.display())),
        "{status}"
    );
    // Only the file, no temporary left behind.
    assert_eq!(std::fs::read_dir(c.out.path()).unwrap().count(), 1);
}

/// The status area: the lines between the screen's last border and the key bar (a long
/// message takes up to three lines rather than be cut).
fn status_line(c: &Cockpit) -> String {
    let screen = c.s.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let last_border = lines.iter().rposition(|l| l.starts_with('└')).unwrap_or(0);
    lines[last_border + 1..lines.len().saturating_sub(1)].join("")
}

#[test]
fn the_path_is_readable_at_80_columns() {
    let mut c = cockpit(Lang::Fr, 80, 24);
    c.s.keys("e");
    c.export();
    let status = status_line(&c);
    assert!(status.starts_with("Exporté\u{a0}: /"), "{status}");
    assert!(status.contains("/exports-"), "{status}");
}

fn read_bytes_start(path: &Path, magic: &[u8]) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(magic))
}

#[test]
fn format_change_follows_in_the_file_name() {
    let mut c = cockpit(Lang::Fr, 120, 40);
    c.s.keys("e");
    c.choose_format(5);
    let dialog = c.dialog().expect("dialog open").choices.clone();
    assert_eq!(dialog.format, ancrage::export::Format::Markdown);
    assert!(
        dialog
            .path
            .text()
            .ends_with("jury-tempo-2026-2026-11-26.md")
    );
    c.export();
    let text = read(&c.out.path().join("jury-tempo-2026-2026-11-26.md"));
    assert!(text.contains("La Recyclerie des Lilas"), "{text}");
    assert!(!text.contains("Jardins partagés"), "only the shortlist");
}

#[test]
fn an_existing_file_is_kept_when_the_officer_says_no() {
    let mut c = cockpit(Lang::Fr, 120, 40);
    let path = c.default_path();
    std::fs::write(&path, b"old").unwrap();
    c.s.keys("e");
    assert!(c.s.screen().contains("Ce fichier existe déjà"));
    c.s.keys("enter");
    assert!(matches!(c.question(), Some(Question::Overwrite(_))));
    assert!(!c.s.app.export_pending(), "nothing runs before the answer");
    let screen = c.masked();
    assert!(
        screen.contains("jury-tempo-2026-2026-11-26.xlsx existe") && screen.contains("(o / n)"),
        "{screen}"
    );
    c.s.keys("n");
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    assert_eq!(c.s.app.dialog(), Some(DialogKind::Export));
    assert!(c.message().contains("Fichier conservé"), "{}", c.message());
    // Esc on the question is a no too.
    c.s.keys("enter esc");
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    // A yes replaces it.
    c.s.keys("enter o");
    assert!(c.s.app.run_pending_export());
    assert!(read_bytes_start(&path, b"PK"), "replaced by the XLSX");
    assert!(c.message().starts_with("Exporté"), "{}", c.message());
}

#[test]
fn personal_data_only_after_a_yes() {
    let mut c = cockpit(Lang::Fr, 120, 40);
    c.s.keys("e");
    c.choose_format(5); // Markdown, readable
    c.go_to(Field::PersonalData);
    c.s.keys("right");
    assert_eq!(c.question(), Some(&Question::PersonalData));
    assert_eq!(c.s.app.scope(), KeyScope::Confirm);
    let screen = c.s.screen();
    assert!(
        screen.contains("Inclure les données personnelles (contacts)\u{a0}? (o / n)"),
        "{screen}"
    );
    c.s.keys("n");
    assert!(!c.dialog().unwrap().choices.personal_data);
    c.export();
    let path = c.out.path().join("jury-tempo-2026-2026-11-26.md");
    assert!(!read(&path).contains(EMAIL), "no contact without a yes");
    assert!(c.message().contains("sans données personnelles"));

    // Reopened as it was left; this time yes, then yes to replacing the file.
    c.s.keys("e");
    assert_eq!(c.dialog_field(), Some(Field::PersonalData));
    c.s.keys("space o");
    assert!(c.dialog().unwrap().choices.personal_data);
    assert!(c.s.screen().contains("oui (contacts inclus)"));
    c.s.keys("enter");
    assert!(matches!(c.question(), Some(Question::Overwrite(_))));
    c.s.keys("o");
    assert!(c.s.app.run_pending_export());
    assert!(read(&path).contains(EMAIL), "contacts after the yes");
    assert!(
        c.message()
            .contains("(1 candidature, avec données personnelles)"),
        "{}",
        c.message()
    );
    // Switching it off needs no question.
    c.s.keys("e right");
    assert_eq!(c.s.app.dialog(), Some(DialogKind::Export));
    assert!(!c.dialog().unwrap().choices.personal_data);
}

#[test]
fn selected_and_filtered_rows_are_exported_exactly() {
    let mut c = cockpit(Lang::Fr, 120, 40);
    // Select the Friche row (en instruction, not shortlisted).
    c.s.keys("g space");
    c.s.keys("e");
    c.choose_format(6); // JSON
    c.go_to(Field::Scope);
    c.s.keys("right right");
    assert_eq!(c.dialog().unwrap().choices.scope, Scope::Selected);
    assert!(
        c.s.screen()
            .contains("lignes sélectionnées de l’onglet Appel (1)")
    );
    c.export();
    let json = read(&c.out.path().join("jury-tempo-2026-2026-11-26.json"));
    assert!(json.contains("jardins-de-l-ourcq"), "{json}");
    assert!(!json.contains("recyclerie-des-lilas"), "{json}");
    assert!(json.contains("\"hand_picked\": true"), "{json}");

    // Filtered: both rows of the Appel tab (no filter), whatever their status.
    c.s.keys("esc e");
    c.go_to(Field::Scope);
    c.s.keys("left");
    assert_eq!(c.dialog().unwrap().choices.scope, Scope::Filtered);
    c.go_to(Field::Path);
    c.s.keys("ctrl-u");
    c.s.type_text("out.json");
    // Home, then a letter at the start; End, and back to where it was.
    c.s.keys("home");
    c.s.type_text("t");
    c.s.keys("end");
    assert_eq!(
        c.dialog().unwrap().choices.path.cursor(),
        "tout.json".chars().count()
    );
    c.export();
    let json = read(&c.out.path().join("tout.json"));
    assert!(json.contains("jardins-de-l-ourcq") && json.contains("recyclerie-des-lilas"));
    assert!(
        c.message().contains(&format!(
            "{} (2 candidatures",
            c.out.path().join("tout.json").display()
        )),
        "{}",
        c.message()
    );
}

#[test]
fn refusals_go_to_the_status_line_in_the_officer_language() {
    for (lang, empty, folder) in [
        (Lang::Fr, "Aucune ligne sélectionnée", "Export impossible"),
        (Lang::En, "No row selected", "Export failed"),
    ] {
        let mut c = cockpit(lang, 120, 40);
        c.s.keys("e");
        c.go_to(Field::Scope);
        c.s.keys("left");
        c.export();
        assert!(
            c.is_error() && c.message().contains(empty),
            "{}",
            c.message()
        );
        assert_eq!(c.s.app.dialog(), Some(DialogKind::Export));
        // A folder that does not exist: refused by the export, nothing written, dialog open.
        c.s.keys("right");
        c.go_to(Field::Path);
        c.s.keys("ctrl-u");
        let missing = c.out.path().join("nope").join("jury.xlsx");
        c.s.type_text(&missing.display().to_string());
        c.export();
        assert!(
            c.is_error() && c.message().contains(folder),
            "{}",
            c.message()
        );
        assert!(!missing.exists());
        assert_eq!(c.s.app.dialog(), Some(DialogKind::Export));
        // The folder itself is not a file name.
        c.s.keys("ctrl-u");
        c.s.type_text(&c.out.path().display().to_string());
        c.export();
        assert!(c.is_error(), "{}", c.message());
        assert_eq!(std::fs::read_dir(c.out.path()).unwrap().count(), 0);
    }
}

#[test]
fn e_is_in_the_help_and_the_key_bar() {
    let mut c = cockpit(Lang::Fr, 120, 40);
    let bar = c.s.screen().lines().last().unwrap_or_default().to_owned();
    assert!(bar.contains("e exporter"), "Appel tab: {bar}");
    c.s.keys("1");
    let bar = c.s.screen().lines().last().unwrap_or_default().to_owned();
    assert!(bar.contains("e exporter"), "Lieux tab: {bar}");
    c.s.keys("e");
    assert_eq!(c.s.app.dialog(), Some(DialogKind::Export), "from any tab");
    let bar = c.s.screen().lines().last().unwrap_or_default().to_owned();
    assert!(bar.contains("Entrée exporter"), "in the dialog: {bar}");
    c.s.keys("esc ?");
    let help = ancrage::tui::dialogs::help::lines(&c.s.app.ctx, KeyScope::Lieux, 200)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(help.contains("Exporter le dossier du jury"), "{help}");
    assert!(help.contains("[export]") && help.contains("[export_run]"));
}

#[test]
fn filtered_rows_follow_the_appel_filter() {
    let mut c = cockpit(Lang::Fr, 120, 40);
    // Appel filter: status « en instruction » only (the Friche row).
    c.s.keys("f down");
    for _ in 0..8 {
        c.s.keys("right");
        if c.s.screen().contains("statut = en instruction") {
            break;
        }
    }
    c.s.keys("esc");
    assert_eq!(c.s.app.appel.rows.len(), 1, "{}", c.s.screen());
    c.s.keys("e");
    c.choose_format(6); // JSON
    c.go_to(Field::Scope);
    c.s.keys("right");
    assert!(
        c.s.screen()
            .contains("lignes filtrées de l’onglet Appel (1)"),
        "{}",
        c.s.screen()
    );
    c.export();
    let json = read(&c.out.path().join("jury-tempo-2026-2026-11-26.json"));
    assert!(json.contains("jardins-de-l-ourcq"), "{json}");
    assert!(!json.contains("recyclerie-des-lilas"), "{json}");
    assert!(c.message().contains("(1 candidature,"), "{}", c.message());
}

#[test]
fn dialog_and_question_in_english() {
    let mut c = cockpit(Lang::En, 80, 24);
    c.s.keys("e");
    c.go_to(Field::PersonalData);
    c.s.keys("right");
    let screen = c.masked();
    assert!(
        screen.contains("Include personal data (contacts)? (y / n)"),
        "{screen}"
    );
    insta::assert_snapshot!("export_personal_question_80x24_en", screen);
    c.s.keys("y");
    assert!(c.s.screen().contains("yes (contacts included)"));
}
