//! `ancrage allocate`: who gets which lot, for the most points in total, with its certified
//! distance to the optimum, who is left out and why, and who may feel overlooked.
//!
//! Exit codes: 0 done; 2 refused (unknown call, a pin or forbid that is not an application);
//! 1 the workspace could not be read or written.

use crate::allocation::words::{self, lot_line, m2, points};
use crate::allocation::{Placement, Proposal, Request, allocate};
use crate::cli::count::{Noun, count};
use crate::cli::failure::{Failure, Outcome};
use crate::cli::output;
use crate::domain::{CallId, Workspace};
use crate::i18n::{self, Lang, NBSP};
use crate::review::AppKey;
use crate::session::{Access, ReviewSession, officer_name};
use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct AllocateArgs {
    /// Call identifier (its file name in calls/).
    #[arg(long)]
    pub call: CallId,
    /// Place this application whatever it costs: STRUCTURE:SITE (repeatable).
    #[arg(long, value_name = "STRUCTURE:SITE", value_parser = parse_pair)]
    pub pin: Vec<AppKey>,
    /// Never place this application: STRUCTURE:SITE (repeatable).
    #[arg(long, value_name = "STRUCTURE:SITE", value_parser = parse_pair)]
    pub forbid: Vec<AppKey>,
    /// At least N placements on sites of the North and East zones (the rebalancing policy).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_east_north: usize,
    /// Points added per placed structure, so that more structures get a place.
    #[arg(long, value_name = "POINTS", default_value_t = 0.0)]
    pub bonus: f64,
    /// Make the proposal the call's shortlist (one journaled, undoable decision).
    #[arg(long)]
    pub apply: bool,
    /// JSON output.
    #[arg(long)]
    pub json: bool,
    /// The day urgency is computed for (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
}

fn parse_pair(text: &str) -> Result<AppKey, String> {
    match text.split_once(':') {
        Some((structure, site)) if !structure.trim().is_empty() && !site.trim().is_empty() => {
            Ok(AppKey::new(structure.trim(), site.trim()))
        }
        _ => Err(format!(
            "«\u{a0}{text}\u{a0}»\u{a0}: attendu STRUCTURE:SITE (expected STRUCTURE:SITE)"
        )),
    }
}

