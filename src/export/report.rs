//! The jury report: everything a jury file says about a call, computed once and typed (money
//! as `Money`, surfaces as `Surface`, dates as dates), so each writer formats it natively.
//!
//! Four parts, as the jury reads them: the synthesis per site, one row per application, the
//! criteria (how a score comes about) and the journal of decisions. Pure: no disk, no terminal.

use crate::domain::{
    CallId, Contact, LotId, Money, SiteId, Structure, StructureId, Surface, Workspace, Zone,
};
use crate::export::formulas;
use crate::i18n::{Label, Lang, labels};
use crate::review::{
    AppKey, ApplicationReview, DecisionKind, Grade, ReviewState, Status, Timestamp,
};
use crate::scoring::robustness::{
    Candidate, MonteCarlo, Stability, WeightInterval, entry_intervals, most_critical,
    order_intervals, p_top_k, shortlist_intervals,
};
use crate::scoring::ties::{TieBreaker, TieInput, broken_text, rank_with_ties};
use crate::scoring::{CriterionLine, Matcher};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;

/// What to put in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// Only this site of the call.
    pub site: Option<SiteId>,
    /// Only applications with these statuses; empty means the shortlist (présélectionné).
    pub statuses: Vec<Status>,
    /// Contact people, e-mails and phones: left out unless explicitly asked for.
    pub with_personal_data: bool,
    pub lang: Lang,
    pub today: NaiveDate,
    /// These exact applications, whatever their status (`statuses` is then ignored; `site`
    /// still narrows): the rows the officer filtered or selected in the cockpit. None: the
    /// scope is given by `statuses` and `site`.
    pub only: Option<BTreeSet<AppKey>>,
}

impl ReportOptions {
    /// The shortlist of every site, without personal data.
    pub fn shortlist(lang: Lang, today: NaiveDate) -> Self {
        ReportOptions {
            site: None,
            statuses: Vec::new(),
            with_personal_data: false,
            lang,
            today,
            only: None,
        }
    }

    /// The statuses exported: those asked for, or the shortlist.
    pub fn effective_statuses(&self) -> Vec<Status> {
        if self.statuses.is_empty() {
            vec![Status::Preselectionne]
        } else {
            let set: BTreeSet<Status> = self.statuses.iter().copied().collect();
            set.into_iter().collect()
        }
    }
}

/// Why a report cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("appel inconnu «\u{a0}{0}\u{a0}»")]
    UnknownCall(CallId),
    #[error("le site «\u{a0}{site}\u{a0}» ne fait pas partie de l'appel «\u{a0}{call}\u{a0}»")]
    SiteNotInCall { site: SiteId, call: CallId },
}

