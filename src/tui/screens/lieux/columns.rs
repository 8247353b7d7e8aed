//! The columns of the Lieux table: what each shows, how wide, and how it sorts.

use crate::domain::Site;
use crate::i18n::fold::fold_text;
use crate::i18n::{self, Label, Lang};
use crate::tui::context::Context;
use crate::tui::figures;
use crate::tui::text::Msg;
use crate::tui::widgets::table::Width;
use ratatui::text::Line;
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteColumn {
    Name,
    Programme,
    Kind,
    City,
    Surface,
    Fee,
    Available,
    Status,
    Eligible,
}

impl SiteColumn {
    pub const ALL: [SiteColumn; 9] = [
        SiteColumn::Name,
        SiteColumn::Programme,
        SiteColumn::Kind,
        SiteColumn::City,
        SiteColumn::Surface,
        SiteColumn::Fee,
        SiteColumn::Available,
        SiteColumn::Status,
        SiteColumn::Eligible,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            SiteColumn::Name => Msg::ColName,
            SiteColumn::Programme => Msg::ColProgramme,
            SiteColumn::Kind => Msg::ColKind,
            SiteColumn::City => Msg::ColCity,
            SiteColumn::Surface => Msg::ColSurface,
            SiteColumn::Fee => Msg::ColFee,
            SiteColumn::Available => Msg::ColAvailable,
            SiteColumn::Status => Msg::ColStatus,
            SiteColumn::Eligible => Msg::ColEligible,
        }
        .get(lang)
    }

    /// Width and priority (lower is kept longer): the name takes what is left.
    pub fn width(self) -> (Width, u8) {
        match self {
            SiteColumn::Name => (Width::Flex { min: 30, weight: 1 }, 0),
            SiteColumn::Programme => (Width::Fixed(12), 6),
            SiteColumn::Kind => (Width::Fixed(12), 2),
            SiteColumn::City => (Width::Fixed(20), 1),
            SiteColumn::Surface => (Width::Fixed(14), 4),
            SiteColumn::Fee => (Width::Fixed(8), 5),
            SiteColumn::Available => (Width::Fixed(23), 7),
            SiteColumn::Status => (Width::Fixed(8), 8),
            SiteColumn::Eligible => (Width::Fixed(9), 3),
        }
    }

    /// Surfaces and candidate counts read largest first.
    pub fn descending(self) -> bool {
        matches!(self, SiteColumn::Surface | SiteColumn::Eligible)
    }
}

/// Ascending, missing values last.
pub fn by_option<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Descending (largest first), missing values still last.
pub fn by_option_desc<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.partial_cmp(&a).unwrap_or(Ordering::Equal),
        (a, b) => by_option(a, b),
    }
}

/// Text compared without accents or case, so "Écocité" sorts among the E's.
pub fn by_text(a: &str, b: &str) -> Ordering {
    fold_text(a).cmp(&fold_text(b))
}

pub fn compare(ctx: &Context, column: SiteColumn, a: usize, b: usize) -> Ordering {
    let (sa, sb) = (&ctx.workspace.sites[a], &ctx.workspace.sites[b]);
    let t = &ctx.workspace.territory;
    let lang = ctx.lang;
    match column {
        SiteColumn::Name => Ordering::Equal,
        SiteColumn::Programme => by_text(sa.programme.label(lang), sb.programme.label(lang)),
        SiteColumn::Kind => sa.kind.cmp(&sb.kind),
        SiteColumn::City => by_text(t.city_name(&sa.city), t.city_name(&sb.city)),
        SiteColumn::Surface => by_option_desc(
            Some(figures::site_surfaces(sa).0.value()),
            Some(figures::site_surfaces(sb).0.value()),
        ),
        SiteColumn::Fee => by_option(figures::site_min_fee(sa), figures::site_min_fee(sb)),
        SiteColumn::Available => sa.available_from.cmp(&sb.available_from),
        SiteColumn::Status => sa.status.cmp(&sb.status),
        SiteColumn::Eligible => by_option_desc(ctx.eligibility.site(a), ctx.eligibility.site(b)),
    }
}

pub fn city_zone(ctx: &Context, site: &Site) -> String {
    match ctx.workspace.territory.city(&site.city) {
        Some(city) => format!("{} ({})", city.name, Label::label(&city.zone, ctx.lang)),
        None => site.city.to_string(),
    }
}

pub fn availability(site: &Site, lang: Lang) -> String {
    let from = i18n::date(site.available_from, lang);
    match site.available_until {
        Some(until) => format!("{from} → {}", i18n::date(until, lang)),
        None => format!("{} {from}", lang.pick("dès", "from")),
    }
}

/// The cell of a column other than the name (which the screen highlights).
pub fn cell(ctx: &Context, index: usize, column: SiteColumn) -> Line<'static> {
    let lang = ctx.lang;
    let site = &ctx.workspace.sites[index];
    match column {
        SiteColumn::Name => Line::from(site.name.clone()),
        SiteColumn::Programme => Line::from(site.programme.label(lang)),
        SiteColumn::Kind => Line::from(site.kind.label(lang)),
        SiteColumn::City => Line::from(city_zone(ctx, site)),
        SiteColumn::Surface => {
            let (free, total) = figures::site_surfaces(site);
            Line::from(format!(
                "{} / {}",
                i18n::number(free.value(), 0, lang),
                i18n::number(total.value(), 0, lang)
            ))
            .right_aligned()
        }
        SiteColumn::Fee => {
            Line::from(figures::site_min_fee(site).map_or("—".to_owned(), |m| i18n::money(m, lang)))
                .right_aligned()
        }
        SiteColumn::Available => Line::from(availability(site, lang)),
        SiteColumn::Status => Line::from(site.status.label(lang)),
        SiteColumn::Eligible => Line::from(match ctx.eligibility.site(index) {
            Some(n) => i18n::number(n as f64, 0, lang),
            // Worked out on other cores while the first frames are drawn.
            None if ctx.eligibility.pending => lang.pick("calcul…", "pending…").to_owned(),
            None => "—".to_owned(),
        })
        .right_aligned(),
    }
}
