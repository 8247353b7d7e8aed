//! `ancrage review list|set`: the review of a call for scripts and checks, through the same
//! `ReviewSession` (same rules, same journal) as the interface.
//!
//! Exit codes: 0 done; 2 refused (review rules, unknown call / structure / site, bad value);
//! 1 the workspace could not be read or written (files, journal, lock held too long).

use crate::allocation::free_lot::{LotProblem, best_free_lot, named_lot};
use crate::cli::failure::{Failure, Outcome};
use crate::cli::output;
use crate::cli::suggest::closest;
use crate::cli::table::{Align, render};
use crate::domain::{Call, CallId, Holding, LotId, SiteId, StructureId, Workspace};
use crate::i18n::{self, Lang};
use crate::review::holdings::{Held, effective_holdings};
use crate::review::{AppKey, ApplicationReview, Change, ReviewState, Status, Warning};
use crate::session::{Access, ReviewSession, SessionError, officer_name};
use clap::{Args, Subcommand};
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// How long `review set` waits for another instance to release the workspace (scripts that
/// run one after another may overlap for an instant).
const LOCK_PATIENCE: Duration = Duration::from_secs(10);

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub command: ReviewCommand,
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// List the applications of a call: status, last decision, motivation.
    List(ListArgs),
    /// Decide on one application, under the same rules as the interface.
    Set(SetArgs),
    /// Order structures tied on a site, and say why (written in the jury files).
    TieBreak(crate::cli::tie_break::TieBreakArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Call identifier (its file name in calls/).
    #[arg(long)]
    pub call: CallId,
    /// Only applications with this status (en_instruction, preselectionne, accepte, refuse…).
    #[arg(long)]
    pub status: Option<Status>,
    /// Machine-readable output: a JSON list of applications.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    #[arg(long)]
    pub call: CallId,
    #[arg(long)]
    pub structure: StructureId,
    #[arg(long)]
    pub site: SiteId,
    /// New status: en_construction, en_instruction, preselectionne, accepte, refuse,
    /// classe_sans_suite (French labels and English words accepted).
    #[arg(long)]
    pub status: Status,
    /// Why: mandatory to refuse or to close without follow-up.
    #[arg(long)]
    pub motivation: Option<String>,
    /// The lot the application holds once shortlisted or accepted (default: the matching
    /// engine's best free lot).
    #[arg(long)]
    pub lot: Option<LotId>,
    /// The m² it takes on a pooled (divisible) lot (default: what the engine retains there).
    #[arg(long)]
    pub m2: Option<f64>,
    /// The day urgency is computed for, to choose the default lot (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<chrono::NaiveDate>,
}

/// A command that could not do its job: the message for stderr and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub code: u8,
}

impl Refusal {
    fn from_session(error: &SessionError, lang: Lang) -> Self {
        Refusal {
            message: error.message(lang),
            code: if error.is_rule() { 2 } else { 1 },
        }
    }

    fn invalid(message: String) -> Self {
        Refusal { message, code: 2 }
    }
}

/// What a successful command prints.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub stdout: String,
    /// Non-blocking warnings (live checks, recovered journal), one a line on stderr.
    pub warnings: Vec<String>,
}

/// Runs a review subcommand on a loaded workspace.
pub fn execute(
    command: &ReviewCommand,
    dir: &Path,
    workspace: &Workspace,
    lang: Lang,
) -> Result<Report, Refusal> {
    match command {
        ReviewCommand::List(args) => list(args, dir, workspace, lang),
        ReviewCommand::Set(args) => set(args, dir, workspace, lang),
        ReviewCommand::TieBreak(args) => {
            find_call(workspace, &args.call, lang)?;
            crate::cli::tie_break::tie_break(args, dir, workspace, lang)
        }
    }
}