impl ReportError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::Fr) => self.to_string(),
            (ReportError::UnknownCall(call), Lang::En) => format!("unknown call `{call}`"),
            (ReportError::SiteNotInCall { site, call }, Lang::En) => {
                format!("site `{site}` is not part of call `{call}`")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JuryReport {
    pub call: CallSummary,
    pub generated_on: NaiveDate,
    pub lang: Lang,
    /// The statuses exported (the shortlist by default); for hand-picked applications, the
    /// statuses they have.
    pub statuses: Vec<Status>,
    /// The applications were picked one by one (the cockpit's filtered or selected rows).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hand_picked: bool,
    /// The one site exported, when the export was limited to it.
    pub site_filter: Option<SiteId>,
    /// True when contact people, e-mails and phones are in the file.
    pub personal_data: bool,
    pub synthesis: Vec<SiteSynthesis>,
    pub grants: GrantTotals,
    pub applications: Vec<ApplicationRow>,
    pub criteria: CriteriaPart,
    pub journal: Vec<JournalRow>,
    /// Applications of the review whose structure or site is no longer in the workspace: left
    /// out, but named so nobody believes the file is complete when it is not.
    pub omitted: Vec<String>,
    /// Applications in scope that the call file no longer lists (withdrawn after decisions
    /// were taken): left out of the file, and named.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub withdrawn: Vec<String>,
    /// The live checks on the call's decisions (a lot given twice, a pool over its m², the
    /// impact fund…), as sentences.
    pub warnings: Vec<String>,
    /// Per site, how robust its ranking is to the weights.
    pub robustness: Vec<SiteRobustness>,
}

/// How far each weight can move before a site's order, or its first K, changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiteRobustness {
    pub site: SiteId,
    pub name: String,
    /// The cut-off: the site's shortlisted and accepted applications (at least one).
    pub top: usize,
    pub draws: usize,
    pub spread: f64,
    pub seed: u64,
    pub order: Vec<WeightInterval>,
    pub shortlist: Vec<WeightInterval>,
    /// The criterion whose weight can move least before the first K change.
    pub critical: Option<crate::scoring::Criterion>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallSummary {
    pub id: CallId,
    pub title: String,
    pub programme: String,
    pub deadline: NaiveDate,
}

/// Part 1, per site: the structures in rank order, the surface they take against the site's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiteSynthesis {
    pub site: SiteId,
    pub name: String,
    pub city: String,
    /// None when the site's city is not in the territory file.
    pub zone: Option<Zone>,
    /// The site's surface: its stated total, else the sum of its lots (none when neither).
    pub surface: Option<Surface>,
    pub entries: Vec<SynthesisEntry>,
    /// Sum of the surfaces the structures take.
    pub surface_taken: Surface,
    /// Impact-fund grants the structures of this site request.
    pub grants_requested: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SynthesisEntry {
    pub rank: usize,
    /// Shares its rank with another application of the site.
    pub ex_aequo: bool,
    pub structure: StructureId,
    pub name: String,
    pub total: f64,
    pub eligible: bool,
    /// The surface retained by the score card, else the structure's minimum need.
    pub surface: Surface,
    pub grant_requested: Option<Money>,
}

/// Grants requested by the exported structures (each counted once, even when it applies to
/// several sites) against the impact fund.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GrantTotals {
    pub requested: Money,
    pub envelope: Money,
    pub cap_per_structure: Money,
    /// Structures asking more than the cap.
    pub above_cap: Vec<StructureId>,
}

