//! What the import found wrong or worth a look, located as the officer sees the file: the
//! spreadsheet row, the column header, the value, and what was expected. Errors keep a row out
//! of the import; warnings do not.

use crate::domain::Money;
use crate::i18n::{self, Lang, NBSP};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Which list a value was looked for in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    LegalForm,
    Sector,
    UseType,
    Feature,
    /// A site of the call.
    Site,
    Programme,
    SiteKind,
    SiteStatus,
    FeeUnit,
    /// A field name in a mapping file.
    Field,
}

/// How a SIRET is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiretFault {
    /// `8,41520E+13`: a spreadsheet rounded it.
    Scientific,
    NotDigits,
    /// Nine digits: the company (SIREN), not its establishment.
    Siren,
    /// Thirteen digits: a spreadsheet may have dropped a leading zero.
    LeadingZeroLost,
    Length,
    /// Fourteen digits whose Luhn key is wrong.
    Key,
}

/// What was expected where the problem is (or, for warnings, what the import did about it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A mandatory value is empty.
    Required,
    /// A mandatory column is missing from the header.
    Column,
    /// No row of the first ones names the columns.
    Header,
    Number,
    Amount,
    Count,
    Fte,
    Surface,
    SurfaceOrder,
    Duration,
    Date,
    ImpossibleDate,
    Boolean,
    Siret(SiretFault),
    /// Not in the list; the closest entries.
    Choice(Choice, Vec<String>),
    /// A city, by name or INSEE code.
    City,
    /// A city of the territory (a site is on it).
    TerritoryCity,
    /// An id usable as a file name.
    Slug,
    /// Data rows under the header.
    Rows,
    /// Floor number.
    Floor,
    Coordinate,
    // Warnings.
    YearOnly,
    OutsideTerritory,
    Formula,
    ControlCharacters,
    GrantAboveCap(Money),
    /// Same structure (or site) as this earlier row: the row is left out.
    Duplicate(usize),
    /// A status the import does not know: the application starts en instruction.
    Status,
    /// The city's centre stands in for missing coordinates.
    CityCentre,
}

