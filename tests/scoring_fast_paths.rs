//! The fast paths of the matching (the bound walk behind `top_per_site` and `rank_site_top`,
//! the vectorised eligibility scan, the whole-workspace figures) against the plain path: score
//! every pair with `score`, explain it with `explain`, sort. Same pairs, same bits, same order,
//! whatever the weights, the tolerances, the thread count, and on workspaces bent towards the
//! corner cases (unknown sectors, excluded sectors, lots opening late, no budget).

mod support;

use ancrage::demo_data::{Size, generate};
use ancrage::domain::{SectorCode, Weights, Workspace};
use ancrage::i18n::Lang;
use ancrage::scoring::figures;
use ancrage::scoring::{Matcher, PairScore, Settings};
use chrono::Duration;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A demo workspace, then a few fields bent on purpose, chosen by `twist`'s bits.
fn workspace(seed: u64, structures: usize, sites: usize, twist: u64) -> Workspace {
    let mut ws = generate(
        &support::territory(),
        Size { structures, sites },
        seed,
        support::today(),
    );
    let bit = |i: usize, shift: u64| (twist.rotate_left(i as u32) >> shift) & 1 == 1;
    for (i, st) in ws.structures.iter_mut().enumerate() {
        if bit(i, 1) && i % 5 == 0 {
            st.sector = SectorCode::new("secteur-inconnu");
        }
        if bit(i, 2) && i % 7 == 0 {
            st.needs.max_annual_budget = ancrage::domain::Money(Decimal::ZERO);
        }
    }
    for (i, site) in ws.sites.iter_mut().enumerate() {
        if bit(i, 3) {
            site.excluded_sectors
                .push(SectorCode::new("secteur-inconnu"));
        }
        if bit(i, 4)
            && let Some(lot) = site.lots.first_mut()
        {
            lot.available_from = Some(site.available_from + Duration::days(200));
        }
        if bit(i, 5) {
            site.priority_sectors.clear();
        }
    }
    ws
}

fn weights() -> impl Strategy<Value = Weights> {
    prop_oneof![
        Just(Weights::default()),
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
            }),
        // Whole criteria switched off, and all of them.
        (0usize..5).prop_map(|off| {
            let mut w = Weights::default();
            ancrage::scoring::Criterion::ALL[off].set_weight_in(&mut w, 0.0);
            w
        }),
        Just(Weights {
            surface: 0.0,
            cost: 0.0,
            sector: 0.0,
            rebalancing: 0.0,
            urgency: 0.0,
        }),
    ]
}

fn settings() -> impl Strategy<Value = Settings> {
    prop_oneof![
        Just(Settings::default()),
        (0i32..200, 0.0..1.0f64, 0.0..2.0f64, 0.0..1.0f64).prop_map(
            |(grace, under, over, cost)| Settings {
                start_grace_days: grace,
                surface_under_tolerance: under,
                surface_over_tolerance: over,
                cost_tolerance: cost,
                ..Settings::default()
            }
        ),
    ]
}