/// Part 2: one application (a structure for a site).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApplicationRow {
    /// Rank among the exported applications of the same site, by match total; equal totals at
    /// the precision shown share it unless the officer or the jury grid broke the tie.
    pub rank: usize,
    pub ex_aequo: bool,
    /// How a tie on the match total was broken, in words.
    pub tie_break: Option<String>,
    /// The lot was named in the decision (else it is the engine's retained lot).
    pub lot_named: bool,
    /// Live checks about this application (a lot given twice…), as sentences.
    pub warnings: Vec<String>,
    /// Probability of staying in the site's first K when the weights move (±20 %).
    pub p_top_k: Option<f64>,
    pub stability: Option<Stability>,
    /// Per weight, the range within which it stays in (or out of) the first K.
    pub weight_intervals: Vec<WeightInterval>,
    pub structure: StructureId,
    pub name: String,
    pub legal_form: String,
    pub esus: bool,
    pub sector: String,
    pub city: String,
    pub zone: Option<Zone>,
    pub need: NeedSummary,
    pub grant_requested: Option<Money>,
    pub site: SiteId,
    pub site_name: String,
    pub lot: Option<LotId>,
    pub lot_label: Option<String>,
    /// Use type of the lot retained, labelled.
    pub lot_use: Option<String>,
    /// When the site can be occupied: from, until (none: open-ended), longest stay in months.
    pub site_available_from: NaiveDate,
    pub site_available_until: Option<NaiveDate>,
    pub site_max_months: Option<u32>,
    /// Surface retained on that lot.
    pub surface: Option<Surface>,
    pub annual_cost: Option<Money>,
    pub eligible: bool,
    /// Why the pair is ineligible (empty when eligible), in the report's language.
    pub reasons: Vec<String>,
    /// Match total, 0–100.
    pub total: f64,
    pub criteria: Vec<CriterionLine>,
    pub grid: Vec<GridMark>,
    /// Jury-grid total, 0–100, once something is graded.
    pub grid_total: Option<f64>,
    pub passes_threshold: Option<bool>,
    pub status: Status,
    pub motivation: Option<String>,
    pub annotation: String,
    pub labels: Vec<String>,
    pub opinions: Vec<OpinionLine>,
    /// Only with personal data.
    pub contact: Option<Contact>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedSummary {
    pub surface_min: Surface,
    pub surface_max: Surface,
    /// Use types, labelled in the report's language.
    pub uses: String,
    pub start: NaiveDate,
    pub duration_months: u32,
    pub max_annual_budget: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridMark {
    pub code: String,
    pub label: String,
    pub grade: Option<Grade>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpinionLine {
    pub partner: String,
    pub favourable: bool,
    pub text: String,
    pub who: String,
    pub at: Timestamp,
}

/// Part 3: the weights and how each criterion is computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriteriaPart {
    pub eligibility: String,
    pub match_total: String,
    pub weights: Vec<WeightLine>,
    pub grid: Vec<WeightLine>,
    pub grid_formula: String,
    pub grid_threshold: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightLine {
    pub code: String,
    pub label: String,
    /// The weight as set on the call (or the grid).
    pub weight: f64,
    /// Its share of the total, 0–1.
    pub share: f64,
    /// How the criterion is computed, in words (empty for jury-grid criteria: graded 0–4).
    pub formula: String,
}

/// Part 4: one decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JournalRow {
    pub at: Timestamp,
    pub who: String,
    pub structure: StructureId,
    pub structure_name: String,
    pub site: SiteId,
    pub site_name: String,
    pub from: Status,
    pub to: Status,
    pub kind: DecisionKind,
    pub motivation: Option<String>,
}

impl JuryReport {
    /// Builds the report of `state.call` from the workspace and the review state.
    pub fn build(
        workspace: &Workspace,
        matcher: &Matcher,
        state: &ReviewState,
        options: &ReportOptions,
    ) -> Result<JuryReport, ReportError> {
        let lang = options.lang;
        let call = workspace
            .call(&state.call)
            .ok_or_else(|| ReportError::UnknownCall(state.call.clone()))?;
        if let Some(site) = &options.site
            && !call.sites.contains(site)
        {
            return Err(ReportError::SiteNotInCall {
                site: site.clone(),
                call: call.id.clone(),
            });
        }
        let mut statuses = options.effective_statuses();
        let in_scope = |key: &AppKey, review: &ApplicationReview| match &options.only {
            Some(only) => only.contains(key),
            None => statuses.contains(&review.status),
        };
        let mut picked_statuses = BTreeSet::new();
        let mut omitted = Vec::new();
        let mut withdrawn = Vec::new();
        let mut rows = Vec::new();
        for (key, review) in &state.applications {
            if !in_scope(key, review) || options.site.as_ref().is_some_and(|s| s != &key.site) {
                continue;
            }
            picked_statuses.insert(review.status);
            if !ReviewState::is_listed(call, key) {
                withdrawn.push(key.to_string());
                continue;
            }
            let (Some(st), Some(si)) = (
                workspace.structure_index(&key.structure),
                workspace.site_index(&key.site),
            ) else {
                omitted.push(key.to_string());
                continue;
            };
            let card = matcher.explain(workspace, st, si, &call.weights, lang);
            rows.push(application_row(
                workspace, state, review, st, si, card, options,
            ));
        }
        // By site in the call's order, then best match first; ties share their rank.
        let site_order = |site: &SiteId| call.sites.iter().position(|s| s == site);
        rows.sort_by(|a, b| {
            site_order(&a.site)
                .cmp(&site_order(&b.site))
                .then_with(|| a.site.cmp(&b.site))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.structure.cmp(&b.structure))
        });
        let rows = rank_sites(rows, state, lang);
        let warnings = crate::review::check_all(workspace, state);
        let mut rows = rows;
        for row in &mut rows {
            let key = AppKey::new(row.structure.clone(), row.site.clone());
            row.warnings = warnings
                .iter()
                .filter(|w| w.concerns(&key))
                .map(|w| w.message(lang))
                .collect();
        }
        let robustness = robustness(workspace, matcher, call, state, &mut rows);

        let synthesis = call
            .sites
            .iter()
            .filter(|s| options.site.as_ref().is_none_or(|only| only == *s))
            .filter_map(|s| site_synthesis(workspace, s, &rows))
            .collect();
        let journal = journal(state, &rows);
        if options.only.is_some() {
            statuses = picked_statuses.into_iter().collect();
        }
        Ok(JuryReport {
            call: CallSummary {
                id: call.id.clone(),
                title: call.title.clone(),
                programme: call.programme.label(lang).to_owned(),
                deadline: call.deadline,
            },
            generated_on: options.today,
            lang,
            statuses,
            hand_picked: options.only.is_some(),
            site_filter: options.site.clone(),
            personal_data: options.with_personal_data,
            synthesis,
            grants: grant_totals(workspace, call.fund_year(), &rows),
            criteria: formulas::criteria_part(&call.weights, &state.grid, matcher.settings(), lang),
            applications: rows,
            journal,
            omitted,
            withdrawn,
            warnings: warnings.iter().map(|w| w.message(lang)).collect(),
            robustness,
        })
    }

    /// The exported applications for one site, in rank order.
    pub fn applications_of<'a>(
        &'a self,
        site: &'a SiteId,
    ) -> impl Iterator<Item = &'a ApplicationRow> + 'a {
        self.applications.iter().filter(move |a| &a.site == site)
    }
}

