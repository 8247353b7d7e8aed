//! The score card: one pair explained in words an officer can read out to a jury.

use crate::domain::{
    Lot, LotId, Money, Site, SiteId, Structure, StructureId, Surface, Weights, Workspace,
};
use crate::i18n::{self, Label, Lang, labels};
use crate::scoring::criteria::{sector, urgency};
use crate::scoring::criterion::{Criterion, shares};
use crate::scoring::eligibility::Ineligibility;
use crate::scoring::evaluate::Evaluation;
use crate::scoring::{Matcher, PairScore, Settings};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionLine {
    #[serde(rename = "name")]
    pub criterion: Criterion,
    /// In [0, 1].
    pub value: f64,
    /// Share of the total, in [0, 1] (weights normalised).
    pub weight: f64,
    /// Points brought to the 0–100 total.
    pub contribution: f64,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreCard {
    pub structure: StructureId,
    pub site: SiteId,
    pub eligible: bool,
    /// Why the pair is ineligible, one sentence per broken rule (empty when eligible).
    pub reasons: Vec<String>,
    pub reason_codes: Vec<Ineligibility>,
    pub total: f64,
    pub criteria: Vec<CriterionLine>,
    pub lot: Option<LotId>,
    pub surface: Option<Surface>,
    /// Annual cost of the surface retained, computed exactly from the lot's fee.
    pub annual_cost: Option<Money>,
}

impl Matcher {
    /// Explains one pair. Builds strings, so call it only for the pairs shown.
    pub fn explain(
        &self,
        workspace: &Workspace,
        structure: usize,
        site: usize,
        weights: &Weights,
        lang: Lang,
    ) -> ScoreCard {
        let evaluation = self.evaluate(structure, site);
        let score = self.score(structure, site, weights);
        let st = &workspace.structures[structure];
        let si = &workspace.sites[site];
        let lot = evaluation
            .lot
            .and_then(|l| si.lots.get(self.lot_position(site, l)));
        let surface = lot.map(|_| Surface::m2(evaluation.surface));
        let annual_cost = lot.zip(surface).map(|(l, s)| l.fee.annual_cost(s));
        let writer = Writer {
            workspace,
            structure: st,
            site: si,
            lot,
            evaluation: &evaluation,
            annual_cost,
            settings: self.settings(),
            today: self.today(),
            lang,
        };
        let shares = shares(weights);
        ScoreCard {
            structure: st.id.clone(),
            site: si.id.clone(),
            eligible: score.eligible,
            reasons: evaluation
                .reasons
                .iter()
                .map(|r| writer.reason(r))
                .collect(),
            reason_codes: evaluation.reasons.iter().collect(),
            total: score.total,
            criteria: Criterion::ALL
                .iter()
                .map(|&c| {
                    line(
                        c,
                        &score,
                        &shares,
                        i18n::typography(&writer.criterion(c), lang),
                    )
                })
                .collect(),
            lot: lot.map(|l| l.id.clone()),
            surface,
            annual_cost,
        }
    }
}

fn line(c: Criterion, score: &PairScore, shares: &[f64; 5], explanation: String) -> CriterionLine {
    CriterionLine {
        criterion: c,
        value: score.values[c.index()],
        weight: shares[c.index()],
        contribution: score.contributions[c.index()],
        explanation,
    }
}

/// Writes the sentences of one card.
struct Writer<'a> {
    workspace: &'a Workspace,
    structure: &'a Structure,
    site: &'a Site,
    lot: Option<&'a Lot>,
    evaluation: &'a Evaluation,
    annual_cost: Option<Money>,
    settings: &'a Settings,
    today: NaiveDate,
    lang: Lang,
}

