//! The score card of one pair: every criterion's value, weight, contribution and explanation,
//! the eligibility reasons, the lot retained and its annual cost.

use crate::i18n::{self, Lang};
use crate::tui::app::App;
use crate::tui::ranking::ScoreCard;
use crate::tui::text::{self, Msg};
use crate::tui::ui_state::UiState;
use crate::tui::view::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn lines(app: &App, card: &ScoreCard, structure: usize, site: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let ws = &app.workspace;
    let label = |m: Msg| Span::styled(text::label_colon(m.get(lang), lang), style::bold());
    let mut lines = vec![
        Line::styled(
            format!(
                "{} × {}",
                ws.structures[structure].name, ws.sites[site].name
            ),
            style::bold(),
        ),
        Line::from(vec![
            label(Msg::Total),
            Span::styled(
                format!("{} / 100", i18n::number(card.total, 1, lang)),
                style::bold(),
            ),
            Span::raw("   "),
            if card.eligible {
                Span::styled(format!("✓ {}", Msg::Eligible.get(lang)), style::bold())
            } else {
                Span::styled(format!("✗ {}", Msg::Ineligible.get(lang)), style::error())
            },
        ]),
    ];
    lines.push(lot_line(app, card, site, lang));
    if !card.reasons.is_empty() {
        lines.push(Line::from(label(Msg::Reasons)));
        for reason in &card.reasons {
            lines.push(Line::from(format!("  ✗ {reason}")));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(
            "{:<16}{:>8}{:>8}{:>9}",
            Msg::ColCriterion.get(lang),
            Msg::ColValue.get(lang),
            Msg::ColWeight.get(lang),
            Msg::ColContribution.get(lang)
        ),
        style::header(),
    ));
    for line in &card.criteria {
        lines.push(Line::from(vec![
            Span::styled(format!("{:<16}", line.criterion.label(lang)), style::bold()),
            Span::raw(format!(
                "{:>8}{:>8}{:>9}",
                i18n::percent(line.value, lang),
                i18n::percent(line.weight, lang),
                i18n::number(line.contribution, 1, lang),
            )),
        ]));
        lines.push(Line::styled(
            format!("    {}", line.explanation),
            style::dim(),
        ));
    }
    lines
}

fn lot_line(app: &App, card: &ScoreCard, site: usize, lang: Lang) -> Line<'static> {
    let label = |m: Msg| Span::styled(text::label_colon(m.get(lang), lang), style::bold());
    let Some(lot_id) = &card.lot else {
        return Line::from(vec![
            label(Msg::LotRetained),
            Span::raw(Msg::NoLot.get(lang)),
        ]);
    };
    let lot_name = app.workspace.sites[site]
        .lot(lot_id)
        .map_or(lot_id.to_string(), |l| l.label.clone());
    let surface = card
        .surface
        .map(|s| format!(" ({})", i18n::surface(s, lang)))
        .unwrap_or_default();
    let mut spans = vec![
        label(Msg::LotRetained),
        Span::raw(format!("{lot_name}{surface}")),
    ];
    if let Some(cost) = card.annual_cost {
        spans.push(Span::raw(" — "));
        spans.push(label(Msg::AnnualCost));
        spans.push(Span::styled(i18n::money(cost, lang), style::bold()));
    }
    Line::from(spans)
}

pub fn render(app: &App, ui: &mut UiState, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let Some((structure, site)) = app.card else {
        return;
    };
    let lines = match app
        .ranking
        .explain(&app.workspace, structure, site, &app.weights, lang)
    {
        Some(card) => lines(app, &card, structure, site),
        None => vec![Line::from(Msg::ScoringUnavailable.get(lang))],
    };
    // As tall as the card (with room for a few wrapped explanations), no taller than the screen.
    let wanted = u16::try_from(lines.len() + 6).unwrap_or(u16::MAX);
    let area = popup::centered(area, 96, wanted.min(area.height));
    let inner = popup::frame_popup(
        frame,
        area,
        Line::from(format!(" {} ", Msg::ScoreCardTitle.get(lang))),
    );
    // Wrapped lines may take more rows than there are lines; the extra room keeps the end
    // reachable on narrow screens.
    ui.scroll_max = (lines.len() * 2).saturating_sub(usize::from(inner.height));
    let scroll = app.scroll.min(ui.scroll_max);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        inner,
    );
}
