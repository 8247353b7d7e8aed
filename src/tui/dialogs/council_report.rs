//! `e` on Territoire: the yearly report for the territorial council, in a popup that behaves
//! like the jury export (same keys, same questions — personal data, replacing a file — and
//! « Export en cours… » before the file is written): a format among the report's four, the
//! year, personal data (out unless the officer says yes), the file. The report itself is
//! `export::council`, as `ancrage report` writes it.

use crate::export::Format;
use crate::export::council::{self, CouncilOptions};
use crate::i18n::Lang;
use crate::tui::action::{Action, TextKey};
use crate::tui::component::{Dialog, DialogKind, Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::export::view::{draw_question, hint};
use crate::tui::dialogs::export::{Question, resolve, swap_extension};
use crate::tui::keymap::Scope;
use crate::tui::shared::export_choices::{format_label, step_in};
use crate::tui::shared::text_input::{LineEdit, TextInput};
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::choices::choice_line;
use crate::tui::widgets::cut::around as fit;
use crate::tui::widgets::{popup, safe, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use std::path::{Path, PathBuf};

const LABEL_WIDTH: usize = 22;
const CARET: char = '▏';

/// A report handed over to be written once « Export en cours… » is on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportJob {
    pub options: CouncilOptions,
    pub format: Format,
    pub output: PathBuf,
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Format,
    Year,
    PersonalData,
    Path,
}

impl Field {
    const ALL: [Field; 4] = [Field::Format, Field::Year, Field::PersonalData, Field::Path];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Format => "Format",
            Field::Year => lang.pick("Année", "Year"),
            Field::PersonalData => lang.pick("Données personnelles", "Personal data"),
            Field::Path => lang.pick("Fichier", "File"),
        }
    }
}

pub struct CouncilReportDialog {
    pub year: i32,
    pub field: Field,
    pub format: Format,
    /// True only once the officer said yes to the question.
    pub personal_data: bool,
    pub path: TextInput,
    folder: PathBuf,
    path_exists: bool,
    question: Option<Question>,
    running: bool,
}

impl CouncilReportDialog {
    /// The report of `year`, in XLSX, in the export folder under its usual name.
    pub fn new(ctx: &Context, year: i32) -> CouncilReportDialog {
        let folder = ctx
            .export_folder
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let format = Format::Xlsx;
        let path = folder.join(council::default_file_name(year, ctx.today, format));
        let mut dialog = CouncilReportDialog {
            year,
            field: Field::Format,
            format,
            personal_data: false,
            path: TextInput::with_text(&path.display().to_string()),
            folder,
            path_exists: false,
            question: None,
            running: false,
        };
        dialog.refresh_exists();
        dialog
    }

    pub fn question(&self) -> Option<&Question> {
        self.question.as_ref()
    }

    fn refresh_exists(&mut self) {
        self.path_exists = resolve(self.path.text(), &self.folder)
            .symlink_metadata()
            .is_ok();
    }

    /// The usual name follows the year when the officer did not rename the file.
    fn set_year(&mut self, ctx: &Context, year: i32) {
        let old = council::default_file_name(self.year, ctx.today, self.format);
        let new = council::default_file_name(year, ctx.today, self.format);
        if let Some(folder) = self.path.text().strip_suffix(&old) {
            self.path = TextInput::with_text(&format!("{folder}{new}"));
        }
        self.year = year;
        self.refresh_exists();
    }

    fn change_choice(&mut self, ctx: &Context, forward: bool) -> Outcome {
        match self.field {
            Field::Format => {
                let next = step_in(&council::FORMATS, self.format, forward);
                if let Some(path) = swap_extension(self.path.text(), self.format, next) {
                    self.path = TextInput::with_text(&path);
                }
                self.format = next;
                self.refresh_exists();
            }
            Field::Year => self.set_year(ctx, self.year + if forward { 1 } else { -1 }),
            Field::PersonalData => {
                if self.personal_data {
                    self.personal_data = false;
                } else {
                    self.question = Some(Question::PersonalData);
                }
            }
            Field::Path => return Outcome::none(),
        }
        Outcome::changed()
    }

