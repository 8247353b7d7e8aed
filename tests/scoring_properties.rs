//! Invariants of the matching, on synthetic workspaces of random seeds and sizes.

mod support;

use ancrage::demo_data::{Size, generate};
use ancrage::domain::{Money, SectorCode, Weights, Workspace};
use ancrage::i18n::Lang;
use ancrage::scoring::{Criterion, Matcher, Settings};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn workspace(seed: u64, structures: usize, sites: usize) -> Workspace {
    generate(
        &support::territory(),
        Size { structures, sites },
        seed,
        support::today(),
    )
}

fn matcher(ws: &Workspace) -> Matcher {
    Matcher::new(ws, support::today(), &Settings::default())
}

fn weights() -> impl Strategy<Value = Weights> {
    (
        0.0..50.0f64,
        0.0..50.0f64,
        0.0..50.0f64,
        0.0..50.0f64,
        0.0..50.0f64,
    )
        .prop_map(|(surface, cost, sector, rebalancing, urgency)| Weights {
            surface,
            cost,
            sector,
            rebalancing,
            urgency,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn values_totals_and_contributions_are_consistent(seed in any::<u64>(), w in weights()) {
        let ws = workspace(seed, 12, 6);
        let m = matcher(&ws);
        for structure in 0..ws.structures.len() {
            for site in 0..ws.sites.len() {
                let p = m.score(structure, site, &w);
                for v in p.values {
                    prop_assert!((0.0..=1.0).contains(&v), "value {v}");
                }
                prop_assert!((0.0..=100.0 + 1e-9).contains(&p.total), "total {}", p.total);
                let sum: f64 = p.contributions.iter().sum();
                prop_assert_eq!(sum, p.total);
                // The pruning bound never undercuts a real total.
                prop_assert!(m.upper_bound(structure, site, &w) >= p.total);
                let card = m.explain(&ws, structure, site, &w, Lang::Fr);
                prop_assert_eq!(card.eligible, p.eligible);
                // An ineligible pair always says why.
                prop_assert_eq!(card.eligible, card.reasons.is_empty());
                let card_sum: f64 = card.criteria.iter().map(|c| c.contribution).sum();
                prop_assert!((card_sum - card.total).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn more_budget_never_lowers_the_cost_value(seed in any::<u64>(), extra in 1i64..50_000) {
        let ws = workspace(seed, 10, 6);
        let mut richer = ws.clone();
        for s in &mut richer.structures {
            s.needs.max_annual_budget = s.needs.max_annual_budget + Money(Decimal::from(extra));
        }
        let (a, b) = (matcher(&ws), matcher(&richer));
        for structure in 0..ws.structures.len() {
            for site in 0..ws.sites.len() {
                let before = a.evaluate(structure, site).values[Criterion::Cost.index()];
                let after = b.evaluate(structure, site).values[Criterion::Cost.index()];
                prop_assert!(after >= before, "{before} → {after}");
            }
        }
    }

    #[test]
    fn a_priority_sector_never_scores_below_a_non_priority_one(seed in any::<u64>()) {
        let ws = workspace(seed, 10, 8);
        let m = matcher(&ws);
        for (site_index, site) in ws.sites.iter().enumerate() {
            let sector = |s: usize| m.evaluate(s, site_index).values[Criterion::Sector.index()];
            let is_priority = |code: &SectorCode| site.priority_sectors.contains(code);
            let (priority, other): (Vec<usize>, Vec<usize>) = (0..ws.structures.len())
                .partition(|&s| is_priority(&ws.structures[s].sector));
            for &p in &priority {
                for &o in &other {
                    prop_assert!(sector(p) >= sector(o));
                }
            }
        }
    }

    #[test]
    fn ranking_is_deterministic_and_ignores_candidate_order(seed in any::<u64>(), w in weights()) {
        let ws = workspace(seed, 30, 4);
        let m = matcher(&ws);
        for site in 0..ws.sites.len() {
            let all: Vec<usize> = (0..ws.structures.len()).collect();
            let reversed: Vec<usize> = all.iter().rev().copied().collect();
            let a = m.rank_site(site, &w, Some(&all));
            let b = m.rank_site(site, &w, Some(&reversed));
            let order = |r: &[ancrage::scoring::PairScore]| r.iter().map(|p| p.structure).collect::<Vec<_>>();
            prop_assert_eq!(order(&a), order(&b));
            // Eligible pairs come first, then totals never increase.
            for pair in a.windows(2) {
                prop_assert!(pair[0].eligible >= pair[1].eligible);
                if pair[0].eligible == pair[1].eligible {
                    prop_assert!(pair[0].total >= pair[1].total);
                }
            }
            let top = m.rank_site_top(site, &w, None, 5);
            prop_assert_eq!(order(&top), order(&a[..5.min(a.len())]));
            // The pruned top-k agrees with a brute-force sort of every pair.
            let mut brute: Vec<_> = all.iter().map(|&s| m.score(s, site, &w)).collect();
            brute.sort_by(|x, y| {
                y.eligible
                    .cmp(&x.eligible)
                    .then(y.total.total_cmp(&x.total))
                    .then(ws.structures[x.structure].id.cmp(&ws.structures[y.structure].id))
            });
            prop_assert_eq!(order(&a), order(&brute));
        }
    }

    #[test]
    fn adding_a_candidate_never_changes_anyone_elses_score(seed in any::<u64>()) {
        let ws = workspace(seed, 11, 5);
        let mut fewer = ws.clone();
        fewer.structures.pop();
        let (a, b) = (matcher(&ws), matcher(&fewer));
        let w = Weights::default();
        for structure in 0..fewer.structures.len() {
            for site in 0..ws.sites.len() {
                prop_assert_eq!(a.score(structure, site, &w), b.score(structure, site, &w));
            }
        }
    }
}

#[test]
fn top_per_site_agrees_with_single_site_ranking_on_both_threads_settings() {
    let ws = workspace(42, 200, 9);
    let m = matcher(&ws);
    let w = Weights::default();
    let one = m.top_per_site(&w, 20, 1);
    let two = m.top_per_site(&w, 20, 2);
    assert_eq!(one, two);
    for (site, top) in one.iter().enumerate() {
        assert_eq!(top, &m.rank_site_top(site, &w, None, 20));
    }
}
