//! The allocation solver on instances solved by hand, and its guarantees on random ones:
//! never over a lot's or a pool's capacity, each structure at most once, pins honoured, the
//! certified gap non-negative and true, never below the greedy allocation.

use ancrage::allocation::greedy::greedy;
use ancrage::allocation::repair::knapsack;
use ancrage::allocation::{Arc, Capacity, Instance, LotNode, Solution, solve};
use proptest::prelude::*;

fn arc(structure: usize, lot: usize, score: f64, m2: f64) -> Arc {
    Arc {
        structure,
        lot,
        score,
        m2,
    }
}

fn instance(structures: usize, lots: Vec<LotNode>, arcs: Vec<Arc>) -> Instance {
    let sites = lots.iter().map(|l| l.site).max().map_or(0, |m| m + 1);
    Instance {
        structures,
        lots,
        priority_site: vec![false; sites],
        arcs,
        pinned: vec![false; structures],
        bonus: 0.0,
        min_priority: 0,
    }
}

fn whole(site: usize) -> LotNode {
    LotNode {
        site,
        capacity: Capacity::Whole,
    }
}

fn pool(site: usize, m2: f64) -> LotNode {
    LotNode {
        site,
        capacity: Capacity::Pool(m2),
    }
}

/// The best allocation, by trying every choice (small instances only).
fn brute_force(instance: &Instance) -> Option<f64> {
    let by = instance.arcs_by_structure();
    let mut best: Option<f64> = None;
    let mut choice = vec![0usize; instance.structures];
    loop {
        let chosen: Vec<usize> = choice
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(s, c)| by[s][c - 1])
            .collect();
        let solution = Solution { chosen };
        let pins_ok = (0..instance.structures)
            .all(|s| !instance.pinned[s] || choice[s] > 0 || by[s].is_empty());
        if instance.is_feasible(&solution)
            && pins_ok
            && instance.priority_count(&solution) >= instance.min_priority
        {
            let value = instance.objective(&solution);
            best = Some(best.map_or(value, |b: f64| b.max(value)));
        }
        // Next combination.
        let mut s = 0;
        loop {
            if s == instance.structures {
                return best;
            }
            choice[s] += 1;
            if choice[s] <= by[s].len() {
                break;
            }
            choice[s] = 0;
            s += 1;
        }
    }
}

#[test]
fn three_structures_two_workshops_exactly() {
    // A is best everywhere, but B only fits lot 0: the optimum gives lot 0 to B, lot 1 to A.
    let inst = instance(
        3,
        vec![whole(0), whole(0)],
        vec![
            arc(0, 0, 90.0, 100.0),
            arc(0, 1, 85.0, 100.0),
            arc(1, 0, 80.0, 100.0),
            arc(2, 1, 40.0, 100.0),
        ],
    );
    let solved = solve(&inst);
    assert!(solved.exact);
    assert_eq!(solved.objective, 165.0);
    assert_eq!(solved.gap(), 0.0);
    assert_eq!(greedy(&inst).chosen.len(), 2);
    assert_eq!(
        inst.objective(&greedy(&inst)),
        130.0,
        "greedy gives lot 0 to A"
    );
}

#[test]
fn a_pool_holds_the_two_that_fit_rather_than_the_best_one() {
    // 100 m²: A (60 m², 50 pts) alone, or B and C (50 m² each, 45 pts each) together.
    let inst = instance(
        3,
        vec![pool(0, 100.0)],
        vec![
            arc(0, 0, 50.0, 60.0),
            arc(1, 0, 45.0, 50.0),
            arc(2, 0, 45.0, 50.0),
        ],
    );
    let solved = solve(&inst);
    assert_eq!(solved.objective, 90.0);
    assert!(solved.bound >= 90.0 - 1e-9 && solved.gap() >= 0.0);
    assert_eq!(inst.objective(&greedy(&inst)), 50.0);
}

#[test]
fn the_bonus_makes_room_for_more_structures() {
    // Without bonus: A alone (100 pts) beats B + C (2 × 45). With 20 pts each, B + C win.
    let mut inst = instance(
        3,
        vec![pool(0, 100.0)],
        vec![
            arc(0, 0, 100.0, 100.0),
            arc(1, 0, 45.0, 50.0),
            arc(2, 0, 45.0, 50.0),
        ],
    );
    assert_eq!(solve(&inst).solution.chosen.len(), 1);
    inst.bonus = 20.0;
    let solved = solve(&inst);
    assert_eq!(solved.solution.chosen.len(), 2);
    assert_eq!(solved.objective, 130.0);
}

#[test]
fn the_zone_floor_moves_a_structure_east() {
    // Site 0 (West) and site 1 (East), one workshop each. A scores 90 West, 50 East; B only
    // applied West (80). The best is A West alone or A East + B West: 130. With a floor of
    // one East placement and B gone, A must go East.
    let mut inst = instance(
        2,
        vec![whole(0), whole(1)],
        vec![
            arc(0, 0, 90.0, 50.0),
            arc(0, 1, 50.0, 50.0),
            arc(1, 0, 80.0, 50.0),
        ],
    );
    inst.priority_site = vec![false, true];
    assert_eq!(solve(&inst).objective, 130.0);
    inst.arcs.pop();
    assert_eq!(solve(&inst).objective, 90.0, "A West");
    inst.min_priority = 1;
    let solved = solve(&inst);
    assert_eq!(inst.priority_count(&solved.solution), 1);
    assert_eq!(solved.objective, 50.0, "A East");
    assert!(solved.gap() <= 1e-9);
}