    fn path_key(&mut self, action: Action) -> Outcome {
        match self.path.line_key(action) {
            Some(LineEdit::Text(true)) => {
                self.refresh_exists();
                Outcome::changed()
            }
            Some(LineEdit::Cursor(moved)) => Outcome::from(moved),
            Some(LineEdit::Text(false)) | None => Outcome::none(),
        }
    }

    fn question_key(&mut self, ctx: &Context, question: Question, action: Action) -> Outcome {
        let lang = ctx.lang;
        self.question = None;
        match (question, action) {
            (Question::PersonalData, Action::Confirm) => {
                self.personal_data = true;
                Outcome::changed()
            }
            (Question::PersonalData, _) => {
                Outcome::info(lang.pick("Sans données personnelles.", "Without personal data."))
            }
            (Question::Overwrite(_), Action::Confirm) => self.start(ctx, true),
            (Question::Overwrite(_), _) => Outcome::info(lang.pick(
                "Fichier conservé\u{a0}: rien n’a été remplacé (changez le nom pour exporter à côté).",
                "File kept: nothing was replaced (change the name to export beside it).",
            )),
        }
    }

    /// Enter: asks before replacing a file, then hands the report over with « Export en
    /// cours… ».
    fn start(&mut self, ctx: &Context, force: bool) -> Outcome {
        let lang = ctx.lang;
        if self.running {
            return Outcome::none();
        }
        if self.path.text().trim().is_empty() {
            return Outcome::error(lang.pick(
                "Indiquez le fichier à écrire (champ Fichier).",
                "Give the file to write (File field).",
            ));
        }
        let output = resolve(self.path.text(), &self.folder);
        if output.is_dir() {
            return Outcome::error(match lang {
                Lang::Fr => format!(
                    "{} est un dossier\u{a0}: ajoutez un nom de fichier.",
                    output.display()
                ),
                Lang::En => format!("{} is a folder: add a file name.", output.display()),
            });
        }
        if !force && output.symlink_metadata().is_ok() {
            self.question = Some(Question::Overwrite(output));
            return Outcome::changed();
        }
        self.running = true;
        Outcome::effects(vec![
            Effect::WriteReport(ReportJob {
                options: CouncilOptions {
                    year: self.year,
                    today: ctx.today,
                    lang,
                    with_personal_data: self.personal_data,
                },
                format: self.format,
                output,
                force,
            }),
            Effect::Info(lang.pick("Export en cours…", "Exporting…").to_owned()),
        ])
    }

