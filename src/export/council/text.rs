//! The council report as a printable HTML page (A4, self-contained, no script) and as Markdown:
//! a title, what it covers and whether it holds personal data, then each part as a table.
//! Cells are written in the report's language (`30 000 €`, `45 m²`, `26/11/2026`) and escaped.

use super::report::CouncilReport;
use super::sheets::sheets;
use crate::domain::Surface;
use crate::export::sheet::{Cell, Sheet};
use crate::export::{html, markdown};
use crate::i18n::{self, Lang};
use std::fmt::Write as _;

const CSS: &str = r#"
@page { size: A4; margin: 15mm 14mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 3mm; }
h2 { font-size: 14pt; border-bottom: 1.5pt solid #333; padding-bottom: 1mm; margin: 8mm 0 3mm; }
p { margin: 0 0 2mm; }
.privacy { border: 1.5pt solid #333; padding: 2mm; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; }
th, td { border: 0.5pt solid #777; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #e7e6e6; }
td.num { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
"#;

pub fn title(report: &CouncilReport) -> String {
    match report.lang {
        Lang::Fr => format!("Rapport annuel au conseil territorial — {}", report.year),
        Lang::En => format!("Yearly report to the territorial council — {}", report.year),
    }
}

/// What the report covers, and on which day it was read.
pub fn scope(report: &CouncilReport) -> String {
    let day = i18n::date(report.today, report.lang);
    let text = match report.lang {
        Lang::Fr => format!(
            "{} — placements, m², emplois, parcours, alertes et fonds à impact de {}, lus le {day}.",
            report.territory, report.year
        ),
        Lang::En => format!(
            "{} — placements, m², jobs, pathway moves, alerts and impact fund of {}, read on {day}.",
            report.territory, report.year
        ),
    };
    i18n::typography(&text, report.lang)
}

pub fn personal_data_statement(report: &CouncilReport) -> String {
    let text = match (report.lang, report.personal_data) {
        (Lang::Fr, false) => {
            "Sans données personnelles : aucun nom de personne, courriel ni téléphone."
        }
        (Lang::Fr, true) => {
            "AVEC données personnelles (contacts des structures) : diffusion restreinte."
        }
        (Lang::En, false) => "No personal data: no person's name, e-mail or phone.",
        (Lang::En, true) => {
            "WITH personal data (the structures' contacts): restricted circulation."
        }
    };
    i18n::typography(text, report.lang)
}

/// A cell as text in `lang`; numbers are right-aligned where they are drawn.
pub fn cell_text(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Money(m) => i18n::money(*m, lang),
        Cell::Surface(s) => i18n::surface(Surface::m2(s.value().round()), lang),
        Cell::Date(d) => i18n::date(*d, lang),
        Cell::DateTime(dt) => i18n::date(dt.date(), lang),
        Cell::Number { value, decimals } => i18n::fixed(*value, u32::from(*decimals), lang),
        Cell::Integer(n) => i18n::number(*n as f64, 0, lang),
        Cell::Percent(p) => i18n::percent(*p, lang),
    }
}

fn is_numeric(cell: &Cell) -> bool {
    !matches!(cell, Cell::Empty | Cell::Text(_))
}

pub fn to_html(report: &CouncilReport) -> String {
    let lang = report.lang;
    let mut out = String::with_capacity(32 * 1024);
    let code = match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n<p class=\"privacy\">{}</p>\n",
        html::esc(&title(report)),
        html::esc(&title(report)),
        html::esc(&scope(report)),
        html::esc(&personal_data_statement(report)),
    );
    for sheet in sheets(report) {
        html_table(&mut out, &sheet, lang);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn html_table(out: &mut String, sheet: &Sheet, lang: Lang) {
    let _ = writeln!(out, "<h2>{}</h2>", html::esc(&sheet.name));
    if sheet.rows.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            html::esc(lang.pick("(rien cette année)", "(nothing this year)"))
        );
        return;
    }
    out.push_str("<table>\n<thead><tr>");
    for c in &sheet.columns {
        let _ = write!(out, "<th>{}</th>", html::esc(&c.title));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &sheet.rows {
        out.push_str("<tr>");
        for cell in row {
            let class = if is_numeric(cell) {
                " class=\"num\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", html::esc(&cell_text(cell, lang)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

pub fn to_markdown(report: &CouncilReport) -> String {
    let lang = report.lang;
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "# {}\n\n{}\n\n**{}**\n\n",
        markdown::esc(&title(report)),
        markdown::esc(&scope(report)),
        markdown::esc(&personal_data_statement(report)),
    );
    for sheet in sheets(report) {
        let _ = write!(out, "## {}\n\n", markdown::esc(&sheet.name));
        if sheet.rows.is_empty() {
            let _ = write!(
                out,
                "{}\n\n",
                markdown::esc(lang.pick("(rien cette année)", "(nothing this year)"))
            );
            continue;
        }
        let cell = |text: &str| markdown::esc(text.trim()).replace('\n', "<br>");
        let header: Vec<String> = sheet.columns.iter().map(|c| cell(&c.title)).collect();
        let _ = writeln!(out, "| {} |", header.join(" | "));
        let align: Vec<&str> = sheet
            .columns
            .iter()
            .enumerate()
            .map(|(i, _)| {
                if sheet.rows.iter().any(|r| r.get(i).is_some_and(is_numeric)) {
                    "---:"
                } else {
                    "---"
                }
            })
            .collect();
        let _ = writeln!(out, "|{}|", align.join("|"));
        for row in &sheet.rows {
            let cells: Vec<String> = row.iter().map(|c| cell(&cell_text(c, lang))).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out.push('\n');
    }
    out
}
