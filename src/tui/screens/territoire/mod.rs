//! Screen 5, Territoire: the nine cities with their zone, and the sites, lot surface and
//! structures each holds.

use crate::domain::Surface;
use crate::i18n::{self, Label};
use crate::tui::action::Action;
use crate::tui::component::Outcome;
use crate::tui::context::Context;
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
pub struct Territoire {
    pub cursor: usize,
}

impl Screen for Territoire {
    fn scope(&self) -> Scope {
        Scope::Territoire
    }

    fn update(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        let len = ctx.workspace.territory.cities.len();
        move_or_select(&mut self.cursor, len, action, viewport.page)
            .map_or_else(Outcome::none, Outcome::from)
    }

    fn refresh(&mut self, ctx: &Context, _what: Refresh) {
        let len = ctx.workspace.territory.cities.len();
        self.cursor = self.cursor.min(len.saturating_sub(1));
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) -> Rect {
        let lang = ctx.lang;
        let t = &ctx.workspace.territory;
        let [intro, rest] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        frame.render_widget(
            Paragraph::new(Line::styled(Msg::TerritoryIntro.get(lang), style::dim()))
                .wrap(Wrap { trim: true }),
            intro,
        );
        let columns = [
            Column::flex(Msg::FilterCity.get(lang), 20, 1),
            Column::fixed(Msg::ColInsee.get(lang), 6, 5),
            Column::fixed(Msg::ColZone.get(lang), 18, 1),
            Column::fixed(Msg::ColQpv.get(lang), 4, 6),
            Column::fixed(Msg::ColPopulation.get(lang), 10, 4),
            Column::fixed(Msg::ColSites.get(lang), 6, 2),
            Column::fixed(Msg::ColLotsSurface.get(lang), 11, 3),
            Column::fixed(Msg::ColStructures.get(lang), 10, 2),
        ];
        let mut offset = ui.offsets(Tab::Territory).table;
        let drawn = Table {
            block: Block::bordered().title(format!(" {} ", t.name)),
            columns: &columns,
            len: t.cities.len(),
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
                let city = &t.cities[r];
                let sites = ctx.workspace.sites.iter().filter(|s| s.city == city.insee);
                match c {
                    0 => Line::from(city.name.clone()),
                    1 => Line::from(city.insee.to_string()),
                    2 => {
                        let priority = if t.is_priority_zone(city.zone) {
                            format!(" ★ {}", Msg::PriorityZone.get(lang))
                        } else {
                            String::new()
                        };
                        Line::from(format!("{}{priority}", Label::label(&city.zone, lang)))
                    }
                    3 => Line::from(if city.qpv { Msg::Yes } else { Msg::No }.get(lang)),
                    4 => Line::from(i18n::number(f64::from(city.population), 0, lang))
                        .right_aligned(),
                    5 => Line::from(sites.count().to_string()).right_aligned(),
                    6 => {
                        let m2: Surface = sites.map(|s| s.lots_surface()).sum();
                        Line::from(i18n::number(m2.value(), 0, lang)).right_aligned()
                    }
                    _ => Line::from(
                        ctx.workspace
                            .structures
                            .iter()
                            .filter(|s| s.home_city == city.insee)
                            .count()
                            .to_string(),
                    )
                    .right_aligned(),
                }
            },
            |_| Style::default(),
        );
        ui.offsets(Tab::Territory).table = offset;
        ui.page = usize::from(drawn.height);
        ui.hits.list = Some(drawn);
        rest
    }
}
