//! The import dialog drawn: the form (file, content, call, rows with errors) and, once the
//! file is read, the report below it — scrolled, never cut — with what Enter will do.

use crate::i18n::Lang;
use crate::import::field::Target;
use crate::tui::context::Context;
use crate::tui::dialogs::import::{ImportDialog, ImportField, PathState, Preview};
use crate::tui::shared::scroll::{self, hanging};
use crate::tui::shared::text_input::TextInput;
use crate::tui::ui_state::UiState;
use crate::tui::widgets::choices::choice_line;
use crate::tui::widgets::cut::around as fit;
use crate::tui::widgets::{popup, safe, style};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

const CARET: char = '▏';
const LABEL_WIDTH: usize = 18;

fn target_label(target: Target, lang: Lang) -> &'static str {
    match target {
        Target::Applications => lang.pick(
            "candidatures (structures, dans un appel)",
            "applications (structures, into a call)",
        ),
        Target::Sites => lang.pick("lieux et leurs lots", "sites and their lots"),
    }
}

fn call_label(ctx: &Context, dialog: &ImportDialog) -> String {
    let lang = ctx.lang;
    if dialog.target == Target::Sites {
        return lang
            .pick("— (sans objet pour des lieux)", "— (not for sites)")
            .to_owned();
    }
    match &dialog.call {
        Some(id) => ctx
            .workspace
            .call(id)
            .map_or_else(|| id.to_string(), |c| c.title.clone()),
        None => lang.pick("aucun appel", "no call").to_owned(),
    }
}

fn skip_label(skip: bool, lang: Lang) -> &'static str {
    if skip {
        lang.pick("importer les lignes valides", "import the valid rows")
    } else {
        lang.pick(
            "tout refuser s’il y en a une",
            "refuse everything if there is one",
        )
    }
}

/// A path field's line: its label, then the path with the caret when it has the keys (cut
/// around the caret to fit), else `placeholder` when empty.
fn path_line(
    input: &TextInput,
    label: &str,
    on: bool,
    placeholder: &str,
    width: usize,
) -> Line<'static> {
    let label = format!("{}{:<LABEL_WIDTH$}", if on { "▸ " } else { "  " }, label);
    let label_style = if on {
        style::selected()
    } else {
        Style::default()
    };
    let room = width.saturating_sub(LABEL_WIDTH + 2);
    if !on && input.text().is_empty() {
        return Line::from(vec![
            Span::styled(label, label_style),
            Span::styled(fit(placeholder, 0, room), style::dim()),
        ]);
    }
    let (path, caret) = if on {
        (input.lines_with_caret(CARET).join(" "), input.cursor())
    } else {
        (input.text().to_owned(), input.text().chars().count())
    };
    Line::from(vec![
        Span::styled(label, label_style),
        Span::styled(fit(&path, caret, room), style::bold()),
    ])
}

/// The form's lines; `editing` shows the caret and the field under the keys.
fn form(ctx: &Context, dialog: &ImportDialog, width: usize, editing: bool) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let on = |field| editing && dialog.field == field;
    let mut lines = vec![path_line(
        &dialog.path,
        ImportField::Path.label(lang),
        on(ImportField::Path),
        "",
        width,
    )];
    let warning = match dialog.path_state() {
        PathState::Missing => Some(lang.pick(
            "  ⚠ Aucun fichier à ce chemin.",
            "  ⚠ No file at this path.",
        )),
        PathState::Folder => Some(lang.pick(
            "  ⚠ C’est un dossier\u{a0}: ajoutez le nom du fichier.",
            "  ⚠ This is a folder: add the file name.",
        )),
        PathState::Empty | PathState::File => None,
    };
    if let Some(warning) = warning
        && editing
    {
        lines.push(Line::styled(warning, style::error()));
    }
    lines.push(choice_line(
        on(ImportField::What),
        ImportField::What.label(lang),
        LABEL_WIDTH,
        target_label(dialog.target, lang),
    ));
    lines.push(choice_line(
        on(ImportField::Call),
        ImportField::Call.label(lang),
        LABEL_WIDTH,
        &call_label(ctx, dialog),
    ));
    lines.push(path_line(
        &dialog.mapping,
        ImportField::Mapping.label(lang),
        on(ImportField::Mapping),
        lang.pick(
            "aucune (facultatif\u{a0}: fichier .toml)",
            "none (optional: a .toml file)",
        ),
        width,
    ));
    lines.push(choice_line(
        on(ImportField::SkipInvalid),
        ImportField::SkipInvalid.label(lang),
        LABEL_WIDTH,
        skip_label(dialog.skip_invalid, lang),
    ));
    lines
}

/// The report as the command line prints it, each line wrapped under its own indent.
fn report_lines(preview: &Preview, width: usize, lang: Lang) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        lang.pick(
            "Aperçu — rien n’est encore écrit",
            "Preview — nothing is written yet",
        ),
        style::header(),
    )];
    for line in preview.prepared.report.render(lang).lines() {
        let text = line.trim_start();
        let lead = " ".repeat(line.len() - text.len());
        let heading = lead.is_empty() && text.ends_with(':');
        let style = if heading {
            style::bold()
        } else {
            Style::default()
        };
        lines.extend(hanging(text, &lead, width, style));
    }
    lines
}

