//! From the relaxation's fractions to an allocation: round (pairs taken by the largest
//! fractions first), repair each pool by an exact 0/1 knapsack over the structures it holds and
//! those still unplaced, give the free whole lots by an exact assignment, reach the zone floor
//! by the cheapest moves, then move structures while a move gains.

use crate::allocation::exact::exact;
use crate::allocation::greedy::Builder;
use crate::allocation::model::{Capacity, Instance, Solution, Usage};
use crate::allocation::relaxation::Relaxation;

pub fn round_and_repair(instance: &Instance, relaxation: &Relaxation) -> Solution {
    let fractions = &relaxation.fractions;
    let mut order: Vec<usize> = (0..instance.arcs.len())
        .filter(|&a| fractions[a] > 1e-9)
        .collect();
    order.sort_by(|&a, &b| {
        let pinned = |x: usize| instance.pinned[instance.arcs[x].structure];
        pinned(b)
            .cmp(&pinned(a))
            .then(fractions[b].total_cmp(&fractions[a]))
            .then(instance.value(b).total_cmp(&instance.value(a)))
            .then(a.cmp(&b))
    });
    let mut builder = Builder::new(instance);
    for arc in order {
        builder.try_take(arc);
    }
    let mut solution = builder.solution;
    repair(instance, &mut solution);
    solution
}

/// The repairs, each never lowering the objective (the floor aside, which may cost points).
pub fn repair(instance: &Instance, solution: &mut Solution) {
    let by_structure = instance.arcs_by_structure();
    for lot in 0..instance.lots.len() {
        knapsack_pool(instance, solution, lot);
    }
    fill_whole_lots(instance, solution);
    reach_floor(instance, solution, &by_structure);
    improve_by_moves(instance, solution, &by_structure);
}

fn placed_structures(instance: &Instance, solution: &Solution) -> Vec<Option<usize>> {
    let mut at = vec![None; instance.structures];
    for &a in &solution.chosen {
        at[instance.arcs[a].structure] = Some(a);
    }
    at
}

/// Re-packs a pool: among the structures it holds and the unplaced ones that may take it, the
/// set of greatest value whose m² fit (pinned structures it holds are kept).
fn knapsack_pool(instance: &Instance, solution: &mut Solution, lot: usize) {
    let Capacity::Pool(size) = instance.lots[lot].capacity else {
        return;
    };
    let at = placed_structures(instance, solution);
    let mut kept_m2 = 0.0;
    let mut kept = Vec::new();
    let mut items = Vec::new();
    for (index, arc) in instance.arcs.iter().enumerate() {
        if arc.lot != lot {
            continue;
        }
        match at[arc.structure] {
            Some(current) if current == index => {
                if instance.pinned[arc.structure] {
                    kept_m2 += arc.m2;
                    kept.push(index);
                } else {
                    items.push(index);
                }
            }
            Some(_) => {}
            None => items.push(index),
        }
    }
    if items.is_empty() {
        return;
    }
    let room = (size - kept_m2).max(0.0);
    let best = knapsack(
        &items
            .iter()
            .map(|&a| (instance.arcs[a].m2, instance.value(a)))
            .collect::<Vec<_>>(),
        room,
    );
    let current: f64 = items
        .iter()
        .filter(|&&a| at[instance.arcs[a].structure] == Some(a))
        .map(|&a| instance.value(a))
        .sum();
    let chosen_value: f64 = best.iter().map(|&i| instance.value(items[i])).sum();
    if chosen_value <= current + 1e-9 {
        return;
    }
    solution
        .chosen
        .retain(|&a| instance.arcs[a].lot != lot || kept.contains(&a));
    solution.chosen.extend(best.into_iter().map(|i| items[i]));
}

/// Largest knapsack table kept (items × capacity cells); beyond it, m² are counted in coarser
/// units (each item's m² rounded up, the room rounded down, so the result still fits).
const MAX_CELLS: f64 = 4_000_000.0;

/// 0/1 knapsack: `items` are (m², value); returns the positions chosen, fitting in `room` m².
pub fn knapsack(items: &[(f64, f64)], room: f64) -> Vec<usize> {
    if items.is_empty() || room <= 0.0 {
        return items
            .iter()
            .enumerate()
            .filter(|(_, (m2, value))| *m2 <= 0.0 && *value > 0.0)
            .map(|(i, _)| i)
            .collect();
    }
    let unit = (room * items.len() as f64 / MAX_CELLS).max(1.0);
    let capacity = (room / unit + 1e-9).floor() as usize;
    let weights: Vec<usize> = items
        .iter()
        .map(|(m2, _)| (m2 / unit - 1e-9).ceil().max(0.0) as usize)
        .collect();
    let width = capacity + 1;
    let mut best = vec![0.0f64; width];
    let mut took = vec![false; items.len() * width];
    for (i, (&w, &(_, value))) in weights.iter().zip(items).enumerate() {
        if w > capacity || value <= 0.0 {
            continue;
        }
        for c in (w..=capacity).rev() {
            let with = best[c - w] + value;
            if with > best[c] {
                best[c] = with;
                took[i * width + c] = true;
            }
        }
    }
    let mut chosen = Vec::new();
    let mut c = capacity;
    for i in (0..items.len()).rev() {
        if took[i * width + c] {
            chosen.push(i);
            c -= weights[i];
        }
    }
    chosen.reverse();
    chosen
}

