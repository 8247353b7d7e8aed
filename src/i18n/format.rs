//! Number formats: `30 000 €`, `12,5 m²`, `26/11/2026` in French; `€30,000`, `12.5 m²`,
//! `2026-11-26` in English.

use super::{Lang, NBSP, NNBSP};
use crate::domain::{Money, Surface};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Groups the integer digits of an unsigned decimal string by thousands.
fn group_thousands(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Formats a decimal with at most `max_decimals` digits after the separator (trailing zeros
/// dropped), thousands grouped.
pub fn decimal(value: Decimal, max_decimals: u32, lang: Lang) -> String {
    let rounded = value.round_dp(max_decimals).normalize();
    let text = rounded.abs().to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let (thousands, point) = match lang {
        Lang::Fr => (NNBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    out.push_str(&group_thousands(int_part, thousands));
    if let Some(frac) = frac_part {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// Formats an `f64` (scores, surfaces) like [`decimal`].
pub fn number(value: f64, max_decimals: u32, lang: Lang) -> String {
    let d = Decimal::from_f64_retain(value).unwrap_or_default();
    decimal(d, max_decimals, lang)
}

/// Always `decimals` digits after the separator (`99,0`), for columns that must align.
pub fn fixed(value: f64, decimals: u32, lang: Lang) -> String {
    let text = number(value, decimals, lang);
    let point = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    if decimals == 0 {
        return text;
    }
    let have = text.split_once(point).map_or(0, |(_, f)| f.len());
    let mut out = text;
    if have == 0 {
        out.push(point);
    }
    out.extend(std::iter::repeat_n('0', decimals as usize - have));
    out
}

/// `30 000 €` (French) or `€30,000` (English); cents only when there are some.
pub fn money(value: Money, lang: Lang) -> String {
    let amount = decimal(value.amount(), 2, lang);
    let amount = with_cents(&amount, lang);
    match lang {
        Lang::Fr => format!("{amount}{NBSP}€"),
        Lang::En => match amount.strip_prefix('-') {
            Some(abs) => format!("-€{abs}"),
            None => format!("€{amount}"),
        },
    }
}

/// A money amount with decimals always shows two of them (`12,50 €`, not `12,5 €`).
fn with_cents(amount: &str, lang: Lang) -> String {
    let point = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    match amount.split_once(point) {
        Some((_, frac)) if frac.len() == 1 => format!("{amount}0"),
        _ => amount.to_owned(),
    }
}

/// `1 250 m²`, `12,5 m²`.
pub fn surface(value: Surface, lang: Lang) -> String {
    format!("{}{NBSP}m²", number(value.value(), 1, lang))
}

/// `26/11/2026` or `2026-11-26`.
pub fn date(value: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => value.format("%d/%m/%Y").to_string(),
        Lang::En => value.format("%Y-%m-%d").to_string(),
    }
}

/// `42 %` (French puts a non-breaking space before the sign) or `42%`.
pub fn percent(ratio: f64, lang: Lang) -> String {
    let n = number(ratio * 100.0, 0, lang);
    match lang {
        Lang::Fr => format!("{n}{NBSP}%"),
        Lang::En => format!("{n}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn m(s: &str) -> Money {
        Money(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn french_money() {
        assert_eq!(money(m("30000"), Lang::Fr), "30\u{202f}000\u{a0}€");
        assert_eq!(money(m("270000"), Lang::Fr), "270\u{202f}000\u{a0}€");
        assert_eq!(money(m("12.5"), Lang::Fr), "12,50\u{a0}€");
        assert_eq!(money(m("999"), Lang::Fr), "999\u{a0}€");
        assert_eq!(money(m("-1234.56"), Lang::Fr), "-1\u{202f}234,56\u{a0}€");
        assert_eq!(
            money(m("1234567"), Lang::Fr),
            "1\u{202f}234\u{202f}567\u{a0}€"
        );
    }

    #[test]
    fn english_money() {
        assert_eq!(money(m("30000"), Lang::En), "€30,000");
        assert_eq!(money(m("-5.5"), Lang::En), "-€5.50");
    }

    #[test]
    fn fixed_decimals_align() {
        assert_eq!(fixed(99.0, 1, Lang::Fr), "99,0");
        assert_eq!(fixed(95.94, 1, Lang::Fr), "95,9");
        assert_eq!(fixed(1234.5, 2, Lang::En), "1,234.50");
        assert_eq!(fixed(7.0, 0, Lang::En), "7");
    }

    #[test]
    fn surfaces_and_dates() {
        assert_eq!(
            surface(Surface::m2(1250.0), Lang::Fr),
            "1\u{202f}250\u{a0}m²"
        );
        assert_eq!(surface(Surface::m2(12.5), Lang::Fr), "12,5\u{a0}m²");
        let d = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert_eq!(date(d, Lang::Fr), "26/11/2026");
        assert_eq!(date(d, Lang::En), "2026-11-26");
        assert_eq!(percent(0.42, Lang::Fr), "42\u{a0}%");
    }
}
