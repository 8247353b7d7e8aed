//! The residential pathway (incubator → temporary occupation → permanent premises), the
//! territory's balance and the impact fund, as pure functions of the workspace and of `today`
//! (always injected: no clock, no disk, no terminal here).
//!
//! What the cockpit's Parcours and Territoire screens, the `pathway`, `stats`, `fund` and
//! `report` commands all read:
//! - `stage`: where a structure stands and what its next step is;
//! - `alerts`: who must move out soon with nowhere to go, and other stale situations;
//! - `suggestions`: the best sites of the next stage, ranked by the matching engine;
//! - `placement`: the edit that records a planned episode (also from an accepted application);
//! - `timeline`: one row per structure over a date range, for drawing;
//! - `balance`: m², structures, jobs and placements per city and zone;
//! - `fund`: the year's grants against the envelope, and the rules a new grant must follow;
//! - `moves`: who moved forward on the pathway during a year;
//! - `map`: cities and sites at their coordinates, and bounds for the map.

pub mod alerts;
pub mod balance;
pub mod fund;
pub mod labels;
pub mod map;
pub mod moves;
pub mod placement;
pub mod stage;
pub mod suggestions;
pub mod timeline;

pub use alerts::{Alert, AlertKind, Within, alerts, alerts_for, narrowed};
pub use balance::{Balance, CityBalance, Figures, ZoneBalance, balance};
pub use fund::{FundYear, GrantRefusal, fund_year, record_grant};
pub use moves::{Move, moves};
pub use placement::{
    Placement, PlacementError, PlacementOutcome, acceptance_edit, next_step_placement, place,
    placement_for_application,
};
pub use stage::{NextStep, Stage, next_step, stage};
pub use suggestions::{Suggestion, suggestions};
pub use timeline::{Segment, Span, TimelineRow, timeline, timeline_row};

#[cfg(test)]
pub(crate) mod tests {
    use crate::domain::Workspace;
    use crate::store::document::{
        CallDocument, SiteDocument, StructureDocument, TerritoryDocument,
    };
    use crate::store::embedded;

    /// The shipped catalogue and demo, decoded in memory (as `ancrage init` would write them).
    pub fn demo() -> Workspace {
        fn doc<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> T {
            serde_json::from_str(text).unwrap_or_else(|e| panic!("sites/{path}: {e}"))
        }
        let (path, territory) = embedded::files_under("territory.json")
            .next()
            .expect("territory shipped");
        Workspace {
            territory: doc::<TerritoryDocument>(path, territory).territory,
            sites: embedded::files_under("catalogue/")
                .map(|(p, t)| doc::<SiteDocument>(p, t).site)
                .collect(),
            structures: embedded::files_under("demo/structures/")
                .map(|(p, t)| doc::<StructureDocument>(p, t).structure)
                .collect(),
            calls: embedded::files_under("demo/calls/")
                .map(|(p, t)| doc::<CallDocument>(p, t).call)
                .collect(),
        }
    }
}
