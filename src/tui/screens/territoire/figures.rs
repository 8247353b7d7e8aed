//! The figure the balance bars show, chosen with `b`, and how it is written.

use crate::i18n::{self, Lang, NBSP};
use crate::pathway::Figures;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    M2Offered,
    M2Occupied,
    PlacementsYear,
    PlacementsCall,
    Fte,
}

impl Measure {
    pub const ALL: [Measure; 5] = [
        Measure::M2Offered,
        Measure::M2Occupied,
        Measure::PlacementsYear,
        Measure::PlacementsCall,
        Measure::Fte,
    ];

    pub fn next(self) -> Measure {
        let at = Measure::ALL.iter().position(|m| *m == self).unwrap_or(0);
        Measure::ALL[(at + 1) % Measure::ALL.len()]
    }

    pub fn label(self, lang: Lang, year: i32) -> String {
        match self {
            Measure::M2Offered => lang.pick("m² offerts", "m² offered").to_owned(),
            Measure::M2Occupied => lang
                .pick(
                    "m² occupés par des structures de l’ESS aujourd’hui",
                    "m² occupied by ESS structures today",
                )
                .to_owned(),
            Measure::PlacementsYear => match lang {
                Lang::Fr => format!("placements de {year} (vécus et prévus)"),
                Lang::En => format!("placements of {year} (lived and planned)"),
            },
            Measure::PlacementsCall => lang
                .pick(
                    "placements de l’appel en cours",
                    "placements of the current call",
                )
                .to_owned(),
            Measure::Fte => lang
                .pick("emplois accueillis (ETP)", "jobs hosted (FTE)")
                .to_owned(),
        }
    }

    pub fn value(self, figures: &Figures) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        match self {
            Measure::M2Offered => figures.m2_offered,
            Measure::M2Occupied => figures.m2_occupied,
            Measure::PlacementsYear => figures.placements_year as f64,
            Measure::PlacementsCall => figures.placements_call as f64,
            Measure::Fte => figures.fte,
        }
    }

    /// `1 250 m²`, `3`, `12,5 ETP`.
    pub fn written(self, figures: &Figures, lang: Lang) -> String {
        let value = self.value(figures);
        match self {
            Measure::M2Offered | Measure::M2Occupied => {
                format!("{}{NBSP}m²", i18n::number(value, 0, lang))
            }
            Measure::PlacementsYear | Measure::PlacementsCall => i18n::number(value, 0, lang),
            Measure::Fte => format!(
                "{}{NBSP}{}",
                i18n::number(value, 1, lang),
                lang.pick("ETP", "FTE")
            ),
        }
    }
}
