//! The impact fund: its yearly envelopes and cap in the territory file, and the grants each
//! structure records against them — within the cap per structure and year, within the year's
//! envelope. Requests may exceed the cap (the officer records what was asked); what is
//! granted may not.

use super::Context;
use super::money::amount;
use crate::domain::Money;
use crate::store::expected::Expected;
use crate::store::problem::Problem;
use std::collections::BTreeMap;

/// Years a grant or an envelope can plausibly belong to.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    if cx.territory_known() {
        territory(cx, out);
    }
    grants(cx, out);
}

fn territory(cx: &Context<'_>, out: &mut Vec<Problem>) {
    let file = cx.territory_file();
    let fund = &cx.workspace.territory.impact_fund;
    let cap_ok = amount(
        &file,
        "territory.impact_fund.cap_per_structure",
        fund.cap_per_structure,
        out,
    );
    let mut previous: Option<i32> = None;
    for (k, envelope) in fund.envelopes.iter().enumerate() {
        let field = format!("territory.impact_fund.envelopes[{k}]");
        if !YEARS.contains(&envelope.year) {
            out.push(
                Problem::new(&file, format!("{field}.year"), Expected::PlausibleYear)
                    .with_value(&envelope.year),
            );
        } else if previous.is_some_and(|p| envelope.year <= p) {
            out.push(
                Problem::new(&file, format!("{field}.year"), Expected::YearsInOrder)
                    .with_value(&envelope.year),
            );
        }
        previous = Some(envelope.year);
        let envelope_ok = amount(&file, &format!("{field}.amount"), envelope.amount, out);
        if envelope_ok && cap_ok && fund.cap_per_structure > envelope.amount {
            out.push(
                Problem::new(
                    &file,
                    "territory.impact_fund.cap_per_structure",
                    Expected::CapWithinEnvelope {
                        envelope: envelope.amount,
                    },
                )
                .with_value(&fund.cap_per_structure),
            );
        }
    }
    let settings = &cx.workspace.territory.pathway;
    if settings.incubation_exit_months == 0 {
        out.push(
            Problem::new(
                &file,
                "territory.pathway.incubation_exit_months",
                Expected::NonZeroDuration,
            )
            .with_value(&0),
        );
    }
}

