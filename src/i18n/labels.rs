//! French and English names of the domain's enumerations, shared by every layer that shows
//! them (score cards, the cockpit, jury files).

use super::Lang;
use crate::domain::{
    AgreementKind, EpisodeKind, EpisodeOutcome, Feature, GrantPurpose, LegalForm, Programme,
    SiteKind, SiteStatus, SupportKind, UseType, Zone,
};

pub trait Label {
    fn label(&self, lang: Lang) -> &'static str;
}

/// Implements `Label` from a table of `Variant => ("français", "English")`; the match is
/// exhaustive, so a new variant without a name does not compile.
macro_rules! labels {
    ($ty:ty { $($variant:ident => ($fr:expr, $en:expr)),+ $(,)? }) => {
        impl Label for $ty {
            fn label(&self, lang: Lang) -> &'static str {
                let (fr, en) = match self {
                    $(<$ty>::$variant => ($fr, $en),)+
                };
                lang.pick(fr, en)
            }
        }
    };
}

labels!(SiteKind {
    Transitional => ("transitoire", "transitional"),
    Incubator => ("pépinière", "incubator"),
    Permanent => ("pérenne", "permanent"),
});

labels!(Programme {
    Tempo => ("AMI Temp'O", "Temp'O call"),
    UsineDesTransitions => ("Usine des transitions", "Usine des transitions"),
    Incubator => ("pépinière", "incubator"),
    BusinessHotel => ("hôtel d'activités", "business hotel"),
    ZacLot => ("lot de ZAC", "ZAC lot"),
    CircularEconomyPole => ("pôle économie circulaire", "circular-economy pole"),
    Other => ("autre", "other"),
});

labels!(SiteStatus {
    Upcoming => ("à venir", "upcoming"),
    Open => ("ouvert", "open"),
    Occupied => ("occupé", "occupied"),
    Closed => ("fermé", "closed"),
});

labels!(UseType {
    Office => ("bureau", "office"),
    Workshop => ("atelier", "workshop"),
    Storage => ("stockage", "storage"),
    Shop => ("boutique", "shop"),
    Outdoor => ("extérieur", "outdoor"),
    Mixed => ("mixte", "mixed"),
});

labels!(Feature {
    PublicReception => ("accueil du public", "public reception"),
    StepFreeAccess => ("accès de plain-pied", "step-free access"),
    GroundFloor => ("rez-de-chaussée", "ground floor"),
    Water => ("point d'eau", "water"),
    ThreePhasePower => ("courant triphasé", "three-phase power"),
    TruckAccess => ("accès poids lourds", "truck access"),
    Fibre => ("fibre", "fibre"),
    OutdoorSpace => ("espace extérieur", "outdoor space"),
    Kitchen => ("cuisine", "kitchen"),
    Storage => ("réserve", "storage room"),
});

labels!(Zone {
    Ouest => ("Ouest", "West"),
    Nord => ("Nord", "North"),
    Est => ("Est", "East"),
});

labels!(EpisodeKind {
    Incubation => ("pépinière", "incubator"),
    Transitional => ("occupation temporaire", "temporary occupation"),
    Permanent => ("local pérenne", "permanent premises"),
    Other => ("autre local", "other premises"),
});

labels!(EpisodeOutcome {
    Planned => ("prévu", "planned"),
    Ongoing => ("en cours", "ongoing"),
    MovedOn => ("étape suivante", "moved on"),
    LeftTerritory => ("a quitté le territoire", "left the territory"),
    Ceased => ("activité arrêtée", "ceased"),
});

labels!(AgreementKind {
    ConventionOccupationPrecaire => ("convention d'occupation précaire", "precarious occupation agreement"),
    ConventionOccupationTemporaire => ("convention d'occupation temporaire", "temporary occupation agreement"),
    BailDerogatoire => ("bail dérogatoire", "short commercial lease (bail dérogatoire)"),
    BailCommercial => ("bail commercial", "commercial lease"),
    BailEmphyteotique => ("bail emphytéotique", "long lease (bail emphytéotique)"),
    Other => ("autre convention", "other agreement"),
});

labels!(GrantPurpose {
    Fonctionnement => ("fonctionnement", "running costs"),
    Investissement => ("investissement", "investment"),
});

labels!(SupportKind {
    Incubation => ("incubation", "incubation"),
    Dla => ("DLA (dispositif local d'accompagnement)", "DLA (local support scheme)"),
    Financing => ("financement", "financing"),
    Mentoring => ("parrainage", "mentoring"),
    Other => ("autre accompagnement", "other support"),
});

labels!(LegalForm {
    Association => ("association loi 1901", "association"),
    Scop => ("SCOP", "worker cooperative (SCOP)"),
    Scic => ("SCIC", "multi-stakeholder cooperative (SCIC)"),
    Cae => ("CAE", "business and employment cooperative (CAE)"),
    OtherCooperative => ("autre coopérative", "other cooperative"),
    CommercialEsus => ("société commerciale ESUS", "ESUS-approved company"),
    Fondation => ("fondation", "foundation"),
    Mutuelle => ("mutuelle", "mutual"),
    EntrepriseInsertion => ("entreprise d'insertion", "work-integration enterprise"),
    Etti => ("ETTI", "temporary work-integration agency (ETTI)"),
    AssociationIntermediaire => ("association intermédiaire", "intermediary association"),
    AtelierChantierInsertion => ("atelier et chantier d'insertion", "integration workshop (ACI)"),
    EaEsat => ("EA / ESAT", "sheltered employment (EA/ESAT)"),
    Ebe => ("EBE", "job-creating enterprise (EBE)"),
    Artist => ("artiste", "artist"),
    InformalCollective => ("collectif informel", "informal collective"),
});

/// Joins labels with commas: `atelier, stockage`.
pub fn join<T: Label>(items: &[T], lang: Lang) -> String {
    items
        .iter()
        .map(|i| i.label(lang))
        .collect::<Vec<_>>()
        .join(", ")
}
