//! The option lists of the forms: the enumerations by their French or English names, and
//! what the workspace holds (cities, sectors, sites, lots, calls, structures, organisations)
//! by name, never by id. A value the lists do not hold (an old code, a city outside the
//! territory) is kept as an option of its own, so editing a record never loses it.

use crate::domain::{InseeCode, SectorCode, Site, Workspace};
use crate::i18n::Lang;
use crate::i18n::labels::Label;
use crate::i18n::natural::natural_cmp;
use crate::import::values::{city, taxonomy};
use crate::tui::forms::choice::Opt;
use crate::tui::forms::read::code_of;
use serde::Serialize;

/// Every value of an enumeration, named in `lang`.
pub fn enums<T: Serialize + Label>(all: &[T], lang: Lang) -> Vec<Opt> {
    all.iter()
        .map(|v| Opt::new(code_of(v), v.label(lang)))
        .collect()
}

/// Adds `key` (labelled by itself) when the options do not hold it.
fn keeping(mut options: Vec<Opt>, key: Option<&str>) -> Vec<Opt> {
    if let Some(key) = key
        && !key.is_empty()
        && !options.iter().any(|o| o.key == key)
    {
        options.push(Opt::new(key, key));
    }
    options
}

fn sorted(mut options: Vec<Opt>) -> Vec<Opt> {
    options.sort_by(|a, b| natural_cmp(&a.label, &b.label));
    options
}

pub fn cities(ws: &Workspace, current: &[&InseeCode]) -> Vec<Opt> {
    let mut options = sorted(
        ws.territory
            .cities
            .iter()
            .map(|c| Opt::new(c.insee.as_str(), c.name.as_str()))
            .collect(),
    );
    for code in current {
        options = keeping(options, Some(code.as_str()));
    }
    options
}

/// Sectors labelled with their family, so « Réemploi » says where it belongs.
pub fn sectors(ws: &Workspace, current: &[&SectorCode]) -> Vec<Opt> {
    let mut options: Vec<Opt> = ws
        .territory
        .sector_families
        .iter()
        .flat_map(|f| {
            f.sectors
                .iter()
                .map(move |s| Opt::new(s.code.as_str(), format!("{} ({})", s.label, f.label)))
        })
        .collect();
    for code in current {
        options = keeping(options, Some(code.as_str()));
    }
    options
}

/// Sites by name, with their city.
pub fn sites(ws: &Workspace) -> Vec<Opt> {
    sorted(
        ws.sites
            .iter()
            .map(|s| {
                Opt::new(
                    s.id.as_str(),
                    format!("{} ({})", s.name, ws.territory.city_name(&s.city)),
                )
            })
            .collect(),
    )
}

/// Some of the sites, in the order given (a call's).
pub fn some_sites<'a>(
    ws: &Workspace,
    ids: impl Iterator<Item = &'a crate::domain::SiteId>,
) -> Vec<Opt> {
    ids.map(|id| {
        let name = ws.site(id).map_or(id.as_str(), |s| s.name.as_str());
        Opt::new(id.as_str(), name)
    })
    .collect()
}

pub fn lots(site: Option<&Site>, current: Option<&str>) -> Vec<Opt> {
    let options = site
        .map(|s| {
            s.lots
                .iter()
                .map(|l| Opt::new(l.id.as_str(), l.label.as_str()))
                .collect()
        })
        .unwrap_or_default();
    keeping(options, current)
}

pub fn calls(ws: &Workspace) -> Vec<Opt> {
    let mut options: Vec<Opt> = ws
        .calls
        .iter()
        .map(|c| Opt::new(c.id.as_str(), c.title.as_str()))
        .collect();
    options.sort_by(|a, b| a.key.cmp(&b.key));
    options
}

pub fn structures(ws: &Workspace) -> Vec<Opt> {
    sorted(
        ws.structures
            .iter()
            .map(|s| Opt::new(s.id.as_str(), s.name.as_str()))
            .collect(),
    )
}

pub fn organisations(ws: &Workspace, current: Option<&str>) -> Vec<Opt> {
    keeping(
        ws.territory
            .support_organisations
            .iter()
            .map(|o| Opt::new(o.code.as_str(), o.name.as_str()))
            .collect(),
        current,
    )
}

// What the import understands beyond the labels: its parsers, answering an option's key.

pub fn legal_form_alias(text: &str, _: &Workspace) -> Option<String> {
    taxonomy::legal_form(text).ok().map(|f| code_of(&f.form))
}

pub fn use_type_alias(text: &str, _: &Workspace) -> Option<String> {
    taxonomy::use_type(text).ok().map(|u| code_of(&u))
}

pub fn sector_alias(text: &str, ws: &Workspace) -> Option<String> {
    taxonomy::sector(text, &ws.territory)
        .ok()
        .map(|s| s.to_string())
}

pub fn city_alias(text: &str, ws: &Workspace) -> Option<String> {
    city::city(text, None, &ws.territory)
        .ok()
        .map(|c| c.code().to_string())
}

pub fn programme_alias(text: &str, _: &Workspace) -> Option<String> {
    taxonomy::programme(text).ok().map(|p| code_of(&p))
}

pub fn site_kind_alias(text: &str, _: &Workspace) -> Option<String> {
    taxonomy::site_kind(text).ok().map(|k| code_of(&k))
}

pub fn site_status_alias(text: &str, _: &Workspace) -> Option<String> {
    taxonomy::site_status(text).ok().map(|s| code_of(&s))
}

pub fn fee_unit_alias(text: &str, _: &Workspace) -> Option<String> {
    taxonomy::fee_unit(text).ok().map(|u| code_of(&u))
}

pub fn agreement_alias(text: &str, _: &Workspace) -> Option<String> {
    text.parse::<crate::domain::AgreementKind>()
        .ok()
        .map(|k| k.code().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture::workspace;
    use crate::tui::forms::choice::Choice;

    /// What the labels do not hold, the import's parsers still recognise.
    #[test]
    fn usual_spellings_pick_their_option() {
        let ws = workspace();
        let pick = |options: Vec<Opt>, alias: crate::tui::forms::choice::Alias, text: &str| {
            let mut choice = Choice::new(options, None);
            choice.alias = Some(alias);
            choice.query = text.to_owned();
            choice.refilter(&ws);
            choice.key().map(str::to_owned)
        };
        let legal = || enums(&crate::domain::LegalForm::ALL, Lang::Fr);
        assert_eq!(
            pick(legal(), legal_form_alias, "SCOP SARL").as_deref(),
            Some("scop")
        );
        assert_eq!(
            pick(legal(), legal_form_alias, "association").as_deref(),
            Some("association")
        );
        let city = ws.territory.cities[0].clone();
        let upper = city.name.to_uppercase();
        assert_eq!(
            pick(cities(&ws, &[]), city_alias, &upper).as_deref(),
            Some(city.insee.as_str())
        );
        assert_eq!(pick(cities(&ws, &[]), city_alias, "Paris"), None);
    }
}
