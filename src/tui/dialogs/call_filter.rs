//! The Appel tab's filter popup: one site of the call, one status, and the grouping. Each
//! change goes to the Appel tab at once.

use crate::domain::SiteId;
use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome, ScreenEvent};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::shared::call_filter::{CallFilter, CallFilterField};
use crate::tui::tab::Tab;
use crate::tui::text::Msg;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::choices::{choice_line, step_field};
use crate::tui::widgets::review_text::status_text;
use crate::tui::widgets::safe;
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub struct CallFilterDialog {
    filter: CallFilter,
    /// The call's sites, in its order.
    sites: Vec<SiteId>,
    field: usize,
}

impl CallFilterDialog {
    pub fn new(filter: CallFilter, sites: Vec<SiteId>) -> CallFilterDialog {
        CallFilterDialog {
            filter,
            sites,
            field: 0,
        }
    }

    fn changed(&self) -> Outcome {
        Outcome::effect(Effect::Screen(
            Tab::Call,
            ScreenEvent::CallFilter(self.filter.clone()),
        ))
    }
}

impl Dialog for CallFilterDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::CallFilter
    }

    fn scope(&self) -> Scope {
        Scope::Filter
    }

    fn update(&mut self, _ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        let fields = CallFilterField::ALL.len();
        let field = CallFilterField::ALL[self.field % fields];
        if let Some(next) = step_field(self.field, fields, action) {
            self.field = next;
            return Outcome::changed();
        }
        match action {
            Action::Increase | Action::Decrease | Action::Toggle => {
                self.filter
                    .step(field, &self.sites, action != Action::Decrease);
                self.changed()
            }
            Action::Reset => {
                self.filter = self.filter.cleared();
                self.changed()
            }
            Action::Back => Outcome::effect(Effect::Close),
            _ => Outcome::none(),
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let all = Msg::FilterAll.get(lang);
        let value = |field: CallFilterField| match field {
            CallFilterField::Site => self.filter.site.as_ref().map_or(all.to_owned(), |id| {
                ctx.workspace
                    .site(id)
                    .map_or(id.to_string(), |s| s.name.clone())
            }),
            CallFilterField::Status => self
                .filter
                .status
                .map_or(all.to_owned(), |s| status_text(s, lang)),
            CallFilterField::Grouping => self.filter.grouping.label(lang).to_owned(),
        };
        let mut lines: Vec<Line> = CallFilterField::ALL
            .iter()
            .enumerate()
            .map(|(i, &field)| {
                choice_line(
                    i == self.field % CallFilterField::ALL.len(),
                    field.label(lang),
                    12,
                    &value(field),
                )
            })
            .collect();
        lines.push(Line::from(""));
        lines.push(Line::styled(Msg::FilterHint.get(lang), style::dim()));
        let area = popup::centered(area, 64, 8);
        let inner = popup::frame_popup(
            frame,
            area,
            Line::from(format!(" {} ", Msg::FilterTitle.get(lang))),
        );
        frame.render_widget(
            Paragraph::new(safe::lines(lines)).wrap(Wrap { trim: false }),
            inner,
        );
    }
}
