//! The cockpit's export dialog (`e`): a jury file of the current call, in a format, for a
//! scope (the shortlist, the Appel tab's filtered rows, or its selected rows), with or without
//! personal data, at a path the officer can edit.
//!
//! Two questions use the confirmation keys (`o` / `n`): including personal data, and replacing
//! a file that exists (never silently). Enter does not write at once: it leaves the export
//! `pending`, the terminal loop draws « Export en cours… » and only then calls `run_pending`,
//! so the officer sees that something is happening while a large file is written. The export
//! itself is `export::export_loaded`, as on the command line.

use crate::domain::CallId;
use crate::export::report::ReportOptions;
use crate::export::{
    ExportError, ExportOptions, Exported, Format, default_file_name, export_loaded,
};
use crate::i18n::Lang;
use crate::review::{AppKey, Status};
use crate::tui::action::Action;
use crate::tui::app::{App, Message};
use crate::tui::keymap::Context;
use crate::tui::mode::Mode;
use crate::tui::text::Msg;
use crate::tui::text_input::TextInput;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What a key means in the dialog (the others are the shared `Increase`, `Decrease`, `Back`,
/// `Confirm` and `Deny`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportAction {
    /// `e`: opens the dialog.
    Open,
    /// A character typed into the path (or Space on a choice).
    Input(char),
    Backspace,
    /// Empties the path field.
    ClearField,
    NextField,
    PreviousField,
    /// Enter: export (after the overwrite question when the file exists).
    Run,
}

impl ExportAction {
    /// Rank in the key bar (see `view::key_bar`): opening the dialog is a main feature, like
    /// filtering; inside the dialog, Enter stays longest.
    pub fn drop_rank(self) -> u8 {
        match self {
            ExportAction::Run => 0,
            ExportAction::Open => 3,
            ExportAction::NextField => 2,
            _ => 5,
        }
    }
}

/// Where the dialog is: its form, or one of its two questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportStep {
    Dialog,
    ConfirmPersonalData,
    ConfirmOverwrite,
}

impl ExportStep {
    pub fn context(self) -> Context {
        match self {
            ExportStep::Dialog => Context::Export,
            // The same yes/no keys as every other confirmation.
            ExportStep::ConfirmPersonalData | ExportStep::ConfirmOverwrite => Context::Confirm,
        }
    }
}

/// Which applications go in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The applications présélectionnées, every site of the call.
    Shortlist,
    /// The rows the Appel tab shows now (its site and status filters applied).
    Filtered,
    /// The rows selected with Space in the Appel tab.
    Selected,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Shortlist, Scope::Filtered, Scope::Selected];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Scope::Shortlist => lang.pick("présélection", "shortlist"),
            Scope::Filtered => lang.pick(
                "lignes filtrées de l’onglet Appel",
                "filtered rows of the Call tab",
            ),
            Scope::Selected => lang.pick(
                "lignes sélectionnées de l’onglet Appel",
                "selected rows of the Call tab",
            ),
        }
    }
}

/// The fields of the dialog, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Format,
    Scope,
    PersonalData,
    Path,
}

impl Field {
    pub const ALL: [Field; 4] = [
        Field::Format,
        Field::Scope,
        Field::PersonalData,
        Field::Path,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Format => "Format",
            Field::Scope => lang.pick("Périmètre", "Scope"),
            Field::PersonalData => lang.pick("Données personnelles", "Personal data"),
            Field::Path => lang.pick("Fichier", "File"),
        }
    }

    fn step(self, forward: bool) -> Field {
        let n = Field::ALL.len();
        let at = Field::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Field::ALL[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }]
    }
}

/// What each format is for, in the dialog.
pub fn format_label(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Xlsx => lang.pick("XLSX — Excel, LibreOffice", "XLSX — Excel, LibreOffice"),
        Format::Ods => lang.pick(
            "ODS — format ouvert (LibreOffice)",
            "ODS — open format (LibreOffice)",
        ),
        Format::Csv => lang.pick("CSV — virgule, point décimal", "CSV — comma, decimal point"),
        Format::CsvExcel => lang.pick(
            "CSV pour Excel — point-virgule, virgule décimale",
            "CSV for Excel — semicolon, decimal comma",
        ),
        Format::Html => lang.pick("HTML — dossier imprimable", "HTML — printable pack"),
        Format::Markdown => "Markdown",
        Format::Json => lang.pick("JSON — pour d’autres outils", "JSON — for other tools"),
    }
}

