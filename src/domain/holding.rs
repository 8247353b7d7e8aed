//! What an accepted or shortlisted application holds on its site: a lot, or m² of a pooled lot.
//!
//! A lot is given once, unless it is **pooled**: a divisible lot (an open hall, a friche, an
//! office floor — `Lot::divisible`) is offered as a pool of m², shared by several structures as
//! long as the m² they retain fit its surface. An indivisible lot (a closed workshop, a shop)
//! goes to one structure. A site can mix both; a *pooled site* is one whose lots are pools.

use crate::domain::{Lot, LotId, Surface};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Holding {
    pub lot: LotId,
    /// The m² taken from a pooled lot; none for an indivisible lot, which is held whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m2: Option<Surface>,
}

impl Holding {
    /// The whole of an indivisible lot.
    pub fn whole(lot: LotId) -> Self {
        Holding { lot, m2: None }
    }

    /// `m2` of a pooled lot.
    pub fn share(lot: LotId, m2: Surface) -> Self {
        Holding { lot, m2: Some(m2) }
    }

    /// The surface held on `lot` (the lot this holding names): its m² on a pool, else the lot.
    pub fn surface_on(&self, lot: &Lot) -> Surface {
        match (lot.is_pooled(), self.m2) {
            (true, Some(m2)) => m2,
            _ => lot.surface,
        }
    }
}

impl Lot {
    /// A divisible lot is a pool of m² several structures may share; any other is given once.
    pub fn is_pooled(&self) -> bool {
        self.divisible
    }
}

impl crate::domain::Site {
    /// Every lot of the site is a pool of m² (an open hall, a friche): the site is shared by
    /// surface rather than given lot by lot.
    pub fn is_pooled(&self) -> bool {
        !self.lots.is_empty() && self.lots.iter().all(Lot::is_pooled)
    }
}
