//! `ancrage stats [--year YYYY] [--today YYYY-MM-DD] [--call ID] [--json]`: the territory's
//! balance per zone and city (m² offered and occupied, structures and jobs hosted, placements)
//! and the impact fund of the year against its envelope.

use crate::cli::failure::{Failure, Outcome};
use crate::cli::output;
use crate::cli::table::{Align, render};
use crate::cli::unknown;
use crate::cli::workspace;
use crate::domain::{CallId, GrantPurpose, Money, Surface, Workspace, Zone};
use crate::i18n::{self, Label, Lang, NBSP};
use crate::pathway::{Balance, Figures, FundYear, balance, fund_year};
use chrono::{Datelike, NaiveDate};
use clap::Args;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The year of the placements and of the fund (default: today's year).
    #[arg(long)]
    pub year: Option<i32>,
    /// The day occupation is read on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// Also count the placements that answer this call's applications.
    #[arg(long)]
    pub call: Option<CallId>,
    /// JSON output: {"zones": [...], "total": {...}, "fund": {...}}.
    #[arg(long)]
    pub json: bool,
}

pub fn run(dir: &Path, args: &StatsArgs, lang: Lang) -> Outcome {
    let ws = workspace::load(dir, lang)?;
    if let Some(call) = &args.call {
        unknown::call(&ws, call, lang)?;
    }
    let today = args.today.unwrap_or_else(crate::cli::today);
    let year = args.year.unwrap_or(today.year());
    let b = balance(&ws, today, year, args.call.as_ref());
    let f = fund_year(&ws, year);
    let out = if args.json {
        json(&b, &f, today)?
    } else {
        words(&ws, &b, &f, today, lang)
    };
    output::print(&out, lang)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct JsonFigures {
    m2_offered: f64,
    m2_occupied: f64,
    structures: usize,
    fte: f64,
    placements_year: usize,
    placements_call: usize,
}

impl From<Figures> for JsonFigures {
    fn from(f: Figures) -> Self {
        // Surfaces to the tenth of a m², jobs to the hundredth: no float noise in the output.
        let round = |v: f64, scale: f64| (v * scale).round() / scale;
        JsonFigures {
            m2_offered: round(f.m2_offered, 10.0),
            m2_occupied: round(f.m2_occupied, 10.0),
            structures: f.structures,
            fte: round(f.fte, 100.0),
            placements_year: f.placements_year,
            placements_call: f.placements_call,
        }
    }
}

#[derive(Serialize)]
struct JsonCity<'a> {
    city: &'a str,
    insee: &'a str,
    #[serde(flatten)]
    figures: JsonFigures,
}

#[derive(Serialize)]
struct JsonZone<'a> {
    zone: Option<Zone>,
    priority: bool,
    cities: Vec<JsonCity<'a>>,
    #[serde(flatten)]
    figures: JsonFigures,
}

#[derive(Serialize)]
struct JsonAmounts<T: Serialize> {
    #[serde(flatten)]
    key: T,
    granted: Money,
    requested: Money,
}

#[derive(Serialize)]
struct ZoneKey {
    zone: Zone,
}

#[derive(Serialize)]
struct PurposeKey {
    purpose: GrantPurpose,
}

#[derive(Serialize)]
struct JsonFund<'a> {
    year: i32,
    envelope: Option<Money>,
    /// The year the envelope's figure comes from, when carried from an earlier one.
    envelope_from: Option<i32>,
    granted: Money,
    requested: Money,
    pending: Money,
    remaining: Option<Money>,
    cap_per_structure: Money,
    by_zone: Vec<JsonAmounts<ZoneKey>>,
    by_purpose: Vec<JsonAmounts<PurposeKey>>,
    over_cap: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonStats<'a> {
    today: NaiveDate,
    year: i32,
    call: Option<&'a str>,
    zones: Vec<JsonZone<'a>>,
    total: JsonZone<'a>,
    fund: JsonFund<'a>,
}

fn cities<'a>(list: impl Iterator<Item = &'a crate::pathway::CityBalance>) -> Vec<JsonCity<'a>> {
    list.map(|c| JsonCity {
        city: &c.name,
        insee: c.insee.as_str(),
        figures: c.figures.into(),
    })
    .collect()
}