impl Expected {
    pub fn severity(&self) -> Severity {
        match self {
            Expected::YearOnly
            | Expected::OutsideTerritory
            | Expected::Formula
            | Expected::ControlCharacters
            | Expected::GrantAboveCap(_)
            | Expected::Duplicate(_)
            | Expected::Status
            | Expected::CityCentre => Severity::Warning,
            _ => Severity::Error,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let pick = |f: &str, e: &str| if fr { f.to_owned() } else { e.to_owned() };
        match self {
            Expected::Required => pick("une valeur (champ obligatoire)", "a value (mandatory field)"),
            Expected::Column => pick(
                "cette colonne, obligatoire (ou l’en-tête qui la donne, dans un fichier de correspondance)",
                "this column, which is mandatory (or the header that gives it, in a mapping file)",
            ),
            Expected::Header => pick(
                "une ligne d’en-têtes nommant les colonnes (Raison sociale, SIRET, Commune…) parmi les premières lignes",
                "a header row naming the columns (Raison sociale, SIRET, Commune…) among the first rows",
            ),
            Expected::Number => pick("un nombre (12 000 ou 1 000,50)", "a number (12 000 or 1 000,50)"),
            Expected::Amount => pick(
                "un montant positif en euros (12 000 €, 1 000,50)",
                "a positive amount in euros (12 000 €, 1 000,50)",
            ),
            Expected::Count => pick("un nombre entier positif", "a whole positive number"),
            Expected::Fte => pick("un nombre d’ETP entre 0 et 10 000", "full-time equivalents between 0 and 10,000"),
            Expected::Surface => pick(
                "une surface en m² plus grande que 0 et plausible (80, 80 m², 80-120, entre 60 et 100 m²)",
                "a surface in m² above 0 and plausible (80, 80 m², 80-120, entre 60 et 100 m²)",
            ),
            Expected::SurfaceOrder => pick(
                "une fourchette dont le minimum ne dépasse pas le maximum",
                "a range whose minimum is not above its maximum",
            ),
            Expected::Duration => pick(
                "une durée (24 mois, 2 ans ; un nombre seul compte en mois)",
                "a duration (24 mois, 2 ans; a bare number counts in months)",
            ),
            Expected::Date => pick("une date jj/mm/aaaa ou aaaa-mm-jj", "a date dd/mm/yyyy or yyyy-mm-dd"),
            Expected::ImpossibleDate => pick(
                "une date qui existe au calendrier (le 31/02 n’existe pas)",
                "a date that exists (there is no 31 February)",
            ),
            Expected::Boolean => pick("Oui ou Non", "Oui or Non (yes or no)"),
            Expected::Siret(fault) => siret_text(*fault, lang),
            Expected::Choice(choice, near) => choice_text(*choice, near, lang),
            Expected::TerritoryCity => pick(
                "une ville du territoire (un lieu s’y trouve forcément)",
                "a city of the territory (a site is always on it)",
            ),
            Expected::Slug => pick(
                "un identifiant en minuscules, chiffres et tirets",
                "an id of lowercase letters, digits and dashes",
            ),
            Expected::Rows => pick(
                "au moins une ligne de données sous l’en-tête",
                "at least one data row under the header",
            ),
            Expected::City => pick(
                "une ville, par son nom ou son code INSEE",
                "a city, by name or INSEE code",
            ),
            Expected::Floor => pick(
                "un étage (nombre entier, 0 pour le rez-de-chaussée)",
                "a floor (whole number, 0 for the ground floor)",
            ),
            Expected::Coordinate => pick(
                "une coordonnée en degrés décimaux (48,864)",
                "a coordinate in decimal degrees (48.864)",
            ),
            Expected::YearOnly => pick(
                "une date complète : l’année seule est donnée, le 1er janvier est retenu",
                "a full date: only the year is given, 1 January is taken",
            ),
            Expected::OutsideTerritory => pick(
                "une ville du territoire : ville extérieure, conservée et marquée hors territoire",
                "a city of the territory: outside city, kept and marked outside",
            ),
            Expected::Formula => pick(
                "du texte : il commence comme une formule de tableur ; conservé tel quel, neutralisé à l’export",
                "text: it starts like a spreadsheet formula; kept as written, neutralised on export",
            ),
            Expected::ControlCharacters => pick(
                "du texte sans caractères de contrôle ni séquences d’échappement : ils sont retirés",
                "text without control characters or escape sequences: they are removed",
            ),
            Expected::GrantAboveCap(cap) => match lang {
                Lang::Fr => format!(
                    "une demande au plus égale au plafond du fonds à impact ({}) : non reprise, à revoir avec la structure",
                    i18n::money(*cap, lang)
                ),
                Lang::En => format!(
                    "a request at most the impact fund's cap ({}): not taken, to settle with the structure",
                    i18n::money(*cap, lang)
                ),
            },
            Expected::Duplicate(row) => match lang {
                Lang::Fr => format!("une seule ligne par structure : même structure qu’à la ligne {row}, ligne ignorée"),
                Lang::En => format!("one row per structure: same as row {row}, row left out"),
            },
            Expected::Status => pick(
                "un état connu (en construction, en instruction, accepté, refusé, classé sans suite) : ignoré, la candidature est en instruction",
                "a known state (en construction, en instruction, accepté, refusé, classé sans suite): ignored, the application is under review",
            ),
            Expected::CityCentre => pick(
                "des coordonnées : le centre de la ville est retenu",
                "coordinates: the city centre is taken",
            ),
        }
        .pipe(|text| i18n::typography(&text, lang))
    }
}

/// `text.pipe(f)`: keeps the match above readable.
trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl Pipe for String {}

fn siret_text(fault: SiretFault, lang: Lang) -> String {
    let base = lang.pick(
        "un SIRET de 14 chiffres dont la clé est juste",
        "a 14-digit SIRET whose check digit holds",
    );
    let why = match (fault, lang) {
        (SiretFault::Scientific, Lang::Fr) => {
            "le tableur l’a écrit en notation scientifique et ses derniers chiffres sont perdus : reprenez-le dans l’export d’origine"
        }
        (SiretFault::Scientific, Lang::En) => {
            "a spreadsheet wrote it in scientific notation and its last digits are lost: take it again from the original export"
        }
        (SiretFault::NotDigits, Lang::Fr) => "il n’y a pas que des chiffres",
        (SiretFault::NotDigits, Lang::En) => "it is not only digits",
        (SiretFault::Siren, Lang::Fr) => {
            "9 chiffres font un SIREN (l’entreprise), pas un SIRET (l’établissement)"
        }
        (SiretFault::Siren, Lang::En) => {
            "9 digits are a SIREN (the company), not a SIRET (the establishment)"
        }
        (SiretFault::LeadingZeroLost, Lang::Fr) => {
            "13 chiffres : un tableur a peut-être supprimé le zéro initial"
        }
        (SiretFault::LeadingZeroLost, Lang::En) => {
            "13 digits: a spreadsheet may have dropped the leading zero"
        }
        (SiretFault::Length, Lang::Fr) => "le nombre de chiffres ne va pas",
        (SiretFault::Length, Lang::En) => "the number of digits is wrong",
        (SiretFault::Key, Lang::Fr) => {
            "la clé de contrôle ne correspond pas (chiffre mal recopié ?)"
        }
        (SiretFault::Key, Lang::En) => "the check digit does not match (a digit mistyped?)",
    };
    format!("{base}{} {why}", lang.pick(" ;", ";"))
}

fn choice_text(choice: Choice, near: &[String], lang: Lang) -> String {
    let what = match (choice, lang) {
        (Choice::LegalForm, Lang::Fr) => {
            "une forme juridique connue (association, SCOP, SCIC, SAS ESUS…)"
        }
        (Choice::LegalForm, Lang::En) => "a known legal form (association, SCOP, SCIC, SAS ESUS…)",
        (Choice::Sector, Lang::Fr) => "un secteur de la nomenclature du territoire",
        (Choice::Sector, Lang::En) => "a sector of the territory's taxonomy",
        (Choice::UseType, Lang::Fr) => {
            "un type de local (bureau, atelier, stockage, boutique, extérieur, mixte)"
        }
        (Choice::UseType, Lang::En) => {
            "a kind of premises (bureau, atelier, stockage, boutique, extérieur, mixte)"
        }
        (Choice::Feature, Lang::Fr) => "un équipement connu",
        (Choice::Feature, Lang::En) => "a known feature",
        (Choice::Site, Lang::Fr) => "un lieu de l’appel, par son nom",
        (Choice::Site, Lang::En) => "a site of the call, by its name",
        (Choice::Programme, Lang::Fr) => "un programme connu",
        (Choice::Programme, Lang::En) => "a known programme",
        (Choice::SiteKind, Lang::Fr) => "un type de lieu (transitoire, pépinière, pérenne)",
        (Choice::SiteKind, Lang::En) => "a kind of site (transitoire, pépinière, pérenne)",
        (Choice::SiteStatus, Lang::Fr) => "un état du lieu (à venir, ouvert, occupé, fermé)",
        (Choice::SiteStatus, Lang::En) => "a site status (à venir, ouvert, occupé, fermé)",
        (Choice::FeeUnit, Lang::Fr) => "une unité de redevance",
        (Choice::FeeUnit, Lang::En) => "a fee unit",
        (Choice::Field, Lang::Fr) => "un champ connu d’ancrage",
        (Choice::Field, Lang::En) => "a known ancrage field",
    };
    if near.is_empty() {
        return what.to_owned();
    }
    let list = near
        .iter()
        .map(|n| quote(n, lang))
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Fr => format!("{what} ; les plus proches : {list}"),
        Lang::En => format!("{what}; closest: {list}"),
    }
}

