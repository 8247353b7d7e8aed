//! The pathway and territory functions at scale — what the cockpit's Parcours and Territoire
//! screens and `ancrage pathway alerts` / `stats` compute over a whole workspace: every alert,
//! the balance per zone and city, the fund of the year, one screen of timeline rows and the
//! next-step suggestions of one structure.
//!
//! Run with `cargo bench --bench pathway`; figures go in the README's performance section.

use ancrage::cli::demo_data::embedded_territory;
use ancrage::demo_data::{Size, generate};
use ancrage::domain::{Weights, Workspace};
use ancrage::i18n::Lang;
use ancrage::pathway::timeline::Span;
use ancrage::pathway::{Within, alerts, balance, fund_year, suggestions, timeline};
use ancrage::scoring::{Matcher, Settings};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date")
}

fn workspace(structures: usize, sites: usize) -> Workspace {
    let territory = embedded_territory().expect("embedded territory");
    generate(&territory, Size { structures, sites }, 1, today())
}

fn at_scale(c: &mut Criterion, structures: usize, sites: usize) {
    let ws = workspace(structures, sites);
    let mut group = c.benchmark_group(format!("pathway {structures}x{sites}"));
    group.sample_size(10);
    group.bench_function("alerts, 6 months", |b| {
        b.iter(|| alerts(black_box(&ws), today(), Within::Months6))
    });
    group.bench_function("balance per zone and city", |b| {
        b.iter(|| balance(black_box(&ws), today(), 2026, None))
    });
    group.bench_function("fund of the year", |b| {
        b.iter(|| fund_year(black_box(&ws), 2026))
    });
    let span = Span::around(today(), 3, 2);
    group.bench_function("timeline, 40 visible rows", |b| {
        b.iter(|| timeline(black_box(&ws), 1000..1040, span, today()))
    });
    let matcher = Matcher::new(&ws, today(), &Settings::default());
    group.bench_function("next-step suggestions of one structure, 5 cards", |b| {
        b.iter(|| {
            suggestions(
                black_box(&ws),
                &matcher,
                42,
                &Weights::default(),
                5,
                Lang::Fr,
            )
        })
    });
    group.finish();
}

fn pathway(c: &mut Criterion) {
    at_scale(c, 5_000, 200);
    at_scale(c, 100_000, 1_000);
}

criterion_group!(benches, pathway);
criterion_main!(benches);