fn json(b: &Balance, f: &FundYear, today: NaiveDate) -> Result<String, Failure> {
    let stats = JsonStats {
        today,
        year: b.year,
        call: b.call.as_ref().map(|c| c.as_str()),
        zones: b
            .zones
            .iter()
            .map(|z| JsonZone {
                zone: Some(z.zone),
                priority: z.priority,
                cities: cities(z.cities.iter()),
                figures: z.figures.into(),
            })
            .collect(),
        total: JsonZone {
            zone: None,
            priority: false,
            cities: cities(b.cities()),
            figures: b.total.into(),
        },
        fund: JsonFund {
            year: f.year,
            envelope: f.envelope,
            envelope_from: f.envelope_from,
            granted: f.totals.granted,
            requested: f.totals.requested,
            pending: f.pending,
            remaining: f.remaining(),
            cap_per_structure: f.cap_per_structure,
            by_zone: f
                .by_zone
                .iter()
                .map(|(zone, a)| JsonAmounts {
                    key: ZoneKey { zone: *zone },
                    granted: a.granted,
                    requested: a.requested,
                })
                .collect(),
            by_purpose: f
                .by_purpose
                .iter()
                .map(|(purpose, a)| JsonAmounts {
                    key: PurposeKey { purpose: *purpose },
                    granted: a.granted,
                    requested: a.requested,
                })
                .collect(),
            over_cap: f.over_cap.iter().map(|id| id.as_str()).collect(),
        },
    };
    let mut text = serde_json::to_string_pretty(&stats).map_err(|e| Failure::new(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

fn words(ws: &Workspace, b: &Balance, f: &FundYear, today: NaiveDate, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} {}{}\n",
        ws.territory.name,
        lang.pick("au", "on"),
        i18n::date(today, lang),
        match &b.call {
            Some(call) => match lang {
                Lang::Fr => format!(
                    ", placements de {} et de l’appel «{NBSP}{call}{NBSP}»",
                    b.year
                ),
                Lang::En => format!(", placements of {} and of call `{call}`", b.year),
            },
            None => match lang {
                Lang::Fr => format!(", placements de {}", b.year),
                Lang::En => format!(", placements of {}", b.year),
            },
        }
    );
    let placements_year = match lang {
        Lang::Fr => format!("Placements {}", b.year),
        Lang::En => format!("Placements {}", b.year),
    };
    let mut header = vec![
        (lang.pick("Zone / ville", "Zone / city"), Align::Left, 28),
        (lang.pick("m² offerts", "m² offered"), Align::Right, 12),
        (lang.pick("m² occupés", "m² occupied"), Align::Right, 12),
        (lang.pick("Structures", "Structures"), Align::Right, 10),
        (lang.pick("ETP", "FTE"), Align::Right, 8),
        (placements_year.as_str(), Align::Right, 16),
    ];
    if b.call.is_some() {
        header.push((
            lang.pick("Placements de l’appel", "Placements of the call"),
            Align::Right,
            22,
        ));
    }
    let row = |label: String, figures: &Figures| {
        let mut cells = vec![
            label,
            i18n::surface(Surface::m2(figures.m2_offered), lang),
            i18n::surface(Surface::m2(figures.m2_occupied), lang),
            figures.structures.to_string(),
            i18n::number(figures.fte, 1, lang),
            figures.placements_year.to_string(),
        ];
        if b.call.is_some() {
            cells.push(figures.placements_call.to_string());
        }
        cells
    };
    let mut rows = Vec::new();
    for zone in &b.zones {
        let star = if zone.priority { " ★" } else { "" };
        rows.push(row(
            format!("{}{star}", zone.zone.label(lang)),
            &zone.figures,
        ));
        for city in &zone.cities {
            rows.push(row(format!("  {}", city.name), &city.figures));
        }
    }
    rows.push(row(lang.pick("Total", "Total").to_owned(), &b.total));
    out.push_str(&render(&header, &rows));
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "★ zone prioritaire du rééquilibrage",
            "★ priority zone of the rebalancing"
        )
    );
    out.push_str(&fund_words(ws, f, lang));
    i18n::typography(&out, lang)
}

/// The fund's paragraph, shared with the council report's wording.
pub fn fund_words(ws: &Workspace, f: &FundYear, lang: Lang) -> String {
    let m = |a: Money| i18n::money(a, lang);
    let mut out = String::new();
    let envelope = match (f.envelope, f.envelope_from) {
        (Some(e), Some(from)) => match lang {
            Lang::Fr => format!("une enveloppe de {} (chiffre de {from}, reconduit)", m(e)),
            Lang::En => format!("an envelope of {} (the {from} figure, carried over)", m(e)),
        },
        (Some(e), None) => match lang {
            Lang::Fr => format!("une enveloppe de {}", m(e)),
            Lang::En => format!("an envelope of {}", m(e)),
        },
        (None, _) => lang
            .pick("aucune enveloppe connue", "no known envelope")
            .to_owned(),
    };
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::Fr => format!(
                "Fonds à impact {} : {} accordés, {} demandés (dont {} en attente), pour {envelope}{}.",
                f.year,
                m(f.totals.granted),
                m(f.totals.requested),
                m(f.pending),
                f.remaining()
                    .map_or(String::new(), |r| format!(" ; reste {}", m(r)))
            ),
            Lang::En => format!(
                "Impact fund {}: {} granted, {} requested ({} pending), for {envelope}{}.",
                f.year,
                m(f.totals.granted),
                m(f.totals.requested),
                m(f.pending),
                f.remaining()
                    .map_or(String::new(), |r| format!("; {} left", m(r)))
            ),
        }
    );
    let zones: Vec<String> = f
        .by_zone
        .iter()
        .map(|(zone, a)| format!("{} {} / {}", zone.label(lang), m(a.granted), m(a.requested)))
        .collect();
    let colon = lang.pick(" :", ":");
    let semicolon = lang.pick(" ; ", "; ");
    let _ = writeln!(
        out,
        "  {}{colon} {}",
        lang.pick(
            "par zone (accordé / demandé)",
            "by zone (granted / requested)"
        ),
        zones.join(semicolon)
    );
    let purposes: Vec<String> = f
        .by_purpose
        .iter()
        .map(|(p, a)| format!("{} {} / {}", p.label(lang), m(a.granted), m(a.requested)))
        .collect();
    let _ = writeln!(
        out,
        "  {}{colon} {}",
        lang.pick("par objet", "by purpose"),
        purposes.join(semicolon)
    );
    if !f.over_cap.is_empty() {
        let names: Vec<&str> = f
            .over_cap
            .iter()
            .map(|id| ws.structure(id).map_or(id.as_str(), |s| s.name.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "  {} {}{colon} {}",
            lang.pick("au-delà du plafond de", "above the cap of"),
            m(f.cap_per_structure),
            names.join(", ")
        );
    }
    i18n::typography(&out, lang)
}
