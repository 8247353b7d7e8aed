//! Plain domain types: what the officer's data *is*. No disk, no terminal.

pub mod call;
pub mod fee;
pub mod holding;
pub mod ids;
pub mod money;
pub mod site;
pub mod structure;
pub mod surface;
pub mod territory;
pub mod tolerances;
pub mod workspace;

pub use call::{Application, Call, Weights};
pub use fee::{Fee, FeeUnit};
pub use holding::Holding;
pub use ids::{CallId, InseeCode, LotId, SectorCode, SiteId, StructureId};
pub use money::Money;
pub use site::{Feature, Lot, Programme, Site, SiteKind, SiteStatus, Source, UseType};
pub use structure::{
    Contact, Duration, DurationUnit, EpisodeKind, EpisodeOutcome, Jobs, LegalForm, Needs,
    PathwayEpisode, Personal, Structure,
};
pub use surface::Surface;
pub use territory::{City, ImpactFund, Sector, SectorFamily, Territory, Zone};
pub use tolerances::Tolerances;
pub use workspace::Workspace;
