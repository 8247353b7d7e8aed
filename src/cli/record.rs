//! Changing records from the command line (`pathway place`, `fund grant`): through the same
//! workspace session as the cockpit — journaled (fsync) before it is reported done, each record
//! saved atomically, the inverse kept so the cockpit's history can take it back.

use crate::cli::failure::{Failure, Outcome};
use crate::cli::output;
use crate::domain::Workspace;
use crate::edit::{self, Edit};
use crate::i18n::{Lang, NBSP};
use crate::session::{Access, Operation, Session, SessionError, officer_name};
use crate::store::files::WorkspaceFiles;
use crate::store::problem::Problems;
use crate::store::validate::validate;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// How long a command waits for another instance to release the workspace.
const LOCK_PATIENCE: Duration = Duration::from_secs(10);

/// What a recorded change left to tell (a recovered journal, a save to retry).
#[derive(Debug, Default)]
pub struct Recorded {
    pub warnings: Vec<String>,
}

fn session_failure(error: &SessionError, lang: Lang) -> Failure {
    Failure {
        message: error.message(lang),
        code: if error.is_rule() { 2 } else { 1 },
    }
}

/// Opens the session on `dir`, brings `workspace` up to date with what the journal holds beyond
/// the files, builds the edit on it with `build`, refuses it if the workspace it leads to would
/// not load, and applies it. Returns what `build` returned besides the edit.
pub fn record<T>(
    dir: &Path,
    mut workspace: Workspace,
    lang: Lang,
    build: impl FnOnce(&Workspace) -> Result<(Edit, T), Failure>,
) -> Result<(T, Recorded), Failure> {
    let mut session = Session::open(
        dir,
        &workspace,
        None,
        &officer_name(),
        Access::WriteWaiting(LOCK_PATIENCE),
    )
    .map_err(|e| session_failure(&e, lang))?;
    let mut recorded = Recorded::default();
    if let Some(torn) = session.torn_line() {
        recorded.warnings.push(torn.message(lang));
    }
    for pending in session.take_pending() {
        edit::apply_unchecked(&mut workspace, &pending);
    }
    let (change, value) = build(&workspace)?;
    let mut after = workspace.clone();
    edit::apply(&mut after, &change).map_err(|e| Failure {
        message: e.message(lang),
        code: 2,
    })?;
    let problems = validate(&after, &WorkspaceFiles::named_after_ids(&after));
    if !problems.is_empty() {
        let lead = lang.pick(
            "refusé\u{a0}: l’espace de travail ne se chargerait plus\u{a0}:",
            "refused: the workspace would no longer load:",
        );
        return Err(Failure {
            message: format!("{lead}\n{}", Problems(problems).render(lang)),
            code: 2,
        });
    }
    session
        .apply(&workspace, Operation::edit(change))
        .map_err(|e| session_failure(&e, lang))?;
    if let Some(problem) = session.save_problem() {
        recorded.warnings.push(match lang {
            Lang::Fr => format!(
                "modification enregistrée dans le journal, mais un fichier n’a pas pu être écrit ({problem}){NBSP}; il le sera à la prochaine ouverture"
            ),
            Lang::En => format!(
                "change recorded in the journal, but a file could not be written ({problem}); it will be on the next opening"
            ),
        });
    }
    Ok((value, recorded))
}

/// Prints what a recorded change did, then its warnings on stderr. The change is journaled and
/// saved: a confirmation nobody could read (closed pipe, full device) does not make it a
/// failure — a script would record it twice.
pub fn confirm(message: &str, recorded: &Recorded, lang: Lang) -> Outcome {
    let printed = output::print(message, lang);
    let prefix = lang.pick("attention\u{a0}: ", "warning: ");
    for warning in &recorded.warnings {
        output::eprintln(&format!("{prefix}{warning}"));
    }
    if let Err(failure) = printed
        && !failure.message.is_empty()
    {
        output::eprintln(&failure.message);
    }
    Ok(ExitCode::SUCCESS)
}
