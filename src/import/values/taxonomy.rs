//! Legal forms, sectors, uses, features and the site vocabulary, matched by their usual
//! spellings; when nothing matches, the closest entries are suggested.

use super::choices::{has_phrase, key};
use crate::domain::{
    Feature, FeeUnit, LegalForm, Programme, SectorCode, SiteKind, SiteStatus, Territory, UseType,
};
use crate::i18n::suggest::closest;
use crate::i18n::{Label, Lang};
use crate::import::problem::{Choice, Expected};

/// A legal form and whether the text says the structure holds the ESUS agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegalFormFound {
    pub form: LegalForm,
    pub esus: bool,
}

/// Usual spellings, including the INSEE category labels Démarches Simplifiées copies from the
/// company register (`Entreprise forme juridique`: « Association déclarée », « Société
/// coopérative ouvrière de production (SCOP) à responsabilité limitée », « SAS, société par
/// actions simplifiée »…). Checked in order: the specific before the general.
const LEGAL_FORMS: [(&[&str], LegalForm); 16] = [
    (
        &["association intermediaire"],
        LegalForm::AssociationIntermediaire,
    ),
    (
        &[
            "atelier chantier d insertion",
            "ateliers et chantiers d insertion",
            "atelier et chantier d insertion",
            "chantier d insertion",
            "aci",
        ],
        LegalForm::AtelierChantierInsertion,
    ),
    (
        &["entreprise de travail temporaire d insertion", "etti"],
        LegalForm::Etti,
    ),
    (
        &["entreprise d insertion", "ei"],
        LegalForm::EntrepriseInsertion,
    ),
    (&["entreprise a but d emploi", "ebe"], LegalForm::Ebe),
    (
        &[
            "esat",
            "entreprise adaptee",
            "ea",
            "etablissement et service d aide par le travail",
        ],
        LegalForm::EaEsat,
    ),
    (
        &[
            "cooperative d activite et d emploi",
            "cooperative d activites et d emploi",
            "cae",
        ],
        LegalForm::Cae,
    ),
    (
        &["cooperative d interet collectif", "scic"],
        LegalForm::Scic,
    ),
    (
        &[
            "cooperative ouvriere de production",
            "cooperative de production",
            "scop",
            "cooperative et participative",
        ],
        LegalForm::Scop,
    ),
    (&["fondation", "fonds de dotation"], LegalForm::Fondation),
    (&["mutuelle", "mutualiste"], LegalForm::Mutuelle),
    (
        &[
            "collectif informel",
            "collectif",
            "non constitue",
            "en cours de creation",
            "informel",
        ],
        LegalForm::InformalCollective,
    ),
    (
        &["artiste", "artiste auteur", "plasticien", "auteur"],
        LegalForm::Artist,
    ),
    (&["association", "asso", "loi 1901"], LegalForm::Association),
    (&["cooperative", "scoop"], LegalForm::OtherCooperative),
    (&["esus"], LegalForm::CommercialEsus),
];

pub fn legal_form(text: &str) -> Result<LegalFormFound, Expected> {
    let wanted = key(text);
    let esus = has_phrase(&wanted, "esus");
    for (spellings, form) in LEGAL_FORMS {
        if spellings.iter().any(|s| has_phrase(&wanted, s)) {
            return Ok(LegalFormFound {
                form,
                esus: esus || form == LegalForm::CommercialEsus,
            });
        }
    }
    let labels: Vec<String> = LegalForm::ALL
        .iter()
        .map(|f| f.label(Lang::Fr).to_owned())
        .collect();
    Err(Expected::Choice(Choice::LegalForm, suggest(text, labels)))
}

pub fn use_type(text: &str) -> Result<UseType, Expected> {
    let wanted = key(text);
    const USES: [(&[&str], UseType); 6] = [
        (
            &[
                "bureau",
                "bureaux",
                "office",
                "offices",
                "coworking",
                "tertiaire",
            ],
            UseType::Office,
        ),
        (
            &[
                "atelier",
                "ateliers",
                "workshop",
                "local d activite",
                "local artisanal",
                "fabrication",
                "production",
            ],
            UseType::Workshop,
        ),
        (
            &[
                "stockage",
                "entrepot",
                "depot",
                "storage",
                "reserve",
                "entreposage",
            ],
            UseType::Storage,
        ),
        (
            &[
                "boutique",
                "commerce",
                "local commercial",
                "shop",
                "vente",
                "magasin",
            ],
            UseType::Shop,
        ),
        (
            &[
                "exterieur",
                "terrain",
                "friche",
                "espace exterieur",
                "outdoor",
                "plein air",
            ],
            UseType::Outdoor,
        ),
        (&["mixte", "mixed", "polyvalent", "tous"], UseType::Mixed),
    ];
    USES.iter()
        .find(|(spellings, _)| spellings.iter().any(|s| has_phrase(&wanted, s)))
        .map(|(_, u)| *u)
        .ok_or_else(|| Expected::Choice(Choice::UseType, labels_of(&UseType::ALL)))
}

