//! The allocation of a call as the officer reads it: who goes where (names, lots, m²), how
//! close to the best possible, who is left out and why, who may feel overlooked, how full each
//! site is — and the one review change that makes it the shortlist.

use crate::allocation::build::{Exclusion, Problem, Request, RequestError, build};
use crate::allocation::envy::justified_envy;
use crate::allocation::model::Capacity;
use crate::allocation::solve::solve;
use crate::domain::{Call, CallId, Holding, LotId, SiteId, StructureId, Surface, Workspace};
use crate::i18n::{self, Lang};
use crate::review::{AppKey, Change, ReviewState, ShortlistEntry};
use crate::scoring::Settings;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placement {
    pub structure: StructureId,
    pub structure_name: String,
    pub site: SiteId,
    pub site_name: String,
    pub lot: LotId,
    pub lot_label: String,
    /// A share of a pooled lot (else the whole lot).
    pub pooled: bool,
    /// m² taken: the share of a pool, or the whole lot.
    pub m2: f64,
    /// Match score of the structure on this lot, 0–100.
    pub score: f64,
    /// Placed because it was accepted or pinned by the officer.
    pub pinned: bool,
}

impl Placement {
    pub fn key(&self) -> AppKey {
        AppKey::new(self.structure.clone(), self.site.clone())
    }

    pub fn holding(&self) -> Holding {
        if self.pooled {
            Holding::share(self.lot.clone(), Surface::m2(self.m2))
        } else {
            Holding::whole(self.lot.clone())
        }
    }
}

/// Why a structure got no place.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum UnplacedReason {
    /// Every application refused, closed or forbidden.
    Forbidden,
    /// No lot of the sites it applied to serves its use while it is eligible.
    Ineligible,
    /// Its lots went to placements worth more overall (see `envy` for those scoring less).
    Outscored { sites: Vec<SiteId> },
    /// Accepted or pinned, but its lot could not be given (another decision holds it).
    PinNotHonoured,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unplaced {
    pub structure: StructureId,
    pub structure_name: String,
    pub reason: UnplacedReason,
}

