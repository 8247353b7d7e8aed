//! Matching at territory scale: every pair of a 5 000-structure × 200-site workspace, one site
//! among 5 000 structures, and loading that workspace from disk.
//!
//! Run with `cargo bench --bench matching`; figures go in the README's performance section.

use ancrage::cli::demo_data::embedded_territory;
use ancrage::demo_data::{Size, generate};
use ancrage::domain::Weights;
use ancrage::scoring::{Matcher, Settings};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date")
}

fn workspace(structures: usize, sites: usize) -> ancrage::domain::Workspace {
    let territory = embedded_territory().expect("embedded territory");
    generate(&territory, Size { structures, sites }, 1, today())
}

fn matching(c: &mut Criterion) {
    let ws = workspace(5_000, 200);
    let weights = Weights::default();
    let mut group = c.benchmark_group("5000x200");
    group.sample_size(20);
    group.bench_function("prepare matcher", |b| {
        b.iter(|| Matcher::new(black_box(&ws), today(), &Settings::default()))
    });
    let matcher = Matcher::new(&ws, today(), &Settings::default());
    group.bench_function("all pairs, top 20 per site, 1 thread", |b| {
        b.iter(|| matcher.top_per_site(black_box(&weights), 20, 1))
    });
    group.bench_function("all pairs, top 20 per site, 2 threads", |b| {
        b.iter(|| matcher.top_per_site(black_box(&weights), 20, 2))
    });
    group.bench_function("rank one site among 5000 structures", |b| {
        b.iter(|| matcher.rank_site_top(black_box(17), &weights, None, 20))
    });
    group.bench_function("explain one pair", |b| {
        b.iter(|| matcher.explain(&ws, black_box(42), 17, &weights, ancrage::i18n::Lang::Fr))
    });
    group.finish();
}

/// The scale of a whole region: 100 000 structures × 1 000 sites, 10⁸ pairs.
fn region(c: &mut Criterion) {
    let ws = workspace(100_000, 1_000);
    let matcher = Matcher::new(&ws, today(), &Settings::default());
    let weights = Weights::default();
    let mut group = c.benchmark_group("100000x1000");
    group.sample_size(10);
    group.bench_function("all pairs, top 20 per site, 2 threads", |b| {
        b.iter(|| matcher.top_per_site(black_box(&weights), 20, 2))
    });
    group.finish();
}

/// Loading the 5 000 × 200 workspace written by `ancrage demo-data`.
fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("ws");
    let args = ancrage::cli::demo_data::DemoDataArgs {
        structures: 5_000,
        sites: 200,
        seed: 1,
        out: out.clone(),
    };
    ancrage::cli::demo_data::run(&args, today(), ancrage::i18n::Lang::Fr)
        .expect("demo data written");
    let mut group = c.benchmark_group("5000x200");
    group.sample_size(10);
    group.bench_function("load workspace from disk", |b| {
        b.iter(|| ancrage::store::load::load_workspace(black_box(&out)).expect("valid workspace"))
    });
    group.finish();
}

criterion_group!(benches, matching, load, region);
criterion_main!(benches);
