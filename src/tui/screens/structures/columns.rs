//! The columns of the Structures table: what each shows, how wide, and how it sorts.

use crate::i18n::{self, Label, Lang};
use crate::tui::context::Context;
use crate::tui::figures;
use crate::tui::screens::lieux::columns::{by_option, by_option_desc, by_text};
use crate::tui::text::Msg;
use crate::tui::widgets::table::Width;
use ratatui::text::Line;
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructureColumn {
    Name,
    LegalForm,
    Sector,
    City,
    Need,
    Budget,
    Stage,
    OccupationEnd,
    Best,
}

impl StructureColumn {
    pub const ALL: [StructureColumn; 9] = [
        StructureColumn::Name,
        StructureColumn::LegalForm,
        StructureColumn::Sector,
        StructureColumn::City,
        StructureColumn::Need,
        StructureColumn::Budget,
        StructureColumn::Stage,
        StructureColumn::OccupationEnd,
        StructureColumn::Best,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            StructureColumn::Name => Msg::ColName,
            StructureColumn::LegalForm => Msg::ColLegalForm,
            StructureColumn::Sector => Msg::ColSector,
            StructureColumn::City => Msg::FilterCity,
            StructureColumn::Need => Msg::ColNeed,
            StructureColumn::Budget => Msg::ColBudget,
            StructureColumn::Stage => Msg::ColStage,
            StructureColumn::OccupationEnd => Msg::ColOccupationEnd,
            StructureColumn::Best => Msg::ColBest,
        }
        .get(lang)
    }

    pub fn width(self) -> (Width, u8) {
        match self {
            StructureColumn::Name => (Width::Flex { min: 30, weight: 1 }, 0),
            StructureColumn::LegalForm => (Width::Fixed(12), 6),
            StructureColumn::Sector => (Width::Fixed(16), 3),
            StructureColumn::City => (Width::Fixed(14), 4),
            StructureColumn::Need => (Width::Fixed(11), 1),
            StructureColumn::Budget => (Width::Fixed(10), 5),
            StructureColumn::Stage => (Width::Fixed(11), 7),
            StructureColumn::OccupationEnd => (Width::Fixed(14), 8),
            StructureColumn::Best => (Width::Fixed(8), 2),
        }
    }

    /// Budgets and best scores read largest first.
    pub fn descending(self) -> bool {
        matches!(self, StructureColumn::Budget | StructureColumn::Best)
    }
}

/// `best`: each structure's best total under the weights in force, when worked out.
pub fn compare(
    ctx: &Context,
    best: &[Option<f64>],
    column: StructureColumn,
    a: usize,
    b: usize,
) -> Ordering {
    let (sa, sb) = (&ctx.workspace.structures[a], &ctx.workspace.structures[b]);
    let t = &ctx.workspace.territory;
    let today = ctx.today;
    match column {
        StructureColumn::Name => Ordering::Equal,
        StructureColumn::LegalForm => sa.legal_form.cmp(&sb.legal_form),
        StructureColumn::Sector => by_text(t.sector_label(&sa.sector), t.sector_label(&sb.sector)),
        StructureColumn::City => by_text(t.city_name(&sa.home_city), t.city_name(&sb.home_city)),
        StructureColumn::Need => by_option(
            Some(sa.needs.surface_min.value()),
            Some(sb.needs.surface_min.value()),
        ),
        StructureColumn::Budget => sb.needs.max_annual_budget.cmp(&sa.needs.max_annual_budget),
        StructureColumn::Stage => by_option(
            figures::structure_stage(sa, today).0,
            figures::structure_stage(sb, today).0,
        ),
        // Soonest end first: those are the urgent ones.
        StructureColumn::OccupationEnd => by_option(
            figures::structure_stage(sa, today).1,
            figures::structure_stage(sb, today).1,
        ),
        StructureColumn::Best => by_option_desc(
            best.get(a).copied().flatten(),
            best.get(b).copied().flatten(),
        ),
    }
}

/// The cell of a column other than the name (which the screen highlights). `best` is the
/// structure's best total, when the column shows it.
pub fn cell(
    ctx: &Context,
    index: usize,
    column: StructureColumn,
    best: Option<f64>,
) -> Line<'static> {
    let lang = ctx.lang;
    let t = &ctx.workspace.territory;
    let s = &ctx.workspace.structures[index];
    match column {
        StructureColumn::Name => Line::from(s.name.clone()),
        StructureColumn::LegalForm => Line::from(s.legal_form.label(lang)),
        StructureColumn::Sector => Line::from(t.sector_label(&s.sector).to_owned()),
        StructureColumn::City => Line::from(t.city_name(&s.home_city).to_owned()),
        StructureColumn::Need => Line::from(format!(
            "{}–{}",
            i18n::number(s.needs.surface_min.value(), 0, lang),
            i18n::number(s.needs.surface_max.value(), 0, lang)
        ))
        .right_aligned(),
        StructureColumn::Budget => {
            Line::from(i18n::money(s.needs.max_annual_budget, lang)).right_aligned()
        }
        StructureColumn::Stage => Line::from(
            figures::structure_stage(s, ctx.today)
                .0
                .map_or("—", |k| k.label(lang)),
        ),
        StructureColumn::OccupationEnd => Line::from(
            figures::structure_stage(s, ctx.today)
                .1
                .map_or("—".to_owned(), |d| i18n::date(d, lang)),
        ),
        StructureColumn::Best => {
            Line::from(best.map_or("—".to_owned(), |b| i18n::fixed(b, 1, lang))).right_aligned()
        }
    }
}
