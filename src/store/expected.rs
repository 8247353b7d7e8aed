//! What a workspace file should have held: the wording of every problem, in one place, French
//! and English, as an exhaustive `match` so a missing translation does not compile.

use crate::domain::{Money, Surface};
use crate::i18n::{self, Lang, NBSP};
use crate::store::atomic::FileKind;
use crate::store::serde_message::translate;
use chrono::NaiveDate;
use std::path::PathBuf;

/// Why a symbolic link in a workspace folder is not followed.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkProblem {
    Dangling,
    Loop,
    /// It leads out of the workspace (to this place).
    Outside(PathBuf),
    NotRegular(FileKind),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// No workspace at the given place.
    Workspace,
    /// A file the workspace needs is absent.
    PresentFile,
    /// Something other than a regular file where data is expected (a folder named `x.json`,
    /// a FIFO, a device).
    RegularFile(FileKind),
    /// Something other than a folder where a workspace folder is expected.
    Folder(FileKind),
    /// A symbolic link that cannot be followed safely.
    LinkTarget(LinkProblem),
    /// A file name that is not valid UTF-8.
    Utf8Name,
    /// `X.JSON`, `x.Json`: read only when spelt `.json`.
    LowercaseExtension {
        name: String,
    },
    /// The file could not be read (permissions, not UTF-8…); carries the system's message.
    ReadableFile(String),
    /// Malformed JSON; carries serde_json's message.
    WellFormedJson(String),
    /// The file stops in the middle of a value.
    CompleteFile,
    /// A JSON object at the top of the file.
    TopLevelObject,
    /// `schema_version` absent or not a non-negative integer.
    SchemaVersion,
    /// Written by a newer ancrage.
    KnownSchemaVersion {
        found: u64,
        known: u32,
    },
    /// `schema_version` says an older version than the content's shape (an envelope is 1+).
    VersionOfContent {
        found: u32,
        known: u32,
    },
    /// The typed decode failed; carries serde's message (`missing field`, `unknown variant`…).
    ValidContent(String),
    /// `sites/<id>.json` must hold the site `<id>`.
    FileNamedAfterId {
        id: String,
    },
    Slug,
    /// The id is already used, first in `first` (a workspace-relative path and field).
    UniqueId {
        first: String,
    },
    KnownCity,
    KnownSector,
    KnownSite,
    KnownLot {
        site: String,
    },
    KnownStructure,
    /// An application names a site the call does not offer.
    SiteOfCall {
        call: String,
    },
    /// A lot on a pathway episode names no site.
    SiteForLot,
    SurfaceInRange,
    /// A need whose maximum surface is 0 m².
    SomeSurface,
    MoneyInRange,
    FiniteNumber,
    FteInRange,
    /// A minimum surface above its maximum.
    AtMostMaximum {
        max: Surface,
    },
    /// A start after its end.
    NotAfter {
        end: NaiveDate,
    },
    LotsWithinTotal {
        lots: Surface,
        total: Surface,
    },
    GrantWithinCap {
        cap: Money,
    },
    CapWithinEnvelope {
        envelope: Money,
    },
    /// Two episodes of one pathway cover the same days.
    NoOverlap {
        other: String,
    },
    /// Episodes are listed oldest first.
    Chronological,
    Siret,
    NonZeroDuration,
    NonNegativeWeight,
    SomeWeight,
    /// A matching tolerance: a fraction in ]0, 10], or a day count in [0, 3650].
    Tolerance,
    /// Coordinates near the territory (bounding box of its cities, widened).
    NearTerritory {
        lat: (f64, f64),
        lon: (f64, f64),
    },
    SomeCity,
    /// A call of calls/.
    KnownCall,
    /// An application of the call (this structure for this site).
    KnownApplication {
        call: String,
    },
    /// An end before its start.
    NotBefore {
        start: NaiveDate,
    },
    /// A notice period longer than the agreement it ends.
    NoticeWithinTerm {
        months: u32,
    },
    /// Planned episodes come after the lived ones.
    PlannedLast,
    /// More granted than requested.
    GrantedWithinRequested {
        requested: Money,
    },
    /// A structure's grants of one year add up above the cap per structure.
    GrantsWithinCap {
        year: i32,
        cap: Money,
        total: Money,
    },
    /// The grants of one year add up above its envelope.
    YearWithinEnvelope {
        year: i32,
        envelope: Money,
        total: Money,
    },
    /// A grant's year has no envelope (neither its own nor an earlier one).
    EnvelopeForYear {
        year: i32,
    },
    /// A year between 2000 and 2100.
    PlausibleYear,
    /// Envelope years listed once each, oldest first.
    YearsInOrder,
    /// An organisation of territory.json, support_organisations.
    KnownSupportOrganisation,
    /// Worded where the problem was found, in both languages (review and journal checks).
    Said {
        fr: String,
        en: String,
    },
}

