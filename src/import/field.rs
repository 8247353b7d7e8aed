//! The fields an import fills, and the built-in mapping: the column headers the usual platforms
//! write for each, folded (see `header::fold_header`).
//!
//! Sources of the headers: Démarches Simplifiées' `DossierExportConcern#dossier_values_for_export`
//! (`ID`, `Email`, the `Établissement …` / `Entreprise …` block, `État du dossier`, `Déposé le`,
//! `Motivation de la décision`) and `TypesDeChamp::CommuneTypeDeChamp` (`<label> (Code
//! INSEE)`, `<label> (Département)`); Drupal webform's `webform_results_download_options`
//! (`Serial`, `SID`, `Submitted Time`… as Framaforms writes them); Google Forms' `Horodateur` /
//! `Timestamp` and `Adresse e-mail`; the rest are the labels officers give their questions.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    // Applications.
    Dossier,
    Email,
    ContactName,
    Phone,
    Name,
    Siret,
    LegalForm,
    Esus,
    CreatedOn,
    City,
    CityInsee,
    Sector,
    Description,
    Fte,
    InclusionPosts,
    PlannedLocalJobs,
    YouthLed,
    Surface,
    SurfaceMin,
    SurfaceMax,
    UseTypes,
    Features,
    Start,
    Duration,
    Budget,
    PreferredCities,
    Grant,
    DesiredSites,
    Status,
    Motivation,
    SubmittedOn,
    // Sites (with City, CityInsee, Features, Description shared).
    SiteId,
    SiteName,
    Programme,
    SiteKind,
    Address,
    Latitude,
    Longitude,
    Owner,
    AvailableFrom,
    AvailableUntil,
    MaxOccupation,
    TotalSurface,
    PrioritySectors,
    ExcludedSectors,
    CallDeadline,
    SiteStatus,
    LotId,
    LotLabel,
    LotSurface,
    LotUse,
    Divisible,
    Floor,
    LotAvailableFrom,
    Fee,
    FeeUnit,
    ChargesIncluded,
    ChargesProvision,
}

/// Which import a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Applications,
    Sites,
}

use Field::*;

pub const APPLICATION_FIELDS: &[Field] = &[
    Dossier,
    Name,
    Siret,
    LegalForm,
    Esus,
    CreatedOn,
    City,
    CityInsee,
    Sector,
    Description,
    Fte,
    InclusionPosts,
    PlannedLocalJobs,
    YouthLed,
    Surface,
    SurfaceMin,
    SurfaceMax,
    UseTypes,
    Features,
    Start,
    Duration,
    Budget,
    PreferredCities,
    Grant,
    DesiredSites,
    Status,
    Motivation,
    SubmittedOn,
    ContactName,
    Email,
    Phone,
];

pub const SITE_FIELDS: &[Field] = &[
    SiteId,
    SiteName,
    Programme,
    SiteKind,
    City,
    CityInsee,
    Address,
    Latitude,
    Longitude,
    Owner,
    AvailableFrom,
    AvailableUntil,
    MaxOccupation,
    TotalSurface,
    Features,
    PrioritySectors,
    ExcludedSectors,
    CallDeadline,
    SiteStatus,
    Description,
    LotId,
    LotLabel,
    LotSurface,
    LotUse,
    Divisible,
    Floor,
    LotAvailableFrom,
    Fee,
    FeeUnit,
    ChargesIncluded,
    ChargesProvision,
];

/// Columns the platforms write that the import knows and leaves aside (not reported as unknown).
pub const KNOWN_UNUSED: &[&str] = &[
    "franceconnect",
    "a archiver",
    "archive",
    "derniere mise a jour le",
    "derniere mise a jour du dossier le",
    "passe en instruction le",
    "traite le",
    "instructeurs",
    "groupe instructeur",
    "civilite",
    "prenom",
    "depot pour un tiers",
    "entreprise siret siege social",
    "etablissement siege social",
    "etablissement naf",
    "etablissement libelle naf",
    "etablissement adresse",
    "etablissement numero voie",
    "etablissement type voie",
    "etablissement nom voie",
    "etablissement complement adresse",
    "etablissement code postal",
    "entreprise siren",
    "entreprise capital social",
    "entreprise numero tva intracommunautaire",
    "entreprise forme juridique code",
    "entreprise nom commercial",
    "entreprise code effectif entreprise",
    "entreprise etat administratif",
    "entreprise nom",
    "entreprise prenom",
    "association rna",
    "association date de declaration",
    "association date de publication",
    "serial",
    "completed time",
    "modified time",
    "draft",
    "ip address",
    "uid",
    "username",
    "champ",
    "dossier id",
];

