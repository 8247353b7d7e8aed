//! Live checks on the decisions of a call. They warn, never block: the officer may have reasons
//! the data does not show (a structure sharing a lot, a grant split over two years).

use crate::domain::{Money, Site, SiteId, StructureId, Surface, Workspace};
use crate::i18n::{self, Lang, NBSP};
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
    /// A structure accepted on several sites of the call.
    AcceptedOnSeveralSites {
        structure: StructureId,
        structure_name: String,
        sites: Vec<SiteId>,
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

impl Warning {
    /// True when the warning is about this application (to mark its row).
    pub fn concerns(&self, key: &AppKey) -> bool {
        match self {
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
                    sites,
                    ..
                },
                Lang::Fr,
            ) => format!(
                "{structure_name} est acceptée sur {} sites{NBSP}: {}",
                sites.len(),
                join(sites)
            ),
            (
                Warning::AcceptedOnSeveralSites {
                    structure_name,
                    sites,
                    ..
                },
                Lang::En,
            ) => format!(
                "{structure_name} is accepted on {} sites: {}",
                sites.len(),
                join(sites)
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

fn join(ids: &[SiteId]) -> String {
    ids.iter()
        .map(SiteId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the site offers: the sum of its lots, or its total surface when no lot is described.
fn capacity(site: &Site) -> Option<Surface> {
    if site.lots.is_empty() {
        site.total_surface
    } else {
        Some(site.lots_surface())
    }
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
