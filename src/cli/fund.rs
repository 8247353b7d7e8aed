//! `ancrage fund grant --structure ID --year YYYY --amount EUR --purpose
//! fonctionnement|investissement`: records an impact-fund grant through the workspace session,
//! after the fund's rules (cap per structure and year, the year's envelope).
//!
//! Exit codes: 0 recorded; 2 refused (unknown structure or call, over the cap or the envelope,
//! bad amount); 1 the workspace could not be read or written.

use crate::cli::failure::{Failure, Outcome};
use crate::cli::record::{confirm, record};
use crate::cli::unknown;
use crate::cli::workspace;
use crate::domain::{CallId, Grant, GrantPurpose, Money, StructureId};
use crate::i18n::{self, Label, Lang, NBSP};
use crate::pathway::{fund_year, record_grant};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

#[derive(Debug, Args)]
pub struct FundArgs {
    #[command(subcommand)]
    pub command: FundCommand,
}

#[derive(Debug, Subcommand)]
pub enum FundCommand {
    /// Record a grant of the impact fund to a structure (or, with --pending, a request).
    Grant(GrantArgs),
}

#[derive(Debug, Args)]
pub struct GrantArgs {
    #[arg(long)]
    pub structure: StructureId,
    /// The fund's year the grant counts against.
    #[arg(long)]
    pub year: i32,
    /// Amount granted, in euros (`12000`, `12 000`, `12 000,50 €`).
    #[arg(long, value_parser = parse_euros, value_name = "EUR")]
    pub amount: Money,
    /// fonctionnement or investissement.
    #[arg(long)]
    pub purpose: GrantPurpose,
    /// Amount requested, when more than granted (default: the amount).
    #[arg(long, value_parser = parse_euros, value_name = "EUR")]
    pub requested: Option<Money>,
    /// Record a request waiting for a decision: --amount is then the amount requested.
    #[arg(long)]
    pub pending: bool,
    /// Day of the decision (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub decided_on: Option<NaiveDate>,
    /// The call the request came with.
    #[arg(long)]
    pub call: Option<CallId>,
    /// The committee or deliberation that decided.
    #[arg(long, default_value = "")]
    pub committee: String,
}

/// Euros as the officer types them: `30000`, `30 000`, `30 000,50 €`, `30000.5`.
pub fn parse_euros(text: &str) -> Result<Money, String> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let normalised = cleaned.replace(',', ".");
    Decimal::from_str(&normalised)
        .map(Money)
        .map_err(|_| format!("montant illisible «\u{a0}{text}\u{a0}» / unreadable amount: ex. 12000, 12 000, 12 000,50"))
}

pub fn run(dir: &Path, args: &FundArgs, lang: Lang) -> Outcome {
    match &args.command {
        FundCommand::Grant(a) => grant(dir, a, lang),
    }
}

fn grant(dir: &Path, args: &GrantArgs, lang: Lang) -> Outcome {
    let ws = workspace::load(dir, lang)?;
    unknown::structure(&ws, &args.structure, lang)?;
    if let Some(call) = &args.call {
        unknown::call(&ws, call, lang)?;
    }
    let grant = Grant {
        year: args.year,
        requested: args.requested.unwrap_or(args.amount),
        granted: (!args.pending).then_some(args.amount),
        purpose: args.purpose,
        decided_on: (!args.pending).then(|| args.decided_on.unwrap_or_else(crate::cli::today)),
        call: args.call.clone(),
        committee: args.committee.clone(),
    };
    let (message, recorded) = record(dir, ws, lang, |ws| {
        let edit = record_grant(ws, &args.structure, grant.clone()).map_err(|e| Failure {
            message: e.message(lang),
            code: 2,
        })?;
        let mut after = ws.clone();
        crate::edit::apply_unchecked(&mut after, &edit);
        Ok((edit, confirmation(&after, args, &grant, lang)))
    })?;
    confirm(&message, &recorded, lang)
}

fn confirmation(
    ws: &crate::domain::Workspace,
    args: &GrantArgs,
    grant: &Grant,
    lang: Lang,
) -> String {
    let m = |a: Money| i18n::money(a, lang);
    let name = ws
        .structure(&args.structure)
        .map_or(args.structure.as_str(), |s| s.name.as_str());
    let what = match (grant.granted, lang) {
        (Some(g), Lang::Fr) => format!("{} accordés", m(g)),
        (Some(g), Lang::En) => format!("{} granted", m(g)),
        (None, Lang::Fr) => format!("{} demandés, en attente", m(grant.requested)),
        (None, Lang::En) => format!("{} requested, pending", m(grant.requested)),
    };
    let year = fund_year(ws, grant.year);
    let left = year.remaining().map_or(String::new(), |r| match lang {
        Lang::Fr => format!(" Reste sur l’enveloppe {}{NBSP}: {}.", grant.year, m(r)),
        Lang::En => format!(" Left in the {} envelope: {}.", grant.year, m(r)),
    });
    match lang {
        Lang::Fr => format!(
            "Fonds à impact {}{NBSP}: {name} — {what} ({}).{left}\n",
            grant.year,
            grant.purpose.label(lang)
        ),
        Lang::En => format!(
            "Impact fund {}: {name} — {what} ({}).{left}\n",
            grant.year,
            grant.purpose.label(lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_as_typed() {
        assert_eq!(parse_euros("12000"), Ok(Money::euros(12_000)));
        assert_eq!(parse_euros("12 000 €"), Ok(Money::euros(12_000)));
        assert_eq!(parse_euros("12\u{202f}000"), Ok(Money::euros(12_000)));
        assert_eq!(
            parse_euros("12 000,50"),
            Ok(Money(Decimal::from_str("12000.50").unwrap()))
        );
        assert!(parse_euros("douze mille").is_err());
    }
}
