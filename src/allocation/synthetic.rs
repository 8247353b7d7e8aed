//! Synthetic allocation problems of any size, deterministic for a seed: for the benchmarks and
//! the tests that check the promised gap at scale. Scores and surfaces follow the demo's
//! ranges (totals 40–100, needs 50–400 m², pools of 1 000–3 000 m²).

use crate::allocation::model::{Arc, Capacity, Instance, LotNode};
use crate::demo_data::Rng;

/// `structures` applying to `applications` sites each, among `sites` sites of `lots_per_site`
/// lots; pooled lots share m², others are given whole. Every third site is in a priority zone.
pub fn instance(
    structures: usize,
    sites: usize,
    lots_per_site: usize,
    applications: usize,
    pooled: bool,
    seed: u64,
) -> Instance {
    let mut rng = Rng::new(seed);
    let lots: Vec<LotNode> = (0..sites * lots_per_site)
        .map(|l| LotNode {
            site: l / lots_per_site,
            capacity: if pooled {
                Capacity::Pool(rng.range(1_000, 3_001) as f64)
            } else {
                Capacity::Whole
            },
        })
        .collect();
    let mut arcs = Vec::new();
    for structure in 0..structures {
        let need = rng.range(50, 401) as f64;
        let mut chosen: Vec<usize> = Vec::with_capacity(applications);
        while chosen.len() < applications.min(sites) {
            let site = rng.range(0, sites as u64) as usize;
            if !chosen.contains(&site) {
                chosen.push(site);
            }
        }
        for site in chosen {
            for lot in site * lots_per_site..(site + 1) * lots_per_site {
                // Not every lot serves every use.
                if !pooled && !rng.chance(0.6) {
                    continue;
                }
                arcs.push(Arc {
                    structure,
                    lot,
                    score: (rng.between(40.0, 100.0) * 10.0).round() / 10.0,
                    m2: need,
                });
            }
        }
    }
    Instance {
        structures,
        priority_site: (0..sites).map(|s| s % 3 == 0).collect(),
        lots,
        arcs,
        pinned: vec![false; structures],
        bonus: 0.0,
        min_priority: 0,
    }
}
