//! Which pairs are eligible: how many structures each site could take, whether each structure
//! fits at least one site, and each pair's answer for the figures built on them. Weights do
//! not enter: computed once when the workspace opens.
//!
//! Every pair is checked, by the vectorised scan (`scoring::scan`) over blocks of structures
//! small enough to stay in cache while every site goes over them; the answers are kept as one
//! bit per pair (12 Mo at 100 000 × 1 000).

use crate::parallel;
use crate::scoring::Matcher;
use crate::scoring::scan::eligible;

/// Structures per block: a block's columns stay in the core's cache for all the sites.
const BLOCK: usize = 4096;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eligibility {
    /// Number of structures eligible for each site.
    pub per_site: Vec<usize>,
    /// Whether each structure is eligible for at least one site.
    pub fits: Vec<bool>,
    /// Bit `site % 64` of word `structure × words + site / 64`: whether the pair is eligible.
    pairs: Vec<u64>,
    words: usize,
}

impl Eligibility {
    pub fn is_eligible(&self, structure: usize, site: usize) -> bool {
        self.pairs
            .get(structure * self.words + site / 64)
            .is_some_and(|word| word >> (site % 64) & 1 == 1)
    }
}

/// Buffers of one thread.
#[derive(Default)]
struct Scratch {
    flags: Vec<u32>,
    /// One bit per site of the current 64, by position in the block.
    bits: Vec<u64>,
}

pub fn eligibility(matcher: &Matcher, threads: usize) -> Eligibility {
    let (structures, sites) = (matcher.structure_count(), matcher.site_count());
    let words = sites.div_ceil(64);
    let layout = &matcher.layouts().by_kind[0];
    let rules: Vec<_> = (0..sites).map(|site| matcher.site_rules(site)).collect();
    let blocks = parallel::map_indexed(
        structures.div_ceil(BLOCK),
        threads,
        1,
        Scratch::default,
        |scratch, block| {
            let positions = block * BLOCK..((block + 1) * BLOCK).min(structures);
            let mut counts = vec![0u32; sites];
            let mut rows = vec![0u64; positions.len() * words];
            for word in 0..words {
                scratch.bits.clear();
                scratch.bits.resize(positions.len(), 0);
                for bit in 0..64.min(sites - word * 64) {
                    let site = word * 64 + bit;
                    eligible(layout, &rules[site], positions.clone(), &mut scratch.flags);
                    counts[site] = scratch.flags.iter().sum();
                    for (bits, &flag) in scratch.bits.iter_mut().zip(&scratch.flags) {
                        *bits |= u64::from(flag) << bit;
                    }
                }
                for (offset, &bits) in scratch.bits.iter().enumerate() {
                    rows[offset * words + word] = bits;
                }
            }
            (counts, rows)
        },
    );
    let mut per_site = vec![0usize; sites];
    let mut pairs = vec![0u64; structures * words];
    for (block, (counts, rows)) in blocks.into_iter().enumerate() {
        for (total, count) in per_site.iter_mut().zip(counts) {
            *total += count as usize;
        }
        for (offset, row) in rows.chunks(words.max(1)).enumerate() {
            let structure = layout.structure[block * BLOCK + offset] as usize;
            pairs[structure * words..(structure + 1) * words].copy_from_slice(row);
        }
    }
    let fits = (0..structures)
        .map(|s| pairs[s * words..(s + 1) * words].iter().any(|&w| w != 0))
        .collect();
    Eligibility {
        per_site,
        fits,
        pairs,
        words,
    }
}
