//! Part 3 of the report, « Critères »: how a score comes about, in words a jury can read. The
//! sentences restate the formulas documented in `crate::scoring::criteria` (and the jury grid's
//! in `crate::review::grid`) with the tolerances actually in force.

use crate::domain::Weights;
use crate::export::report::{CriteriaPart, WeightLine};
use crate::i18n::{self, Lang};
use crate::review::Grid;
use crate::scoring::criteria::{rebalancing, sector};
use crate::scoring::criterion::shares;
use crate::scoring::{Criterion, Settings};

pub fn criteria_part(
    weights: &Weights,
    grid: &Grid,
    settings: &Settings,
    lang: Lang,
) -> CriteriaPart {
    let match_shares = shares(weights);
    let grid_sum: f64 = grid
        .criteria
        .iter()
        .map(|c| {
            if c.weight.is_finite() && c.weight > 0.0 {
                c.weight
            } else {
                0.0
            }
        })
        .sum();
    CriteriaPart {
        eligibility: i18n::typography(&eligibility(settings, lang), lang),
        match_total: i18n::typography(&match_total(lang), lang),
        weights: Criterion::ALL
            .iter()
            .map(|&c| WeightLine {
                code: c.code().to_owned(),
                label: c.label(lang).to_owned(),
                weight: c.weight_in(weights),
                share: match_shares[c.index()],
                formula: i18n::typography(&formula(c, settings, lang), lang),
            })
            .collect(),
        grid: grid
            .criteria
            .iter()
            .map(|c| WeightLine {
                code: c.code.clone(),
                label: c.label(lang).to_owned(),
                weight: c.weight,
                share: if grid_sum > 0.0 {
                    c.weight.max(0.0) / grid_sum
                } else {
                    0.0
                },
                formula: String::new(),
            })
            .collect(),
        grid_formula: i18n::typography(&grid_formula(lang), lang),
        grid_threshold: grid.threshold,
    }
}

fn pct(ratio: f64, lang: Lang) -> String {
    i18n::percent(ratio, lang)
}

fn num(value: f64, lang: Lang) -> String {
    i18n::number(value, 2, lang)
}

fn eligibility(settings: &Settings, lang: Lang) -> String {
    let grace = settings.start_grace_days;
    match lang {
        Lang::Fr => format!(
            "Une candidature est inéligible (score affiché, mais signalée) si : le site exclut son secteur ; \
             le site n'est pas disponible à la date de début voulue (tolérance de {grace} jours) ; \
             la durée demandée dépasse la durée offerte ; un équipement requis manque ; \
             aucun lot n'offre l'usage demandé ; même la plus petite surface acceptée dépasse le budget annuel."
        ),
        Lang::En => format!(
            "An application is ineligible (scored, but flagged) when: the site excludes its sector; \
             the site is not available at the wished start date ({grace} days of grace); \
             the duration asked exceeds what the site offers; a required feature is missing; \
             no lot offers the use asked for; even the smallest surface accepted exceeds the annual budget."
        ),
    }
}

fn match_total(lang: Lang) -> String {
    match lang {
        Lang::Fr => "Score d'adéquation (0 à 100) = 100 × Σ (part du critère × valeur du critère), \
                     chaque valeur allant de 0 à 1 ; les parts sont les poids de l'appel ramenés à 100 %. \
                     Le score mesure l'adéquation des locaux au besoin ; la grille du jury, distincte, \
                     porte sur le projet."
            .to_owned(),
        Lang::En => "Match score (0 to 100) = 100 × Σ (criterion share × criterion value), each value \
                     from 0 to 1; shares are the call's weights scaled to 100 %. The score measures how \
                     well the premises fit the need; the jury grid, separate, judges the project."
            .to_owned(),
    }
}

