//! The detail of the application under the cursor: status and the lot it holds, the warnings
//! about it, the decision history (who, when, from → to, motivation), the notes, the partner
//! opinions, the jury grid, the match score card under the weights in force, then its rank on
//! the site (a tie said as a tie, and how it was broken) and the robustness of its place — the
//! same lines as the score-card popup, so the two always agree.

use crate::i18n::Lang;
use crate::tui::context::Context;
use crate::tui::screens::appel::Appel;
use crate::tui::screens::appel::rows::CallRow;
use crate::tui::shared::held::held_text;
use crate::tui::text::{self, Msg};
use crate::tui::widgets::review_text::{
    grade_text, grid_summary, history_lines, opinion_lines, status_text, when, with_quoted,
};
use crate::tui::widgets::{score_card, style};
use ratatui::text::{Line, Span};

fn section(title: &str) -> Line<'static> {
    Line::styled(title.to_owned(), style::header())
}

fn empty(text: &str) -> Line<'static> {
    Line::styled(text.to_owned(), style::dim())
}

/// The title of the score part: whose weights, and whether they are the call's.
fn score_title(ctx: &Context, lang: Lang) -> String {
    if ctx.weights == ctx.call_weights() {
        lang.pick(
            "Score de correspondance (poids de l’appel)",
            "Match score (the call's weights)",
        )
        .to_owned()
    } else {
        lang.pick(
            "Score de correspondance (poids modifiés par w ; le dossier du jury garde ceux de l’appel)",
            "Match score (weights changed with w; the jury file keeps the call's)",
        )
        .to_owned()
    }
}

pub fn lines(ctx: &Context, screen: &Appel, row: &CallRow) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let ws = &ctx.workspace;
    let mut lines = vec![Line::styled(
        format!(
            "{} × {}",
            ws.structures[row.structure].name, ws.sites[row.site].name
        ),
        style::bold(),
    )];
    let application = ctx.application(&row.key);
    if let Some(review) = application {
        let mut status = vec![
            Span::styled(
                text::label_colon(Msg::ColStatus.get(lang), lang),
                style::bold(),
            ),
            Span::styled(status_text(review.status, lang), style::bold()),
        ];
        if let Some(last) = review.last_decision() {
            status.push(Span::raw(format!(
                " — {} {} ({})",
                lang.pick("depuis le", "since"),
                when(&last.at, lang),
                last.who
            )));
        }
        lines.push(Line::from(status));
        if let Some(held) = screen.holdings.get(&row.key) {
            let how = if held.named {
                lang.pick("nommé dans la décision", "named in the decision")
            } else {
                lang.pick(
                    "celui du moteur de correspondance, aucun n’a été nommé (L pour en choisir un)",
                    "the matching engine's, none was named (L to choose one)",
                )
            };
            lines.push(Line::from(vec![
                Span::styled(
                    text::label_colon(lang.pick("Lot tenu", "Lot held"), lang),
                    style::bold(),
                ),
                Span::raw(format!("{} — {how}", held_text(ws, held, lang))),
            ]));
        }
        if !review.labels.is_empty() {
            let labels: Vec<&str> = review.labels.iter().map(String::as_str).collect();
            lines.push(Line::from(format!(
                "{}{}",
                text::label_colon(lang.pick("Étiquettes", "Labels"), lang),
                labels.join(", ")
            )));
        }
        if let Some(motivation) = review.current_motivation() {
            lines.extend(with_quoted(
                vec![Span::raw(text::label_colon(
                    lang.pick("Motivation", "Motivation"),
                    lang,
                ))],
                motivation,
                "  ",
            ));
        }
    }
    for warning in ctx.warnings.iter().filter(|w| w.concerns(&row.key)) {
        lines.push(Line::styled(
            format!("⚠ {}", warning.message(lang)),
            style::bold(),
        ));
    }
    if !row.eligible {
        lines.push(Line::styled(
            format!("✗ {}", Msg::IneligibleRow.get(lang)),
            style::bold(),
        ));
    }

    if let (Some(state), Some(review)) = (ctx.review(), application) {
        lines.push(Line::from(""));
        lines.push(section(
            lang.pick("Historique des décisions", "Decision history"),
        ));
        if review.history.is_empty() {
            lines.push(empty(lang.pick("  aucune décision", "  no decision yet")));
        }
        lines.extend(review.history.iter().flat_map(|d| history_lines(d, lang)));

        lines.push(Line::from(""));
        lines.push(section(lang.pick("Notes", "Notes")));
        if review.annotation.trim().is_empty() {
            lines.push(empty(lang.pick(
                "  aucune note (n pour annoter)",
                "  no notes (n to annotate)",
            )));
        }
        lines.extend(
            review
                .annotation
                .lines()
                .map(|l| Line::from(format!("  {l}"))),
        );

        lines.push(Line::from(""));
        lines.push(section(
            lang.pick("Avis des partenaires", "Partner opinions"),
        ));
        if review.opinions.is_empty() {
            lines.push(empty(lang.pick(
                "  aucun avis (o pour en saisir un)",
                "  no opinion (o to record one)",
            )));
        }
        lines.extend(review.opinions.iter().flat_map(|o| opinion_lines(o, lang)));

        let grid = &state.grid;
        lines.push(Line::from(""));
        lines.push(section(&format!(
            "{} — {}",
            lang.pick("Grille du jury", "Jury grid"),
            grid_summary(grid, review, lang)
        )));
        for criterion in &grid.criteria {
            lines.push(Line::from(format!(
                "  {:<38}{:>6}",
                criterion.label(lang),
                grade_text(review.grades.get(&criterion.code), lang)
            )));
        }
    }

    lines.push(Line::from(""));
    lines.push(section(&score_title(ctx, lang)));
    match ctx
        .ranking
        .explain(ws, row.structure, row.site, &ctx.weights, lang)
    {
        // The card's first line names the pair, already at the top of the detail.
        Some(card) => lines.extend(
            score_card::lines(ctx, &card, row.structure, row.site)
                .into_iter()
                .skip(1),
        ),
        None => lines.push(Line::from(Msg::ScoringUnavailable.get(lang))),
    }
    if let Some(site) = screen.standings.site(&row.key.site) {
        let intervals = screen.intervals_of(&row.key, row.structure);
        let standing = site.lines(ctx, row.structure, &intervals);
        if !standing.is_empty() {
            lines.push(Line::from(""));
            lines.extend(standing);
        }
    }
    lines
}
