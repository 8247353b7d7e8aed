//! Lots given whole and no zone floor: an assignment problem, solved exactly by the
//! Kuhn–Munkres (Hungarian) algorithm of the `pathfinding` crate.
//!
//! Structures are rows, lots columns; a pair that is not an arc weighs 0, which means "not
//! placed". Scores are scaled to integers (1/1000 of a point) plus 1, so a placement always
//! beats no placement; a pinned structure's arcs carry a weight larger than every other
//! placement together, so pins are honoured whenever they can be.

use crate::allocation::model::{Instance, Solution};
use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use std::collections::HashMap;

const SCALE: f64 = 1000.0;

pub fn exact(instance: &Instance) -> Solution {
    let mut rows: Vec<usize> = instance.arcs.iter().map(|a| a.structure).collect();
    rows.sort_unstable();
    rows.dedup();
    let mut columns: Vec<usize> = instance.arcs.iter().map(|a| a.lot).collect();
    columns.sort_unstable();
    columns.dedup();
    if rows.is_empty() {
        return Solution::default();
    }
    let row_of: HashMap<usize, usize> = rows.iter().enumerate().map(|(i, &s)| (s, i)).collect();
    let column_of: HashMap<usize, usize> =
        columns.iter().enumerate().map(|(i, &l)| (l, i)).collect();
    let weight = |arc: usize| (instance.value(arc).max(0.0) * SCALE).round() as i64 + 1;
    let heaviest = (0..instance.arcs.len()).map(weight).max().unwrap_or(1);
    let pin_weight = heaviest.saturating_mul(rows.len() as i64 + 1);
    let transposed = rows.len() > columns.len();
    let (height, width) = if transposed {
        (columns.len(), rows.len())
    } else {
        (rows.len(), columns.len())
    };
    let mut matrix = Matrix::new(height, width, 0i64);
    let mut arc_at = HashMap::with_capacity(instance.arcs.len());
    for (index, arc) in instance.arcs.iter().enumerate() {
        let (r, c) = (row_of[&arc.structure], column_of[&arc.lot]);
        let cell = if transposed { (c, r) } else { (r, c) };
        let mut w = weight(index);
        if instance.pinned[arc.structure] {
            w = w.saturating_add(pin_weight);
        }
        if w > matrix[cell] {
            matrix[cell] = w;
            arc_at.insert(cell, index);
        }
    }
    let (_, assignment) = kuhn_munkres(&matrix);
    let mut chosen: Vec<usize> = assignment
        .iter()
        .enumerate()
        .filter_map(|(r, &c)| arc_at.get(&(r, c)).copied())
        .collect();
    chosen.sort_unstable();
    Solution { chosen }
}
