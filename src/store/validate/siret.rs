//! SIRET numbers: 14 digits with a valid Luhn key (La Poste's own rule included).

use super::Context;
use crate::domain::structure::is_valid_siret;
use crate::store::expected::Expected;
use crate::store::problem::Problem;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    for (i, structure) in cx.workspace.structures.iter().enumerate() {
        if let Some(siret) = &structure.siret
            && !is_valid_siret(siret)
        {
            out.push(
                Problem::new(cx.structure_file(i), "structure.siret", Expected::Siret)
                    .with_value(siret),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture::{places, run, workspace};

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn invalid_sirets() {
        for bad in ["12002701600358", "1200270160035", "120 027 016 00357", ""] {
            let mut ws = workspace();
            ws.structures[0].siret = Some(bad.to_owned());
            let problems = run(&ws, check);
            assert_eq!(
                places(&problems),
                ["structures/recyclerie-du-canal.json: structure.siret"],
                "{bad}"
            );
        }
    }
}