fn grants(cx: &Context<'_>, out: &mut Vec<Problem>) {
    let fund = &cx.workspace.territory.impact_fund;
    // Granted so far in each year, across structures, in file order: the grant that tips a
    // year over its envelope is the one reported.
    let mut granted_in_year: BTreeMap<i32, Money> = BTreeMap::new();
    let mut over_envelope: Vec<(i32, Problem)> = Vec::new();
    for (i, structure) in cx.workspace.structures.iter().enumerate() {
        let file = cx.structure_file(i);
        let mut granted_by_structure: BTreeMap<i32, Money> = BTreeMap::new();
        for (j, grant) in structure.grants.iter().enumerate() {
            let field = format!("structure.grants[{j}]");
            if !YEARS.contains(&grant.year) {
                out.push(
                    Problem::new(&file, format!("{field}.year"), Expected::PlausibleYear)
                        .with_value(&grant.year),
                );
                continue;
            }
            if cx.territory_known() && fund.envelope(grant.year).is_none() {
                out.push(
                    Problem::new(
                        &file,
                        format!("{field}.year"),
                        Expected::EnvelopeForYear { year: grant.year },
                    )
                    .with_value(&grant.year),
                );
            }
            if let Some(call) = &grant.call
                && !cx.call_exists(call.as_str())
            {
                out.push(
                    Problem::new(&file, format!("{field}.call"), Expected::KnownCall)
                        .with_value(call),
                );
            }
            let requested_ok = amount(&file, &format!("{field}.requested"), grant.requested, out);
            let Some(granted) = grant.granted else {
                continue;
            };
            if !amount(&file, &format!("{field}.granted"), granted, out) {
                continue;
            }
            let granted_field = format!("{field}.granted");
            if requested_ok && granted > grant.requested {
                out.push(
                    Problem::new(
                        &file,
                        &granted_field,
                        Expected::GrantedWithinRequested {
                            requested: grant.requested,
                        },
                    )
                    .with_value(&granted),
                );
            }
            let mine = granted_by_structure.entry(grant.year).or_default();
            let before = *mine;
            *mine = *mine + granted;
            if cx.territory_known()
                && *mine > fund.cap_per_structure
                && before <= fund.cap_per_structure
            {
                out.push(
                    Problem::new(
                        &file,
                        &granted_field,
                        Expected::GrantsWithinCap {
                            year: grant.year,
                            cap: fund.cap_per_structure,
                            total: *mine,
                        },
                    )
                    .with_value(&granted),
                );
            }
            let year_total = granted_in_year.entry(grant.year).or_default();
            let before = *year_total;
            *year_total = *year_total + granted;
            let envelope = fund.envelope_amount(grant.year);
            if cx.territory_known()
                && fund.envelope(grant.year).is_some()
                && *year_total > envelope
                && before <= envelope
            {
                over_envelope.push((
                    grant.year,
                    Problem::new(
                        &file,
                        &granted_field,
                        Expected::YearWithinEnvelope {
                            year: grant.year,
                            envelope,
                            total: Money::ZERO,
                        },
                    )
                    .with_value(&granted),
                ));
            }
        }
    }
    // The message gives the year's whole total, known only once every structure is counted.
    for (year, mut problem) in over_envelope {
        if let Expected::YearWithinEnvelope { total, .. } = &mut problem.expected {
            *total = granted_in_year[&year];
        }
        out.push(problem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CallId, FundEnvelope, Grant, GrantPurpose};
    use crate::store::validate::fixture::{places, run, workspace};

    fn grant(year: i32, requested: i64, granted: Option<i64>) -> Grant {
        Grant {
            year,
            requested: Money::euros(requested),
            granted: granted.map(Money::euros),
            purpose: GrantPurpose::Fonctionnement,
            decided_on: None,
            call: None,
            committee: String::new(),
        }
    }

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn grants_within_the_cap_and_the_envelope_pass() {
        let mut ws = workspace();
        ws.structures[0].grants = vec![
            grant(2025, 20_000, Some(15_000)),
            grant(2025, 20_000, Some(15_000)),
            // Asking more than the cap is recorded, not refused.
            grant(2026, 45_000, None),
        ];
        assert!(run(&ws, check).is_empty());
    }

    #[test]
    fn a_structure_over_the_cap_in_a_year_is_located_on_the_grant_that_tips_it() {
        let mut ws = workspace();
        ws.structures[0].grants = vec![
            grant(2025, 20_000, Some(20_000)),
            grant(2025, 20_000, Some(10_001)),
            grant(2026, 20_000, Some(20_000)),
        ];
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["structures/recyclerie-du-canal.json: structure.grants[1].granted"]
        );
        assert_eq!(
            problems[0].expected,
            Expected::GrantsWithinCap {
                year: 2025,
                cap: Money::euros(30_000),
                total: Money::euros(30_001)
            }
        );
    }

    #[test]
    fn a_year_over_its_envelope_names_the_year_total() {
        let mut ws = workspace();
        ws.territory.impact_fund.envelopes.push(FundEnvelope {
            year: 2026,
            amount: Money::euros(40_000),
            source: String::new(),
        });
        ws.structures[0].grants = vec![grant(2026, 30_000, Some(30_000))];
        ws.structures[1].grants = vec![grant(2026, 20_000, Some(20_000))];
        // 2025 keeps the 2023 envelope (270 000 €): far from full.
        ws.structures[1]
            .grants
            .push(grant(2025, 20_000, Some(20_000)));
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            ["structures/velo-solidaire.json: structure.grants[0].granted"]
        );
        assert_eq!(
            problems[0].expected,
            Expected::YearWithinEnvelope {
                year: 2026,
                envelope: Money::euros(40_000),
                total: Money::euros(50_000)
            }
        );
    }

    #[test]
    fn incoherent_grants() {
        let mut ws = workspace();
        let mut unknown_call = grant(2025, 10_000, Some(12_000));
        unknown_call.call = Some(CallId::new("ami-inconnu"));
        ws.structures[0].grants = vec![
            unknown_call,
            grant(1999, 1_000, None),
            grant(2022, 1_000, None),
            grant(2025, -5, None),
        ];
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "structures/recyclerie-du-canal.json: structure.grants[0].call",
                "structures/recyclerie-du-canal.json: structure.grants[0].granted",
                "structures/recyclerie-du-canal.json: structure.grants[1].year",
                "structures/recyclerie-du-canal.json: structure.grants[2].year",
                "structures/recyclerie-du-canal.json: structure.grants[3].requested",
            ]
        );
        assert_eq!(
            problems[1].expected,
            Expected::GrantedWithinRequested {
                requested: Money::euros(10_000)
            }
        );
        assert_eq!(
            problems[3].expected,
            Expected::EnvelopeForYear { year: 2022 }
        );
    }

    #[test]
    fn envelopes_and_cap() {
        let mut ws = workspace();
        let fund = &mut ws.territory.impact_fund;
        fund.envelopes.push(FundEnvelope {
            year: 2023,
            amount: Money::euros(10_000),
            source: String::new(),
        });
        fund.envelopes.push(FundEnvelope {
            year: 2024,
            amount: Money::euros(-1),
            source: String::new(),
        });
        ws.territory.pathway.incubation_exit_months = 0;
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "territory.json: territory.impact_fund.envelopes[1].year",
                "territory.json: territory.impact_fund.cap_per_structure",
                "territory.json: territory.impact_fund.envelopes[2].amount",
                "territory.json: territory.pathway.incubation_exit_months",
            ]
        );
        assert_eq!(problems[0].expected, Expected::YearsInOrder);
        assert_eq!(
            problems[1].expected,
            Expected::CapWithinEnvelope {
                envelope: Money::euros(10_000)
            }
        );
    }
}
