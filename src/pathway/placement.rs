//! Recording a placement: a planned episode on the structure's pathway (site, lot, dates,
//! agreement), as one `Edit` the session journals, saves and can undo.
//!
//! When the structure's current stay is open-ended, or due to end after the new one starts,
//! it is made to end the day the new one starts (a same-day move): a move is what a placement
//! means, and the pathway must never hold two stays at once.
//!
//! From an accepted application, `acceptance_edit` builds the same edit with the dates of the
//! call's site and of the structure's need; the cockpit applies it together with the review
//! change as one `session::Operation { change, edit }` (one journal line, one undo).

use crate::domain::{
    Agreement, AgreementKind, ApplicationRef, CallId, EpisodeKind, EpisodeOutcome, Holding, LotId,
    PathwayEpisode, Site, SiteId, SiteKind, Structure, StructureId, Surface, Workspace,
};
use crate::edit::{Edit, EditKind, Record};
use crate::i18n::{self, Lang, NBSP};
use crate::review::AppKey;
use chrono::{Months, NaiveDate};

/// What the officer decided: this structure goes to this site (maybe a lot), these dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub structure: StructureId,
    pub site: SiteId,
    pub lot: Option<LotId>,
    pub from: NaiveDate,
    /// Last day; none for an open-ended stay (permanent premises).
    pub to: Option<NaiveDate>,
    /// The agreement's kind; by default the usual one for the site's kind.
    pub agreement: Option<AgreementKind>,
    pub application: Option<ApplicationRef>,
    /// Part of a divisible lot, when not all of it.
    pub surface: Option<Surface>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PlacementError {
    UnknownStructure(StructureId),
    UnknownSite(SiteId),
    UnknownLot {
        site: String,
        lot: LotId,
    },
    UnknownCall(CallId),
    /// The structure did not apply for this site in the call.
    NoApplication {
        call: CallId,
        site: String,
    },
    EndsBeforeStart {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// The new stay would share days with another planned or later stay.
    Overlaps {
        place: String,
        from: NaiveDate,
        to: Option<NaiveDate>,
    },
    /// Only a current stay can be shortened to make room; this one started after `from`.
    StartsBeforeCurrent {
        place: String,
        current_from: NaiveDate,
    },
}

impl PlacementError {
    pub fn message(&self, lang: Lang) -> String {
        let d = |day: &NaiveDate| i18n::date(*day, lang);
        match (self, lang) {
            (PlacementError::UnknownStructure(id), Lang::Fr) => {
                format!("structure inconnue «{NBSP}{id}{NBSP}»")
            }
            (PlacementError::UnknownStructure(id), Lang::En) => format!("unknown structure `{id}`"),
            (PlacementError::UnknownSite(id), Lang::Fr) => {
                format!("lieu inconnu «{NBSP}{id}{NBSP}»")
            }
            (PlacementError::UnknownSite(id), Lang::En) => format!("unknown site `{id}`"),
            (PlacementError::UnknownLot { site, lot }, Lang::Fr) => {
                format!("le lieu «{NBSP}{site}{NBSP}» n’a pas de lot «{NBSP}{lot}{NBSP}»")
            }
            (PlacementError::UnknownLot { site, lot }, Lang::En) => {
                format!("site “{site}” has no lot `{lot}`")
            }
            (PlacementError::UnknownCall(id), Lang::Fr) => {
                format!("appel inconnu «{NBSP}{id}{NBSP}»")
            }
            (PlacementError::UnknownCall(id), Lang::En) => format!("unknown call `{id}`"),
            (PlacementError::NoApplication { call, site }, Lang::Fr) => format!(
                "la structure n’a pas candidaté à «{NBSP}{site}{NBSP}» dans l’appel «{NBSP}{call}{NBSP}»"
            ),
            (PlacementError::NoApplication { call, site }, Lang::En) => {
                format!("the structure did not apply for “{site}” in call `{call}`")
            }
            (PlacementError::EndsBeforeStart { from, to }, Lang::Fr) => {
                format!("la fin ({}) précède le début ({})", d(to), d(from))
            }
            (PlacementError::EndsBeforeStart { from, to }, Lang::En) => {
                format!("the end ({}) comes before the start ({})", d(to), d(from))
            }
            (PlacementError::Overlaps { place, from, to }, Lang::Fr) => format!(
                "ces dates chevauchent le séjour «{NBSP}{place}{NBSP}» ({} → {})",
                d(from),
                to.as_ref().map_or_else(|| "…".to_owned(), d)
            ),
            (PlacementError::Overlaps { place, from, to }, Lang::En) => format!(
                "these dates overlap the stay “{place}” ({} → {})",
                d(from),
                to.as_ref().map_or_else(|| "…".to_owned(), d)
            ),
            (
                PlacementError::StartsBeforeCurrent {
                    place,
                    current_from,
                },
                Lang::Fr,
            ) => format!(
                "le placement commencerait avant le séjour en cours «{NBSP}{place}{NBSP}» (depuis le {})",
                d(current_from)
            ),
            (
                PlacementError::StartsBeforeCurrent {
                    place,
                    current_from,
                },
                Lang::En,
            ) => format!(
                "the placement would start before the current stay “{place}” (since {})",
                d(current_from)
            ),
        }
    }
}

impl std::fmt::Display for PlacementError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Fr))
    }
}

