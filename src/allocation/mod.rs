//! From rankings to a decision: which structure gets which lot (or how many m² of a pooled
//! lot), so that the call's match scores add up to the most, under the rules a jury expects —
//! each structure at most once and only where it applied, a lot given once, a pool never over
//! its m², decisions already taken respected, optionally a floor of placements in the zones the
//! rebalancing policy favours. Pure: no disk, no terminal.
//!
//! `model` states the problem in numbers; `exact` (assignment), `relaxation` (LP bound),
//! `repair` (rounding and knapsacks) and `greedy` solve it; `solve` picks and certifies;
//! `build` turns a call and its review into a problem, `proposal` the answer into names, why
//! each structure is left out, who may feel overlooked (`envy`) and the shortlist change.

pub mod build;
pub mod envy;
pub mod exact;
pub mod free_lot;
pub mod greedy;
pub mod model;
pub mod proposal;
pub mod relaxation;
pub mod repair;
pub mod solve;
pub mod synthetic;
pub mod words;

pub use build::{Request, RequestError};
pub use model::{Arc, Capacity, Instance, LotNode, Solution};
pub use proposal::{Envy, Placement, Proposal, SiteUse, Unplaced, UnplacedReason, allocate};
pub use solve::{Solved, solve};
