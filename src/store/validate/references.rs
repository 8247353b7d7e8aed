//! References between files: cities and sectors of the territory, sites and lots of the
//! catalogue, structures, and the sites a call offers.

use super::Context;
use crate::domain::ids::is_outside_city;
use crate::domain::{InseeCode, SectorCode};
use crate::store::expected::Expected;
use crate::store::problem::Problem;
use std::path::Path;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    if cx.territory_known() {
        cities_and_sectors(cx, out);
    }
    pathway_places(cx, out);
    call_sites_and_applications(cx, out);
}

fn cities_and_sectors(cx: &Context<'_>, out: &mut Vec<Problem>) {
    let territory = &cx.workspace.territory;
    let city = |file: &Path, field: String, code: &InseeCode, out: &mut Vec<Problem>| {
        if territory.city(code).is_none() {
            out.push(Problem::new(file, field, Expected::KnownCity).with_value(code));
        }
    };
    let sector = |file: &Path, field: String, code: &SectorCode, out: &mut Vec<Problem>| {
        if territory.sector(code).is_none() {
            out.push(Problem::new(file, field, Expected::KnownSector).with_value(code));
        }
    };
    for (i, site) in cx.workspace.sites.iter().enumerate() {
        let file = cx.site_file(i);
        city(&file, "site.city".into(), &site.city, out);
        for (j, code) in site.priority_sectors.iter().enumerate() {
            sector(&file, format!("site.priority_sectors[{j}]"), code, out);
        }
        for (j, code) in site.excluded_sectors.iter().enumerate() {
            sector(&file, format!("site.excluded_sectors[{j}]"), code, out);
        }
    }
    for (i, structure) in cx.workspace.structures.iter().enumerate() {
        let file = cx.structure_file(i);
        // A structure may be based outside the territory (imported applications keep it so):
        // its home city is then an INSEE code or a name, and scoring says it is outside.
        if !is_outside_city(structure.home_city.as_str()) {
            city(
                &file,
                "structure.home_city".into(),
                &structure.home_city,
                out,
            );
        }
        for (j, code) in structure.needs.preferred_cities.iter().enumerate() {
            city(
                &file,
                format!("structure.needs.preferred_cities[{j}]"),
                code,
                out,
            );
        }
        sector(&file, "structure.sector".into(), &structure.sector, out);
    }
}

/// Episodes name a catalogue site (and maybe one of its lots) or a free-text place.
fn pathway_places(cx: &Context<'_>, out: &mut Vec<Problem>) {
    for (i, structure) in cx.workspace.structures.iter().enumerate() {
        let file = cx.structure_file(i);
        for (j, episode) in structure.pathway.iter().enumerate() {
            let field = format!("structure.pathway[{j}]");
            match (&episode.site, &episode.lot) {
                (None, Some(lot)) => out.push(
                    Problem::new(&file, format!("{field}.lot"), Expected::SiteForLot)
                        .with_value(lot),
                ),
                (Some(site), lot) => {
                    if !cx.site_exists(site.as_str()) {
                        out.push(
                            Problem::new(&file, format!("{field}.site"), Expected::KnownSite)
                                .with_value(site),
                        );
                    } else if let (Some(lot), Some(loaded)) = (lot, cx.site(site.as_str()))
                        && loaded.lot(lot).is_none()
                    {
                        out.push(
                            Problem::new(
                                &file,
                                format!("{field}.lot"),
                                Expected::KnownLot {
                                    site: site.to_string(),
                                },
                            )
                            .with_value(lot),
                        );
                    }
                }
                (None, None) => {}
            }
        }
    }
}

