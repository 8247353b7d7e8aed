//! `ancrage call create`: a call for applications to land in, through the workspace session
//! (journaled, saved atomically, undoable in the cockpit).

use crate::cli::failure::{Failure, Outcome};
use crate::cli::output;
use crate::cli::suggest::closest;
use crate::domain::ids::is_slug;
use crate::domain::{Call, CallId, Programme, SiteId, Weights, Workspace};
use crate::edit::{Edit, EditKind, Record};
use crate::i18n::{self, Lang, NBSP};
use crate::import::values::taxonomy;
use crate::session::{Access, Operation, Session, officer_name};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

const LOCK_PATIENCE: Duration = Duration::from_secs(10);

#[derive(Debug, Args)]
pub struct CallArgs {
    #[command(subcommand)]
    pub command: CallCommand,
}

#[derive(Debug, Subcommand)]
pub enum CallCommand {
    /// Create a call (AMI) offering sites, so applications can be imported into it.
    Create(CreateArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Id of the call: lowercase letters, digits and dashes (its file name in calls/).
    pub id: String,
    /// Title, as the officer and the jury read it.
    #[arg(long)]
    pub title: String,
    /// A site the call offers (repeat for several).
    #[arg(long = "site", required = true)]
    pub sites: Vec<SiteId>,
    /// Deadline for applications, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub deadline: Option<NaiveDate>,
    /// Programme: tempo, usine_des_transitions, incubator, business_hotel, zac_lot,
    /// circular_economy_pole, other, or its French name (default: the sites' own when they
    /// share one, else other).
    #[arg(long)]
    pub programme: Option<String>,
}

pub fn run(dir: &Path, args: &CallArgs, lang: Lang, today: NaiveDate) -> Outcome {
    match &args.command {
        CallCommand::Create(args) => create(dir, args, lang, today),
    }
}

fn create(dir: &Path, args: &CreateArgs, lang: Lang, today: NaiveDate) -> Outcome {
    let workspace = super::workspace::load(dir, lang)?;
    let call = new_call(&workspace, args, today).map_err(|m| Failure {
        message: m.text(lang),
        code: 2,
    })?;
    let mut session = Session::open(
        dir,
        &workspace,
        None,
        &officer_name(),
        Access::WriteWaiting(LOCK_PATIENCE),
    )
    .map_err(|e| Failure::new(e.message(lang)))?;
    let summary = summary(&call, &workspace, lang);
    session
        .apply(
            &workspace,
            Operation::edit(Edit::put(EditKind::Input, Record::Call(Box::new(call)))),
        )
        .map_err(|e| Failure::new(e.message(lang)))?;
    output::println(&summary, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// Why a call cannot be created as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    NotASlug(String),
    Exists(String),
    EmptyTitle,
    UnknownSite(String, Vec<String>),
    UnknownProgramme(String),
}

impl Refused {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Refused::NotASlug(id), Lang::Fr) => format!(
                "«{NBSP}{id}{NBSP}» ne peut pas servir d’identifiant (minuscules, chiffres, tirets)"
            ),
            (Refused::NotASlug(id), Lang::En) => {
                format!("`{id}` cannot be an id (lowercase letters, digits, dashes)")
            }
            (Refused::Exists(title), Lang::Fr) => {
                format!("cet identifiant est déjà celui de l’appel «{NBSP}{title}{NBSP}»")
            }
            (Refused::Exists(title), Lang::En) => {
                format!("this id is already the call “{title}”'s")
            }
            (Refused::EmptyTitle, Lang::Fr) => "le titre est vide".to_owned(),
            (Refused::EmptyTitle, Lang::En) => "the title is empty".to_owned(),
            (Refused::UnknownSite(id, near), Lang::Fr) => {
                let hint = if near.is_empty() {
                    String::new()
                } else {
                    format!(" (vouliez-vous dire{NBSP}: {}{NBSP}?)", near.join(", "))
                };
                format!("lieu inconnu «{NBSP}{id}{NBSP}»{hint}")
            }
            (Refused::UnknownSite(id, near), Lang::En) => {
                let hint = if near.is_empty() {
                    String::new()
                } else {
                    format!(" (did you mean: {}?)", near.join(", "))
                };
                format!("unknown site `{id}`{hint}")
            }
            (Refused::UnknownProgramme(p), Lang::Fr) => format!(
                "programme inconnu «{NBSP}{p}{NBSP}»{NBSP}: tempo, usine_des_transitions, incubator, business_hotel, zac_lot, circular_economy_pole ou other"
            ),
            (Refused::UnknownProgramme(p), Lang::En) => format!(
                "unknown programme `{p}`: tempo, usine_des_transitions, incubator, business_hotel, zac_lot, circular_economy_pole or other"
            ),
        }
    }
}

