//! The import dialog (`I`, from any tab): a file of applications (into a call, by default the
//! Appel tab's) or of sites, read as CSV, XLSX or ODS. Two steps, as on the command line:
//! Enter reads the file and shows the report — created, updated, unchanged, refused, every
//! problem with its row, column, value and what was expected — before anything is written;
//! Enter again applies it through the session (`Effect::Apply`): one journaled step, undone
//! at once with `u`. The import itself is `import::prepare_applications` / `prepare_sites`,
//! the same as `ancrage import`, with the same optional mapping file (`--mapping` there, the
//! Correspondance field here).

mod view;

use crate::domain::CallId;
use crate::i18n::Lang;
use crate::import::field::Target;
use crate::import::mapping::Mapping;
use crate::import::{ImportFile, ImportOptions, Prepared, prepare_applications, prepare_sites};
use crate::session::files::load_state;
use crate::store::atomic::io_message;
use crate::tui::action::{Action, TextKey};
use crate::tui::component::{Dialog, DialogKind, Effect, Outcome};
use crate::tui::context::{Context, calls_by_id};
use crate::tui::dialogs::export::resolve;
use crate::tui::keymap::Scope;
use crate::tui::shared::export_choices::step_in;
use crate::tui::shared::scroll::scroll_key;
use crate::tui::shared::text_input::{LineEdit, TextInput};
use crate::tui::tab::Tab;
use crate::tui::ui_state::{UiState, Viewport};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::path::PathBuf;

/// The fields of the form, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportField {
    Path,
    What,
    Call,
    /// The officer's own header → field file (the command line's `--mapping`), optional.
    Mapping,
    SkipInvalid,
}

impl ImportField {
    pub const ALL: [ImportField; 5] = [
        ImportField::Path,
        ImportField::What,
        ImportField::Call,
        ImportField::Mapping,
        ImportField::SkipInvalid,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ImportField::Path => lang.pick("Fichier", "File"),
            ImportField::What => lang.pick("Contenu", "Content"),
            ImportField::Call => lang.pick("Appel", "Call"),
            ImportField::Mapping => lang.pick("Correspondance", "Mapping"),
            ImportField::SkipInvalid => lang.pick("Lignes en erreur", "Rows with errors"),
        }
    }

    /// A path typed, rather than a choice.
    pub fn is_path(self) -> bool {
        matches!(self, ImportField::Path | ImportField::Mapping)
    }
}

/// What is at the path typed, worked out when it changes (not at each frame).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathState {
    Empty,
    File,
    Folder,
    Missing,
}

/// The report of a file read, before anything is written.
#[derive(Debug, Clone)]
pub struct Preview {
    pub file: PathBuf,
    pub name: String,
    pub target: Target,
    pub call: Option<CallId>,
    pub prepared: Prepared,
}

pub struct ImportDialog {
    pub field: ImportField,
    pub path: TextInput,
    /// The mapping file's path; empty: the built-in mapping alone.
    pub mapping: TextInput,
    pub target: Target,
    /// The call applications go to (none when the workspace has no call).
    pub call: Option<CallId>,
    pub skip_invalid: bool,
    /// Folder of a relative path.
    folder: PathBuf,
    path_state: PathState,
    /// Set once the file was read: the report on screen, Enter applies it.
    preview: Option<Preview>,
    scroll: usize,
    /// Why the session refused the import (shown in the dialog, which stays open).
    refusal: Option<String>,
}

impl ImportDialog {
    /// Opens on the Appel tab's call, the path empty.
    pub fn new(ctx: &Context) -> ImportDialog {
        let folder = ctx
            .export_folder
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        ImportDialog {
            field: ImportField::Path,
            path: TextInput::default(),
            mapping: TextInput::default(),
            target: Target::Applications,
            call: ctx.call().map(|c| c.id.clone()),
            skip_invalid: false,
            folder,
            path_state: PathState::Empty,
            preview: None,
            scroll: 0,
            refusal: None,
        }
    }

    pub fn preview(&self) -> Option<&Preview> {
        self.preview.as_ref()
    }

    pub fn path_state(&self) -> PathState {
        self.path_state
    }

    pub fn folder(&self) -> &std::path::Path {
        &self.folder
    }

    pub fn refusal(&self) -> Option<&str> {
        self.refusal.as_deref()
    }

    fn refresh_path_state(&mut self) {
        let text = self.path.text().trim();
        self.path_state = if text.is_empty() {
            PathState::Empty
        } else {
            let path = resolve(text, &self.folder);
            if path.is_dir() {
                PathState::Folder
            } else if path.exists() {
                PathState::File
            } else {
                PathState::Missing
            }
        };
    }