fn list(args: &ListArgs, dir: &Path, ws: &Workspace, lang: Lang) -> Result<Report, Refusal> {
    let call = find_call(ws, &args.call, lang)?;
    let session = ReviewSession::open_with(dir, ws, &args.call, &officer_name(), Access::ReadOnly)
        .map_err(|e| Refusal::from_session(&e, lang))?;
    let state = session.state();
    let rows: Vec<(&AppKey, &ApplicationReview)> = state
        .applications
        .iter()
        .filter(|(_, app)| args.status.is_none_or(|s| app.status == s))
        .collect();
    let checks = session.checks(ws);
    let held = effective_holdings(ws, state);
    let withdrawn: Vec<&AppKey> = state.withdrawn(call);
    let marks: Vec<RowMarks> = rows
        .iter()
        .map(|(key, _)| {
            let mut mark = RowMarks::new(ws, key, &held, &checks, lang);
            mark.withdrawn = withdrawn.contains(key);
            mark
        })
        .collect();
    let stdout = if args.json {
        json_list(state, &rows, &marks)?
    } else {
        table(&rows, &marks, lang)
    };
    let mut warnings = session_notices(&session, lang);
    warnings.extend(
        withdrawn
            .iter()
            .map(|key| withdrawn_notice(key, &args.call, lang)),
    );
    warnings.extend(checks.iter().map(|w| w.message(lang)));
    Ok(Report { stdout, warnings })
}

/// An application the call file no longer lists, whose decisions stay on record.
fn withdrawn_notice(key: &AppKey, call: &CallId, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "{key}\u{a0}: candidature retirée de l'appel (absente de calls/{call}.json)\u{a0}; ses décisions restent enregistrées"
        ),
        Lang::En => format!(
            "{key}: application withdrawn from the call (not in calls/{call}.json); its decisions stay on record"
        ),
    }
}

/// The lot an application holds and the warnings about it, for its row.
struct RowMarks {
    lot: Option<LotId>,
    lot_text: String,
    m2: Option<f64>,
    /// The officer named the lot (else the engine's retained lot stands for it).
    lot_named: bool,
    warnings: Vec<String>,
    /// No longer listed by the call file (its decisions stay on record).
    withdrawn: bool,
}

impl RowMarks {
    fn new(ws: &Workspace, key: &AppKey, held: &[Held], checks: &[Warning], lang: Lang) -> Self {
        let mine = held.iter().find(|h| &h.key == key);
        let (lot, lot_text, m2) = match mine {
            Some(h) => {
                let lot = &ws.sites[h.site].lots[h.lot];
                let text = if lot.is_pooled() {
                    format!(
                        "{} ({})",
                        lot.label,
                        i18n::surface(crate::domain::Surface::m2(h.m2), lang)
                    )
                } else {
                    lot.label.clone()
                };
                (Some(lot.id.clone()), text, Some(h.m2))
            }
            None => (None, String::new(), None),
        };
        RowMarks {
            lot,
            lot_text,
            m2,
            lot_named: mine.is_some_and(|h| h.named),
            warnings: checks
                .iter()
                .filter(|w| w.concerns(key))
                .map(|w| w.message(lang))
                .collect(),
            withdrawn: false,
        }
    }
}

/// One application as `review list --json` prints it.
#[derive(Serialize)]
struct ListedApplication<'a> {
    structure: &'a StructureId,
    site: &'a SiteId,
    status: Status,
    /// No longer listed by the call file (its decisions stay on record).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    withdrawn: bool,
    motivation: Option<&'a str>,
    history: &'a [crate::review::Decision],
    annotation: &'a str,
    labels: &'a std::collections::BTreeSet<String>,
    grid_total: Option<f64>,
    opinions: &'a [crate::review::Opinion],
    /// The lot held while shortlisted or accepted, and its m².
    lot: Option<&'a LotId>,
    m2: Option<f64>,
    lot_named: bool,
    warnings: &'a [String],
}

