//! Support by the accompaniment network: organisations listed once in the territory file with
//! slug codes, each structure's support naming one of them, ending no earlier than it starts.

use super::Context;
use crate::domain::ids::is_slug;
use crate::store::expected::Expected;
use crate::store::problem::Problem;
use std::collections::HashMap;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    let territory = &cx.workspace.territory;
    if cx.territory_known() {
        let file = cx.territory_file();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (k, organisation) in territory.support_organisations.iter().enumerate() {
            let field = format!("territory.support_organisations[{k}].code");
            if !is_slug(&organisation.code) {
                out.push(
                    Problem::new(&file, &field, Expected::Slug).with_value(&organisation.code),
                );
            } else if let Some(first) = seen.get(organisation.code.as_str()) {
                out.push(
                    Problem::new(
                        &file,
                        &field,
                        Expected::UniqueId {
                            first: format!("territory.support_organisations[{first}]"),
                        },
                    )
                    .with_value(&organisation.code),
                );
            } else {
                seen.insert(&organisation.code, k);
            }
        }
    }
    for (i, structure) in cx.workspace.structures.iter().enumerate() {
        let file = cx.structure_file(i);
        for (j, support) in structure.support.iter().enumerate() {
            let field = format!("structure.support[{j}]");
            if cx.territory_known()
                && territory
                    .support_organisation(&support.organisation)
                    .is_none()
            {
                out.push(
                    Problem::new(
                        &file,
                        format!("{field}.organisation"),
                        Expected::KnownSupportOrganisation,
                    )
                    .with_value(&support.organisation),
                );
            }
            if let Some(to) = support.to
                && to < support.from
            {
                out.push(
                    Problem::new(
                        &file,
                        format!("{field}.from"),
                        Expected::NotAfter { end: to },
                    )
                    .with_value(&support.from),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Support, SupportKind, SupportOrganisation};
    use crate::store::validate::fixture::{places, run, workspace};

    fn support(organisation: &str, from: &str, to: Option<&str>) -> Support {
        Support {
            organisation: organisation.to_owned(),
            kind: SupportKind::Dla,
            from: from.parse().unwrap(),
            to: to.map(|t| t.parse().unwrap()),
        }
    }

    #[test]
    fn clean_fixture_and_known_organisations() {
        let mut ws = workspace();
        assert!(run(&ws, check).is_empty());
        ws.structures[0].support = vec![support("fol-93-dla", "2025-01-01", Some("2025-12-31"))];
        assert!(run(&ws, check).is_empty());
    }

    #[test]
    fn unknown_organisation_reversed_dates_and_bad_codes() {
        let mut ws = workspace();
        ws.structures[0].support = vec![support("inconnue", "2025-06-01", Some("2025-01-01"))];
        ws.territory
            .support_organisations
            .push(SupportOrganisation {
                code: "fam-93".into(),
                name: "doublon".into(),
            });
        ws.territory
            .support_organisations
            .push(SupportOrganisation {
                code: "Lab 3S".into(),
                name: "Lab3S".into(),
            });
        let problems = run(&ws, check);
        let n = ws.territory.support_organisations.len();
        assert_eq!(
            places(&problems),
            [
                format!(
                    "territory.json: territory.support_organisations[{}].code",
                    n - 2
                ),
                format!(
                    "territory.json: territory.support_organisations[{}].code",
                    n - 1
                ),
                "structures/recyclerie-du-canal.json: structure.support[0].organisation".to_owned(),
                "structures/recyclerie-du-canal.json: structure.support[0].from".to_owned(),
            ]
        );
    }
}
