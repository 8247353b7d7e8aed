//! Each structure's best total over the sites it is eligible for, under given weights (what
//! the Structures screen sorts on).
//!
//! A structure's bound at a site (`scoring::bound`) depends on the site through its kind, the
//! sector value it gives the structure's sector, its zone and its city. Sites sharing the first
//! three form a class, with two bounds (city preferred or not); a structure takes its sector's
//! classes strongest first, skips the sites whose bound cannot beat the best total found or
//! where it is not eligible (`figures::eligibility`), and stops at the first class that cannot
//! beat it: it evaluates a few pairs rather than every site.

use crate::domain::Weights;
use crate::parallel;
use crate::scoring::bound::{SiteBound, preferred_cities, sector_slot, slot_count};
use crate::scoring::criterion::shares;
use crate::scoring::evaluate::evaluate;
use crate::scoring::figures::Eligibility;
use crate::scoring::prepared::kind_index;
use crate::scoring::{Matcher, PairScore};

/// Sites sharing kind, sector value and zone, for one sector slot.
struct Class {
    /// Any site of the class: all give the same bounds (but for the city).
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
/// `eligibility` is `figures::eligibility(matcher, …)`: which pairs to evaluate at all.
pub fn best_totals(
    matcher: &Matcher,
    weights: &Weights,
    eligibility: &Eligibility,
    threads: usize,
) -> Vec<Option<f64>> {
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
    let city_bits: Vec<u64> = bounds.iter().map(SiteBound::city_bit).collect();
    parallel::map_indexed(
        matcher.structure_count(),
        threads,
        256,
        Vec::new,
        |order: &mut Vec<ClassBounds>, structure| {
            let st = &matcher.structures[structure];
            let slot = sector_slot(st.sector, sectors);
            let slot_classes = &by_slot[usize::from(slot)];
            order.clear();
            order.extend(slot_classes.classes.iter().map(|class| {
                let representative = &bounds[class.representative];
                let urgency = st.urgency[class.kind];
                ClassBounds {
                    preferred: representative.bound(slot, st.anchored, true, urgency),
                    other: representative.bound(slot, st.anchored, false, urgency),
                    sites: class.sites.clone(),
                }
            }));
            order.sort_unstable_by(|a, b| b.preferred.total_cmp(&a.preferred));
            let preferred = preferred_cities(st);
            let mut best: Option<f64> = None;
            let beaten = |best: Option<f64>, bound: f64| best.is_some_and(|b| bound <= b);
            for class in order.iter() {
                if beaten(best, class.preferred) {
                    break;
                }
                for &site in &slot_classes.sites[class.sites.clone()] {
                    let site = site as usize;
                    let exact = if preferred & city_bits[site] != 0 {
                        class.preferred
                    } else {
                        class.other
                    };
                    if beaten(best, exact) || !eligibility.is_eligible(structure, site) {
                        continue;
                    }
                    let prepared = &matcher.sites[site];
                    let evaluation = evaluate(st, prepared, &matcher.lots, &matcher.settings);
                    let total = PairScore::new(structure, site, &evaluation, &shares).total;
                    best = Some(best.map_or(total, |b| b.max(total)));
                }
            }
            best
        },
    )
}

/// A class's bounds for one structure: city preferred or not.
struct ClassBounds {
    preferred: f64,
    other: f64,
    sites: std::ops::Range<usize>,
}
