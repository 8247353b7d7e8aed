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
    let cells = instance.arcs.iter().enumerate().map(|(index, arc)| {
        let (r, c) = (row_of[&arc.structure], column_of[&arc.lot]);
        let cell = if transposed { (c, r) } else { (r, c) };
        let mut w = weight(index);
        if instance.pinned[arc.structure] {
            w = w.saturating_add(pin_weight);
        }
        (cell, w, index)
    });
    // Labels add up to about twice the largest weight: 32-bit integers halve the memory the
    // algorithm sweeps whenever they are wide enough.
    let (assignment, arc_at) = if pin_weight.saturating_mul(4) < i64::from(i32::MAX) {
        assign::<i32>(height, width, cells.map(|(cell, w, i)| (cell, w as i32, i)))
    } else {
        assign::<i64>(height, width, cells)
    };
    let mut chosen: Vec<usize> = assignment
        .iter()
        .enumerate()
        .filter_map(|(r, &c)| arc_at.get(&(r, c)).copied())
        .collect();
    chosen.sort_unstable();
    Solution { chosen }
}

type Assignment = (Vec<usize>, HashMap<(usize, usize), usize>);

/// Fills the matrix (the heaviest arc per cell) and solves it: the column of each row, and the
/// arc behind each filled cell.
fn assign<C>(
    height: usize,
    width: usize,
    cells: impl Iterator<Item = ((usize, usize), C, usize)>,
) -> Assignment
where
    C: pathfinding::num_traits::Bounded
        + std::iter::Sum<C>
        + pathfinding::num_traits::Signed
        + Ord
        + Copy,
{
    let mut matrix = Matrix::new(height, width, pathfinding::num_traits::Zero::zero());
    let mut arc_at = HashMap::new();
    for (cell, w, index) in cells {
        if w > matrix[cell] {
            matrix[cell] = w;
            arc_at.insert(cell, index);
        }
    }
    let (_, assignment) = kuhn_munkres(&matrix);
    (assignment, arc_at)
}
