//! A yes/no question: yes runs the effects it was given, no (or Esc) closes it (and runs
//! the effects given for no, if any).

use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::safe;
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub struct Confirm {
    question: String,
    yes: Vec<Effect>,
    /// Said when the answer is no (« Fichier conservé… »); none: nothing to say.
    no: Option<String>,
    /// Done when the answer is no (accepting without recording the placement…).
    no_effects: Vec<Effect>,
}

impl Confirm {
    pub fn new(question: impl Into<String>, yes: Vec<Effect>) -> Confirm {
        Confirm {
            question: question.into(),
            yes,
            no: None,
            no_effects: Vec::new(),
        }
    }

    /// What a no does, besides closing the question.
    pub fn or_do(mut self, effects: Vec<Effect>) -> Confirm {
        self.no_effects = effects;
        self
    }

    pub fn or_else(mut self, no: impl Into<String>) -> Confirm {
        self.no = Some(no.into());
        self
    }
}

impl Dialog for Confirm {
    fn kind(&self) -> DialogKind {
        DialogKind::Confirm
    }

    fn scope(&self) -> Scope {
        Scope::Confirm
    }

    fn update(&mut self, _ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        match action {
            Action::Confirm => {
                let mut effects = vec![Effect::Close];
                effects.append(&mut self.yes);
                Outcome::effects(effects)
            }
            Action::Deny | Action::Back => {
                let mut effects = vec![Effect::Close];
                effects.append(&mut self.no_effects);
                let mut outcome = Outcome::effects(effects);
                if let Some(no) = self.no.take() {
                    outcome = outcome.with(Effect::Info(no));
                }
                outcome
            }
            _ => Outcome::none(),
        }
    }

    fn view(&self, _ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let height = 4 + u16::try_from(self.question.chars().count() / 56).unwrap_or(0);
        let area = popup::centered(area, 62, height);
        let inner = popup::frame_popup(frame, area, Line::from(""));
        frame.render_widget(
            Paragraph::new(safe::line(Line::styled(
                self.question.clone(),
                style::bold(),
            )))
            .wrap(Wrap { trim: true }),
            inner,
        );
    }
}
