//! Occupation fees, always stored with their unit so they can be compared once converted.

use crate::domain::{Money, Surface};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FeeUnit {
    /// € per m² per month.
    PerM2Month,
    /// € per m² per year.
    PerM2Year,
    /// A flat amount in € per month, whatever the surface.
    FlatMonth,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    pub amount: Money,
    pub unit: FeeUnit,
    /// True when charges (fluids, maintenance) are included in the amount.
    pub charges_included: bool,
    /// Monthly provision for charges, in €, when they are not included. Flat, not per m².
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charges_provision_month: Option<Money>,
}

impl Fee {
    /// Annual cost in € of occupying `surface` under this fee, charges provision included.
    pub fn annual_cost(&self, surface: Surface) -> Money {
        let twelve = Decimal::from(12);
        // Surfaces are f64; convert once, at 2 decimals, to stay exact on money.
        let m2 = Decimal::from_f64_retain(surface.value())
            .unwrap_or_default()
            .round_dp(2);
        let base = match self.unit {
            FeeUnit::PerM2Month => self.amount.amount() * m2 * twelve,
            FeeUnit::PerM2Year => self.amount.amount() * m2,
            FeeUnit::FlatMonth => self.amount.amount() * twelve,
        };
        let provision = self
            .charges_provision_month
            .map(|p| p.amount() * twelve)
            .unwrap_or_default();
        Money((base + provision).round_dp(2))
    }

    /// Fee expressed per m² per year, for comparing sites side by side (a flat fee is spread
    /// over `surface`).
    pub fn per_m2_year(&self, surface: Surface) -> Money {
        if surface.value() <= 0.0 {
            return Money::ZERO;
        }
        let m2 = Decimal::from_f64_retain(surface.value())
            .unwrap_or_default()
            .round_dp(2);
        Money((self.annual_cost(surface).amount() / m2).round_dp(2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fee(amount: i64, unit: FeeUnit) -> Fee {
        Fee {
            amount: Money::euros(amount),
            unit,
            charges_included: true,
            charges_provision_month: None,
        }
    }

    #[test]
    fn annual_cost_by_unit() {
        let s = Surface::m2(50.0);
        assert_eq!(
            fee(10, FeeUnit::PerM2Month).annual_cost(s),
            Money::euros(6000)
        );
        assert_eq!(
            fee(120, FeeUnit::PerM2Year).annual_cost(s),
            Money::euros(6000)
        );
        assert_eq!(
            fee(500, FeeUnit::FlatMonth).annual_cost(s),
            Money::euros(6000)
        );
    }

    #[test]
    fn provision_is_added() {
        let mut f = fee(10, FeeUnit::PerM2Month);
        f.charges_included = false;
        f.charges_provision_month = Some(Money::euros(100));
        assert_eq!(f.annual_cost(Surface::m2(10.0)), Money::euros(1200 + 1200));
    }

    #[test]
    fn per_m2_year_spreads_flat_fees() {
        let f = fee(500, FeeUnit::FlatMonth);
        assert_eq!(f.per_m2_year(Surface::m2(60.0)), Money::euros(100));
    }
}
