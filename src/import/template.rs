//! `ancrage import template`: empty files with the expected headers (CSV for Excel on a French
//! Windows — UTF-8 with BOM, `;` — and XLSX), and a README of the accepted values, so an
//! officer can build a form or a spreadsheet that imports as it is.

use crate::export::sheet::{Column, Sheet};
use crate::export::xlsx;
use crate::i18n::{Lang, typography};
use crate::import::field::{Field, Target};
use crate::import::mapping::fields;

/// One file of the template: its name and its bytes.
pub struct TemplateFile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// The template's files, headers in `lang`… French headers always: they are what the import
/// reads best, and what the officer's partners fill in.
pub fn files(lang: Lang) -> Result<Vec<TemplateFile>, String> {
    let mut out = Vec::new();
    for (target, stem, sheet) in [
        (Target::Applications, "candidatures", "Candidatures"),
        (Target::Sites, "lieux", "Lieux"),
    ] {
        let titles: Vec<&str> = fields(target).iter().map(|f| f.title(Lang::Fr)).collect();
        let mut csv = b"\xEF\xBB\xBF".to_vec();
        csv.extend_from_slice(titles.join(";").as_bytes());
        csv.extend_from_slice(b"\r\n");
        out.push(TemplateFile {
            name: if target == Target::Applications {
                "candidatures.csv"
            } else {
                "lieux.csv"
            },
            bytes: csv,
        });
        let sheet = Sheet {
            name: sheet.to_owned(),
            columns: titles
                .iter()
                .map(|t| Column {
                    title: (*t).to_owned(),
                    width: (t.chars().count() as f64 + 4.0).max(12.0),
                })
                .collect(),
            rows: Vec::new(),
        };
        let bytes = xlsx::write(&[sheet]).map_err(|e| e.to_string())?;
        out.push(TemplateFile {
            name: if stem == "candidatures" {
                "candidatures.xlsx"
            } else {
                "lieux.xlsx"
            },
            bytes,
        });
    }
    out.push(TemplateFile {
        name: "LISEZ-MOI.md",
        bytes: readme(lang).into_bytes(),
    });
    Ok(out)
}

/// The accepted headers and values, one table per import.
pub fn readme(lang: Lang) -> String {
    let mut out = String::new();
    match lang {
        Lang::Fr => out.push_str(
            "# Modèles d’import ancrage\n\n\
             `candidatures.csv` / `.xlsx` : `ancrage import applications FICHIER --call APPEL`. \
             `lieux.csv` / `.xlsx` : `ancrage import sites FICHIER`.\n\n\
             Les colonnes sont reconnues par leur en-tête (jamais par leur position), sans tenir \
             compte des accents, de la casse, des espaces ni des unités entre parenthèses ; les \
             exports de Démarches Simplifiées, Framaforms et Google Forms se lisent tels quels. \
             Un autre en-tête se déclare dans un fichier `--mapping` (TOML, section `[columns]`, \
             `\"En-tête du fichier\" = \"code\"`). Les champs marqués « oui » sont obligatoires pour \
             créer une fiche ; une mise à jour garde ce que le fichier ne dit pas.\n",
        ),
        Lang::En => out.push_str(
            "# ancrage import templates\n\n\
             `candidatures.csv` / `.xlsx`: `ancrage import applications FILE --call CALL`. \
             `lieux.csv` / `.xlsx`: `ancrage import sites FILE`.\n\n\
             Columns are found by header (never by position), ignoring accents, case, spaces and \
             units in brackets; exports of Démarches Simplifiées, Framaforms and Google Forms read \
             as they are. Any other header is declared in a `--mapping` file (TOML, `[columns]` \
             section, `\"Header in the file\" = \"code\"`). Fields marked “yes” are mandatory to \
             create a record; an update keeps what the file does not say.\n",
        ),
    }
    for (target, title) in [
        (
            Target::Applications,
            lang.pick("Candidatures", "Applications"),
        ),
        (Target::Sites, lang.pick("Lieux et lots", "Sites and lots")),
    ] {
        out.push_str(&format!("\n## {title}\n\n"));
        out.push_str(match lang {
            Lang::Fr => {
                "| en-tête | code (--mapping) | obligatoire | valeurs acceptées | aussi reconnu |\n"
            }
            Lang::En => {
                "| header | code (--mapping) | mandatory | accepted values | also recognised |\n"
            }
        });
        out.push_str("|---|---|---|---|---|\n");
        for field in fields(target) {
            out.push_str(&row(*field, lang));
        }
    }
    typography(&out, lang)
}

fn row(field: Field, lang: Lang) -> String {
    let required = if field.required() {
        lang.pick("oui", "yes")
    } else {
        ""
    };
    let also = field
        .aliases()
        .iter()
        .take(4)
        .map(|a| format!("`{a}`"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "| {} | `{}` | {required} | {} | {also} |\n",
        field.title(Lang::Fr),
        field.code(),
        field.accepted(lang).replace('|', "/"),
    )
}