impl std::error::Error for PlacementError {}

/// What `place` did, for the officer's confirmation and the cockpit's status line.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacementOutcome {
    /// The edit to apply through the session (`EditKind::Placement`, the structure whole).
    pub edit: Edit,
    /// The planned episode recorded.
    pub episode: PathwayEpisode,
    /// The new end of the current stay, when it had to end for the move.
    pub current_now_ends: Option<NaiveDate>,
}

impl PlacementOutcome {
    /// The structure as the edit leaves it.
    pub fn structure(&self) -> Option<&Structure> {
        self.edit.steps.iter().find_map(|step| match step {
            crate::edit::Step::Put(Record::Structure(s)) => Some(&**s),
            _ => None,
        })
    }
}

/// The episode kind a site of `kind` gives.
pub fn episode_kind(kind: SiteKind) -> EpisodeKind {
    match kind {
        SiteKind::Transitional => EpisodeKind::Transitional,
        SiteKind::Incubator => EpisodeKind::Incubation,
        SiteKind::Permanent => EpisodeKind::Permanent,
    }
}

/// The agreement usually signed for a site of `kind`: a temporary occupation convention for
/// transitional sites, a precarious one in incubators, a commercial lease for permanent premises.
pub fn usual_agreement(kind: SiteKind) -> AgreementKind {
    match kind {
        SiteKind::Transitional => AgreementKind::ConventionOccupationTemporaire,
        SiteKind::Incubator => AgreementKind::ConventionOccupationPrecaire,
        SiteKind::Permanent => AgreementKind::BailCommercial,
    }
}

/// Records `placement` as a planned episode of its structure: the edit and what it changes.
pub fn place(
    workspace: &Workspace,
    placement: &Placement,
) -> Result<PlacementOutcome, PlacementError> {
    let structure = workspace
        .structure(&placement.structure)
        .ok_or_else(|| PlacementError::UnknownStructure(placement.structure.clone()))?;
    let site = workspace
        .site(&placement.site)
        .ok_or_else(|| PlacementError::UnknownSite(placement.site.clone()))?;
    let lot = match &placement.lot {
        Some(id) => Some(site.lot(id).ok_or_else(|| PlacementError::UnknownLot {
            site: site.name.clone(),
            lot: id.clone(),
        })?),
        None => None,
    };
    if let Some(to) = placement.to
        && to < placement.from
    {
        return Err(PlacementError::EndsBeforeStart {
            from: placement.from,
            to,
        });
    }
    let kind = placement
        .agreement
        .unwrap_or_else(|| usual_agreement(site.kind));
    let episode = PathwayEpisode {
        kind: episode_kind(site.kind),
        site: Some(site.id.clone()),
        lot: lot.map(|l| l.id.clone()),
        place: None,
        from: placement.from,
        to: placement.to,
        fee: lot.map(|l| l.fee.clone()),
        surface: placement.surface,
        agreement: Some(Agreement::of_kind(kind)),
        application: placement.application.clone(),
        outcome: EpisodeOutcome::Planned,
    };
    let mut updated = structure.clone();
    let current_now_ends = make_room(workspace, &mut updated, &episode)?;
    // Planned episodes go last (after the lived ones), by start.
    let at = updated
        .pathway
        .iter()
        .position(|e| e.is_planned() && e.from > episode.from)
        .unwrap_or(updated.pathway.len());
    updated.pathway.insert(at, episode.clone());
    let note = note(&updated, site, &episode);
    Ok(PlacementOutcome {
        edit: Edit::new(
            EditKind::Placement,
            note,
            vec![crate::edit::Step::Put(Record::Structure(Box::new(updated)))],
        ),
        episode,
        current_now_ends,
    })
}

