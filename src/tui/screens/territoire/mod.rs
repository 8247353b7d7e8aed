//! Screen 5, Territoire: the map of the nine cities with the sites by kind (the selected one
//! highlighted), the balance per zone (Ouest / Nord / Est) and per city as bars with their
//! figures — m² offered, m² occupied by ESS structures, placements of the year and of the
//! call, jobs hosted — and the impact fund of the year against its envelope. `←→` change the
//! year, `b` the figure, `e` writes the council's yearly report.

pub mod bars;
mod figures;
pub mod map;
mod view;

use crate::pathway::{Balance, FundYear, balance, fund_year};
use crate::tui::action::{Action, PathwayAction};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::council_report::CouncilReportDialog;
use crate::tui::keymap::Scope;
use crate::tui::screens::{Refresh, Screen};
use crate::tui::shared::listing::move_or_select;
use crate::tui::ui_state::{UiState, Viewport};
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::collections::HashMap;

pub use figures::Measure;

pub struct Territoire {
    /// Sites in the order j/k go through them (by city, then name); indices into the workspace.
    pub sites: Vec<usize>,
    pub cursor: usize,
    pub year: i32,
    pub measure: Measure,
    pub balance: Balance,
    pub fund: FundYear,
    /// The figures of the years already shown, until the workspace or the call changes:
    /// going back to a year is instant (a year's figures go over every structure's stays).
    years: HashMap<i32, (Balance, FundYear)>,
}

impl Territoire {
    pub fn new(ctx: &Context) -> Territoire {
        let year = ctx.today.year();
        let (balance, fund) = figures_of(ctx, year);
        let mut screen = Territoire {
            sites: Vec::new(),
            cursor: 0,
            year,
            measure: Measure::M2Offered,
            balance: balance.clone(),
            fund: fund.clone(),
            years: HashMap::from([(year, (balance, fund))]),
        };
        screen.order_sites(ctx);
        screen
    }

    /// The site under the cursor.
    pub fn selected(&self) -> Option<usize> {
        self.sites.get(self.cursor).copied()
    }

    fn reload(&mut self, ctx: &Context) {
        self.order_sites(ctx);
        self.years.clear();
        self.refigure(ctx);
    }

    /// The sites in the order j/k go through them; the cursor stays on its site.
    fn order_sites(&mut self, ctx: &Context) {
        let ws = &ctx.workspace;
        let followed = self.selected();
        let mut sites: Vec<usize> = (0..ws.sites.len()).collect();
        sites.sort_by(|&a, &b| {
            let (a, b) = (&ws.sites[a], &ws.sites[b]);
            ws.territory
                .city_name(&a.city)
                .cmp(ws.territory.city_name(&b.city))
                .then_with(|| a.name.cmp(&b.name))
        });
        self.sites = sites;
        self.cursor = followed
            .and_then(|s| self.sites.iter().position(|&x| x == s))
            .unwrap_or(self.cursor)
            .min(self.sites.len().saturating_sub(1));
    }

    /// The year's figures, worked out unless already shown since the last change.
    fn refigure(&mut self, ctx: &Context) {
        let (balance, fund) = self
            .years
            .entry(self.year)
            .or_insert_with(|| figures_of(ctx, self.year));
        self.balance = balance.clone();
        self.fund = fund.clone();
    }
}

/// The balance and the fund of `year` (the call's placements follow the Appel tab's call).
fn figures_of(ctx: &Context, year: i32) -> (Balance, FundYear) {
    let call = ctx.call().map(|c| c.id.clone());
    (
        balance(&ctx.workspace, ctx.today, year, call.as_ref()),
        fund_year(&ctx.workspace, year),
    )
}

impl Screen for Territoire {
    fn scope(&self) -> Scope {
        Scope::Territoire
    }

    fn update(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        if let Some(changed) =
            move_or_select(&mut self.cursor, self.sites.len(), action, viewport.page)
        {
            return Outcome::from(changed);
        }
        match action {
            Action::Pathway(PathwayAction::PreviousYear | PathwayAction::NextYear) => {
                self.year += if action == Action::Pathway(PathwayAction::NextYear) {
                    1
                } else {
                    -1
                };
                self.refigure(ctx);
                Outcome::changed()
            }
            Action::Pathway(PathwayAction::NextMeasure) => {
                self.measure = self.measure.next();
                Outcome::changed()
            }
            Action::Pathway(PathwayAction::Report) => Outcome::effect(Effect::Open(Box::new(
                CouncilReportDialog::new(ctx, self.year),
            ))),
            _ => Outcome::none(),
        }
    }

    fn refresh(&mut self, ctx: &Context, what: Refresh) {
        match what {
            Refresh::Workspace => self.reload(ctx),
            Refresh::Call => {
                self.years.clear();
                self.refigure(ctx);
            }
            Refresh::Weights | Refresh::Review | Refresh::Figures => {}
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) -> Rect {
        view::render(self, ctx, frame, area, ui)
    }
}