/// The dialog's choices; kept after it closes, so `e` reopens it as it was left.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    pub call: CallId,
    pub field: Field,
    pub format: Format,
    pub scope: Scope,
    /// True only once the officer said yes to the question.
    pub personal_data: bool,
    pub path: TextInput,
    /// The path names an existing file (worked out when it changes, not at each frame).
    pub path_exists: bool,
}

/// The export state of the cockpit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportUi {
    pub dialog: Option<ExportDialog>,
    /// Folder of the default path; the current directory when none (tests set a temp folder).
    pub folder: Option<PathBuf>,
    /// The export confirmed, written once « Export en cours… » is on screen (`run_pending`).
    pub pending: Option<ExportOptions>,
    /// The existing file the overwrite question is about.
    pub asked: Option<PathBuf>,
}

impl ExportUi {
    fn folder(&self) -> PathBuf {
        self.folder
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }
}

/// The path the officer means: `~/` is the home folder, a relative path is taken in the
/// dialog's folder.
pub fn resolve(text: &str, folder: &Path) -> PathBuf {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = dirs::home_dir()
    {
        return home.join(rest);
    }
    folder.join(text)
}

/// `…/jury-x.xlsx` becomes `…/jury-x.ods` when the format changes (any path ending with the
/// old extension; other names are the officer's and stay).
fn swap_extension(path: &str, from: Format, to: Format) -> Option<String> {
    let stem = path.strip_suffix(&format!(".{}", from.extension()))?;
    Some(format!("{stem}.{}", to.extension()))
}

fn step_in<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let n = all.len();
    let at = all.iter().position(|x| *x == current).unwrap_or(0);
    all[if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    }]
}

/// An error in the status line (French typography already in the wording: paths are never
/// retouched).
fn error(app: &mut App, text: String) -> bool {
    app.message = Some(Message::Error(text));
    true
}

/// `e`: opens the dialog on the current call (as it was left, if it was for this call).
pub fn open(app: &mut App) -> bool {
    let lang = app.lang;
    let Some(call) = app.current_call.and_then(|i| app.workspace.calls.get(i)) else {
        app.info(Msg::NoCall.get(lang));
        return true;
    };
    let call = call.id.clone();
    let reuse = app.export.dialog.as_ref().is_some_and(|d| d.call == call);
    if !reuse {
        let format = Format::Xlsx;
        let path = app
            .export
            .folder()
            .join(default_file_name(&call, app.today, format));
        app.export.dialog = Some(ExportDialog {
            call,
            field: Field::Format,
            format,
            scope: Scope::Shortlist,
            personal_data: false,
            path: TextInput::with_text(&path.display().to_string()),
            path_exists: false,
        });
    }
    refresh_exists(app);
    app.modes.push(Mode::Export(ExportStep::Dialog));
    true
}

fn refresh_exists(app: &mut App) {
    let folder = app.export.folder();
    if let Some(dialog) = app.export.dialog.as_mut() {
        dialog.path_exists = resolve(dialog.path.text(), &folder)
            .symlink_metadata()
            .is_ok();
    }
}

/// How many applications each scope holds now (none when the review could not be opened).
pub fn scope_count(app: &App, scope: Scope) -> Option<usize> {
    match scope {
        Scope::Shortlist => app.review.session.as_ref().map(|s| {
            s.state()
                .applications
                .values()
                .filter(|a| a.status == Status::Preselectionne)
                .count()
        }),
        Scope::Filtered => Some(app.review.rows.len()),
        Scope::Selected => Some(app.review.selection.len()),
    }
}

/// The applications of a hand-picked scope; none for the shortlist.
fn chosen(app: &App, scope: Scope) -> Option<BTreeSet<AppKey>> {
    match scope {
        Scope::Shortlist => None,
        Scope::Filtered => Some(app.review.rows.iter().map(|r| r.key.clone()).collect()),
        Scope::Selected => Some(app.review.selection.clone()),
    }
}

/// Keys of the dialog and of its two questions.
pub fn update(app: &mut App, step: ExportStep, action: Action) -> bool {
    match step {
        ExportStep::Dialog => dialog_key(app, action),
        ExportStep::ConfirmPersonalData => match action {
            Action::Confirm => {
                app.modes.pop();
                if let Some(dialog) = app.export.dialog.as_mut() {
                    dialog.personal_data = true;
                }
                true
            }
            Action::Deny | Action::Back => {
                app.modes.pop();
                app.info(
                    app.lang
                        .pick("Sans données personnelles.", "Without personal data."),
                );
                true
            }
            _ => false,
        },
        ExportStep::ConfirmOverwrite => match action {
            Action::Confirm => {
                app.modes.pop();
                start(app, true)
            }
            Action::Deny | Action::Back => {
                app.modes.pop();
                app.info(app.lang.pick(
                    "Fichier conservé\u{a0}: rien n’a été remplacé (changez le nom pour exporter à côté).",
                    "File kept: nothing was replaced (change the name to export beside it).",
                ));
                true
            }
            _ => false,
        },
    }
}

