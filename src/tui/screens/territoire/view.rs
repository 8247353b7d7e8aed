//! The Territoire screen drawn: the map on the left; on the right the balance of the chosen
//! figure per zone (and per city when there is room) with the territory's total, and the
//! impact fund of the year.

use crate::domain::Money;
use crate::domain::SiteKind;
use crate::i18n::{self, Label, Lang};
use crate::tui::context::Context;
use crate::tui::screens::territoire::bars::bar;
use crate::tui::screens::territoire::map::{self, SELECTED, site_symbol};
use crate::tui::screens::territoire::{Measure, Territoire};
use crate::tui::ui_state::UiState;
use crate::tui::widgets::cut::cut_line;
use crate::tui::widgets::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

const LABEL: usize = 22;
/// « investissement », the longest label of the fund's bars.
const FUND_LABEL: usize = 16;

pub fn render(
    screen: &Territoire,
    ctx: &Context,
    frame: &mut Frame,
    area: Rect,
    _ui: &mut UiState,
) -> Rect {
    let [map_area, right] =
        Layout::horizontal([Constraint::Percentage(42), Constraint::Fill(1)]).areas(area);
    map::render(
        ctx,
        screen.selected(),
        map_title(screen, ctx),
        frame,
        map_area,
    );
    legend(ctx.lang, frame, map_area);
    let fund = fund_lines(screen, ctx, usize::from(right.width.saturating_sub(2)));
    let fund_height = u16::try_from(fund.len() + 2).unwrap_or(u16::MAX);
    // The cities' bars when both panels fit with them.
    let cities = ctx.workspace.territory.cities.len() as u16;
    let with_cities = right.height >= fund_height + 7 + cities;
    let [balance_area, fund_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(fund_height)]).areas(right);
    let lines = balance_lines(
        screen,
        ctx,
        usize::from(right.width.saturating_sub(2)),
        with_cities,
    );
    panel(frame, balance_area, balance_title(screen, ctx), lines);
    panel(
        frame,
        fund_area,
        match ctx.lang {
            Lang::Fr => format!(" Fonds à impact {} ", screen.year),
            Lang::En => format!(" Impact fund {} ", screen.year),
        },
        fund,
    );
    map_area
}