    fn change_choice(&mut self, ctx: &Context, forward: bool) -> Outcome {
        match self.field {
            ImportField::What => {
                self.target = step_in(&[Target::Applications, Target::Sites], self.target, forward);
            }
            ImportField::Call => {
                let calls: Vec<CallId> = calls_by_id(&ctx.workspace)
                    .into_iter()
                    .map(|i| ctx.workspace.calls[i].id.clone())
                    .collect();
                if self.target == Target::Sites || calls.is_empty() {
                    return Outcome::none();
                }
                let current = self.call.clone().unwrap_or_else(|| calls[0].clone());
                let at = calls.iter().position(|c| *c == current).unwrap_or(0);
                let next = step_in(&(0..calls.len()).collect::<Vec<_>>(), at, forward);
                self.call = Some(calls[next].clone());
            }
            ImportField::SkipInvalid => self.skip_invalid = !self.skip_invalid,
            ImportField::Path | ImportField::Mapping => return Outcome::none(),
        }
        Outcome::changed()
    }

    fn path_key(&mut self, action: Action) -> Outcome {
        let input = match self.field {
            ImportField::Mapping => &mut self.mapping,
            _ => &mut self.path,
        };
        match input.line_key(action) {
            Some(LineEdit::Text(true)) => {
                self.refresh_path_state();
                Outcome::changed()
            }
            Some(LineEdit::Cursor(moved)) => Outcome::from(moved),
            Some(LineEdit::Text(false)) | None => Outcome::none(),
        }
    }

    fn form_key(&mut self, ctx: &Context, action: Action) -> Outcome {
        let field = self.field;
        match action {
            Action::Back => Outcome::effect(Effect::Close),
            Action::Text(TextKey::Submit) => self.read(ctx),
            Action::Text(TextKey::NextField) => {
                self.field = step_in(&ImportField::ALL, field, true);
                Outcome::changed()
            }
            Action::Text(TextKey::PreviousField) => {
                self.field = step_in(&ImportField::ALL, field, false);
                Outcome::changed()
            }
            Action::Increase | Action::Decrease | Action::Text(TextKey::Input(' '))
                if !field.is_path() =>
            {
                self.change_choice(ctx, action != Action::Decrease)
            }
            _ if field.is_path() => self.path_key(action),
            _ => Outcome::none(),
        }
    }

    /// Enter on the form: reads the file and plans the import; the report shows, nothing is
    /// written. Every failure names the file and the reason.
    fn read(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let typed = self.path.text().trim();
        if typed.is_empty() {
            return Outcome::error(lang.pick(
                "Indiquez le fichier à importer (champ Fichier).",
                "Give the file to import (File field).",
            ));
        }
        let file = resolve(typed, &self.folder);
        if file.is_dir() {
            return Outcome::error(match lang {
                Lang::Fr => format!(
                    "{} est un dossier\u{a0}: indiquez un fichier CSV, XLSX ou ODS.",
                    file.display()
                ),
                Lang::En => format!(
                    "{} is a folder: give a CSV, XLSX or ODS file.",
                    file.display()
                ),
            });
        }
        let call = match self.target {
            Target::Applications => match &self.call {
                Some(call) => Some(call.clone()),
                None => {
                    return Outcome::error(lang.pick(
                        "Aucun appel dans cet espace de travail\u{a0}: créez-en un (ancrage call create) pour y importer des candidatures.",
                        "No call in this workspace: create one (ancrage call create) to import applications into it.",
                    ));
                }
            },
            Target::Sites => None,
        };
        let bytes = match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(e) => {
                return Outcome::error(match lang {
                    Lang::Fr => format!(
                        "{}\u{a0}: lecture impossible ({})",
                        file.display(),
                        why_unread(&e, lang)
                    ),
                    Lang::En => {
                        format!("{}: cannot read ({})", file.display(), why_unread(&e, lang))
                    }
                });
            }
        };
        let name = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let import_file = ImportFile {
            name: &name,
            bytes: &bytes,
        };
        let mapping = match self.mapping.text().trim() {
            "" => Mapping::default(),
            typed => match Mapping::read(&resolve(typed, &self.folder), self.target, lang) {
                Ok(mapping) => mapping,
                Err(message) => return Outcome::error(message),
            },
        };
        let options = ImportOptions {
            skip_invalid: self.skip_invalid,
            mapping,
        };
        let prepared = match &call {
            Some(call) => {
                // The review the import meets: the session's when it is on that call.
                let saved;
                let review = if ctx.session.as_ref().and_then(|s| s.call()) == Some(call) {
                    ctx.review()
                } else {
                    saved = match load_state(&ctx.workspace_path, call) {
                        Ok(saved) => saved,
                        Err(e) => return Outcome::error(e.message(lang)),
                    };
                    saved.as_ref()
                };
                prepare_applications(&import_file, call, &ctx.workspace, review, &options)
            }
            None => prepare_sites(&import_file, &ctx.workspace, &options),
        };
        match prepared {
            Ok(prepared) => {
                self.preview = Some(Preview {
                    file,
                    name,
                    target: self.target,
                    call,
                    prepared,
                });
                self.scroll = 0;
                self.refusal = None;
                Outcome::changed()
            }
            Err(e) => Outcome::error(e.message(&name, lang)),
        }
    }

    fn preview_key(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        match action {
            Action::Back => {
                self.preview = None;
                self.refusal = None;
                Outcome::changed()
            }
            Action::Confirm => self.apply(ctx),
            other => scroll_key(&mut self.scroll, other, viewport)
                .map(Outcome::from)
                .unwrap_or_default(),
        }
    }

    /// Enter on the report: the import through the session, as one step; the dialog closes
    /// once it is saved and the tab where the records are shows them.
    fn apply(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let Some(preview) = &self.preview else {
            return Outcome::none();
        };
        let report = &preview.prepared.report;
        if report.is_refused() {
            return Outcome::error(lang.pick(
                "Import refusé\u{a0}: rien ne sera écrit. Corrigez le fichier, ou Échap puis «\u{a0}Lignes en erreur\u{a0}: importer les lignes valides\u{a0}».",
                "Import refused: nothing will be written. Fix the file, or Esc then “Rows with errors: import the valid rows”.",
            ));
        }
        let Some(operation) = preview.prepared.operation.clone() else {
            return Outcome::effects(vec![
                Effect::Close,
                Effect::Info(
                    lang.pick(
                        "Rien à changer\u{a0}: l’espace de travail est déjà à jour.",
                        "Nothing to change: the workspace is already up to date.",
                    )
                    .to_owned(),
                ),
            ]);
        };
        let tab = match preview.target {
            Target::Applications => Tab::Call,
            Target::Sites => Tab::Sites,
        };
        let apply = Effect::Apply {
            operation,
            done: done(preview, lang),
            then: vec![Effect::Close, Effect::SwitchTab(tab)],
        };
        match &preview.call {
            // The import's review change is for its call: the session moves there first.
            Some(call) => Outcome::effect(Effect::InCall(call.clone(), vec![apply])),
            None => Outcome::effect(apply),
        }
    }
}