/// The call `args` describe, checked against the workspace.
pub fn new_call(ws: &Workspace, args: &CreateArgs, today: NaiveDate) -> Result<Call, Refused> {
    if !is_slug(&args.id) {
        return Err(Refused::NotASlug(args.id.clone()));
    }
    let id = CallId::new(args.id.as_str());
    if let Some(existing) = ws.call(&id) {
        return Err(Refused::Exists(existing.title.clone()));
    }
    let title = args.title.trim();
    if title.is_empty() {
        return Err(Refused::EmptyTitle);
    }
    let mut sites: Vec<SiteId> = Vec::new();
    for site in &args.sites {
        if ws.site(site).is_none() {
            let near = closest(site.as_str(), ws.sites.iter().map(|s| s.id.as_str()), 3)
                .into_iter()
                .map(str::to_owned)
                .collect();
            return Err(Refused::UnknownSite(site.to_string(), near));
        }
        if !sites.contains(site) {
            sites.push(site.clone());
        }
    }
    let programme = match &args.programme {
        Some(text) => programme(text).ok_or_else(|| Refused::UnknownProgramme(text.clone()))?,
        None => {
            let of_sites: Vec<Programme> = sites
                .iter()
                .filter_map(|s| ws.site(s).map(|s| s.programme))
                .collect();
            match of_sites.split_first() {
                Some((first, rest)) if rest.iter().all(|p| p == first) => *first,
                _ => Programme::Other,
            }
        }
    };
    Ok(Call {
        id,
        title: title.to_owned(),
        programme,
        sites,
        deadline: args.deadline.unwrap_or(today),
        weights: Weights::default(),
        tolerances: Default::default(),
        applications: Vec::new(),
    })
}

/// A programme by its code (`usine_des_transitions`) or its name (« Usine des transitions »).
fn programme(text: &str) -> Option<Programme> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned()))
        .ok()
        .or_else(|| taxonomy::programme(text).ok())
}

fn summary(call: &Call, ws: &Workspace, lang: Lang) -> String {
    let names: Vec<String> = call
        .sites
        .iter()
        .map(|s| ws.site(s).map_or(s.to_string(), |s| s.name.clone()))
        .collect();
    let deadline = i18n::date(call.deadline, lang);
    match lang {
        Lang::Fr => format!(
            "Appel «{NBSP}{}{NBSP}» créé ({}){NBSP}: {} lieu(x) — {}{NBSP}; date limite {deadline}.\nImporter les candidatures{NBSP}: ancrage import applications FICHIER --call {}",
            call.title,
            call.id,
            names.len(),
            names.join(", "),
            call.id
        ),
        Lang::En => format!(
            "Call “{}” created ({}): {} site(s) — {}; deadline {deadline}.\nImport the applications: ancrage import applications FILE --call {}",
            call.title,
            call.id,
            names.len(),
            names.join(", "),
            call.id
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture;

    fn args(id: &str, sites: &[&str]) -> CreateArgs {
        CreateArgs {
            id: id.to_owned(),
            title: "AMI 2027".to_owned(),
            sites: sites.iter().map(|&s| SiteId::new(s)).collect(),
            deadline: None,
            programme: None,
        }
    }

    #[test]
    fn checked_against_the_workspace() {
        let ws = fixture::workspace();
        let today = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let call = new_call(&ws, &args("ami-2027", &["friche-des-rives"]), today).unwrap();
        assert_eq!(call.deadline, today);
        assert!(call.applications.is_empty());
        assert!(matches!(
            new_call(&ws, &args("tempo-2026", &["friche-des-rives"]), today),
            Err(Refused::Exists(_))
        ));
        assert!(matches!(
            new_call(&ws, &args("AMI 2027", &["friche-des-rives"]), today),
            Err(Refused::NotASlug(_))
        ));
        let Err(Refused::UnknownSite(_, near)) =
            new_call(&ws, &args("ami-2027", &["friche-des-rive"]), today)
        else {
            panic!("unknown site expected");
        };
        assert_eq!(near, ["friche-des-rives"]);
        assert_eq!(
            programme("usine_des_transitions"),
            Some(Programme::UsineDesTransitions)
        );
        assert_eq!(programme("AMI Temp'O"), Some(Programme::Tempo));
    }
}
