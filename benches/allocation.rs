//! From rankings to a decision, at scale: allocating 200 structures to 30 pooled sites (within
//! 5 % of the LP bound), 1 000 structures to 1 000 lots exactly, the weight-stability intervals
//! of a 5 000-structure site, and 1 000 Monte-Carlo draws of its weights.
//!
//! Run with `cargo bench --bench allocation`; figures go in the README's performance section.

use ancrage::allocation::{solve, synthetic};
use ancrage::demo_data::Rng;
use ancrage::domain::Weights;
use ancrage::scoring::robustness::{
    Candidate, MonteCarlo, order_intervals, p_top_k, shortlist_intervals,
};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// Time this thread actually ran (Linux `schedstat`, in ns): on a machine shared with other
/// builds, wall time mostly measures the wait for a core; this measures the work.
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Runs `f` `iters` times and returns the CPU time it took (wall time where unavailable).
fn on_cpu<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    let (cpu, wall) = (cpu_time(), std::time::Instant::now());
    for _ in 0..iters {
        black_box(f());
    }
    match (cpu, cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    }
}

fn allocation(c: &mut Criterion) {
    let mut group = c.benchmark_group("allocation");
    group.sample_size(20);
    let pooled = synthetic::instance(200, 30, 1, 5, true, 7);
    let solved = solve(&pooled);
    eprintln!(
        "200 × 30 pooled: gap {:.2} % ({} placed, objective {:.1}, bound {:.1})",
        solved.gap() * 100.0,
        solved.solution.chosen.len(),
        solved.objective,
        solved.bound
    );
    group.bench_function(
        "200 structures x 30 pooled sites (LP bound, rounding, knapsacks)",
        |b| b.iter(|| solve(black_box(&pooled))),
    );
    group.bench_function("cpu: 200 structures x 30 pooled sites", |b| {
        b.iter_custom(|iters| on_cpu(iters, || solve(black_box(&pooled))))
    });
    let lotted = synthetic::instance(1_000, 100, 10, 3, false, 7);
    group.bench_function("1000 structures x 1000 lots, exact (Kuhn-Munkres)", |b| {
        b.iter(|| solve(black_box(&lotted)))
    });
    group.bench_function("cpu: 1000 structures x 1000 lots", |b| {
        b.iter_custom(|iters| on_cpu(iters, || solve(black_box(&lotted))))
    });
    group.finish();
}

fn candidates(n: usize) -> Vec<Candidate> {
    let mut rng = Rng::new(3);
    (0..n)
        .map(|_| Candidate {
            eligible: rng.chance(0.8),
            values: [rng.unit(), rng.unit(), rng.unit(), rng.unit(), rng.unit()],
        })
        .collect()
}

fn robustness(c: &mut Criterion) {
    let mut group = c.benchmark_group("robustness");
    group.sample_size(20);
    let site = candidates(5_000);
    let weights = Weights::default();
    group.bench_function(
        "intervals, 5000 structures x 5 weights (order and first 5)",
        |b| {
            b.iter(|| {
                (
                    order_intervals(black_box(&site), &weights),
                    shortlist_intervals(black_box(&site), &weights, 5),
                )
            })
        },
    );
    group.bench_function("cpu: intervals, 5000 x 5", |b| {
        b.iter_custom(|iters| {
            on_cpu(iters, || {
                (
                    order_intervals(black_box(&site), &weights),
                    shortlist_intervals(black_box(&site), &weights, 5),
                )
            })
        })
    });
    group.bench_function("1000 draws, one site of 5000 structures, P(top 5)", |b| {
        b.iter(|| p_top_k(black_box(&site), &weights, 5, &MonteCarlo::default()))
    });
    group.bench_function("cpu: 1000 draws, 5000 structures", |b| {
        b.iter_custom(|iters| {
            on_cpu(iters, || {
                p_top_k(black_box(&site), &weights, 5, &MonteCarlo::default())
            })
        })
    });
    group.finish();
}

criterion_group!(benches, allocation, robustness);
criterion_main!(benches);
