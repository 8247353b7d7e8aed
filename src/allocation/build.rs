//! A call and its review turned into an allocation problem: the applicants, every lot of the
//! call's sites, and a pair for each lot of a site a structure applied to where it is eligible
//! and the lot serves its use — scored lot by lot with the call's weights.
//!
//! Decisions already taken are respected: an accepted application is pinned (to the lot it
//! holds, when one was named), a refused or closed one is forbidden. The officer may pin or
//! forbid more applications.

use crate::allocation::model::{Arc, Capacity, Instance, LotNode};
use crate::domain::{Call, Holding, StructureId, Workspace};
use crate::i18n::Lang;
use crate::review::{AppKey, ReviewState, Status};
use crate::scoring::Settings;
use crate::scoring::lot_scores::LotScorer;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// What the officer asks on top of the decisions taken.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Request {
    /// Applications that must be placed.
    pub pins: Vec<AppKey>,
    /// Applications that must not be.
    pub forbids: Vec<AppKey>,
    /// At least this many placements in the zones the rebalancing policy favours.
    pub min_priority: usize,
    /// Points added per placed structure (0: the sum of scores alone).
    pub bonus: f64,
}

/// Why a request cannot be honoured as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("«\u{a0}{0}\u{a0}» n’est pas une candidature de l’appel")]
    NotAnApplication(AppKey),
    #[error("la candidature {0} est à la fois imposée et exclue")]
    PinnedAndForbidden(AppKey),
    #[error("la candidature {key} est «\u{a0}{status}\u{a0}»\u{a0}: elle ne peut pas être imposée")]
    PinOnClosed { key: AppKey, status: Status },
    #[error("la structure «\u{a0}{0}\u{a0}» est imposée sur plusieurs sites")]
    PinnedTwice(StructureId),
}

impl RequestError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::Fr) => self.to_string(),
            (RequestError::NotAnApplication(key), Lang::En) => {
                format!("`{key}` is not an application of the call")
            }
            (RequestError::PinnedAndForbidden(key), Lang::En) => {
                format!("application {key} is both pinned and forbidden")
            }
            (RequestError::PinOnClosed { key, status }, Lang::En) => format!(
                "application {key} is {}: it cannot be pinned",
                status.label(Lang::En)
            ),
            (RequestError::PinnedTwice(structure), Lang::En) => {
                format!("structure `{structure}` is pinned on several sites")
            }
        }
    }
}

/// Why a structure has no pair at all in the problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// Every application refused, closed or forbidden by the officer.
    Forbidden,
    /// No lot of the sites it applied to serves its use while it is eligible.
    Ineligible,
}

/// The problem and what its indices stand for.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub instance: Instance,
    /// Instance structure → workspace structure index.
    pub structures: Vec<usize>,
    /// Instance site → workspace site index.
    pub sites: Vec<usize>,
    /// Instance lot → position of the lot in its site's `lots`.
    pub lot_positions: Vec<usize>,
    /// Structures without any pair, and why.
    pub excluded: BTreeMap<usize, Exclusion>,
}