fn formula(criterion: Criterion, settings: &Settings, lang: Lang) -> String {
    let under = pct(settings.surface_under_tolerance, lang);
    let over = pct(settings.surface_over_tolerance, lang);
    let tau = pct(settings.cost_tolerance, lang);
    let horizon = settings.urgency_horizon_days;
    let ready = settings.incubation_ready_months;
    let (same, family, unrelated, neutral) = (
        num(sector::SAME_SECTOR, lang),
        num(sector::SAME_FAMILY, lang),
        num(sector::UNRELATED, lang),
        num(sector::NO_PRIORITY, lang),
    );
    let (zone, anchor, preference) = (
        num(rebalancing::ZONE_PART, lang),
        num(rebalancing::ANCHOR_PART, lang),
        num(rebalancing::PREFERENCE_PART, lang),
    );
    match (criterion, lang) {
        (Criterion::Surface, Lang::Fr) => format!(
            "Surface retenue sur le lot comparée au besoin (min–max) : 1 entre le minimum et le maximum \
             (un lot divisible plus grand est découpé à la taille voulue) ; en dessous du minimum, baisse \
             linéaire jusqu'à 0 à {under} de moins ; au-dessus du maximum sur un lot indivisible, baisse \
             linéaire jusqu'à 0 à {over} de plus (un lot trop grand gaspille un espace rare)."
        ),
        (Criterion::Surface, Lang::En) => format!(
            "Surface retained on the lot against the need (min–max): 1 between minimum and maximum \
             (a larger divisible lot is cut to size); below the minimum, falls linearly to 0 at {under} \
             less; above the maximum on an indivisible lot, falls linearly to 0 at {over} more (an \
             oversized lot wastes scarce space)."
        ),
        (Criterion::Cost, Lang::Fr) => format!(
            "Coût annuel de la surface retenue (redevance et charges) rapporté au budget annuel maximal de la \
             structure : 1 dans le budget, puis baisse linéaire jusqu'à 0 quand le coût dépasse le budget de {tau}."
        ),
        (Criterion::Cost, Lang::En) => format!(
            "Annual cost of the surface retained (fee and charges) against the structure's maximum annual \
             budget: 1 within budget, then falls linearly to 0 when the cost exceeds the budget by {tau}."
        ),
        (Criterion::Sector, Lang::Fr) => format!(
            "Proximité du secteur de la structure avec les secteurs prioritaires du site : même secteur {same}, \
             même famille {family}, sinon {unrelated} ; un site sans priorité compte {neutral} pour tous."
        ),
        (Criterion::Sector, Lang::En) => format!(
            "How close the structure's sector is to the site's priority sectors: same sector {same}, same \
             family {family}, otherwise {unrelated}; a site with no priority counts {neutral} for everyone."
        ),
        (Criterion::Rebalancing, Lang::Fr) => format!(
            "Rééquilibrage territorial vers le Nord et l'Est : {zone} si le site est dans une zone prioritaire, \
             + {anchor} si la structure est ancrée (siège dans l'une des neuf villes ou déjà hébergée sur un site), \
             + {preference} si le site est dans une ville qu'elle souhaite (ou si elle n'en a indiqué aucune)."
        ),
        (Criterion::Rebalancing, Lang::En) => format!(
            "Territorial rebalancing towards the North and East: {zone} when the site is in a priority zone, \
             + {anchor} when the structure is anchored (based in one of the nine cities or already hosted on a \
             site), + {preference} when the site is in a city it wishes (or it stated none)."
        ),
        (Criterion::Urgency, Lang::Fr) => format!(
            "Urgence du parcours résidentiel : occupation qui se termine dans les {horizon} jours, de 0,5 à 1 à \
             mesure que la fin approche ; plus de {ready} mois en pépinière 0,9 ; sans local 0,5 ; autre local 0,4 ; \
             occupation temporaire ou pépinière avec du temps devant elle 0,3 et 0,2 ; local pérenne 0. \
             Multiplié par l'adéquation du site comme étape suivante (avancer garde tout, un nouveau site \
             temporaire après un temporaire 0,8, revenir en pépinière 0,3)."
        ),
        (Criterion::Urgency, Lang::En) => format!(
            "Residential-pathway urgency: an occupation ending within {horizon} days, 0.5 to 1 as the end nears; \
             over {ready} months in an incubator 0.9; no premises 0.5; other premises 0.4; temporary occupation or \
             incubation with time left 0.3 and 0.2; permanent premises 0. Multiplied by how well the site fits \
             as the next step (moving forward keeps it whole, another temporary site after a temporary one 0.8, \
             going back to an incubator 0.3)."
        ),
    }
}

fn grid_formula(lang: Lang) -> String {
    match lang {
        Lang::Fr => "Grille du jury : chaque critère noté de 0 à 4 (ou « sans objet »). Total sur 100 = \
                     100 × Σ (poids × note / 4) ÷ Σ poids, sur les seuls critères notés ; le seuil n'est \
                     jugé qu'une fois tous les critères notés."
            .to_owned(),
        Lang::En => "Jury grid: each criterion graded 0 to 4 (or “not applicable”). Total out of 100 = \
                     100 × Σ (weight × grade / 4) ÷ Σ weights, over the graded criteria only; the threshold \
                     is judged once every criterion is graded."
            .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_criterion_is_explained_with_the_settings_in_force() {
        let part = criteria_part(
            &Weights::default(),
            &Grid::default(),
            &Settings::default(),
            Lang::Fr,
        );
        assert_eq!(part.weights.len(), 5);
        assert!(part.weights.iter().all(|w| !w.formula.is_empty()));
        assert!((part.weights.iter().map(|w| w.share).sum::<f64>() - 1.0).abs() < 1e-9);
        // The cost tolerance (50 %) appears in the cost formula.
        assert!(
            part.weights[1].formula.contains("50\u{a0}%"),
            "{}",
            part.weights[1].formula
        );
        assert!((part.grid.iter().map(|w| w.share).sum::<f64>() - 1.0).abs() < 1e-9);
        assert_eq!(part.grid_threshold, 50.0);
    }
}