impl Unplaced {
    /// Why, in words, with site names.
    pub fn explain(&self, workspace: &Workspace, lang: Lang) -> String {
        match (&self.reason, lang) {
            (UnplacedReason::Forbidden, Lang::Fr) => {
                "toutes ses candidatures sont refusées, classées ou exclues".to_owned()
            }
            (UnplacedReason::Forbidden, Lang::En) => {
                "every application refused, closed or forbidden".to_owned()
            }
            (UnplacedReason::Ineligible, Lang::Fr) => {
                "aucun lot des sites demandés ne lui convient (inéligible ou usage absent)"
                    .to_owned()
            }
            (UnplacedReason::Ineligible, Lang::En) => {
                "no lot of the sites applied to suits it (ineligible or use missing)".to_owned()
            }
            (UnplacedReason::Outscored { sites }, _) => {
                let names = sites
                    .iter()
                    .map(|s| workspace.site(s).map_or(s.as_str(), |x| x.name.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ");
                match lang {
                    Lang::Fr => format!(
                        "la place disponible sur {names} va à des candidatures qui rapportent plus au total"
                    ),
                    Lang::En => {
                        format!("the room on {names} goes to applications worth more in total")
                    }
                }
            }
            (UnplacedReason::PinNotHonoured, Lang::Fr) => {
                "acceptée ou imposée, mais son lot est déjà tenu par une autre décision".to_owned()
            }
            (UnplacedReason::PinNotHonoured, Lang::En) => {
                "accepted or pinned, but its lot is held by another decision".to_owned()
            }
        }
    }
}

/// A structure left out of a lot that a structure scoring less on the same site got, although
/// it would have fitted in its place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Envy {
    pub structure: StructureId,
    pub structure_name: String,
    pub over: StructureId,
    pub over_name: String,
    pub site: SiteId,
    pub site_name: String,
    /// The envious structure's score on the site, and the other's.
    pub score: f64,
    pub over_score: f64,
}

/// One lot of a site after allocation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LotUse {
    pub lot: LotId,
    pub label: String,
    pub pooled: bool,
    pub surface: f64,
    pub used_m2: f64,
    pub holders: Vec<StructureId>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiteUse {
    pub site: SiteId,
    pub name: String,
    /// In a zone the rebalancing policy favours.
    pub priority_zone: bool,
    pub lots: Vec<LotUse>,
    pub surface: f64,
    pub used_m2: f64,
}

impl SiteUse {
    pub fn free_m2(&self) -> f64 {
        (self.surface - self.used_m2).max(0.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    pub call: CallId,
    pub placements: Vec<Placement>,
    /// Sum of the placements' scores (plus the bonus per placement).
    pub objective: f64,
    /// No allocation under the same rules is worth more.
    pub bound: f64,
    /// Relative distance to the bound: at most this far from the optimum.
    pub gap: f64,
    pub exact: bool,
    pub bonus: f64,
    pub unplaced: Vec<Unplaced>,
    pub envy: Vec<Envy>,
    pub sites: Vec<SiteUse>,
    pub min_priority: usize,
    /// Placements in the priority zones.
    pub priority_placements: usize,
    pub millis: f64,
}

impl Proposal {
    /// The review change that makes this proposal the call's shortlist, in one undoable step:
    /// each placement shortlisted with its lot (accepted ones stay accepted), every other
    /// shortlisted application back en instruction.
    pub fn shortlist_change(&self) -> Change {
        Change::SetShortlist {
            entries: self
                .placements
                .iter()
                .map(|p| ShortlistEntry {
                    key: p.key(),
                    holding: Some(p.holding()),
                })
                .collect(),
        }
    }

    /// « à 2,1 % au plus de l’optimum », « optimale », or in English.
    pub fn gap_text(&self, lang: Lang) -> String {
        if self.exact || self.gap < 0.0005 {
            return lang
                .pick(
                    "optimale (aucune autre répartition ne fait mieux)",
                    "optimal (no other allocation does better)",
                )
                .to_owned();
        }
        let pct = i18n::number(self.gap * 100.0, 1, lang);
        match lang {
            Lang::Fr => format!("à {pct}{}% au plus de l’optimum", i18n::NBSP),
            Lang::En => format!("within {pct}% of the optimum"),
        }
    }
}

/// Solves the allocation of `call`, its decisions in `state` respected, with the officer's
/// request on top.
pub fn allocate(
    workspace: &Workspace,
    call: &Call,
    state: &ReviewState,
    request: &Request,
    today: NaiveDate,
) -> Result<Proposal, RequestError> {
    let started = std::time::Instant::now();
    let problem = build(
        workspace,
        call,
        state,
        request,
        today,
        &call.tolerances as &Settings,
    )?;
    let solved = solve(&problem.instance);
    let mut proposal = describe(workspace, call, &problem, &solved);
    proposal.millis = started.elapsed().as_secs_f64() * 1000.0;
    Ok(proposal)
}

fn describe(
    workspace: &Workspace,
    call: &Call,
    problem: &Problem,
    solved: &crate::allocation::Solved,
) -> Proposal {
    let instance = &problem.instance;
    let structure = |node: usize| &workspace.structures[problem.structures[node]];
    let site = |node: usize| &workspace.sites[problem.sites[node]];
    let lot =
        |lot_node: usize| &site(instance.lots[lot_node].site).lots[problem.lot_positions[lot_node]];
    let mut placed = vec![false; instance.structures];
    let mut placements: Vec<Placement> = solved
        .solution
        .chosen
        .iter()
        .map(|&a| {
            let arc = instance.arcs[a];
            placed[arc.structure] = true;
            let s = structure(arc.structure);
            let si = site(instance.lots[arc.lot].site);
            let l = lot(arc.lot);
            Placement {
                structure: s.id.clone(),
                structure_name: s.name.clone(),
                site: si.id.clone(),
                site_name: si.name.clone(),
                lot: l.id.clone(),
                lot_label: l.label.clone(),
                pooled: matches!(instance.lots[arc.lot].capacity, Capacity::Pool(_)),
                m2: arc.m2,
                score: arc.score,
                pinned: instance.pinned[arc.structure],
            }
        })
        .collect();
    let site_order = |id: &SiteId| call.sites.iter().position(|s| s == id);
    placements.sort_by(|a, b| {
        site_order(&a.site)
            .cmp(&site_order(&b.site))
            .then(b.score.total_cmp(&a.score))
            .then(a.structure_name.cmp(&b.structure_name))
    });

    let by_structure = instance.arcs_by_structure();
    let unplaced = (0..instance.structures)
        .filter(|&n| !placed[n])
        .map(|n| {
            let reason = match problem.excluded.get(&n) {
                Some(Exclusion::Forbidden) => UnplacedReason::Forbidden,
                Some(Exclusion::Ineligible) => UnplacedReason::Ineligible,
                None if instance.pinned[n] => UnplacedReason::PinNotHonoured,
                None => {
                    let sites: BTreeSet<usize> = by_structure[n]
                        .iter()
                        .map(|&a| instance.lots[instance.arcs[a].lot].site)
                        .collect();
                    UnplacedReason::Outscored {
                        sites: sites.into_iter().map(|s| site(s).id.clone()).collect(),
                    }
                }
            };
            let s = structure(n);
            Unplaced {
                structure: s.id.clone(),
                structure_name: s.name.clone(),
                reason,
            }
        })
        .collect();

    let score_on = |structure_node: usize, site_node: usize| {
        solved
            .solution
            .chosen
            .iter()
            .chain(by_structure[structure_node].iter())
            .map(|&a| instance.arcs[a])
            .filter(|a| a.structure == structure_node && instance.lots[a.lot].site == site_node)
            .map(|a| a.score)
            .fold(0.0, f64::max)
    };
    let held_score = |structure_node: usize| {
        solved
            .solution
            .chosen
            .iter()
            .map(|&a| instance.arcs[a])
            .find(|a| a.structure == structure_node)
            .map_or(0.0, |a| a.score)
    };
    let envy = justified_envy(instance, &solved.solution)
        .into_iter()
        .map(|(s, t, si)| Envy {
            structure: structure(s).id.clone(),
            structure_name: structure(s).name.clone(),
            over: structure(t).id.clone(),
            over_name: structure(t).name.clone(),
            site: site(si).id.clone(),
            site_name: site(si).name.clone(),
            score: score_on(s, si),
            over_score: held_score(t),
        })
        .collect();

    let sites = (0..problem.sites.len())
        .map(|node| {
            let s = site(node);
            let lots: Vec<LotUse> = (0..instance.lots.len())
                .filter(|&l| instance.lots[l].site == node)
                .map(|l| {
                    let chosen: Vec<_> = solved
                        .solution
                        .chosen
                        .iter()
                        .map(|&a| instance.arcs[a])
                        .filter(|a| a.lot == l)
                        .collect();
                    let the_lot = lot(l);
                    LotUse {
                        lot: the_lot.id.clone(),
                        label: the_lot.label.clone(),
                        pooled: the_lot.is_pooled(),
                        surface: the_lot.surface.value(),
                        used_m2: chosen.iter().map(|a| a.m2).sum(),
                        holders: chosen
                            .iter()
                            .map(|a| structure(a.structure).id.clone())
                            .collect(),
                    }
                })
                .collect();
            SiteUse {
                site: s.id.clone(),
                name: s.name.clone(),
                priority_zone: instance.priority_site[node],
                surface: lots.iter().map(|l| l.surface).sum(),
                used_m2: lots.iter().map(|l| l.used_m2).sum(),
                lots,
            }
        })
        .collect();

    Proposal {
        call: call.id.clone(),
        placements,
        objective: solved.objective,
        bound: solved.bound,
        gap: solved.gap(),
        exact: solved.exact,
        bonus: instance.bonus,
        unplaced,
        envy,
        sites,
        min_priority: instance.min_priority,
        priority_placements: instance.priority_count(&solved.solution),
        millis: 0.0,
    }
}
