//! The jury-grid form: every criterion of the call's grid with its weight and the grade of the
//! application under the cursor; digits grade at once (each grade is saved as it is typed).

use crate::tui::app::App;
use crate::tui::view::decision_form::application_name;
use crate::tui::view::review_detail::{grade_text, grid_summary};
use crate::tui::view::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let (Some(session), Some(row)) = (app.review.session.as_ref(), app.call_row()) else {
        return;
    };
    let Some(application) = session.state().get(&row.key) else {
        return;
    };
    let grid = &session.state().grid;
    let weights: f64 = grid.criteria.iter().map(|c| c.weight).sum();
    let mut lines = vec![Line::from(application_name(app, &row.key)), Line::from("")];
    for (i, criterion) in grid.criteria.iter().enumerate() {
        let share = if weights > 0.0 {
            100.0 * criterion.weight / weights
        } else {
            0.0
        };
        let text = format!(
            "{:<38}{:>4} %  [{:^4}]",
            criterion.label(lang),
            share.round(),
            grade_text(application.grades.get(&criterion.code), lang)
        );
        lines.push(if i == app.review.grid_cursor {
            Line::styled(format!("▸ {text}"), style::selected())
        } else {
            Line::from(format!("  {text}"))
        });
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(
            "{}{}",
            lang.pick("Total\u{a0}: ", "Total: "),
            grid_summary(grid, application, lang)
        ),
        style::bold(),
    ));
    lines.push(Line::from(""));
    lines.push(Line::styled(
        lang.pick(
            "0 à 4 noter · - sans objet · Retour arrière effacer · ↑↓ critère · Échap fermer — chaque note est enregistrée aussitôt",
            "0 to 4 grade · - not applicable · Backspace clear · ↑↓ criterion · Esc close — each grade is saved at once",
        ),
        style::dim(),
    ));
    let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let area = popup::centered(area, 68, height);
    let inner = popup::frame_popup(
        frame,
        area,
        Line::styled(
            format!(" {} ", lang.pick("Grille du jury", "Jury grid")),
            style::bold(),
        ),
    );
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
