//! Surfaces and ranges of surfaces: `80`, `80 m²`, `80-120`, `80 à 120 m2`, `entre 60 et 100 m2`,
//! `de 60 à 100`. A single figure is both the minimum and the maximum.

use super::number::float;
use crate::domain::Surface;
use crate::i18n::fold::fold_text;
use crate::import::problem::Expected;

/// A wished surface, in m²: both bounds plausible (above 0, below `Surface::ABSURD`), the
/// minimum not above the maximum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurfaceRange {
    pub min: f64,
    pub max: f64,
}

pub fn range(text: &str) -> Result<SurfaceRange, Expected> {
    let folded = fold_text(text);
    let mut rest = folded.trim().to_owned();
    for unit in ["m²", "m2", "metres carres", "metre carre", "m 2"] {
        rest = rest.replace(unit, " ");
    }
    let rest = rest
        .trim()
        .trim_start_matches("environ")
        .trim_start_matches("entre")
        .trim_start_matches("de ")
        .trim();
    let parts: Vec<&str> = split_range(rest);
    let (min, max) = match parts.as_slice() {
        [one] => {
            let value = bound(one)?;
            (value, value)
        }
        [low, high] => (bound(low)?, bound(high)?),
        _ => return Err(Expected::Surface),
    };
    if min > max {
        return Err(Expected::SurfaceOrder);
    }
    Ok(SurfaceRange { min, max })
}

/// One surface (a lot, a site's total): above 0 and plausible.
pub fn single(text: &str) -> Result<f64, Expected> {
    let SurfaceRange { min, max } = range(text)?;
    if min == max {
        Ok(min)
    } else {
        Err(Expected::Surface)
    }
}

/// The two bounds of `60-100`, `60 à 100`, `60 et 100`, `60 a 100` (accents folded), or the
/// one figure. A leading minus is a sign, not a range.
fn split_range(text: &str) -> Vec<&str> {
    for separator in [" et ", " a ", " au ", " to ", "–", "—"] {
        if let Some((low, high)) = text.split_once(separator) {
            return vec![low.trim(), high.trim()];
        }
    }
    if let Some(i) = text
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == '-')
        .map(|(i, _)| i)
    {
        return vec![text[..i].trim(), text[i + 1..].trim()];
    }
    vec![text.trim()]
}

fn bound(text: &str) -> Result<f64, Expected> {
    let value = float(text).map_err(|_| Expected::Surface)?;
    if value > 0.0 && Surface::m2(value).is_valid() {
        Ok(value)
    } else {
        Err(Expected::Surface)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(min: f64, max: f64) -> Result<SurfaceRange, Expected> {
        Ok(SurfaceRange { min, max })
    }

    #[test]
    fn figures_units_and_ranges() {
        assert_eq!(range("80"), r(80.0, 80.0));
        assert_eq!(range("80 m²"), r(80.0, 80.0));
        assert_eq!(range("80m2"), r(80.0, 80.0));
        assert_eq!(range("80-120"), r(80.0, 120.0));
        assert_eq!(range("80 – 120 m²"), r(80.0, 120.0));
        assert_eq!(range("entre 60 et 100 m2"), r(60.0, 100.0));
        assert_eq!(range("Entre 60 et 100 m²"), r(60.0, 100.0));
        assert_eq!(range("de 60 à 100"), r(60.0, 100.0));
        assert_eq!(range("1 500,5"), r(1500.5, 1500.5));
    }

    #[test]
    fn impossible_surfaces() {
        assert_eq!(range("-5"), Err(Expected::Surface));
        assert_eq!(range("0"), Err(Expected::Surface));
        assert_eq!(range("2000000"), Err(Expected::Surface));
        assert_eq!(range("grand"), Err(Expected::Surface));
        assert_eq!(range("120-80"), Err(Expected::SurfaceOrder));
        assert_eq!(single("80-120"), Err(Expected::Surface));
    }
}
