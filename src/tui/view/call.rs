//! Screen 3, Appel: the current call's applications with their match score, jury-grid total
//! and status, the live checks as warnings, and the detail of the application under the cursor
//! (see `review_detail`). Statuses carry a symbol as well as their name (NO_COLOR).

use crate::i18n;
use crate::review::Status;
use crate::tui::app::{App, Message};
use crate::tui::call_choice::filter_field_label;
use crate::tui::text::{self, Msg};
use crate::tui::ui_state::UiState;
use crate::tui::view::{review_detail, style, table};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Wide screens put the detail beside the list, others below it.
const SIDE_BY_SIDE_WIDTH: u16 = 150;
/// Warnings shown above the list; the rest are counted (every one is in the detail of its rows).
const MAX_WARNING_LINES: usize = 3;

/// The sentence saying what a placeholder screen is and what comes, above its list.
pub fn intro(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) -> Rect {
    let [top, rest] = Layout::vertical([
        Constraint::Length(lines.len() as u16 + 1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), top);
    rest
}

/// A symbol per status, so the status reads without colour.
pub fn status_mark(status: Status) -> &'static str {
    match status {
        Status::EnConstruction => "✎",
        Status::EnInstruction => "○",
        Status::Preselectionne => "★",
        Status::Accepte => "✔",
        Status::Refuse => "✘",
        Status::ClasseSansSuite => "⊘",
    }
}

/// `★ présélectionné`.
pub fn status_text(status: Status, lang: i18n::Lang) -> String {
    format!("{} {}", status_mark(status), status.label(lang))
}

const SELECTED: &str = "● ";
const UNSELECTED: &str = "  ";

fn header_lines(app: &App) -> Vec<Line<'static>> {
    let lang = app.lang;
    let review = &app.review;
    let Some(call) = app.current_call.and_then(|i| app.workspace.calls.get(i)) else {
        return vec![Line::from(Msg::NoCall.get(lang))];
    };
    let mut title = vec![
        Span::styled(call.title.clone(), style::bold()),
        Span::raw(format!(
            " — {}{} — {}",
            text::label_colon(Msg::Deadline.get(lang), lang),
            i18n::date(call.deadline, lang),
            text::count(
                call.application_pairs().count(),
                Msg::ApplicationOne,
                Msg::Applications,
                lang
            ),
        )),
    ];
    if review.filter.is_active() {
        let mut parts = Vec::new();
        if let Some(site) = &review.filter.site {
            let name = app.workspace.site(site).map_or(site.as_str(), |s| &s.name);
            parts.push(format!(
                "{} = {name}",
                filter_field_label(0, lang).to_lowercase()
            ));
        }
        if let Some(status) = review.filter.status {
            parts.push(format!(
                "{} = {}",
                filter_field_label(1, lang).to_lowercase(),
                status.label(lang)
            ));
        }
        title.push(Span::styled(
            format!(
                " — {}{}",
                text::label_colon(Msg::FilterTitle.get(lang), lang),
                parts.join(", ")
            ),
            style::bold(),
        ));
    }
    if !review.selection.is_empty() {
        title.push(Span::styled(
            format!(
                " — {} {}",
                SELECTED.trim_end(),
                text::count(
                    review.selection.len(),
                    Msg::SelectedOne,
                    Msg::SelectedMany,
                    lang
                )
            ),
            style::bold(),
        ));
    }
    let mut lines = vec![Line::from(title)];
    match &review.session {
        Some(session) => {
            let counts: Vec<String> = Status::ALL
                .iter()
                .filter_map(|&status| {
                    let n = session.state().with_status(status).count();
                    (n > 0).then(|| {
                        format!("{}{n}", text::label_colon(&status_text(status, lang), lang))
                    })
                })
                .collect();
            lines.push(Line::styled(counts.join(" · "), style::dim()));
        }
        None => lines.push(Line::styled(
            format!(
                "⚠ {}",
                review.problem.clone().unwrap_or_else(|| {
                    lang.pick("revue non ouverte", "review not open").to_owned()
                })
            ),
            style::error(),
        )),
    }
    let warnings = &review.warnings;
    for warning in warnings.iter().take(MAX_WARNING_LINES) {
        lines.push(Line::styled(
            format!("⚠ {}", warning.message(lang)),
            style::bold(),
        ));
    }
    if warnings.len() > MAX_WARNING_LINES {
        lines.push(Line::styled(
            format!(
                "⚠ … {} {}",
                warnings.len() - MAX_WARNING_LINES,
                lang.pick(
                    "autres alertes (voir le détail des lignes ⚠)",
                    "more warnings (see the detail of ⚠ rows)"
                )
            ),
            style::bold(),
        ));
    }
    lines
}

