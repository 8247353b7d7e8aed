//! The detail of the application under the Appel cursor: status, the warnings about it, the
//! decision history (who, when, from → to, motivation), the notes, the partner opinions, the
//! jury grid and the match score card (drawn by `score_card::lines`, the same as the popup).

use crate::i18n::{self, Lang};
use crate::review::{ApplicationReview, Decision, DecisionKind, Grade, Grid, Opinion, Timestamp};
use crate::tui::app::App;
use crate::tui::review_state::CallRow;
use crate::tui::text::{self, Msg};
use crate::tui::view::call::status_text;
use crate::tui::view::{score_card, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// `26/11/2026 07:30`, in the officer's local time as recorded.
pub fn when(at: &Timestamp) -> String {
    at.format("%d/%m/%Y %H:%M").to_string()
}

fn section(title: &str) -> Line<'static> {
    Line::styled(title.to_owned(), style::header())
}

fn history_line(decision: &Decision, lang: Lang) -> Line<'static> {
    let mut spans = vec![
        Span::raw(format!("  {} · {} · ", when(&decision.at), decision.who)),
        Span::styled(
            format!(
                "{} → {}",
                decision.from.label(lang),
                status_text(decision.to, lang)
            ),
            style::bold(),
        ),
    ];
    if decision.kind != DecisionKind::Set {
        spans.push(Span::raw(format!(" ({})", decision.kind.label(lang))));
    }
    if let Some(motivation) = &decision.motivation {
        spans.push(Span::raw(format!(" · «\u{a0}{motivation}\u{a0}»")));
    }
    Line::from(spans)
}

fn opinion_line(opinion: &Opinion, lang: Lang) -> Line<'static> {
    let answer = if opinion.favourable {
        format!("✓ {}", lang.pick("favorable", "favourable"))
    } else {
        format!("✗ {}", lang.pick("défavorable", "unfavourable"))
    };
    let text = if opinion.text.is_empty() {
        String::new()
    } else {
        format!("\u{a0}: {}", opinion.text)
    };
    Line::from(vec![
        Span::styled(
            format!("  {} — {answer}", opinion.partner.name()),
            style::bold(),
        ),
        Span::raw(format!("{text} ({}, {})", opinion.who, when(&opinion.at))),
    ])
}

/// `3/4`, `s.o.` (not applicable) or `—` (not graded yet).
pub fn grade_text(grade: Option<&Grade>, lang: Lang) -> String {
    match grade {
        Some(Grade::Points(p)) => format!("{p}/4"),
        Some(Grade::NotApplicable) => lang.pick("s.o.", "n/a").to_owned(),
        None => "—".to_owned(),
    }
}

/// `62,5 / 100 · 4/6 notés · seuil 50 ✓ atteint`.
pub fn grid_summary(grid: &Grid, application: &ApplicationReview, lang: Lang) -> String {
    let result = grid.evaluate(&application.grades);
    let total = result.total.map_or_else(
        || lang.pick("pas de total", "no total").to_owned(),
        |t| format!("{} / 100", i18n::number(t, 1, lang)),
    );
    let verdict = match result.passes_threshold {
        Some(true) => lang.pick(" ✓ atteint", " ✓ reached"),
        Some(false) => lang.pick(" ✗ non atteint", " ✗ not reached"),
        None => "",
    };
    format!(
        "{total} · {}/{} {} · {} {}{verdict}",
        result.graded,
        result.criteria,
        lang.pick("notés", "graded"),
        lang.pick("seuil", "threshold"),
        i18n::number(grid.threshold, 0, lang),
    )
}

