//! The structures as columns (one array per field, 32-bit lanes where possible), so that a
//! site's scan over a range of structures is a straight loop of comparisons and additions the
//! compiler turns into vector instructions.
//!
//! One layout per site kind. Structures are grouped by sector slot and anchoring, and sorted
//! inside a group by urgency at that kind, strongest first: the largest bound a site gives a
//! structure of the group (`SiteBound::bound`, city preferred) then never increases along the
//! group, whatever the weights (it is non-decreasing in urgency, rounding included). So the
//! pairs of a site whose bound reaches a given value are a prefix of each group, found by a
//! binary search: ranking a site touches those, not every structure.
//!
//! Positions are indices into these columns; `structure[position]` gives the structure back.

use crate::parallel;
use crate::scoring::bound::{preferred_cities, sector_slot};
use crate::scoring::prepared::{PreparedStructure, SectorIndex};
use std::ops::Range;

/// Structures of one sector slot and anchoring, strongest urgency first.
#[derive(Debug, Clone)]
pub struct Group {
    pub slot: u16,
    pub anchored: bool,
    pub positions: Range<usize>,
}

pub struct StructureColumns {
    /// Structure index at each position.
    pub structure: Vec<u32>,
    /// The structure's rank in id order (`rank_key`'s tie-break).
    pub id_order: Vec<u32>,
    pub groups: Vec<Group>,
    pub start: Vec<i32>,
    /// Start plus the grace the tolerances allow.
    pub latest_start: Vec<i32>,
    pub needed_days: Vec<i32>,
    pub duration_months: Vec<u32>,
    pub required_features: Vec<u32>,
    pub use_mask: Vec<u32>,
    pub surface_min: Vec<f64>,
    pub budget: Vec<f64>,
    /// `bound::preferred_cities`.
    pub preferred_cities: Vec<u64>,
    /// Urgency at the layout's site kind.
    pub urgency: Vec<f64>,
}

/// The three layouts, by site kind (`prepared::kind_index`).
pub struct Layouts {
    pub by_kind: [StructureColumns; 3],
}

impl Layouts {
    /// `id_order` is each structure's rank in id order: ties keep that order, so a layout does
    /// not depend on the order of the workspace's files. The three layouts are built on up to
    /// `threads` threads.
    pub fn new(
        structures: &[PreparedStructure],
        sectors: &SectorIndex,
        start_grace_days: i32,
        id_order: &[u32],
        threads: usize,
    ) -> Self {
        let mut built = parallel::map_indexed(
            3,
            threads,
            1,
            || (),
            |_, kind| {
                StructureColumns::for_kind(structures, sectors, start_grace_days, id_order, kind)
            },
        )
        .into_iter();
        let mut next = || built.next().expect("one layout per kind");
        Layouts {
            by_kind: [next(), next(), next()],
        }
    }
}

impl StructureColumns {
    fn for_kind(
        structures: &[PreparedStructure],
        sectors: &SectorIndex,
        start_grace_days: i32,
        id_order: &[u32],
        kind: usize,
    ) -> Self {
        let group_of = |s: &PreparedStructure| (sector_slot(s.sector, sectors), s.anchored);
        let mut order: Vec<u32> = (0..structures.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (x, y) = (&structures[a as usize], &structures[b as usize]);
            group_of(x)
                .cmp(&group_of(y))
                .then(y.urgency[kind].total_cmp(&x.urgency[kind]))
                .then(id_order[a as usize].cmp(&id_order[b as usize]))
        });
        let mut groups: Vec<Group> = Vec::new();
        for (position, &s) in order.iter().enumerate() {
            let (slot, anchored) = group_of(&structures[s as usize]);
            match groups.last_mut() {
                Some(g) if (g.slot, g.anchored) == (slot, anchored) => g.positions.end += 1,
                _ => groups.push(Group {
                    slot,
                    anchored,
                    positions: position..position + 1,
                }),
            }
        }
        let each = |s: &u32| &structures[*s as usize];
        StructureColumns {
            groups,
            id_order: order.iter().map(|&s| id_order[s as usize]).collect(),
            start: order.iter().map(|s| each(s).start).collect(),
            latest_start: order
                .iter()
                .map(|s| each(s).start.saturating_add(start_grace_days))
                .collect(),
            needed_days: order.iter().map(|s| each(s).needed_days).collect(),
            duration_months: order.iter().map(|s| each(s).duration_months).collect(),
            required_features: order
                .iter()
                .map(|s| u32::from(each(s).required_features))
                .collect(),
            use_mask: order.iter().map(|s| u32::from(each(s).use_mask)).collect(),
            surface_min: order.iter().map(|s| each(s).surface_min).collect(),
            budget: order.iter().map(|s| each(s).budget).collect(),
            preferred_cities: order.iter().map(|s| preferred_cities(each(s))).collect(),
            urgency: order.iter().map(|s| each(s).urgency[kind]).collect(),
            structure: order,
        }
    }

    pub fn len(&self) -> usize {
        self.structure.len()
    }

    pub fn is_empty(&self) -> bool {
        self.structure.is_empty()
    }
}