/// Ends the lived stay the new one would overlap on the new one's first day; refuses any other
/// overlap. Returns the new end, when one was set.
fn make_room(
    workspace: &Workspace,
    structure: &mut Structure,
    new: &PathwayEpisode,
) -> Result<Option<NaiveDate>, PlacementError> {
    let mut shortened = None;
    let place_of = |e: &PathwayEpisode| {
        e.site
            .as_ref()
            .and_then(|id| workspace.site(id))
            .map(|s| s.name.clone())
            .or_else(|| e.place.clone())
            .unwrap_or_default()
    };
    for existing in structure.pathway.iter_mut() {
        if !existing.overlaps(new) {
            continue;
        }
        let running = !existing.is_planned() && existing.outcome == EpisodeOutcome::Ongoing;
        if !running {
            return Err(PlacementError::Overlaps {
                place: place_of(existing),
                from: existing.from,
                to: existing.to,
            });
        }
        if existing.from >= new.from {
            return Err(PlacementError::StartsBeforeCurrent {
                place: place_of(existing),
                current_from: existing.from,
            });
        }
        existing.to = Some(new.from);
        shortened = Some(new.from);
    }
    Ok(shortened)
}

/// « Placement prévu : Atelier Fil Retrouvé → ZAC du Port, à partir du 01/06/2027 ».
fn note(structure: &Structure, site: &Site, episode: &PathwayEpisode) -> String {
    format!(
        "Placement prévu{NBSP}: {} → {}, à partir du {}",
        structure.name,
        site.name,
        i18n::date(episode.from, Lang::Fr)
    )
}

/// The placement an accepted application leads to: the call's site (and the lot the decision
/// holds — with its m² on a pooled lot — when it holds one), from the structure's wished start
/// — or later, when the site or the lot opens later — for the duration it needs, cut to the
/// site's window and longest occupation.
pub fn placement_for_application(
    workspace: &Workspace,
    call: &CallId,
    key: &AppKey,
    holding: Option<&Holding>,
) -> Result<Placement, PlacementError> {
    let lot = holding.map(|h| h.lot.clone());
    let call_record = workspace
        .call(call)
        .ok_or_else(|| PlacementError::UnknownCall(call.clone()))?;
    let structure = workspace
        .structure(&key.structure)
        .ok_or_else(|| PlacementError::UnknownStructure(key.structure.clone()))?;
    let site = workspace
        .site(&key.site)
        .ok_or_else(|| PlacementError::UnknownSite(key.site.clone()))?;
    if !call_record.has_application(&key.structure, &key.site) {
        return Err(PlacementError::NoApplication {
            call: call.clone(),
            site: site.name.clone(),
        });
    }
    let (from, to) = stay_dates(structure, site, lot.as_ref(), structure.needs.start);
    Ok(Placement {
        structure: structure.id.clone(),
        site: site.id.clone(),
        lot,
        from,
        to,
        agreement: None,
        application: Some(ApplicationRef {
            call: call.clone(),
            site: site.id.clone(),
        }),
        surface: holding.and_then(|h| h.m2),
    })
}

/// The dates of a stay on `site` (and `lot`) starting no sooner than `earliest`: from when the
/// site, or the lot, opens if later, for the duration the structure needs, cut to the site's
/// window and longest occupation; open-ended on permanent premises (the need's duration is
/// how long the structure asked for, not when it must leave).
fn stay_dates(
    structure: &Structure,
    site: &Site,
    lot: Option<&LotId>,
    earliest: NaiveDate,
) -> (NaiveDate, Option<NaiveDate>) {
    let lot_opens = lot
        .and_then(|id| site.lot(id))
        .and_then(|l| l.available_from);
    let from = earliest
        .max(site.available_from)
        .max(lot_opens.unwrap_or(site.available_from));
    let wished_end = from
        .checked_add_months(Months::new(structure.needs.duration.in_months()))
        .and_then(|d| d.pred_opt());
    let longest = site
        .max_occupation_months
        .and_then(|m| from.checked_add_months(Months::new(m)))
        .and_then(|d| d.pred_opt());
    let to = match site.kind {
        SiteKind::Permanent => None,
        _ => [wished_end, longest, site.available_until]
            .into_iter()
            .flatten()
            .min(),
    };
    (from, to.map(|t| t.max(from)))
}

