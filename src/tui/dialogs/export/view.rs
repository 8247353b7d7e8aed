//! The export dialog in a popup: format, scope (with how many applications each holds),
//! personal data, the file; and its two questions (personal data, replacing a file) drawn
//! over it like every other question.

use crate::i18n::Lang;
use crate::tui::context::Context;
use crate::tui::dialogs::export::{ExportDialog, Question};
use crate::tui::shared::export_choices::{
    ExportField as Field, ExportScope as Scope, format_label,
};
use crate::tui::widgets::choices::choice_line;
use crate::tui::widgets::cut::around as fit;
use crate::tui::widgets::safe;
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

const CARET: char = '▏';
const LABEL_WIDTH: usize = 22;

fn scope_value(ctx: &Context, dialog: &ExportDialog, scope: Scope) -> String {
    let label = scope.label(ctx.lang);
    match dialog.scope_count(ctx, scope) {
        Some(n) => format!("{label} ({n})"),
        None => label.to_owned(),
    }
}

pub(crate) fn hint(lang: Lang) -> Line<'static> {
    Line::styled(
        lang.pick(
            "↑↓ champ · ←→ ou Espace changer · Entrée exporter · Échap fermer",
            "↑↓ field · ←→ or Space change · Enter export · Esc close",
        ),
        style::dim(),
    )
}

/// `width`: the inside of the popup, for the path field.
fn lines(ctx: &Context, dialog: &ExportDialog, width: usize) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let choices = &dialog.choices;
    let title = ctx
        .workspace
        .call(&choices.call)
        .map_or(choices.call.as_str(), |c| c.title.as_str());
    let personal = if choices.personal_data {
        lang.pick("oui (contacts inclus)", "yes (contacts included)")
    } else {
        lang.pick("non", "no")
    };
    let mut lines = vec![
        Line::styled(
            format!("{}{title}", lang.pick("Appel\u{a0}: ", "Call: ")),
            style::bold(),
        ),
        Line::from(""),
        choice_line(
            choices.field == Field::Format,
            Field::Format.label(lang),
            LABEL_WIDTH,
            format_label(choices.format, lang),
        ),
        choice_line(
            choices.field == Field::Scope,
            Field::Scope.label(lang),
            LABEL_WIDTH,
            &scope_value(ctx, dialog, choices.scope),
        ),
        choice_line(
            choices.field == Field::PersonalData,
            Field::PersonalData.label(lang),
            LABEL_WIDTH,
            personal,
        ),
    ];
    let on_path = choices.field == Field::Path;
    let label = format!(
        "{}{:<LABEL_WIDTH$}",
        if on_path { "▸ " } else { "  " },
        Field::Path.label(lang)
    );
    let path = if on_path {
        choices.path.lines_with_caret(CARET).join(" ")
    } else {
        choices.path.text().to_owned()
    };
    let caret = if on_path {
        choices.path.cursor()
    } else {
        path.chars().count()
    };
    let path = fit(&path, caret, width.saturating_sub(LABEL_WIDTH + 2));
    let label_style = if on_path {
        style::selected()
    } else {
        Default::default()
    };
    lines.push(Line::from(vec![
        Span::styled(label, label_style),
        Span::styled(path, style::bold()),
    ]));
    if dialog.path_exists {
        lines.push(Line::styled(
            lang.pick(
                "  ⚠ Ce fichier existe déjà\u{a0}: Entrée demandera avant de le remplacer.",
                "  ⚠ This file already exists: Enter will ask before replacing it.",
            ),
            style::error(),
        ));
    }
    if dialog.running {
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

pub(crate) fn question(ctx: &Context, question: &Question) -> String {
    let lang = ctx.lang;
    match question {
        Question::PersonalData => lang
            .pick(
                "Inclure les données personnelles (contacts)\u{a0}? (o / n)",
                "Include personal data (contacts)? (y / n)",
            )
            .to_owned(),
        Question::Overwrite(path) => match lang {
            Lang::Fr => format!(
                "{} existe déjà. Le remplacer\u{a0}? (o / n)",
                path.display()
            ),
            Lang::En => format!("{} already exists. Replace it? (y / n)", path.display()),
        },
    }
}

/// Draws the dialog, and over it the question being asked, if any.
pub fn render(dialog: &ExportDialog, ctx: &Context, frame: &mut Frame, area: Rect) {
    let lang = ctx.lang;
    let width = popup::centered(area, 96, 1).width.saturating_sub(2);
    let lines = lines(ctx, dialog, usize::from(width));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let dialog_area = popup::centered(area, 96, height);
    let title = format!(
        " {} ",
        lang.pick("Exporter le dossier du jury", "Export the jury file")
    );
    let inner = popup::frame_popup(frame, dialog_area, Line::styled(title, style::bold()));
    frame.render_widget(
        Paragraph::new(safe::lines(lines)).wrap(Wrap { trim: false }),
        inner,
    );
    if let Some(asked) = &dialog.question {
        draw_question(ctx, frame, area, asked);
    }
}

/// A question (personal data, replacing a file) drawn over an export dialog.
pub(crate) fn draw_question(ctx: &Context, frame: &mut Frame, area: Rect, asked: &Question) {
    let text = question(ctx, asked);
    let height = 5 + u16::try_from(text.chars().count() / 56).unwrap_or(0);
    let area = popup::centered(area, 62, height);
    let inner = popup::frame_popup(frame, area, Line::from(""));
    frame.render_widget(
        Paragraph::new(safe::line(Line::styled(text, style::bold()))).wrap(Wrap { trim: true }),
        inner,
    );
}