#[test]
fn a_pinned_structure_is_placed_even_when_it_costs() {
    let mut inst = instance(
        2,
        vec![whole(0)],
        vec![arc(0, 0, 90.0, 50.0), arc(1, 0, 30.0, 50.0)],
    );
    inst.pinned[1] = true;
    let solved = solve(&inst);
    assert_eq!(solved.solution.chosen, vec![1]);
}

#[test]
fn knapsack_by_hand() {
    let items = [(60.0, 50.0), (50.0, 45.0), (50.0, 45.0), (10.0, 1.0)];
    let mut chosen = knapsack(&items, 100.0);
    chosen.sort_unstable();
    assert_eq!(chosen, vec![1, 2]);
    assert!(knapsack(&items, 5.0).is_empty());
    // Coarse units still fit: 3 items of 400 000 m² in 1 000 000 m².
    let big = [(400_000.0, 1.0), (400_000.0, 1.0), (400_000.0, 1.0)];
    assert_eq!(knapsack(&big, 1_000_000.0).len(), 2);
}

fn arb_instance() -> impl Strategy<Value = Instance> {
    (2usize..7, 1usize..5, any::<bool>()).prop_flat_map(|(structures, lots, pooled)| {
        let lot_nodes = proptest::collection::vec(
            (0usize..3, any::<bool>(), 50.0f64..400.0).prop_map(move |(site, is_pool, m2)| {
                LotNode {
                    site,
                    capacity: if pooled && is_pool {
                        Capacity::Pool(m2.round())
                    } else {
                        Capacity::Whole
                    },
                }
            }),
            lots,
        );
        let arcs = proptest::collection::vec(
            (0..structures, 0..lots, 0.0f64..100.0, 20.0f64..250.0),
            0..(structures * 3),
        );
        (
            lot_nodes,
            arcs,
            proptest::collection::vec(any::<bool>(), 3),
            0usize..3,
            prop::option::of(0..structures),
            0.0f64..15.0,
        )
            .prop_map(move |(lots, raw, zones, floor, pin, bonus)| {
                let mut seen = std::collections::BTreeSet::new();
                let arcs: Vec<Arc> = raw
                    .into_iter()
                    .filter(|(s, l, _, _)| seen.insert((*s, *l)))
                    .map(|(s, l, score, m2)| arc(s, l, (score * 10.0).round() / 10.0, m2.round()))
                    .collect();
                let mut pinned = vec![false; structures];
                if let Some(p) = pin {
                    pinned[p] = true;
                }
                Instance {
                    structures,
                    priority_site: zones,
                    lots,
                    arcs,
                    pinned,
                    bonus: bonus.round(),
                    min_priority: floor,
                }
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_allocation_keeps_every_rule_and_its_promise(inst in arb_instance()) {
        let solved = solve(&inst);
        // No lot twice, no pool over its m², each structure at most once.
        prop_assert!(inst.is_feasible(&solved.solution));
        prop_assert!(solved.gap() >= 0.0);
        prop_assert!(solved.bound + 1e-6 >= solved.objective);
        // Never below greedy.
        let greedy_value = inst.objective(&greedy(&inst));
        let greedy_floor = inst.priority_count(&greedy(&inst)) >= inst.min_priority;
        let floor = inst.priority_count(&solved.solution) >= inst.min_priority;
        if floor == greedy_floor {
            prop_assert!(solved.objective + 1e-6 >= greedy_value,
                "{} < greedy {}", solved.objective, greedy_value);
        }
        // The bound is a true bound and the gap a true promise, against brute force.
        if let Some(optimum) = brute_force(&inst) {
            prop_assert!(solved.bound + 1e-6 >= optimum, "bound {} < optimum {optimum}", solved.bound);
            if floor && solved.exact {
                prop_assert!((solved.objective - optimum).abs() < 1e-6);
            }
            // A pin that some feasible allocation honours is honoured.
            let by = inst.arcs_by_structure();
            for (s, arcs) in by.iter().enumerate() {
                if inst.pinned[s] && !arcs.is_empty() {
                    prop_assert!(solved.solution.chosen.iter().any(|&a| inst.arcs[a].structure == s));
                }
            }
        }
    }
}

/// The benchmark's instances keep their promise: 200 structures on 30 pooled sites within 5 %
/// of the bound, 1 000 structures on 1 000 lots exactly; both within every rule.
#[test]
fn the_benchmark_instances_keep_the_promised_gap() {
    use ancrage::allocation::synthetic;
    for seed in [7, 8, 9] {
        let pooled = synthetic::instance(200, 30, 1, 5, true, seed);
        let solved = solve(&pooled);
        assert!(pooled.is_feasible(&solved.solution));
        assert!(solved.gap() <= 0.05, "seed {seed}: gap {}", solved.gap());
        assert!(solved.objective + 1e-6 >= pooled.objective(&greedy(&pooled)));
    }
    let lotted = synthetic::instance(1_000, 100, 10, 3, false, 7);
    let solved = solve(&lotted);
    assert!(solved.exact && lotted.is_feasible(&solved.solution));
    assert!(solved.objective + 1e-6 >= lotted.objective(&greedy(&lotted)));
}