/// Every structure scored for `site`, in ranking order: eligible first, then higher total,
/// then id.
fn brute_force(
    ws: &Workspace,
    m: &Matcher,
    site: usize,
    w: &Weights,
    among: &[usize],
) -> Vec<PairScore> {
    let mut all: Vec<PairScore> = among.iter().map(|&s| m.score(s, site, w)).collect();
    all.sort_by(|x, y| {
        y.eligible
            .cmp(&x.eligible)
            .then(y.total.total_cmp(&x.total))
            .then(
                ws.structures[x.structure]
                    .id
                    .cmp(&ws.structures[y.structure].id),
            )
    });
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_top_of_every_site_is_the_top_of_a_full_sort(
        seed in any::<u64>(),
        structures in 1usize..260,
        sites in 1usize..7,
        twist in any::<u64>(),
        w in weights(),
        settings in settings(),
        limit in prop_oneof![Just(0usize), 1usize..40, Just(usize::MAX)],
        threads in 1usize..4,
    ) {
        let ws = workspace(seed, structures, sites, twist);
        let m = Matcher::new(&ws, support::today(), &settings);
        let tops = m.top_per_site(&w, limit, threads);
        prop_assert_eq!(tops.len(), ws.sites.len());
        let everyone: Vec<usize> = (0..ws.structures.len()).collect();
        for (site, top) in tops.iter().enumerate() {
            let mut expected = brute_force(&ws, &m, site, &w, &everyone);
            expected.truncate(limit);
            prop_assert_eq!(top, &expected, "site {}", site);
            prop_assert_eq!(&m.rank_site_top(site, &w, None, limit), &expected);
            prop_assert_eq!(&figures::site_top(&m, site, &w, limit), &expected);
        }
    }

    #[test]
    fn a_list_of_candidates_ranks_like_a_full_sort_of_that_list(
        seed in any::<u64>(),
        structures in 1usize..120,
        twist in any::<u64>(),
        w in weights(),
        limit in 0usize..15,
        keep in any::<u64>(),
    ) {
        let ws = workspace(seed, structures, 4, twist);
        let m = Matcher::new(&ws, support::today(), &Settings::default());
        let among: Vec<usize> = (0..ws.structures.len())
            .filter(|s| keep.rotate_left(*s as u32) & 1 == 1)
            .collect();
        for site in 0..ws.sites.len() {
            let mut expected = brute_force(&ws, &m, site, &w, &among);
            expected.truncate(limit);
            prop_assert_eq!(m.rank_site_top(site, &w, Some(&among), limit), expected);
        }
    }

    #[test]
    fn ranked_pairs_carry_the_numbers_of_their_explained_cards(
        seed in any::<u64>(),
        twist in any::<u64>(),
        w in weights(),
    ) {
        let ws = workspace(seed, 150, 5, twist);
        let m = Matcher::new(&ws, support::today(), &Settings::default());
        for top in m.top_per_site(&w, 10, 2) {
            for pair in top {
                let card = m.explain(&ws, pair.structure, pair.site, &w, Lang::Fr);
                prop_assert_eq!(card.total, pair.total);
                prop_assert_eq!(card.eligible, pair.eligible);
                for line in &card.criteria {
                    prop_assert_eq!(line.value, pair.values[line.criterion.index()]);
                    prop_assert_eq!(line.contribution, pair.contributions[line.criterion.index()]);
                }
            }
        }
    }

    #[test]
    fn eligibility_figures_count_what_evaluate_says_whatever_the_threads(
        seed in any::<u64>(),
        structures in 0usize..300,
        sites in 0usize..7,
        twist in any::<u64>(),
        settings in settings(),
        threads in 2usize..5,
    ) {
        let ws = workspace(seed, structures, sites, twist);
        let m = Matcher::new(&ws, support::today(), &settings);
        let sequential = figures::eligibility(&m, 1);
        prop_assert_eq!(&figures::eligibility(&m, threads), &sequential);
        for site in 0..ws.sites.len() {
            let eligible = (0..ws.structures.len())
                .filter(|&s| m.evaluate(s, site).reasons.is_empty())
                .count();
            prop_assert_eq!(sequential.per_site[site], eligible, "site {}", site);
        }
        for (structure, &found) in sequential.fits.iter().enumerate() {
            let fits = (0..ws.sites.len()).any(|s| m.evaluate(structure, s).reasons.is_empty());
            prop_assert_eq!(found, fits, "structure {}", structure);
            for site in 0..ws.sites.len() {
                prop_assert_eq!(
                    sequential.is_eligible(structure, site),
                    m.evaluate(structure, site).reasons.is_empty()
                );
            }
        }
    }

    #[test]
    fn best_totals_are_the_best_eligible_totals_whatever_the_threads(
        seed in any::<u64>(),
        structures in 0usize..200,
        sites in 0usize..9,
        twist in any::<u64>(),
        w in weights(),
        settings in settings(),
        threads in 2usize..5,
    ) {
        let ws = workspace(seed, structures, sites, twist);
        let m = Matcher::new(&ws, support::today(), &settings);
        let eligibility = figures::eligibility(&m, threads);
        let sequential = figures::best_totals(&m, &w, &eligibility, 1);
        prop_assert_eq!(&figures::best_totals(&m, &w, &eligibility, threads), &sequential);
        for (structure, &found) in sequential.iter().enumerate() {
            let best = m
                .rank_structure_top(structure, &w, None, 1)
                .first()
                .filter(|p| p.eligible)
                .map(|p| p.total);
            prop_assert_eq!(found, best, "structure {}", structure);
        }
    }

    #[test]
    fn the_bound_never_undercuts_a_total(
        seed in any::<u64>(),
        twist in any::<u64>(),
        w in weights(),
        settings in settings(),
    ) {
        let ws = workspace(seed, 40, 6, twist);
        let m = Matcher::new(&ws, support::today(), &settings);
        for structure in 0..ws.structures.len() {
            for site in 0..ws.sites.len() {
                let pair = m.score(structure, site, &w);
                let bound = m.upper_bound(structure, site, &w);
                prop_assert!(bound >= pair.total, "{} < {}", bound, pair.total);
                // Full marks on the lot-dependent criteria: the bound is the total itself.
                if pair.values[0] == 1.0 && pair.values[1] == 1.0
                    && ws.structures[structure].needs.preferred_cities.is_empty()
                {
                    prop_assert_eq!(bound, pair.total);
                }
            }
        }
    }
}

#[test]
fn sites_top_is_top_per_site() {
    let ws = workspace(7, 400, 12, 0x5a5a);
    let m = Matcher::new(&ws, support::today(), &Settings::default());
    let w = Weights::default();
    assert_eq!(figures::sites_top(&m, &w, 20, 3), m.top_per_site(&w, 20, 1));
}