pub fn build(
    workspace: &Workspace,
    call: &Call,
    state: &ReviewState,
    request: &Request,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Problem, RequestError> {
    let applications: BTreeSet<AppKey> = call
        .application_pairs()
        .map(|(s, site)| AppKey::new(s.clone(), site.clone()))
        .collect();
    let status = |key: &AppKey| state.get(key).map_or(Status::INITIAL, |a| a.status);
    for key in request.pins.iter().chain(&request.forbids) {
        if !applications.contains(key) {
            return Err(RequestError::NotAnApplication(key.clone()));
        }
    }
    let mut pins: BTreeMap<StructureId, (AppKey, Option<Holding>)> = BTreeMap::new();
    for key in &request.pins {
        if request.forbids.contains(key) {
            return Err(RequestError::PinnedAndForbidden(key.clone()));
        }
        let s = status(key);
        if matches!(s, Status::Refuse | Status::ClasseSansSuite) {
            return Err(RequestError::PinOnClosed {
                key: key.clone(),
                status: s,
            });
        }
        let holding = state.get(key).and_then(|a| a.holding.clone());
        if let Some((other, _)) = pins.insert(key.structure.clone(), (key.clone(), holding))
            && &other != key
        {
            return Err(RequestError::PinnedTwice(key.structure.clone()));
        }
    }
    // Acceptances come after the officer's pins; a structure accepted twice keeps the first.
    for key in &applications {
        if status(key) == Status::Accepte && !pins.contains_key(&key.structure) {
            let holding = state.get(key).and_then(|a| a.holding.clone());
            pins.insert(key.structure.clone(), (key.clone(), holding));
        }
    }
    let forbidden = |key: &AppKey| {
        request.forbids.contains(key)
            || matches!(status(key), Status::Refuse | Status::ClasseSansSuite)
    };

    let sites: Vec<usize> = call
        .sites
        .iter()
        .filter_map(|s| workspace.site_index(s))
        .collect();
    let mut structures: Vec<usize> = Vec::new();
    for application in &call.applications {
        if let Some(i) = workspace.structure_index(&application.structure)
            && !structures.contains(&i)
        {
            structures.push(i);
        }
    }
    let scorer = LotScorer::new(workspace, &sites, &structures, today, settings);

    let mut lots = Vec::new();
    let mut lot_positions = Vec::new();
    let mut first_lot = Vec::with_capacity(sites.len());
    let mut priority_site = Vec::with_capacity(sites.len());
    for (site_node, &site) in sites.iter().enumerate() {
        let s = &workspace.sites[site];
        first_lot.push(lots.len());
        priority_site.push(
            workspace
                .territory
                .city(&s.city)
                .is_some_and(|c| workspace.territory.is_priority_zone(c.zone)),
        );
        for (position, lot) in s.lots.iter().enumerate() {
            lots.push(LotNode {
                site: site_node,
                capacity: if lot.is_pooled() {
                    Capacity::Pool(lot.surface.value())
                } else {
                    Capacity::Whole
                },
            });
            lot_positions.push(position);
        }
    }

    let mut arcs = Vec::new();
    let mut pinned = vec![false; structures.len()];
    let mut excluded = BTreeMap::new();
    for (node, &structure) in structures.iter().enumerate() {
        let id = &workspace.structures[structure].id;
        let pin = pins.get(id);
        pinned[node] = pin.is_some();
        let mut any_allowed = false;
        for (site_node, &site) in sites.iter().enumerate() {
            let key = AppKey::new(id.clone(), workspace.sites[site].id.clone());
            if !applications.contains(&key) {
                continue;
            }
            if let Some((pinned_key, _)) = pin
                && pinned_key != &key
            {
                continue;
            }
            if forbidden(&key) {
                continue;
            }
            any_allowed = true;
            let held = pin.and_then(|(_, holding)| holding.as_ref());
            let site_lots = &workspace.sites[site].lots;
            for score in scorer.lots(structure, site, &call.weights) {
                let lot = &site_lots[score.lot];
                let lot_node = first_lot[site_node] + score.lot;
                let m2 = if lot.is_pooled() {
                    score.m2
                } else {
                    lot.surface.value()
                };
                let usable = match held {
                    // An accepted application keeps the lot it holds, whatever the score says.
                    Some(h) => h.lot == lot.id,
                    None => score.serves && (score.eligible || pin.is_some()),
                };
                if usable {
                    arcs.push(Arc {
                        structure: node,
                        lot: lot_node,
                        score: score.total,
                        m2: held
                            .and_then(|h| h.m2)
                            .filter(|_| lot.is_pooled())
                            .map_or(m2, |s| s.value()),
                    });
                }
            }
        }
        if !arcs.iter().any(|a| a.structure == node) {
            excluded.insert(
                node,
                if any_allowed {
                    Exclusion::Ineligible
                } else {
                    Exclusion::Forbidden
                },
            );
        }
    }
    Ok(Problem {
        instance: Instance {
            structures: structures.len(),
            lots,
            priority_site,
            arcs,
            pinned,
            bonus: request.bonus.max(0.0),
            min_priority: request.min_priority,
        },
        structures,
        sites,
        lot_positions,
        excluded,
    })
}
