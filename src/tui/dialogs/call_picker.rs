//! The call picker: the workspace's calls, the one shown marked; Enter shows the chosen call
//! on the Appel tab (the session moves to it and keeps the lock).

use crate::i18n;
use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::{Context, calls_by_id};
use crate::tui::keymap::Scope;
use crate::tui::text::{self, Msg};
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::cut::cut;
use crate::tui::widgets::safe;
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub struct CallPickerDialog {
    /// The calls in the picker's order (workspace indices).
    order: Vec<usize>,
    cursor: usize,
}

impl CallPickerDialog {
    pub fn new(ctx: &Context) -> CallPickerDialog {
        let order = calls_by_id(&ctx.workspace);
        let cursor = order.iter().position(|&i| Some(i) == ctx.call).unwrap_or(0);
        CallPickerDialog { order, cursor }
    }
}

impl Dialog for CallPickerDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::CallPicker
    }

    fn scope(&self) -> Scope {
        Scope::Picker
    }

    fn update(&mut self, _ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        let last = self.order.len().saturating_sub(1);
        match action {
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Back => return Outcome::effect(Effect::Close),
            Action::Confirm => {
                let mut effects = vec![Effect::Close];
                effects.extend(self.order.get(self.cursor).map(|&i| Effect::SwitchCall(i)));
                return Outcome::effects(effects);
            }
            _ => return Outcome::none(),
        }
        Outcome::changed()
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let area_width = popup::centered(area, 90, 1).width;
        let mut lines: Vec<Line> = self
            .order
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let call = &ctx.workspace.calls[c];
                let current = if Some(c) == ctx.call { "●" } else { " " };
                let text = format!(
                    "{current} {} — {} — {}",
                    call.title,
                    i18n::date(call.deadline, lang),
                    text::count(
                        call.application_pairs().count(),
                        Msg::ApplicationOne,
                        Msg::Applications,
                        lang
                    )
                );
                let text = cut(&text, usize::from(area_width.saturating_sub(4)));
                if i == self.cursor {
                    Line::styled(format!("▸ {text}"), style::selected())
                } else {
                    Line::from(format!("  {text}"))
                }
            })
            .collect();
        lines.push(Line::from(""));
        lines.push(Line::styled(
            lang.pick(
                "↑↓ choisir · Entrée ouvrir · Échap fermer — ● appel affiché",
                "↑↓ choose · Enter open · Esc close — ● call shown",
            ),
            style::dim(),
        ));
        let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let area = popup::centered(area, 90, height);
        let inner = popup::frame_popup(
            frame,
            area,
            Line::styled(
                format!(" {} ", lang.pick("Changer d’appel", "Switch call")),
                style::bold(),
            ),
        );
        frame.render_widget(Paragraph::new(safe::lines(lines)), inner);
    }
}