fn dialog_key(app: &mut App, action: Action) -> bool {
    let Some(dialog) = app.export.dialog.as_mut() else {
        app.modes.pop();
        return true;
    };
    let field = dialog.field;
    match action {
        Action::Back => {
            app.modes.pop();
            app.export.pending = None;
            return true;
        }
        Action::Export(ExportAction::Run) => return start(app, false),
        Action::Export(ExportAction::NextField) => dialog.field = field.step(true),
        Action::Export(ExportAction::PreviousField) => dialog.field = field.step(false),
        Action::Increase | Action::Decrease | Action::Export(ExportAction::Input(' '))
            if field != Field::Path =>
        {
            let forward = action != Action::Decrease;
            return change_choice(app, field, forward);
        }
        _ if field == Field::Path => {
            let text = &mut dialog.path;
            let changed = match action {
                Action::Export(ExportAction::Input(c)) => {
                    text.insert(c);
                    true
                }
                Action::Export(ExportAction::Backspace) => text.backspace(),
                Action::Export(ExportAction::ClearField) => {
                    *text = TextInput::default();
                    true
                }
                Action::Decrease => return text.left(),
                Action::Increase => return text.right(),
                Action::Top => {
                    let moved = text.left();
                    while text.left() {}
                    return moved;
                }
                Action::Bottom => {
                    let moved = text.right();
                    while text.right() {}
                    return moved;
                }
                _ => return false,
            };
            if changed {
                refresh_exists(app);
            }
            return changed;
        }
        _ => return false,
    }
    true
}

fn change_choice(app: &mut App, field: Field, forward: bool) -> bool {
    let Some(dialog) = app.export.dialog.as_mut() else {
        return false;
    };
    match field {
        Field::Format => {
            let next = step_in(&Format::ALL, dialog.format, forward);
            if let Some(path) = swap_extension(dialog.path.text(), dialog.format, next) {
                dialog.path = TextInput::with_text(&path);
            }
            dialog.format = next;
            refresh_exists(app);
        }
        Field::Scope => dialog.scope = step_in(&Scope::ALL, dialog.scope, forward),
        Field::PersonalData => {
            if dialog.personal_data {
                dialog.personal_data = false;
            } else {
                // Only a yes to the question puts contacts in the file.
                app.modes
                    .push(Mode::Export(ExportStep::ConfirmPersonalData));
            }
        }
        Field::Path => return false,
    }
    true
}

/// Enter: checks what can be checked at once, asks before replacing a file, then leaves the
/// export pending with « Export en cours… » in the status line.
fn start(app: &mut App, force: bool) -> bool {
    let lang = app.lang;
    if app.export.pending.is_some() {
        return false;
    }
    let Some(dialog) = app.export.dialog.clone() else {
        return false;
    };
    if dialog.path.text().trim().is_empty() {
        return error(
            app,
            lang.pick(
                "Indiquez le fichier à écrire (champ Fichier).",
                "Give the file to write (File field).",
            )
            .to_owned(),
        );
    }
    let output = resolve(dialog.path.text(), &app.export.folder());
    if output.is_dir() {
        return error(
            app,
            match lang {
                Lang::Fr => format!(
                    "{} est un dossier\u{a0}: ajoutez un nom de fichier.",
                    output.display()
                ),
                Lang::En => format!("{} is a folder: add a file name.", output.display()),
            },
        );
    }
    if dialog.scope == Scope::Selected && app.review.selection.is_empty() {
        return error(
            app,
            lang.pick(
                "Aucune ligne sélectionnée\u{a0}: Espace sélectionne une candidature dans l’onglet Appel.",
                "No row selected: Space selects an application in the Call tab.",
            )
            .to_owned(),
        );
    }
    if !force && output.symlink_metadata().is_ok() {
        app.export.asked = Some(output);
        app.modes.push(Mode::Export(ExportStep::ConfirmOverwrite));
        return true;
    }
    app.export.pending = Some(ExportOptions {
        call: dialog.call.clone(),
        format: dialog.format,
        report: ReportOptions {
            only: chosen(app, dialog.scope),
            with_personal_data: dialog.personal_data,
            ..ReportOptions::shortlist(lang, app.today)
        },
        output,
        force,
    });
    app.info(lang.pick("Export en cours…", "Exporting…"));
    true
}

