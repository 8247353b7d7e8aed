//! `ancrage review tie-break`: the officer's explicit order for structures tied on a site, with
//! why — journaled and undoable like any decision, and written in the jury files.

use crate::cli::review::{Refusal, Report};
use crate::domain::{CallId, SiteId, StructureId, Workspace};
use crate::i18n::Lang;
use crate::review::{Change, TieBreak};
use crate::session::{Access, ReviewSession, officer_name};
use clap::Args;
use std::path::Path;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct TieBreakArgs {
    #[arg(long)]
    pub call: CallId,
    #[arg(long)]
    pub site: SiteId,
    /// The tied structures, best first, comma-separated (at least two).
    #[arg(long, value_delimiter = ',', required_unless_present = "clear")]
    pub order: Vec<StructureId>,
    /// Why this order: written in the jury files.
    #[arg(long, required_unless_present = "clear")]
    pub motivation: Option<String>,
    /// Forget the site's tie-break: the tie stands again.
    #[arg(long, conflicts_with_all = ["order", "motivation"])]
    pub clear: bool,
}

pub fn tie_break(
    args: &TieBreakArgs,
    dir: &Path,
    ws: &Workspace,
    lang: Lang,
) -> Result<Report, Refusal> {
    let mut session = ReviewSession::open_with(
        dir,
        ws,
        &args.call,
        &officer_name(),
        Access::WriteWaiting(Duration::from_secs(10)),
    )
    .map_err(|e| Refusal {
        message: e.message(lang),
        code: if e.is_rule() { 2 } else { 1 },
    })?;
    let tie_break = (!args.clear).then(|| TieBreak {
        order: args.order.clone(),
        motivation: args
            .motivation
            .clone()
            .unwrap_or_default()
            .trim()
            .to_owned(),
    });
    session
        .apply(Change::SetTieBreak {
            site: args.site.clone(),
            tie_break,
        })
        .map_err(|e| Refusal {
            message: e.message(lang),
            code: if e.is_rule() { 2 } else { 1 },
        })?;
    let names: Vec<&str> = args
        .order
        .iter()
        .map(|id| ws.structure(id).map_or(id.as_str(), |s| s.name.as_str()))
        .collect();
    let site = ws
        .site(&args.site)
        .map_or(args.site.as_str(), |s| s.name.as_str());
    let stdout = match (args.clear, lang) {
        (true, Lang::Fr) => {
            format!("{site}\u{a0}: départage retiré, les ex æquo le redeviennent\n")
        }
        (true, Lang::En) => format!("{site}: tie-break removed, ties stand again\n"),
        (false, Lang::Fr) => format!("{site}\u{a0}: départage {}\n", names.join(" > ")),
        (false, Lang::En) => format!("{site}: tie-break {}\n", names.join(" > ")),
    };
    Ok(Report {
        stdout,
        warnings: Vec::new(),
    })
}