pub fn feature(text: &str) -> Result<Feature, Expected> {
    let wanted = key(text);
    const EXTRA: [(&str, Feature); 8] = [
        ("erp", Feature::PublicReception),
        ("pmr", Feature::StepFreeAccess),
        ("plain pied", Feature::StepFreeAccess),
        ("rdc", Feature::GroundFloor),
        ("eau", Feature::Water),
        ("triphase", Feature::ThreePhasePower),
        ("poids lourds", Feature::TruckAccess),
        ("internet", Feature::Fibre),
    ];
    Feature::ALL
        .iter()
        .find(|f| key(f.label(Lang::Fr)) == wanted || key(f.label(Lang::En)) == wanted)
        .copied()
        .or_else(|| {
            EXTRA
                .iter()
                .find(|(s, _)| wanted.contains(s))
                .map(|(_, f)| *f)
        })
        .ok_or_else(|| Expected::Choice(Choice::Feature, suggest(text, labels_of(&Feature::ALL))))
}

/// A sector of the territory's taxonomy: by code or label; else the one sector whose label
/// contains the text (« réemploi » → « Réemploi, ressourceries et recycleries »), or the
/// one whose label the text contains.
pub fn sector(text: &str, territory: &Territory) -> Result<SectorCode, Expected> {
    Sectors::new(territory).find(text)
}

/// The territory's sectors, their labels folded once for many lookups.
pub struct Sectors {
    /// (code, folded label, label)
    entries: Vec<(SectorCode, String, String)>,
}

impl Sectors {
    pub fn new(territory: &Territory) -> Self {
        Sectors {
            entries: territory
                .sectors()
                .map(|s| (s.code.clone(), key(&s.label), s.label.clone()))
                .collect(),
        }
    }

    pub fn find(&self, text: &str) -> Result<SectorCode, Expected> {
        let wanted = key(text);
        if let Some((code, _, _)) = self
            .entries
            .iter()
            .find(|(code, label, _)| code.as_str() == text.trim() || *label == wanted)
        {
            return Ok(code.clone());
        }
        let containing: Vec<&SectorCode> = self
            .entries
            .iter()
            .filter(|(_, label, _)| has_phrase(label, &wanted) || has_phrase(&wanted, label))
            .map(|(code, _, _)| code)
            .collect();
        if let [one] = containing.as_slice() {
            return Ok((*one).clone());
        }
        let labels: Vec<String> = self.entries.iter().map(|(_, _, l)| l.clone()).collect();
        Err(Expected::Choice(Choice::Sector, suggest(text, labels)))
    }
}

pub fn programme(text: &str) -> Result<Programme, Expected> {
    by_label(
        text,
        &Programme::ALL,
        &[
            ("temp o", Programme::Tempo),
            ("tempo", Programme::Tempo),
            ("usine", Programme::UsineDesTransitions),
            ("hotel", Programme::BusinessHotel),
            ("zac", Programme::ZacLot),
            ("pepiniere", Programme::Incubator),
        ],
    )
    .ok_or_else(|| Expected::Choice(Choice::Programme, labels_of(&Programme::ALL)))
}

pub fn site_kind(text: &str) -> Result<SiteKind, Expected> {
    by_label(
        text,
        &SiteKind::ALL,
        &[
            ("temporaire", SiteKind::Transitional),
            ("urbanisme transitoire", SiteKind::Transitional),
            ("perenne", SiteKind::Permanent),
            ("incubateur", SiteKind::Incubator),
        ],
    )
    .ok_or_else(|| Expected::Choice(Choice::SiteKind, labels_of(&SiteKind::ALL)))
}

pub fn site_status(text: &str) -> Result<SiteStatus, Expected> {
    by_label(
        text,
        &SiteStatus::ALL,
        &[
            ("disponible", SiteStatus::Open),
            ("libre", SiteStatus::Open),
            ("ferme", SiteStatus::Closed),
            ("a venir", SiteStatus::Upcoming),
            ("occupe", SiteStatus::Occupied),
        ],
    )
    .ok_or_else(|| Expected::Choice(Choice::SiteStatus, labels_of(&SiteStatus::ALL)))
}

