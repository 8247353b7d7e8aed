//! Plain domain types: what the officer's data *is*. No disk, no terminal.

pub mod agreement;
pub mod call;
pub mod fee;
pub mod grant;
pub mod holding;
pub mod ids;
pub mod money;
pub mod site;
pub mod structure;
pub mod support;
pub mod surface;
pub mod territory;
pub mod tolerances;
pub mod workspace;

pub use agreement::{Agreement, AgreementKind};
pub use call::{Application, Call, Weights};
pub use fee::{Fee, FeeUnit};
pub use grant::{Grant, GrantPurpose};
pub use holding::Holding;
pub use ids::{CallId, InseeCode, LotId, SectorCode, SiteId, StructureId};
pub use money::Money;
pub use site::{Feature, Lot, Programme, Site, SiteKind, SiteStatus, Source, UseType};
pub use structure::{
    ApplicationRef, Contact, Duration, DurationUnit, EpisodeKind, EpisodeOutcome, Jobs, LegalForm,
    Needs, PathwayEpisode, Personal, Structure,
};
pub use support::{Support, SupportKind, SupportOrganisation};
pub use surface::Surface;
pub use territory::{
    City, FundEnvelope, ImpactFund, PathwaySettings, Sector, SectorFamily, Territory, Zone,
};
pub use tolerances::Tolerances;
pub use workspace::Workspace;
