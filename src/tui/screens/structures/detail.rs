//! The selected structure, described: what it is, what it needs, where it has been.

use crate::domain::Structure;
use crate::i18n::{self, Label};
use crate::tui::context::Context;
use crate::tui::text::{self, Msg};
use crate::tui::widgets::style;
use ratatui::text::{Line, Span};

/// Most useful lines first (narrow screens show the first two above the ranking).
pub fn lines(ctx: &Context, s: &Structure) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let t = &ctx.workspace.territory;
    let label = |m: Msg| Span::styled(text::label_colon(m.get(lang), lang), style::bold());
    let needs = &s.needs;
    let uses: Vec<&str> = needs.use_types.iter().map(|u| u.label(lang)).collect();
    let mut lines = vec![
        Line::styled(s.name.clone(), style::bold()),
        Line::from(format!(
            "{} · {} · {}",
            s.legal_form.label(lang),
            t.sector_label(&s.sector),
            t.city_name(&s.home_city),
        )),
        Line::from(label(Msg::Needs)),
        Line::from(format!(
            "  {}–{} · {} · {} {}/{}",
            i18n::number(needs.surface_min.value(), 0, lang),
            i18n::surface(needs.surface_max, lang),
            uses.join(", "),
            i18n::money(needs.max_annual_budget, lang),
            lang.pick("max", "max"),
            lang.pick("an", "yr"),
        )),
        Line::from(format!(
            "  {}{} · {}{} {}",
            text::label_colon(Msg::Start.get(lang), lang),
            i18n::date(needs.start, lang),
            text::label_colon(Msg::DurationLabel.get(lang), lang),
            needs.duration.in_months(),
            Msg::Months.get(lang),
        )),
    ];
    if !needs.preferred_cities.is_empty() {
        let cities: Vec<&str> = needs
            .preferred_cities
            .iter()
            .map(|c| t.city_name(c))
            .collect();
        lines.push(Line::from(format!(
            "  {}{}",
            text::label_colon(Msg::PreferredCities.get(lang), lang),
            cities.join(", ")
        )));
    }
    if !needs.required_features.is_empty() {
        let features: Vec<&str> = needs
            .required_features
            .iter()
            .map(|f| f.label(lang))
            .collect();
        lines.push(Line::from(format!(
            "  {}{}",
            text::label_colon(Msg::RequiredFeatures.get(lang), lang),
            features.join(", ")
        )));
    }
    lines.push(Line::from(label(Msg::Pathway)));
    if s.pathway.is_empty() {
        lines.push(Line::styled(
            format!("  {}", Msg::NoPathway.get(lang)),
            style::dim(),
        ));
    }
    for episode in &s.pathway {
        let place = episode
            .site
            .as_ref()
            .map(|id| {
                ctx.workspace
                    .site(id)
                    .map_or(id.as_str(), |site| site.name.as_str())
            })
            .or(episode.place.as_deref())
            .unwrap_or("—");
        let until = episode
            .to
            .map_or(Msg::Ongoing.get(lang).to_owned(), |d| i18n::date(d, lang));
        let current = if episode.covers(ctx.today) {
            "● "
        } else {
            "○ "
        };
        lines.push(Line::from(format!(
            "  {current}{} — {place} — {} → {until}",
            episode.kind.label(lang),
            i18n::date(episode.from, lang),
        )));
    }
    lines
}