/// `€/m²/mois`, `€/m²/an`, `forfait mensuel`…
pub fn fee_unit(text: &str) -> Result<FeeUnit, Expected> {
    let wanted = key(&text.replace('²', "2"));
    let unit = if wanted.contains("forfait")
        || wanted.contains("flat")
        || wanted == "eur mois"
        || wanted == "mois" && !wanted.contains("m2")
    {
        Some(FeeUnit::FlatMonth)
    } else if wanted.contains("m2") && (wanted.contains("an") || wanted.contains("year")) {
        Some(FeeUnit::PerM2Year)
    } else if wanted.contains("m2") && (wanted.contains("mois") || wanted.contains("month")) {
        Some(FeeUnit::PerM2Month)
    } else {
        match wanted.replace(' ', "_").as_str() {
            "per_m2_month" => Some(FeeUnit::PerM2Month),
            "per_m2_year" => Some(FeeUnit::PerM2Year),
            "flat_month" => Some(FeeUnit::FlatMonth),
            _ => None,
        }
    };
    unit.ok_or_else(|| {
        Expected::Choice(
            Choice::FeeUnit,
            vec![
                "€/m²/mois".into(),
                "€/m²/an".into(),
                "forfait mensuel".into(),
            ],
        )
    })
}

fn by_label<T: Label + Copy>(text: &str, all: &[T], extra: &[(&str, T)]) -> Option<T> {
    let wanted = key(text);
    all.iter()
        .find(|v| key(v.label(Lang::Fr)) == wanted || key(v.label(Lang::En)) == wanted)
        .copied()
        .or_else(|| {
            extra
                .iter()
                .find(|(s, _)| has_phrase(&wanted, s))
                .map(|(_, v)| *v)
        })
}

fn labels_of<T: Label>(all: &[T]) -> Vec<String> {
    all.iter().map(|v| v.label(Lang::Fr).to_owned()).collect()
}

/// Up to three entries close to `text` (folded), else the whole list when it is short.
fn suggest(text: &str, labels: Vec<String>) -> Vec<String> {
    let keys: Vec<String> = labels.iter().map(|l| key(l)).collect();
    let near = closest(&key(text), keys.iter().map(String::as_str), 3);
    let picked: Vec<String> = near
        .iter()
        .filter_map(|k| keys.iter().position(|x| x == k).map(|i| labels[i].clone()))
        .collect();
    if picked.is_empty() && labels.len() <= 6 {
        labels
    } else {
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(text: &str) -> Option<(LegalForm, bool)> {
        legal_form(text).ok().map(|f| (f.form, f.esus))
    }

    #[test]
    fn legal_forms_by_usual_spellings() {
        assert_eq!(form("SCOP SARL"), Some((LegalForm::Scop, false)));
        assert_eq!(
            form("Société coopérative ouvrière de production (SCOP) à responsabilité limitée"),
            Some((LegalForm::Scop, false))
        );
        assert_eq!(
            form("Association déclarée"),
            Some((LegalForm::Association, false))
        );
        assert_eq!(
            form("association loi 1901"),
            Some((LegalForm::Association, false))
        );
        assert_eq!(form("SAS ESUS"), Some((LegalForm::CommercialEsus, true)));
        assert_eq!(form("SCIC SAS"), Some((LegalForm::Scic, false)));
        assert_eq!(
            form("Association intermédiaire"),
            Some((LegalForm::AssociationIntermediaire, false))
        );
        assert_eq!(
            form("Collectif informel"),
            Some((LegalForm::InformalCollective, false))
        );
        assert_eq!(form("ESAT"), Some((LegalForm::EaEsat, false)));
    }

    #[test]
    fn unknown_legal_form_suggests_the_closest() {
        let Err(Expected::Choice(Choice::LegalForm, near)) = legal_form("SCPO") else {
            panic!("refused expected");
        };
        assert!(near.iter().any(|n| n == "SCOP"), "{near:?}");
        assert!(legal_form("SAS, société par actions simplifiée").is_err());
    }

    #[test]
    fn uses_and_features() {
        assert_eq!(use_type("Bureaux"), Ok(UseType::Office));
        assert_eq!(use_type("Local d'activité"), Ok(UseType::Workshop));
        assert_eq!(use_type("Entrepôt"), Ok(UseType::Storage));
        assert_eq!(feature("Point d'eau"), Ok(Feature::Water));
        assert_eq!(feature("accès PMR"), Ok(Feature::StepFreeAccess));
        assert_eq!(fee_unit("€/m²/mois"), Ok(FeeUnit::PerM2Month));
        assert_eq!(fee_unit("€/m²/an"), Ok(FeeUnit::PerM2Year));
        assert_eq!(fee_unit("forfait mensuel"), Ok(FeeUnit::FlatMonth));
    }

    #[test]
    fn sectors_by_code_label_or_one_containing_label() {
        let ws = crate::store::validate::fixture::workspace();
        let t = &ws.territory;
        let first = t.sectors().next().unwrap().clone();
        assert_eq!(sector(first.code.as_str(), t), Ok(first.code.clone()));
        assert_eq!(
            sector(&first.label.to_uppercase(), t),
            Ok(first.code.clone())
        );
        assert!(matches!(
            sector("astronautique", t),
            Err(Expected::Choice(Choice::Sector, _))
        ));
    }
}
