//! The officer's name, asked once: the first change finds no name configured, so it asks
//! rather than sign « inconnu ». The name goes to the settings file and signs every decision
//! from then on; then the change that was waiting goes ahead.

use crate::tui::action::{Action, TextKey};
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::shared::text_input::TextInput;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::safe;
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub struct OfficerDialog {
    name: TextInput,
    /// The change that asked for the name, run once it is given.
    then: Vec<Effect>,
    error: bool,
}

impl OfficerDialog {
    pub fn new(then: Vec<Effect>) -> OfficerDialog {
        OfficerDialog {
            name: TextInput::default(),
            then,
            error: false,
        }
    }
}

impl Dialog for OfficerDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Officer
    }

    fn scope(&self) -> Scope {
        Scope::Officer
    }

    fn update(&mut self, ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        let changed = match action {
            Action::Text(TextKey::Submit) => {
                let name = self.name.text().trim().to_owned();
                if name.is_empty() {
                    self.error = true;
                    return Outcome::changed();
                }
                let mut effects = vec![Effect::Close, Effect::SetOfficer(name)];
                effects.append(&mut self.then);
                return Outcome::effects(effects);
            }
            Action::Back => {
                return Outcome::effects(vec![
                    Effect::Close,
                    Effect::Info(
                        ctx.lang
                            .pick(
                                "Abandonné\u{a0}: rien n’a été enregistré.",
                                "Cancelled: nothing was saved.",
                            )
                            .to_owned(),
                    ),
                ]);
            }
            // A name is one line.
            Action::Text(TextKey::Input(c)) if c != '\n' => {
                self.name.insert(c);
                true
            }
            Action::Text(TextKey::Backspace) => self.name.backspace(),
            Action::Decrease => self.name.left(),
            Action::Increase => self.name.right(),
            _ => false,
        };
        if changed {
            self.error = false;
        }
        Outcome::from(changed)
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let mut lines = vec![
            Line::from(lang.pick(
                "Chaque décision est signée du nom de l’agent qui la prend. Aucun nom n’est encore réglé\u{a0}: lequel inscrire\u{a0}?",
                "Every decision is signed with the name of the officer who takes it. No name is set yet: which one?",
            )),
            Line::from(""),
            Line::styled(
                format!("  {}", self.name.lines_with_caret('▏').join(" ")),
                style::bold(),
            ),
            Line::from(""),
        ];
        if self.error {
            lines.push(Line::styled(
                lang.pick(
                    "⚠ Le nom ne peut pas être vide.",
                    "⚠ The name cannot be empty.",
                ),
                style::error(),
            ));
        }
        let file = ctx.config_file.as_ref().map_or_else(
            || {
                lang.pick(
                    "(non enregistré : pas de dossier de réglages)",
                    "(not saved: no settings folder)",
                )
                .to_owned()
            },
            |p| p.display().to_string(),
        );
        lines.push(Line::styled(
            format!(
                "{} {file}",
                lang.pick(
                    "Entrée enregistre le nom (une fois pour toutes) dans",
                    "Enter saves the name (once and for all) in"
                )
            ),
            style::dim(),
        ));
        let area = popup::centered(area, 72, 11);
        let inner = popup::frame_popup(
            frame,
            area,
            Line::styled(
                format!(" {} ", lang.pick("Votre nom", "Your name")),
                style::bold(),
            ),
        );
        frame.render_widget(
            Paragraph::new(safe::lines(lines)).wrap(Wrap { trim: false }),
            inner,
        );
    }
}