/// Writes the pending export, if any (the terminal loop calls it once the frame saying
/// « Export en cours… » is drawn). Success closes the dialog and names the file; a failure
/// keeps the dialog open and says why. Returns whether there was something to do.
pub fn run_pending(app: &mut App) -> bool {
    let Some(options) = app.export.pending.take() else {
        return false;
    };
    let lang = app.lang;
    match export_loaded(&app.workspace_path, &app.workspace, &options) {
        Ok(exported) => {
            while matches!(app.mode(), Mode::Export(_)) && app.modes.pop() {}
            app.info(done(&exported, lang));
            refresh_exists(app);
        }
        Err(ExportError::Exists(path)) => {
            // Appeared between the question and the writing: still never replaced silently.
            refresh_exists(app);
            error(
                app,
                match lang {
                    Lang::Fr => format!(
                        "{} vient d’apparaître\u{a0}: rien n’a été remplacé (Entrée pour reposer la question).",
                        path.display()
                    ),
                    Lang::En => format!(
                        "{} has just appeared: nothing was replaced (Enter to ask again).",
                        path.display()
                    ),
                },
            );
        }
        Err(e) => {
            let message = format!(
                "{}{}",
                lang.pick("Export impossible\u{a0}: ", "Export failed: "),
                e.message(lang)
            );
            error(app, message);
        }
    }
    true
}

/// « Exporté : /chemin/jury-….xlsx (12 candidatures, sans données personnelles) ».
/// An empty file is written (as on the command line) but said to be empty, with the way out.
pub fn done(exported: &Exported, lang: Lang) -> String {
    let n = exported.applications;
    let path = exported.path.display();
    let empty = match (n, lang) {
        (0, Lang::Fr) => {
            " — aucune candidature dans ce périmètre (e, puis ←→ sur Périmètre pour en choisir un autre)"
        }
        (0, Lang::En) => " — no application in this scope (e, then ←→ on Scope to choose another)",
        _ => "",
    };
    let said = match (lang, exported.personal_data) {
        (Lang::Fr, personal) => format!(
            "Exporté\u{a0}: {path} ({n} {}, {} données personnelles)",
            if n <= 1 {
                "candidature"
            } else {
                "candidatures"
            },
            if personal { "avec" } else { "sans" }
        ),
        (Lang::En, personal) => format!(
            "Exported: {path} ({n} application{}, {} personal data)",
            if n == 1 { "" } else { "s" },
            if personal { "with" } else { "without" }
        ),
    };
    format!("{said}{empty}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_in_the_folder_and_follow_the_format() {
        let folder = Path::new("/srv/exports");
        assert_eq!(
            resolve("jury.xlsx", folder),
            PathBuf::from("/srv/exports/jury.xlsx")
        );
        assert_eq!(
            resolve(" /tmp/jury.ods ", folder),
            PathBuf::from("/tmp/jury.ods")
        );
        assert_eq!(
            swap_extension("/a/jury-x-2026-11-26.xlsx", Format::Xlsx, Format::Markdown),
            Some("/a/jury-x-2026-11-26.md".to_owned())
        );
        assert_eq!(
            swap_extension("/a/mon-fichier", Format::Xlsx, Format::Ods),
            None
        );
    }

    #[test]
    fn fields_and_choices_cycle_both_ways() {
        assert_eq!(Field::Path.step(true), Field::Format);
        assert_eq!(Field::Format.step(false), Field::Path);
        assert_eq!(
            step_in(&Scope::ALL, Scope::Selected, true),
            Scope::Shortlist
        );
        assert_eq!(step_in(&Format::ALL, Format::Xlsx, false), Format::Json);
    }

    #[test]
    fn the_result_names_the_file_count_and_personal_data() {
        let exported = Exported {
            path: PathBuf::from("/tmp/jury.xlsx"),
            applications: 12,
            personal_data: false,
        };
        assert_eq!(
            done(&exported, Lang::Fr),
            "Exporté\u{a0}: /tmp/jury.xlsx (12 candidatures, sans données personnelles)"
        );
        let one = Exported {
            applications: 1,
            personal_data: true,
            ..exported
        };
        assert_eq!(
            done(&one, Lang::En),
            "Exported: /tmp/jury.xlsx (1 application, with personal data)"
        );
        let none = Exported {
            applications: 0,
            ..one
        };
        assert!(
            done(&none, Lang::Fr).contains(
                "(0 candidature, avec données personnelles) — aucune candidature dans ce périmètre"
            ),
            "{}",
            done(&none, Lang::Fr)
        );
    }
}
