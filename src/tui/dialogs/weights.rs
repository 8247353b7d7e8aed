//! The weights popup: each criterion's weight, its share of the total, and a bar. Drawn over
//! the table so the ranked list stays visible and moves as the weights change; the new weights
//! hold on every tab (the Appel scores and detail included) until reset.

use crate::domain::Weights;
use crate::i18n;
use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind, Placement};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::confirm::Confirm;
use crate::tui::keymap::Scope;
use crate::tui::ranking::Criterion;
use crate::tui::text::Msg;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::choices::step_field;
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Step of a weight, in points (weights are normalised when scoring).
pub const WEIGHT_STEP: f64 = 5.0;
pub const WEIGHT_MAX: f64 = 100.0;
const BAR: usize = 20;

#[derive(Debug, Default)]
pub struct WeightsDialog {
    field: usize,
}

impl WeightsDialog {
    pub fn new() -> WeightsDialog {
        WeightsDialog::default()
    }

    fn criterion(&self) -> Criterion {
        Criterion::ALL[self.field % Criterion::ALL.len()]
    }

    fn step(&self, weights: &Weights, up: bool) -> Option<Weights> {
        let criterion = self.criterion();
        let weight = criterion.weight_in(weights);
        let delta = if up { WEIGHT_STEP } else { -WEIGHT_STEP };
        let next = (weight + delta).clamp(0.0, WEIGHT_MAX);
        (next != weight).then(|| {
            let mut weights = *weights;
            criterion.set_weight_in(&mut weights, next);
            weights
        })
    }
}

impl Dialog for WeightsDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Weights
    }

    fn scope(&self) -> Scope {
        Scope::Weights
    }

    fn placement(&self) -> Placement {
        Placement::List
    }

    fn update(&mut self, ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        if let Some(next) = step_field(self.field, Criterion::ALL.len(), action) {
            self.field = next;
            return Outcome::changed();
        }
        match action {
            Action::Increase | Action::Decrease => {
                match self.step(&ctx.weights, action == Action::Increase) {
                    Some(weights) => Outcome::effect(Effect::SetWeights(weights)),
                    None => Outcome::none(),
                }
            }
            Action::Reset => {
                let question = Confirm::new(
                    Msg::ConfirmResetWeights.get(ctx.lang),
                    vec![
                        Effect::SetWeights(ctx.call_weights()),
                        Effect::Info(Msg::WeightsReset.get(ctx.lang).to_owned()),
                    ],
                );
                Outcome::effect(Effect::Open(Box::new(question)))
            }
            Action::Back => Outcome::effect(Effect::Close),
            _ => Outcome::none(),
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let area = popup::centered(area, 60, 11);
        let inner = popup::frame_popup(
            frame,
            area,
            Line::from(format!(" {} ", Msg::WeightsTitle.get(lang))),
        );
        let total: f64 = Criterion::ALL
            .iter()
            .map(|&c| c.weight_in(&ctx.weights))
            .sum();
        let mut lines: Vec<Line> = Criterion::ALL
            .iter()
            .enumerate()
            .map(|(i, &criterion)| {
                let weight = criterion.weight_in(&ctx.weights);
                let share = if total > 0.0 { weight / total } else { 0.0 };
                let filled = ((weight / WEIGHT_MAX) * BAR as f64).round() as usize;
                let bar: String = "█".repeat(filled.min(BAR)) + &"░".repeat(BAR - filled.min(BAR));
                let selected = i == self.field;
                let text = format!(
                    "{}{:<14}{:>4}  {bar} {:>6}",
                    if selected { "▸ " } else { "  " },
                    criterion.label(lang),
                    i18n::number(weight, 0, lang),
                    i18n::percent(share, lang),
                );
                if selected {
                    Line::styled(text, style::selected())
                } else {
                    Line::from(text)
                }
            })
            .collect();
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            Msg::WeightsHint.get(lang),
            style::dim(),
        )));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
