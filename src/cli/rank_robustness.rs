//! `ancrage rank --site ID --robustness [--top K]`: how far each weight can move before the
//! site's order, its first K, or each structure's place in or out of them changes, and each
//! structure's probability of staying in the first K when all weights move at once.

use crate::domain::Weights;
use crate::i18n::{self, Lang};
use crate::scoring::robustness::{
    Candidate, MonteCarlo, Stability, WeightInterval, entry_intervals, most_critical,
    order_intervals, p_top_k, shortlist_intervals,
};
use crate::scoring::{Criterion, PairScore};
use serde::Serialize;

/// The first K by default: a jury shortlist of five.
pub const DEFAULT_TOP: usize = 5;

/// What robustness adds to each ranked entry (`p_top_k`, `weight_intervals`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryRobustness {
    pub p_top_k: f64,
    pub stability: Stability,
    pub weight_intervals: Vec<WeightInterval>,
}

/// The site-level figures.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteRobustness {
    pub top: usize,
    pub draws: usize,
    pub spread: f64,
    pub seed: u64,
    pub order: Vec<WeightInterval>,
    pub shortlist: Vec<WeightInterval>,
    pub critical: Option<Criterion>,
}

/// `all` is every candidate of the site (not only those shown); `shown` the entries printed.
pub fn compute(
    all: &[PairScore],
    shown: &[PairScore],
    weights: &Weights,
    top: usize,
    mc: &MonteCarlo,
) -> (SiteRobustness, Vec<EntryRobustness>) {
    let candidates: Vec<Candidate> = all
        .iter()
        .map(|p| Candidate {
            eligible: p.eligible,
            values: p.values,
        })
        .collect();
    let p = p_top_k(&candidates, weights, top, mc);
    let shortlist = shortlist_intervals(&candidates, weights, top);
    let site = SiteRobustness {
        top,
        draws: mc.draws,
        spread: mc.spread,
        seed: mc.seed,
        order: order_intervals(&candidates, weights),
        critical: most_critical(&shortlist),
        shortlist,
    };
    let entries = shown
        .iter()
        .map(|s| {
            let i = all
                .iter()
                .position(|a| a.structure == s.structure)
                .unwrap_or(0);
            EntryRobustness {
                p_top_k: p.get(i).copied().unwrap_or(0.0),
                stability: Stability::of(p.get(i).copied().unwrap_or(0.0)),
                weight_intervals: entry_intervals(&candidates, weights, top, i),
            }
        })
        .collect();
    (site, entries)
}

/// `Surface de 22 à 41 (30)`, `Coût à partir de 12 (25)`.
pub fn interval_text(interval: &WeightInterval, lang: Lang) -> String {
    let n = |x: f64| i18n::number(x, 1, lang);
    let label = interval.criterion.label(lang);
    let current = n(interval.current);
    match (interval.high, lang) {
        (None, Lang::Fr) if interval.low <= 0.0 => {
            format!("{label} quelle que soit sa valeur (actuel {current})")
        }
        (None, Lang::En) if interval.low <= 0.0 => format!("{label} at any value (now {current})"),
        (Some(high), Lang::Fr) => format!(
            "{label} de {} à {} (actuel {current})",
            n(interval.low),
            n(high)
        ),
        (Some(high), Lang::En) => format!(
            "{label} from {} to {} (now {current})",
            n(interval.low),
            n(high)
        ),
        (None, Lang::Fr) => format!("{label} à partir de {} (actuel {current})", n(interval.low)),
        (None, Lang::En) => format!("{label} from {} up (now {current})", n(interval.low)),
    }
}

/// The interval that would change first, relative to its weight.
pub fn tightest(intervals: &[WeightInterval]) -> Option<&WeightInterval> {
    intervals
        .iter()
        .filter(|i| i.margin().is_finite())
        .min_by(|a, b| a.margin().total_cmp(&b.margin()))
}

fn list(intervals: &[WeightInterval], lang: Lang) -> String {
    let sep = lang.pick("\u{a0}; ", "; ");
    intervals
        .iter()
        .map(|i| interval_text(i, lang))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The site-level lines, then one line per entry shown.
pub fn human(
    site: &SiteRobustness,
    entries: &[EntryRobustness],
    names: &[String],
    lang: Lang,
) -> String {
    let colon = lang.pick("\u{a0}:", ":");
    let percent = i18n::percent(site.spread, lang);
    let draws = i18n::number(site.draws as f64, 0, lang);
    let mut out = match lang {
        Lang::Fr => format!(
            "\nRobustesse aux poids ({} premiers{colon} {draws} tirages, chaque poids à ±{percent}, graine {})\n",
            site.top, site.seed
        ),
        Lang::En => format!(
            "\nRobustness to the weights (first {}: {draws} draws, each weight ±{percent}, seed {})\n",
            site.top, site.seed
        ),
    };
    out.push_str(&format!(
        "  {}{colon} {}\n",
        lang.pick("Ordre inchangé pour", "Order unchanged for"),
        list(&site.order, lang)
    ));
    out.push_str(&format!(
        "  {}{colon} {}\n",
        match lang {
            Lang::Fr => format!("{} premiers inchangés pour", site.top),
            Lang::En => format!("First {} unchanged for", site.top),
        },
        list(&site.shortlist, lang)
    ));
    if let Some(c) = site.critical {
        out.push_str(&format!(
            "  {}{colon} {}\n",
            lang.pick("Critère le plus critique", "Most critical criterion"),
            c.label(lang)
        ));
    }
    for (name, entry) in names.iter().zip(entries) {
        let tight = tightest(&entry.weight_intervals)
            .map(|i| interval_text(i, lang))
            .unwrap_or_else(|| {
                lang.pick(
                    "aucun poids seul ne change sa place",
                    "no single weight changes its place",
                )
                .to_owned()
            });
        out.push_str(&format!(
            "  {name}{colon} {} {}, {} — {tight}\n",
            i18n::percent(entry.p_top_k, lang),
            match lang {
                Lang::Fr => format!("dans les {} premiers", site.top),
                Lang::En => format!("in the first {}", site.top),
            },
            entry.stability.label(lang),
        ));
    }
    out
}