/// What Enter does now, in words (bold: the officer must read it before pressing).
fn outcome(dialog: &ImportDialog, preview: &Preview, lang: Lang) -> Line<'static> {
    let report = &preview.prepared.report;
    if let Some(refusal) = dialog.refusal() {
        return Line::styled(format!("⚠ {refusal}"), style::error());
    }
    if report.is_refused() {
        // A mandatory column missing refuses every row: importing « the valid rows » would not
        // help, naming the column would.
        let missing_column = report
            .errors()
            .any(|p| p.expected == crate::import::problem::Expected::Column);
        return Line::styled(
            match (missing_column, lang) {
                (true, Lang::Fr) => {
                    "⚠ Import refusé\u{a0}: rien ne sera écrit. Corrigez le fichier, ou Échap puis nommez la colonne dans le fichier de «\u{a0}Correspondance\u{a0}»."
                }
                (true, Lang::En) => {
                    "⚠ Import refused: nothing will be written. Fix the file, or Esc then name the column in the “Mapping” file."
                }
                (false, Lang::Fr) => {
                    "⚠ Import refusé\u{a0}: rien ne sera écrit. Corrigez le fichier, ou Échap puis «\u{a0}Lignes en erreur\u{a0}: importer les lignes valides\u{a0}»."
                }
                (false, Lang::En) => {
                    "⚠ Import refused: nothing will be written. Fix the file, or Esc then “Rows with errors: import the valid rows”."
                }
            },
            style::error(),
        );
    }
    if preview.prepared.operation.is_none() {
        return Line::styled(
            lang.pick(
                "Rien à changer\u{a0}: l’espace de travail est déjà à jour (Entrée ferme).",
                "Nothing to change: the workspace is already up to date (Enter closes).",
            ),
            style::bold(),
        );
    }
    Line::styled(
        lang.pick(
            "Entrée importe\u{a0}: une seule étape du journal, annulable d’un coup avec u.",
            "Enter imports: one journal step, undone at once with u.",
        ),
        style::bold(),
    )
}

fn hint(dialog: &ImportDialog, lang: Lang) -> Line<'static> {
    let text = if let Some(preview) = dialog.preview() {
        if preview.prepared.report.is_refused() {
            lang.pick(
                "↑↓ défiler · Échap revenir au formulaire",
                "↑↓ scroll · Esc back to the form",
            )
        } else {
            lang.pick(
                "↑↓ défiler · Entrée importer · Échap revenir au formulaire",
                "↑↓ scroll · Enter import · Esc back to the form",
            )
        }
    } else {
        lang.pick(
            "↑↓ champ · ←→ ou Espace changer · Entrée aperçu · Échap fermer",
            "↑↓ field · ←→ or Space change · Enter preview · Esc close",
        )
    };
    Line::styled(text, style::dim())
}

/// Where a relative path is taken from, and what is read.
fn folder_note(dialog: &ImportDialog, width: usize, lang: Lang) -> Vec<Line<'static>> {
    let text = match lang {
        Lang::Fr => format!(
            "Chemin relatif à {} (~/ pour le dossier personnel) · CSV, XLSX ou ODS, exports de Démarches Simplifiées, Framaforms, Google Forms ou tableur (modèle\u{a0}: ancrage import template).",
            dialog.folder().display()
        ),
        Lang::En => format!(
            "Path relative to {} (~/ for the home folder) · CSV, XLSX or ODS, exports of Démarches Simplifiées, Framaforms, Google Forms or a spreadsheet (template: ancrage import template).",
            dialog.folder().display()
        ),
    };
    hanging(&text, "", width, style::dim())
}

pub fn render(
    dialog: &ImportDialog,
    ctx: &Context,
    frame: &mut Frame,
    area: Rect,
    ui: &mut UiState,
) {
    let lang = ctx.lang;
    let popup_width = popup::centered(area, 104, 1).width;
    // The inside of the popup, one column kept free on the right.
    let width = usize::from(popup_width.saturating_sub(3));
    let editing = dialog.preview().is_none();
    let form = safe::lines(form(ctx, dialog, width, editing));
    let form_height = u16::try_from(form.len()).unwrap_or(u16::MAX);
    let title = Line::styled(
        format!(
            " {} ",
            lang.pick(
                "Importer des candidatures ou des lieux",
                "Import applications or sites"
            )
        ),
        style::bold(),
    );
    match dialog.preview() {
        None => {
            let mut lines = form;
            lines.push(Line::from(""));
            lines.extend(folder_note(dialog, width, lang));
            lines.push(Line::from(""));
            lines.push(hint(dialog, lang));
            let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
            let inner =
                popup::frame_popup(frame, popup::centered(area, popup_width, height), title);
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        }
        Some(preview) => {
            let report = report_lines(preview, width, lang);
            let footer = safe::lines(vec![outcome(dialog, preview, lang), hint(dialog, lang)]);
            let footer_height: usize = footer
                .iter()
                .map(|l| l.width().div_ceil(width.max(1)).max(1))
                .sum();
            let wanted = usize::from(form_height) + 1 + report.len() + footer_height + 2;
            let height = u16::try_from(wanted).unwrap_or(u16::MAX);
            let outer = popup::centered(area, popup_width, height);
            let inner = popup::frame_popup(frame, outer, title);
            let [top, middle, bottom] = Layout::vertical([
                Constraint::Length(form_height + 1),
                Constraint::Fill(1),
                Constraint::Length(u16::try_from(footer_height).unwrap_or(2)),
            ])
            .areas(inner);
            frame.render_widget(Paragraph::new(form), top);
            let total = report.len();
            scroll::render(report, dialog.scroll, frame, middle, ui);
            scroll::mark_position(frame, outer, dialog.scroll, total, middle.height, lang);
            frame.render_widget(Paragraph::new(footer).wrap(Wrap { trim: false }), bottom);
        }
    }
}