/// Ranks each site's rows (given by site, then name): eligible first, then the total as shown;
/// ties broken only by the officer's order, then the jury grid — and said so.
fn rank_sites(rows: Vec<ApplicationRow>, state: &ReviewState, lang: Lang) -> Vec<ApplicationRow> {
    let mut out = Vec::with_capacity(rows.len());
    let mut rest = rows.into_iter().peekable();
    while let Some(first) = rest.next() {
        let mut group = vec![first];
        while rest.peek().is_some_and(|r| r.site == group[0].site) {
            group.extend(rest.next());
        }
        let tie = state.tie_breaks.get(&group[0].site);
        let inputs: Vec<TieInput> = group
            .iter()
            .map(|r| TieInput {
                eligible: r.eligible,
                total: r.total,
                grid: r.grid_total,
                officer: tie.and_then(|t| t.order.iter().position(|s| s == &r.structure)),
            })
            .collect();
        let ranked = rank_with_ties(&inputs);
        let mut slots: Vec<Option<ApplicationRow>> = group.into_iter().map(Some).collect();
        for r in ranked {
            let Some(mut row) = slots[r.entry].take() else {
                continue;
            };
            row.rank = r.rank;
            row.ex_aequo = r.ex_aequo;
            row.tie_break = match (r.ex_aequo, r.broken_by) {
                (true, _) => Some(
                    lang.pick(
                        "ex æquo au score comme à la grille du jury",
                        "tied on the score and on the jury grid",
                    )
                    .to_owned(),
                ),
                (false, Some(TieBreaker::Officer)) => Some(broken_text(
                    TieBreaker::Officer,
                    row.grid_total,
                    tie.map_or("", |t| t.motivation.as_str()),
                    lang,
                )),
                (false, Some(breaker)) => Some(broken_text(breaker, row.grid_total, "", lang)),
                (false, None) => None,
            };
            out.push(row);
        }
    }
    out
}

