//! The report laid out as typed tables, one per part, for the spreadsheet writers (XLSX, ODS)
//! and CSV. Cells keep their type (money, surface, date…) so each writer formats natively.
//!
//! Every text cell is built through [`Cell::text`], which neutralises formula injection: no
//! writer can forget it. Numbers the program computes are typed cells and stay untouched.

use crate::domain::{Money, Surface};
use crate::export::neutralise::neutralise;
use crate::export::report::{ApplicationRow, JuryReport};
use crate::i18n::{self, Label, Lang};
use crate::review::Grade;
use chrono::{NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    /// Neutralised text (see [`Cell::text`]).
    Text(String),
    Money(Money),
    Surface(Surface),
    Date(NaiveDate),
    /// Local date and time of a decision.
    DateTime(NaiveDateTime),
    /// A computed figure shown with `decimals` digits.
    Number {
        value: f64,
        decimals: u8,
    },
    Integer(i64),
    /// A ratio (0.3 is 30 %).
    Percent(f64),
}

impl Cell {
    /// A text cell, neutralised against formula injection.
    pub fn text(text: impl AsRef<str>) -> Cell {
        let text = text.as_ref();
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(neutralise(text))
        }
    }

    fn opt_text(text: Option<impl AsRef<str>>) -> Cell {
        text.map_or(Cell::Empty, Cell::text)
    }

    fn score(value: f64) -> Cell {
        Cell::Number { value, decimals: 1 }
    }

    fn yes_no(value: bool, lang: Lang) -> Cell {
        Cell::text(if value {
            lang.pick("oui", "yes")
        } else {
            lang.pick("non", "no")
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Width in characters, a hint for the spreadsheet writers.
    pub width: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Sheet name: short, no character a spreadsheet forbids in a sheet name.
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    fn new(name: &str, columns: Vec<(String, f64)>) -> Sheet {
        Sheet {
            name: name.to_owned(),
            columns: columns
                .into_iter()
                .map(|(title, width)| Column { title, width })
                .collect(),
            rows: Vec::new(),
        }
    }
}

/// The four parts, in reading order: Synthèse, Candidatures, Critères, Journal.
pub fn sheets(report: &JuryReport) -> Vec<Sheet> {
    vec![
        synthesis(report),
        applications(report),
        criteria(report),
        journal(report),
    ]
}

fn col(lang: Lang, fr: &str, en: &str, width: f64) -> (String, f64) {
    (lang.pick(fr, en).to_owned(), width)
}

pub fn synthesis(report: &JuryReport) -> Sheet {
    let lang = report.lang;
    let mut sheet = Sheet::new(
        lang.pick("Synthèse", "Summary"),
        vec![
            col(lang, "Site", "Site", 28.0),
            col(lang, "Ville", "City", 16.0),
            col(lang, "Rang", "Rank", 6.0),
            col(lang, "Ex æquo", "Tied", 8.0),
            col(lang, "Structure", "Structure", 32.0),
            col(lang, "Score (/100)", "Score (/100)", 12.0),
            col(lang, "Éligible", "Eligible", 9.0),
            col(lang, "Surface retenue", "Surface retained", 14.0),
            col(lang, "Surface cumulée", "Cumulated surface", 14.0),
            col(lang, "Surface du site", "Site surface", 14.0),
            col(lang, "Subvention demandée", "Grant requested", 16.0),
            col(lang, "Subventions cumulées", "Cumulated grants", 16.0),
            col(lang, "Enveloppe du fonds", "Fund envelope", 16.0),
        ],
    );
    for site in &report.synthesis {
        let mut surface = Surface::default();
        let mut grants = Money::ZERO;
        for entry in &site.entries {
            surface = surface + entry.surface;
            grants = grants + entry.grant_requested.unwrap_or(Money::ZERO);
            sheet.rows.push(vec![
                Cell::text(&site.name),
                Cell::text(&site.city),
                Cell::Integer(entry.rank as i64),
                if entry.ex_aequo {
                    Cell::text(lang.pick("ex æquo", "tied"))
                } else {
                    Cell::Empty
                },
                Cell::text(&entry.name),
                Cell::score(entry.total),
                Cell::yes_no(entry.eligible, lang),
                Cell::Surface(entry.surface),
                Cell::Surface(surface),
                site.surface.map_or(Cell::Empty, Cell::Surface),
                entry.grant_requested.map_or(Cell::Empty, Cell::Money),
                Cell::Money(grants),
                Cell::Money(report.grants.envelope),
            ]);
        }
    }
    sheet
}

fn grade_cell(grade: Option<Grade>, lang: Lang) -> Cell {
    match grade {
        Some(Grade::Points(points)) => Cell::Integer(i64::from(points)),
        Some(Grade::NotApplicable) => Cell::text(lang.pick("s.o.", "n/a")),
        None => Cell::Empty,
    }
}

/// How many points a criterion can bring: its share of 100, for the column title.
fn out_of(share: f64, lang: Lang) -> String {
    i18n::number(share * 100.0, 1, lang)
}

/// Partner opinions on one line each: `FAM 93 : favorable — texte (agent, date)`.
pub fn opinions_text(row: &ApplicationRow, lang: Lang) -> String {
    row.opinions
        .iter()
        .map(|o| {
            let verdict = if o.favourable {
                lang.pick("favorable", "favourable")
            } else {
                lang.pick("défavorable", "unfavourable")
            };
            let text = if o.text.is_empty() {
                String::new()
            } else {
                format!(" — {}", o.text)
            };
            let sep = lang.pick("\u{a0}:", ":");
            format!(
                "{}{sep} {verdict}{text} ({}, {})",
                o.partner,
                o.who,
                i18n::date(o.at.date_naive(), lang)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn applications(report: &JuryReport) -> Sheet {
    let lang = report.lang;
    let mut columns = vec![
        col(lang, "Rang", "Rank", 6.0),
        col(lang, "Ex æquo / départage", "Tie / tie-break", 24.0),
        col(lang, "Structure", "Structure", 32.0),
        col(lang, "Forme juridique", "Legal form", 22.0),
        col(lang, "ESUS", "ESUS", 6.0),
        col(lang, "Secteur", "Sector", 20.0),
        col(lang, "Ville", "City", 16.0),
        col(lang, "Zone", "Zone", 8.0),
        col(lang, "Surface min.", "Min. surface", 12.0),
        col(lang, "Surface max.", "Max. surface", 12.0),
        col(lang, "Usages", "Uses", 18.0),
        col(lang, "Début souhaité", "Wished start", 12.0),
        col(lang, "Durée (mois)", "Duration (months)", 10.0),
        col(lang, "Budget annuel max.", "Max. annual budget", 16.0),
        col(lang, "Subvention demandée", "Grant requested", 16.0),
        col(lang, "Site", "Site", 24.0),
        col(lang, "Lot retenu", "Lot retained", 18.0),
        col(lang, "Lot décidé", "Lot decided", 9.0),
        col(lang, "Surface retenue", "Surface retained", 14.0),
        col(lang, "Coût annuel", "Annual cost", 14.0),
        col(lang, "Éligible", "Eligible", 9.0),
        col(
            lang,
            "Motifs d'inéligibilité",
            "Ineligibility reasons",
            30.0,
        ),
        col(lang, "Score (/100)", "Score (/100)", 12.0),
    ];
    let weights = &report.criteria.weights;
    for w in weights {
        columns.push((format!("{} (/{})", w.label, out_of(w.share, lang)), 12.0));
    }
    for g in &report.criteria.grid {
        columns.push((format!("{} (/4)", g.label), 14.0));
    }
    columns.extend([
        col(lang, "Grille (/100)", "Grid (/100)", 12.0),
        col(lang, "Seuil atteint", "Threshold met", 10.0),
        col(lang, "Statut", "Status", 16.0),
        col(lang, "Motivation", "Motivation", 40.0),
        col(lang, "Annotations", "Notes", 40.0),
        col(lang, "Étiquettes", "Labels", 16.0),
        col(lang, "Avis des partenaires", "Partner opinions", 40.0),
        col(lang, "Alertes", "Warnings", 40.0),
        col(lang, "P(K premiers)", "P(first K)", 12.0),
        col(lang, "Robustesse", "Robustness", 11.0),
        col(
            lang,
            "Poids le plus sensible",
            "Most sensitive weight",
            36.0,
        ),
    ]);
    if report.personal_data {
        columns.extend([
            col(lang, "Contact", "Contact", 20.0),
            col(lang, "E-mail", "E-mail", 24.0),
            col(lang, "Téléphone", "Phone", 16.0),
        ]);
    }
    let mut sheet = Sheet::new(lang.pick("Candidatures", "Applications"), columns);
    for row in &report.applications {
        let mut cells = vec![
            Cell::Integer(row.rank as i64),
            Cell::opt_text(row.tie_break.as_ref()),
            Cell::text(&row.name),
            Cell::text(&row.legal_form),
            Cell::yes_no(row.esus, lang),
            Cell::text(&row.sector),
            Cell::text(&row.city),
            row.zone.map_or(Cell::Empty, |z| Cell::text(z.label(lang))),
            Cell::Surface(row.need.surface_min),
            Cell::Surface(row.need.surface_max),
            Cell::text(&row.need.uses),
            Cell::Date(row.need.start),
            Cell::Integer(i64::from(row.need.duration_months)),
            Cell::Money(row.need.max_annual_budget),
            row.grant_requested.map_or(Cell::Empty, Cell::Money),
            Cell::text(&row.site_name),
            Cell::opt_text(row.lot_label.as_ref()),
            Cell::yes_no(row.lot_named, lang),
            row.surface.map_or(Cell::Empty, Cell::Surface),
            row.annual_cost.map_or(Cell::Empty, Cell::Money),
            Cell::yes_no(row.eligible, lang),
            Cell::text(row.reasons.join("\n")),
            Cell::score(row.total),
        ];
        cells.extend(row.criteria.iter().map(|c| Cell::score(c.contribution)));
        cells.extend(row.grid.iter().map(|g| grade_cell(g.grade, lang)));
        cells.extend([
            row.grid_total.map_or(Cell::Empty, Cell::score),
            row.passes_threshold
                .map_or(Cell::Empty, |p| Cell::yes_no(p, lang)),
            Cell::text(row.status.label(lang)),
            Cell::opt_text(row.motivation.as_ref()),
            Cell::text(&row.annotation),
            Cell::text(row.labels.join(", ")),
            Cell::text(opinions_text(row, lang)),
            Cell::text(row.warnings.join("\n")),
            row.p_top_k.map_or(Cell::Empty, Cell::Percent),
            row.stability
                .map_or(Cell::Empty, |s| Cell::text(s.label(lang))),
            crate::scoring::robustness::tightest(&row.weight_intervals).map_or(Cell::Empty, |i| {
                Cell::text(crate::scoring::robustness::interval_text(i, lang))
            }),
        ]);
        if report.personal_data {
            let contact = row.contact.as_ref();
            cells.extend([
                Cell::opt_text(contact.map(|c| &c.name)),
                Cell::opt_text(contact.and_then(|c| c.email.as_ref())),
                Cell::opt_text(contact.and_then(|c| c.phone.as_ref())),
            ]);
        }
        sheet.rows.push(cells);
    }
    sheet
}

pub fn criteria(report: &JuryReport) -> Sheet {
    let lang = report.lang;
    let part = &report.criteria;
    let mut sheet = Sheet::new(
        lang.pick("Critères", "Criteria"),
        vec![
            col(lang, "Partie", "Part", 18.0),
            col(lang, "Critère", "Criterion", 30.0),
            col(lang, "Poids", "Weight", 8.0),
            col(lang, "Part du total", "Share of total", 10.0),
            col(lang, "Mode de calcul", "How it is computed", 90.0),
        ],
    );
    let matching = lang.pick("Score d'adéquation", "Match score");
    let grid = lang.pick("Grille du jury", "Jury grid");
    let rule = |part: &str, name: &str, text: &str| {
        vec![
            Cell::text(part),
            Cell::text(name),
            Cell::Empty,
            Cell::Empty,
            Cell::text(text),
        ]
    };
    sheet.rows.push(rule(
        matching,
        lang.pick("Éligibilité", "Eligibility"),
        &part.eligibility,
    ));
    sheet.rows.push(rule(
        matching,
        lang.pick("Total", "Total"),
        &part.match_total,
    ));
    let weight_row = |part: &str, w: &crate::export::report::WeightLine| {
        vec![
            Cell::text(part),
            Cell::text(&w.label),
            Cell::Number {
                value: w.weight,
                decimals: if w.weight.fract() == 0.0 { 0 } else { 2 },
            },
            Cell::Percent(w.share),
            Cell::text(&w.formula),
        ]
    };
    sheet
        .rows
        .extend(part.weights.iter().map(|w| weight_row(matching, w)));
    sheet
        .rows
        .push(rule(grid, lang.pick("Total", "Total"), &part.grid_formula));
    sheet
        .rows
        .extend(part.grid.iter().map(|w| weight_row(grid, w)));
    sheet.rows.push(vec![
        Cell::text(grid),
        Cell::text(lang.pick("Seuil (/100)", "Threshold (/100)")),
        Cell::Number {
            value: part.grid_threshold,
            decimals: 1,
        },
        Cell::Empty,
        Cell::Empty,
    ]);
    let robustness = lang.pick("Robustesse", "Robustness");
    sheet.rows.push(rule(
        robustness,
        lang.pick("Méthode", "Method"),
        &crate::export::pack::robustness_method(lang),
    ));
    for (r, line) in report
        .robustness
        .iter()
        .zip(crate::export::pack::robustness_lines(report))
    {
        sheet.rows.push(rule(robustness, &r.name, &line));
    }
    sheet
}

pub fn journal(report: &JuryReport) -> Sheet {
    let lang = report.lang;
    let mut sheet = Sheet::new(
        lang.pick("Journal", "Journal"),
        vec![
            col(lang, "Date", "Date", 17.0),
            col(lang, "Qui", "Who", 16.0),
            col(lang, "Structure", "Structure", 30.0),
            col(lang, "Site", "Site", 24.0),
            col(lang, "De", "From", 16.0),
            col(lang, "Vers", "To", 16.0),
            col(lang, "Nature", "Kind", 18.0),
            col(lang, "Motivation", "Motivation", 50.0),
        ],
    );
    for entry in &report.journal {
        sheet.rows.push(vec![
            Cell::DateTime(entry.at.naive_local()),
            Cell::text(&entry.who),
            Cell::text(&entry.structure_name),
            Cell::text(&entry.site_name),
            Cell::text(entry.from.label(lang)),
            Cell::text(entry.to.label(lang)),
            Cell::text(entry.kind.label(lang)),
            Cell::opt_text(entry.motivation.as_ref()),
        ]);
    }
    sheet
}
