//! `ancrage pathway place --structure ID --site ID [--lot ID] --from DATE --to DATE
//! [--agreement KIND]`: records a planned stay through the workspace session (journaled, saved,
//! undoable); the alert it answers goes.

use super::text;
use crate::cli::failure::{Failure, Outcome};
use crate::cli::record::{confirm, record};
use crate::cli::unknown;
use crate::cli::workspace;
use crate::domain::{
    AgreementKind, ApplicationRef, CallId, LotId, SiteId, Structure, StructureId, Surface,
    Workspace,
};
use crate::i18n::{self, Label, Lang, NBSP};
use crate::pathway::{AlertKind, Placement, PlacementOutcome, Within, alerts_for, place};
use chrono::NaiveDate;
use clap::Args;
use std::path::Path;

#[derive(Debug, Args)]
pub struct PlaceArgs {
    #[arg(long)]
    pub structure: StructureId,
    #[arg(long)]
    pub site: SiteId,
    /// A lot of the site.
    #[arg(long)]
    pub lot: Option<LotId>,
    /// First day of the stay.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: NaiveDate,
    /// Last day of the stay (omit for open-ended permanent premises).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<NaiveDate>,
    /// convention_occupation_precaire (cop), convention_occupation_temporaire (cot),
    /// bail_derogatoire, bail_commercial, bail_emphyteotique, other (default: the usual one
    /// for the site's kind).
    #[arg(long)]
    pub agreement: Option<AgreementKind>,
    /// The call whose application the placement answers (the structure applied for the site).
    #[arg(long)]
    pub call: Option<CallId>,
    /// Surface taken, when only part of a divisible lot, in m².
    #[arg(long)]
    pub surface: Option<f64>,
    /// The day the alerts are read on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
}

pub fn run(dir: &Path, args: &PlaceArgs, lang: Lang) -> Outcome {
    let ws = workspace::load(dir, lang)?;
    check_ids(&ws, args, lang)?;
    let today = args.today.unwrap_or_else(crate::cli::today);
    let placement = Placement {
        structure: args.structure.clone(),
        site: args.site.clone(),
        lot: args.lot.clone(),
        from: args.from,
        to: args.to,
        agreement: args.agreement,
        application: args.call.clone().map(|call| ApplicationRef {
            call,
            site: args.site.clone(),
        }),
        surface: args.surface.map(Surface::m2),
    };
    let (message, recorded) = record(dir, ws, lang, |ws| {
        let structure = ws.structure(&placement.structure).ok_or_else(|| {
            check_ids(ws, args, lang)
                .err()
                .unwrap_or_else(|| Failure::new(""))
        })?;
        let settings = &ws.territory.pathway;
        let before = alerts_for(structure, today, Within::Months12, settings);
        let outcome = place(ws, &placement).map_err(|e| Failure {
            message: e.message(lang),
            code: 2,
        })?;
        let now = alerts_for(
            outcome.structure().unwrap_or(structure),
            today,
            Within::Months12,
            settings,
        );
        let answered: Vec<AlertKind> = before
            .iter()
            .map(|a| a.kind)
            .filter(|k| k.answered_by_placement() && !now.iter().any(|a| a.kind == *k))
            .collect();
        let message = confirmation(ws, structure, &outcome, &answered, lang);
        Ok((outcome.edit, message))
    })?;
    confirm(&message, &recorded, lang)
}

fn confirmation(
    ws: &Workspace,
    structure: &Structure,
    outcome: &PlacementOutcome,
    answered: &[AlertKind],
    lang: Lang,
) -> String {
    let e = &outcome.episode;
    let name = &structure.name;
    let agreement = e
        .agreement
        .as_ref()
        .map(|a| a.kind.label(lang))
        .unwrap_or_default();
    let mut out = match lang {
        Lang::Fr => format!(
            "Placement prévu{NBSP}: {name} → {} ({}), {agreement}.\n",
            text::place(ws, e),
            text::dates(e, lang)
        ),
        Lang::En => format!(
            "Placement planned: {name} → {} ({}), {agreement}.\n",
            text::place(ws, e),
            text::dates(e, lang)
        ),
    };
    if let Some(end) = outcome.current_now_ends {
        out.push_str(&match lang {
            Lang::Fr => format!(
                "Le séjour en cours se termine désormais le {} (jour du déménagement).\n",
                i18n::date(end, lang)
            ),
            Lang::En => format!(
                "The current stay now ends on {} (the day of the move).\n",
                i18n::date(end, lang)
            ),
        });
    }
    for kind in answered {
        out.push_str(&match lang {
            Lang::Fr => format!("Alerte levée{NBSP}: {}.\n", kind.label(lang)),
            Lang::En => format!("Alert cleared: {}.\n", kind.label(lang)),
        });
    }
    out
}

/// Unknown structure, site, lot or call: refused with the closest ids.
fn check_ids(ws: &Workspace, args: &PlaceArgs, lang: Lang) -> Result<(), Failure> {
    unknown::structure(ws, &args.structure, lang)?;
    let site = unknown::site(ws, &args.site, lang)?;
    if let Some(lot) = &args.lot {
        unknown::lot(site, lot, lang)?;
    }
    if let Some(call) = &args.call {
        let found = unknown::call(ws, call, lang)?;
        if !found.has_application(&args.structure, &args.site) {
            return Err(Failure {
                message: match lang {
                    Lang::Fr => format!(
                        "la structure n’a pas candidaté à «{NBSP}{}{NBSP}» dans l’appel «{NBSP}{call}{NBSP}»",
                        site.name
                    ),
                    Lang::En => format!(
                        "the structure did not apply for “{}” in call `{call}`",
                        site.name
                    ),
                },
                code: 2,
            });
        }
    }
    if let Some(surface) = args.surface
        && !Surface::m2(surface).is_valid()
    {
        return Err(Failure {
            message: match lang {
                Lang::Fr => format!("surface hors limites{NBSP}: {surface}"),
                Lang::En => format!("surface out of range: {surface}"),
            },
            code: 2,
        });
    }
    Ok(())
}
