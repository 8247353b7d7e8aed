//! Keystroke → next frame on a 5 000-structure × 200-site workspace (`ancrage demo-data`'s
//! size): `App::handle` then a full draw of a 120×40 TestBackend, as the terminal loop does.
//! Also the start-up work before the first frame (building the matcher, counts, best scores).

use ancrage::cli::demo_data::embedded_territory;
use ancrage::demo_data::{Size, generate};
use ancrage::i18n::Lang;
use ancrage::tui::action::TextKey;
use ancrage::tui::{Action, App, Keymap, Tab, UiState};
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::PathBuf;

fn workspace() -> ancrage::domain::Workspace {
    let territory = embedded_territory().expect("embedded territory");
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
    generate(
        &territory,
        Size {
            structures: 5_000,
            sites: 200,
        },
        7,
        today,
    )
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

fn bench(c: &mut Criterion) {
    let ws = workspace();
    c.bench_function("startup_to_first_frame_5000x200", |b| {
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

    let mut down = true;
    c.bench_function("keystroke_move_site_5000x200", |b| {
        b.iter(|| {
            step(
                &mut app,
                &mut ui,
                if down { Action::Down } else { Action::Up },
            );
            down = !down;
        })
    });

    app.handle(Action::GoTo(Tab::Structures), ui.viewport());
    c.bench_function("keystroke_move_structure_5000x200", |b| {
        b.iter(|| {
            step(
                &mut app,
                &mut ui,
                if down { Action::Down } else { Action::Up },
            );
            down = !down;
        })
    });

    app.handle(Action::GoTo(Tab::Sites), ui.viewport());
    app.handle(Action::OpenWeights, ui.viewport());
    let mut up = true;
    c.bench_function("keystroke_weight_change_5000x200", |b| {
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
    app.handle(Action::Back, ui.viewport());

    app.handle(Action::StartSearch, ui.viewport());
    let mut typed = false;
    c.bench_function("keystroke_search_5000x200", |b| {
        b.iter(|| {
            let action = if typed {
                Action::Text(TextKey::Backspace)
            } else {
                Action::Text(TextKey::Input('e'))
            };
            step(&mut app, &mut ui, action);
            typed = !typed;
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
