//! Live checks on the decisions of a call. They warn, never block: the officer may have reasons
//! the data does not show (a structure sharing a lot, a grant split over two years).

use crate::domain::{LotId, Money, Site, SiteId, StructureId, Surface, Workspace};
use crate::i18n::{self, Lang, NBSP};
use crate::review::holdings::{Held, effective_holdings};
use crate::review::{AppKey, ReviewState, Status};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// The shortlisted and accepted structures of a site wish more surface than it offers.
    SurfaceExceeded {
        site: SiteId,
        site_name: String,
        wished: Surface,
        available: Surface,
        structures: Vec<StructureId>,
    },
    /// A lot given once held by several shortlisted or accepted applications.
    LotGivenTwice {
        site: SiteId,
        site_name: String,
        lot: LotId,
        lot_label: String,
        holders: Vec<Holder>,
    },
    /// The m² retained on a pooled lot exceed its surface.
    PoolExceeded {
        site: SiteId,
        site_name: String,
        lot: LotId,
        lot_label: String,
        retained: Surface,
        available: Surface,
        holders: Vec<Holder>,
    },
    /// A structure accepted on several sites of the call.
    AcceptedOnSeveralSites {
        structure: StructureId,
        structure_name: String,
        sites: Vec<SiteId>,
        /// The sites' names, in the order of `sites` (what the officer reads).
        site_names: Vec<String>,
    },
    /// The grants requested by the accepted structures exceed the impact fund's annual envelope.
    EnvelopeExceeded { total: Money, envelope: Money },
    /// A shortlisted or accepted structure requests more than the cap per structure.
    GrantAboveCap {
        structure: StructureId,
        structure_name: String,
        grant: Money,
        cap: Money,
    },
}

/// A structure holding a lot, as a warning names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Holder {
    pub structure: StructureId,
    pub name: String,
    pub status: Status,
    /// m² held (a pool's share, or the whole lot).
    pub m2: Surface,
}

