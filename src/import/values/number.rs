//! Numbers and amounts the French way: `12 000 €`, `12000`, `1 000,50`, `1.000.000`, and the
//! platforms' own `35000.0` (Démarches Simplifiées writes decimals with a point).

use super::without_spaces;
use crate::domain::Money;
use crate::import::problem::Expected;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A decimal number. The decimal separator is the last of `,` and `.` when both appear; a
/// lone comma is decimal (French); a lone point is decimal too (`35000.0`), except when it is
/// followed by exactly three digits after at most three (`12.500` is twelve thousand five
/// hundred, as typed in France), or when several points group thousands (`1.000.000`).
pub fn decimal(text: &str) -> Result<Decimal, Expected> {
    let compact = without_spaces(text);
    let compact = compact.trim_start_matches('+');
    if compact.is_empty() {
        return Err(Expected::Number);
    }
    if let Some(value) = scientific(compact) {
        return Ok(value);
    }
    let commas = compact.matches(',').count();
    let points = compact.matches('.').count();
    let normalised = match (commas, points) {
        (0, 0) => compact.to_owned(),
        (1, 0) => compact.replace(',', "."),
        (0, 1) => {
            let (int, frac) = compact.split_once('.').unwrap_or((compact, ""));
            let digits = int.trim_start_matches('-');
            if frac.len() == 3 && (1..=3).contains(&digits.len()) {
                format!("{int}{frac}")
            } else {
                compact.to_owned()
            }
        }
        (0, _) => compact.replace('.', ""),
        (_, 0) => return Err(Expected::Number),
        _ => {
            let last_comma = compact.rfind(',').unwrap_or(0);
            let last_point = compact.rfind('.').unwrap_or(0);
            if last_comma > last_point {
                compact.replace('.', "").replace(',', ".")
            } else {
                compact.replace(',', "")
            }
        }
    };
    if !normalised
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return Err(Expected::Number);
    }
    Decimal::from_str(&normalised).map_err(|_| Expected::Number)
}

/// `3,5E+04` or `3.5e4`: spreadsheets write large numbers so.
fn scientific(text: &str) -> Option<Decimal> {
    let lower = text.to_ascii_lowercase();
    let (mantissa, exponent) = lower.split_once('e')?;
    let mantissa = mantissa.replace(',', ".");
    let exponent: i32 = exponent.trim_start_matches('+').parse().ok()?;
    let value = Decimal::from_str(&mantissa).ok()?;
    let scale = Decimal::from_i128_with_scale(10i128.checked_pow(exponent.unsigned_abs())?, 0);
    if exponent >= 0 {
        value.checked_mul(scale)
    } else {
        value.checked_div(scale)
    }
}

/// A number as f64 (surfaces, full-time equivalents).
pub fn float(text: &str) -> Result<f64, Expected> {
    use rust_decimal::prelude::ToPrimitive;
    decimal(text)?.to_f64().ok_or(Expected::Number)
}

/// A whole count (inclusion posts, planned jobs).
pub fn count(text: &str) -> Result<u32, Expected> {
    let value = decimal(text).map_err(|_| Expected::Count)?;
    if value.is_sign_negative() || !value.fract().is_zero() {
        return Err(Expected::Count);
    }
    use rust_decimal::prelude::ToPrimitive;
    value.to_u32().ok_or(Expected::Count)
}

/// An amount in euros: `12 000 €`, `12000 euros`, `12 k€`, `1 000,50`. Never negative.
pub fn money(text: &str) -> Result<Money, Expected> {
    let folded = text.trim().to_lowercase();
    let (number, factor) = strip_currency(&folded);
    let value = decimal(number).map_err(|_| Expected::Amount)?;
    let value = value * Decimal::from(factor);
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Expected::Amount);
    }
    Ok(Money(value.normalize()))
}

/// The number part and its multiplier (1000 for `k€`).
fn strip_currency(text: &str) -> (&str, i64) {
    let mut rest = text.trim();
    for suffix in [
        "€ ht", "€ttc", "€ ttc", "€ht", "ht", "ttc", "/an", "par an", "€", "euros", "euro", "eur",
    ] {
        rest = rest.strip_suffix(suffix).unwrap_or(rest).trim_end();
    }
    let rest = rest.trim_start_matches('€').trim();
    if let Some(thousands) = rest.strip_suffix('k') {
        (thousands.trim_end(), 1000)
    } else {
        (rest, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn french_and_platform_numbers() {
        assert_eq!(decimal("12 000"), Ok(d("12000")));
        assert_eq!(decimal("12\u{202f}000"), Ok(d("12000")));
        assert_eq!(decimal("1\u{a0}000,50"), Ok(d("1000.50")));
        assert_eq!(decimal("35000.0"), Ok(d("35000.0")));
        assert_eq!(decimal("12.5"), Ok(d("12.5")));
        assert_eq!(decimal("12.500"), Ok(d("12500")));
        assert_eq!(decimal("1.000.000"), Ok(d("1000000")));
        assert_eq!(decimal("1.000,5"), Ok(d("1000.5")));
        assert_eq!(decimal("1,000.5"), Ok(d("1000.5")));
        assert_eq!(decimal("3,5E+04"), Ok(d("35000")));
        assert_eq!(decimal("douze"), Err(Expected::Number));
        assert_eq!(decimal("1,2,3"), Err(Expected::Number));
    }

    #[test]
    fn amounts() {
        assert_eq!(money("12 000 €"), Ok(Money::euros(12000)));
        assert_eq!(money("12000"), Ok(Money::euros(12000)));
        assert_eq!(money("1 000,50"), Ok(Money(d("1000.5"))));
        assert_eq!(money("15 k€"), Ok(Money::euros(15000)));
        assert_eq!(money("30000 euros"), Ok(Money::euros(30000)));
        assert_eq!(money("35000.0"), Ok(Money::euros(35000)));
        assert_eq!(money("-5"), Err(Expected::Amount));
        assert_eq!(money("beaucoup"), Err(Expected::Amount));
    }

    #[test]
    fn counts() {
        assert_eq!(count("3"), Ok(3));
        assert_eq!(count("2,0"), Ok(2));
        assert_eq!(count("2,5"), Err(Expected::Count));
        assert_eq!(count("-1"), Err(Expected::Count));
    }
}
