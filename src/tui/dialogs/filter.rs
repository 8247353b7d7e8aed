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
        match action {
            Action::Down => self.field = (self.field + 1) % fields.len(),
            Action::Up => self.field = (self.field + fields.len() - 1) % fields.len(),
            Action::Increase | Action::Toggle => {
                self.filter.step(field, &ctx.workspace, true);
                return self.changed();
            }
            Action::Decrease => {
                self.filter.step(field, &ctx.workspace, false);
                return self.changed();
            }
            Action::Reset => {
                self.filter = Filter::default();
                return self.changed();
            }
            Action::Back => return Outcome::effect(Effect::Close),
            _ => return Outcome::none(),
        }
        Outcome::changed()
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
                let selected = i == self.field % fields.len();
                let text = format!(
                    "{}{:<22}◂ {} ▸",
                    if selected { "▸ " } else { "  " },
                    field.label(lang),
                    self.filter.value_label(field, &ctx.workspace, lang)
                );
                if selected {
                    Line::styled(text, style::selected())
                } else {
                    Line::from(text)
                }
            })
            .collect();
        lines.push(Line::from(""));
        lines.push(Line::styled(Msg::FilterHint.get(lang), style::dim()));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
