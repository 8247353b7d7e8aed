//! The lot a decision takes when the officer names none: the matching engine's best lot among
//! those still free (a lot nobody else holds, or a pool with the m² left), so that shortlisting
//! or accepting never silently gives a lot twice.

use crate::domain::{Call, Holding, LotId, Surface, Workspace};
use crate::review::holdings::effective_holdings;
use crate::review::{AppKey, ReviewState};
use crate::scoring::lot_scores::LotScorer;
use chrono::NaiveDate;

/// Why a lot named by the officer cannot be held.
#[derive(Debug, Clone, PartialEq)]
pub enum LotProblem {
    /// No such lot on the site; the site's lots, to choose from.
    Unknown { lot: LotId, known: Vec<LotId> },
    /// m² given for an indivisible lot, which is held whole.
    NotPooled { lot: LotId },
    /// m² not positive, or larger than the pool.
    BadM2 { lot: LotId, m2: f64, surface: f64 },
}

/// The best free lot for `key` (at least `wanted_m2` left, on pools only, when given); none when
/// every suitable lot is taken — the engine's lot then stands and the checks warn.
pub fn best_free_lot(
    workspace: &Workspace,
    call: &Call,
    state: &ReviewState,
    key: &AppKey,
    wanted_m2: Option<f64>,
    today: NaiveDate,
) -> Option<Holding> {
    let structure = workspace.structure_index(&key.structure)?;
    let site = workspace.site_index(&key.site)?;
    let lots = &workspace.sites[site].lots;
    let others: Vec<_> = effective_holdings(workspace, state)
        .into_iter()
        .filter(|h| h.site == site && &h.key != key)
        .collect();
    let scorer = LotScorer::new(workspace, &[site], &[structure], today, &call.tolerances);
    let engine_lot = scorer.retained(structure, site).map(|(lot, _)| lot);
    scorer
        .lots(structure, site, &call.weights)
        .into_iter()
        .filter(|score| score.serves)
        .filter_map(|score| {
            let lot = &lots[score.lot];
            let held: Vec<_> = others.iter().filter(|h| h.lot == score.lot).collect();
            if lot.is_pooled() {
                let need = wanted_m2.unwrap_or(score.m2);
                let free = lot.surface.value() - held.iter().map(|h| h.m2).sum::<f64>();
                (need > 0.0 && need <= free + 1e-6)
                    .then(|| (score, Holding::share(lot.id.clone(), Surface::m2(need))))
            } else {
                (wanted_m2.is_none() && held.is_empty())
                    .then(|| (score, Holding::whole(lot.id.clone())))
            }
        })
        // The engine's own lot when it is free; else the best score, the smallest surface
        // (the least room taken from others), the first lot.
        .max_by(|(a, _), (b, _)| {
            let engine = |s: &crate::scoring::lot_scores::LotScore| Some(s.lot) == engine_lot;
            engine(a)
                .cmp(&engine(b))
                .then(a.eligible.cmp(&b.eligible))
                .then(a.total.total_cmp(&b.total))
                .then(b.m2.total_cmp(&a.m2))
                .then(b.lot.cmp(&a.lot))
        })
        .map(|(_, holding)| holding)
}

/// The holding for a lot the officer named, with the m² given or, on a pool, those the engine
/// retains there.
pub fn named_lot(
    workspace: &Workspace,
    call: &Call,
    key: &AppKey,
    lot: &LotId,
    m2: Option<f64>,
    today: NaiveDate,
) -> Result<Holding, LotProblem> {
    let site_index = workspace.site_index(&key.site);
    let lots = site_index.map_or(&[][..], |s| &workspace.sites[s].lots[..]);
    let Some(position) = lots.iter().position(|l| &l.id == lot) else {
        return Err(LotProblem::Unknown {
            lot: lot.clone(),
            known: lots.iter().map(|l| l.id.clone()).collect(),
        });
    };
    let the_lot = &lots[position];
    if !the_lot.is_pooled() {
        return match m2 {
            Some(_) => Err(LotProblem::NotPooled { lot: lot.clone() }),
            None => Ok(Holding::whole(lot.clone())),
        };
    }
    let m2 = match m2 {
        Some(m2) => m2,
        None => {
            let retained = match (workspace.structure_index(&key.structure), site_index) {
                (Some(st), Some(site)) => {
                    LotScorer::new(workspace, &[site], &[st], today, &call.tolerances)
                        .lots(st, site, &call.weights)
                        .get(position)
                        .map(|s| s.m2)
                }
                _ => None,
            };
            retained.unwrap_or(the_lot.surface.value())
        }
    };
    if !(m2 > 0.0 && m2 <= the_lot.surface.value()) {
        return Err(LotProblem::BadM2 {
            lot: lot.clone(),
            m2,
            surface: the_lot.surface.value(),
        });
    }
    Ok(Holding::share(lot.clone(), Surface::m2(m2)))
}
