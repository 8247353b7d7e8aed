//! `ancrage rank --site ID --robustness [--top K]`: how far each weight can move before the
//! site's order, its first K, or each structure's place in or out of them changes, and each
//! structure's probability of staying in the first K when all weights move at once.

use crate::domain::Weights;
use crate::i18n::{self, Lang};
use crate::scoring::robustness::{
    Candidate, MonteCarlo, Stability, WeightInterval, among_first, entry_intervals, interval_text,
    intervals_sentence, most_critical, order_intervals, p_top_k, shortlist_intervals, tightest,
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
            "\nRobustesse aux poids ({}{colon} {draws} tirages, chaque poids à ±{percent}, graine {})\n",
            among_first(site.top, lang),
            site.seed
        ),
        Lang::En => format!(
            "\nRobustness to the weights ({}: {draws} draws, each weight ±{percent}, seed {})\n",
            among_first(site.top, lang),
            site.seed
        ),
    };
    out.push_str(&format!(
        "  {}\n",
        intervals_sentence(
            lang.pick("Ordre inchangé", "Order unchanged"),
            &site.order,
            lang
        )
    ));
    let same = match lang {
        Lang::Fr => format!("Même ensemble {}", among_first(site.top, lang)),
        Lang::En => format!("Same set {}", among_first(site.top, lang)),
    };
    out.push_str(&format!(
        "  {}\n",
        intervals_sentence(&same, &site.shortlist, lang)
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
            among_first(site.top, lang),
            entry.stability.label(lang),
        ));
    }
    out
}