fn json_list(
    state: &ReviewState,
    rows: &[(&AppKey, &ApplicationReview)],
    marks: &[RowMarks],
) -> Result<String, Refusal> {
    let listed: Vec<ListedApplication> = rows
        .iter()
        .zip(marks)
        .map(|((key, app), mark)| ListedApplication {
            structure: &key.structure,
            site: &key.site,
            status: app.status,
            withdrawn: mark.withdrawn,
            motivation: app.current_motivation(),
            history: &app.history,
            annotation: &app.annotation,
            labels: &app.labels,
            grid_total: state.grid.evaluate(&app.grades).total,
            opinions: &app.opinions,
            lot: mark.lot.as_ref(),
            m2: mark.m2,
            lot_named: mark.lot_named,
            warnings: &mark.warnings,
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&listed).map_err(|e| Refusal {
        message: e.to_string(),
        code: 1,
    })?;
    text.push('\n');
    Ok(text)
}

fn table(rows: &[(&AppKey, &ApplicationReview)], marks: &[RowMarks], lang: Lang) -> String {
    let header = match lang {
        Lang::Fr => [
            "Structure",
            "Site",
            "Statut",
            "Lot",
            "Dernière décision",
            "Motivation",
        ],
        Lang::En => [
            "Structure",
            "Site",
            "Status",
            "Lot",
            "Last decision",
            "Motivation",
        ],
    };
    // The motivation is last and shown whole: the officer reads it, nothing is aligned after it.
    let widths = [40, 45, 22, 46, 18, usize::MAX];
    let columns: Vec<(&str, Align, usize)> = header
        .iter()
        .zip(widths)
        .map(|(title, width)| (*title, Align::Left, width))
        .collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .zip(marks)
        .map(|((key, app), mark)| {
            let last = app
                .last_decision()
                .map(|d| i18n::date(d.at.date_naive(), lang))
                .unwrap_or_else(|| "—".to_owned());
            // Multi-line motivations on one line, so each application stays one row.
            let motivation = app
                .current_motivation()
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            // A row some check warns about is marked, the warning itself printed after.
            let mut status = if mark.warnings.is_empty() {
                app.status.label(lang).to_owned()
            } else {
                format!("⚠ {}", app.status.label(lang))
            };
            if mark.withdrawn {
                status.push_str(lang.pick(" (retirée)", " (withdrawn)"));
            }
            vec![
                key.structure.to_string(),
                key.site.to_string(),
                status,
                mark.lot_text.clone(),
                last,
                motivation,
            ]
        })
        .collect();
    let mut out = render(&columns, &cells);
    if rows.is_empty() {
        out.push_str(lang.pick("(aucune candidature)\n", "(no application)\n"));
    }
    out
}

/// « (vouliez-vous dire : a, b ?) », or nothing when no id is close.
fn did_you_mean(near: &[&str], lang: Lang) -> String {
    if near.is_empty() {
        return String::new();
    }
    let list = near.join(", ");
    match lang {
        Lang::Fr => format!(" (vouliez-vous dire\u{a0}: {list}\u{a0}?)"),
        Lang::En => format!(" (did you mean: {list}?)"),
    }
}

fn find_call<'a>(ws: &'a Workspace, id: &CallId, lang: Lang) -> Result<&'a Call, Refusal> {
    ws.call(id).ok_or_else(|| {
        let near = closest(id.as_str(), ws.calls.iter().map(|c| c.id.as_str()), 3);
        let hint = did_you_mean(&near, lang);
        Refusal::invalid(match lang {
            Lang::Fr => format!("appel inconnu «\u{a0}{id}\u{a0}»{hint}"),
            Lang::En => format!("unknown call `{id}`{hint}"),
        })
    })
}

/// The application `structure × site` of the call, or a refusal naming the closest ones.
fn application_key(call: &Call, args: &SetArgs, lang: Lang) -> Result<AppKey, Refusal> {
    let wished: Vec<&str> = call
        .application_pairs()
        .filter(|(s, _)| **s == args.structure)
        .map(|(_, site)| site.as_str())
        .collect();
    if wished.is_empty() {
        let applicants = call.applications.iter().map(|a| a.structure.as_str());
        let hint = did_you_mean(&closest(args.structure.as_str(), applicants, 3), lang);
        return Err(Refusal::invalid(match lang {
            Lang::Fr => format!(
                "la structure «\u{a0}{}\u{a0}» n'a pas candidaté à l'appel «\u{a0}{}\u{a0}»{hint}",
                args.structure, args.call
            ),
            Lang::En => format!(
                "structure `{}` did not apply to call `{}`{hint}",
                args.structure, args.call
            ),
        }));
    }
    if !wished.contains(&args.site.as_str()) {
        let list = wished.join(", ");
        return Err(Refusal::invalid(match lang {
            Lang::Fr => format!(
                "«\u{a0}{}\u{a0}» n'a pas candidaté sur le site «\u{a0}{}\u{a0}» dans cet appel\u{a0}; ses sites\u{a0}: {list}",
                args.structure, args.site
            ),
            Lang::En => format!(
                "`{}` did not apply for site `{}` in this call; its sites: {list}",
                args.structure, args.site
            ),
        }));
    }
    Ok(AppKey::new(args.structure.clone(), args.site.clone()))
}