fn panel(frame: &mut Frame, area: Rect, title: String, lines: Vec<Line<'static>>) {
    let block = Block::bordered().title(Line::styled(title, style::bold()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let lines: Vec<Line<'static>> = lines.into_iter().map(|l| cut_line(l, width)).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn map_title(screen: &Territoire, ctx: &Context) -> Line<'static> {
    let lang = ctx.lang;
    let ws = &ctx.workspace;
    match screen.selected().and_then(|i| ws.sites.get(i)) {
        Some(site) => Line::from(format!(
            " {} {} — {}, {} ",
            SELECTED,
            site.name,
            ws.territory.city_name(&site.city),
            site.kind.label(lang)
        )),
        None => Line::from(format!(" {} ", ws.territory.name)),
    }
}

/// The symbols of the map, on its bottom border.
fn legend(lang: Lang, frame: &mut Frame, area: Rect) {
    if area.height < 3 || area.width < 6 {
        return;
    }
    let text = format!(
        " • {} {} {} {} {} {} {} {} ",
        lang.pick("ville", "city"),
        site_symbol(SiteKind::Transitional),
        SiteKind::Transitional.label(lang),
        site_symbol(SiteKind::Incubator),
        SiteKind::Incubator.label(lang),
        site_symbol(SiteKind::Permanent),
        SiteKind::Permanent.label(lang),
        lang.pick("(j/k : lieu)", "(j/k: site)"),
    );
    let line = cut_line(
        Line::styled(text, style::dim()),
        usize::from(area.width.saturating_sub(2)),
    );
    let bottom = Rect {
        x: area.x + 1,
        y: area.y + area.height - 1,
        width: area.width - 2,
        height: 1,
    };
    frame.render_widget(Paragraph::new(line), bottom);
}

fn balance_title(screen: &Territoire, ctx: &Context) -> String {
    let lang = ctx.lang;
    format!(
        " {} {} — {} ",
        lang.pick("Équilibre", "Balance"),
        screen.year,
        screen.measure.label(lang, screen.year)
    )
}

fn balance_lines(
    screen: &Territoire,
    ctx: &Context,
    width: usize,
    with_cities: bool,
) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let measure = screen.measure;
    let balance = &screen.balance;
    let zone_max = balance
        .zones
        .iter()
        .map(|z| measure.value(&z.figures))
        .fold(0.0, f64::max);
    let city_max = balance
        .cities()
        .map(|c| measure.value(&c.figures))
        .fold(0.0, f64::max);
    let mut lines = Vec::new();
    for zone in &balance.zones {
        let label = format!(
            "{}{} ({})",
            zone.zone.label(lang),
            if zone.priority { " ★" } else { "" },
            zone.cities.len()
        );
        lines.push(bar(
            &label,
            LABEL,
            measure.value(&zone.figures),
            zone_max,
            &measure.written(&zone.figures, lang),
            width,
            style::bold(),
        ));
        if with_cities {
            for city in &zone.cities {
                lines.push(bar(
                    &format!("  {}", city.name),
                    LABEL,
                    measure.value(&city.figures),
                    city_max,
                    &measure.written(&city.figures, lang),
                    width,
                    Style::default(),
                ));
            }
        }
    }
    let sum = balance
        .zones
        .iter()
        .map(|z| z.zone.label(lang))
        .collect::<Vec<_>>()
        .join(" + ");
    lines.push(Line::styled(
        format!(
            "{}{} {} (= {sum})",
            lang.pick("Territoire", "Territory"),
            lang.pick("\u{a0}:", ":"),
            measure.written(&balance.total, lang)
        ),
        style::bold(),
    ));
    if matches!(measure, Measure::PlacementsCall)
        && let Some(call) = ctx.call()
    {
        lines.push(Line::styled(
            format!("{} {}", lang.pick("Appel\u{a0}:", "Call:"), call.title),
            style::dim(),
        ));
    }
    lines.push(Line::styled(
        match lang {
            Lang::Fr => {
                "★ zone prioritaire du rééquilibrage · b\u{a0}: mesure suivante · ←→\u{a0}: année"
            }
            Lang::En => "★ priority zone of the rebalancing · b: next figure · ←→: year",
        },
        style::dim(),
    ));
    lines
}

fn euros(amount: Money) -> f64 {
    amount.to_f64()
}

fn fund_lines(screen: &Territoire, ctx: &Context, width: usize) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let fund = &screen.fund;
    let money = |m: Money| i18n::money(m, lang);
    let mut lines = Vec::new();
    let scale = fund
        .envelope
        .map_or_else(|| euros(fund.totals.requested), euros)
        .max(euros(fund.totals.requested));
    match fund.envelope {
        Some(envelope) => {
            let share = if euros(envelope) > 0.0 {
                format!(
                    " ({})",
                    i18n::percent(euros(fund.totals.granted) / euros(envelope), lang)
                )
            } else {
                String::new()
            };
            lines.push(bar(
                lang.pick("Accordé", "Granted"),
                FUND_LABEL,
                euros(fund.totals.granted),
                scale,
                &format!(
                    "{} / {}{share}",
                    money(fund.totals.granted),
                    money(envelope)
                ),
                width,
                style::bold(),
            ));
            if let Some(from) = fund.envelope_from {
                lines.push(Line::styled(
                    match lang {
                        Lang::Fr => format!("  enveloppe de {from}, reconduite"),
                        Lang::En => format!("  envelope of {from}, carried over"),
                    },
                    style::dim(),
                ));
            }
        }
        None => lines.push(Line::styled(
            match lang {
                Lang::Fr => format!(
                    "Aucune enveloppe pour {} (territory.json, impact_fund.envelopes)",
                    fund.year
                ),
                Lang::En => format!(
                    "No envelope for {} (territory.json, impact_fund.envelopes)",
                    fund.year
                ),
            },
            style::error(),
        )),
    }
    lines.push(bar(
        lang.pick("Demandé", "Requested"),
        FUND_LABEL,
        euros(fund.totals.requested),
        scale,
        &money(fund.totals.requested),
        width,
        Style::default(),
    ));
    // Zones and purposes share one scale: each set adds up to the year's totals.
    let zone_scale = euros(fund.totals.granted).max(euros(fund.totals.requested));
    let parts = fund
        .by_zone
        .iter()
        .map(|(zone, amounts)| (zone.label(lang), amounts))
        .chain(
            fund.by_purpose
                .iter()
                .map(|(purpose, amounts)| (purpose.label(lang), amounts)),
        );
    for (label, amounts) in parts {
        lines.push(bar(
            &format!("  {label}"),
            FUND_LABEL,
            euros(amounts.granted),
            zone_scale,
            &format!(
                "{} ({} {})",
                money(amounts.granted),
                money(amounts.requested),
                lang.pick("demandés", "requested")
            ),
            width,
            Style::default(),
        ));
    }
    let cap = money(fund.cap_per_structure);
    if fund.over_cap.is_empty() {
        lines.push(Line::styled(
            match lang {
                Lang::Fr => format!("Aucune structure au-delà du plafond de {cap}"),
                Lang::En => format!("No structure above the cap of {cap}"),
            },
            style::dim(),
        ));
    } else {
        let names: Vec<&str> = fund
            .over_cap
            .iter()
            .map(|id| {
                ctx.workspace
                    .structure(id)
                    .map_or(id.as_str(), |s| s.name.as_str())
            })
            .collect();
        lines.push(Line::styled(
            match lang {
                Lang::Fr => format!("⚠ Au-delà du plafond de {cap}\u{a0}: {}", names.join(", ")),
                Lang::En => format!("⚠ Above the cap of {cap}: {}", names.join(", ")),
            },
            style::error(),
        ));
    }
    lines
}