impl Writer<'_> {
    fn pick(&self, fr: &str, en: &str) -> String {
        self.lang.pick(fr, en).to_owned()
    }

    fn money(&self, m: Money) -> String {
        i18n::money(m, self.lang)
    }

    fn m2(&self, value: f64) -> String {
        i18n::surface(Surface::m2(value), self.lang)
    }

    fn date(&self, d: NaiveDate) -> String {
        i18n::date(d, self.lang)
    }

    fn need_range(&self) -> String {
        let n = &self.structure.needs;
        format!(
            "{}–{}",
            i18n::number(n.surface_min.value(), 1, self.lang),
            self.m2(n.surface_max.value())
        )
    }

    fn budget(&self) -> String {
        self.money(self.structure.needs.max_annual_budget)
    }

    fn reason(&self, reason: Ineligibility) -> String {
        let needs = &self.structure.needs;
        let territory = &self.workspace.territory;
        match reason {
            Ineligibility::ExcludedSector => {
                let label = territory.sector_label(&self.structure.sector);
                match self.lang {
                    Lang::Fr => format!("Secteur « {label} » exclu par le lieu"),
                    Lang::En => format!("Sector “{label}” is excluded by the site"),
                }
            }
            Ineligibility::NotAvailable => {
                let from = self.date(self.site.available_from);
                let start = self.date(needs.start);
                match (self.lang, self.site.available_until) {
                    (Lang::Fr, Some(until)) if until < needs.start => format!(
                        "Lieu disponible jusqu'au {} seulement ; besoin à partir du {start}",
                        self.date(until)
                    ),
                    (Lang::En, Some(until)) if until < needs.start => format!(
                        "Site available only until {}; needed from {start}",
                        self.date(until)
                    ),
                    (Lang::Fr, _) => format!(
                        "Lieu (ou lots adaptés) disponible à partir du {from} ; besoin au {start}"
                    ),
                    (Lang::En, _) => {
                        format!("Site (or suitable lots) available from {from}; needed on {start}")
                    }
                }
            }
            Ineligibility::TooLong => {
                let months = needs.duration.in_months();
                match (self.site.max_occupation_months, self.site.available_until) {
                    (Some(max), _) if months > max => match self.lang {
                        Lang::Fr => {
                            format!("Besoin de {months} mois ; le lieu offre au plus {max} mois")
                        }
                        Lang::En => format!("Needs {months} months; the site offers at most {max}"),
                    },
                    (_, Some(until)) => match self.lang {
                        Lang::Fr => format!(
                            "Besoin de {months} mois ; le lieu doit être libéré le {}",
                            self.date(until)
                        ),
                        Lang::En => format!(
                            "Needs {months} months; the site must be vacated on {}",
                            self.date(until)
                        ),
                    },
                    _ => self.pick(
                        "Durée demandée supérieure à celle offerte",
                        "Needs longer than the site offers",
                    ),
                }
            }
            Ineligibility::MissingFeature => {
                let missing: Vec<_> = needs
                    .required_features
                    .iter()
                    .filter(|f| !self.site.has_feature(**f))
                    .copied()
                    .collect();
                let list = labels::join(&missing, self.lang);
                match self.lang {
                    Lang::Fr => format!("Équipement requis absent : {list}"),
                    Lang::En => format!("Required feature missing: {list}"),
                }
            }
            Ineligibility::NoLotForUse => {
                let list = labels::join(&needs.use_types, self.lang);
                match self.lang {
                    Lang::Fr => format!("Aucun lot pour l'usage demandé ({list})"),
                    Lang::En => format!("No lot for the use asked for ({list})"),
                }
            }
            Ineligibility::OverBudget => {
                let min = self.m2(needs.surface_min.value());
                let budget = self.budget();
                match self.lang {
                    Lang::Fr => format!(
                        "Même la plus petite surface acceptable (à partir de {min}) dépasse le budget annuel de {budget}"
                    ),
                    Lang::En => format!(
                        "Even the smallest acceptable surface (from {min}) exceeds the annual budget of {budget}"
                    ),
                }
            }
        }
    }

    fn criterion(&self, c: Criterion) -> String {
        match c {
            Criterion::Surface => self.surface_text(),
            Criterion::Cost => self.cost_text(),
            Criterion::Sector => self.sector_text(),
            Criterion::Rebalancing => self.rebalancing_text(),
            Criterion::Urgency => self.urgency_text(),
        }
    }

    fn surface_text(&self) -> String {
        let e = self.evaluation;
        let Some(lot) = self.lot else {
            return self.pick(
                "Aucun lot ne convient à l'usage ou aux dates demandés",
                "No lot suits the use or the dates asked for",
            );
        };
        let value = e.values[Criterion::Surface.index()];
        let retained = self.m2(e.surface);
        let need = self.need_range();
        let verdict = if value >= 1.0 {
            self.pick("dans la fourchette", "within the range")
        } else if e.surface < self.structure.needs.surface_min.value() {
            self.pick("trop petit", "too small")
        } else {
            self.pick(
                "lot indivisible surdimensionné",
                "oversized indivisible lot",
            )
        };
        let label = &lot.label;
        let whole = self.m2(lot.surface.value());
        match self.lang {
            Lang::Fr => format!(
                "Lot « {label} » ({whole}) : {retained} retenus pour un besoin de {need} ; {verdict}"
            ),
            Lang::En => format!(
                "Lot “{label}” ({whole}): {retained} retained for a need of {need}; {verdict}"
            ),
        }
    }

    fn cost_text(&self) -> String {
        let Some(cost) = self.annual_cost else {
            return self.pick("Pas de lot retenu", "No lot retained");
        };
        let budget = self.structure.needs.max_annual_budget;
        let cost_text = self.money(cost);
        let budget_text = self.budget();
        if cost <= budget {
            match self.lang {
                Lang::Fr => {
                    format!("{cost_text} par an pour un budget de {budget_text} : dans le budget")
                }
                Lang::En => {
                    format!("{cost_text} a year for a budget of {budget_text}: within budget")
                }
            }
        } else {
            let over = if budget.to_f64() > 0.0 {
                i18n::percent(cost.to_f64() / budget.to_f64() - 1.0, self.lang)
            } else {
                "∞".to_owned()
            };
            match self.lang {
                Lang::Fr => format!(
                    "{cost_text} par an pour un budget de {budget_text} : dépassement de {over}"
                ),
                Lang::En => {
                    format!("{cost_text} a year for a budget of {budget_text}: {over} over")
                }
            }
        }
    }

    fn sector_text(&self) -> String {
        let territory = &self.workspace.territory;
        let label = territory.sector_label(&self.structure.sector);
        let priorities: Vec<&str> = self
            .site
            .priority_sectors
            .iter()
            .map(|s| territory.sector_label(s))
            .collect();
        let value = self.evaluation.values[Criterion::Sector.index()];
        let fit = if priorities.is_empty() {
            sector::SectorFit::NoPriority
        } else if value >= sector::SAME_SECTOR {
            sector::SectorFit::SameSector
        } else if value >= sector::SAME_FAMILY {
            sector::SectorFit::SameFamily
        } else {
            sector::SectorFit::Unrelated
        };
        let family = territory
            .family_of(&self.structure.sector)
            .map_or("?", |f| f.label.as_str());
        let list = short_list(&priorities, 3, self.lang);
        match (fit, self.lang) {
            (sector::SectorFit::NoPriority, Lang::Fr) => {
                "Le lieu n'affiche pas de secteur prioritaire : neutre".to_owned()
            }
            (sector::SectorFit::NoPriority, Lang::En) => {
                "The site states no priority sector: neutral".to_owned()
            }
            (sector::SectorFit::SameSector, Lang::Fr) => {
                format!("« {label} » fait partie des secteurs prioritaires du lieu")
            }
            (sector::SectorFit::SameSector, Lang::En) => {
                format!("“{label}” is one of the site's priority sectors")
            }
            (sector::SectorFit::SameFamily, Lang::Fr) => {
                format!("« {label} » n'est pas prioritaire, mais sa famille « {family} » l'est")
            }
            (sector::SectorFit::SameFamily, Lang::En) => {
                format!("“{label}” is not a priority, but its family “{family}” is")
            }
            (sector::SectorFit::Unrelated, Lang::Fr) => {
                format!("« {label} » est hors des priorités du lieu ({list})")
            }
            (sector::SectorFit::Unrelated, Lang::En) => {
                format!("“{label}” is outside the site's priorities ({list})")
            }
        }
    }

    fn rebalancing_text(&self) -> String {
        let territory = &self.workspace.territory;
        let site_city = territory.city(&self.site.city);
        let zone = site_city.map(|c| c.zone);
        let city_name = territory.city_name(&self.site.city);
        let at_city = i18n::at_city(city_name);
        let mut parts = Vec::new();
        match (zone, self.lang) {
            (Some(z), Lang::Fr) if territory.is_priority_zone(z) => parts.push(format!(
                "lieu {at_city}, zone {} prioritaire",
                z.label(self.lang)
            )),
            (Some(z), Lang::En) if territory.is_priority_zone(z) => parts.push(format!(
                "site in {city_name}, priority zone {}",
                z.label(self.lang)
            )),
            (Some(z), Lang::Fr) => parts.push(format!(
                "lieu {at_city}, zone {} non prioritaire",
                z.label(self.lang)
            )),
            (Some(z), Lang::En) => parts.push(format!(
                "site in {city_name}, zone {} not a priority",
                z.label(self.lang)
            )),
            (None, _) => parts.push(self.pick("ville du lieu inconnue", "site city unknown")),
        }
        let home = territory.city(&self.structure.home_city);
        match (home, self.lang) {
            (Some(c), Lang::Fr) => {
                parts.push(format!("structure ancrée {}", i18n::at_city(&c.name)))
            }
            (Some(c), Lang::En) => parts.push(format!("structure based in {}", c.name)),
            (None, _) if self.structure.pathway.iter().any(|e| e.site.is_some()) => {
                parts.push(self.pick(
                    "structure déjà accueillie sur le territoire",
                    "structure already hosted on the territory",
                ))
            }
            (None, _) => parts.push(self.pick(
                "structure extérieure au territoire",
                "structure based outside the territory",
            )),
        }
        let preferred = &self.structure.needs.preferred_cities;
        if !preferred.is_empty() {
            if preferred.contains(&self.site.city) {
                parts.push(self.pick("ville souhaitée", "a preferred city"));
            } else {
                parts.push(self.pick("hors des villes souhaitées", "not a preferred city"));
            }
        }
        capitalise(&parts.join(" ; "))
    }

    fn urgency_text(&self) -> String {
        let situation = urgency::situation(self.structure, self.today, self.settings);
        let next = self.site.kind.label(self.lang);
        let text = match situation {
            urgency::Situation::NoPremises => match self.lang {
                Lang::Fr => format!("Sans local aujourd'hui ; lieu {next}"),
                Lang::En => format!("No premises today; {next} site"),
            },
            urgency::Situation::Ending { kind, days_left } => {
                let what = kind.label(self.lang);
                let end = self.today + chrono::Duration::days(days_left);
                if days_left < 0 {
                    match self.lang {
                        Lang::Fr => format!(
                            "{what} terminée le {} sans suite ; lieu {next}",
                            self.date(end)
                        ),
                        Lang::En => format!(
                            "{what} ended on {} with no next step; {next} site",
                            self.date(end)
                        ),
                    }
                } else {
                    match self.lang {
                        Lang::Fr => format!(
                            "{what} se termine le {} (dans {days_left} jours) ; lieu {next}",
                            self.date(end)
                        ),
                        Lang::En => format!(
                            "{what} ends on {} (in {days_left} days); {next} site",
                            self.date(end)
                        ),
                    }
                }
            }
            urgency::Situation::ReadyToLeaveIncubator { months_in } => match self.lang {
                Lang::Fr => {
                    format!("En pépinière depuis {months_in} mois, prête à en sortir ; lieu {next}")
                }
                Lang::En => {
                    format!("In an incubator for {months_in} months, ready to leave; {next} site")
                }
            },
            urgency::Situation::Settled { kind } => {
                let what = kind.label(self.lang);
                match self.lang {
                    Lang::Fr => {
                        format!("Actuellement en {what}, sans échéance proche ; lieu {next}")
                    }
                    Lang::En => format!("Currently in {what}, no end in sight; {next} site"),
                }
            }
        };
        capitalise(&text)
    }
}

/// `a, b, c et 4 autres`: enough to read aloud, not a wall of text.
fn short_list(items: &[&str], shown: usize, lang: Lang) -> String {
    let head = items
        .iter()
        .take(shown)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    match items.len().saturating_sub(shown) {
        0 => head,
        rest => match lang {
            Lang::Fr => format!("{head} et {rest} autres"),
            Lang::En => format!("{head} and {rest} more"),
        },
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
