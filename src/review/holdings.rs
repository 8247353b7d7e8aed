//! What each shortlisted or accepted application holds: the lot the officer named, else the lot
//! the matching engine retains for it (what the score card and the jury file show). Decisions
//! taken in the cockpit before lots were named, and old review files, are checked the same way.

use crate::domain::{Holding, Workspace};
use crate::review::{AppKey, ReviewState, Status};
use crate::scoring::Settings;
use crate::scoring::lot_scores::LotScorer;

#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub key: AppKey,
    pub status: Status,
    /// Workspace index of the site.
    pub site: usize,
    /// Position of the lot in the site's `lots`.
    pub lot: usize,
    /// m² held: a pool's share, or the whole lot.
    pub m2: f64,
    /// The officer named the lot (else it is the engine's choice).
    pub named: bool,
}

impl Held {
    pub fn holding(&self, workspace: &Workspace) -> Holding {
        let lot = &workspace.sites[self.site].lots[self.lot];
        if lot.is_pooled() {
            Holding::share(lot.id.clone(), crate::domain::Surface::m2(self.m2))
        } else {
            Holding::whole(lot.id.clone())
        }
    }
}

/// Every holding of the call's shortlisted and accepted applications, in key order. An
/// application whose structure or site is gone, or whose engine finds no lot, holds nothing.
pub fn effective_holdings(workspace: &Workspace, state: &ReviewState) -> Vec<Held> {
    let retained: Vec<(&AppKey, Status, Option<&Holding>, usize, usize)> = state
        .applications
        .iter()
        .filter(|(_, app)| app.status.holds_place())
        .filter_map(|(key, app)| {
            Some((
                key,
                app.status,
                app.holding.as_ref(),
                workspace.structure_index(&key.structure)?,
                workspace.site_index(&key.site)?,
            ))
        })
        .collect();
    let unnamed: Vec<_> = retained.iter().filter(|r| r.2.is_none()).collect();
    let scorer = (!unnamed.is_empty()).then(|| {
        let call = workspace.call(&state.call);
        let settings: Settings = call.map(|c| c.tolerances).unwrap_or_default();
        // The lot retained does not depend on the day (only urgency does).
        let day = call.map_or(chrono::NaiveDate::MIN, |c| c.deadline);
        let structures: Vec<usize> = unnamed.iter().map(|r| r.3).collect();
        let sites: Vec<usize> = unnamed.iter().map(|r| r.4).collect();
        LotScorer::new(workspace, &sites, &structures, day, &settings)
    });
    retained
        .iter()
        .filter_map(|&(key, status, holding, structure, site)| {
            let (lot, m2, named) = match holding {
                Some(h) => {
                    let lots = &workspace.sites[site].lots;
                    let lot = lots.iter().position(|l| l.id == h.lot)?;
                    (lot, h.surface_on(&lots[lot]).value(), true)
                }
                None => {
                    let (lot, m2) = scorer.as_ref()?.retained(structure, site)?;
                    (lot, m2, false)
                }
            };
            Some(Held {
                key: key.clone(),
                status,
                site,
                lot,
                m2,
                named,
            })
        })
        .collect()
}
