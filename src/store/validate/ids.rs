//! Identifiers: slugs (they become file names), unique, and equal to their file's name.

use super::Context;
use crate::domain::ids::is_slug;
use crate::store::expected::Expected;
use crate::store::problem::Problem;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where an id was declared: file, field path, value.
struct Declaration {
    file: PathBuf,
    field: String,
    id: String,
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    let ws = cx.workspace;
    let sites: Vec<_> = ws
        .sites
        .iter()
        .enumerate()
        .map(|(i, s)| declared(cx.site_file(i), "site.id", s.id.as_str()))
        .collect();
    let structures: Vec<_> = ws
        .structures
        .iter()
        .enumerate()
        .map(|(i, s)| declared(cx.structure_file(i), "structure.id", s.id.as_str()))
        .collect();
    let calls: Vec<_> = ws
        .calls
        .iter()
        .enumerate()
        .map(|(i, c)| declared(cx.call_file(i), "call.id", c.id.as_str()))
        .collect();
    for group in [&sites, &structures, &calls] {
        for d in group {
            slug(d, out);
            named_after_id(d, out);
        }
        unique(group, out);
    }

    for (i, site) in ws.sites.iter().enumerate() {
        let lots: Vec<_> = site
            .lots
            .iter()
            .enumerate()
            .map(|(l, lot)| {
                declared(
                    cx.site_file(i),
                    &format!("site.lots[{l}].id"),
                    lot.id.as_str(),
                )
            })
            .collect();
        lots.iter().for_each(|d| slug(d, out));
        unique(&lots, out);
    }

    // A SIRET names one establishment: two structures with the same one are one entered twice.
    let sirets: Vec<_> = ws
        .structures
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            Some(declared(
                cx.structure_file(i),
                "structure.siret",
                s.siret.as_deref()?,
            ))
        })
        .collect();
    unique(&sirets, out);

    // Inside a call: each site offered once, one application per structure (the review keys
    // its decisions by structure), each site asked for once per application.
    for (i, call) in ws.calls.iter().enumerate() {
        let file = cx.call_file(i);
        let offered: Vec<_> = call
            .sites
            .iter()
            .enumerate()
            .map(|(j, s)| declared(file.clone(), &format!("call.sites[{j}]"), s.as_str()))
            .collect();
        unique(&offered, out);
        let applicants: Vec<_> = call
            .applications
            .iter()
            .enumerate()
            .map(|(j, a)| {
                declared(
                    file.clone(),
                    &format!("call.applications[{j}].structure"),
                    a.structure.as_str(),
                )
            })
            .collect();
        unique(&applicants, out);
        for (j, application) in call.applications.iter().enumerate() {
            let asked: Vec<_> = application
                .sites
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    declared(
                        file.clone(),
                        &format!("call.applications[{j}].sites[{k}]"),
                        s.as_str(),
                    )
                })
                .collect();
            unique(&asked, out);
        }
    }

    let territory = &ws.territory;
    let file = cx.territory_file();
    let cities: Vec<_> = territory
        .cities
        .iter()
        .enumerate()
        .map(|(i, c)| {
            declared(
                file.clone(),
                &format!("territory.cities[{i}].insee"),
                c.insee.as_str(),
            )
        })
        .collect();
    unique(&cities, out);
    let families: Vec<_> = territory
        .sector_families
        .iter()
        .enumerate()
        .map(|(i, f)| {
            declared(
                file.clone(),
                &format!("territory.sector_families[{i}].code"),
                &f.code,
            )
        })
        .collect();
    let sectors: Vec<_> = territory
        .sector_families
        .iter()
        .enumerate()
        .flat_map(|(i, f)| {
            let file = &file;
            f.sectors.iter().enumerate().map(move |(j, s)| {
                declared(
                    file.clone(),
                    &format!("territory.sector_families[{i}].sectors[{j}].code"),
                    s.code.as_str(),
                )
            })
        })
        .collect();
    for group in [&families, &sectors] {
        group.iter().for_each(|d| slug(d, out));
        unique(group, out);
    }
}

fn declared(file: PathBuf, field: &str, id: &str) -> Declaration {
    Declaration {
        file,
        field: field.to_owned(),
        id: id.to_owned(),
    }
}

fn problem(d: &Declaration, expected: Expected) -> Problem {
    Problem::new(&d.file, &d.field, expected).with_value(&d.id)
}

fn slug(d: &Declaration, out: &mut Vec<Problem>) {
    if !is_slug(&d.id) {
        out.push(problem(d, Expected::Slug));
    }
}

/// `sites/<id>.json` must hold site `<id>`: the file name is how references find it.
fn named_after_id(d: &Declaration, out: &mut Vec<Problem>) {
    let stem = Path::new(&d.file).file_stem().and_then(|s| s.to_str());
    if stem != Some(d.id.as_str()) {
        out.push(problem(d, Expected::FileNamedAfterId { id: d.id.clone() }));
    }
}

