//! Scoring one (structure, site) pair from precomputed numbers. This is the hot loop: it
//! allocates nothing and is shared by the ranking and by the explained score card.

use crate::scoring::Settings;
use crate::scoring::criteria::{cost, rebalancing, sector, surface};
use crate::scoring::eligibility::{Ineligibility, Reasons};
use crate::scoring::prepared::{PreparedLot, PreparedSite, PreparedStructure, kind_index};

/// Everything computed for a pair, before any word is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    pub reasons: Reasons,
    /// Criterion values in [0, 1], in `Criterion::ALL` order.
    pub values: [f64; 5],
    /// Index (into `Matcher::lots`) of the lot retained, if any lot serves the need.
    pub lot: Option<usize>,
    /// Surface retained on that lot, m².
    pub surface: f64,
    /// Annual cost of that surface, €.
    pub annual_cost: f64,
}

/// The lot retained: among the lots serving the need and available in time, the best surface
/// value, then the best cost value, then the cheapest. Choosing on surface first (which does not
/// depend on the budget) keeps the cost value monotonic: more budget never lowers it.
struct LotChoice {
    lot: Option<usize>,
    surface: f64,
    annual_cost: f64,
    surface_value: f64,
    cost_value: f64,
    any_serving: bool,
    any_affordable: bool,
}

fn choose_lot(
    st: &PreparedStructure,
    site: &PreparedSite,
    lots: &[PreparedLot],
    latest_start: i32,
    settings: &Settings,
) -> LotChoice {
    let mut choice = LotChoice {
        lot: None,
        surface: 0.0,
        annual_cost: 0.0,
        surface_value: 0.0,
        cost_value: 0.0,
        any_serving: false,
        any_affordable: false,
    };
    if site.use_mask & st.use_mask == 0 {
        return choice;
    }
    let mut best = (f64::NEG_INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for index in site.lots.clone() {
        let lot = &lots[index];
        if lot.use_mask & st.use_mask == 0 {
            continue;
        }
        choice.any_serving = true;
        if lot.available_from > latest_start {
            continue;
        }
        let smallest = surface::smallest(lot.surface, lot.divisible, st.surface_min);
        if lot.annual_cost(smallest) <= st.budget {
            choice.any_affordable = true;
        }
        let retained = surface::retained(
            lot.surface,
            lot.divisible,
            st.surface_min,
            st.surface_max,
            st.budget,
            lot.per_m2_year,
            lot.flat_year,
        );
        let annual_cost = lot.annual_cost(retained);
        let surface_value = surface::value(
            retained,
            st.surface_min,
            st.surface_max,
            lot.divisible,
            settings,
        );
        let cost_value = cost::value(annual_cost, st.budget, settings);
        let key = (surface_value, cost_value, -annual_cost);
        if key > best {
            best = key;
            choice.lot = Some(index);
            choice.surface = retained;
            choice.annual_cost = annual_cost;
            choice.surface_value = surface_value;
            choice.cost_value = cost_value;
        }
    }
    choice
}

/// The part of a pair's evaluation that needs no lot: the rules on sector, dates, duration
/// and features, and the sector, rebalancing and urgency values. Cheap, and an upper bound of
/// the whole: the lot loop can only add reasons and its two values are at most 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quick {
    pub reasons: Reasons,
    pub sector: f64,
    pub rebalancing: f64,
    pub urgency: f64,
}

/// The rules checked without lots: sector, dates, duration, features.
pub fn lot_free_reasons(
    st: &PreparedStructure,
    site: &PreparedSite,
    settings: &Settings,
) -> Reasons {
    let mut reasons = Reasons::default();
    if site.excluded_sectors.contains(&st.sector) {
        reasons.insert(Ineligibility::ExcludedSector);
    }
    let latest_start = st.start.saturating_add(settings.start_grace_days);
    if site.available_from > latest_start || site.available_until < st.start {
        reasons.insert(Ineligibility::NotAvailable);
    }
    let occupation_start = st.start.max(site.available_from);
    if st.duration_months > site.max_months
        || (site.available_until != i32::MAX
            && occupation_start.saturating_add(st.needed_days) > site.available_until)
    {
        reasons.insert(Ineligibility::TooLong);
    }
    if st.required_features & !site.features != 0 {
        reasons.insert(Ineligibility::MissingFeature);
    }
    reasons
}

pub fn quick(st: &PreparedStructure, site: &PreparedSite, settings: &Settings) -> Quick {
    let reasons = lot_free_reasons(st, site, settings);
    let fit = sector::fit(
        st.sector,
        st.family,
        &site.priority_sectors,
        &site.priority_families,
    );
    Quick {
        reasons,
        sector: sector::value(fit),
        rebalancing: rebalancing::value(
            site.in_priority_zone,
            st.anchored,
            st.prefers_city(site.city),
        ),
        urgency: st.urgency[kind_index(site.kind)],
    }
}

pub fn evaluate(
    st: &PreparedStructure,
    site: &PreparedSite,
    lots: &[PreparedLot],
    settings: &Settings,
) -> Evaluation {
    complete(quick(st, site, settings), st, site, lots, settings)
}

/// Adds the lot retained (and the rules that depend on lots) to a quick evaluation.
pub fn complete(
    quick: Quick,
    st: &PreparedStructure,
    site: &PreparedSite,
    lots: &[PreparedLot],
    settings: &Settings,
) -> Evaluation {
    let mut reasons = quick.reasons;
    let latest_start = st.start.saturating_add(settings.start_grace_days);
    let choice = choose_lot(st, site, lots, latest_start, settings);
    if !choice.any_serving {
        reasons.insert(Ineligibility::NoLotForUse);
    } else if choice.lot.is_none() {
        reasons.insert(Ineligibility::NotAvailable);
    } else if !choice.any_affordable {
        reasons.insert(Ineligibility::OverBudget);
    }
    Evaluation {
        reasons,
        values: [
            choice.surface_value,
            choice.cost_value,
            quick.sector,
            quick.rebalancing,
            quick.urgency,
        ],
        lot: choice.lot,
        surface: choice.surface,
        annual_cost: choice.annual_cost,
    }
}
