//! Durations: `24 mois`, `2 ans`, `1 an`, `2,5 ans` (30 months), `3 years`; a bare number
//! counts in months, the unit calls use.

use super::number::decimal;
use crate::domain::{Duration, DurationUnit};
use crate::i18n::fold::fold_text;
use crate::import::problem::Expected;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

pub fn duration(text: &str) -> Result<Duration, Expected> {
    let folded = fold_text(text);
    let folded = folded.trim();
    let (number, unit) =
        if let Some(n) = strip_any(folded, &["annees", "annee", "ans", "an", "years", "year"]) {
            (n, DurationUnit::Years)
        } else if let Some(n) = strip_any(folded, &["mois", "months", "month", "m"]) {
            (n, DurationUnit::Months)
        } else {
            (folded, DurationUnit::Months)
        };
    let value = decimal(number).map_err(|_| Expected::Duration)?;
    if value <= Decimal::ZERO {
        return Err(Expected::Duration);
    }
    let whole = |d: Decimal| d.fract().is_zero().then(|| d.to_u32()).flatten();
    match (unit, whole(value)) {
        (_, Some(n)) => Ok(Duration { value: n, unit }),
        // Half a year and the like: counted in months when that is whole.
        (DurationUnit::Years, None) => whole(value * Decimal::from(12))
            .map(Duration::months)
            .ok_or(Expected::Duration),
        (DurationUnit::Months, None) => Err(Expected::Duration),
    }
}

fn strip_any<'a>(text: &'a str, units: &[&str]) -> Option<&'a str> {
    units
        .iter()
        .find_map(|u| text.strip_suffix(u))
        .map(str::trim)
        .filter(|n| n.chars().last().is_some_and(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_years_and_bare_numbers() {
        assert_eq!(duration("24 mois"), Ok(Duration::months(24)));
        assert_eq!(duration("24"), Ok(Duration::months(24)));
        assert_eq!(
            duration("2 ans"),
            Ok(Duration {
                value: 2,
                unit: DurationUnit::Years
            })
        );
        assert_eq!(
            duration("1 an"),
            Ok(Duration {
                value: 1,
                unit: DurationUnit::Years
            })
        );
        assert_eq!(duration("2,5 ans"), Ok(Duration::months(30)));
        assert_eq!(duration("18 Mois"), Ok(Duration::months(18)));
        assert_eq!(duration("0"), Err(Expected::Duration));
        assert_eq!(duration("longtemps"), Err(Expected::Duration));
    }
}
