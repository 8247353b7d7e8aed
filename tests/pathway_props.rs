//! Properties of the pathway functions on synthetic workspaces of any seed: the territory's
//! figures add up, alerts come most urgent first, and a placement after a stay's end always
//! answers its alert.

use ancrage::cli::demo_data::embedded_territory;
use ancrage::demo_data::{Size, generate};
use ancrage::domain::{EpisodeKind, SiteKind};
use ancrage::pathway::{
    AlertKind, Figures, Placement, Within, alerts, alerts_for, balance, fund_year, place,
};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn workspace(seed: u64) -> ancrage::domain::Workspace {
    let territory = embedded_territory().expect("embedded territory");
    generate(
        &territory,
        Size {
            structures: 120,
            sites: 12,
        },
        seed,
        today(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn zones_add_up_to_the_total(seed in any::<u64>(), year in 2018i32..2030, days in 0u64..2000) {
        let ws = workspace(seed);
        let day = today() - Days::new(days);
        let b = balance(&ws, day, year, ws.calls.first().map(|c| &c.id));
        let mut sum = Figures::default();
        for zone in &b.zones {
            let mut cities = Figures::default();
            for city in &zone.cities {
                cities += city.figures;
            }
            prop_assert_eq!(cities, zone.figures);
            sum += zone.figures;
        }
        prop_assert_eq!(sum, b.total);
        // Occupied and hosted never exceed what the workspace holds.
        prop_assert!(b.total.structures <= ws.structures.len());
        let f = fund_year(&ws, year);
        let by_zone: ancrage::domain::Money = f.by_zone.iter().map(|(_, a)| a.requested).sum();
        prop_assert!(by_zone <= f.totals.requested);
    }

    #[test]
    fn alerts_come_most_urgent_first(seed in any::<u64>()) {
        let ws = workspace(seed);
        let found = alerts(&ws, today(), Within::Months12);
        let days: Vec<i64> = found.iter().map(|a| a.days_left.unwrap_or(i64::MAX)).collect();
        prop_assert!(days.windows(2).all(|w| w[0] <= w[1]));
        for a in &found {
            prop_assert_eq!(&ws.structures[a.index].id, &a.structure);
        }
    }

    #[test]
    fn a_placement_after_the_end_answers_the_ending_alert(seed in any::<u64>()) {
        let ws = workspace(seed);
        let settings = ws.territory.pathway;
        let Some(target) = ws.sites.iter().find(|s| s.kind == SiteKind::Permanent) else {
            return Ok(());
        };
        for s in &ws.structures {
            let ending = alerts_for(s, today(), Within::Months12, &settings)
                .into_iter()
                .find(|a| a.kind == AlertKind::EndingWithoutNext);
            let Some(alert) = ending else { continue };
            let from = alert.end.unwrap();
            let outcome = place(&ws, &Placement {
                structure: s.id.clone(),
                site: target.id.clone(),
                lot: None,
                from,
                to: None,
                agreement: None,
                application: None,
                surface: None,
            });
            let outcome = match outcome {
                Ok(o) => o,
                Err(e) => return Err(TestCaseError::fail(format!("{}: {e}", s.id))),
            };
            let after = outcome.structure().unwrap();
            prop_assert_eq!(after.pathway.last().map(|e| e.kind), Some(EpisodeKind::Permanent));
            let left: Vec<_> = alerts_for(after, today(), Within::Months12, &settings)
                .into_iter()
                .filter(|a| a.kind.answered_by_placement())
                .collect();
            prop_assert!(left.is_empty(), "{}: {:?}", s.id, left);
        }
    }
}
