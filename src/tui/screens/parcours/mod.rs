//! Screen 4, Parcours: where each structure stands today on its residential pathway, the
//! soonest end of occupation first.

use crate::i18n::{self, Label};
use crate::tui::action::Action;
use crate::tui::component::Outcome;
use crate::tui::context::Context;
use crate::tui::figures;
use crate::tui::keymap::Scope;
use crate::tui::screens::{Refresh, Screen};
use crate::tui::shared::listing::move_or_select;
use crate::tui::tab::Tab;
use crate::tui::text::Msg;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::style;
use crate::tui::widgets::table::{Column, Table};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

#[derive(Debug, Default)]
pub struct Parcours {
    /// Structures in the order shown.
    pub rows: Vec<usize>,
    pub cursor: usize,
}

impl Parcours {
    pub fn new(ctx: &Context) -> Parcours {
        let mut screen = Parcours::default();
        screen.sort(ctx);
        screen
    }

    /// Structures whose current stay ends soonest first, then those with no end, then those
    /// with no current stay.
    fn sort(&mut self, ctx: &Context) {
        let structures = &ctx.workspace.structures;
        let mut rows: Vec<usize> = (0..structures.len()).collect();
        rows.sort_by_key(|&i| {
            let (stage, end) = figures::structure_stage(&structures[i], ctx.today);
            (stage.is_none(), end.is_none(), end)
        });
        self.rows = rows;
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }
}

impl Screen for Parcours {
    fn scope(&self) -> Scope {
        Scope::Parcours
    }

    fn update(&mut self, _ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        move_or_select(&mut self.cursor, self.rows.len(), action, viewport.page)
            .map_or_else(Outcome::none, Outcome::from)
    }

    fn refresh(&mut self, ctx: &Context, what: Refresh) {
        if what == Refresh::Workspace {
            self.sort(ctx);
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) -> Rect {
        let lang = ctx.lang;
        let [intro, rest] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        frame.render_widget(
            Paragraph::new(Line::styled(Msg::PathwayIntro.get(lang), style::dim()))
                .wrap(Wrap { trim: true }),
            intro,
        );
        let columns = [
            Column::flex(Msg::ColStructure.get(lang), 24, 1),
            Column::fixed(Msg::ColStage.get(lang), 12, 1),
            Column::flex(Msg::ColSite.get(lang), 20, 1),
            Column::fixed(Msg::ColOccupationEnd.get(lang), 15, 2),
        ];
        let mut offset = ui.offsets(Tab::Pathway).table;
        let drawn = Table {
            block: Block::bordered().title(format!(" {} ", Msg::TabPathway.get(lang))),
            columns: &columns,
            len: self.rows.len(),
            cursor: self.cursor,
            focused: true,
            sort: None,
            lang,
        }
        .render(
            frame,
            rest,
            &mut offset,
            |r, c| {
                let s = &ctx.workspace.structures[self.rows[r]];
                let current = s.current_episode(ctx.today);
                let (stage, end) = figures::structure_stage(s, ctx.today);
                match c {
                    0 => Line::from(s.name.clone()),
                    1 => Line::from(stage.map_or("—", |k| k.label(lang))),
                    2 => Line::from(
                        current
                            .and_then(|e| {
                                e.site
                                    .as_ref()
                                    .and_then(|id| ctx.workspace.site(id))
                                    .map(|site| site.name.clone())
                                    .or_else(|| e.place.clone())
                            })
                            .unwrap_or_else(|| "—".to_owned()),
                    ),
                    _ => Line::from(end.map_or("—".to_owned(), |d| i18n::date(d, lang))),
                }
            },
            |_| Style::default(),
        );
        ui.offsets(Tab::Pathway).table = offset;
        ui.page = usize::from(drawn.height);
        ui.hits.list = Some(drawn);
        rest
    }
}