pub fn run(dir: &Path, args: &AllocateArgs, lang: Lang) -> Outcome {
    let ws = crate::cli::workspace::load(dir, lang)?;
    let today = args.today.unwrap_or_else(crate::cli::today);
    let Some(call) = ws.call(&args.call) else {
        let near = crate::cli::suggest::closest(
            args.call.as_str(),
            ws.calls.iter().map(|c| c.id.as_str()),
            3,
        );
        let mut message = match lang {
            Lang::Fr => format!("appel inconnu «{NBSP}{}{NBSP}»", args.call),
            Lang::En => format!("unknown call `{}`", args.call),
        };
        if !near.is_empty() {
            message.push_str(&match lang {
                Lang::Fr => format!(" (vouliez-vous dire{NBSP}: {}{NBSP}?)", near.join(", ")),
                Lang::En => format!(" (did you mean: {}?)", near.join(", ")),
            });
        }
        return Err(Failure { message, code: 2 });
    };
    let access = if args.apply {
        Access::WriteWaiting(Duration::from_secs(10))
    } else {
        Access::ReadOnly
    };
    let mut session = ReviewSession::open_with(dir, &ws, &args.call, &officer_name(), access)
        .map_err(|e| Failure {
            message: e.message(lang),
            code: if e.is_rule() { 2 } else { 1 },
        })?;
    let request = Request {
        pins: args.pin.clone(),
        forbids: args.forbid.clone(),
        min_priority: args.min_east_north,
        bonus: args.bonus,
    };
    let proposal = allocate(&ws, call, session.state(), &request, today).map_err(|e| Failure {
        message: e.message(lang),
        code: 2,
    })?;
    // Applied before printing: a proposal nobody could read (a closed pipe) is still the
    // shortlist the officer asked for, and saying so is not a failure.
    let mut applied = false;
    if args.apply {
        match session.apply(proposal.shortlist_change()) {
            Ok(done) => {
                applied = true;
                output::eprintln(&match lang {
                    Lang::Fr => format!(
                        "Présélection appliquée{NBSP}: {} changement(s) de statut, annulable d'un bloc.",
                        done.decided.len()
                    ),
                    Lang::En => format!(
                        "Shortlist applied: {} status change(s), undoable as one.",
                        done.decided.len()
                    ),
                });
            }
            Err(e) if e.is_rule() => output::eprintln(&e.message(lang)),
            Err(e) => return Err(Failure::new(e.message(lang))),
        }
    }
    let text = if args.json {
        json(&proposal)
    } else {
        human(&ws, &proposal, lang)
    };
    match output::print(&text, lang) {
        Err(failure) if !applied => Err(failure),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// The JSON of the issue, field for field, then details a script may use.
#[derive(Serialize)]
struct JsonProposal<'a> {
    placements: Vec<JsonPlacement<'a>>,
    objective: f64,
    bound: f64,
    gap: f64,
    unplaced: Vec<&'a str>,
    envy: Vec<JsonEnvy<'a>>,
    millis: f64,
    exact: bool,
    bonus: f64,
    min_east_north: usize,
    east_north_placements: usize,
    unplaced_reasons: &'a [crate::allocation::Unplaced],
    sites: &'a [crate::allocation::SiteUse],
}

#[derive(Serialize)]
struct JsonPlacement<'a> {
    structure: &'a str,
    site: &'a str,
    lot: &'a str,
    m2: f64,
    score: f64,
}

#[derive(Serialize)]
struct JsonEnvy<'a> {
    structure: &'a str,
    over: &'a str,
    site: &'a str,
}

/// Scores and m² rounded as shown (0.1 point, 0.1 m²); the gap to 0.0001.
fn round(value: f64, digits: i32) -> f64 {
    let factor = 10f64.powi(digits);
    (value * factor).round() / factor
}

pub fn json(p: &Proposal) -> String {
    let doc = JsonProposal {
        placements: p
            .placements
            .iter()
            .map(|x| JsonPlacement {
                structure: x.structure.as_str(),
                site: x.site.as_str(),
                lot: x.lot.as_str(),
                m2: round(x.m2, 1),
                score: round(x.score, 1),
            })
            .collect(),
        objective: round(p.objective, 1),
        bound: round(p.bound, 1),
        gap: round(p.gap, 4),
        unplaced: p.unplaced.iter().map(|u| u.structure.as_str()).collect(),
        envy: p
            .envy
            .iter()
            .map(|e| JsonEnvy {
                structure: e.structure.as_str(),
                over: e.over.as_str(),
                site: e.site.as_str(),
            })
            .collect(),
        millis: round(p.millis, 1),
        exact: p.exact,
        bonus: p.bonus,
        min_east_north: p.min_priority,
        east_north_placements: p.priority_placements,
        unplaced_reasons: &p.unplaced,
        sites: &p.sites,
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("\"{e}\""));
    text.push('\n');
    text
}