impl Expected {
    pub fn text(&self, lang: Lang) -> String {
        let surface_max = i18n::surface(Surface::m2(Surface::ABSURD), lang);
        let money_max = i18n::money(crate::store::validate::ABSURD_MONEY, lang);
        match (self, lang) {
            (Expected::Workspace, Lang::Fr) => {
                format!("un espace de travail (territory.json, sites/, structures/, calls/){NBSP}: lancez `ancrage init` pour le créer")
            }
            (Expected::Workspace, Lang::En) => {
                "a workspace (territory.json, sites/, structures/, calls/): run `ancrage init` to create one".into()
            }
            (Expected::PresentFile, Lang::Fr) => "ce fichier, introuvable".into(),
            (Expected::PresentFile, Lang::En) => "this file, which is missing".into(),
            (Expected::RegularFile(kind), Lang::Fr) => {
                format!("un fichier ordinaire, pas {}", kind.label(lang))
            }
            (Expected::RegularFile(kind), Lang::En) => {
                format!("a regular file, not {}", kind.label(lang))
            }
            (Expected::Folder(kind), Lang::Fr) => format!("un dossier, pas {}", kind.label(lang)),
            (Expected::Folder(kind), Lang::En) => format!("a folder, not {}", kind.label(lang)),
            (Expected::LinkTarget(LinkProblem::Dangling), Lang::Fr) => {
                format!("un lien vers un fichier existant{NBSP}: ce lien symbolique ne mène nulle part")
            }
            (Expected::LinkTarget(LinkProblem::Dangling), Lang::En) => {
                "a link to an existing file: this symbolic link leads nowhere".into()
            }
            (Expected::LinkTarget(LinkProblem::Loop), Lang::Fr) => {
                format!("un lien qui mène à un fichier{NBSP}: ce lien symbolique tourne en boucle")
            }
            (Expected::LinkTarget(LinkProblem::Loop), Lang::En) => {
                "a link that leads to a file: this symbolic link is a loop".into()
            }
            (Expected::LinkTarget(LinkProblem::Outside(to)), Lang::Fr) => format!(
                "un lien vers un fichier de l'espace de travail{NBSP}: celui-ci en sort ({})",
                to.display()
            ),
            (Expected::LinkTarget(LinkProblem::Outside(to)), Lang::En) => format!(
                "a link to a file inside the workspace: this one leads outside the workspace ({})",
                to.display()
            ),
            (Expected::LinkTarget(LinkProblem::NotRegular(kind)), Lang::Fr) => format!(
                "un lien vers un fichier ordinaire{NBSP}: celui-ci mène à {}",
                kind.label(lang)
            ),
            (Expected::LinkTarget(LinkProblem::NotRegular(kind)), Lang::En) => format!(
                "a link to a regular file: this one leads to {}",
                kind.label(lang)
            ),
            (Expected::Utf8Name, Lang::Fr) => {
                "un nom de fichier en UTF-8 (celui-ci ne l'est pas{NBSP}: renommez-le)".replace("{NBSP}", &NBSP.to_string())
            }
            (Expected::Utf8Name, Lang::En) => "a UTF-8 file name (this one is not: rename it)".into(),
            (Expected::LowercaseExtension { name }, Lang::Fr) => format!(
                "l'extension .json en minuscules{NBSP}: renommez-le «{NBSP}{}.json{NBSP}» pour qu'il soit lu",
                stem(name)
            ),
            (Expected::LowercaseExtension { name }, Lang::En) => format!(
                "the .json extension in lower case: rename it `{}.json` for it to be read",
                stem(name)
            ),
            (Expected::ReadableFile(why), Lang::Fr) => format!("un fichier lisible en UTF-8 ({why})"),
            (Expected::ReadableFile(why), Lang::En) => format!("a readable UTF-8 file ({why})"),
            (Expected::WellFormedJson(why), Lang::Fr) => {
                format!("du JSON bien formé ({})", translate(why, lang))
            }
            (Expected::WellFormedJson(why), Lang::En) => format!("well-formed JSON ({why})"),
            (Expected::CompleteFile, Lang::Fr) => {
                format!("un fichier complet{NBSP}: il s'arrête au milieu d'une valeur (tronqué{NBSP}?)")
            }
            (Expected::CompleteFile, Lang::En) => {
                "a complete file: it stops in the middle of a value (truncated?)".into()
            }
            (Expected::TopLevelObject, Lang::Fr) => "un objet JSON `{ \"schema_version\": … }`".into(),
            (Expected::TopLevelObject, Lang::En) => "a JSON object `{ \"schema_version\": … }`".into(),
            (Expected::SchemaVersion, Lang::Fr) => {
                "un champ `schema_version` entier (ex. 1) en tête du fichier".into()
            }
            (Expected::SchemaVersion, Lang::En) => {
                "an integer `schema_version` field (e.g. 1) at the top of the file".into()
            }
            (Expected::KnownSchemaVersion { found, known }, Lang::Fr) => format!(
                "une version connue{NBSP}: fichier écrit par un ancrage plus récent (version {found}, ce programme connaît jusqu'à la version {known}){NBSP}; mettez ancrage à jour"
            ),
            (Expected::KnownSchemaVersion { found, known }, Lang::En) => format!(
                "a known version: written by a newer ancrage (version {found}, this program knows up to {known}); update ancrage"
            ),
            (Expected::VersionOfContent { found, known }, Lang::Fr) => format!(
                "la version du contenu{NBSP}: la version {found} est inconnue pour un fichier de cette forme (enveloppe de la version {known}){NBSP}; écrivez \"schema_version\": {known}"
            ),
            (Expected::VersionOfContent { found, known }, Lang::En) => format!(
                "the version of the content: version {found} is unknown for a file of this shape (a version {known} envelope); write \"schema_version\": {known}"
            ),
            (Expected::ValidContent(why), Lang::Fr) => {
                format!("un contenu conforme ({})", translate(why, lang))
            }
            (Expected::ValidContent(why), Lang::En) => {
                format!("valid content ({})", translate(why, lang))
            }
            (Expected::FileNamedAfterId { id }, Lang::Fr) => {
                format!("un nom de fichier égal à l'identifiant{NBSP}: {id}.json")
            }
            (Expected::FileNamedAfterId { id }, Lang::En) => {
                format!("a file name equal to the id: {id}.json")
            }
            (Expected::Slug, Lang::Fr) => {
                "un identifiant en minuscules sans accent, chiffres et tirets (ex. usine-des-transitions)".into()
            }
            (Expected::Slug, Lang::En) => {
                "an id of lowercase ASCII letters, digits and dashes (e.g. usine-des-transitions)".into()
            }
            (Expected::UniqueId { first }, Lang::Fr) => {
                format!("un identifiant unique (déjà utilisé par {first})")
            }
            (Expected::UniqueId { first }, Lang::En) => {
                format!("a unique id (already used by {first})")
            }
            (Expected::KnownCity, Lang::Fr) => {
                "le code INSEE d'une ville du territoire (territory.json, cities)".into()
            }
            (Expected::KnownCity, Lang::En) => {
                "the INSEE code of a city of the territory (territory.json, cities)".into()
            }
            (Expected::KnownSector, Lang::Fr) => {
                "le code d'un secteur de la nomenclature (territory.json, sector_families)".into()
            }
            (Expected::KnownSector, Lang::En) => {
                "the code of a sector of the taxonomy (territory.json, sector_families)".into()
            }
            (Expected::KnownSite, Lang::Fr) => "l'identifiant d'un lieu de sites/".into(),
            (Expected::KnownSite, Lang::En) => "the id of a site in sites/".into(),
            (Expected::KnownLot { site }, Lang::Fr) => format!("l'identifiant d'un lot du lieu {site}"),
            (Expected::KnownLot { site }, Lang::En) => format!("the id of a lot of site {site}"),
            (Expected::KnownStructure, Lang::Fr) => "l'identifiant d'une structure de structures/".into(),
            (Expected::KnownStructure, Lang::En) => "the id of a structure in structures/".into(),
            (Expected::SiteOfCall { call }, Lang::Fr) => {
                format!("un lieu proposé par l'appel {call} (call.sites)")
            }
            (Expected::SiteOfCall { call }, Lang::En) => {
                format!("a site offered by call {call} (call.sites)")
            }
            (Expected::SiteForLot, Lang::Fr) => "un lot accompagné de son lieu (champ site)".into(),
            (Expected::SiteForLot, Lang::En) => "a lot given with its site (field site)".into(),
            (Expected::SurfaceInRange, Lang::Fr) => {
                format!("une surface entre 0 et {surface_max}")
            }
            (Expected::SurfaceInRange, Lang::En) => {
                format!("a surface between 0 and {surface_max}")
            }
            (Expected::MoneyInRange, Lang::Fr) => format!("un montant entre 0 et {money_max}"),
            (Expected::MoneyInRange, Lang::En) => format!("an amount between 0 and {money_max}"),
            (Expected::FiniteNumber, Lang::Fr) => "un nombre fini".into(),
            (Expected::FiniteNumber, Lang::En) => "a finite number".into(),
            (Expected::FteInRange, Lang::Fr) => "un nombre d'ETP entre 0 et 10 000".into(),
            (Expected::FteInRange, Lang::En) => "a number of FTE between 0 and 10,000".into(),
            (Expected::AtMostMaximum { max }, Lang::Fr) => {
                format!("au plus le maximum ({})", i18n::surface(*max, lang))
            }
            (Expected::AtMostMaximum { max }, Lang::En) => {
                format!("at most the maximum ({})", i18n::surface(*max, lang))
            }
            (Expected::NotAfter { end }, Lang::Fr) => {
                format!("une date au plus tard la fin, le {}", i18n::date(*end, lang))
            }
            (Expected::NotAfter { end }, Lang::En) => {
                format!("a date no later than the end, {}", i18n::date(*end, lang))
            }
            (Expected::LotsWithinTotal { lots, total }, Lang::Fr) => format!(
                "des lots qui tiennent dans la surface totale du lieu ({}){NBSP}; ils totalisent {}",
                i18n::surface(*total, lang),
                i18n::surface(*lots, lang)
            ),
            (Expected::LotsWithinTotal { lots, total }, Lang::En) => format!(
                "lots that fit in the site's total surface ({}); they add up to {}",
                i18n::surface(*total, lang),
                i18n::surface(*lots, lang)
            ),
            (Expected::GrantWithinCap { cap }, Lang::Fr) => format!(
                "une aide au plus égale au plafond du fonds à impact par structure ({})",
                i18n::money(*cap, lang)
            ),
            (Expected::GrantWithinCap { cap }, Lang::En) => format!(
                "a grant no larger than the impact fund's cap per structure ({})",
                i18n::money(*cap, lang)
            ),
            (Expected::CapWithinEnvelope { envelope }, Lang::Fr) => format!(
                "un plafond par structure au plus égal à l'enveloppe annuelle ({})",
                i18n::money(*envelope, lang)
            ),
            (Expected::CapWithinEnvelope { envelope }, Lang::En) => format!(
                "a cap per structure no larger than the annual envelope ({})",
                i18n::money(*envelope, lang)
            ),
            (Expected::NoOverlap { other }, Lang::Fr) => {
                format!("des épisodes qui ne se chevauchent pas (chevauche {other})")
            }
            (Expected::NoOverlap { other }, Lang::En) => {
                format!("episodes that do not overlap (overlaps {other})")
            }
            (Expected::Chronological, Lang::Fr) => {
                "des épisodes du plus ancien au plus récent (date from croissante)".into()
            }
            (Expected::Chronological, Lang::En) => {
                "episodes oldest first (increasing from date)".into()
            }
            (Expected::Siret, Lang::Fr) => "un SIRET de 14 chiffres dont la clé de Luhn est juste".into(),
            (Expected::Siret, Lang::En) => "a 14-digit SIRET with a valid Luhn key".into(),
            (Expected::NonZeroDuration, Lang::Fr) => "une durée d'au moins 1 mois".into(),
            (Expected::NonZeroDuration, Lang::En) => "a duration of at least 1 month".into(),
            (Expected::NonNegativeWeight, Lang::Fr) => "un poids entre 0 et 1 000 000".into(),
            (Expected::NonNegativeWeight, Lang::En) => "a weight from 0 to 1,000,000".into(),
            (Expected::SomeSurface, Lang::Fr) => {
                "une surface maximale au-dessus de 0 m² (aucun lot ne peut convenir à un besoin de 0 m²)".into()
            }
            (Expected::SomeSurface, Lang::En) => {
                "a maximum surface above 0 m² (no lot can suit a need of 0 m²)".into()
            }
            (Expected::SomeWeight, Lang::Fr) => "au moins un poids non nul".into(),
            (Expected::SomeWeight, Lang::En) => "at least one weight above zero".into(),
            (Expected::Tolerance, Lang::Fr) => {
                "une tolérance entre 0 (exclu) et 10, ou un nombre de jours de 0 à 3 650".into()
            }
            (Expected::Tolerance, Lang::En) => {
                "a tolerance above 0 and at most 10, or a number of days from 0 to 3,650".into()
            }
            (Expected::NearTerritory { lat, lon }, _) => {
                let n = |v: f64| i18n::number(v, 3, lang);
                format!(
                    "{} ({} {}–{}, {} {}–{})",
                    lang.pick(
                        "des coordonnées proches du territoire",
                        "coordinates near the territory"
                    ),
                    lang.pick("latitude", "latitude"),
                    n(lat.0),
                    n(lat.1),
                    lang.pick("longitude", "longitude"),
                    n(lon.0),
                    n(lon.1)
                )
            }
            (Expected::Said { fr, .. }, Lang::Fr) => fr.clone(),
            (Expected::Said { en, .. }, Lang::En) => en.clone(),
            (Expected::SomeCity, Lang::Fr) => "au moins une ville".into(),
            (Expected::SomeCity, Lang::En) => "at least one city".into(),
            (Expected::KnownCall, Lang::Fr) => "l'identifiant d'un appel de calls/".into(),
            (Expected::KnownCall, Lang::En) => "the id of a call in calls/".into(),
            (Expected::KnownApplication { call }, Lang::Fr) => format!(
                "une candidature de la structure à ce lieu dans l'appel {call} (call.applications)"
            ),
            (Expected::KnownApplication { call }, Lang::En) => format!(
                "an application of the structure for this site in call {call} (call.applications)"
            ),
            (Expected::NotBefore { start }, Lang::Fr) => {
                format!("une date au plus tôt le début, le {}", i18n::date(*start, lang))
            }
            (Expected::NotBefore { start }, Lang::En) => {
                format!("a date no earlier than the start, {}", i18n::date(*start, lang))
            }
            (Expected::NoticeWithinTerm { months }, Lang::Fr) => {
                format!("un préavis plus court que la convention elle-même ({months} mois)")
            }
            (Expected::NoticeWithinTerm { months }, Lang::En) => {
                format!("a notice shorter than the agreement itself ({months} months)")
            }
            (Expected::PlannedLast, Lang::Fr) => format!(
                "des épisodes prévus après les épisodes vécus (outcome «{NBSP}planned{NBSP}» en dernier)"
            ),
            (Expected::PlannedLast, Lang::En) => {
                "planned episodes after the lived ones (outcome `planned` last)".into()
            }
            (Expected::GrantedWithinRequested { requested }, Lang::Fr) => format!(
                "un montant accordé au plus égal au montant demandé ({})",
                i18n::money(*requested, lang)
            ),
            (Expected::GrantedWithinRequested { requested }, Lang::En) => format!(
                "an amount granted no larger than the amount requested ({})",
                i18n::money(*requested, lang)
            ),
            (Expected::GrantsWithinCap { year, cap, total }, Lang::Fr) => format!(
                "des aides {year} au plus égales au plafond par structure ({}){NBSP}; elles totalisent {}",
                i18n::money(*cap, lang),
                i18n::money(*total, lang)
            ),
            (Expected::GrantsWithinCap { year, cap, total }, Lang::En) => format!(
                "{year} grants no larger than the cap per structure ({}); they add up to {}",
                i18n::money(*cap, lang),
                i18n::money(*total, lang)
            ),
            (Expected::YearWithinEnvelope { year, envelope, total }, Lang::Fr) => format!(
                "des aides {year} qui tiennent dans l'enveloppe de l'année ({}){NBSP}; elles totalisent {}",
                i18n::money(*envelope, lang),
                i18n::money(*total, lang)
            ),
            (Expected::YearWithinEnvelope { year, envelope, total }, Lang::En) => format!(
                "{year} grants within the year's envelope ({}); they add up to {}",
                i18n::money(*envelope, lang),
                i18n::money(*total, lang)
            ),
            (Expected::EnvelopeForYear { year }, Lang::Fr) => format!(
                "une année dotée d'une enveloppe (territory.json, impact_fund.envelopes{NBSP}: {year} ou une année antérieure)"
            ),
            (Expected::EnvelopeForYear { year }, Lang::En) => format!(
                "a year with an envelope (territory.json, impact_fund.envelopes: {year} or an earlier year)"
            ),
            (Expected::PlausibleYear, Lang::Fr) => "une année entre 2000 et 2100".into(),
            (Expected::PlausibleYear, Lang::En) => "a year between 2000 and 2100".into(),
            (Expected::YearsInOrder, Lang::Fr) => {
                "chaque année une seule fois, de la plus ancienne à la plus récente".into()
            }
            (Expected::YearsInOrder, Lang::En) => "each year once, oldest first".into(),
            (Expected::KnownSupportOrganisation, Lang::Fr) => {
                "le code d'une structure d'accompagnement (territory.json, support_organisations)".into()
            }
            (Expected::KnownSupportOrganisation, Lang::En) => {
                "the code of a support organisation (territory.json, support_organisations)".into()
            }
        }
    }
}

/// `X` of `X.JSON`.
fn stem(name: &str) -> &str {
    name.get(..name.len().saturating_sub(5)).unwrap_or(name)
}

/// "attendu : " / "expected: " with French typography.
pub fn expected_label(lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("attendu{NBSP}:"),
        Lang::En => "expected:".into(),
    }
}
