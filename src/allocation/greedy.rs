//! The greedy allocation: pinned structures first, then the best remaining pair, again and
//! again (priority-zone pairs first while the floor is not reached). The baseline the solver
//! must never fall below, and a safe answer when nothing better is found.

use crate::allocation::model::{Instance, Solution, Usage};

pub fn greedy(instance: &Instance) -> Solution {
    let mut order: Vec<usize> = (0..instance.arcs.len()).collect();
    order.sort_by(|&a, &b| {
        instance
            .value(b)
            .total_cmp(&instance.value(a))
            .then(a.cmp(&b))
    });
    let mut builder = Builder::new(instance);
    let pinned = |a: usize| instance.pinned[instance.arcs[a].structure];
    builder.take_while(order.iter().copied().filter(|&a| pinned(a)), |_| true);
    if instance.min_priority > 0 {
        let wanted = instance.min_priority;
        builder.take_while(
            order.iter().copied().filter(|&a| instance.is_priority(a)),
            |b| b.priority < wanted,
        );
    }
    builder.take_while(order.iter().copied(), |_| true);
    builder.solution
}

/// A solution built arc by arc, refusing what does not fit.
pub struct Builder<'a> {
    instance: &'a Instance,
    pub usage: Usage,
    pub placed: Vec<bool>,
    pub priority: usize,
    pub solution: Solution,
}

impl<'a> Builder<'a> {
    pub fn new(instance: &'a Instance) -> Self {
        Builder {
            instance,
            usage: Usage::new(instance),
            placed: vec![false; instance.structures],
            priority: 0,
            solution: Solution::default(),
        }
    }

    /// Takes the arc if its structure is free and its lot has room; says whether it did.
    pub fn try_take(&mut self, arc: usize) -> bool {
        let structure = self.instance.arcs[arc].structure;
        if self.placed[structure] || !self.usage.fits(self.instance, arc) {
            return false;
        }
        self.placed[structure] = true;
        self.usage.take(self.instance, arc);
        if self.instance.is_priority(arc) {
            self.priority += 1;
        }
        self.solution.chosen.push(arc);
        true
    }

    fn take_while(&mut self, arcs: impl Iterator<Item = usize>, go_on: impl Fn(&Self) -> bool) {
        for arc in arcs {
            if !go_on(self) {
                break;
            }
            self.try_take(arc);
        }
    }
}
