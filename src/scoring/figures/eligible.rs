//! Eligible candidates per site, and whether each structure fits at least one site. Weights
//! do not enter: computed once when the workspace opens.
//!
//! Every pair is checked, by the vectorised scan (`scoring::scan`) over blocks of structures
//! small enough to stay in cache while every site goes over them.

use crate::scoring::Matcher;
use crate::scoring::parallel;
use crate::scoring::scan::count_eligible;

/// Structures per block: a block's columns stay in the core's cache for all the sites.
const BLOCK: usize = 4096;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eligibility {
    /// Number of structures eligible for each site.
    pub per_site: Vec<usize>,
    /// Whether each structure is eligible for at least one site.
    pub fits: Vec<bool>,
}

pub fn eligibility(matcher: &Matcher, threads: usize) -> Eligibility {
    let (structures, sites) = (matcher.structure_count(), matcher.site_count());
    let layout = &matcher.layouts().by_kind[0];
    let rules: Vec<_> = (0..sites).map(|site| matcher.site_rules(site)).collect();
    let blocks = parallel::map_indexed(
        structures.div_ceil(BLOCK),
        threads,
        1,
        Vec::new,
        |flags, block| {
            let positions = block * BLOCK..((block + 1) * BLOCK).min(structures);
            let mut counts = vec![0u32; sites];
            let mut fits = vec![false; positions.len()];
            for (count, rules) in counts.iter_mut().zip(&rules) {
                count_eligible(layout, rules, positions.clone(), flags, count, &mut fits);
            }
            (counts, fits)
        },
    );
    let mut per_site = vec![0usize; sites];
    let mut fits = vec![false; structures];
    for (block, (counts, block_fits)) in blocks.into_iter().enumerate() {
        for (total, count) in per_site.iter_mut().zip(counts) {
            *total += count as usize;
        }
        for (offset, fit) in block_fits.into_iter().enumerate() {
            fits[layout.structure[block * BLOCK + offset] as usize] = fit;
        }
    }
    Eligibility { per_site, fits }
}
