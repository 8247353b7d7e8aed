//! The impact fund for a year: granted and requested against the year's envelope, by zone (of
//! each structure's home city) and by purpose, and the structures over the cap; and the rules a
//! new grant must follow before it is recorded.

use crate::domain::{Grant, GrantPurpose, Money, Structure, StructureId, Workspace, Zone};
use crate::edit::{Edit, EditKind, Record, Step};
use crate::i18n::{self, Lang, NBSP};
use crate::store::validate::ABSURD_MONEY;

/// Granted and requested amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amounts {
    pub granted: Money,
    pub requested: Money,
}

impl Amounts {
    fn add(&mut self, grant: &Grant) {
        self.granted = self.granted + grant.granted_amount();
        self.requested = self.requested + grant.requested;
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FundYear {
    pub year: i32,
    /// The envelope that applies (none before the first known year).
    pub envelope: Option<Money>,
    /// The year the envelope's figure is from, when carried from an earlier year.
    pub envelope_from: Option<i32>,
    pub envelope_source: String,
    pub cap_per_structure: Money,
    pub totals: Amounts,
    /// Requests still waiting for a decision.
    pub pending: Money,
    /// In `Zone::ALL` order.
    pub by_zone: Vec<(Zone, Amounts)>,
    /// In `GrantPurpose::ALL` order.
    pub by_purpose: Vec<(GrantPurpose, Amounts)>,
    /// Structures whose requests or grants of the year add up above the cap, by id.
    pub over_cap: Vec<StructureId>,
    /// Structures with a grant (or a request) this year.
    pub structures: usize,
}

impl FundYear {
    /// What remains of the envelope once the grants are counted (negative when over).
    pub fn remaining(&self) -> Option<Money> {
        self.envelope.map(|e| e - self.totals.granted)
    }
}

/// The fund's figures for `year`.
pub fn fund_year(workspace: &Workspace, year: i32) -> FundYear {
    let fund = &workspace.territory.impact_fund;
    let envelope = fund.envelope(year);
    let mut totals = Amounts::default();
    let mut pending = Money::ZERO;
    let mut by_zone: Vec<(Zone, Amounts)> =
        Zone::ALL.iter().map(|&z| (z, Amounts::default())).collect();
    let mut by_purpose: Vec<(GrantPurpose, Amounts)> = GrantPurpose::ALL
        .iter()
        .map(|&p| (p, Amounts::default()))
        .collect();
    let mut over_cap = Vec::new();
    let mut structures = 0;
    for structure in &workspace.structures {
        let zone = workspace.territory.zone_of(&structure.home_city);
        let mut mine = Amounts::default();
        for grant in structure.grants.iter().filter(|g| g.year == year) {
            mine.add(grant);
            totals.add(grant);
            if grant.is_pending() {
                pending = pending + grant.requested;
            }
            if let Some(slot) = by_zone.iter_mut().find(|(z, _)| Some(*z) == zone) {
                slot.1.add(grant);
            }
            if let Some(slot) = by_purpose.iter_mut().find(|(p, _)| *p == grant.purpose) {
                slot.1.add(grant);
            }
        }
        if structure.grants.iter().any(|g| g.year == year) {
            structures += 1;
        }
        if mine.requested > fund.cap_per_structure || mine.granted > fund.cap_per_structure {
            over_cap.push(structure.id.clone());
        }
    }
    FundYear {
        year,
        envelope: envelope.map(|e| e.amount),
        envelope_from: envelope.map(|e| e.year).filter(|y| *y != year),
        envelope_source: envelope.map(|e| e.source.clone()).unwrap_or_default(),
        cap_per_structure: fund.cap_per_structure,
        totals,
        pending,
        by_zone,
        by_purpose,
        over_cap,
        structures,
    }
}

/// Why a grant cannot be recorded.
#[derive(Debug, Clone, PartialEq)]
pub enum GrantRefusal {
    UnknownStructure(StructureId),
    /// Negative, or absurdly large.
    AmountOutOfRange(Money),
    GrantedAboveRequested {
        granted: Money,
        requested: Money,
    },
    /// No envelope applies to the year (none for it nor for an earlier year).
    NoEnvelope(i32),
    /// The structure's grants of the year would exceed the cap.
    OverCap {
        cap: Money,
        total: Money,
    },
    /// The year's grants would exceed the envelope.
    OverEnvelope {
        year: i32,
        envelope: Money,
        total: Money,
    },
}

impl GrantRefusal {
    pub fn message(&self, lang: Lang) -> String {
        let m = |amount: &Money| i18n::money(*amount, lang);
        match (self, lang) {
            (GrantRefusal::UnknownStructure(id), Lang::Fr) => {
                format!("structure inconnue «{NBSP}{id}{NBSP}»")
            }
            (GrantRefusal::UnknownStructure(id), Lang::En) => format!("unknown structure `{id}`"),
            (GrantRefusal::AmountOutOfRange(a), Lang::Fr) => format!(
                "montant hors limites ({}){NBSP}: attendu entre 0 et {}",
                m(a),
                m(&ABSURD_MONEY)
            ),
            (GrantRefusal::AmountOutOfRange(a), Lang::En) => format!(
                "amount out of range ({}): expected between 0 and {}",
                m(a),
                m(&ABSURD_MONEY)
            ),
            (GrantRefusal::GrantedAboveRequested { granted, requested }, Lang::Fr) => format!(
                "{} accordés pour {} demandés{NBSP}: on n’accorde pas plus que la demande",
                m(granted),
                m(requested)
            ),
            (GrantRefusal::GrantedAboveRequested { granted, requested }, Lang::En) => format!(
                "{} granted for {} requested: a grant cannot exceed the request",
                m(granted),
                m(requested)
            ),
            (GrantRefusal::NoEnvelope(year), Lang::Fr) => format!(
                "aucune enveloppe du fonds pour {year} (ni pour une année antérieure){NBSP}: ajoutez-la dans territory.json, impact_fund.envelopes"
            ),
            (GrantRefusal::NoEnvelope(year), Lang::En) => format!(
                "no fund envelope for {year} (nor for an earlier year): add it in territory.json, impact_fund.envelopes"
            ),
            (GrantRefusal::OverCap { cap, total }, Lang::Fr) => format!(
                "la structure recevrait {} cette année, au-delà du plafond de {} par structure",
                m(total),
                m(cap)
            ),
            (GrantRefusal::OverCap { cap, total }, Lang::En) => format!(
                "the structure would receive {} this year, above the cap of {} per structure",
                m(total),
                m(cap)
            ),
            (
                GrantRefusal::OverEnvelope {
                    year,
                    envelope,
                    total,
                },
                Lang::Fr,
            ) => format!(
                "les aides {year} atteindraient {}, au-delà de l’enveloppe de {}",
                m(total),
                m(envelope)
            ),
            (
                GrantRefusal::OverEnvelope {
                    year,
                    envelope,
                    total,
                },
                Lang::En,
            ) => format!(
                "{year} grants would reach {}, above the envelope of {}",
                m(total),
                m(envelope)
            ),
        }
    }
}

impl std::fmt::Display for GrantRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Fr))
    }
}