/// Every declaration after the first of an id is a problem that names the first.
fn unique(declarations: &[Declaration], out: &mut Vec<Problem>) {
    let mut first: HashMap<&str, &Declaration> = HashMap::new();
    for d in declarations {
        match first.get(d.id.as_str()) {
            Some(earlier) => out.push(problem(
                d,
                Expected::UniqueId {
                    first: format!("{} ({})", earlier.file.display(), earlier.field),
                },
            )),
            None => {
                first.insert(&d.id, d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{LotId, SiteId};
    use crate::store::validate::fixture::{places, run, workspace};

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn duplicate_site_id() {
        let mut ws = workspace();
        let copy = ws.sites[0].clone();
        ws.sites.push(copy);
        let problems = run(&ws, check);
        assert_eq!(places(&problems), ["sites/friche-des-rives.json: site.id"]);
        assert!(
            matches!(&problems[0].expected, Expected::UniqueId { first } if first.contains("friche-des-rives.json"))
        );
    }

    #[test]
    fn duplicate_structure_and_call_ids() {
        let mut ws = workspace();
        ws.structures.push(ws.structures[1].clone());
        ws.calls.push(ws.calls[0].clone());
        assert_eq!(
            places(&run(&ws, check)),
            [
                "structures/velo-solidaire.json: structure.id",
                "calls/tempo-2026.json: call.id"
            ]
        );
    }

    #[test]
    fn duplicate_lot_within_a_site() {
        let mut ws = workspace();
        ws.sites[0].lots[1].id = LotId::new("pavillon");
        assert_eq!(
            places(&run(&ws, check)),
            ["sites/friche-des-rives.json: site.lots[1].id"]
        );
    }

    #[test]
    fn same_lot_id_in_two_sites_is_fine() {
        let mut ws = workspace();
        ws.sites[1].lots[0].id = LotId::new("pavillon");
        assert!(run(&ws, check).is_empty());
    }

    #[test]
    fn ids_must_be_slugs() {
        let mut ws = workspace();
        ws.sites[0].lots[0].id = LotId::new("Pavillon A");
        ws.territory.sector_families[0].sectors[0].code = "Réemploi".into();
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "sites/friche-des-rives.json: site.lots[0].id",
                "territory.json: territory.sector_families[0].sectors[0].code"
            ]
        );
        assert!(problems.iter().all(|p| p.expected == Expected::Slug));
    }

    #[test]
    fn file_name_must_equal_id() {
        let ws = workspace();
        let mut files = crate::store::files::WorkspaceFiles::named_after_ids(&ws);
        files.sites[1] = PathBuf::from("sites/autre-nom.json");
        let cx = Context::new(&ws, &files);
        let mut out = Vec::new();
        check(&cx, &mut out);
        assert_eq!(places(&out), ["sites/autre-nom.json: site.id"]);
        assert_eq!(
            out[0].expected,
            Expected::FileNamedAfterId {
                id: "hotel-activites".into()
            }
        );
    }

    #[test]
    fn non_slug_site_id_is_reported_once_as_slug_and_once_as_file_name() {
        let mut ws = workspace();
        ws.sites[1].id = SiteId::new("Hôtel");
        let files = crate::store::files::WorkspaceFiles {
            sites: vec![
                PathBuf::from("sites/friche-des-rives.json"),
                PathBuf::from("sites/hotel.json"),
            ],
            ..crate::store::files::WorkspaceFiles::named_after_ids(&ws)
        };
        let cx = Context::new(&ws, &files);
        let mut out = Vec::new();
        check(&cx, &mut out);
        let kinds: Vec<_> = out.iter().map(|p| &p.expected).collect();
        assert_eq!(kinds.len(), 2);
        assert_eq!(kinds[0], &Expected::Slug);
    }

    #[test]
    fn duplicate_siret() {
        let mut ws = workspace();
        ws.structures[1].siret = ws.structures[0].siret.clone();
        assert_eq!(
            places(&run(&ws, check)),
            ["structures/velo-solidaire.json: structure.siret"]
        );
    }

    #[test]
    fn duplicates_inside_a_call() {
        let mut ws = workspace();
        let call = &mut ws.calls[0];
        call.sites.push(call.sites[0].clone());
        call.applications.push(call.applications[0].clone());
        let again = call.applications[1].sites[0].clone();
        call.applications[1].sites.push(again);
        assert_eq!(
            places(&run(&ws, check)),
            [
                "calls/tempo-2026.json: call.sites[2]",
                "calls/tempo-2026.json: call.applications[2].structure",
                "calls/tempo-2026.json: call.applications[1].sites[2]",
            ]
        );
    }

    #[test]
    fn duplicate_city_in_territory() {
        let mut ws = workspace();
        ws.territory.cities.push(ws.territory.cities[0].clone());
        assert_eq!(
            places(&run(&ws, check)),
            ["territory.json: territory.cities[5].insee"]
        );
    }
}