/// The placement a next-step suggestion leads to: `site` (and `lot`) for `structure`, from
/// when it must move — its current stay's due end, or today, or its need's start if later, as
/// `suggestions` reads it — for the duration it needs, with the site's usual agreement. The
/// officer adjusts it before it is recorded.
pub fn next_step_placement(
    workspace: &Workspace,
    structure: &StructureId,
    site: &SiteId,
    lot: Option<LotId>,
    today: NaiveDate,
) -> Result<Placement, PlacementError> {
    let record = workspace
        .structure(structure)
        .ok_or_else(|| PlacementError::UnknownStructure(structure.clone()))?;
    let site_record = workspace
        .site(site)
        .ok_or_else(|| PlacementError::UnknownSite(site.clone()))?;
    let step = crate::pathway::stage::next_step(record, today, &workspace.territory.pathway);
    let earliest = step
        .deadline
        .unwrap_or(today)
        .max(today)
        .max(record.needs.start);
    let (from, to) = stay_dates(record, site_record, lot.as_ref(), earliest);
    Ok(Placement {
        structure: structure.clone(),
        site: site.clone(),
        lot,
        from,
        to,
        agreement: Some(usual_agreement(site_record.kind)),
        application: None,
        surface: None,
    })
}

/// The edit recording the placement of an accepted application: what the cockpit applies with
/// the acceptance itself (`Operation { change: Some(accept), edit: Some(this) }`).
pub fn acceptance_edit(
    workspace: &Workspace,
    call: &CallId,
    key: &AppKey,
    holding: Option<&Holding>,
) -> Result<PlacementOutcome, PlacementError> {
    let placement = placement_for_application(workspace, call, key, holding)?;
    place(workspace, &placement)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{self, Step};
    use crate::pathway::stage::tests::day;
    use crate::store::files::WorkspaceFiles;
    use crate::store::validate::fixture::workspace;
    use crate::store::validate::validate;

    fn placed(ws: &Workspace, outcome: &PlacementOutcome) -> Workspace {
        let mut after = ws.clone();
        edit::apply(&mut after, &outcome.edit).expect("the edit applies");
        after
    }

    fn still_valid(ws: &Workspace) {
        let problems = validate(ws, &WorkspaceFiles::named_after_ids(ws));
        assert!(problems.is_empty(), "{problems:?}");
    }

    fn placement(structure: &str, site: &str, from: &str, to: Option<&str>) -> Placement {
        Placement {
            structure: StructureId::new(structure),
            site: SiteId::new(site),
            lot: None,
            from: day(from),
            to: to.map(day),
            agreement: None,
            application: None,
            surface: None,
        }
    }

    #[test]
    fn a_placement_is_a_planned_episode_with_the_lot_fee_and_usual_agreement() {
        let ws = workspace();
        // velo-solidaire has no premises.
        let mut p = placement(
            "velo-solidaire",
            "friche-des-rives",
            "2027-01-01",
            Some("2028-05-31"),
        );
        p.lot = Some(LotId::new("pavillon"));
        let outcome = place(&ws, &p).unwrap();
        assert_eq!(outcome.edit.kind, EditKind::Placement);
        assert_eq!(outcome.current_now_ends, None);
        let e = &outcome.episode;
        assert_eq!(e.outcome, EpisodeOutcome::Planned);
        assert_eq!(e.kind, EpisodeKind::Transitional);
        assert_eq!(
            e.agreement.as_ref().map(|a| a.kind),
            Some(AgreementKind::ConventionOccupationTemporaire)
        );
        let site = ws.site(&SiteId::new("friche-des-rives")).unwrap();
        assert_eq!(e.fee.as_ref(), Some(&site.lots[0].fee));
        let after = placed(&ws, &outcome);
        assert_eq!(
            after.structure(&p.structure).unwrap().pathway,
            std::slice::from_ref(e)
        );
        still_valid(&after);
        assert!(outcome.edit.note.contains("Atelier vélo solidaire"));
    }

    #[test]
    fn the_open_ended_current_stay_ends_on_the_day_of_the_move() {
        let ws = workspace();
        // recyclerie-du-canal is on the friche since 2026-09-01, open-ended.
        let p = placement("recyclerie-du-canal", "hotel-activites", "2027-09-01", None);
        let outcome = place(&ws, &p).unwrap();
        assert_eq!(outcome.current_now_ends, Some(day("2027-09-01")));
        let after = placed(&ws, &outcome);
        let pathway = &after.structure(&p.structure).unwrap().pathway;
        assert_eq!(pathway[2].to, Some(day("2027-09-01")));
        assert_eq!(
            pathway[2].outcome,
            EpisodeOutcome::Ongoing,
            "still there until then"
        );
        assert_eq!(pathway[3].kind, EpisodeKind::Permanent);
        assert_eq!(
            pathway[3].agreement.as_ref().map(|a| a.kind),
            Some(AgreementKind::BailCommercial)
        );
        still_valid(&after);
        // Undo: the inverse edit puts the structure back whole.
        let mut back = after.clone();
        let inverse = edit::inverse(&ws, &outcome.edit);
        edit::apply(&mut back, &inverse).unwrap();
        assert_eq!(back, ws);
    }

    #[test]
    fn refusals() {
        let ws = workspace();
        let err = |p: Placement| place(&ws, &p).unwrap_err();
        assert!(matches!(
            err(placement("nope", "friche-des-rives", "2027-01-01", None)),
            PlacementError::UnknownStructure(_)
        ));
        assert!(matches!(
            err(placement("velo-solidaire", "nope", "2027-01-01", None)),
            PlacementError::UnknownSite(_)
        ));
        let mut bad_lot = placement("velo-solidaire", "friche-des-rives", "2027-01-01", None);
        bad_lot.lot = Some(LotId::new("cave"));
        assert!(matches!(err(bad_lot), PlacementError::UnknownLot { .. }));
        assert!(matches!(
            err(placement(
                "velo-solidaire",
                "friche-des-rives",
                "2027-01-01",
                Some("2026-01-01")
            )),
            PlacementError::EndsBeforeStart { .. }
        ));
        // Before the current stay started: not a move, an overlap with the past.
        let e = err(placement(
            "recyclerie-du-canal",
            "hotel-activites",
            "2026-08-01",
            None,
        ));
        assert!(matches!(e, PlacementError::Overlaps { .. }), "{e:?}");
        assert!(e.message(Lang::Fr).contains("Local associatif"));
        // Two planned stays at once.
        let first = place(
            &ws,
            &placement(
                "velo-solidaire",
                "friche-des-rives",
                "2027-01-01",
                Some("2027-12-31"),
            ),
        )
        .unwrap();
        let after = placed(&ws, &first);
        let second = place(
            &after,
            &placement("velo-solidaire", "hotel-activites", "2027-06-01", None),
        );
        assert!(matches!(second, Err(PlacementError::Overlaps { .. })));
    }

    #[test]
    fn an_accepted_application_gives_dates_from_the_site_and_the_need() {
        let ws = workspace();
        let call = CallId::new("tempo-2026");
        // velo-solidaire wants 18 months from 2026-06-01; the friche opens 2026-06-01 and
        // closes 2028-05-31.
        let key = AppKey::new("velo-solidaire", "friche-des-rives");
        let pavillon = Holding::whole(LotId::new("pavillon"));
        let p = placement_for_application(&ws, &call, &key, Some(&pavillon)).unwrap();
        let site = ws.site(&key.site).unwrap();
        let from = ws
            .structure(&key.structure)
            .unwrap()
            .needs
            .start
            .max(site.available_from);
        assert_eq!(p.from, from);
        let wished = from
            .checked_add_months(Months::new(18))
            .unwrap()
            .pred_opt()
            .unwrap();
        let expected_to = [Some(wished), site.available_until]
            .into_iter()
            .flatten()
            .chain(site.max_occupation_months.map(|m| {
                from.checked_add_months(Months::new(m))
                    .unwrap()
                    .pred_opt()
                    .unwrap()
            }))
            .min();
        assert_eq!(p.to, expected_to);
        assert_eq!(
            p.application,
            Some(ApplicationRef {
                call: call.clone(),
                site: key.site.clone()
            })
        );
        let outcome = acceptance_edit(&ws, &call, &key, Some(&pavillon)).unwrap();
        // A share of a pooled lot is the surface placed.
        let terrain = Holding::share(LotId::new("terrain"), Surface::m2(300.0));
        let shared = placement_for_application(&ws, &call, &key, Some(&terrain)).unwrap();
        assert_eq!(shared.surface, Some(Surface::m2(300.0)));
        let after = placed(&ws, &outcome);
        still_valid(&after);
        assert!(matches!(
            placement_for_application(
                &ws,
                &call,
                &AppKey::new("recyclerie-du-canal", "hotel-activites"),
                None
            ),
            Err(PlacementError::NoApplication { .. })
        ));
        assert!(matches!(
            placement_for_application(&ws, &CallId::new("x"), &key, None),
            Err(PlacementError::UnknownCall(_))
        ));
        let step = &outcome.edit.steps[0];
        assert!(matches!(step, Step::Put(Record::Structure(_))));
    }
}