pub fn lines(app: &App, row: &CallRow) -> Vec<Line<'static>> {
    let lang = app.lang;
    let ws = &app.workspace;
    let mut lines = vec![Line::styled(
        format!(
            "{} × {}",
            ws.structures[row.structure].name, ws.sites[row.site].name
        ),
        style::bold(),
    )];
    let session = app.review.session.as_ref();
    let application = app.review.application(&row.key);
    if let Some(app_review) = application {
        let mut status = vec![
            Span::styled(
                text::label_colon(Msg::ColStatus.get(lang), lang),
                style::bold(),
            ),
            Span::styled(status_text(app_review.status, lang), style::bold()),
        ];
        if let Some(last) = app_review.last_decision() {
            status.push(Span::raw(format!(
                " — {} {} ({})",
                lang.pick("depuis le", "since"),
                when(&last.at),
                last.who
            )));
        }
        lines.push(Line::from(status));
        if !app_review.labels.is_empty() {
            let labels: Vec<&str> = app_review.labels.iter().map(String::as_str).collect();
            lines.push(Line::from(format!(
                "{}{}",
                text::label_colon(lang.pick("Étiquettes", "Labels"), lang),
                labels.join(", ")
            )));
        }
        if let Some(motivation) = app_review.current_motivation() {
            lines.push(Line::from(format!(
                "{}«\u{a0}{motivation}\u{a0}»",
                text::label_colon(lang.pick("Motivation", "Motivation"), lang)
            )));
        }
    }
    for warning in app.review.warnings.iter().filter(|w| w.concerns(&row.key)) {
        lines.push(Line::styled(
            format!("⚠ {}", warning.message(lang)),
            style::bold(),
        ));
    }

    if let (Some(session), Some(app_review)) = (session, application) {
        lines.push(Line::from(""));
        lines.push(section(
            lang.pick("Historique des décisions", "Decision history"),
        ));
        if app_review.history.is_empty() {
            lines.push(Line::styled(
                lang.pick("  aucune décision", "  no decision yet")
                    .to_owned(),
                style::dim(),
            ));
        }
        lines.extend(app_review.history.iter().map(|d| history_line(d, lang)));

        lines.push(Line::from(""));
        lines.push(section(lang.pick("Notes", "Notes")));
        if app_review.annotation.trim().is_empty() {
            lines.push(Line::styled(
                lang.pick(
                    "  aucune note (n pour annoter)",
                    "  no notes (n to annotate)",
                )
                .to_owned(),
                style::dim(),
            ));
        }
        lines.extend(
            app_review
                .annotation
                .lines()
                .map(|l| Line::from(format!("  {l}"))),
        );

        lines.push(Line::from(""));
        lines.push(section(
            lang.pick("Avis des partenaires", "Partner opinions"),
        ));
        if app_review.opinions.is_empty() {
            lines.push(Line::styled(
                lang.pick(
                    "  aucun avis (o pour en saisir un)",
                    "  no opinion (o to record one)",
                )
                .to_owned(),
                style::dim(),
            ));
        }
        lines.extend(app_review.opinions.iter().map(|o| opinion_line(o, lang)));

        let grid = &session.state().grid;
        lines.push(Line::from(""));
        lines.push(section(&format!(
            "{} — {}",
            lang.pick("Grille du jury", "Jury grid"),
            grid_summary(grid, app_review, lang)
        )));
        for criterion in &grid.criteria {
            lines.push(Line::from(format!(
                "  {:<38}{:>6}",
                criterion.label(lang),
                grade_text(app_review.grades.get(&criterion.code), lang)
            )));
        }
    }

    lines.push(Line::from(""));
    lines.push(section(lang.pick(
        "Score de correspondance (poids de l’appel)",
        "Match score (the call's weights)",
    )));
    match app
        .ranking
        .explain(ws, row.structure, row.site, &app.call_weights, lang)
    {
        // The card's first line names the pair, already at the top of the detail.
        Some(card) => lines.extend(
            score_card::lines(app, &card, row.structure, row.site)
                .into_iter()
                .skip(1),
        ),
        None => lines.push(Line::from(Msg::ScoringUnavailable.get(lang))),
    }
    lines
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let block = Block::bordered().title(Span::styled(
        format!(
            " {} ",
            lang.pick("Détail (J/K défiler)", "Detail (J/K scroll)")
        ),
        style::bold(),
    ));
    let Some(row) = app.call_row() else {
        frame.render_widget(
            Paragraph::new(Line::styled(
                lang.pick("Aucune candidature à afficher.", "No application to show."),
                style::dim(),
            ))
            .block(block),
            area,
        );
        return;
    };
    let (owner, scroll) = &app.review.detail_scroll;
    let scroll = if owner.as_ref() == Some(&row.key) {
        *scroll
    } else {
        0
    };
    frame.render_widget(
        Paragraph::new(lines(app, row))
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
}
