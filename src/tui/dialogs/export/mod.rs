//! The cockpit's export dialog (`e`): a jury file of the current call, in a format, for a
//! scope (the shortlist, the Appel tab's filtered rows, or its selected rows), with or without
//! personal data, at a path the officer can edit.
//!
//! Two questions use the confirmation keys (`o` / `n`): including personal data, and replacing
//! a file that exists (never silently). Enter does not write at once: it hands the export to
//! `App`, which draws « Export en cours… » and only then writes it, so the officer sees that
//! something is happening while a large file is written. The export itself is
//! `export::export_loaded`, as on the command line.

pub(crate) mod view;

use crate::export::report::ReportOptions;
use crate::export::{ExportOptions, Exported, Format, default_file_name};
use crate::i18n::Lang;
use crate::review::{AppKey, Status};
use crate::tui::action::{Action, TextKey};
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::shared::export_choices::{ExportChoices, ExportField, ExportScope, step_in};
use crate::tui::shared::text_input::{LineEdit, TextInput};
use crate::tui::text::Msg;
use crate::tui::ui_state::{UiState, Viewport};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A question asked over the dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    PersonalData,
    /// Replace this existing file?
    Overwrite(PathBuf),
}

pub struct ExportDialog {
    pub choices: ExportChoices,
    /// The path names an existing file (worked out when it changes, not at each frame).
    path_exists: bool,
    /// Folder of a relative path.
    folder: PathBuf,
    /// The Appel tab's rows now, and its selection (the hand-picked scopes).
    filtered: BTreeSet<AppKey>,
    selected: BTreeSet<AppKey>,
    question: Option<Question>,
    /// Handed over to be written; « Export en cours… » shows until it is done.
    running: bool,
}

/// The path the officer means: `~/` is the home folder, a relative path is taken in `folder`.
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
pub(crate) fn swap_extension(path: &str, from: Format, to: Format) -> Option<String> {
    let stem = path.strip_suffix(&format!(".{}", from.extension()))?;
    Some(format!("{stem}.{}", to.extension()))
}

impl ExportDialog {
    /// Opens on the current call (as it was left, if `last` was for this call); none when the
    /// workspace has no call.
    pub fn open(
        ctx: &Context,
        last: Option<ExportChoices>,
        filtered: BTreeSet<AppKey>,
        selected: BTreeSet<AppKey>,
    ) -> Option<ExportDialog> {
        let call = ctx.call()?.id.clone();
        let folder = ctx
            .export_folder
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let choices = last.filter(|c| c.call == call).unwrap_or_else(|| {
            let format = Format::Xlsx;
            let path = folder.join(default_file_name(&call, ctx.today, format));
            ExportChoices {
                call,
                field: ExportField::Format,
                format,
                scope: ExportScope::Shortlist,
                personal_data: false,
                path: TextInput::with_text(&path.display().to_string()),
            }
        });
        let mut dialog = ExportDialog {
            choices,
            path_exists: false,
            folder,
            filtered,
            selected,
            question: None,
            running: false,
        };
        dialog.refresh_exists();
        Some(dialog)
    }

    /// The question being asked over the dialog, if any.
    pub fn question(&self) -> Option<&Question> {
        self.question.as_ref()
    }

    fn refresh_exists(&mut self) {
        self.path_exists = resolve(self.choices.path.text(), &self.folder)
            .symlink_metadata()
            .is_ok();
    }

    /// How many applications each scope holds now (none when the review could not be opened).
    pub fn scope_count(&self, ctx: &Context, scope: ExportScope) -> Option<usize> {
        match scope {
            ExportScope::Shortlist => ctx
                .review()
                .map(|s| s.with_status(Status::Preselectionne).count()),
            ExportScope::Filtered => Some(self.filtered.len()),
            ExportScope::Selected => Some(self.selected.len()),
        }
    }

    /// The applications of a hand-picked scope; none for the shortlist.
    fn chosen(&self) -> Option<BTreeSet<AppKey>> {
        match self.choices.scope {
            ExportScope::Shortlist => None,
            ExportScope::Filtered => Some(self.filtered.clone()),
            ExportScope::Selected => Some(self.selected.clone()),
        }
    }

    fn remember(&self) -> Effect {
        Effect::RememberExport(self.choices.clone())
    }

    fn question_key(&mut self, ctx: &Context, question: Question, action: Action) -> Outcome {
        let lang = ctx.lang;
        match (question, action) {
            (Question::PersonalData, Action::Confirm) => {
                self.question = None;
                self.choices.personal_data = true;
                Outcome::changed()
            }
            (Question::PersonalData, Action::Deny | Action::Back) => {
                self.question = None;
                Outcome::info(lang.pick("Sans données personnelles.", "Without personal data."))
            }
            (Question::Overwrite(_), Action::Confirm) => {
                self.question = None;
                self.start(ctx, true)
            }
            (Question::Overwrite(_), Action::Deny | Action::Back) => {
                self.question = None;
                Outcome::info(lang.pick(
                    "Fichier conservé\u{a0}: rien n’a été remplacé (changez le nom pour exporter à côté).",
                    "File kept: nothing was replaced (change the name to export beside it).",
                ))
            }
            _ => Outcome::none(),
        }
    }

