//! The site form: identity and place, availability, the sectors it favours or excludes, its
//! features, and its lots (each in a form of its own).

use super::options::{self, enums};
use super::{Cx, Draft, ItemKind, lot, shown};
use crate::domain::{
    Feature, InseeCode, LotId, Programme, SectorCode, Site, SiteId, SiteKind, SiteStatus, Surface,
};
use crate::edit::{Record, new_id};
use crate::tui::forms::field::Field;
use crate::tui::forms::read::{Reader, code_of};

pub fn fields(base: Option<&Site>, cx: Cx<'_>) -> Vec<Field> {
    let ws = cx.workspace;
    let lang = cx.lang;
    let s = base;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| shown::date(d, lang)).unwrap_or_default();
    let city: Vec<&InseeCode> = s.map(|s| &s.city).into_iter().collect();
    let listed: Vec<&SectorCode> = s
        .map(|s| {
            s.priority_sectors
                .iter()
                .chain(&s.excluded_sectors)
                .collect()
        })
        .unwrap_or_default();
    let codes = |v: &[SectorCode]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    vec![
        Field::text("name", ("Nom", "Name"), s.map_or("", |s| &s.name))
            .section(("Identité", "Identity")),
        Field::choice(
            "programme",
            ("Programme", "Programme"),
            enums(&Programme::ALL, lang),
            s.map(|s| code_of(&s.programme)).as_deref(),
        )
        .alias(options::programme_alias),
        Field::choice(
            "kind",
            ("Type", "Kind"),
            enums(&SiteKind::ALL, lang),
            s.map(|s| code_of(&s.kind)).as_deref(),
        )
        .alias(options::site_kind_alias),
        Field::choice(
            "status",
            ("Statut", "Status"),
            enums(&SiteStatus::ALL, lang),
            Some(code_of(&s.map_or(SiteStatus::Upcoming, |s| s.status)).as_str()),
        )
        .alias(options::site_status_alias),
        Field::choice(
            "city",
            ("Ville", "City"),
            options::cities(ws, &city),
            s.map(|s| s.city.as_str()),
        )
        .alias(options::city_alias),
        Field::text(
            "address",
            ("Adresse", "Address"),
            s.map_or("", |s| &s.address),
        ),
        Field::text(
            "lat",
            ("Latitude", "Latitude"),
            &s.map(|s| shown::number(s.lat, lang)).unwrap_or_default(),
        )
        .hint(("vide\u{a0}: centre de la ville", "empty: the city's centre")),
        Field::text(
            "lon",
            ("Longitude", "Longitude"),
            &s.map(|s| shown::number(s.lon, lang)).unwrap_or_default(),
        )
        .hint(("vide\u{a0}: centre de la ville", "empty: the city's centre")),
        Field::text(
            "owner",
            ("Propriétaire ou aménageur", "Owner or developer"),
            s.map_or("", |s| &s.owner),
        ),
        Field::text(
            "description",
            ("Description", "Description"),
            s.map_or("", |s| &s.description),
        ),
        Field::text(
            "available_from",
            ("Disponible le", "Available from"),
            &date(s.map(|s| s.available_from)),
        )
        .section(("Disponibilité", "Availability"))
        .hint(("jj/mm/aaaa", "dd/mm/yyyy")),
        Field::text(
            "available_until",
            ("À libérer le", "To vacate on"),
            &date(s.and_then(|s| s.available_until)),
        )
        .hint((
            "facultatif, vide si pérenne",
            "optional, empty if permanent",
        )),
        Field::text(
            "max_occupation_months",
            ("Occupation maximale (mois)", "Longest occupation (months)"),
            &s.and_then(|s| s.max_occupation_months)
                .map(|m| m.to_string())
                .unwrap_or_default(),
        )
        .hint(("facultatif", "optional")),
        Field::text(
            "call_deadline",
            ("Date limite de l’appel", "Call deadline"),
            &date(s.and_then(|s| s.call_deadline)),
        )
        .hint(("facultatif", "optional")),
        Field::text(
            "total_surface",
            ("Surface totale (m²)", "Total surface (m²)"),
            &s.and_then(|s| s.total_surface)
                .map(|t| shown::number(t.value(), lang))
                .unwrap_or_default(),
        )
        .hint(("facultatif", "optional")),
        Field::multi(
            "features",
            ("Équipements", "Features"),
            enums(&Feature::ALL, lang),
            &s.map(|s| s.features.iter().map(code_of).collect::<Vec<_>>())
                .unwrap_or_default(),
        )
        .section(("Secteurs et équipements", "Sectors and features")),
        Field::multi(
            "priority_sectors",
            ("Secteurs prioritaires", "Priority sectors"),
            options::sectors(ws, &listed),
            &s.map(|s| codes(&s.priority_sectors)).unwrap_or_default(),
        ),
        Field::multi(
            "excluded_sectors",
            ("Secteurs exclus", "Excluded sectors"),
            options::sectors(ws, &listed),
            &s.map(|s| codes(&s.excluded_sectors)).unwrap_or_default(),
        ),
        Field::list(
            "lots",
            ("Lots", "Lots"),
            ItemKind::Lot,
            s.map(|s| s.lots.iter().map(|l| lot::item(l, cx)).collect())
                .unwrap_or_default(),
        )
        .section(("Lots", "Lots")),
    ]
}