fn holders_text(holders: &[Holder], with_m2: bool, lang: Lang) -> String {
    holders
        .iter()
        .map(|h| {
            let status = h.status.label(lang);
            if with_m2 {
                format!("{} ({}, {status})", h.name, i18n::surface(h.m2, lang))
            } else {
                format!("{} ({status})", h.name)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Warning {
    /// The applications the warning is about, to point at them (rows, files).
    pub fn applications(&self) -> Vec<AppKey> {
        match self {
            Warning::SurfaceExceeded {
                site, structures, ..
            } => structures
                .iter()
                .map(|s| AppKey::new(s.clone(), site.clone()))
                .collect(),
            Warning::LotGivenTwice { site, holders, .. }
            | Warning::PoolExceeded { site, holders, .. } => holders
                .iter()
                .map(|h| AppKey::new(h.structure.clone(), site.clone()))
                .collect(),
            Warning::AcceptedOnSeveralSites {
                structure, sites, ..
            } => sites
                .iter()
                .map(|s| AppKey::new(structure.clone(), s.clone()))
                .collect(),
            Warning::EnvelopeExceeded { .. } | Warning::GrantAboveCap { .. } => Vec::new(),
        }
    }

    /// True when the warning is about this application (to mark its row).
    pub fn concerns(&self, key: &AppKey) -> bool {
        match self {
            Warning::LotGivenTwice { site, holders, .. }
            | Warning::PoolExceeded { site, holders, .. } => {
                site == &key.site && holders.iter().any(|h| h.structure == key.structure)
            }
            Warning::SurfaceExceeded {
                site, structures, ..
            } => site == &key.site && structures.contains(&key.structure),
            Warning::AcceptedOnSeveralSites {
                structure, sites, ..
            } => structure == &key.structure && sites.contains(&key.site),
            Warning::EnvelopeExceeded { .. } => false,
            Warning::GrantAboveCap { structure, .. } => structure == &key.structure,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Warning::LotGivenTwice {
                    site_name,
                    lot_label,
                    holders,
                    ..
                },
                Lang::Fr,
            ) => format!(
                "«{NBSP}{lot_label}{NBSP}» ({site_name}) est attribué à {} structures{NBSP}: {} — un lot ne se donne qu'une fois",
                holders.len(),
                holders_text(holders, false, lang)
            ),
            (
                Warning::LotGivenTwice {
                    site_name,
                    lot_label,
                    holders,
                    ..
                },
                Lang::En,
            ) => format!(
                "“{lot_label}” ({site_name}) is given to {} structures: {} — a lot is given once",
                holders.len(),
                holders_text(holders, false, lang)
            ),
            (
                Warning::PoolExceeded {
                    site_name,
                    lot_label,
                    retained,
                    available,
                    holders,
                    ..
                },
                Lang::Fr,
            ) => format!(
                "«{NBSP}{lot_label}{NBSP}» ({site_name}){NBSP}: {} retenus pour {} ({} de trop) par {}",
                i18n::surface(*retained, lang),
                i18n::surface(*available, lang),
                i18n::surface(Surface::m2(retained.value() - available.value()), lang),
                holders_text(holders, true, lang)
            ),
            (
                Warning::PoolExceeded {
                    site_name,
                    lot_label,
                    retained,
                    available,
                    holders,
                    ..
                },
                Lang::En,
            ) => format!(
                "“{lot_label}” ({site_name}): {} retained for {} ({} too many) by {}",
                i18n::surface(*retained, lang),
                i18n::surface(*available, lang),
                i18n::surface(Surface::m2(retained.value() - available.value()), lang),
                holders_text(holders, true, lang)
            ),
            (
                Warning::SurfaceExceeded {
                    site_name,
                    wished,
                    available,
                    ..
                },
                Lang::Fr,
            ) => format!(
                "{site_name}{NBSP}: {} souhaités par les structures présélectionnées ou acceptées pour {} disponibles",
                i18n::surface(*wished, lang),
                i18n::surface(*available, lang)
            ),
            (
                Warning::SurfaceExceeded {
                    site_name,
                    wished,
                    available,
                    ..
                },
                Lang::En,
            ) => format!(
                "{site_name}: shortlisted or accepted structures wish {} for {} available",
                i18n::surface(*wished, lang),
                i18n::surface(*available, lang)
            ),
            (
                Warning::AcceptedOnSeveralSites {
                    structure_name,
                    site_names,
                    ..
                },
                Lang::Fr,
            ) => format!(
                "{structure_name} est acceptée sur {} sites{NBSP}: {}",
                site_names.len(),
                site_names.join(", ")
            ),
            (
                Warning::AcceptedOnSeveralSites {
                    structure_name,
                    site_names,
                    ..
                },
                Lang::En,
            ) => format!(
                "{structure_name} is accepted on {} sites: {}",
                site_names.len(),
                site_names.join(", ")
            ),
            (Warning::EnvelopeExceeded { total, envelope }, Lang::Fr) => format!(
                "subventions demandées par les structures acceptées{NBSP}: {}, au-delà de l'enveloppe annuelle du fonds à impact ({})",
                i18n::money(*total, lang),
                i18n::money(*envelope, lang)
            ),
            (Warning::EnvelopeExceeded { total, envelope }, Lang::En) => format!(
                "grants requested by accepted structures: {}, above the impact fund's annual envelope ({})",
                i18n::money(*total, lang),
                i18n::money(*envelope, lang)
            ),
            (
                Warning::GrantAboveCap {
                    structure_name,
                    grant,
                    cap,
                    ..
                },
                Lang::Fr,
            ) => format!(
                "{structure_name} demande {}, au-delà du plafond de {} par structure",
                i18n::money(*grant, lang),
                i18n::money(*cap, lang)
            ),
            (
                Warning::GrantAboveCap {
                    structure_name,
                    grant,
                    cap,
                    ..
                },
                Lang::En,
            ) => format!(
                "{structure_name} requests {}, above the cap of {} per structure",
                i18n::money(*grant, lang),
                i18n::money(*cap, lang)
            ),
        }
    }
}

/// What the site offers: the sum of its lots, or its total surface when no lot is described.
fn capacity(site: &Site) -> Option<Surface> {
    if site.lots.is_empty() {
        site.total_surface
    } else {
        Some(site.lots_surface())
    }
}

/// A lot given twice, or a pool over its m², from what each application holds.
pub fn lot_warnings(workspace: &Workspace, held: &[Held]) -> Vec<Warning> {
    let mut per_lot: BTreeMap<(usize, usize), Vec<&Held>> = BTreeMap::new();
    for h in held {
        per_lot.entry((h.site, h.lot)).or_default().push(h);
    }
    let mut warnings = Vec::new();
    for ((site, lot), holders) in per_lot {
        let s = &workspace.sites[site];
        let l = &s.lots[lot];
        let named: Vec<Holder> = holders
            .iter()
            .map(|h| Holder {
                structure: h.key.structure.clone(),
                name: workspace
                    .structure(&h.key.structure)
                    .map_or_else(|| h.key.structure.to_string(), |x| x.name.clone()),
                status: h.status,
                m2: Surface::m2(h.m2),
            })
            .collect();
        if l.is_pooled() {
            let retained: f64 = holders.iter().map(|h| h.m2).sum();
            if retained > l.surface.value() + 1e-6 {
                warnings.push(Warning::PoolExceeded {
                    site: s.id.clone(),
                    site_name: s.name.clone(),
                    lot: l.id.clone(),
                    lot_label: l.label.clone(),
                    retained: Surface::m2(retained),
                    available: l.surface,
                    holders: named,
                });
            }
        } else if holders.len() > 1 {
            warnings.push(Warning::LotGivenTwice {
                site: s.id.clone(),
                site_name: s.name.clone(),
                lot: l.id.clone(),
                lot_label: l.label.clone(),
                holders: named,
            });
        }
    }
    warnings
}

/// Every warning for the call's current decisions, in a stable order.
pub fn check_all(workspace: &Workspace, state: &ReviewState) -> Vec<Warning> {
    let retained = |s: Status| matches!(s, Status::Preselectionne | Status::Accepte);
    let mut warnings = Vec::new();

    // Surfaces per site.
    let mut per_site: BTreeMap<&SiteId, Vec<&StructureId>> = BTreeMap::new();
    for (key, app) in &state.applications {
        if retained(app.status) {
            per_site.entry(&key.site).or_default().push(&key.structure);
        }
    }
    for (site_id, structures) in per_site {
        let Some(site) = workspace.site(site_id) else {
            continue;
        };
        let Some(available) = capacity(site) else {
            continue;
        };
        let wished: Surface = structures
            .iter()
            .filter_map(|id| workspace.structure(id))
            .map(|s| s.needs.surface_min)
            .sum();
        if wished.value() > available.value() {
            warnings.push(Warning::SurfaceExceeded {
                site: site_id.clone(),
                site_name: site.name.clone(),
                wished,
                available,
                structures: structures.into_iter().cloned().collect(),
            });
        }
    }

    warnings.extend(lot_warnings(
        workspace,
        &effective_holdings(workspace, state),
    ));

    // Accepted structures and their sites.
    let mut accepted: BTreeMap<&StructureId, Vec<SiteId>> = BTreeMap::new();
    for (key, _) in state.with_status(Status::Accepte) {
        accepted
            .entry(&key.structure)
            .or_default()
            .push(key.site.clone());
    }
    let name_of = |id: &StructureId| {
        workspace
            .structure(id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    };
    for (structure, sites) in &accepted {
        if sites.len() > 1 {
            warnings.push(Warning::AcceptedOnSeveralSites {
                structure: (*structure).clone(),
                structure_name: name_of(structure),
                site_names: sites
                    .iter()
                    .map(|id| {
                        workspace
                            .site(id)
                            .map_or(id.to_string(), |s| s.name.clone())
                    })
                    .collect(),
                sites: sites.clone(),
            });
        }
    }

    // Impact fund: each accepted structure counted once, however many sites it won.
    let fund = &workspace.territory.impact_fund;
    // The grants of a call count against the envelope of its deadline's year.
    let envelope = workspace
        .call(&state.call)
        .map_or(Money::ZERO, |c| fund.envelope_amount(c.fund_year()));
    let total: Money = accepted
        .keys()
        .filter_map(|id| workspace.structure(id))
        .filter_map(|s| s.grant_requested)
        .sum();
    if total > envelope {
        warnings.push(Warning::EnvelopeExceeded { total, envelope });
    }
    let retained_structures: BTreeSet<&StructureId> = state
        .applications
        .iter()
        .filter(|(_, app)| retained(app.status))
        .map(|(key, _)| &key.structure)
        .collect();
    for id in retained_structures {
        if let Some(grant) = workspace.structure(id).and_then(|s| s.grant_requested)
            && grant > fund.cap_per_structure
        {
            warnings.push(Warning::GrantAboveCap {
                structure: id.clone(),
                structure_name: name_of(id),
                grant,
                cap: fund.cap_per_structure,
            });
        }
    }
    warnings
}
