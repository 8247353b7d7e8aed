//! The text forms of the Appel tab, in a popup: the motivation of a refusal or closing (one
//! or several applications), the notes of an application, a partner's opinion. Enter saves,
//! Alt-Enter or Ctrl-j starts a new line, Esc gives up (nothing saved).

use crate::i18n::Lang;
use crate::review::{AppKey, Status};
use crate::tui::app::App;
use crate::tui::review_state::{Form, OpinionField};
use crate::tui::text_input::TextInput;
use crate::tui::view::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

const CARET: char = '▏';

/// `Structure × Lieu` with names, for the form's heading.
pub fn application_name(app: &App, key: &AppKey) -> String {
    let ws = &app.workspace;
    let structure = ws
        .structure(&key.structure)
        .map_or(key.structure.as_str(), |s| s.name.as_str());
    let site = ws
        .site(&key.site)
        .map_or(key.site.as_str(), |s| s.name.as_str());
    format!("{structure} × {site}")
}

fn hint(lang: Lang, opinion: bool) -> Line<'static> {
    let text = match (opinion, lang) {
        (false, Lang::Fr) => {
            "Entrée valider · Alt-Entrée ou Ctrl-j nouvelle ligne · Échap abandonner"
        }
        (false, Lang::En) => "Enter confirm · Alt-Enter or Ctrl-j new line · Esc cancel",
        (true, Lang::Fr) => {
            "Tab champ suivant · ←→ changer · Entrée valider · Alt-Entrée nouvelle ligne · Échap abandonner"
        }
        (true, Lang::En) => {
            "Tab next field · ←→ change · Enter confirm · Alt-Enter new line · Esc cancel"
        }
    };
    Line::styled(text, style::dim())
}

fn text_lines(text: &TextInput, focused: bool) -> Vec<Line<'static>> {
    let shown = if focused {
        text.lines_with_caret(CARET)
    } else {
        text.text().split('\n').map(str::to_owned).collect()
    };
    shown
        .into_iter()
        .map(|l| Line::styled(format!("  {l}"), style::bold()))
        .collect()
}

fn decision_title(status: Status, lang: Lang) -> String {
    let verb = match (status, lang) {
        (Status::Refuse, Lang::Fr) => "Refuser",
        (Status::Refuse, Lang::En) => "Refuse",
        (Status::ClasseSansSuite, Lang::Fr) => "Classer sans suite",
        (Status::ClasseSansSuite, Lang::En) => "Close without follow-up",
        (other, _) => other.label(lang),
    };
    format!(
        " {verb} — {} ",
        lang.pick(
            "motivation écrite obligatoire",
            "written motivation mandatory"
        )
    )
}

fn chosen(selected: bool, text: String) -> Line<'static> {
    if selected {
        Line::styled(format!("▸ {text}"), style::selected())
    } else {
        Line::from(format!("  {text}"))
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let Some(form) = &app.review.form else {
        return;
    };
    let mut lines = Vec::new();
    let (title, error, opinion) = match form {
        Form::Decision {
            status,
            keys,
            text,
            error,
        } => {
            match keys.as_slice() {
                [key] => lines.push(Line::from(application_name(app, key))),
                _ => {
                    lines.push(Line::styled(
                        format!(
                            "{} {}",
                            keys.len(),
                            lang.pick(
                                "candidatures, une même motivation\u{a0}:",
                                "applications, one shared motivation:"
                            )
                        ),
                        style::bold(),
                    ));
                    lines.extend(
                        keys.iter()
                            .map(|k| Line::from(format!("  • {}", application_name(app, k)))),
                    );
                }
            }
            lines.push(Line::from(""));
            lines.push(Line::from(lang.pick("Motivation\u{a0}:", "Motivation:")));
            lines.extend(text_lines(text, true));
            (decision_title(*status, lang), error.as_deref(), false)
        }
        Form::Annotation { key, text } => {
            lines.push(Line::from(application_name(app, key)));
            lines.push(Line::from(""));
            lines.extend(text_lines(text, true));
            (
                format!(" {} ", lang.pick("Notes privées", "Private notes")),
                None,
                false,
            )
        }
        Form::Labels { key, text, error } => {
            lines.push(Line::from(application_name(app, key)));
            lines.push(Line::from(""));
            lines.push(Line::from(lang.pick(
                "Étiquettes, séparées par des virgules\u{a0}:",
                "Labels, separated by commas:",
            )));
            lines.extend(text_lines(text, true));
            (
                format!(" {} ", lang.pick("Étiquettes", "Labels")),
                error.as_deref(),
                false,
            )
        }
        Form::Opinion {
            key,
            partner,
            name,
            favourable,
            field,
            text,
            error,
        } => {
            lines.push(Line::from(application_name(app, key)));
            lines.push(Line::from(""));
            lines.push(chosen(
                *field == OpinionField::Partner,
                format!(
                    "{:<12}◂ {} ▸",
                    lang.pick("Partenaire", "Partner"),
                    Form::partner_label(*partner, lang)
                ),
            ));
            if Form::opinion_fields(*partner).contains(&OpinionField::Name) {
                let shown = if *field == OpinionField::Name {
                    name.lines_with_caret(CARET).join(" ")
                } else {
                    name.text().to_owned()
                };
                lines.push(chosen(
                    *field == OpinionField::Name,
                    format!("{:<12}{shown}", lang.pick("Nom", "Name")),
                ));
            }
            let answer = if *favourable {
                lang.pick("✓ favorable", "✓ favourable")
            } else {
                lang.pick("✗ défavorable", "✗ unfavourable")
            };
            lines.push(chosen(
                *field == OpinionField::Answer,
                format!("{:<12}◂ {answer} ▸", lang.pick("Avis", "Opinion")),
            ));
            lines.push(chosen(
                *field == OpinionField::Text,
                lang.pick("Texte\u{a0}:", "Text:").to_owned(),
            ));
            lines.extend(text_lines(text, *field == OpinionField::Text));
            (
                format!(" {} ", lang.pick("Avis d’un partenaire", "Partner opinion")),
                error.as_deref(),
                true,
            )
        }
    };
    if let Some(error) = error {
        lines.push(Line::from(""));
        lines.push(Line::styled(format!("⚠ {error}"), style::error()));
    }
    lines.push(Line::from(""));
    lines.push(hint(lang, opinion));
    let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let area = popup::centered(area, 76, height.max(10));
    let inner = popup::frame_popup(frame, area, Line::styled(title, style::bold()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
