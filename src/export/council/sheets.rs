//! The council report laid out as typed tables: Synthèse, Placements, Territoire, Parcours,
//! Alertes, Fonds — one sheet each in XLSX and ODS, one section each in HTML and Markdown.
//! Text goes through `Cell::text` (neutralised against formula injection).

use super::report::CouncilReport;
use crate::domain::{EpisodeKind, Surface};
use crate::export::sheet::{Cell, Column, Sheet};
use crate::i18n::{Label, Lang};
use crate::pathway::Figures;

fn sheet(name: &str, columns: &[(&str, f64)]) -> Sheet {
    Sheet {
        name: name.to_owned(),
        columns: columns
            .iter()
            .map(|(title, width)| Column {
                title: (*title).to_owned(),
                width: *width,
            })
            .collect(),
        rows: Vec::new(),
    }
}

/// The six parts, in reading order.
pub fn sheets(report: &CouncilReport) -> Vec<Sheet> {
    vec![
        summary(report),
        placements(report),
        territory(report),
        moves(report),
        alerts(report),
        fund(report),
    ]
}

fn kind_or_entry(kind: Option<EpisodeKind>, lang: Lang) -> String {
    kind.map_or_else(
        || lang.pick("(premier séjour)", "(first stay)").to_owned(),
        |k| k.label(lang).to_owned(),
    )
}

pub fn summary(report: &CouncilReport) -> Sheet {
    let lang = report.lang;
    let mut s = sheet(
        lang.pick("Synthèse", "Summary"),
        &[
            (lang.pick("Indicateur", "Indicator"), 52.0),
            (lang.pick("Valeur", "Value"), 18.0),
        ],
    );
    let t = &report.balance.total;
    let f = &report.fund;
    let lived = report.placements.iter().filter(|p| !p.planned).count();
    let planned = report.placements.len() - lived;
    let mut row = |label: &str, value: Cell| s.rows.push(vec![Cell::text(label), value]);
    row(
        lang.pick(
            "Placements de l’année (séjours commencés)",
            "Placements of the year (stays begun)",
        ),
        Cell::Integer(lived as i64),
    );
    row(
        lang.pick(
            "Placements prévus dans l’année",
            "Placements planned in the year",
        ),
        Cell::Integer(planned as i64),
    );
    row(
        lang.pick(
            "Pas en avant sur le parcours (pépinière → temporaire → pérenne)",
            "Steps forward on the pathway (incubator → temporary → permanent)",
        ),
        Cell::Integer(report.forward_moves() as i64),
    );
    row(
        lang.pick("m² offerts par le catalogue", "m² offered by the catalogue"),
        Cell::Surface(Surface::m2(t.m2_offered)),
    );
    row(
        lang.pick(
            "m² occupés par des structures de l’ESS",
            "m² occupied by ESS structures",
        ),
        Cell::Surface(Surface::m2(t.m2_occupied)),
    );
    row(
        lang.pick("Structures hébergées", "Structures hosted"),
        Cell::Integer(t.structures as i64),
    );
    row(
        lang.pick("Emplois hébergés (ETP)", "Jobs hosted (FTE)"),
        Cell::Number {
            value: t.fte,
            decimals: 1,
        },
    );
    for (stage, n) in &report.stages {
        let label = match lang {
            Lang::Fr => format!("Structures à l’étape «\u{a0}{}\u{a0}»", stage.label(lang)),
            Lang::En => format!("Structures at stage “{}”", stage.label(lang)),
        };
        row(&label, Cell::Integer(*n as i64));
    }
    row(
        lang.pick(
            "Alertes du parcours (horizon 6 mois)",
            "Pathway alerts (6-month horizon)",
        ),
        Cell::Integer(report.alerts.len() as i64),
    );
    row(
        lang.pick("Fonds à impact : enveloppe", "Impact fund: envelope"),
        f.envelope.map_or(Cell::Empty, Cell::Money),
    );
    row(
        lang.pick("Fonds à impact : accordé", "Impact fund: granted"),
        Cell::Money(f.totals.granted),
    );
    row(
        lang.pick("Fonds à impact : demandé", "Impact fund: requested"),
        Cell::Money(f.totals.requested),
    );
    row(
        lang.pick(
            "Fonds à impact : en attente de décision",
            "Impact fund: awaiting decision",
        ),
        Cell::Money(f.pending),
    );
    row(
        lang.pick("Fonds à impact : reste", "Impact fund: left"),
        f.remaining().map_or(Cell::Empty, Cell::Money),
    );
    row(
        lang.pick(
            "Structures au-delà du plafond par structure",
            "Structures above the cap per structure",
        ),
        Cell::Integer(f.over_cap.len() as i64),
    );
    s
}

