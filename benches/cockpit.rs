//! Keystroke → next frame on a 5 000-structure × 200-site workspace (`ancrage demo-data`'s
//! size): `App::handle` then a full draw of a 120×40 TestBackend, as the terminal loop does.
//! Also the start-up work before the first frame (building the matcher, counts, best scores).
//!
//! The Appel tab re-ranks every site of its call and draws P(top K) again at each weight
//! change: measured on the generated call, and on a call where all 5 000 structures apply to
//! one site (the Monte-Carlo's worst case); opening the allocation view solves the call.
//!
//! With `ANCRAGE_BENCH_LARGE=1` the start-up and keystroke measures run on 100 000 structures
//! × 1 000 sites too (a regional network's size); without it `cargo bench` stays quick.

use ancrage::cli::demo_data::embedded_territory;
use ancrage::demo_data::{Size, generate};
use ancrage::domain::Application;
use ancrage::i18n::Lang;
use ancrage::tui::action::{ReviewAction, TextKey};
use ancrage::tui::{Action, App, Keymap, Tab, UiState};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::PathBuf;

/// Est Ensemble's size, `ancrage demo-data`'s default.
const TERRITORY: Size = Size {
    structures: 5_000,
    sites: 200,
};

/// The sizes measured: Est Ensemble's, and a region's when asked for.
fn sizes() -> Vec<Size> {
    let mut sizes = vec![TERRITORY];
    if std::env::var_os("ANCRAGE_BENCH_LARGE").is_some_and(|v| v == "1") {
        sizes.push(Size {
            structures: 100_000,
            sites: 1_000,
        });
    }
    sizes
}

fn workspace(size: Size) -> ancrage::domain::Workspace {
    let territory = embedded_territory().expect("embedded territory");
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
    generate(&territory, size, 7, today)
}

fn app(ws: ancrage::domain::Workspace) -> App {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
    App::new(
        ws,
        PathBuf::from("/bench"),
        Lang::Fr,
        today,
        Keymap::default(),
        None,
    )
}

/// One keystroke measured: two actions in turn (down then up, more then less…) so that the
/// cockpit is the same from one iteration to the next; `before` leads there, `after` leaves.
struct Keystroke {
    name: &'static str,
    before: &'static [Action],
    pair: [Action; 2],
    after: &'static [Action],
}

impl Keystroke {
    const fn new(
        name: &'static str,
        before: &'static [Action],
        pair: [Action; 2],
        after: &'static [Action],
    ) -> Keystroke {
        Keystroke {
            name,
            before,
            pair,
            after,
        }
    }
}

fn bench(c: &mut Criterion) {
    for size in sizes() {
        bench_size(c, size);
    }
}

fn bench_size(c: &mut Criterion, size: Size) {
    let suffix = format!("{}x{}", size.structures, size.sites);
    let ws = workspace(size);
    let mut group = c.benchmark_group("cockpit");
    // A start-up takes seconds at the large size: fewer samples keep the run in minutes.
    group.sample_size(if size.structures > 10_000 { 10 } else { 20 });
    group.bench_function(format!("startup_to_first_frame_{suffix}"), |b| {
        b.iter(|| {
            let app = app(ws.clone());
            let mut ui = UiState::default();
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
            terminal.draw(|f| app.view(&mut ui, f)).expect("draw");
            black_box(app.lieux.listing.rows.len())
        })
    });

    let mut app = app(ws);
    let mut ui = UiState::default();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    terminal.draw(|f| app.view(&mut ui, f)).expect("draw");
    let mut step = |app: &mut App, ui: &mut UiState, action: Action| {
        app.handle(action, ui.viewport());
        terminal.draw(|f| app.view(ui, f)).expect("draw");
    };

    let measures = [
        Keystroke::new("keystroke_move_site", &[], [Action::Down, Action::Up], &[]),
        Keystroke::new(
            "keystroke_move_structure",
            &[Action::GoTo(Tab::Structures)],
            [Action::Down, Action::Up],
            &[],
        ),
        Keystroke::new(
            "keystroke_weight_change",
            &[Action::GoTo(Tab::Sites), Action::OpenWeights],
            [Action::Increase, Action::Decrease],
            &[Action::Back],
        ),
        // The same on the Appel tab: its ranks, and the robustness of the sites on screen.
        Keystroke::new(
            "keystroke_weight_change_appel",
            &[Action::GoTo(Tab::Call), Action::OpenWeights],
            [Action::Increase, Action::Decrease],
            &[Action::Back],
        ),
        Keystroke::new(
            "keystroke_search",
            &[Action::GoTo(Tab::Sites), Action::StartSearch],
            [
                Action::Text(TextKey::Input('e')),
                Action::Text(TextKey::Backspace),
            ],
            &[],
        ),
    ];
    for measure in measures {
        for &action in measure.before {
            app.handle(action, ui.viewport());
        }
        let mut second = false;
        group.bench_function(format!("{}_{suffix}", measure.name), |b| {
            b.iter(|| {
                step(&mut app, &mut ui, measure.pair[usize::from(second)]);
                second = !second;
            })
        });
        for &action in measure.after {
            app.handle(action, ui.viewport());
        }
    }
    group.finish();
}

/// The generated workspace, its call answered by every structure for one site.
fn one_site_call() -> ancrage::domain::Workspace {
    let mut ws = workspace(TERRITORY);
    let site = ws.calls[0].sites[0].clone();
    ws.calls[0].applications = ws
        .structures
        .iter()
        .map(|s| Application {
            structure: s.id.clone(),
            sites: vec![site.clone()],
            submitted_on: None,
            dossier: None,
        })
        .collect();
    ws
}

fn bench_appel(c: &mut Criterion) {
    for (name, ws) in [
        ("5000x200", workspace(TERRITORY)),
        ("one_site_5000", one_site_call()),
    ] {
        let mut app = app(ws);
        let mut ui = UiState::default();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
        let mut step = |app: &mut App, ui: &mut UiState, action: Action| {
            app.handle(action, ui.viewport());
            terminal.draw(|f| app.view(ui, f)).expect("draw");
        };
        step(&mut app, &mut ui, Action::GoTo(Tab::Call));
        let mut down = true;
        c.bench_function(&format!("keystroke_move_appel_{name}"), |b| {
            b.iter(|| {
                step(
                    &mut app,
                    &mut ui,
                    if down { Action::Down } else { Action::Up },
                );
                down = !down;
            })
        });
        step(&mut app, &mut ui, Action::OpenWeights);
        let mut up = true;
        c.bench_function(&format!("keystroke_weight_change_appel_{name}"), |b| {
            b.iter(|| {
                step(
                    &mut app,
                    &mut ui,
                    if up {
                        Action::Increase
                    } else {
                        Action::Decrease
                    },
                );
                up = !up;
            })
        });
        step(&mut app, &mut ui, Action::Back);
        c.bench_function(&format!("open_allocation_{name}"), |b| {
            b.iter(|| {
                step(&mut app, &mut ui, Action::Review(ReviewAction::Allocate));
                step(&mut app, &mut ui, Action::Back);
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench, bench_appel
}
criterion_main!(benches);
