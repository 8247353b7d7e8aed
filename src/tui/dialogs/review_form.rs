//! The text forms of the Appel tab, in a popup: the motivation of a refusal or closing (one or
//! several applications), the notes of an application, its labels, a partner's opinion.
//! Enter sends the change to the session and the form closes only once it is saved; a refusal
//! stays in the form, in the model's words, until the officer changes what was missing.
//! Alt-Enter or Ctrl-j starts a new line, Esc gives up (nothing saved).

use crate::i18n::Lang;
use crate::review::{AppKey, Change, Partner, Status};
use crate::session::Operation;
use crate::tui::action::{Action, TextKey};
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::shared::decision::decision;
use crate::tui::shared::text_input::TextInput;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::safe;
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

const CARET: char = '▏';

/// Which field of the opinion form has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpinionField {
    Partner,
    /// The name of a partner not in the list (only when « autre » is chosen).
    Name,
    Answer,
    Text,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A decision on `keys` (the selection, or the row): its motivation.
    Decision {
        status: Status,
        keys: Vec<AppKey>,
    },
    Annotation {
        key: AppKey,
        before: String,
    },
    /// Labels, typed separated by commas.
    Labels {
        key: AppKey,
    },
    Opinion {
        key: AppKey,
        /// Index in `Partner::KNOWN`; one past its end: another partner, named in `name`.
        partner: usize,
        name: TextInput,
        favourable: bool,
        field: OpinionField,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewForm {
    kind: Kind,
    text: TextInput,
    /// The model's refusal of the last attempt; it goes once the officer types again.
    error: Option<String>,
}

/// The partner choices of the opinion form: the known partners, then « autre ».
const PARTNER_CHOICES: usize = Partner::KNOWN.len() + 1;

fn partner(index: usize, name: &str) -> Partner {
    Partner::KNOWN
        .get(index)
        .cloned()
        .unwrap_or_else(|| Partner::Other(name.trim().to_owned()))
}

fn partner_label(index: usize, lang: Lang) -> String {
    Partner::KNOWN.get(index).map_or_else(
        || lang.pick("autre (à nommer)", "other (to name)").to_owned(),
        |p| p.name().to_owned(),
    )
}

/// The fields of the opinion form in Tab order (the name only for « autre »).
fn opinion_fields(partner: usize) -> Vec<OpinionField> {
    let mut fields = vec![OpinionField::Partner];
    if partner >= Partner::KNOWN.len() {
        fields.push(OpinionField::Name);
    }
    fields.extend([OpinionField::Answer, OpinionField::Text]);
    fields
}

impl ReviewForm {
    fn new(kind: Kind, text: &str) -> ReviewForm {
        ReviewForm {
            kind,
            text: TextInput::with_text(text),
            error: None,
        }
    }

    pub fn decision(status: Status, keys: Vec<AppKey>) -> ReviewForm {
        ReviewForm::new(Kind::Decision { status, keys }, "")
    }

    pub fn annotation(key: AppKey, current: &str) -> ReviewForm {
        ReviewForm::new(
            Kind::Annotation {
                key,
                before: current.to_owned(),
            },
            current,
        )
    }

    pub fn labels(key: AppKey, current: String) -> ReviewForm {
        ReviewForm::new(Kind::Labels { key }, &current)
    }

    pub fn opinion(key: AppKey) -> ReviewForm {
        ReviewForm::new(
            Kind::Opinion {
                key,
                partner: 0,
                name: TextInput::default(),
                favourable: true,
                field: OpinionField::Partner,
            },
            "",
        )
    }

    /// Enter: the change goes to the session; the form closes only once it is saved.
    fn submit(&self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let close = vec![Effect::Close];
        let apply = |change: Change, what: &str, key: &AppKey| Effect::Apply {
            operation: Operation::review(change),
            done: format!("{what} — {}", ctx.application_name(key)),
            then: vec![Effect::Close],
        };
        Outcome::effect(match &self.kind {
            Kind::Decision { status, keys } => decision(
                ctx,
                *status,
                keys.clone(),
                Some(self.text.text().to_owned()),
                close,
            ),
            Kind::Annotation { key, before } => {
                if before == self.text.text() {
                    return Outcome::effects(vec![
                        Effect::Close,
                        Effect::Info(
                            lang.pick("Notes inchangées.", "Notes unchanged.")
                                .to_owned(),
                        ),
                    ]);
                }
                apply(
                    Change::Annotate {
                        key: key.clone(),
                        text: self.text.text().trim_end().to_owned(),
                    },
                    lang.pick("notes", "notes"),
                    key,
                )
            }
            Kind::Labels { key } => {
                let labels = self
                    .text
                    .text()
                    .split([',', '\n'])
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect();
                apply(
                    Change::SetLabels {
                        key: key.clone(),
                        labels,
                    },
                    lang.pick("étiquettes", "labels"),
                    key,
                )
            }
            Kind::Opinion {
                key,
                partner: index,
                name,
                favourable,
                ..
            } => {
                let partner = partner(*index, name.text());
                let what = format!("{} {}", lang.pick("avis de", "opinion of"), partner.name());
                apply(
                    Change::AddOpinion {
                        key: key.clone(),
                        partner,
                        favourable: *favourable,
                        text: self.text.text().to_owned(),
                    },
                    &what,
                    key,
                )
            }
        })
    }

    /// Keys of the opinion form's choice fields; none when the key is for the text.
    fn opinion_key(&mut self, action: Action) -> Option<bool> {
        let Kind::Opinion {
            partner,
            favourable,
            field,
            ..
        } = &mut self.kind
        else {
            return None;
        };
        let fields = opinion_fields(*partner);
        let at = fields.iter().position(|f| f == field).unwrap_or(0);
        match action {
            Action::Text(TextKey::NextField) => {
                *field = fields[(at + 1) % fields.len()];
                return Some(true);
            }
            Action::Text(TextKey::PreviousField) => {
                *field = fields[(at + fields.len() - 1) % fields.len()];
                return Some(true);
            }
            _ => {}
        }
        match (*field, action) {
            (OpinionField::Partner, Action::Increase | Action::Text(TextKey::Input(' '))) => {
                *partner = (*partner + 1) % PARTNER_CHOICES;
                Some(true)
            }
            (OpinionField::Partner, Action::Decrease) => {
                *partner = (*partner + PARTNER_CHOICES - 1) % PARTNER_CHOICES;
                Some(true)
            }
            // A name is one line.
            (OpinionField::Name, Action::Text(TextKey::Newline)) => Some(false),
            (
                OpinionField::Answer,
                Action::Increase | Action::Decrease | Action::Text(TextKey::Input(' ')),
            ) => {
                *favourable = !*favourable;
                Some(true)
            }
            (OpinionField::Partner | OpinionField::Answer, _) => Some(false),
            (OpinionField::Name | OpinionField::Text, _) => None,
        }
    }

    /// The field being typed into.
    fn input(&mut self) -> &mut TextInput {
        match &mut self.kind {
            Kind::Opinion {
                field: OpinionField::Name,
                name,
                ..
            } => name,
            _ => &mut self.text,
        }
    }
}

impl Dialog for ReviewForm {
    fn kind(&self) -> DialogKind {
        match self.kind {
            Kind::Decision { .. } => DialogKind::Decision,
            Kind::Annotation { .. } => DialogKind::Annotation,
            Kind::Labels { .. } => DialogKind::Labels,
            Kind::Opinion { .. } => DialogKind::Opinion,
        }
    }

    fn scope(&self) -> Scope {
        Scope::ReviewText
    }

    fn update(&mut self, ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        let lang = ctx.lang;
        match action {
            Action::Back => {
                return Outcome::effects(vec![
                    Effect::Close,
                    Effect::Info(
                        lang.pick(
                            "Abandonné\u{a0}: rien n’a été enregistré.",
                            "Cancelled: nothing was saved.",
                        )
                        .to_owned(),
                    ),
                ]);
            }
            Action::Text(TextKey::Submit) => return self.submit(ctx),
            _ => {}
        }
        let changed = match self.opinion_key(action) {
            Some(changed) => changed,
            None => {
                let input = self.input();
                match action {
                    Action::Text(TextKey::Input(c)) => {
                        input.insert(c);
                        true
                    }
                    Action::Text(TextKey::Newline) => {
                        input.newline();
                        true
                    }
                    Action::Text(TextKey::Backspace) => input.backspace(),
                    Action::Decrease => input.left(),
                    Action::Increase => input.right(),
                    _ => false,
                }
            }
        };
        if changed {
            // What the refusal asked for is being given: it goes.
            self.error = None;
        }
        Outcome::from(changed)
    }

    fn refused(&mut self, message: &str) -> bool {
        self.error = Some(message.to_owned());
        true
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let mut lines = Vec::new();
        let title = match &self.kind {
            Kind::Decision { status, keys } => {
                match keys.as_slice() {
                    [key] => lines.push(Line::from(ctx.application_name(key))),
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
                                .map(|k| Line::from(format!("  • {}", ctx.application_name(k)))),
                        );
                    }
                }
                lines.push(Line::from(""));
                lines.push(Line::from(lang.pick("Motivation\u{a0}:", "Motivation:")));
                lines.extend(text_lines(&self.text, true));
                decision_title(*status, lang)
            }
            Kind::Annotation { key, .. } => {
                lines.push(Line::from(ctx.application_name(key)));
                lines.push(Line::from(""));
                lines.extend(text_lines(&self.text, true));
                format!(" {} ", lang.pick("Notes privées", "Private notes"))
            }
            Kind::Labels { key } => {
                lines.push(Line::from(ctx.application_name(key)));
                lines.push(Line::from(""));
                lines.push(Line::from(lang.pick(
                    "Étiquettes, séparées par des virgules\u{a0}:",
                    "Labels, separated by commas:",
                )));
                lines.extend(text_lines(&self.text, true));
                format!(" {} ", lang.pick("Étiquettes", "Labels"))
            }
            Kind::Opinion {
                key,
                partner,
                name,
                favourable,
                field,
            } => {
                lines.push(Line::from(ctx.application_name(key)));
                lines.push(Line::from(""));
                lines.push(chosen(
                    *field == OpinionField::Partner,
                    format!(
                        "{:<12}◂ {} ▸",
                        lang.pick("Partenaire", "Partner"),
                        partner_label(*partner, lang)
                    ),
                ));
                if opinion_fields(*partner).contains(&OpinionField::Name) {
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
                lines.extend(text_lines(&self.text, *field == OpinionField::Text));
                format!(" {} ", lang.pick("Avis d’un partenaire", "Partner opinion"))
            }
        };
        if let Some(error) = &self.error {
            lines.push(Line::from(""));
            lines.push(Line::styled(format!("⚠ {error}"), style::error()));
        }
        lines.push(Line::from(""));
        lines.push(hint(lang, matches!(self.kind, Kind::Opinion { .. })));
        let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
        let area = popup::centered(area, 76, height.max(10));
        let inner = popup::frame_popup(frame, area, Line::styled(title, style::bold()));
        frame.render_widget(
            Paragraph::new(safe::lines(lines)).wrap(Wrap { trim: false }),
            inner,
        );
    }
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
