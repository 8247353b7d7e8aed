//! The allocation problem in numbers, with no name in it: structures, lots with a capacity,
//! and the arcs (a structure may take a lot) with their score and the m² they need.

/// How much a lot can take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Capacity {
    /// Given once, whole.
    Whole,
    /// A pool of m² (a divisible lot) shared while the m² retained fit.
    Pool(f64),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LotNode {
    /// Index of the lot's site in `Instance::priority_site`.
    pub site: usize,
    pub capacity: Capacity,
}

/// Structure `structure` may take lot `lot`, bringing `score` (0–100) and taking `m2`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arc {
    pub structure: usize,
    pub lot: usize,
    pub score: f64,
    pub m2: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Instance {
    pub structures: usize,
    pub lots: Vec<LotNode>,
    /// Per site: is it in a zone the rebalancing policy favours (Nord, Est)?
    pub priority_site: Vec<bool>,
    pub arcs: Vec<Arc>,
    /// Per structure: it must be placed (an acceptance, or the officer's pin). Its arcs were
    /// already narrowed to the site (or lot) it is pinned to.
    pub pinned: Vec<bool>,
    /// Points added per placed structure, so that more structures get a place.
    pub bonus: f64,
    /// At least this many placements on priority sites.
    pub min_priority: usize,
}

/// One arc chosen per placed structure.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Solution {
    pub chosen: Vec<usize>,
}

impl Instance {
    pub fn has_pools(&self) -> bool {
        self.lots
            .iter()
            .any(|l| matches!(l.capacity, Capacity::Pool(_)))
    }

    /// What an arc brings to the objective.
    pub fn value(&self, arc: usize) -> f64 {
        self.arcs[arc].score + self.bonus
    }

    pub fn is_priority(&self, arc: usize) -> bool {
        self.priority_site[self.lots[self.arcs[arc].lot].site]
    }

    pub fn objective(&self, solution: &Solution) -> f64 {
        solution.chosen.iter().map(|&a| self.value(a)).sum()
    }

    pub fn priority_count(&self, solution: &Solution) -> usize {
        solution
            .chosen
            .iter()
            .filter(|&&a| self.is_priority(a))
            .count()
    }

    /// Arcs of each structure.
    pub fn arcs_by_structure(&self) -> Vec<Vec<usize>> {
        let mut by = vec![Vec::new(); self.structures];
        for (i, arc) in self.arcs.iter().enumerate() {
            by[arc.structure].push(i);
        }
        by
    }

    /// Each structure at most once, no whole lot twice, no pool over its m².
    pub fn is_feasible(&self, solution: &Solution) -> bool {
        let mut placed = vec![false; self.structures];
        let mut usage = Usage::new(self);
        for &a in &solution.chosen {
            let arc = self.arcs[a];
            if placed[arc.structure] || !usage.fits(self, a) {
                return false;
            }
            placed[arc.structure] = true;
            usage.take(self, a);
        }
        true
    }
}

/// What each lot has given so far, while a solution is built.
#[derive(Debug, Clone, PartialEq)]
pub struct Usage {
    /// Whole lots: taken or not. Pools: m² retained.
    pub taken: Vec<bool>,
    pub m2: Vec<f64>,
}

/// Pools are compared with a little slack, so that m² computed in floating point and summing
/// exactly to the pool are not refused.
const M2_SLACK: f64 = 1e-6;

impl Usage {
    pub fn new(instance: &Instance) -> Self {
        Usage {
            taken: vec![false; instance.lots.len()],
            m2: vec![0.0; instance.lots.len()],
        }
    }

    pub fn fits(&self, instance: &Instance, arc: usize) -> bool {
        let a = instance.arcs[arc];
        match instance.lots[a.lot].capacity {
            Capacity::Whole => !self.taken[a.lot],
            Capacity::Pool(size) => self.m2[a.lot] + a.m2 <= size + M2_SLACK,
        }
    }

    pub fn take(&mut self, instance: &Instance, arc: usize) {
        let a = instance.arcs[arc];
        self.taken[a.lot] = true;
        self.m2[a.lot] += a.m2;
    }

    pub fn release(&mut self, instance: &Instance, arc: usize) {
        let a = instance.arcs[arc];
        self.taken[a.lot] = false;
        self.m2[a.lot] = (self.m2[a.lot] - a.m2).max(0.0);
    }

    /// m² still free on a pool (0 for a whole lot, which is free or not).
    pub fn free_m2(&self, instance: &Instance, lot: usize) -> f64 {
        match instance.lots[lot].capacity {
            Capacity::Whole => 0.0,
            Capacity::Pool(size) => (size - self.m2[lot]).max(0.0),
        }
    }
}
