//! The printable HTML jury pack: one self-contained file (inline CSS, no script, no image, no
//! network) laid out for A4: a cover, per site a ranked table, one card per application
//! (needs vs site, score bars, grid, motivation, annotations), then the criteria and the
//! journal. Score bars are CSS widths with the figures written next to them, so the pack reads
//! the same printed in black and white. Every text is HTML-escaped.

use crate::export::pack::{self, Headings};
use crate::export::report::{ApplicationRow, JuryReport};
use crate::i18n::Lang;
use std::fmt::Write as _;

const CSS: &str = r#"
@page { size: A4; margin: 15mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; padding: 0 1mm; }
h1 { font-size: 22pt; margin: 0 0 6mm; }
h2 { font-size: 15pt; border-bottom: 1.5pt solid #333; padding-bottom: 1mm; margin: 0 0 4mm; }
h3 { font-size: 12pt; margin: 0 0 2mm; }
h4 { font-size: 10pt; margin: 3mm 0 1mm; }
p { margin: 0 0 2mm; }
.cover { break-after: page; page-break-after: always; padding-top: 30mm; }
.cover .call { font-size: 16pt; font-weight: bold; }
.cover .privacy { border: 1.5pt solid #333; padding: 3mm; margin-top: 8mm; font-weight: bold; }
.part { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
th, td { border: 0.5pt solid #777; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #e7e6e6; }
td.num { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.site { margin-bottom: 8mm; }
.card { border: 0.8pt solid #333; padding: 3mm; margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
.identity { color: #333; font-style: italic; }
.ineligible { border-left: 3pt solid #000; padding-left: 2mm; }
.bars { width: 100%; }
.bars td { border: none; padding: 0.6mm 1mm; }
.bar { width: 45mm; height: 3.2mm; border: 0.5pt solid #333; background: #fff; }
.bar span { display: block; height: 100%; background: #555; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.explain { font-size: 8.5pt; color: #333; }
.text { white-space: pre-wrap; }
.total { font-weight: bold; }
"#;

/// The pack as one HTML document.
pub fn write(report: &JuryReport) -> String {
    let lang = report.lang;
    let h = pack::headings(lang);
    let mut out = String::with_capacity(64 * 1024);
    let lang_code = match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang_code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        esc(pack::title(lang)),
        esc(&report.call.title)
    );
    cover(&mut out, report, &h);
    synthesis(&mut out, report, &h);
    cards(&mut out, report, &h);
    criteria(&mut out, report, &h);
    journal(&mut out, report, &h);
    out.push_str("</body>\n</html>\n");
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn cover(out: &mut String, report: &JuryReport, h: &Headings) {
    let lang = report.lang;
    let _ = write!(
        out,
        "<section class=\"cover\">\n<h1>{}</h1>\n<p class=\"call\">{}</p>\n<p>{} — {}</p>\n<p>{}</p>\n<p>{}</p>\n",
        esc(pack::title(lang)),
        esc(&report.call.title),
        esc(&report.call.programme),
        esc(report.call.id.as_str()),
        esc(&pack::generated_on(report)),
        esc(&pack::scope(report)),
    );
    let _ = write!(out, "<h4>{}</h4>\n<ul>\n", esc(h.sites));
    for site in &report.synthesis {
        let _ = writeln!(
            out,
            "<li>{} — {}</li>",
            esc(&pack::site_heading(site, lang)),
            esc(&pack::site_summary(site, lang))
        );
    }
    out.push_str("</ul>\n");
    let _ = writeln!(out, "<p>{}</p>", esc(&pack::grants(report)));
    if !report.warnings.is_empty() {
        let _ = write!(out, "<h4>{}</h4>\n<ul>\n", esc(pack::warnings_title(lang)));
        for warning in &report.warnings {
            let _ = writeln!(out, "<li>{}</li>", esc(warning));
        }
        out.push_str("</ul>\n");
    }
    if let Some(omitted) = pack::omitted(report) {
        let _ = writeln!(out, "<p class=\"ineligible\">{}</p>", esc(&omitted));
    }
    let _ = write!(
        out,
        "<p class=\"privacy\">{}</p>\n</section>\n",
        esc(&pack::personal_data_statement(report))
    );
}

fn table<const N: usize>(
    out: &mut String,
    columns: [&str; N],
    rows: &[[String; N]],
    numeric: &[usize],
) {
    out.push_str("<table>\n<thead><tr>");
    for c in columns {
        let _ = write!(out, "<th>{}</th>", esc(c));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if numeric.contains(&i) {
                " class=\"num\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", esc(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn synthesis(out: &mut String, report: &JuryReport, h: &Headings) {
    let lang = report.lang;
    let _ = writeln!(
        out,
        "<section class=\"part\">\n<h2>{}</h2>",
        esc(h.synthesis)
    );
    if report.applications.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(h.nothing));
    }
    for site in &report.synthesis {
        let _ = writeln!(
            out,
            "<div class=\"site\">\n<h3>{}</h3>",
            esc(&pack::site_heading(site, lang))
        );
        if site.entries.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", esc(h.nothing_here));
        } else {
            table(
                out,
                pack::ranked_columns(lang),
                &pack::ranked_cells(report, site),
                &[0, 2, 4, 5, 6],
            );
        }
        let _ = write!(
            out,
            "<p>{}</p>\n</div>\n",
            esc(&pack::site_summary(site, lang))
        );
    }
    out.push_str("</section>\n");
}

fn cards(out: &mut String, report: &JuryReport, h: &Headings) {
    if report.applications.is_empty() {
        return;
    }
    let _ = writeln!(out, "<section class=\"part\">\n<h2>{}</h2>", esc(h.cards));
    for row in &report.applications {
        card(out, row, report, h);
    }
    out.push_str("</section>\n");
}

fn card(out: &mut String, row: &ApplicationRow, report: &JuryReport, h: &Headings) {
    let lang = report.lang;
    let _ = write!(
        out,
        "<article class=\"card\">\n<h3>{}</h3>\n<p class=\"identity\">{}</p>\n<p>{}</p>\n",
        esc(&pack::card_heading(row, lang)),
        esc(&pack::identity(row, lang)),
        esc(&pack::labelled(h.status, row.status.label(lang), lang)),
    );
    let notes = pack::decision_notes(row, report);
    if !notes.is_empty() {
        out.push_str("<ul>\n");
        for note in &notes {
            let _ = writeln!(out, "<li>{}</li>", esc(note));
        }
        out.push_str("</ul>\n");
    }
    if let Some(contact) = pack::contact(row) {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            esc(&pack::labelled(h.contact, &contact, lang))
        );
    }
    let _ = writeln!(out, "<h4>{}</h4>", esc(h.needs));
    let needs: Vec<[String; 3]> = pack::needs_vs_site(row, report)
        .into_iter()
        .map(|(a, b, c)| [a, b, c])
        .collect();
    table(out, ["", h.need, h.offer], &needs, &[]);
    if !row.eligible {
        let _ = write!(
            out,
            "<div class=\"ineligible\"><h4>{}</h4>\n<ul>\n",
            esc(h.ineligible)
        );
        for reason in &row.reasons {
            let _ = writeln!(out, "<li>{}</li>", esc(reason));
        }
        out.push_str("</ul>\n</div>\n");
    }
    let _ = writeln!(out, "<h4>{}</h4>", esc(&pack::total_line(row, lang)));
    out.push_str("<table class=\"bars\">\n");
    for line in &row.criteria {
        let width = (line.value.clamp(0.0, 1.0) * 100.0).round();
        let _ = write!(
            out,
            "<tr><td>{}</td><td><div class=\"bar\"><span style=\"width: {width}%\"></span></div></td><td class=\"num\">{}</td></tr>\n<tr><td></td><td colspan=\"2\" class=\"explain\">{}</td></tr>\n",
            esc(line.criterion.label(lang)),
            esc(&pack::criterion_figures(line, lang)),
            esc(&line.explanation),
        );
    }
    out.push_str("</table>\n");
    let _ = writeln!(out, "<h4>{}</h4>", esc(&pack::grid_total(row, lang)));
    let grades: Vec<[String; 2]> = row
        .grid
        .iter()
        .map(|g| [g.label.clone(), pack::grade(g.grade, lang)])
        .collect();
    table(out, [h.criterion, h.grade], &grades, &[1]);
    text_block(out, h.motivation, row.motivation.as_deref().unwrap_or(""));
    text_block(out, h.annotations, &row.annotation);
    text_block(out, h.labels, &row.labels.join(", "));
    text_block(out, h.opinions, &pack::opinions(row, lang).join("\n"));
    out.push_str("</article>\n");
}

fn text_block(out: &mut String, title: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h4>{}</h4>\n<p class=\"text\">{}</p>\n",
        esc(title),
        esc(text)
    );
}

fn criteria(out: &mut String, report: &JuryReport, h: &Headings) {
    let lang = report.lang;
    let part = &report.criteria;
    let _ = write!(
        out,
        "<section class=\"part\">\n<h2>{}</h2>\n<h3>{}</h3>\n<p>{}</p>\n<p>{}</p>\n",
        esc(h.criteria),
        esc(h.match_score),
        esc(&part.match_total),
        esc(&part.eligibility),
    );
    table(
        out,
        pack::weight_columns(lang),
        &pack::weight_cells(&part.weights, lang),
        &[1, 2],
    );
    let _ = write!(
        out,
        "<h3>{}</h3>\n<p>{}</p>\n",
        esc(h.grid),
        esc(&part.grid_formula)
    );
    table(
        out,
        pack::weight_columns(lang),
        &pack::weight_cells(&part.grid, lang),
        &[1, 2],
    );
    let _ = writeln!(out, "<p>{}</p>", esc(&pack::threshold(report)));
    let _ = writeln!(out, "<p>{}</p>", esc(&pack::robustness_method(lang)));
    for line in pack::robustness_lines(report) {
        let _ = writeln!(out, "<p>{}</p>", esc(&line));
    }
    out.push_str("</section>\n");
}

fn journal(out: &mut String, report: &JuryReport, h: &Headings) {
    let _ = writeln!(out, "<section class=\"part\">\n<h2>{}</h2>", esc(h.journal));
    if report.journal.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(h.no_decision));
    } else {
        table(
            out,
            pack::journal_columns(report.lang),
            &pack::journal_cells(report),
            &[],
        );
    }
    out.push_str("</section>\n");
}
