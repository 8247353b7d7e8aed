//! Up to three structures side by side for one site: totals, each criterion's value and
//! points, eligibility, the lot each would get and its annual cost — under the weights in
//! force (`w` opens them over the comparison).

use crate::i18n;
use crate::i18n::printable;
use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::weights::WeightsDialog;
use crate::tui::keymap::Scope;
use crate::tui::ranking::{Criterion, ScoreCard};
use crate::tui::text::Msg;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table};

pub struct CompareDialog {
    pub site: usize,
    pub structures: Vec<usize>,
}

impl CompareDialog {
    pub fn new(site: usize, structures: Vec<usize>) -> CompareDialog {
        CompareDialog { site, structures }
    }
}

impl Dialog for CompareDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Compare
    }

    fn scope(&self) -> Scope {
        Scope::Compare
    }

    fn update(&mut self, _ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        match action {
            Action::OpenWeights => Outcome::effect(Effect::Open(Box::new(WeightsDialog::new()))),
            Action::Back => Outcome::effect(Effect::Close),
            _ => Outcome::none(),
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let (site, structures) = (&self.site, &self.structures);
        let area = popup::centered(area, 110, 16);
        let title = format!(
            " {} — {} ",
            Msg::CompareTitle.get(lang),
            ctx.workspace.sites[*site].name
        );
        let inner = popup::frame_popup(frame, area, Line::from(title));
        let cards: Vec<ScoreCard> = structures
            .iter()
            .filter_map(|&s| {
                ctx.ranking
                    .explain(&ctx.workspace, s, *site, &ctx.weights, lang)
            })
            .collect();
        if cards.is_empty() {
            frame.render_widget(Paragraph::new(Msg::CompareEmpty.get(lang)), inner);
            return;
        }
        let header =
            Row::new(std::iter::once(Cell::from("")).chain(
                structures.iter().map(|&s| {
                    Cell::from(printable(&ctx.workspace.structures[s].name).into_owned())
                }),
            ))
            .style(style::header());
        let row = |label: String, values: Vec<String>| {
            Row::new(
                std::iter::once(Cell::from(label).style(style::bold())).chain(
                    values
                        .into_iter()
                        .map(|v| Cell::from(printable(&v).into_owned())),
                ),
            )
        };
        let mut rows = vec![
            row(
                Msg::Total.get(lang).to_owned(),
                cards
                    .iter()
                    .map(|c| format!("{} / 100", i18n::fixed(c.total, 1, lang)))
                    .collect(),
            ),
            row(
                Msg::Eligible.get(lang).to_owned(),
                cards
                    .iter()
                    .map(|c| match (c.eligible, c.reasons.first()) {
                        (true, _) => format!("✓ {}", Msg::Yes.get(lang)),
                        (false, Some(reason)) => format!("✗ {reason}"),
                        (false, None) => format!("✗ {}", Msg::No.get(lang)),
                    })
                    .collect(),
            ),
        ];
        for (i, criterion) in Criterion::ALL.iter().enumerate() {
            rows.push(row(
                criterion.label(lang).to_owned(),
                cards
                    .iter()
                    .map(|c| {
                        c.criteria.get(i).map_or("—".to_owned(), |l| {
                            format!(
                                "{} → {} pts",
                                i18n::percent(l.value, lang),
                                i18n::fixed(l.contribution, 1, lang)
                            )
                        })
                    })
                    .collect(),
            ));
        }
        rows.push(row(
            Msg::LotRetained.get(lang).to_owned(),
            cards
                .iter()
                .map(|c| {
                    c.lot
                        .as_ref()
                        .map_or(Msg::NoLot.get(lang).to_owned(), |lot| {
                            ctx.workspace.sites[*site]
                                .lot(lot)
                                .map_or(lot.to_string(), |l| l.label.clone())
                        })
                })
                .collect(),
        ));
        rows.push(row(
            Msg::AnnualCost.get(lang).to_owned(),
            cards
                .iter()
                .map(|c| {
                    c.annual_cost
                        .map_or("—".to_owned(), |m| i18n::money(m, lang))
                })
                .collect(),
        ));
        let widths = std::iter::once(Constraint::Length(14))
            .chain(cards.iter().map(|_| Constraint::Fill(1)));
        frame.render_widget(
            Table::new(rows, widths).header(header).column_spacing(2),
            inner,
        );
    }
}