impl Field {
    pub fn target(self) -> Target {
        if APPLICATION_FIELDS.contains(&self) {
            Target::Applications
        } else {
            Target::Sites
        }
    }

    pub fn belongs_to(self, target: Target) -> bool {
        match target {
            Target::Applications => APPLICATION_FIELDS.contains(&self),
            Target::Sites => SITE_FIELDS.contains(&self),
        }
    }

    /// The name used in a `--mapping` file.
    pub fn code(self) -> &'static str {
        self.spec().0
    }

    /// The column title the template writes, and the one a missing column is reported under.
    pub fn title(self, lang: Lang) -> &'static str {
        let (_, fr, en, _, _) = self.spec();
        lang.pick(fr, en)
    }

    /// Folded headers that mean this field, most specific first.
    pub fn aliases(self) -> &'static [&'static str] {
        self.spec().3
    }

    /// Accepted values, for the template's README.
    pub fn accepted(self, lang: Lang) -> &'static str {
        let (fr, en) = self.spec().4;
        lang.pick(fr, en)
    }

    /// Several values in one cell (or one Framaforms column per option).
    pub fn is_multiple(self) -> bool {
        matches!(
            self,
            UseTypes
                | Features
                | PreferredCities
                | DesiredSites
                | PrioritySectors
                | ExcludedSectors
        )
    }

    /// Mandatory to create a record (an update keeps what the file does not say).
    pub fn required(self) -> bool {
        matches!(
            self,
            Name | LegalForm
                | CreatedOn
                | City
                | Sector
                | Surface
                | UseTypes
                | Start
                | Duration
                | Budget
                | SiteName
                | Programme
                | SiteKind
                | Address
                | Owner
                | AvailableFrom
                | SiteStatus
        )
    }

    #[allow(clippy::type_complexity)]
    fn spec(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
        (&'static str, &'static str),
    ) {
        const TEXT: (&str, &str) = ("texte libre", "free text");
        const DATE: (&str, &str) = (
            "date : 03/11/2026, 2026-11-03, 2026-11-03 10:15:42 +0100",
            "date: 03/11/2026, 2026-11-03, 2026-11-03 10:15:42 +0100",
        );
        const YES_NO: (&str, &str) = (
            "Oui / Non (aussi on/off, X, vrai/faux, 1/0)",
            "Oui / Non (also on/off, X, true/false, 1/0)",
        );
        const MONEY: (&str, &str) = (
            "montant en euros : 12 000 €, 12000, 1 000,50, 35000.0",
            "amount in euros: 12 000 €, 12000, 1 000,50, 35000.0",
        );
        const CITY: (&str, &str) = (
            "nom de la ville, avec ou sans article ni accents (Pre St Gervais), ou code INSEE ; hors territoire : conservée et signalée",
            "city name, with or without article or accents (Pre St Gervais), or INSEE code; outside the territory: kept and flagged",
        );
        const COUNT: (&str, &str) = ("nombre entier", "whole number");
        match self {
            Dossier => (
                "dossier",
                "N° de dossier",
                "Dossier number",
                &[
                    "id",
                    "numero de dossier",
                    "n de dossier",
                    "n dossier",
                    "numero du dossier",
                    "dossier",
                    "sid",
                    "identifiant du dossier",
                ],
                (
                    "numéro donné par la plateforme (ID, SID) : un second import le met à jour au lieu de le dupliquer",
                    "number given by the platform (ID, SID): a second import updates it instead of duplicating",
                ),
            ),
            Email => (
                "email",
                "Email",
                "Email",
                &[
                    "email",
                    "e mail",
                    "adresse e mail",
                    "adresse email",
                    "courriel",
                    "adresse electronique",
                    "email address",
                    "mail",
                ],
                TEXT,
            ),
            ContactName => (
                "contact_name",
                "Nom du contact",
                "Contact name",
                &[
                    "nom du contact",
                    "contact",
                    "personne a contacter",
                    "nom et prenom du contact",
                    "personne referente",
                    "referent",
                    "nom du representant",
                    "representant legal",
                    "prenom et nom",
                    "nom et prenom",
                ],
                TEXT,
            ),
            Phone => (
                "phone",
                "Téléphone",
                "Phone",
                &[
                    "telephone",
                    "tel",
                    "numero de telephone",
                    "telephone du contact",
                    "portable",
                ],
                TEXT,
            ),
            Name => (
                "name",
                "Raison sociale",
                "Name",
                &[
                    "entreprise raison sociale",
                    "raison sociale",
                    "nom de la structure",
                    "structure",
                    "nom de l association",
                    "nom de l organisation",
                    "denomination",
                    "nom de la structure candidate",
                    "structure candidate",
                    "nom de votre structure",
                    "nom de votre association",
                    "association titre",
                    "nom",
                ],
                (
                    "nom de la structure (obligatoire)",
                    "name of the structure (mandatory)",
                ),
            ),
            Siret => (
                "siret",
                "SIRET",
                "SIRET",
                &[
                    "etablissement siret",
                    "siret",
                    "numero siret",
                    "n siret",
                    "siret de la structure",
                    "numero de siret",
                ],
                (
                    "14 chiffres, espaces permis ; obligatoire sauf collectif informel ; « 8,41520E+13 » (abîmé par un tableur) est refusé",
                    "14 digits, spaces allowed; mandatory except for informal collectives; « 8,41520E+13 » (damaged by a spreadsheet) is refused",
                ),
            ),
            LegalForm => (
                "legal_form",
                "Forme juridique",
                "Legal form",
                &[
                    "entreprise forme juridique",
                    "forme juridique",
                    "statut juridique",
                    "forme juridique de la structure",
                    "statut de la structure",
                ],
                (
                    "association (loi 1901, déclarée), SCOP (SCOP SARL…), SCIC, CAE, coopérative, SAS ESUS / SARL ESUS, fondation, mutuelle, entreprise d’insertion, ETTI, association intermédiaire, ACI, EA/ESAT, EBE, artiste, collectif informel",
                    "association (loi 1901, déclarée), SCOP (SCOP SARL…), SCIC, CAE, coopérative, SAS ESUS / SARL ESUS, fondation, mutuelle, entreprise d’insertion, ETTI, association intermédiaire, ACI, EA/ESAT, EBE, artiste, collectif informel",
                ),
            ),
            Esus => (
                "esus",
                "Agrément ESUS",
                "ESUS agreement",
                &[
                    "agrement esus",
                    "esus",
                    "agreee esus",
                    "agrement entreprise solidaire d utilite sociale",
                ],
                YES_NO,
            ),
            CreatedOn => (
                "created_on",
                "Date de création",
                "Creation date",
                &[
                    "entreprise date de creation",
                    "date de creation",
                    "association date de creation",
                    "date de creation de la structure",
                    "annee de creation",
                    "cree le",
                ],
                (
                    "date (une année seule donne le 1er janvier, signalé)",
                    "date (a year alone gives 1 January, flagged)",
                ),
            ),
            City => (
                "city",
                "Commune",
                "City",
                &[
                    "commune",
                    "ville",
                    "commune du siege",
                    "ville du siege",
                    "commune d implantation",
                    "ville d implantation",
                    "etablissement localite",
                    "localite",
                    "commune de la structure",
                    "ville de la structure",
                    "siege social",
                ],
                CITY,
            ),
            CityInsee => (
                "city_insee",
                "Code INSEE",
                "INSEE code",
                &[
                    "code insee",
                    "etablissement code insee localite",
                    "code insee de la commune",
                    "code commune",
                ],
                (
                    "code INSEE (5 caractères) ; prime sur le nom",
                    "INSEE code (5 characters); wins over the name",
                ),
            ),
            Sector => (
                "sector",
                "Secteur",
                "Sector",
                &[
                    "secteur",
                    "secteur d activite",
                    "domaine d activite",
                    "filiere",
                    "activite",
                    "secteur d activite principal",
                ],
                (
                    "secteur de la nomenclature du territoire, par son nom ou son code (sinon les plus proches sont proposés)",
                    "a sector of the territory's taxonomy, by name or code (else the closest are suggested)",
                ),
            ),
            Description => (
                "description",
                "Description",
                "Description",
                &[
                    "description",
                    "description du projet",
                    "presentation du projet",
                    "presentation de la structure",
                    "projet",
                    "objet",
                    "association objet",
                    "description de l activite",
                    "presentation",
                ],
                TEXT,
            ),
            Fte => (
                "fte",
                "ETP",
                "FTE",
                &[
                    "etp",
                    "nombre d etp",
                    "effectif etp",
                    "effectif",
                    "salaries etp",
                    "nombre de salaries",
                    "equivalents temps plein",
                ],
                (
                    "nombre, virgule décimale permise (0 par défaut)",
                    "number, decimal comma allowed (0 by default)",
                ),
            ),
            InclusionPosts => (
                "inclusion_posts",
                "Postes en insertion",
                "Inclusion posts",
                &[
                    "postes en insertion",
                    "salaries en insertion",
                    "nombre de postes en insertion",
                    "postes d insertion",
                ],
                COUNT,
            ),
            PlannedLocalJobs => (
                "planned_local_jobs",
                "Emplois prévus",
                "Planned jobs",
                &[
                    "emplois prevus",
                    "emplois locaux prevus",
                    "creations d emplois prevues",
                    "emplois crees sur le territoire",
                    "nombre d emplois prevus",
                ],
                COUNT,
            ),
            YouthLed => (
                "youth_led",
                "Portée par des jeunes",
                "Youth-led",
                &[
                    "portee par des jeunes",
                    "structure portee par des jeunes",
                    "porteur de moins de 30 ans",
                    "jeunes porteurs",
                ],
                YES_NO,
            ),
            Surface => (
                "surface",
                "Surface souhaitée (m²)",
                "Wished surface (m²)",
                &[
                    "surface souhaitee",
                    "surface",
                    "surface recherchee",
                    "besoin en surface",
                    "surface demandee",
                    "surface necessaire",
                ],
                (
                    "80, 80 m², 80-120, entre 60 et 100 m² (une fourchette donne le minimum et le maximum) ; ou deux colonnes minimum et maximum",
                    "80, 80 m², 80-120, entre 60 et 100 m² (a range gives minimum and maximum); or two columns minimum and maximum",
                ),
            ),
            SurfaceMin => (
                "surface_min",
                "Surface minimale (m²)",
                "Minimum surface (m²)",
                &["surface minimale", "surface min", "surface minimum"],
                ("surface en m²", "surface in m²"),
            ),
            SurfaceMax => (
                "surface_max",
                "Surface maximale (m²)",
                "Maximum surface (m²)",
                &["surface maximale", "surface max", "surface maximum"],
                ("surface en m²", "surface in m²"),
            ),
            UseTypes => (
                "use_types",
                "Type de local",
                "Kind of premises",
                &[
                    "type de local",
                    "types de local",
                    "type de locaux",
                    "type s de local",
                    "usage",
                    "usages",
                    "type d usage",
                    "nature du local",
                    "type d espace",
                    "usage souhaite",
                ],
                (
                    "bureau, atelier, stockage, boutique, extérieur, mixte (plusieurs, séparés par « , » ou « ; »)",
                    "bureau, atelier, stockage, boutique, extérieur, mixte (several, separated by « , » or « ; »)",
                ),
            ),
            Features => (
                "features",
                "Équipements",
                "Features",
                &[
                    "equipements",
                    "equipements requis",
                    "equipements necessaires",
                    "besoins techniques",
                    "equipements souhaites",
                ],
                (
                    "accueil du public, accès de plain-pied, rez-de-chaussée, point d’eau, courant triphasé, accès poids lourds, fibre, espace extérieur, cuisine, réserve",
                    "accueil du public, accès de plain-pied, rez-de-chaussée, point d’eau, courant triphasé, accès poids lourds, fibre, espace extérieur, cuisine, réserve",
                ),
            ),
            Start => (
                "start",
                "Date de début souhaitée",
                "Wished start",
                &[
                    "date de debut souhaitee",
                    "date de debut",
                    "date d entree souhaitee",
                    "debut souhaite",
                    "date d installation souhaitee",
                    "date d entree dans les lieux",
                    "a partir de",
                    "debut de l occupation",
                ],
                DATE,
            ),
            Duration => (
                "duration",
                "Durée souhaitée",
                "Wished duration",
                &[
                    "duree souhaitee",
                    "duree",
                    "duree d occupation",
                    "duree d occupation souhaitee",
                    "duree de l occupation",
                ],
                (
                    "24 mois, 2 ans, 2,5 ans ; un nombre seul compte en mois",
                    "24 mois, 2 ans, 2,5 ans; a bare number counts in months",
                ),
            ),
            Budget => (
                "budget",
                "Budget annuel maximum (€)",
                "Maximum annual budget (€)",
                &[
                    "budget annuel maximum",
                    "budget annuel",
                    "budget",
                    "loyer maximum",
                    "loyer annuel maximum",
                    "budget loyer",
                    "budget annuel pour le local",
                    "capacite de paiement annuelle",
                    "budget maximum",
                ],
                MONEY,
            ),
            PreferredCities => (
                "preferred_cities",
                "Communes souhaitées",
                "Preferred cities",
                &[
                    "communes souhaitees",
                    "villes souhaitees",
                    "communes preferees",
                    "localisation souhaitee",
                    "villes preferees",
                ],
                (
                    "villes du territoire, séparées par « , » ou « ; »",
                    "cities of the territory, separated by « , » or « ; »",
                ),
            ),
            Grant => (
                "grant",
                "Subvention demandée (€)",
                "Grant requested (€)",
                &[
                    "subvention demandee",
                    "montant demande",
                    "fonds a impact",
                    "montant sollicite",
                    "aide demandee",
                    "demande au fonds a impact",
                    "montant de la subvention",
                ],
                (
                    "montant en euros ; au-delà du plafond du fonds à impact : signalé et non repris",
                    "amount in euros; above the impact fund's cap: flagged and not taken",
                ),
            ),
            DesiredSites => (
                "desired_sites",
                "Lieux souhaités",
                "Wished sites",
                &[
                    "lieux souhaites",
                    "sites souhaites",
                    "lieu souhaite",
                    "site souhaite",
                    "lieux",
                    "sites",
                    "lieux vises",
                    "sites vises",
                    "lieu s souhaite s",
                    "lieu x souhaite s",
                    "choix du lieu",
                    "choix des lieux",
                ],
                (
                    "noms des lieux de l’appel (plusieurs séparés par « , » ou « ; ») ; vide : tous les lieux de l’appel",
                    "names of the call's sites (several separated by « , » or « ; »); empty: every site of the call",
                ),
            ),
            Status => (
                "status",
                "État du dossier",
                "State",
                &[
                    "etat du dossier",
                    "etat",
                    "statut de la candidature",
                    "statut du dossier",
                    "etat de la candidature",
                ],
                (
                    "En construction, En instruction, Accepté, Refusé, Classé sans suite (pris pour les nouvelles candidatures seulement ; une décision prise dans ancrage n’est jamais changée)",
                    "En construction, En instruction, Accepté, Refusé, Classé sans suite (taken for new applications only; a decision made in ancrage is never changed)",
                ),
            ),
            Motivation => (
                "motivation",
                "Motivation de la décision",
                "Motivation",
                &["motivation de la decision", "motivation"],
                TEXT,
            ),
            SubmittedOn => (
                "submitted_on",
                "Déposé le",
                "Submitted on",
                &[
                    "depose le",
                    "date de depot",
                    "horodateur",
                    "timestamp",
                    "submitted time",
                    "date de soumission",
                    "date de la candidature",
                    "horodatage",
                ],
                DATE,
            ),
            SiteId => (
                "site_id",
                "Identifiant du lieu",
                "Site id",
                &[
                    "identifiant du lieu",
                    "id du lieu",
                    "id lieu",
                    "site id",
                    "identifiant",
                ],
                (
                    "identifiant (minuscules, chiffres, tirets) ; sinon dérivé du nom",
                    "id (lowercase, digits, dashes); else derived from the name",
                ),
            ),
            SiteName => (
                "site_name",
                "Lieu",
                "Site",
                &["nom du lieu", "lieu", "site", "nom du site", "nom"],
                TEXT,
            ),
            Programme => (
                "programme",
                "Programme",
                "Programme",
                &["programme", "dispositif"],
                (
                    "AMI Temp'O, Usine des transitions, pépinière, hôtel d'activités, lot de ZAC, pôle économie circulaire, autre",
                    "AMI Temp'O, Usine des transitions, pépinière, hôtel d'activités, lot de ZAC, pôle économie circulaire, autre",
                ),
            ),
            SiteKind => (
                "site_kind",
                "Type de lieu",
                "Kind of site",
                &["type de lieu", "nature du lieu", "type"],
                (
                    "transitoire, pépinière, pérenne",
                    "transitoire, pépinière, pérenne",
                ),
            ),
            Address => (
                "address",
                "Adresse",
                "Address",
                &["adresse", "adresse du lieu", "adresse postale"],
                TEXT,
            ),
            Latitude => (
                "latitude",
                "Latitude",
                "Latitude",
                &["latitude", "lat"],
                (
                    "degrés décimaux ; vide : centre de la ville (signalé)",
                    "decimal degrees; empty: city centre (flagged)",
                ),
            ),
            Longitude => (
                "longitude",
                "Longitude",
                "Longitude",
                &["longitude", "lon", "lng"],
                (
                    "degrés décimaux ; vide : centre de la ville (signalé)",
                    "decimal degrees; empty: city centre (flagged)",
                ),
            ),
            Owner => (
                "owner",
                "Propriétaire",
                "Owner",
                &[
                    "proprietaire",
                    "amenageur",
                    "proprietaire ou amenageur",
                    "bailleur",
                    "gestionnaire",
                ],
                TEXT,
            ),
            AvailableFrom => (
                "available_from",
                "Disponible à partir du",
                "Available from",
                &[
                    "disponible a partir du",
                    "date de disponibilite",
                    "disponible le",
                    "disponibilite",
                ],
                DATE,
            ),
            AvailableUntil => (
                "available_until",
                "Disponible jusqu’au",
                "Available until",
                &[
                    "disponible jusqu au",
                    "fin de disponibilite",
                    "date de fin",
                    "liberation des lieux",
                ],
                DATE,
            ),
            MaxOccupation => (
                "max_occupation",
                "Durée maximale d’occupation",
                "Longest occupation",
                &[
                    "duree maximale d occupation",
                    "duree maximale",
                    "duree d occupation maximale",
                ],
                ("24 mois, 2 ans", "24 mois, 2 ans"),
            ),
            TotalSurface => (
                "total_surface",
                "Surface totale (m²)",
                "Total surface (m²)",
                &[
                    "surface totale",
                    "surface du lieu",
                    "surface totale du lieu",
                ],
                ("surface en m²", "surface in m²"),
            ),
            PrioritySectors => (
                "priority_sectors",
                "Secteurs prioritaires",
                "Priority sectors",
                &["secteurs prioritaires", "secteurs cibles"],
                (
                    "secteurs de la nomenclature, séparés par « ; »",
                    "sectors of the taxonomy, separated by « ; »",
                ),
            ),
            ExcludedSectors => (
                "excluded_sectors",
                "Secteurs exclus",
                "Excluded sectors",
                &["secteurs exclus"],
                (
                    "secteurs de la nomenclature, séparés par « ; »",
                    "sectors of the taxonomy, separated by « ; »",
                ),
            ),
            CallDeadline => (
                "call_deadline",
                "Date limite de candidature",
                "Call deadline",
                &[
                    "date limite de candidature",
                    "date limite",
                    "date limite de depot",
                ],
                DATE,
            ),
            SiteStatus => (
                "site_status",
                "État du lieu",
                "Site status",
                &["etat du lieu", "statut du lieu", "statut"],
                (
                    "à venir, ouvert, occupé, fermé",
                    "à venir, ouvert, occupé, fermé",
                ),
            ),
            LotId => (
                "lot_id",
                "Identifiant du lot",
                "Lot id",
                &["identifiant du lot", "id du lot", "id lot", "lot id"],
                (
                    "identifiant ; sinon dérivé de l’intitulé",
                    "id; else derived from the label",
                ),
            ),
            LotLabel => (
                "lot_label",
                "Lot",
                "Lot",
                &["intitule du lot", "nom du lot", "libelle du lot", "lot"],
                (
                    "intitulé du lot ; une ligne par lot, les colonnes du lieu répétées",
                    "label of the lot; one row per lot, the site's columns repeated",
                ),
            ),
            LotSurface => (
                "lot_surface",
                "Surface du lot (m²)",
                "Lot surface (m²)",
                &["surface du lot", "surface"],
                ("surface en m²", "surface in m²"),
            ),
            LotUse => (
                "lot_use",
                "Usage du lot",
                "Lot use",
                &["usage du lot", "usage", "type de local"],
                (
                    "bureau, atelier, stockage, boutique, extérieur, mixte",
                    "bureau, atelier, stockage, boutique, extérieur, mixte",
                ),
            ),
            Divisible => (
                "divisible",
                "Divisible",
                "Divisible",
                &["divisible", "lot divisible"],
                YES_NO,
            ),
            Floor => (
                "floor",
                "Étage",
                "Floor",
                &["etage", "niveau"],
                (
                    "0 pour le rez-de-chaussée, -1 pour le sous-sol",
                    "0 for the ground floor, -1 for the basement",
                ),
            ),
            LotAvailableFrom => (
                "lot_available_from",
                "Lot disponible à partir du",
                "Lot available from",
                &["lot disponible a partir du", "disponibilite du lot"],
                DATE,
            ),
            Fee => (
                "fee",
                "Redevance (€)",
                "Fee (€)",
                &[
                    "redevance",
                    "loyer",
                    "montant de la redevance",
                    "montant du loyer",
                ],
                MONEY,
            ),
            FeeUnit => (
                "fee_unit",
                "Unité de la redevance",
                "Fee unit",
                &["unite de la redevance", "unite du loyer", "unite"],
                (
                    "€/m²/mois, €/m²/an, forfait mensuel",
                    "€/m²/mois, €/m²/an, forfait mensuel",
                ),
            ),
            ChargesIncluded => (
                "charges_included",
                "Charges comprises",
                "Charges included",
                &["charges comprises", "charges incluses"],
                YES_NO,
            ),
            ChargesProvision => (
                "charges_provision",
                "Provision mensuelle pour charges (€)",
                "Monthly charges provision (€)",
                &[
                    "provision mensuelle pour charges",
                    "provision pour charges",
                    "provision sur charges",
                ],
                MONEY,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::header::fold_header;

    #[test]
    fn aliases_are_written_folded() {
        for field in APPLICATION_FIELDS.iter().chain(SITE_FIELDS) {
            for alias in field.aliases() {
                assert_eq!(fold_header(alias), *alias, "{field:?}");
            }
            assert_eq!(
                fold_header(field.title(Lang::Fr)),
                fold_header(field.title(Lang::Fr))
            );
        }
        for alias in KNOWN_UNUSED {
            assert_eq!(fold_header(alias), *alias);
        }
    }

    #[test]
    fn template_titles_resolve_to_their_field() {
        for target in [Target::Applications, Target::Sites] {
            let fields = match target {
                Target::Applications => APPLICATION_FIELDS,
                Target::Sites => SITE_FIELDS,
            };
            for field in fields {
                let title = fold_header(field.title(Lang::Fr));
                assert_eq!(
                    crate::import::mapping::builtin(&title, target),
                    Some(*field),
                    "{title}"
                );
            }
        }
    }
}
