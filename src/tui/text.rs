//! Wording of the interface, French first. Every message is an exhaustive `match`, so a
//! missing translation is a compile error. French typography: a non-breaking space (`\u{a0}`)
//! before `:` `;` `?` `!` and inside « ».

use crate::i18n::Lang;

macro_rules! messages {
    ($($name:ident => $fr:literal, $en:literal;)*) => {
        /// A fixed piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($name),*
        }

        impl Msg {
            pub fn get(self, lang: Lang) -> &'static str {
                match self {
                    $(Msg::$name => lang.pick($fr, $en)),*
                }
            }
        }
    };
}

messages! {
    TabSites => "Lieux", "Sites";
    TabStructures => "Structures", "Structures";
    TabCall => "Appel", "Call";
    TabPathway => "Parcours", "Pathway";
    TabTerritory => "Territoire", "Territory";
    ColName => "Nom", "Name";
    ColProgramme => "Programme", "Programme";
    ColKind => "Type", "Kind";
    ColCity => "Ville (zone)", "City (zone)";
    ColSurface => "Libre/total m²", "Free/total m²";
    ColFee => "€/m²/an", "€/m²/yr";
    ColAvailable => "Disponible", "Available";
    ColStatus => "Statut", "Status";
    ColEligible => "Éligibles", "Eligible";
    ColLegalForm => "Forme", "Legal form";
    ColSector => "Secteur", "Sector";
    ColNeed => "Besoin m²", "Need m²";
    ColBudget => "Budget/an", "Budget/yr";
    ColStage => "Étape", "Stage";
    ColOccupationEnd => "Fin occupation", "Occupation ends";
    ColBest => "Meilleur", "Best";
    ColZone => "Zone", "Zone";
    ColInsee => "INSEE", "INSEE";
    ColPopulation => "Population", "Population";
    ColQpv => "QPV", "QPV";
    ColSites => "Lieux", "Sites";
    ColLotsSurface => "m² des lots", "Lots m²";
    ColStructures => "Structures", "Structures";
    ColStructure => "Structure", "Structure";
    ColSite => "Lieu", "Site";
    ColScore => "Score", "Score";
    ColCriterion => "Critère", "Criterion";
    ColValue => "Valeur", "Value";
    ColWeight => "Poids", "Weight";
    ColContribution => "Points", "Points";
    RankedStructures => "Structures classées pour ce lieu", "Ranked structures for this site";
    RankedSites => "Lieux classés pour cette structure", "Ranked sites for this structure";
    ScoringUnavailable => "Aucun score\u{a0}: l’espace de travail n’a pas encore de lieu ou de structure.", "No scores: the workspace has no site or no structure yet.";
    NoMatch => "Aucune ligne ne correspond à la recherche ou aux filtres (Échap efface la recherche, f puis r les filtres).", "No row matches the search or the filters (Esc clears the search, f then r the filters).";
    NoCandidates => "Aucune candidature à classer.", "Nothing to rank.";
    IneligibleHidden => "inéligibles masquées", "ineligible hidden";
    Lots => "Lots", "Lots";
    Features => "Équipements", "Features";
    PrioritySectors => "Secteurs prioritaires", "Priority sectors";
    Sources => "Sources", "Sources";
    Illustrative => "⚠ Chiffres illustratifs (à remplacer par ceux de l’appel réel)\u{a0}:", "⚠ Illustrative figures (replace with the real call's):";
    Needs => "Besoins", "Needs";
    Pathway => "Parcours résidentiel", "Residential pathway";
    NoPathway => "Aucun épisode enregistré.", "No episode recorded.";
    Start => "Début", "Start";
    DurationLabel => "Durée", "Duration";
    Months => "mois", "months";
    PreferredCities => "Villes souhaitées", "Preferred cities";
    RequiredFeatures => "Équipements requis", "Required features";
    Address => "Adresse", "Address";
    Owner => "Propriétaire", "Owner";
    Total => "Total", "Total";
    Eligible => "Éligible", "Eligible";
    Ineligible => "Inéligible", "Ineligible";
    Reasons => "Motifs", "Reasons";
    LotRetained => "Lot retenu", "Lot retained";
    AnnualCost => "Coût annuel", "Annual cost";
    NoLot => "aucun lot ne convient", "no suitable lot";
    ScoreCardTitle => "Fiche de score", "Score card";
    CompareTitle => "Comparaison", "Comparison";
    CompareEmpty => "Rien à comparer pour ce lieu.", "Nothing to compare for this site.";
    WeightsTitle => "Poids des critères", "Criteria weights";
    WeightsHint => "↑↓ choisir · ←→ modifier · r rétablir · Échap fermer", "↑↓ choose · ←→ change · r reset · Esc close";
    FilterTitle => "Filtres", "Filters";
    FilterHint => "↑↓ choisir · ←→ changer · Espace basculer · r tout effacer · Échap fermer", "↑↓ choose · ←→ change · Space toggle · r clear all · Esc close";
    FilterAll => "tous", "all";
    FilterKind => "Type", "Kind";
    FilterProgramme => "Programme", "Programme";
    FilterCity => "Ville", "City";
    FilterZone => "Zone", "Zone";
    FilterStatus => "Statut", "Status";
    FilterSector => "Secteur", "Sector";
    FilterEligibleOnly => "Éligibles seulement", "Eligible only";
    Yes => "oui", "yes";
    No => "non", "no";
    HelpTitle => "Aide — touches", "Help — keys";
    TooSmall => "Fenêtre trop petite", "Window too small";
    Minimum => "minimum", "minimum";
    Workspace => "Espace", "Workspace";
    SearchPrompt => "Recherche", "Search";
    SearchKept => "filtre", "filter";
    NoCall => "Aucun appel dans l’espace de travail.", "No call in the workspace.";
    PathwayIntro => "Où en est chaque structure sur son parcours résidentiel\u{a0}: l’occupation qui se termine le plus tôt d’abord.", "Where each structure stands on its residential pathway: the occupation ending soonest first.";
    TerritoryIntro => "Les villes du territoire, leur zone, et les lieux, surfaces et structures de chacune.", "The territory's cities, their zone, and the sites, surfaces and structures of each.";
    PriorityZone => "prioritaire", "priority";
    Deadline => "Date limite", "Deadline";
    Applications => "candidatures", "applications";
    CompareMarked => "ajoutée à la comparaison", "added to the comparison";
    CompareUnmarked => "retirée de la comparaison", "removed from the comparison";
    CompareFull => "Trois structures au plus dans la comparaison.", "At most three structures in a comparison.";
    WeightsReset => "Poids rétablis.", "Weights reset.";
    ConfirmResetWeights => "Rétablir les poids de l’appel\u{a0}? (o / n)", "Reset the call's weights? (y / n)";
    NothingSelected => "Rien de sélectionné.", "Nothing selected.";
    Ongoing => "en cours", "ongoing";
    SiteOne => "lieu", "site";
    SiteCount => "lieux", "sites";
    StructureOne => "structure", "structure";
    StructureCount => "structures", "structures";
    CallOne => "appel", "call";
    CallCount => "appels", "calls";
    KeysFileRefused => "Fichier de touches refusé", "Key file refused";
    ApplicationOne => "candidature", "application";
    SelectedOne => "sélectionnée", "selected";
    SelectedMany => "sélectionnées", "selected";
    AlertOne => "alerte", "alert";
    AlertCount => "alertes", "alerts";
    ByRelevance => "(par pertinence)", "(by relevance)";
    IneligibleShown => "inéligibles montrées", "ineligible shown";
    IneligibleRow => "Inéligible pour ce lieu (motif dans la fiche de score ci-dessous).", "Ineligible for this site (reason in the score card below).";
    MarkFromRanking => "x marque une structure du classement\u{a0}: Entrée pour y aller, puis x.", "x marks a structure of the ranking: Enter to get there, then x.";
}

/// `label : ` with the French non-breaking space before the colon.
pub fn label_colon(label: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{label}\u{a0}: "),
        Lang::En => format!("{label}: "),
    }
}

/// `3 lieux`, `1 lieu`: French keeps 0 and 1 singular, English only 1.
pub fn count(n: usize, one: Msg, many: Msg, lang: Lang) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n} {}", if singular { one } else { many }.get(lang))
}
