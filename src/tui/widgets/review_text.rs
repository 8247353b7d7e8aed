//! How review facts read on screen, the same in the Appel tab, its forms and popups: statuses
//! with a symbol (they read without colour), grades, the grid's total, decision and opinion
//! lines, times in the officer's language. Text the officer typed over several lines is shown
//! over several lines.

use crate::i18n::{self, Lang};
use crate::review::{
    ApplicationReview, Decision, DecisionKind, Grade, Grid, Opinion, Status, Timestamp,
};
use crate::tui::widgets::style;
use ratatui::text::{Line, Span};

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
pub fn status_text(status: Status, lang: Lang) -> String {
    format!("{} {}", status_mark(status), status.label(lang))
}

/// `26/11/2026 07:30` in French, `2026-11-26 07:30` in English: the officer's local time as
/// recorded, written as every other date of the interface.
pub fn when(at: &Timestamp, lang: Lang) -> String {
    format!(
        "{} {}",
        i18n::date(at.date_naive(), lang),
        at.format("%H:%M")
    )
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
        |t| format!("{} / 100", i18n::fixed(t, 1, lang)),
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

/// `first` followed by `text` in « », continued on lines of its own (indented) when the text
/// holds line breaks.
pub fn with_quoted(mut first: Vec<Span<'static>>, text: &str, indent: &str) -> Vec<Line<'static>> {
    let mut parts = text.split('\n');
    let head = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let close = if rest.is_empty() { "\u{a0}»" } else { "" };
    first.push(Span::raw(format!("«\u{a0}{head}{close}")));
    let mut lines = vec![Line::from(first)];
    let last = rest.len().saturating_sub(1);
    for (i, part) in rest.iter().enumerate() {
        let close = if i == last { "\u{a0}»" } else { "" };
        lines.push(Line::from(format!("{indent}{part}{close}")));
    }
    lines
}

/// One decision of the history: when, who, from → to, and its motivation (over several lines
/// when it was typed so).
pub fn history_lines(decision: &Decision, lang: Lang) -> Vec<Line<'static>> {
    let mut spans = vec![
        Span::raw(format!(
            "  {} · {} · ",
            when(&decision.at, lang),
            decision.who
        )),
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
    match &decision.motivation {
        Some(motivation) => {
            spans.push(Span::raw(" · "));
            with_quoted(spans, motivation, "      ")
        }
        None => vec![Line::from(spans)],
    }
}

/// A partner's opinion: who, the answer, then its text, over several lines when typed so.
pub fn opinion_lines(opinion: &Opinion, lang: Lang) -> Vec<Line<'static>> {
    let answer = if opinion.favourable {
        format!("✓ {}", lang.pick("favorable", "favourable"))
    } else {
        format!("✗ {}", lang.pick("défavorable", "unfavourable"))
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!("  {} — {answer}", opinion.partner.name()),
            style::bold(),
        ),
        Span::raw(format!(" ({}, {})", opinion.who, when(&opinion.at, lang))),
    ])];
    lines.extend(opinion.text.lines().map(|l| Line::from(format!("    {l}"))));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_stay_line_breaks() {
        let lines = with_quoted(
            vec![Span::raw("Motivation : ")],
            "Surface\ntrop grande",
            "  ",
        );
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            text,
            ["Motivation : «\u{a0}Surface", "  trop grande\u{a0}»"]
        );
        let one = with_quoted(Vec::new(), "Court", "  ");
        assert_eq!(one[0].to_string(), "«\u{a0}Court\u{a0}»");
    }

    #[test]
    fn times_follow_the_language() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T07:30:00+01:00").unwrap();
        assert_eq!(when(&at, Lang::Fr), "26/11/2026 07:30");
        assert!(
            when(&at, Lang::En).starts_with("2026"),
            "{}",
            when(&at, Lang::En)
        );
    }
}