/// Why a file could not be read, in the officer's language for the usual reasons (the
/// system's own words otherwise).
fn why_unread(error: &std::io::Error, lang: Lang) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => lang
            .pick("aucun fichier à ce chemin", "no file at this path")
            .to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            lang.pick("accès refusé", "permission denied").to_owned()
        }
        _ => io_message(error, lang),
    }
}

/// « import de candidatures.csv — 3 créée(s), 1 mise(s) à jour, 4 candidature(s) ajoutée(s)
/// (u pour annuler) ».
fn done(preview: &Preview, lang: Lang) -> String {
    let r = &preview.prepared.report;
    let name = crate::i18n::printable(&preview.name).into_owned();
    match (preview.target, lang) {
        (Target::Applications, Lang::Fr) => format!(
            "import de {name} — {} structure(s) créée(s), {} mise(s) à jour, {} candidature(s) ajoutée(s) (u pour annuler)",
            r.created, r.updated, r.applications_added
        ),
        (Target::Applications, Lang::En) => format!(
            "import of {name} — {} structure(s) created, {} updated, {} application(s) added (u to undo)",
            r.created, r.updated, r.applications_added
        ),
        (Target::Sites, Lang::Fr) => format!(
            "import de {name} — {} lieu(x) créé(s), {} mis à jour (u pour annuler)",
            r.created, r.updated
        ),
        (Target::Sites, Lang::En) => format!(
            "import of {name} — {} site(s) created, {} updated (u to undo)",
            r.created, r.updated
        ),
    }
}

impl Dialog for ImportDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Import
    }

    fn scope(&self) -> Scope {
        match &self.preview {
            None => Scope::Import,
            // Refused rows: nothing can be written, Enter is not offered.
            Some(preview) if preview.prepared.report.is_refused() => Scope::ImportReport,
            Some(_) => Scope::ImportPreview,
        }
    }

    fn update(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        if self.preview.is_some() {
            self.preview_key(ctx, action, viewport)
        } else {
            self.form_key(ctx, action)
        }
    }

    /// The session refused the import (a broken file in the way, read-only…): the report
    /// stays, with the reason.
    fn refused(&mut self, message: &str) -> bool {
        self.refusal = Some(message.to_owned());
        true
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) {
        view::render(self, ctx, frame, area, ui);
    }
}