fn call_sites_and_applications(cx: &Context<'_>, out: &mut Vec<Problem>) {
    for (i, call) in cx.workspace.calls.iter().enumerate() {
        let file = cx.call_file(i);
        for (j, site) in call.sites.iter().enumerate() {
            if !cx.site_exists(site.as_str()) {
                out.push(
                    Problem::new(&file, format!("call.sites[{j}]"), Expected::KnownSite)
                        .with_value(site),
                );
            }
        }
        for (j, application) in call.applications.iter().enumerate() {
            let field = format!("call.applications[{j}]");
            if !cx.structure_exists(application.structure.as_str()) {
                out.push(
                    Problem::new(
                        &file,
                        format!("{field}.structure"),
                        Expected::KnownStructure,
                    )
                    .with_value(&application.structure),
                );
            }
            for (k, site) in application.sites.iter().enumerate() {
                if !call.sites.contains(site) {
                    out.push(
                        Problem::new(
                            &file,
                            format!("{field}.sites[{k}]"),
                            Expected::SiteOfCall {
                                call: call.id.to_string(),
                            },
                        )
                        .with_value(site),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{LotId, SiteId, StructureId};
    use crate::store::files::WorkspaceFiles;
    use crate::store::validate::fixture::{places, run, workspace};
    use std::path::PathBuf;

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn unknown_cities() {
        let mut ws = workspace();
        ws.sites[0].city = "75056".into();
        // A well-formed code or a name outside the territory is a structure based elsewhere;
        // a malformed code is a typo.
        ws.structures[1].home_city = "75056".into();
        ws.structures[0].home_city = "9399".into();
        ws.structures[0].needs.preferred_cities[1] = "1".into();
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "sites/friche-des-rives.json: site.city",
                "structures/recyclerie-du-canal.json: structure.home_city",
                "structures/recyclerie-du-canal.json: structure.needs.preferred_cities[1]",
            ]
        );
        assert_eq!(problems[0].value.as_deref(), Some("\"75056\""));
        assert!(problems.iter().all(|p| p.expected == Expected::KnownCity));
    }

    #[test]
    fn unknown_sectors() {
        let mut ws = workspace();
        ws.sites[0].priority_sectors.push("astrologie".into());
        ws.sites[0].excluded_sectors[0] = "x".into();
        ws.structures[1].sector = "y".into();
        assert_eq!(
            places(&run(&ws, check)),
            [
                "sites/friche-des-rives.json: site.priority_sectors[1]",
                "sites/friche-des-rives.json: site.excluded_sectors[0]",
                "structures/velo-solidaire.json: structure.sector",
            ]
        );
    }

    #[test]
    fn no_city_or_sector_checks_without_a_territory() {
        let mut ws = workspace();
        ws.sites[0].city = "75056".into();
        let files = WorkspaceFiles {
            territory_loaded: false,
            ..WorkspaceFiles::named_after_ids(&ws)
        };
        let mut out = Vec::new();
        check(&Context::new(&ws, &files), &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn pathway_references() {
        let mut ws = workspace();
        ws.structures[0].pathway[2].lot = Some(LotId::new("cave"));
        ws.structures[0].pathway[1].site = Some(SiteId::new("nulle-part"));
        ws.structures[0].pathway[0].lot = Some(LotId::new("a"));
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "structures/recyclerie-du-canal.json: structure.pathway[0].lot",
                "structures/recyclerie-du-canal.json: structure.pathway[1].site",
                "structures/recyclerie-du-canal.json: structure.pathway[2].lot",
            ]
        );
        assert_eq!(problems[0].expected, Expected::SiteForLot);
        assert_eq!(
            problems[2].expected,
            Expected::KnownLot {
                site: "friche-des-rives".into()
            }
        );
    }

    #[test]
    fn call_references() {
        let mut ws = workspace();
        ws.calls[0].sites[1] = SiteId::new("fantome");
        ws.calls[0].applications[0].structure = StructureId::new("inconnue");
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "calls/tempo-2026.json: call.sites[1]",
                "calls/tempo-2026.json: call.applications[0].structure",
                // The application asks for a site the call no longer offers.
                "calls/tempo-2026.json: call.applications[1].sites[1]",
            ]
        );
        assert_eq!(
            problems[2].expected,
            Expected::SiteOfCall {
                call: "tempo-2026".into()
            }
        );
    }

    #[test]
    fn references_to_unloadable_files_do_not_cascade() {
        let mut ws = workspace();
        ws.sites.remove(0);
        let mut files = WorkspaceFiles::named_after_ids(&ws);
        files
            .unloadable
            .push(PathBuf::from("sites/friche-des-rives.json"));
        let mut out = Vec::new();
        check(&Context::new(&ws, &files), &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}