pub fn build(base: Option<&Site>, fields: &[Field], cx: Cx<'_>) -> Draft {
    let ws = cx.workspace;
    let t = &ws.territory;
    let mut r = Reader::new(fields, "site");
    let name = r.required_text("name").unwrap_or_default();
    let id = match base {
        Some(b) => b.id.clone(),
        None => SiteId::new(new_id(&name, "lieu", |id| {
            ws.sites.iter().any(|s| s.id.as_str() == id)
        })),
    };
    let city = r
        .required_choice("city")
        .map(InseeCode::new)
        .or_else(|| base.map(|b| b.city.clone()))
        .or_else(|| t.cities.first().map(|c| c.insee.clone()))
        .unwrap_or_else(|| InseeCode::new("93048"));
    let centre = t.city(&city).map(|c| (c.lat, c.lon));
    let coordinate = |r: &mut Reader<'_>, id: &str, old: Option<f64>, centre: Option<f64>| {
        // Coordinates never group thousands: `48.905` is a latitude, whatever the language.
        r.parsed(id, |text| {
            text.trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or(crate::import::problem::Expected::Coordinate)
        })
        .or(if r.given(id) { old } else { None })
        .or(centre)
        .or(old)
        .unwrap_or(0.0)
    };
    let lat = coordinate(&mut r, "lat", base.map(|b| b.lat), centre.map(|c| c.0));
    let lon = coordinate(&mut r, "lon", base.map(|b| b.lon), centre.map(|c| c.1));
    let mut lots: Vec<crate::domain::Lot> = r
        .items("lots")
        .iter()
        .enumerate()
        .map(|(i, item)| {
            r.item(&item.fields, format!("site.lots[{i}]"), |ir| {
                lot::read(ir, item.base.as_ref(), String::new())
            })
        })
        .collect();
    // New lots get ids from their labels, unique within the site.
    for i in 0..lots.len() {
        if lots[i].id.as_str().is_empty() {
            let id = new_id(&lots[i].label, "lot", |candidate| {
                lots.iter().any(|l| l.id.as_str() == candidate)
            });
            lots[i].id = LotId::new(id);
        }
    }
    let site = Site {
        id,
        programme: r
            .code("programme")
            .unwrap_or(base.map_or(Programme::Other, |b| b.programme)),
        kind: r
            .code("kind")
            .unwrap_or(base.map_or(SiteKind::Transitional, |b| b.kind)),
        city,
        address: r.text("address"),
        lat,
        lon,
        owner: r.text("owner"),
        available_from: r
            .required_date("available_from")
            .or(base.map(|b| b.available_from))
            .unwrap_or(cx.today),
        available_until: r.date("available_until"),
        max_occupation_months: r.count("max_occupation_months"),
        total_surface: r.surface("total_surface").map(Surface::m2),
        lots,
        features: r.codes("features"),
        priority_sectors: r
            .keys("priority_sectors")
            .into_iter()
            .map(SectorCode::new)
            .collect(),
        excluded_sectors: r
            .keys("excluded_sectors")
            .into_iter()
            .map(SectorCode::new)
            .collect(),
        call_deadline: r.date("call_deadline"),
        status: r.code("status").unwrap_or(SiteStatus::Upcoming),
        description: r.text("description"),
        sources: base.map(|b| b.sources.clone()).unwrap_or_default(),
        illustrative: base.map(|b| b.illustrative.clone()).unwrap_or_default(),
        name: name.clone(),
    };
    Draft {
        records: vec![Record::Site(Box::new(site))],
        prefix: "site".to_owned(),
        issues: r.issues,
        name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::validate::fixture::workspace;

    #[test]
    fn an_existing_site_comes_back_unchanged() {
        let ws = workspace();
        for lang in [Lang::Fr, Lang::En] {
            let cx = Cx {
                workspace: &ws,
                lang,
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            };
            for s in &ws.sites {
                let draft = build(Some(s), &fields(Some(s), cx), cx);
                assert!(draft.issues.is_empty(), "{:?}", draft.issues);
                assert_eq!(draft.records, vec![Record::Site(Box::new(s.clone()))]);
            }
        }
    }
}