pub fn render(app: &App, ui: &mut UiState, frame: &mut Frame, area: Rect) -> Rect {
    let lang = app.lang;
    let mut header = header_lines(app);
    // A refusal is the officer's next thing to read: in full here, where the status line
    // would cut it on a narrow terminal.
    if let Some(Message::Error(refusal)) = &app.message {
        header.push(Line::styled(format!("⚠ {refusal}"), style::error()));
    }
    let width = usize::from(area.width.max(1));
    let height: usize = header
        .iter()
        .map(|l| l.width().div_ceil(width).max(1))
        .sum();
    let [top, rest] = Layout::vertical([
        Constraint::Length(u16::try_from(height).unwrap_or(1)),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header).wrap(Wrap { trim: false }), top);

    let rows = &app.review.rows;
    let (list_area, detail_area) = if area.width >= SIDE_BY_SIDE_WIDTH {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(rest);
        (list, detail)
    } else {
        // The list as tall as its rows, up to about half the room; the detail takes the rest.
        let wanted = u16::try_from(rows.len() + 3).unwrap_or(u16::MAX);
        let height = wanted.clamp(5, (rest.height / 2).max(5));
        let [list, detail] =
            Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(rest);
        (list, detail)
    };

    let columns = [
        (Msg::ColStructure.get(lang), 0, 0),
        (Msg::ColSite.get(lang), 22, 2),
        (Msg::ColScore.get(lang), 5, 1),
        (lang.pick("Grille", "Grid"), 6, 3),
        (Msg::ColStatus.get(lang), 21, 0),
    ]
    .map(|(title, width, priority)| table::Column {
        title: title.to_owned(),
        width,
        priority,
    });
    let total = app
        .current_call
        .and_then(|i| app.workspace.calls.get(i))
        .map_or(0, |c| c.application_pairs().count());
    let title = format!(
        " {} ({}/{total}) — {} {} ",
        lang.pick("Candidatures", "Applications"),
        rows.len(),
        lang.pick("regroupées", "grouped"),
        app.review.filter.grouping.label(lang),
    );
    let drawn = table::render(
        frame,
        list_area,
        Block::bordered().title(Span::styled(title, style::bold())),
        &columns,
        rows.len(),
        app.other_cursor,
        true,
        &mut ui.other_offset,
        |r, c| {
            let row = &rows[r];
            let review = &app.review;
            match c {
                0 => {
                    // The mark column only while something is selected: names keep the room.
                    let mark = if review.selection.contains(&row.key) {
                        SELECTED
                    } else if review.selection.is_empty() {
                        ""
                    } else {
                        UNSELECTED
                    };
                    Line::from(format!(
                        "{mark}{}",
                        app.workspace.structures[row.structure].name
                    ))
                }
                1 => Line::from(app.workspace.sites[row.site].name.clone()),
                2 => Line::from(
                    app.ranking
                        .score(row.structure, row.site, &app.call_weights)
                        .map_or("—".to_owned(), |s| i18n::number(s.total, 1, lang)),
                )
                .right_aligned(),
                3 => Line::from(
                    review
                        .session
                        .as_ref()
                        .and_then(|s| s.state().grid_result(&row.key))
                        .and_then(|g| g.total)
                        .map_or("—".to_owned(), |t| i18n::number(t, 1, lang)),
                )
                .right_aligned(),
                _ => {
                    let warned = review.warnings.iter().any(|w| w.concerns(&row.key));
                    let status = review
                        .status(&row.key)
                        .map_or("—".to_owned(), |s| status_text(s, lang));
                    Line::from(if warned {
                        format!("{status} ⚠")
                    } else {
                        status
                    })
                }
            }
        },
    );
    ui.page = usize::from(drawn.height);
    ui.hits.list = Some(drawn);
    review_detail::render(app, frame, detail_area);
    list_area
}
