//! Dates: `dd/mm/yyyy` (Excel on a French Windows), ISO `yyyy-mm-dd`, the platforms'
//! timestamps (`2026-11-03 10:15:42 +0100` from Démarches Simplifiées, `2026-11-03T10:15:42Z`,
//! Google Forms' `2026/11/03 10:15:42 UTC+1`, Drupal's `03/11/2026 - 10:15`), `3 novembre
//! 2026`. The date is taken as written, offset ignored: an application is dated where it was
//! filed. A day that does not exist (31/02) is an error, never rolled over to March.

use crate::i18n::fold::fold_text;
use crate::import::problem::Expected;
use chrono::NaiveDate;

pub fn date(text: &str) -> Result<NaiveDate, Expected> {
    let folded = fold_text(text.trim());
    let words: Vec<&str> = folded
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect();
    if let [day, month, year, ..] = words.as_slice()
        && let Some(month) = month_number(month.trim_end_matches('.'))
    {
        return ymd(number(year)?, month, number(day.trim_end_matches("er"))?);
    }
    let first = words.first().ok_or(Expected::Date)?;
    // `2026-11-03T10:15:42Z`: the date is before the `t` (folded lowercase).
    let first = first.split('t').next().unwrap_or(first);
    let parts: Vec<&str> = first.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(Expected::Date);
    };
    if a.len() == 4 {
        ymd(number(a)?, number(b)?, number(c)?)
    } else {
        let year = number(c)?;
        let year = match c.len() {
            4 => year,
            // `03/11/26`: this century.
            2 => 2000 + year,
            _ => return Err(Expected::Date),
        };
        ymd(year, number(b)?, number(a)?)
    }
}

/// A year alone (`2019`), which some forms ask instead of a creation date.
pub fn year_alone(text: &str) -> Option<i32> {
    let text = text.trim();
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

fn number(text: &str) -> Result<i32, Expected> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Expected::Date);
    }
    text.parse().map_err(|_| Expected::Date)
}

fn ymd(year: i32, month: i32, day: i32) -> Result<NaiveDate, Expected> {
    let (Ok(m), Ok(d)) = (u32::try_from(month), u32::try_from(day)) else {
        return Err(Expected::Date);
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1800..=2200).contains(&year) {
        return Err(Expected::Date);
    }
    NaiveDate::from_ymd_opt(year, m, d).ok_or(Expected::ImpossibleDate)
}

fn month_number(word: &str) -> Option<i32> {
    const MONTHS: [(&[&str], i32); 12] = [
        (&["janvier", "janv", "january", "jan"], 1),
        (&["fevrier", "fevr", "fev", "february", "feb"], 2),
        (&["mars", "march", "mar"], 3),
        (&["avril", "avr", "april", "apr"], 4),
        (&["mai", "may"], 5),
        (&["juin", "june", "jun"], 6),
        (&["juillet", "juil", "july", "jul"], 7),
        (&["aout", "august", "aug"], 8),
        (&["septembre", "sept", "september", "sep"], 9),
        (&["octobre", "oct", "october"], 10),
        (&["novembre", "nov", "november"], 11),
        (&["decembre", "dec", "december"], 12),
    ];
    MONTHS
        .iter()
        .find(|(names, _)| names.contains(&word))
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate, Expected> {
        Ok(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn french_iso_and_timestamps() {
        assert_eq!(date("03/11/2026"), day(2026, 11, 3));
        assert_eq!(date("3/11/2026"), day(2026, 11, 3));
        assert_eq!(date("03-11-2026"), day(2026, 11, 3));
        assert_eq!(date("03/11/26"), day(2026, 11, 3));
        assert_eq!(date("2026-11-03"), day(2026, 11, 3));
        assert_eq!(date("2026-11-03 10:15:42 +0100"), day(2026, 11, 3));
        assert_eq!(date("2026-11-03T10:15:42Z"), day(2026, 11, 3));
        assert_eq!(date("2026/11/03 10:15:42 UTC+1"), day(2026, 11, 3));
        assert_eq!(date("03/11/2026 - 10:15"), day(2026, 11, 3));
        assert_eq!(date("3 novembre 2026"), day(2026, 11, 3));
        assert_eq!(date("1er mars 2027"), day(2027, 3, 1));
    }

    #[test]
    fn impossible_dates_are_refused_not_rolled_over() {
        assert_eq!(date("31/02/2027"), Err(Expected::ImpossibleDate));
        assert_eq!(date("29/02/2027"), Err(Expected::ImpossibleDate));
        assert_eq!(date("29/02/2028"), day(2028, 2, 29));
        assert_eq!(date("13/13/2027"), Err(Expected::Date));
        assert_eq!(date("demain"), Err(Expected::Date));
        assert_eq!(date("46330"), Err(Expected::Date));
        assert_eq!(year_alone("2019"), Some(2019));
        assert_eq!(year_alone("19"), None);
    }
}
