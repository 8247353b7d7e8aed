//! Columns of the two main tables and how rows sort by each (`s` next column, `S` reverse).

use crate::domain::Workspace;
use crate::i18n::Label;
use crate::i18n::Lang;
use crate::tui::figures;
use crate::tui::search::fold;
use crate::tui::text::Msg;
use chrono::NaiveDate;
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
}

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
}

/// Which column a table is sorted by (an index into the column list) and in which direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SortState {
    pub column: usize,
    pub reverse: bool,
}

impl SortState {
    pub fn next_column(&mut self, columns: usize) {
        self.column = (self.column + 1) % columns.max(1);
        self.reverse = false;
    }
}

/// Text compared without accents or case, so "Écocité" sorts among the E's.
fn by_text(a: &str, b: &str) -> Ordering {
    fold(a).text.cmp(&fold(b).text)
}

/// Ascending, missing values last.
fn by_option<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Descending (largest first), missing values still last.
fn by_option_desc<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.partial_cmp(&a).unwrap_or(Ordering::Equal),
        (a, b) => by_option(a, b),
    }
}

/// `names` are the sites' names folded, in workspace order (the tie-breaker).
pub fn compare_sites(
    workspace: &Workspace,
    names: &[String],
    eligible: &[Option<usize>],
    column: SiteColumn,
    a: usize,
    b: usize,
) -> Ordering {
    let (sa, sb) = (&workspace.sites[a], &workspace.sites[b]);
    let lang = Lang::Fr;
    let t = &workspace.territory;
    let primary = match column {
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
        // Most candidates first.
        SiteColumn::Eligible => by_option_desc(
            eligible.get(a).copied().flatten(),
            eligible.get(b).copied().flatten(),
        ),
    };
    primary.then_with(|| names.get(a).cmp(&names.get(b)))
}

pub fn compare_structures(
    workspace: &Workspace,
    names: &[String],
    best: &[Option<f64>],
    today: NaiveDate,
    column: StructureColumn,
    a: usize,
    b: usize,
) -> Ordering {
    let (sa, sb) = (&workspace.structures[a], &workspace.structures[b]);
    let t = &workspace.territory;
    let primary = match column {
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
        // Best score first.
        StructureColumn::Best => by_option_desc(
            best.get(a).copied().flatten(),
            best.get(b).copied().flatten(),
        ),
    };
    primary.then_with(|| names.get(a).cmp(&names.get(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_values_sort_last() {
        assert_eq!(by_option(Some(1), None), Ordering::Less);
        assert_eq!(by_option::<i32>(None, Some(1)), Ordering::Greater);
        assert_eq!(by_option_desc(Some(1), None), Ordering::Less);
        assert_eq!(by_option_desc(Some(1), Some(2)), Ordering::Greater);
        assert_eq!(by_text("Écocité", "Flandre"), Ordering::Less);
    }
}
