//! Amounts: never negative, never absurd, the grant of an application within the impact fund's
//! cap. The fund's envelopes and its yearly grants are checked in `fund`.

use super::{ABSURD_MONEY, Context};
use crate::domain::{Fee, Money};
use crate::store::expected::Expected;
use crate::store::problem::Problem;
use std::path::Path;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    let ws = cx.workspace;
    for (i, site) in ws.sites.iter().enumerate() {
        let file = cx.site_file(i);
        for (l, lot) in site.lots.iter().enumerate() {
            fee(&file, &format!("site.lots[{l}].fee"), &lot.fee, out);
        }
    }
    let fund = &ws.territory.impact_fund;
    for (i, structure) in ws.structures.iter().enumerate() {
        let file = cx.structure_file(i);
        amount(
            &file,
            "structure.needs.max_annual_budget",
            structure.needs.max_annual_budget,
            out,
        );
        if let Some(grant) = structure.grant_requested
            && amount(&file, "structure.grant_requested", grant, out)
            && cx.territory_known()
            && grant > fund.cap_per_structure
        {
            out.push(
                Problem::new(
                    &file,
                    "structure.grant_requested",
                    Expected::GrantWithinCap {
                        cap: fund.cap_per_structure,
                    },
                )
                .with_value(&grant),
            );
        }
        for (j, episode) in structure.pathway.iter().enumerate() {
            if let Some(f) = &episode.fee {
                fee(&file, &format!("structure.pathway[{j}].fee"), f, out);
            }
        }
    }
}

fn fee(file: &Path, field: &str, fee: &Fee, out: &mut Vec<Problem>) {
    amount(file, &format!("{field}.amount"), fee.amount, out);
    if let Some(provision) = fee.charges_provision_month {
        amount(
            file,
            &format!("{field}.charges_provision_month"),
            provision,
            out,
        );
    }
}

/// Reports a negative or absurd amount; true when it is fine.
pub(super) fn amount(file: &Path, field: &str, value: Money, out: &mut Vec<Problem>) -> bool {
    let ok = !value.is_negative() && value <= ABSURD_MONEY;
    if !ok {
        out.push(Problem::new(file, field, Expected::MoneyInRange).with_value(&value));
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::files::WorkspaceFiles;
    use crate::store::validate::fixture::{places, run, workspace};

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn negative_and_absurd_amounts() {
        let mut ws = workspace();
        ws.sites[0].lots[0].fee.amount = Money::euros(-2);
        ws.sites[0].lots[0].fee.charges_provision_month = Some(Money::euros(-1));
        ws.structures[1].needs.max_annual_budget = Money::euros(100_000_001);
        ws.structures[0].pathway[2].fee.as_mut().unwrap().amount = Money::euros(-3);
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "sites/friche-des-rives.json: site.lots[0].fee.amount",
                "sites/friche-des-rives.json: site.lots[0].fee.charges_provision_month",
                "structures/recyclerie-du-canal.json: structure.pathway[2].fee.amount",
                "structures/velo-solidaire.json: structure.needs.max_annual_budget",
            ]
        );
        assert_eq!(problems[0].value.as_deref(), Some("-2"));
        assert!(
            problems
                .iter()
                .all(|p| p.expected == Expected::MoneyInRange)
        );
    }

    #[test]
    fn exactly_the_absurd_limit_is_allowed() {
        let mut ws = workspace();
        ws.structures[1].needs.max_annual_budget = ABSURD_MONEY;
        assert!(run(&ws, check).is_empty());
    }

    #[test]
    fn grant_above_cap() {
        let mut ws = workspace();
        ws.structures[0].grant_requested = Some(Money::euros(30_001));
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["structures/recyclerie-du-canal.json: structure.grant_requested"]
        );
        assert_eq!(
            problems[0].expected,
            Expected::GrantWithinCap {
                cap: Money::euros(30_000)
            }
        );
        // The cap itself is allowed.
        ws.structures[0].grant_requested = Some(Money::euros(30_000));
        assert!(run(&ws, check).is_empty());
    }

    #[test]
    fn negative_grant_is_out_of_range_not_above_cap() {
        let mut ws = workspace();
        ws.structures[0].grant_requested = Some(Money::euros(-1));
        let problems = run(&ws, check);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].expected, Expected::MoneyInRange);
    }

    #[test]
    fn no_cap_check_without_territory() {
        let mut ws = workspace();
        ws.structures[0].grant_requested = Some(Money::euros(50_000));
        let files = WorkspaceFiles {
            territory_loaded: false,
            ..WorkspaceFiles::named_after_ids(&ws)
        };
        let mut out = Vec::new();
        check(&Context::new(&ws, &files), &mut out);
        assert!(out.is_empty());
    }
}
