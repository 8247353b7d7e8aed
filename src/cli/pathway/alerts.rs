//! `ancrage pathway alerts [--within 3m|6m|12m] [--today YYYY-MM-DD] [--json]`.

use crate::cli::failure::{Failure, Outcome};
use crate::cli::output;
use crate::cli::table::{Align, render};
use crate::cli::workspace;
use crate::domain::Workspace;
use crate::i18n::{self, Label, Lang, NBSP};
use crate::pathway::labels::alert_symbol;
use crate::pathway::{Alert, Within, alerts};
use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct AlertsArgs {
    /// How far ahead an ending stay raises an alert: 3m, 6m or 12m.
    #[arg(long, default_value = "6m", value_name = "3m|6m|12m")]
    pub within: Within,
    /// The day the alerts are computed for (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// JSON output: one entry per alert, {"structure", "name", "kind", "end", "days_left"}.
    #[arg(long)]
    pub json: bool,
}

/// One alert as `--json` prints it.
#[derive(Serialize)]
struct Listed<'a> {
    structure: &'a str,
    name: &'a str,
    kind: &'static str,
    end: Option<NaiveDate>,
    days_left: Option<i64>,
}

pub fn run(dir: &Path, args: &AlertsArgs, lang: Lang) -> Outcome {
    let ws = workspace::load(dir, lang)?;
    let today = args.today.unwrap_or_else(crate::cli::today);
    let found = alerts(&ws, today, args.within);
    if args.json {
        output::print(&json(&ws, &found)?, lang)?;
    } else {
        output::print(&table(&ws, &found, today, args.within, lang), lang)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn json(ws: &Workspace, found: &[Alert]) -> Result<String, Failure> {
    let listed: Vec<Listed> = found
        .iter()
        .map(|a| Listed {
            structure: a.structure.as_str(),
            name: ws.structures.get(a.index).map_or("", |s| s.name.as_str()),
            kind: a.kind.code(),
            end: a.end,
            days_left: a.days_left,
        })
        .collect();
    let mut text =
        serde_json::to_string_pretty(&listed).map_err(|e| Failure::new(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// A heading, then one line per alert: structure, kind (symbol and words), end, days left.
pub fn table(
    ws: &Workspace,
    found: &[Alert],
    today: NaiveDate,
    within: Within,
    lang: Lang,
) -> String {
    let horizon = match lang {
        Lang::Fr => format!("{}{NBSP}mois", within.months()),
        Lang::En => format!("{} months", within.months()),
    };
    let day = i18n::date(today, lang);
    if found.is_empty() {
        return match lang {
            Lang::Fr => format!("Aucune alerte au {day} (horizon {horizon}).\n"),
            Lang::En => format!("No alert on {day} (horizon {horizon}).\n"),
        };
    }
    let mut out = match lang {
        Lang::Fr => format!(
            "Alertes du parcours au {day} (horizon {horizon}){NBSP}: {}\n\n",
            found.len()
        ),
        Lang::En => format!(
            "Pathway alerts on {day} (horizon {horizon}): {}\n\n",
            found.len()
        ),
    };
    let header = [
        (lang.pick("Structure", "Structure"), Align::Left, 36),
        (lang.pick("Alerte", "Alert"), Align::Left, 52),
        (lang.pick("Échéance", "Date"), Align::Left, 10),
        (lang.pick("Jours", "Days"), Align::Right, 6),
    ];
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|a| {
            vec![
                ws.structures
                    .get(a.index)
                    .map_or_else(|| a.structure.to_string(), |s| s.name.clone()),
                format!("{} {}", alert_symbol(a.kind), a.kind.label(lang)),
                a.end
                    .map_or_else(|| "—".to_owned(), |d| i18n::date(d, lang)),
                a.days_left
                    .map_or_else(|| "—".to_owned(), |d| d.to_string()),
            ]
        })
        .collect();
    out.push_str(&render(&header, &rows));
    out
}
