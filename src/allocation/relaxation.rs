//! The linear relaxation: every pair taken by a fraction between 0 and 1, solved by `good_lp`
//! with the pure-Rust `microlp` simplex. Its optimum is at least the best allocation's value,
//! so it *certifies* how far a proposal can be from the optimum; its fractions guide rounding.

use crate::allocation::model::{Capacity, Instance};
use good_lp::{
    Expression, ProblemVariables, Solution as _, SolverModel, Variable, microlp, variable,
};

pub struct Relaxation {
    /// The LP optimum: no allocation obeying the same rules does better.
    pub bound: f64,
    /// The fraction of each arc.
    pub fractions: Vec<f64>,
}

/// Solves the relaxation; `hard_pins` makes each pinned structure's fractions sum to 1 and
/// `floor` enforces the priority-zone floor. None when those make it infeasible.
pub fn relax(instance: &Instance, hard_pins: bool, floor: bool) -> Option<Relaxation> {
    let mut vars = ProblemVariables::new();
    let xs: Vec<Variable> = instance
        .arcs
        .iter()
        .map(|_| vars.add(variable().min(0.0).max(1.0)))
        .collect();
    let mut objective = Expression::with_capacity(xs.len());
    let mut per_structure = vec![Expression::from(0.0); instance.structures];
    let mut per_lot = vec![Expression::from(0.0); instance.lots.len()];
    let mut used_structure = vec![false; instance.structures];
    let mut used_lot = vec![false; instance.lots.len()];
    let mut priority = Expression::from(0.0);
    for (i, arc) in instance.arcs.iter().enumerate() {
        objective.add_mul(instance.value(i), xs[i]);
        per_structure[arc.structure].add_mul(1.0, xs[i]);
        used_structure[arc.structure] = true;
        let size = match instance.lots[arc.lot].capacity {
            Capacity::Whole => 1.0,
            Capacity::Pool(_) => arc.m2,
        };
        per_lot[arc.lot].add_mul(size, xs[i]);
        used_lot[arc.lot] = true;
        if instance.is_priority(i) {
            priority.add_mul(1.0, xs[i]);
        }
    }
    let mut problem = vars.maximise(objective).using(microlp);
    for (s, expr) in per_structure.into_iter().enumerate() {
        if !used_structure[s] {
            continue;
        }
        problem = if hard_pins && instance.pinned[s] {
            problem.with(expr.eq(1.0))
        } else {
            problem.with(expr.leq(1.0))
        };
    }
    for (l, expr) in per_lot.into_iter().enumerate() {
        if !used_lot[l] {
            continue;
        }
        let size = match instance.lots[l].capacity {
            Capacity::Whole => 1.0,
            Capacity::Pool(m2) => m2,
        };
        problem = problem.with(expr.leq(size));
    }
    if floor && instance.min_priority > 0 {
        problem = problem.with(priority.geq(instance.min_priority as f64));
    }
    let solution = problem.solve().ok()?;
    let fractions: Vec<f64> = xs
        .iter()
        .map(|&x| solution.value(x).clamp(0.0, 1.0))
        .collect();
    let bound = fractions
        .iter()
        .enumerate()
        .map(|(i, f)| f * instance.value(i))
        .sum();
    Some(Relaxation { bound, fractions })
}