/// « text » in French, “text” in English.
pub fn quote(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("«{NBSP}{text}{NBSP}»"),
        Lang::En => format!("“{text}”"),
    }
}

/// One problem, located: row as a spreadsheet numbers it, column header as written in the
/// file (or the usual title of a missing column), the value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub row: usize,
    pub column: String,
    pub value: String,
    pub expected: Expected,
}

impl ImportProblem {
    pub fn severity(&self) -> Severity {
        self.expected.severity()
    }

    /// `ligne 12, « SIRET » = « 8,41520E+13 » — attendu : …`
    pub fn render(&self, lang: Lang) -> String {
        let value = if self.value.is_empty() {
            lang.pick("(vide)", "(empty)").to_owned()
        } else {
            quote(&printable(&self.value), lang)
        };
        let (row, expected) = match lang {
            Lang::Fr => ("ligne", "attendu"),
            Lang::En => ("row", "expected"),
        };
        let colon = lang.pick("\u{a0}:", ":");
        format!(
            "{row} {}, {} = {value} — {expected}{colon} {}",
            self.row,
            quote(&printable(&self.column), lang),
            self.expected.text(lang)
        )
    }
}

/// Text safe to print on a terminal (`i18n::printable`: control characters and escape
/// sequences shown, not obeyed; line breaks as `␤`), long values cut with an ellipsis.
pub fn printable(text: &str) -> String {
    const MAX_CHARS: usize = 80;
    let shown = i18n::printable(text);
    match shown.char_indices().nth(MAX_CHARS) {
        Some((at, _)) => format!("{}…", &shown[..at]),
        None => shown.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_problem_in_both_languages() {
        let p = ImportProblem {
            row: 12,
            column: "SIRET".into(),
            value: "8,41520E+13".into(),
            expected: Expected::Siret(SiretFault::Scientific),
        };
        let fr = p.render(Lang::Fr);
        assert!(
            fr.starts_with(
                "ligne 12, «\u{a0}SIRET\u{a0}» = «\u{a0}8,41520E+13\u{a0}» — attendu\u{a0}:"
            ),
            "{fr}"
        );
        assert!(fr.contains("notation scientifique"), "{fr}");
        assert!(p.render(Lang::En).contains("scientific notation"));
        assert_eq!(p.severity(), Severity::Error);
    }

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        assert_eq!(printable("a\u{1b}[31mb\nc"), "a␛[31mb␤c");
        assert!(!printable("\u{9b}x").chars().any(char::is_control));
        assert_eq!(printable(&"x".repeat(100)).chars().count(), 81);
    }
}