impl std::error::Error for GrantRefusal {}

/// Checks `grant` for `structure` against the fund's rules (amounts, cap per structure and year,
/// the year's envelope) and returns the edit that records it (`EditKind::Grant`).
pub fn record_grant(
    workspace: &Workspace,
    structure: &StructureId,
    grant: Grant,
) -> Result<Edit, GrantRefusal> {
    let found: &Structure = workspace
        .structure(structure)
        .ok_or_else(|| GrantRefusal::UnknownStructure(structure.clone()))?;
    for amount in [Some(grant.requested), grant.granted].into_iter().flatten() {
        if amount.is_negative() || amount > ABSURD_MONEY {
            return Err(GrantRefusal::AmountOutOfRange(amount));
        }
    }
    let granted = grant.granted_amount();
    if granted > grant.requested {
        return Err(GrantRefusal::GrantedAboveRequested {
            granted,
            requested: grant.requested,
        });
    }
    let fund = &workspace.territory.impact_fund;
    let Some(envelope) = fund.envelope(grant.year) else {
        return Err(GrantRefusal::NoEnvelope(grant.year));
    };
    let already = |s: &Structure| -> Money {
        s.grants
            .iter()
            .filter(|g| g.year == grant.year)
            .map(Grant::granted_amount)
            .sum()
    };
    let mine = already(found) + granted;
    if mine > fund.cap_per_structure {
        return Err(GrantRefusal::OverCap {
            cap: fund.cap_per_structure,
            total: mine,
        });
    }
    let year_total = workspace.structures.iter().map(already).sum::<Money>() + granted;
    if year_total > envelope.amount {
        return Err(GrantRefusal::OverEnvelope {
            year: grant.year,
            envelope: envelope.amount,
            total: year_total,
        });
    }
    let mut updated = found.clone();
    let note = format!(
        "Subvention du fonds à impact {}{NBSP}: {} pour {}",
        grant.year,
        i18n::money(granted, Lang::Fr),
        found.name
    );
    updated.grants.push(grant);
    Ok(Edit::new(
        EditKind::Grant,
        note,
        vec![Step::Put(Record::Structure(Box::new(updated)))],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FundEnvelope;
    use crate::store::validate::fixture::workspace;

    fn grant(year: i32, requested: i64, granted: Option<i64>, purpose: GrantPurpose) -> Grant {
        Grant {
            year,
            requested: Money::euros(requested),
            granted: granted.map(Money::euros),
            purpose,
            decided_on: None,
            call: None,
            committee: String::new(),
        }
    }

    fn id(s: &str) -> StructureId {
        StructureId::new(s)
    }

    #[test]
    fn the_year_by_zone_purpose_and_cap() {
        let mut ws = workspace();
        // recyclerie: Bobigny (Nord); velo: Montreuil (Ouest).
        ws.structures[0].grants = vec![
            grant(2026, 20_000, Some(15_000), GrantPurpose::Investissement),
            grant(2026, 15_000, None, GrantPurpose::Fonctionnement),
            grant(2025, 9_000, Some(9_000), GrantPurpose::Fonctionnement),
        ];
        ws.structures[1].grants = vec![grant(
            2026,
            8_000,
            Some(6_000),
            GrantPurpose::Fonctionnement,
        )];
        let f = fund_year(&ws, 2026);
        assert_eq!(f.envelope, Some(Money::euros(270_000)));
        assert_eq!(f.envelope_from, Some(2023), "carried from 2023");
        assert_eq!(f.totals.granted, Money::euros(21_000));
        assert_eq!(f.totals.requested, Money::euros(43_000));
        assert_eq!(f.pending, Money::euros(15_000));
        assert_eq!(f.remaining(), Some(Money::euros(249_000)));
        let zone = |z: Zone| f.by_zone.iter().find(|(x, _)| *x == z).unwrap().1;
        assert_eq!(zone(Zone::Nord).granted, Money::euros(15_000));
        assert_eq!(zone(Zone::Ouest).requested, Money::euros(8_000));
        assert_eq!(zone(Zone::Est), Amounts::default());
        let purpose = |p: GrantPurpose| f.by_purpose.iter().find(|(x, _)| *x == p).unwrap().1;
        assert_eq!(
            purpose(GrantPurpose::Fonctionnement).requested,
            Money::euros(23_000)
        );
        assert_eq!(
            purpose(GrantPurpose::Investissement).granted,
            Money::euros(15_000)
        );
        // 35 000 € requested by the recyclerie in 2026: over the 30 000 € cap.
        assert_eq!(f.over_cap, [id("recyclerie-du-canal")]);
        assert_eq!(f.structures, 2);
        let zone_sum: Money = f.by_zone.iter().map(|(_, a)| a.granted).sum();
        assert_eq!(zone_sum, f.totals.granted);
        assert_eq!(fund_year(&ws, 2022).envelope, None);
    }

    #[test]
    fn a_grant_within_the_rules_is_recorded_as_one_edit() {
        let ws = workspace();
        let edit = record_grant(
            &ws,
            &id("velo-solidaire"),
            grant(2026, 12_000, Some(10_000), GrantPurpose::Investissement),
        )
        .unwrap();
        assert_eq!(edit.kind, EditKind::Grant);
        let mut after = ws.clone();
        crate::edit::apply(&mut after, &edit).unwrap();
        assert_eq!(
            after.structure(&id("velo-solidaire")).unwrap().grants.len(),
            1
        );
        assert!(edit.note.contains("10\u{202f}000\u{a0}€"));
    }

    #[test]
    fn grant_rules() {
        let mut ws = workspace();
        ws.structures[0].grants = vec![grant(
            2026,
            25_000,
            Some(25_000),
            GrantPurpose::Fonctionnement,
        )];
        let refuse =
            |ws: &Workspace, who: &str, g: Grant| record_grant(ws, &id(who), g).unwrap_err();
        assert_eq!(
            refuse(
                &ws,
                "recyclerie-du-canal",
                grant(2026, 6_000, Some(5_001), GrantPurpose::Investissement)
            ),
            GrantRefusal::OverCap {
                cap: Money::euros(30_000),
                total: Money::euros(30_001)
            }
        );
        // Exactly the cap is allowed; another year is another cap.
        assert!(
            record_grant(
                &ws,
                &id("recyclerie-du-canal"),
                grant(2026, 5_000, Some(5_000), GrantPurpose::Investissement)
            )
            .is_ok()
        );
        assert!(
            record_grant(
                &ws,
                &id("recyclerie-du-canal"),
                grant(2027, 30_000, Some(30_000), GrantPurpose::Investissement)
            )
            .is_ok()
        );
        // A request above the cap, not yet decided, is recorded.
        assert!(
            record_grant(
                &ws,
                &id("velo-solidaire"),
                grant(2026, 45_000, None, GrantPurpose::Investissement)
            )
            .is_ok()
        );
        ws.territory.impact_fund.envelopes.push(FundEnvelope {
            year: 2026,
            amount: Money::euros(40_000),
            source: String::new(),
        });
        assert_eq!(
            refuse(
                &ws,
                "velo-solidaire",
                grant(2026, 20_000, Some(20_000), GrantPurpose::Investissement)
            ),
            GrantRefusal::OverEnvelope {
                year: 2026,
                envelope: Money::euros(40_000),
                total: Money::euros(45_000)
            }
        );
        assert_eq!(
            refuse(
                &ws,
                "velo-solidaire",
                grant(2022, 1_000, Some(1_000), GrantPurpose::Investissement)
            ),
            GrantRefusal::NoEnvelope(2022)
        );
        assert!(matches!(
            refuse(
                &ws,
                "velo-solidaire",
                grant(2026, 1_000, Some(2_000), GrantPurpose::Investissement)
            ),
            GrantRefusal::GrantedAboveRequested { .. }
        ));
        assert!(matches!(
            refuse(
                &ws,
                "velo-solidaire",
                grant(2026, -1, None, GrantPurpose::Investissement)
            ),
            GrantRefusal::AmountOutOfRange(_)
        ));
        assert!(matches!(
            refuse(
                &ws,
                "inconnue",
                grant(2026, 1, None, GrantPurpose::Investissement)
            ),
            GrantRefusal::UnknownStructure(_)
        ));
        let message = refuse(
            &ws,
            "velo-solidaire",
            grant(2026, 20_000, Some(20_000), GrantPurpose::Investissement),
        )
        .message(Lang::Fr);
        assert!(
            message.contains("45\u{202f}000\u{a0}€") && message.contains("40\u{202f}000\u{a0}€"),
            "{message}"
        );
    }
}