    fn change_choice(&mut self, field: ExportField, forward: bool) -> Outcome {
        let choices = &mut self.choices;
        match field {
            ExportField::Format => {
                let next = step_in(&Format::ALL, choices.format, forward);
                if let Some(path) = swap_extension(choices.path.text(), choices.format, next) {
                    choices.path = TextInput::with_text(&path);
                }
                choices.format = next;
                self.refresh_exists();
            }
            ExportField::Scope => {
                choices.scope = step_in(&ExportScope::ALL, choices.scope, forward);
            }
            ExportField::PersonalData => {
                if choices.personal_data {
                    choices.personal_data = false;
                } else {
                    // Only a yes to the question puts contacts in the file.
                    self.question = Some(Question::PersonalData);
                    return Outcome::changed();
                }
            }
            ExportField::Path => return Outcome::none(),
        }
        Outcome::changed()
    }

    fn path_key(&mut self, action: Action) -> Outcome {
        match self.choices.path.line_key(action) {
            Some(LineEdit::Text(true)) => {
                self.refresh_exists();
                Outcome::changed()
            }
            Some(LineEdit::Cursor(moved)) => Outcome::from(moved),
            Some(LineEdit::Text(false)) | None => Outcome::none(),
        }
    }

    /// Enter: checks what can be checked at once, asks before replacing a file, then hands the
    /// export over with « Export en cours… ».
    fn start(&mut self, ctx: &Context, force: bool) -> Outcome {
        let lang = ctx.lang;
        if self.running {
            return Outcome::none();
        }
        if self.choices.path.text().trim().is_empty() {
            return Outcome::error(lang.pick(
                "Indiquez le fichier à écrire (champ Fichier).",
                "Give the file to write (File field).",
            ));
        }
        let output = resolve(self.choices.path.text(), &self.folder);
        if output.is_dir() {
            return Outcome::error(match lang {
                Lang::Fr => format!(
                    "{} est un dossier\u{a0}: ajoutez un nom de fichier.",
                    output.display()
                ),
                Lang::En => format!("{} is a folder: add a file name.", output.display()),
            });
        }
        if self.choices.scope == ExportScope::Selected && self.selected.is_empty() {
            return Outcome::error(lang.pick(
                "Aucune ligne sélectionnée\u{a0}: Espace sélectionne une candidature dans l’onglet Appel.",
                "No row selected: Space selects an application in the Call tab.",
            ));
        }
        if !force && output.symlink_metadata().is_ok() {
            self.question = Some(Question::Overwrite(output));
            return Outcome::changed();
        }
        self.running = true;
        Outcome::effects(vec![
            Effect::Export(ExportOptions {
                call: self.choices.call.clone(),
                format: self.choices.format,
                report: ReportOptions {
                    only: self.chosen(),
                    with_personal_data: self.choices.personal_data,
                    ..ReportOptions::shortlist(lang, ctx.today)
                },
                output,
                force,
            }),
            Effect::Info(lang.pick("Export en cours…", "Exporting…").to_owned()),
        ])
    }
}

impl ExportDialog {
    fn handle(&mut self, ctx: &Context, action: Action) -> Outcome {
        if let Some(question) = self.question.clone() {
            return self.question_key(ctx, question, action);
        }
        let field = self.choices.field;
        match action {
            Action::Back => Outcome::effect(Effect::Close),
            Action::Text(TextKey::Submit) => self.start(ctx, false),
            Action::Text(TextKey::NextField) => {
                self.choices.field = field.step(true);
                Outcome::changed()
            }
            Action::Text(TextKey::PreviousField) => {
                self.choices.field = field.step(false);
                Outcome::changed()
            }
            Action::Increase | Action::Decrease | Action::Text(TextKey::Input(' '))
                if field != ExportField::Path =>
            {
                self.change_choice(field, action != Action::Decrease)
            }
            _ if field == ExportField::Path => self.path_key(action),
            _ => Outcome::none(),
        }
    }
}

impl Dialog for ExportDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Export
    }

    fn scope(&self) -> Scope {
        if self.question.is_some() {
            // The same yes/no keys as every other question.
            Scope::Confirm
        } else {
            Scope::Export
        }
    }

    fn update(&mut self, ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        let outcome = self.handle(ctx, action);
        // Whatever changed is kept, so `e` reopens the dialog as it was left.
        if outcome.changed {
            outcome.with(self.remember())
        } else {
            outcome
        }
    }

    /// The export failed (or the file appeared meanwhile): the dialog stays, ready again; the
    /// status line says why.
    fn refused(&mut self, _message: &str) -> bool {
        self.running = false;
        self.refresh_exists();
        false
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        view::render(self, ctx, frame, area);
    }
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
                Msg::ApplicationOne.get(lang)
            } else {
                Msg::Applications.get(lang)
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
