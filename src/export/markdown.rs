//! The jury pack in Markdown: the same content as the HTML pack (cover, ranked tables per site,
//! one card per application, criteria, journal), for wikis, e-mails and diffs. Score bars are
//! drawn with block characters and the figures are written next to them.
//!
//! Applicant text is escaped so it cannot add links, images, HTML or break a table.

use crate::export::pack::{self, Headings};
use crate::export::report::{ApplicationRow, JuryReport};
use std::fmt::Write as _;

/// Width of a score bar, in characters.
const BAR: usize = 20;

pub fn write(report: &JuryReport) -> String {
    let lang = report.lang;
    let h = pack::headings(lang);
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        "# {} — {}\n\n{} — {}\n\n{}\n\n{}\n\n",
        esc(pack::title(lang)),
        esc(&report.call.title),
        esc(&report.call.programme),
        esc(report.call.id.as_str()),
        esc(&pack::generated_on(report)),
        esc(&pack::scope(report)),
    );
    let _ = writeln!(out, "**{}**\n", esc(&pack::personal_data_statement(report)));
    let _ = writeln!(out, "{}\n", esc(&pack::grants(report)));
    if !report.warnings.is_empty() {
        let _ = writeln!(out, "**{}**\n", esc(pack::warnings_title(report.lang)));
        for warning in &report.warnings {
            let _ = writeln!(out, "- {}", esc(warning));
        }
        out.push('\n');
    }
    if let Some(omitted) = pack::omitted(report) {
        let _ = writeln!(out, "{}\n", esc(&omitted));
    }
    synthesis(&mut out, report, &h);
    if !report.applications.is_empty() {
        let _ = writeln!(out, "## {}\n", esc(h.cards));
        for row in &report.applications {
            card(&mut out, row, report, &h);
        }
    }
    criteria(&mut out, report, &h);
    let _ = writeln!(out, "## {}\n", esc(h.journal));
    if report.journal.is_empty() {
        let _ = writeln!(out, "{}\n", esc(h.no_decision));
    } else {
        table(
            &mut out,
            pack::journal_columns(lang),
            &pack::journal_cells(report),
        );
    }
    out
}

/// Escapes Markdown syntax (and HTML) in a piece of text, on one line: a line break in a name
/// would end a heading or a list item and spill the rest into the document's structure, so it
/// becomes a space (multi-line texts go through [`quote`] or [`cell`], which keep their lines).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A table cell: escaped, on one line (`<br>` between lines).
fn cell(text: &str) -> String {
    text.trim()
        .split('\n')
        .map(esc)
        .collect::<Vec<_>>()
        .join("<br>")
}

fn table<const N: usize>(out: &mut String, columns: [&str; N], rows: &[[String; N]]) {
    let header: Vec<String> = columns.iter().map(|c| cell(c)).collect();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(N));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// A multi-line text as a block quote, so its lines stay lines.
fn quote(out: &mut String, title: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}**\n", esc(title));
    for line in text.trim_end().lines() {
        let _ = writeln!(out, "> {}  ", esc(line));
    }
    out.push('\n');
}

fn synthesis(out: &mut String, report: &JuryReport, h: &Headings) {
    let lang = report.lang;
    let _ = writeln!(out, "## {}\n", esc(h.synthesis));
    if report.applications.is_empty() {
        let _ = writeln!(out, "{}\n", esc(h.nothing));
    }
    for site in &report.synthesis {
        let _ = writeln!(out, "### {}\n", esc(&pack::site_heading(site, lang)));
        if site.entries.is_empty() {
            let _ = writeln!(out, "{}\n", esc(h.nothing_here));
        } else {
            table(
                out,
                pack::ranked_columns(lang),
                &pack::ranked_cells(report, site),
            );
        }
        let _ = writeln!(out, "{}\n", esc(&pack::site_summary(site, lang)));
    }
}

fn bar(value: f64) -> String {
    let filled = (value.clamp(0.0, 1.0) * BAR as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(BAR - filled))
}