fn set(args: &SetArgs, dir: &Path, ws: &Workspace, lang: Lang) -> Result<Report, Refusal> {
    let call = find_call(ws, &args.call, lang)?;
    let key = application_key(call, args, lang)?;
    let mut session = ReviewSession::open_with(
        dir,
        ws,
        &args.call,
        &officer_name(),
        Access::WriteWaiting(LOCK_PATIENCE),
    )
    .map_err(|e| Refusal::from_session(&e, lang))?;
    let mut warnings = session_notices(&session, lang);
    let holding = decided_lot(args, ws, call, session.state(), &key, lang)?;
    let change = match &holding {
        Some(holding) => Change::SetStatusWithLot {
            key: key.clone(),
            status: args.status,
            motivation: args.motivation.clone(),
            holding: holding.clone(),
        },
        None => Change::SetStatus {
            key: key.clone(),
            status: args.status,
            motivation: args.motivation.clone(),
        },
    };
    session
        .apply(change)
        .map_err(|e| Refusal::from_session(&e, lang))?;
    if let Some(problem) = session.save_problem() {
        warnings.push(match lang {
            Lang::Fr => format!(
                "décision enregistrée dans le journal, mais l'état n'a pas pu être sauvegardé ({problem})\u{a0}; il sera reconstruit à la prochaine ouverture"
            ),
            Lang::En => format!(
                "decision recorded in the journal, but the state could not be saved ({problem}); it will be rebuilt on next opening"
            ),
        });
    }
    warnings.extend(
        session
            .checks(ws)
            .iter()
            .filter(|w| w.concerns(&key))
            .map(|w| w.message(lang)),
    );
    let held = session
        .state()
        .get(&key)
        .and_then(|a| a.holding.as_ref())
        .map(|h| held_text(ws, &key.site, h, lang))
        .unwrap_or_default();
    let stdout = format!(
        "{}{} {key} → {}{held}\n",
        args.call,
        lang.pick("\u{a0}:", ":"),
        args.status.label(lang)
    );
    Ok(Report { stdout, warnings })
}

/// ` — lot « Halle A » (120 m²)`, as the decision line ends.
fn held_text(ws: &Workspace, site: &SiteId, holding: &Holding, lang: Lang) -> String {
    let label = ws
        .site(site)
        .and_then(|s| s.lot(&holding.lot))
        .map_or_else(|| holding.lot.to_string(), |l| l.label.clone());
    let m2 = holding
        .m2
        .map(|m| format!(" ({})", i18n::surface(m, lang)))
        .unwrap_or_default();
    match lang {
        Lang::Fr => format!(" — lot «\u{a0}{label}\u{a0}»{m2}"),
        Lang::En => format!(" — lot “{label}”{m2}"),
    }
}

/// The lot the decision names: the one asked for, else (shortlisting or accepting an
/// application that holds none yet) the engine's best free lot.
fn decided_lot(
    args: &SetArgs,
    ws: &Workspace,
    call: &Call,
    state: &ReviewState,
    key: &AppKey,
    lang: Lang,
) -> Result<Option<Holding>, Refusal> {
    let today = args.today.unwrap_or_else(crate::cli::today);
    if !args.status.holds_place() {
        if args.lot.is_some() || args.m2.is_some() {
            return Err(Refusal::invalid(
                lang.pick(
                    "--lot et --m2 ne s'appliquent qu'à une présélection ou une acceptation",
                    "--lot and --m2 only apply when shortlisting or accepting",
                )
                .to_owned(),
            ));
        }
        return Ok(None);
    }
    if let Some(lot) = &args.lot {
        return named_lot(ws, call, key, lot, args.m2, today)
            .map(Some)
            .map_err(|problem| Refusal::invalid(lot_problem(&problem, &key.site, lang)));
    }
    let already = state.get(key).and_then(|a| a.holding.clone());
    if already.is_some() && args.m2.is_none() {
        return Ok(None);
    }
    Ok(best_free_lot(ws, call, state, key, args.m2, today))
}