/// Per site: the weight intervals of its order and of its first K (K: its shortlisted and
/// accepted applications), and for each exported row P(top K) and its own intervals.
fn robustness(
    workspace: &Workspace,
    matcher: &Matcher,
    call: &crate::domain::Call,
    state: &ReviewState,
    rows: &mut [ApplicationRow],
) -> Vec<SiteRobustness> {
    let mc = MonteCarlo::default();
    let mut parts = Vec::new();
    for site_id in &call.sites {
        let Some(site) = workspace.site_index(site_id) else {
            continue;
        };
        if !rows.iter().any(|r| &r.site == site_id) {
            continue;
        }
        let applicants: Vec<usize> = call
            .application_pairs()
            .filter(|(_, s)| *s == site_id)
            .filter_map(|(st, _)| workspace.structure_index(st))
            .collect();
        let all = matcher.rank_site(site, &call.weights, Some(&applicants));
        let candidates: Vec<Candidate> = all
            .iter()
            .map(|p| Candidate {
                eligible: p.eligible,
                values: p.values,
            })
            .collect();
        let top = state
            .applications
            .iter()
            .filter(|(k, a)| &k.site == site_id && a.status.holds_place())
            .count()
            .max(1);
        let p = p_top_k(&candidates, &call.weights, top, &mc);
        for row in rows.iter_mut().filter(|r| &r.site == site_id) {
            if let Some(i) = all
                .iter()
                .position(|a| workspace.structures[a.structure].id == row.structure)
            {
                row.p_top_k = Some(p[i]);
                row.stability = Some(Stability::of(p[i]));
                row.weight_intervals = entry_intervals(&candidates, &call.weights, top, i);
            }
        }
        let shortlist = shortlist_intervals(&candidates, &call.weights, top);
        parts.push(SiteRobustness {
            site: site_id.clone(),
            name: workspace.sites[site].name.clone(),
            top,
            draws: mc.draws,
            spread: mc.spread,
            seed: mc.seed,
            order: order_intervals(&candidates, &call.weights),
            critical: most_critical(&shortlist),
            shortlist,
        });
    }
    parts
}

fn application_row(
    workspace: &Workspace,
    state: &ReviewState,
    review: &ApplicationReview,
    structure_idx: usize,
    site_idx: usize,
    card: crate::scoring::ScoreCard,
    options: &ReportOptions,
) -> ApplicationRow {
    let lang = options.lang;
    let structure = &workspace.structures[structure_idx];
    let site = &workspace.sites[site_idx];
    let territory = &workspace.territory;
    let grid_result = state.grid.evaluate(&review.grades);
    // The lot named in the decision, when there is one, is what the jury reads.
    let named = review
        .holding
        .as_ref()
        .filter(|_| review.status.holds_place())
        .and_then(|h| site.lot(&h.lot).map(|l| (l, h.surface_on(l))));
    let (lot, surface, annual_cost) = match named {
        Some((l, s)) => (Some(l), Some(s), Some(l.fee.annual_cost(s))),
        None => (
            card.lot.as_ref().and_then(|l| site.lot(l)),
            card.surface,
            card.annual_cost,
        ),
    };
    ApplicationRow {
        rank: 0,
        ex_aequo: false,
        tie_break: None,
        lot_named: named.is_some(),
        warnings: Vec::new(),
        p_top_k: None,
        stability: None,
        weight_intervals: Vec::new(),
        structure: structure.id.clone(),
        name: structure.name.clone(),
        legal_form: structure.legal_form.label(lang).to_owned(),
        esus: structure.esus,
        sector: territory.sector_label(&structure.sector).to_owned(),
        city: territory.city_name(&structure.home_city).to_owned(),
        zone: territory.city(&structure.home_city).map(|c| c.zone),
        need: need_summary(structure, lang),
        grant_requested: structure.grant_requested,
        site: site.id.clone(),
        site_name: site.name.clone(),
        lot: lot.map(|l| l.id.clone()),
        lot_label: lot.map(|l| l.label.clone()),
        lot_use: lot.map(|l| l.use_type.label(lang).to_owned()),
        site_available_from: site.available_from,
        site_available_until: site.available_until,
        site_max_months: site.max_occupation_months,
        surface,
        annual_cost,
        eligible: card.eligible,
        reasons: card.reasons,
        total: card.total,
        criteria: card.criteria,
        grid: state
            .grid
            .criteria
            .iter()
            .map(|c| GridMark {
                code: c.code.clone(),
                label: c.label(lang).to_owned(),
                grade: review.grades.get(&c.code).copied(),
            })
            .collect(),
        grid_total: grid_result.total,
        passes_threshold: grid_result.passes_threshold,
        status: review.status,
        motivation: review.current_motivation().map(str::to_owned),
        annotation: review.annotation.clone(),
        labels: review.labels.iter().cloned().collect(),
        opinions: review
            .opinions
            .iter()
            .map(|o| OpinionLine {
                partner: o.partner.name().to_owned(),
                favourable: o.favourable,
                text: o.text.clone(),
                who: o.who.clone(),
                at: o.at,
            })
            .collect(),
        contact: options
            .with_personal_data
            .then(|| structure.contact.as_ref().map(|c| c.0.clone()))
            .flatten(),
    }
}