/// Gives the whole lots nobody holds to unplaced structures, exactly (an assignment).
fn fill_whole_lots(instance: &Instance, solution: &mut Solution) {
    let at = placed_structures(instance, solution);
    let mut usage = Usage::new(instance);
    for &a in &solution.chosen {
        usage.take(instance, a);
    }
    let free: Vec<usize> = (0..instance.arcs.len())
        .filter(|&a| {
            let arc = instance.arcs[a];
            at[arc.structure].is_none()
                && matches!(instance.lots[arc.lot].capacity, Capacity::Whole)
                && !usage.taken[arc.lot]
        })
        .collect();
    if free.is_empty() {
        return;
    }
    let sub = Instance {
        arcs: free.iter().map(|&a| instance.arcs[a]).collect(),
        ..instance.clone()
    };
    let filled = exact(&sub);
    solution
        .chosen
        .extend(filled.chosen.into_iter().map(|i| free[i]));
}

/// While too few placements are in the priority zones, makes the move that costs least: an
/// unplaced structure onto a priority lot, or a placed one moved there.
fn reach_floor(instance: &Instance, solution: &mut Solution, by_structure: &[Vec<usize>]) {
    while instance.priority_count(solution) < instance.min_priority {
        let at = placed_structures(instance, solution);
        let mut usage = Usage::new(instance);
        for &a in &solution.chosen {
            usage.take(instance, a);
        }
        let mut best: Option<(f64, Option<usize>, usize)> = None;
        for (structure, arcs) in by_structure.iter().enumerate() {
            let current = at[structure];
            if current.is_some_and(|c| instance.is_priority(c)) {
                continue;
            }
            for &a in arcs {
                if !instance.is_priority(a) || !usage.fits(instance, a) {
                    continue;
                }
                let gain = instance.value(a) - current.map_or(0.0, |c| instance.value(c));
                if best.is_none_or(|(g, _, _)| gain > g) {
                    best = Some((gain, current, a));
                }
            }
        }
        let Some((_, old, new)) = best else {
            return;
        };
        if let Some(old) = old {
            solution.chosen.retain(|&a| a != old);
        }
        solution.chosen.push(new);
    }
}

/// Moves one structure at a time (unplaced → a lot with room, or to a better lot with room)
/// while that gains and keeps the floor; a few rounds at most.
fn improve_by_moves(instance: &Instance, solution: &mut Solution, by_structure: &[Vec<usize>]) {
    for _ in 0..4 {
        let mut improved = false;
        let mut usage = Usage::new(instance);
        for &a in &solution.chosen {
            usage.take(instance, a);
        }
        let mut at = placed_structures(instance, solution);
        let mut priority = instance.priority_count(solution);
        for (structure, arcs) in by_structure.iter().enumerate() {
            let current = at[structure];
            let current_value = current.map_or(0.0, |c| instance.value(c));
            let mut best: Option<(f64, usize)> = None;
            for &a in arcs {
                if Some(a) == current {
                    continue;
                }
                if let Some(c) = current {
                    usage.release(instance, c);
                }
                let fits = usage.fits(instance, a);
                if let Some(c) = current {
                    usage.take(instance, c);
                }
                let keeps_floor = priority + usize::from(instance.is_priority(a))
                    - usize::from(current.is_some_and(|c| instance.is_priority(c)))
                    >= instance.min_priority.min(priority);
                let gain = instance.value(a) - current_value;
                if fits && keeps_floor && gain > 1e-9 && best.is_none_or(|(g, _)| gain > g) {
                    best = Some((gain, a));
                }
            }
            if let Some((_, a)) = best {
                if let Some(c) = current {
                    usage.release(instance, c);
                    priority -= usize::from(instance.is_priority(c));
                    solution.chosen.retain(|&x| x != c);
                }
                usage.take(instance, a);
                priority += usize::from(instance.is_priority(a));
                solution.chosen.push(a);
                at[structure] = Some(a);
                improved = true;
            }
        }
        if !improved {
            return;
        }
    }
}