pub fn placements(report: &CouncilReport) -> Sheet {
    let lang = report.lang;
    let mut columns = vec![
        (lang.pick("Structure", "Structure"), 30.0),
        (lang.pick("Depuis", "From"), 22.0),
        (lang.pick("Vers", "To"), 22.0),
        (lang.pick("Lieu", "Site"), 34.0),
        (lang.pick("Ville", "City"), 16.0),
        (lang.pick("Zone", "Zone"), 8.0),
        (lang.pick("Début", "Start"), 11.0),
        (lang.pick("Fin", "End"), 11.0),
        (lang.pick("Surface", "Surface"), 10.0),
        (lang.pick("Convention", "Agreement"), 28.0),
        (lang.pick("Appel", "Call"), 26.0),
        (lang.pick("Prévu", "Planned"), 7.0),
        (lang.pick("ETP", "FTE"), 6.0),
    ];
    if report.personal_data {
        columns.push((lang.pick("Contact", "Contact"), 34.0));
    }
    let mut s = sheet(lang.pick("Placements", "Placements"), &columns);
    for p in &report.placements {
        let mut row = vec![
            Cell::text(&p.structure),
            Cell::text(kind_or_entry(p.from, lang)),
            Cell::text(p.to.label(lang)),
            Cell::text(&p.site),
            Cell::text(&p.city),
            p.zone.map_or(Cell::Empty, |z| Cell::text(z.label(lang))),
            Cell::Date(p.on),
            p.end.map_or(Cell::Empty, Cell::Date),
            p.surface.map_or(Cell::Empty, Cell::Surface),
            p.agreement
                .map_or(Cell::Empty, |a| Cell::text(a.label(lang))),
            p.call.as_ref().map_or(Cell::Empty, Cell::text),
            Cell::text(if p.planned {
                lang.pick("oui", "yes")
            } else {
                lang.pick("non", "no")
            }),
            Cell::Number {
                value: p.fte,
                decimals: 1,
            },
        ];
        if report.personal_data {
            row.push(p.contact.as_ref().map_or(Cell::Empty, |c| {
                let parts: Vec<&str> = [
                    Some(c.name.as_str()),
                    c.email.as_deref(),
                    c.phone.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect();
                Cell::text(parts.join(", "))
            }));
        }
        s.rows.push(row);
    }
    s
}

fn figures_cells(f: &Figures) -> Vec<Cell> {
    vec![
        Cell::Surface(Surface::m2(f.m2_offered)),
        Cell::Surface(Surface::m2(f.m2_occupied)),
        Cell::Integer(f.structures as i64),
        Cell::Number {
            value: f.fte,
            decimals: 1,
        },
        Cell::Integer(f.placements_year as i64),
    ]
}

pub fn territory(report: &CouncilReport) -> Sheet {
    let lang = report.lang;
    let year = report.year.to_string();
    let placements = match lang {
        Lang::Fr => format!("Placements {year}"),
        Lang::En => format!("Placements {year}"),
    };
    let mut s = sheet(
        lang.pick("Territoire", "Territory"),
        &[
            (lang.pick("Zone", "Zone"), 10.0),
            (lang.pick("Ville", "City"), 22.0),
            (lang.pick("m² offerts", "m² offered"), 12.0),
            (lang.pick("m² occupés", "m² occupied"), 12.0),
            (lang.pick("Structures", "Structures"), 10.0),
            (lang.pick("ETP", "FTE"), 8.0),
            (placements.as_str(), 14.0),
        ],
    );
    for zone in &report.balance.zones {
        for city in &zone.cities {
            let mut row = vec![Cell::text(zone.zone.label(lang)), Cell::text(&city.name)];
            row.extend(figures_cells(&city.figures));
            s.rows.push(row);
        }
        let mut row = vec![
            Cell::text(zone.zone.label(lang)),
            Cell::text(match lang {
                Lang::Fr => format!("Total {}", zone.zone.label(lang)),
                Lang::En => format!("Total {}", zone.zone.label(lang)),
            }),
        ];
        row.extend(figures_cells(&zone.figures));
        s.rows.push(row);
    }
    let mut row = vec![
        Cell::Empty,
        Cell::text(lang.pick("Total du territoire", "Territory total")),
    ];
    row.extend(figures_cells(&report.balance.total));
    s.rows.push(row);
    s
}

pub fn moves(report: &CouncilReport) -> Sheet {
    let lang = report.lang;
    let mut s = sheet(
        lang.pick("Parcours", "Pathway moves"),
        &[
            (lang.pick("Depuis", "From"), 24.0),
            (lang.pick("Vers", "To"), 24.0),
            (lang.pick("Réalisés", "Done"), 10.0),
            (lang.pick("Prévus", "Planned"), 10.0),
        ],
    );
    for m in &report.moves {
        s.rows.push(vec![
            Cell::text(kind_or_entry(m.from, lang)),
            Cell::text(m.to.label(lang)),
            Cell::Integer(m.lived as i64),
            Cell::Integer(m.planned as i64),
        ]);
    }
    s
}

pub fn alerts(report: &CouncilReport) -> Sheet {
    let lang = report.lang;
    let mut s = sheet(
        lang.pick("Alertes", "Alerts"),
        &[
            (lang.pick("Structure", "Structure"), 30.0),
            (lang.pick("Alerte", "Alert"), 44.0),
            (lang.pick("Échéance", "Date"), 11.0),
            (lang.pick("Jours restants", "Days left"), 12.0),
        ],
    );
    for a in &report.alerts {
        s.rows.push(vec![
            Cell::text(&a.structure),
            Cell::text(a.kind.label(lang)),
            a.end.map_or(Cell::Empty, Cell::Date),
            a.days_left.map_or(Cell::Empty, Cell::Integer),
        ]);
    }
    s
}

pub fn fund(report: &CouncilReport) -> Sheet {
    let lang = report.lang;
    let f = &report.fund;
    let mut s = sheet(
        lang.pick("Fonds", "Fund"),
        &[
            (lang.pick("Répartition", "Breakdown"), 16.0),
            (
                lang.pick("Zone, objet ou structure", "Zone, purpose or structure"),
                34.0,
            ),
            (lang.pick("Accordé", "Granted"), 14.0),
            (lang.pick("Demandé", "Requested"), 14.0),
            (lang.pick("Enveloppe", "Envelope"), 14.0),
            (lang.pick("Décidé le", "Decided on"), 11.0),
            (lang.pick("Comité", "Committee"), 34.0),
        ],
    );
    let mut row = |part: &str,
                   label: String,
                   granted: Cell,
                   requested: Cell,
                   envelope: Cell,
                   on: Cell,
                   by: Cell| {
        s.rows.push(vec![
            Cell::text(part),
            Cell::text(label),
            granted,
            requested,
            envelope,
            on,
            by,
        ]);
    };
    let year = match lang {
        Lang::Fr => format!("année {}", report.year),
        Lang::En => format!("year {}", report.year),
    };
    row(
        lang.pick("total", "total"),
        year,
        Cell::Money(f.totals.granted),
        Cell::Money(f.totals.requested),
        f.envelope.map_or(Cell::Empty, Cell::Money),
        Cell::Empty,
        Cell::Empty,
    );
    for (zone, a) in &f.by_zone {
        row(
            lang.pick("par zone", "by zone"),
            zone.label(lang).to_owned(),
            Cell::Money(a.granted),
            Cell::Money(a.requested),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        );
    }
    for (purpose, a) in &f.by_purpose {
        row(
            lang.pick("par objet", "by purpose"),
            purpose.label(lang).to_owned(),
            Cell::Money(a.granted),
            Cell::Money(a.requested),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        );
    }
    for g in &report.grants {
        row(
            lang.pick("par subvention", "by grant"),
            format!("{} ({})", g.structure, g.purpose.label(lang)),
            g.granted.map_or(Cell::Empty, Cell::Money),
            Cell::Money(g.requested),
            Cell::Empty,
            g.decided_on.map_or(Cell::Empty, Cell::Date),
            Cell::text(&g.committee),
        );
    }
    s
}
