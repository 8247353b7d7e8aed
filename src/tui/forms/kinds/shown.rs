//! Stored values written back into text fields the way the officer would type them, and the
//! way the import's parsers read them again: `12 000 €`, `2,5`, `31/01/2027`, `24 mois` in
//! French. English figures carry no thousands separator: the parsers, French first, would
//! read `12,000` as twelve.

use crate::domain::{Duration, DurationUnit, Money};
use crate::i18n::{self, Lang};
use rust_decimal::Decimal;

pub fn money(value: Money, lang: Lang) -> String {
    match lang {
        Lang::Fr => i18n::money(value, lang),
        Lang::En => value.amount().normalize().to_string(),
    }
}

pub fn decimal(value: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Fr => i18n::decimal(value, 6, lang),
        Lang::En => {
            let text = value.normalize().to_string();
            // `48.905` would read back as 48 905 (a point before three digits groups
            // thousands, as typed in France): `48.9050` is unambiguous.
            match text.trim_start_matches('-').split_once('.') {
                Some((int, frac)) if frac.len() == 3 && int.len() <= 3 => format!("{text}0"),
                _ => text,
            }
        }
    }
}

pub fn number(value: f64, lang: Lang) -> String {
    decimal(
        Decimal::from_f64_retain(value)
            .unwrap_or_default()
            .round_dp(6),
        lang,
    )
}

pub fn date(value: chrono::NaiveDate, lang: Lang) -> String {
    i18n::date(value, lang)
}

pub fn duration(value: Duration, lang: Lang) -> String {
    let n = value.value;
    match (value.unit, lang) {
        (DurationUnit::Months, Lang::Fr) => format!("{n} mois"),
        (DurationUnit::Years, Lang::Fr) => format!("{n} an{}", if n > 1 { "s" } else { "" }),
        (DurationUnit::Months, Lang::En) => format!("{n} months"),
        (DurationUnit::Years, Lang::En) => format!("{n} years"),
    }
}

/// `80` or `60-100`.
pub fn range(min: f64, max: f64, lang: Lang) -> String {
    if min == max {
        number(min, lang)
    } else {
        format!("{}-{}", number(min, lang), number(max, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::values::{date as parse_date, duration as parse_duration, number, surface};

    #[test]
    fn what_is_shown_parses_back() {
        for lang in [Lang::Fr, Lang::En] {
            let m = Money(Decimal::new(1_234_550, 2));
            assert_eq!(
                number::money(&money(m, lang)),
                Ok(Money(Decimal::new(123_455, 1)))
            );
            assert_eq!(number::float(&number(2.5, lang)), Ok(2.5));
            assert_eq!(number::float(&number(48.864_12, lang)), Ok(48.864_12));
            assert_eq!(number::float(&number(48.905, lang)), Ok(48.905));
            assert_eq!(number::float(&number(-2.125, lang)), Ok(-2.125));
            let d = chrono::NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
            assert_eq!(parse_date::date(&date(d, lang)), Ok(d));
            for unit in [DurationUnit::Months, DurationUnit::Years] {
                let value = Duration { value: 2, unit };
                assert_eq!(parse_duration::duration(&duration(value, lang)), Ok(value));
            }
            let r = surface::range(&range(1500.0, 2000.5, lang)).unwrap();
            assert_eq!((r.min, r.max), (1500.0, 2000.5));
        }
    }
}