fn card(out: &mut String, row: &ApplicationRow, report: &JuryReport, h: &Headings) {
    let lang = report.lang;
    let _ = write!(
        out,
        "### {}\n\n*{}*  \n{}\n\n",
        esc(&pack::card_heading(row, lang)),
        esc(&pack::identity(row, lang)),
        esc(&pack::labelled(h.status, row.status.label(lang), lang)),
    );
    let notes = pack::decision_notes(row, report);
    for note in &notes {
        let _ = writeln!(out, "- {}", esc(note));
    }
    if !notes.is_empty() {
        out.push('\n');
    }
    if let Some(contact) = pack::contact(row) {
        let _ = writeln!(out, "{}\n", esc(&pack::labelled(h.contact, &contact, lang)));
    }
    let _ = writeln!(out, "**{}**\n", esc(h.needs));
    let needs: Vec<[String; 3]> = pack::needs_vs_site(row, report)
        .into_iter()
        .map(|(a, b, c)| [a, b, c])
        .collect();
    table(out, ["", h.need, h.offer], &needs);
    if !row.eligible {
        let _ = writeln!(out, "**{}**\n", esc(h.ineligible));
        for reason in &row.reasons {
            let _ = writeln!(out, "- {}", esc(reason));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "**{}**\n", esc(&pack::total_line(row, lang)));
    for line in &row.criteria {
        let _ = writeln!(
            out,
            "- `{}` {} — {}  \n  {}",
            bar(line.value),
            esc(line.criterion.label(lang)),
            esc(&pack::criterion_figures(line, lang)),
            esc(&line.explanation),
        );
    }
    out.push('\n');
    let _ = writeln!(out, "**{}**\n", esc(&pack::grid_total(row, lang)));
    let grades: Vec<[String; 2]> = row
        .grid
        .iter()
        .map(|g| [g.label.clone(), pack::grade(g.grade, lang)])
        .collect();
    table(out, [h.criterion, h.grade], &grades);
    quote(out, h.motivation, row.motivation.as_deref().unwrap_or(""));
    quote(out, h.annotations, &row.annotation);
    quote(out, h.labels, &row.labels.join(", "));
    quote(out, h.opinions, &pack::opinions(row, lang).join("\n"));
}

fn criteria(out: &mut String, report: &JuryReport, h: &Headings) {
    let lang = report.lang;
    let part = &report.criteria;
    let _ = write!(
        out,
        "## {}\n\n### {}\n\n{}\n\n{}\n\n",
        esc(h.criteria),
        esc(h.match_score),
        esc(&part.match_total),
        esc(&part.eligibility),
    );
    table(
        out,
        pack::weight_columns(lang),
        &pack::weight_cells(&part.weights, lang),
    );
    let _ = write!(
        out,
        "### {}\n\n{}\n\n",
        esc(h.grid),
        esc(&part.grid_formula)
    );
    table(
        out,
        pack::weight_columns(lang),
        &pack::weight_cells(&part.grid, lang),
    );
    let _ = writeln!(out, "{}\n", esc(&pack::threshold(report)));
    let _ = writeln!(out, "{}\n", esc(&pack::robustness_method(lang)));
    for line in pack::robustness_lines(report) {
        let _ = writeln!(out, "{}\n", esc(&line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applicant_text_cannot_inject_markup() {
        assert_eq!(
            esc("[clic](http://x) <img src=x> *a* | b"),
            "\\[clic\\](http://x) &lt;img src=x&gt; \\*a\\* \\| b"
        );
        assert_eq!(cell("a\nb|c"), "a<br>b\\|c");
    }

    /// Issue 13, point 14: a line break in a name cannot end a heading and start a new block.
    #[test]
    fn a_line_break_in_a_name_keeps_the_structure() {
        assert_eq!(
            esc("Atelier\n# Faux titre\r\n- faux point"),
            "Atelier \\# Faux titre - faux point"
        );
    }

    #[test]
    fn bars_have_fixed_width() {
        assert_eq!(bar(0.0).chars().count(), BAR);
        assert_eq!(bar(1.0), "█".repeat(BAR));
        assert_eq!(bar(0.5).chars().filter(|&c| c == '█').count(), 10);
    }
}