fn lot_problem(problem: &LotProblem, site: &SiteId, lang: Lang) -> String {
    match (problem, lang) {
        (LotProblem::Unknown { lot, known }, Lang::Fr) => format!(
            "lot inconnu «\u{a0}{lot}\u{a0}» sur le site «\u{a0}{site}\u{a0}»\u{a0}; ses lots\u{a0}: {}",
            join_ids(known)
        ),
        (LotProblem::Unknown { lot, known }, Lang::En) => format!(
            "unknown lot `{lot}` on site `{site}`; its lots: {}",
            join_ids(known)
        ),
        (LotProblem::NotPooled { lot }, Lang::Fr) => format!(
            "le lot «\u{a0}{lot}\u{a0}» est indivisible\u{a0}: il se donne entier, sans --m2"
        ),
        (LotProblem::NotPooled { lot }, Lang::En) => {
            format!("lot `{lot}` is indivisible: it is given whole, without --m2")
        }
        (LotProblem::BadM2 { lot, m2, surface }, Lang::Fr) => format!(
            "--m2 {} sur le lot «\u{a0}{lot}\u{a0}»\u{a0}: attendu plus de 0 et au plus {}",
            i18n::number(*m2, 1, lang),
            i18n::surface(crate::domain::Surface::m2(*surface), lang)
        ),
        (LotProblem::BadM2 { lot, m2, surface }, Lang::En) => format!(
            "--m2 {} on lot `{lot}`: expected more than 0 and at most {}",
            i18n::number(*m2, 1, lang),
            i18n::surface(crate::domain::Surface::m2(*surface), lang)
        ),
    }
}

fn join_ids(ids: &[LotId]) -> String {
    ids.iter().map(LotId::as_str).collect::<Vec<_>>().join(", ")
}

/// What opening the session recovered, worth telling once.
fn session_notices(session: &ReviewSession, lang: Lang) -> Vec<String> {
    let mut notices: Vec<String> = session
        .torn_line()
        .map(|torn| torn.message(lang))
        .into_iter()
        .collect();
    let replayed = session.replayed();
    if replayed > 0 {
        notices.push(match lang {
            Lang::Fr => format!(
                "{replayed} modification(s) rejouée(s) depuis le journal\u{a0}: l'état enregistré n'était pas à jour (arrêt brutal\u{a0}?)"
            ),
            Lang::En => format!(
                "{replayed} change(s) replayed from the journal: the saved state was behind (abrupt stop?)"
            ),
        });
    }
    notices
}

/// The decision is on record but its confirmation could not be printed.
fn confirmation_unprinted(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("décision enregistrée (journal et état)\u{a0}; {why}"),
        Lang::En => format!("decision recorded (journal and state); {why}"),
    }
}

/// `ancrage review …`: loads the workspace at `dir`, runs the subcommand, prints its report
/// (warnings on stderr); a refusal goes back to `cli::run`, which prints it once.
pub fn run(dir: &Path, args: &ReviewArgs, lang: Lang) -> Outcome {
    let workspace = super::workspace::load(dir, lang)?;
    match execute(&args.command, dir, &workspace, lang) {
        Ok(report) => {
            let printed = output::print(&report.stdout, lang);
            let prefix = lang.pick("attention\u{a0}: ", "warning: ");
            for warning in &report.warnings {
                output::eprintln(&format!("{prefix}{warning}"));
            }
            match (printed, &args.command) {
                (Ok(()), _) => Ok(ExitCode::SUCCESS),
                // The decision is journaled and saved: a confirmation nobody could read does
                // not make it a failure (a script would retry a decision already taken).
                (Err(failure), ReviewCommand::Set(_) | ReviewCommand::TieBreak(_)) => {
                    if !failure.message.is_empty() {
                        output::eprintln(&confirmation_unprinted(&failure.message, lang));
                    }
                    Ok(ExitCode::SUCCESS)
                }
                (Err(failure), ReviewCommand::List(_)) => Err(failure),
            }
        }
        Err(refusal) => Err(Failure {
            message: refusal.message,
            code: refusal.code,
        }),
    }
}
