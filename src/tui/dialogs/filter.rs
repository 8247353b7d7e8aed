//! The filter popup of Lieux or Structures: one line per criterion that concerns the tab's
//! items, with its value. Each change goes to the tab at once, so its table narrows live.

use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome, ScreenEvent};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::shared::filter::{Filter, FilterField};
use crate::tui::tab::Tab;
use crate::tui::text::Msg;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::choices::{choice_line, step_field};
use crate::tui::widgets::safe;
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub struct FilterDialog {
    tab: Tab,
    filter: Filter,
    field: usize,
}

impl FilterDialog {
    pub fn new(tab: Tab, filter: Filter) -> FilterDialog {
        FilterDialog {
            tab,
            filter,
            field: 0,
        }
    }

    /// The criteria of this tab's items (a structure has no programme, kind or status).
    fn fields(&self) -> &'static [FilterField] {
        match self.tab {
            Tab::Structures => &[
                FilterField::City,
                FilterField::Zone,
                FilterField::Sector,
                FilterField::EligibleOnly,
            ],
            _ => &FilterField::ALL,
        }
    }

    fn changed(&self) -> Outcome {
        Outcome::effect(Effect::Screen(
            self.tab,
            ScreenEvent::Filter(self.filter.clone()),
        ))
    }
}

impl Dialog for FilterDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Filter
    }

    fn scope(&self) -> Scope {
        Scope::Filter
    }

    fn update(&mut self, ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        let fields = self.fields();
        let field = fields[self.field % fields.len()];
        if let Some(next) = step_field(self.field, fields.len(), action) {
            self.field = next;
            return Outcome::changed();
        }
        match action {
            Action::Increase | Action::Toggle | Action::Decrease => {
                self.filter
                    .step(field, &ctx.workspace, action != Action::Decrease);
                self.changed()
            }
            Action::Reset => {
                self.filter = Filter::default();
                self.changed()
            }
            Action::Back => Outcome::effect(Effect::Close),
            _ => Outcome::none(),
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let fields = self.fields();
        let height = u16::try_from(fields.len() + 6).unwrap_or(u16::MAX);
        let area = popup::centered(area, 64, height);
        let inner = popup::frame_popup(
            frame,
            area,
            Line::from(format!(
                " {} — {} ",
                Msg::FilterTitle.get(lang),
                self.tab.title(lang)
            )),
        );
        let mut lines: Vec<Line> = fields
            .iter()
            .enumerate()
            .map(|(i, &field)| {
                choice_line(
                    i == self.field % fields.len(),
                    field.label(lang),
                    22,
                    &self.filter.value_label(field, &ctx.workspace, lang),
                )
            })
            .collect();
        lines.push(Line::from(""));
        lines.push(Line::styled(Msg::FilterHint.get(lang), style::dim()));
        frame.render_widget(
            Paragraph::new(safe::lines(lines)).wrap(Wrap { trim: false }),
            inner,
        );
    }
}
