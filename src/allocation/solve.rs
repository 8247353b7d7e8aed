//! Chooses the method and certifies the result: lots given whole without a zone floor are an
//! assignment, solved exactly; otherwise the linear relaxation gives the bound and the
//! rounding-and-repair the allocation. The greedy allocation is computed too and kept if it is
//! ever better, so the answer is never below it.

use crate::allocation::exact::exact;
use crate::allocation::greedy::greedy;
use crate::allocation::model::{Instance, Solution};
use crate::allocation::relaxation::relax;
use crate::allocation::repair::{repair, round_and_repair};

#[derive(Debug, Clone, PartialEq)]
pub struct Solved {
    pub solution: Solution,
    pub objective: f64,
    /// No allocation under the same rules is worth more; equal to `objective` when exact.
    pub bound: f64,
    /// True when solved exactly (the bound is the optimum itself).
    pub exact: bool,
}

impl Solved {
    /// Relative distance to the bound: the allocation is within this fraction of the optimum.
    pub fn gap(&self) -> f64 {
        if self.bound <= 0.0 {
            0.0
        } else {
            ((self.bound - self.objective) / self.bound).max(0.0)
        }
    }
}

pub fn solve(instance: &Instance) -> Solved {
    if !instance.has_pools() && instance.min_priority == 0 {
        let mut solution = exact(instance);
        // Pins aside, the assignment is optimal; repairing keeps it so and greedy cannot beat it.
        solution = best_of(instance, solution, greedy(instance));
        let objective = instance.objective(&solution);
        return Solved {
            solution,
            objective,
            bound: objective,
            exact: true,
        };
    }
    let relaxation = relax(instance, true, true)
        .or_else(|| relax(instance, true, false))
        .or_else(|| relax(instance, false, false));
    let (candidate, bound) = match relaxation {
        Some(r) => (round_and_repair(instance, &r), r.bound),
        None => {
            let mut s = greedy(instance);
            repair(instance, &mut s);
            (s, f64::INFINITY)
        }
    };
    let solution = best_of(instance, candidate, greedy(instance));
    let objective = instance.objective(&solution);
    let bound = if bound.is_finite() {
        bound.max(objective)
    } else {
        objective
    };
    Solved {
        exact: (bound - objective).abs() <= 1e-6 * bound.max(1.0),
        solution,
        objective,
        bound,
    }
}

/// The better of two allocations: more pins honoured, then the floor reached, then value.
fn best_of(instance: &Instance, a: Solution, b: Solution) -> Solution {
    let key = |s: &Solution| {
        let pins = s
            .chosen
            .iter()
            .filter(|&&x| instance.pinned[instance.arcs[x].structure])
            .count();
        let floor = instance.priority_count(s) >= instance.min_priority;
        (pins, floor, instance.objective(s))
    };
    let (ka, kb) = (key(&a), key(&b));
    let b_better =
        (kb.0, kb.1) > (ka.0, ka.1) || ((kb.0, kb.1) == (ka.0, ka.1) && kb.2 > ka.2 + 1e-9);
    if b_better { b } else { a }
}