    fn lines(&self, ctx: &Context, width: usize) -> Vec<Line<'static>> {
        let lang = ctx.lang;
        let personal = if self.personal_data {
            lang.pick("oui (contacts inclus)", "yes (contacts included)")
        } else {
            lang.pick("non", "no")
        };
        let mut lines = vec![
            Line::styled(ctx.workspace.territory.name.clone(), style::bold()),
            Line::styled(
                lang.pick(
                    "Placements, m², emplois, parcours, alertes, fonds à impact par zone.",
                    "Placements, m², jobs, pathway moves, alerts, impact fund by zone.",
                ),
                style::dim(),
            ),
            Line::from(""),
            choice_line(
                self.field == Field::Format,
                Field::Format.label(lang),
                LABEL_WIDTH,
                format_label(self.format, lang),
            ),
            choice_line(
                self.field == Field::Year,
                Field::Year.label(lang),
                LABEL_WIDTH,
                &self.year.to_string(),
            ),
            choice_line(
                self.field == Field::PersonalData,
                Field::PersonalData.label(lang),
                LABEL_WIDTH,
                personal,
            ),
        ];
        let on_path = self.field == Field::Path;
        let label = format!(
            "{}{:<LABEL_WIDTH$}",
            if on_path { "▸ " } else { "  " },
            Field::Path.label(lang)
        );
        let (path, caret) = if on_path {
            (
                self.path.lines_with_caret(CARET).join(" "),
                self.path.cursor(),
            )
        } else {
            let text = self.path.text().to_owned();
            let end = text.chars().count();
            (text, end)
        };
        let path = fit(&path, caret, width.saturating_sub(LABEL_WIDTH + 2));
        lines.push(Line::from(vec![
            Span::styled(
                label,
                if on_path {
                    style::selected()
                } else {
                    Default::default()
                },
            ),
            Span::styled(path, style::bold()),
        ]));
        if self.path_exists {
            lines.push(Line::styled(
                lang.pick(
                    "  ⚠ Ce fichier existe déjà\u{a0}: Entrée demandera avant de le remplacer.",
                    "  ⚠ This file already exists: Enter will ask before replacing it.",
                ),
                style::error(),
            ));
        }
        if self.running {
            lines.push(Line::from(""));
            lines.push(Line::styled(
                lang.pick("Export en cours…", "Exporting…"),
                style::bold(),
            ));
        }
        lines.push(Line::from(""));
        lines.push(hint(lang));
        lines
    }
}

impl Dialog for CouncilReportDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::CouncilReport
    }

    fn scope(&self) -> Scope {
        if self.question.is_some() {
            Scope::Confirm
        } else {
            Scope::Export
        }
    }

    fn update(&mut self, ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        if let Some(question) = self.question.clone() {
            return self.question_key(ctx, question, action);
        }
        let at = Field::ALL
            .iter()
            .position(|f| *f == self.field)
            .unwrap_or(0);
        match action {
            Action::Back => Outcome::effect(Effect::Close),
            Action::Text(TextKey::Submit) => self.start(ctx, false),
            Action::Text(TextKey::NextField) => {
                self.field = Field::ALL[(at + 1) % Field::ALL.len()];
                Outcome::changed()
            }
            Action::Text(TextKey::PreviousField) => {
                self.field = Field::ALL[(at + Field::ALL.len() - 1) % Field::ALL.len()];
                Outcome::changed()
            }
            Action::Increase | Action::Decrease | Action::Text(TextKey::Input(' '))
                if self.field != Field::Path =>
            {
                self.change_choice(ctx, action != Action::Decrease)
            }
            _ if self.field == Field::Path => self.path_key(action),
            _ => Outcome::none(),
        }
    }

    /// Writing failed (or the file appeared meanwhile): the dialog stays, ready again.
    fn refused(&mut self, _message: &str) -> bool {
        self.running = false;
        self.refresh_exists();
        false
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let width = popup::centered(area, 96, 1).width.saturating_sub(2);
        let lines = self.lines(ctx, usize::from(width));
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let dialog_area = popup::centered(area, 96, height);
        let title = format!(
            " {} ",
            lang.pick(
                "Rapport annuel au conseil territorial",
                "Yearly report for the territorial council"
            )
        );
        let inner = popup::frame_popup(frame, dialog_area, Line::styled(title, style::bold()));
        frame.render_widget(
            Paragraph::new(safe::lines(lines)).wrap(Wrap { trim: false }),
            inner,
        );
        if let Some(asked) = &self.question {
            draw_question(ctx, frame, area, asked);
        }
    }
}

/// « Rapport écrit : /chemin/rapport-conseil-2026-….xlsx (année 2026, sans données
/// personnelles) ».
pub fn done(path: &Path, year: i32, personal_data: bool, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::Fr => format!(
            "Rapport écrit\u{a0}: {path} (année {year}, {} données personnelles)",
            if personal_data { "avec" } else { "sans" }
        ),
        Lang::En => format!(
            "Report written: {path} (year {year}, {} personal data)",
            if personal_data { "with" } else { "without" }
        ),
    }
}