fn need_summary(structure: &Structure, lang: Lang) -> NeedSummary {
    let needs = &structure.needs;
    NeedSummary {
        surface_min: needs.surface_min,
        surface_max: needs.surface_max,
        uses: labels::join(&needs.use_types, lang),
        start: needs.start,
        duration_months: needs.duration.in_months(),
        max_annual_budget: needs.max_annual_budget,
    }
}

/// The surface an application takes: what the score card retained, else the minimum need.
pub fn surface_taken(row: &ApplicationRow) -> Surface {
    row.surface.unwrap_or(row.need.surface_min)
}

fn site_synthesis(
    workspace: &Workspace,
    site_id: &SiteId,
    rows: &[ApplicationRow],
) -> Option<SiteSynthesis> {
    let site = workspace.site(site_id)?;
    let entries: Vec<SynthesisEntry> = rows
        .iter()
        .filter(|r| &r.site == site_id)
        .map(|r| SynthesisEntry {
            rank: r.rank,
            ex_aequo: r.ex_aequo,
            structure: r.structure.clone(),
            name: r.name.clone(),
            total: r.total,
            eligible: r.eligible,
            surface: surface_taken(r),
            grant_requested: r.grant_requested,
        })
        .collect();
    let surface = site
        .total_surface
        .or_else(|| (!site.lots.is_empty()).then(|| site.lots_surface()));
    let city = workspace.territory.city(&site.city);
    Some(SiteSynthesis {
        site: site.id.clone(),
        name: site.name.clone(),
        city: workspace.territory.city_name(&site.city).to_owned(),
        zone: city.map(|c| c.zone),
        surface,
        surface_taken: entries.iter().map(|e| e.surface).sum(),
        grants_requested: entries.iter().filter_map(|e| e.grant_requested).sum(),
        entries,
    })
}

fn grant_totals(workspace: &Workspace, year: i32, rows: &[ApplicationRow]) -> GrantTotals {
    let fund = &workspace.territory.impact_fund;
    let mut seen = BTreeSet::new();
    let mut requested = Money::ZERO;
    let mut above_cap = Vec::new();
    for row in rows {
        if !seen.insert(row.structure.clone()) {
            continue;
        }
        if let Some(grant) = row.grant_requested {
            requested = requested + grant;
            if grant > fund.cap_per_structure {
                above_cap.push(row.structure.clone());
            }
        }
    }
    GrantTotals {
        requested,
        envelope: fund.envelope_amount(year),
        cap_per_structure: fund.cap_per_structure,
        above_cap,
    }
}

