//! Up to three structures side by side for one site: totals, each criterion's value and
//! points, eligibility, the lot each would get and its annual cost.

use crate::i18n;
use crate::tui::app::App;
use crate::tui::ranking::{Criterion, ScoreCard};
use crate::tui::text::Msg;
use crate::tui::view::{popup, style};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let Some((site, structures)) = &app.comparison else {
        return;
    };
    let area = popup::centered(area, 110, 16);
    let title = format!(
        " {} — {} ",
        Msg::CompareTitle.get(lang),
        app.workspace.sites[*site].name
    );
    let inner = popup::frame_popup(frame, area, Line::from(title));
    let cards: Vec<ScoreCard> = structures
        .iter()
        .filter_map(|&s| {
            app.ranking
                .explain(&app.workspace, s, *site, &app.weights, lang)
        })
        .collect();
    if cards.is_empty() {
        frame.render_widget(Paragraph::new(Msg::CompareEmpty.get(lang)), inner);
        return;
    }
    let header = Row::new(
        std::iter::once(Cell::from("")).chain(
            structures
                .iter()
                .map(|&s| Cell::from(app.workspace.structures[s].name.clone())),
        ),
    )
    .style(style::header());
    let row = |label: String, values: Vec<String>| {
        Row::new(
            std::iter::once(Cell::from(label).style(style::bold()))
                .chain(values.into_iter().map(Cell::from)),
        )
    };
    let mut rows = vec![
        row(
            Msg::Total.get(lang).to_owned(),
            cards
                .iter()
                .map(|c| format!("{} / 100", i18n::number(c.total, 1, lang)))
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
                            i18n::number(l.contribution, 1, lang)
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
                        app.workspace.sites[*site]
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
    let widths =
        std::iter::once(Constraint::Length(14)).chain(cards.iter().map(|_| Constraint::Fill(1)));
    frame.render_widget(
        Table::new(rows, widths).header(header).column_spacing(2),
        inner,
    );
}
