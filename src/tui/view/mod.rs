//! The pure drawing of the state: `view(app, ui, frame)` reads `App`, writes only the UI-only
//! offsets in `UiState`, and never changes what the officer sees as data.

pub mod call;
pub mod call_filter;
pub mod call_picker;
pub mod compare;
pub mod confirm;
pub mod decision_form;
pub mod export_dialog;
pub mod filter;
pub mod grid_form;
pub mod help;
pub mod key_bar;
pub mod list_screen;
pub mod pathway;
pub mod popup;
pub mod ranked;
pub mod read_only_banner;
pub mod review_detail;
pub mod score_card;
pub mod sites;
pub mod status_bar;
pub mod structures;
pub mod style;
pub mod tab_bar;
pub mod table;
pub mod territory;
pub mod weights;

use crate::tui::app::App;
use crate::tui::mode::Mode;
use crate::tui::review_actions::ReviewMode;
use crate::tui::tab::Tab;
use crate::tui::text::Msg;
use crate::tui::ui_state::UiState;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Wrap};

/// Below this size the screens would be garbage: say so instead.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;

pub fn view(app: &App, ui: &mut UiState, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    let area = read_only_banner::render(app, frame, area);
    let [tabs, body, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    ui.hits = Default::default();
    ui.hits.popup = !matches!(app.mode(), Mode::Normal | Mode::Search);
    tab_bar::render(app, ui, frame, tabs);
    let list_area = match app.tab {
        Tab::Sites => sites::render(app, ui, frame, body),
        Tab::Structures => structures::render(app, ui, frame, body),
        Tab::Call => call::render(app, ui, frame, body),
        Tab::Pathway => pathway::render(app, ui, frame, body),
        Tab::Territory => territory::render(app, ui, frame, body),
    };
    status_bar::render(app, frame, status);
    key_bar::render(app, frame, keys);
    ui.scroll_max = 0;
    for mode in app.modes.iter() {
        match mode {
            Mode::Normal | Mode::Search => {}
            Mode::Filter => filter::render(app, frame, body),
            // Over the table, so the ranked list beside it stays in sight while weights move.
            Mode::Weights => weights::render(app, frame, list_area),
            Mode::Help => help::render(app, ui, frame, body),
            Mode::ScoreCard => score_card::render(app, ui, frame, body),
            Mode::Compare => compare::render(app, frame, body),
            Mode::Confirm(question) => confirm::render(app, question, frame, body),
            Mode::Review(
                ReviewMode::Decision
                | ReviewMode::Annotation
                | ReviewMode::Labels
                | ReviewMode::Opinion,
            ) => decision_form::render(app, frame, body),
            Mode::Review(ReviewMode::Grid) => grid_form::render(app, frame, body),
            Mode::Review(ReviewMode::CallPicker) => call_picker::render(app, frame, body),
            Mode::Review(ReviewMode::CallFilter) => call_filter::render(app, frame, body),
            Mode::Export(step) => export_dialog::render(app, step, frame, body),
        }
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let text = Text::from(vec![
        Line::from(Msg::TooSmall.get(lang)),
        Line::from(format!(
            "{MIN_WIDTH}×{MIN_HEIGHT} {}",
            Msg::Minimum.get(lang)
        )),
        Line::from(format!("({}×{})", area.width, area.height)),
    ]);
    let top = area.height.saturating_sub(3) / 2;
    let inner = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        inner,
    );
}
