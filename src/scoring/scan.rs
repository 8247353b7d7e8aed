//! One site against a range of structures, as straight loops over `StructureColumns`: which
//! pairs are eligible. No branch inside the loops (rules are combined as 0/1 integers with
//! `&`), so they vectorise.
//!
//! This agrees exactly with `evaluate` (property tests): a pair is eligible iff it breaks no
//! rule checked without lots and one of the site's lots is of a use the structure asks for,
//! available in time and affordable at the smallest surface the structure accepts.

use crate::scoring::columns::StructureColumns;
use crate::scoring::prepared::{PreparedLot, PreparedSite};
use std::ops::Range;

/// A site's side of the rules.
pub struct SiteRules<'a> {
    from: i32,
    until: i32,
    bounded: bool,
    max_months: u32,
    /// Features the site lacks.
    missing_features: u32,
    use_mask: u32,
    lots: &'a [PreparedLot],
    /// Whether the site excludes each sector slot.
    excluded_slots: Vec<bool>,
}

impl<'a> SiteRules<'a> {
    /// `lots` are the site's own; `slot_of` maps a sector index to its slot.
    pub fn new(
        site: &PreparedSite,
        lots: &'a [PreparedLot],
        slot_count: usize,
        slot_of: impl Fn(u16) -> u16,
    ) -> Self {
        let mut excluded_slots = vec![false; slot_count];
        for &sector in &site.excluded_sectors {
            if let Some(excluded) = excluded_slots.get_mut(usize::from(slot_of(sector))) {
                *excluded = true;
            }
        }
        SiteRules {
            from: site.available_from,
            until: site.available_until,
            bounded: site.available_until != i32::MAX,
            max_months: site.max_months,
            missing_features: u32::from(!site.features),
            use_mask: u32::from(site.use_mask),
            lots,
            excluded_slots,
        }
    }
}

/// `out[i] &=` whether the structure at position `range.start + i` breaks no rule checked
/// without lots and the site has a lot of a use it asks for. The end-of-stay test is
/// `start + needed ≤ until` rearranged so it cannot overflow: dates are far from `i32`'s
/// limits, and an open-ended site skips it.
fn keep_possible(
    columns: &StructureColumns,
    rules: &SiteRules,
    range: Range<usize>,
    out: &mut [u32],
) {
    let n = out.len();
    let (start, latest, needed) = (
        &columns.start[range.clone()][..n],
        &columns.latest_start[range.clone()][..n],
        &columns.needed_days[range.clone()][..n],
    );
    let (months, features, uses) = (
        &columns.duration_months[range.clone()][..n],
        &columns.required_features[range.clone()][..n],
        &columns.use_mask[range][..n],
    );
    let unbounded = u32::from(!rules.bounded);
    let (from, until) = (rules.from, rules.until);
    for i in 0..n {
        let occupation_start = start[i].max(from);
        out[i] &= u32::from(from <= latest[i])
            & u32::from(until >= start[i])
            & u32::from(months[i] <= rules.max_months)
            & (unbounded | u32::from(needed[i] <= until.wrapping_sub(occupation_start)))
            & u32::from(features[i] & rules.missing_features == 0)
            & u32::from(uses[i] & rules.use_mask != 0);
    }
}

/// `out[i]` = whether one of the site's lots serves the structure at position
/// `range.start + i`: of a use it asks for, available in time, affordable at the smallest
/// surface it accepts. A lot open from the site's opening is available whenever the site is,
/// which `keep_possible` checks: its own date is then not tested again.
fn served(columns: &StructureColumns, rules: &SiteRules, range: Range<usize>, out: &mut [u32]) {
    let n = out.len();
    out.fill(0);
    let rows = LotRows {
        uses: &columns.use_mask[range.clone()][..n],
        latest: &columns.latest_start[range.clone()][..n],
        surface_min: &columns.surface_min[range.clone()][..n],
        budget: &columns.budget[range][..n],
    };
    for lot in rules.lots {
        match (lot.divisible, lot.available_from > rules.from) {
            (true, true) => rows.serve::<true, true>(lot, out),
            (true, false) => rows.serve::<true, false>(lot, out),
            (false, true) => rows.serve::<false, true>(lot, out),
            (false, false) => rows.serve::<false, false>(lot, out),
        }
    }
}

/// The columns a lot is tested against, for one range of positions.
struct LotRows<'a> {
    uses: &'a [u32],
    latest: &'a [i32],
    surface_min: &'a [f64],
    budget: &'a [f64],
}

impl LotRows<'_> {
    /// `out[i] |=` whether `lot` serves row `i`. The lot's divisibility and whether its date
    /// needs testing are fixed for the loop, so it has no branch.
    #[inline(always)]
    fn serve<const DIVISIBLE: bool, const OPENS_LATER: bool>(
        &self,
        lot: &PreparedLot,
        out: &mut [u32],
    ) {
        let lot_use = u32::from(lot.use_mask);
        let whole = lot.annual_cost(lot.surface);
        for (i, served) in out.iter_mut().enumerate() {
            let cost = if DIVISIBLE {
                lot.annual_cost(lot.surface.min(self.surface_min[i]))
            } else {
                whole
            };
            let in_time = !OPENS_LATER || lot.available_from <= self.latest[i];
            *served |= u32::from(self.uses[i] & lot_use != 0)
                & u32::from(in_time)
                & u32::from(cost <= self.budget[i]);
        }
    }
}

/// `out[i]` = 1 when the pair of the structure at position `range.start + i` would be eligible
/// if its sector were not excluded (the caller checks the slot), else 0.
pub fn eligible_unless_excluded(
    columns: &StructureColumns,
    rules: &SiteRules,
    range: Range<usize>,
    out: &mut Vec<u32>,
) {
    out.clear();
    out.resize(range.len(), 0);
    served(columns, rules, range.clone(), out);
    keep_possible(columns, rules, range, out);
}

/// Whether the site excludes the sector slot.
pub fn excludes(rules: &SiteRules, slot: u16) -> bool {
    rules
        .excluded_slots
        .get(usize::from(slot))
        .copied()
        .unwrap_or(false)
}

/// `out[i]` = 1 when the pair of the structure at position `block.start + i` is eligible,
/// else 0.
pub fn eligible(
    columns: &StructureColumns,
    rules: &SiteRules,
    block: Range<usize>,
    out: &mut Vec<u32>,
) {
    eligible_unless_excluded(columns, rules, block.clone(), out);
    for group in &columns.groups {
        let range = group.positions.start.max(block.start)..group.positions.end.min(block.end);
        if range.start < range.end && excludes(rules, group.slot) {
            out[range.start - block.start..range.end - block.start].fill(0);
        }
    }
}