/// The proposal in words: per site, each lot and who gets it; then who is left out and why.
pub fn human(ws: &Workspace, p: &Proposal, lang: Lang) -> String {
    let title = ws
        .call(&p.call)
        .map_or(p.call.as_str(), |c| c.title.as_str());
    let mut out = match lang {
        Lang::Fr => format!("Répartition proposée — {title}\n"),
        Lang::En => format!("Proposed allocation — {title}\n"),
    };
    let n = p.placements.len();
    let placed = match lang {
        Lang::Fr if n <= 1 => format!("{} placée", count(n, Noun::Structure, lang)),
        Lang::Fr => format!("{} placées", count(n, Noun::Structure, lang)),
        Lang::En => format!("{} placed", count(n, Noun::Structure, lang)),
    };
    out.push_str(&match lang {
        Lang::Fr => format!(
            "{placed}, {} points au total (somme des scores{}){NBSP}; borne{NBSP}: {}{NBSP}; {}.\n",
            points(p.objective, lang),
            if p.bonus > 0.0 {
                format!(", plus {} par structure placée", points(p.bonus, lang))
            } else {
                String::new()
            },
            points(p.bound, lang),
            p.gap_text(lang)
        ),
        Lang::En => format!(
            "{placed}, {} points in total (sum of scores{}); bound: {}; {}.\n",
            points(p.objective, lang),
            if p.bonus > 0.0 {
                format!(", plus {} per structure placed", points(p.bonus, lang))
            } else {
                String::new()
            },
            points(p.bound, lang),
            p.gap_text(lang)
        ),
    });
    out.push_str(&match lang {
        Lang::Fr => format!(
            "Placements dans les zones Nord et Est{NBSP}: {}{}.\n",
            p.priority_placements,
            if p.min_priority > 0 {
                format!(" (au moins {} demandés)", p.min_priority)
            } else {
                String::new()
            }
        ),
        Lang::En => format!(
            "Placements in the North and East zones: {}{}.\n",
            p.priority_placements,
            if p.min_priority > 0 {
                format!(" (at least {} asked)", p.min_priority)
            } else {
                String::new()
            }
        ),
    });
    if p.priority_placements < p.min_priority {
        out.push_str(lang.pick(
            "Attention\u{a0}: le minimum demandé dans les zones Nord et Est n'est pas atteint (les lots et les candidatures ne le permettent pas, ou pas sans écarter une décision prise).\n",
            "Warning: the minimum asked in the North and East zones is not reached (the lots and applications do not allow it, or not without overriding a decision taken).\n",
        ));
    }
    for site in &p.sites {
        out.push('\n');
        out.push_str(&match lang {
            Lang::Fr => format!(
                "{} — {} utilisés sur {}, {} libres\n",
                site.name,
                m2(site.used_m2, lang),
                m2(site.surface, lang),
                m2(site.free_m2(), lang)
            ),
            Lang::En => format!(
                "{} — {} used of {}, {} free\n",
                site.name,
                m2(site.used_m2, lang),
                m2(site.surface, lang),
                m2(site.free_m2(), lang)
            ),
        });
        for lot in &site.lots {
            let decided = |x: &Placement| {
                if x.pinned {
                    lang.pick(", décidé", ", decided")
                } else {
                    ""
                }
            };
            out.push_str(&lot_line(p, site, lot, decided, lang));
            out.push('\n');
        }
    }
    if !p.unplaced.is_empty() {
        out.push('\n');
        out.push_str(&match lang {
            Lang::Fr => format!("Sans place ({}){NBSP}:\n", p.unplaced.len()),
            Lang::En => format!("Without a place ({}):\n", p.unplaced.len()),
        });
        for u in &p.unplaced {
            out.push_str(&format!(
                "  {} — {}\n",
                u.structure_name,
                u.explain(ws, lang)
            ));
        }
    }
    if !p.envy.is_empty() {
        out.push('\n');
        out.push_str(lang.pick(
            "À expliquer (une structure mieux notée aurait tenu à la place d'une autre)\u{a0}:\n",
            "To explain (a structure scoring more would have fitted in another's place):\n",
        ));
        for e in &p.envy {
            out.push_str(&format!("  {}\n", words::envy_line(e, lang)));
        }
    }
    out.push('\n');
    out.push_str(&match lang {
        Lang::Fr => format!("Calculé en {} ms.\n", i18n::number(p.millis, 0, lang)),
        Lang::En => format!("Computed in {} ms.\n", i18n::number(p.millis, 0, lang)),
    });
    out
}
