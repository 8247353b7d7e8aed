//! Each structure's best total over the sites it is eligible for, under given weights (what
//! the Structures screen sorts on).
//!
//! A structure's bound at a site (`scoring::bound`) depends on the site through its kind, the
//! sector value it gives the structure's sector, its zone and its city. Sites sharing the first
//! three form a class, whose largest bound (city preferred) is the same for all; a structure
//! takes its sector's classes strongest first and stops when a class cannot beat the best
//! total found, so it evaluates a handful of pairs rather than every site.

use crate::domain::Weights;
use crate::scoring::bound::{SiteBound, preferred_cities, sector_slot, slot_count};
use crate::scoring::criterion::shares;
use crate::scoring::evaluate::{evaluate, lot_free_reasons};
use crate::scoring::parallel;
use crate::scoring::prepared::kind_index;
use crate::scoring::{Matcher, PairScore};

/// Sites sharing kind, sector value and zone, for one sector slot.
struct Class {
    /// Any site of the class: all give the same largest bound.
    representative: usize,
    kind: usize,
    /// Range in `SlotClasses::sites`.
    sites: std::ops::Range<usize>,
}

struct SlotClasses {
    classes: Vec<Class>,
    sites: Vec<u32>,
}

fn classes(matcher: &Matcher, bounds: &[SiteBound], slot: u16) -> SlotClasses {
    let key = |site: usize| {
        (
            kind_index(matcher.sites[site].kind),
            bounds[site].sector_value(slot).to_bits(),
            matcher.sites[site].in_priority_zone,
        )
    };
    let mut sites: Vec<u32> = (0..bounds.len() as u32).collect();
    sites.sort_by_key(|&s| key(s as usize));
    let mut classes: Vec<Class> = Vec::new();
    for (position, &site) in sites.iter().enumerate() {
        let site = site as usize;
        match classes.last_mut() {
            Some(c) if key(c.representative) == key(site) => c.sites.end += 1,
            _ => classes.push(Class {
                representative: site,
                kind: kind_index(matcher.sites[site].kind),
                sites: position..position + 1,
            }),
        }
    }
    SlotClasses { classes, sites }
}

/// `result[structure]`: the best total among the sites the structure is eligible for, `None`
/// when it fits none. The same as the first site of `Matcher::rank_structure` when eligible.
pub fn best_totals(matcher: &Matcher, weights: &Weights, threads: usize) -> Vec<Option<f64>> {
    let shares = shares(weights);
    let sectors = &matcher.sectors;
    let bounds: Vec<SiteBound> = matcher
        .sites
        .iter()
        .map(|site| SiteBound::new(site, &shares, sectors))
        .collect();
    let by_slot: Vec<SlotClasses> = (0..slot_count(sectors))
        .map(|slot| classes(matcher, &bounds, slot as u16))
        .collect();
    parallel::map_indexed(
        matcher.structure_count(),
        threads,
        256,
        Vec::new,
        |order: &mut Vec<(f64, usize)>, structure| {
            let st = &matcher.structures[structure];
            let slot = sector_slot(st.sector, sectors);
            let slot_classes = &by_slot[usize::from(slot)];
            order.clear();
            order.extend(slot_classes.classes.iter().enumerate().map(|(index, c)| {
                let urgency = st.urgency[c.kind];
                (
                    bounds[c.representative].bound(slot, st.anchored, true, urgency),
                    index,
                )
            }));
            order.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
            let preferred = preferred_cities(st);
            let mut best: Option<f64> = None;
            let beaten = |best: Option<f64>, bound: f64| best.is_some_and(|b| bound <= b);
            for &(largest, index) in order.iter() {
                if beaten(best, largest) {
                    break;
                }
                let class = &slot_classes.classes[index];
                for &site in &slot_classes.sites[class.sites.clone()] {
                    let site = site as usize;
                    let bound = &bounds[site];
                    let exact = bound.bound(
                        slot,
                        st.anchored,
                        preferred & bound.city_bit() != 0,
                        st.urgency[class.kind],
                    );
                    let prepared = &matcher.sites[site];
                    if beaten(best, exact)
                        || st.use_mask & prepared.use_mask == 0
                        || !lot_free_reasons(st, prepared, &matcher.settings).is_empty()
                    {
                        continue;
                    }
                    let evaluation = evaluate(st, prepared, &matcher.lots, &matcher.settings);
                    if evaluation.reasons.is_empty() {
                        let total = PairScore::new(structure, site, &evaluation, &shares).total;
                        best = Some(best.map_or(total, |b| b.max(total)));
                    }
                }
            }
            best
        },
    )
}
