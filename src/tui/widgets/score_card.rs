//! The score card of one pair, as lines: every criterion's value, weight, contribution and
//! explanation, the eligibility reasons, the lot retained and its annual cost. The popup and
//! the Appel tab's detail draw the same lines.

use crate::i18n::{self, Lang};
use crate::tui::context::Context;
use crate::tui::ranking::ScoreCard;
use crate::tui::text::{self, Msg};
use crate::tui::widgets::style;
use ratatui::text::{Line, Span};

pub fn lines(ctx: &Context, card: &ScoreCard, structure: usize, site: usize) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let ws = &ctx.workspace;
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
                format!("{} / 100", i18n::fixed(card.total, 1, lang)),
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
    lines.push(lot_line(ctx, card, site, lang));
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
                i18n::fixed(line.contribution, 1, lang),
            )),
        ]));
        lines.push(Line::styled(
            format!("    {}", line.explanation),
            style::dim(),
        ));
    }
    lines
}

fn lot_line(ctx: &Context, card: &ScoreCard, site: usize, lang: Lang) -> Line<'static> {
    let label = |m: Msg| Span::styled(text::label_colon(m.get(lang), lang), style::bold());
    let Some(lot_id) = &card.lot else {
        return Line::from(vec![
            label(Msg::LotRetained),
            Span::raw(Msg::NoLot.get(lang)),
        ]);
    };
    let lot_name = ctx.workspace.sites[site]
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