/// Every decision on the exported applications, oldest first. Decisions on applications left
/// out of the file stay out of it too: a shortlist pack does not carry other applicants' refusals.
fn journal(state: &ReviewState, rows: &[ApplicationRow]) -> Vec<JournalRow> {
    let mut journal: Vec<JournalRow> = rows
        .iter()
        .filter_map(|row| {
            let key = crate::review::AppKey::new(row.structure.clone(), row.site.clone());
            state.get(&key).map(|review| (row, review))
        })
        .flat_map(|(row, review)| {
            review.history.iter().map(move |d| JournalRow {
                at: d.at,
                who: d.who.clone(),
                structure: row.structure.clone(),
                structure_name: row.name.clone(),
                site: row.site.clone(),
                site_name: row.site_name.clone(),
                from: d.from,
                to: d.to,
                kind: d.kind,
                motivation: d.motivation.clone(),
            })
        })
        .collect();
    journal.sort_by(|a, b| {
        a.at.cmp(&b.at)
            .then_with(|| a.structure.cmp(&b.structure))
            .then_with(|| a.site.cmp(&b.site))
    });
    journal
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo_data::{Size, generate};
    use crate::store::document::TerritoryDocument;

    fn workspace(today: NaiveDate) -> Workspace {
        let (_, text) = crate::store::embedded::files()
            .iter()
            .find(|(path, _)| *path == "territory.json")
            .expect("the territory is embedded");
        let territory = serde_json::from_str::<TerritoryDocument>(text)
            .expect("embedded territory reads")
            .territory;
        let size = Size {
            structures: 300,
            sites: 6,
        };
        generate(&territory, size, 7, today)
    }

    /// The cockpit's filtered or selected rows: exactly those applications, whatever their
    /// status, the site filter still applying, and the report says they were hand-picked.
    #[test]
    fn only_exports_exactly_the_chosen_applications() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let ws = workspace(today);
        let call = &ws.calls[0];
        let mut state = ReviewState::fresh(call);
        let keys: Vec<AppKey> = state.applications.keys().cloned().collect();
        assert!(keys.len() >= 3, "the demo call has applications");
        let shortlisted = keys[0].clone();
        if let Some(review) = state.applications.get_mut(&shortlisted) {
            review.status = Status::Preselectionne;
        }
        let matcher = Matcher::new(&ws, today, &call.tolerances);
        let build = |options: &ReportOptions| {
            JuryReport::build(&ws, &matcher, &state, options).expect("report builds")
        };
        let exported = |report: &JuryReport| -> BTreeSet<(StructureId, SiteId)> {
            report
                .applications
                .iter()
                .map(|a| (a.structure.clone(), a.site.clone()))
                .collect()
        };
        let pair = |key: &AppKey| (key.structure.clone(), key.site.clone());

        let shortlist = build(&ReportOptions::shortlist(Lang::Fr, today));
        assert_eq!(exported(&shortlist), BTreeSet::from([pair(&shortlisted)]));
        assert!(!shortlist.hand_picked);

        // Two applications en instruction and the shortlisted one: all three, not only the
        // shortlisted one, although `statuses` is empty (the shortlist).
        let chosen: BTreeSet<AppKey> = keys[..3].iter().cloned().collect();
        let options = ReportOptions {
            only: Some(chosen.clone()),
            ..ReportOptions::shortlist(Lang::Fr, today)
        };
        let report = build(&options);
        assert_eq!(
            exported(&report),
            chosen.iter().map(pair).collect::<BTreeSet<_>>()
        );
        assert!(report.hand_picked);
        let scope = crate::export::pack::scope(&report);
        assert!(scope.contains("choisies une à une"), "{scope}");
        assert!(
            scope.contains("en instruction") && scope.contains("3 candidature(s)"),
            "{scope}"
        );
        assert_eq!(
            report.statuses,
            vec![Status::EnInstruction, Status::Preselectionne]
        );

        // The site still narrows a hand-picked scope.
        let site = keys[1].site.clone();
        let report = build(&ReportOptions {
            site: Some(site.clone()),
            ..options.clone()
        });
        assert!(report.applications.iter().all(|a| a.site == site));
        assert_eq!(
            report.applications.len(),
            chosen.iter().filter(|k| k.site == site).count()
        );

        // Nothing chosen: nothing exported (not the whole call).
        let report = build(&ReportOptions {
            only: Some(BTreeSet::new()),
            ..options
        });
        assert!(report.applications.is_empty());
        assert!(report.statuses.is_empty());
    }
}
