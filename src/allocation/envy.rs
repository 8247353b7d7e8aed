//! Justified envy: a structure left out of a lot (unplaced, or placed elsewhere for fewer
//! points) although it scores more there than a structure that got it, and would have fitted
//! in that structure's place. The sum-of-scores optimum may do this on purpose (placing two
//! where one would not leave room); the officer sees each case, to explain or change it.

use crate::allocation::model::{Capacity, Instance, Solution, Usage};

/// (structure that envies, structure it envies, site) in instance indices, without repeats.
pub fn justified_envy(instance: &Instance, solution: &Solution) -> Vec<(usize, usize, usize)> {
    let mut at = vec![None; instance.structures];
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); instance.lots.len()];
    let mut usage = Usage::new(instance);
    for &a in &solution.chosen {
        let arc = instance.arcs[a];
        at[arc.structure] = Some(a);
        holders[arc.lot].push(a);
        usage.take(instance, a);
    }
    let mut envy = Vec::new();
    for (index, arc) in instance.arcs.iter().enumerate() {
        let current = at[arc.structure];
        if current == Some(index) || current.is_some_and(|c| instance.arcs[c].score >= arc.score) {
            continue;
        }
        for &b in &holders[arc.lot] {
            let held = instance.arcs[b];
            if held.structure == arc.structure || held.score >= arc.score {
                continue;
            }
            let fits = match instance.lots[arc.lot].capacity {
                Capacity::Whole => true,
                Capacity::Pool(_) => usage.free_m2(instance, arc.lot) + held.m2 >= arc.m2 - 1e-6,
            };
            if fits {
                envy.push((arc.structure, held.structure, instance.lots[arc.lot].site));
            }
        }
    }
    envy.sort_unstable();
    envy.dedup();
    envy
}
