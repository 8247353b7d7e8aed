//! Where each application of the call stands on its site, under the weights in force: its
//! rank with ties (« 1 ex æquo » when the totals are equal at the precision shown, never
//! ordered by a name), how a tie was broken (the officer's order, the jury grid), and how
//! robust its place is — P(top K) from the seeded Monte-Carlo, « stable » / « fragile » /
//! « hors », the weight intervals, the most critical criterion. K is the site's shortlisted
//! and accepted applications, at least 1, as in the jury files.
//!
//! Ranks are worked out once per weights change or decision (the Appel tab sorts by them);
//! the Monte-Carlo, the costly part, once per site when a frame first shows one of its
//! applications, then kept until the next change: a weight change on a call of 100 000
//! structures redraws at once, only the sites on screen drawn again.

use crate::domain::{SiteId, Weights};
use crate::i18n::{self, Lang};
use crate::review::{AppKey, ReviewState};
use crate::scoring::Criterion;
use crate::scoring::robustness::{
    Candidate, MonteCarlo, Stability, WeightDraws, WeightInterval, among_first, entry_intervals,
    intervals_sentence, most_critical, p_top_k_among, shortlist_intervals,
};
use crate::scoring::ties::{TieBreaker, TieInput, broken_text, rank_label, rank_with_ties};
use crate::tui::action::{Action, ReviewAction};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::shared::name_order::sort_by_name;
use crate::tui::widgets::style;
use ratatui::text::Line;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// One application's place on its site.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Standing {
    /// Competition rank among the site's applicants (1, 1, 3 when the first two tie).
    pub rank: usize,
    pub ex_aequo: bool,
    /// Its total equals another's as shown, but this set the order.
    pub broken_by: Option<TieBreaker>,
}

impl Standing {
    /// `1`, `1 ex æquo`.
    pub fn rank_text(&self, lang: Lang) -> String {
        rank_label(self.rank, self.ex_aequo, lang)
    }
}

/// What the Monte-Carlo says of a site: each applicant's P(top K), and how far each weight
/// can move before the first K change.
#[derive(Debug, Clone, PartialEq)]
struct Robustness {
    p_top_k: Vec<f64>,
    shortlist: Vec<WeightInterval>,
    critical: Option<Criterion>,
}

/// One site of the call: its applicants scored, ranked and drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteStanding {
    /// Workspace index of the site.
    pub site: usize,
    pub site_id: SiteId,
    /// The first K: the site's shortlisted and accepted applications, at least 1.
    pub top: usize,
    pub weights: Weights,
    pub mc: MonteCarlo,
    /// The Monte-Carlo's weights, drawn once for every site of the call.
    draws: Arc<WeightDraws>,
    /// The applicants (workspace structure indices), in name order, and what each stands.
    structures: Vec<usize>,
    /// `(structure, entry)` sorted by structure: a row's standing is found by a binary search,
    /// not a scan (the Appel tab asks once per row, 5 000 rows on one site).
    entries: Vec<(usize, usize)>,
    candidates: Vec<Candidate>,
    totals: Vec<f64>,
    standings: Vec<Standing>,
    /// The officer's motivation when the site's ties were broken by hand.
    motivation: Option<String>,
    grids: Vec<Option<f64>>,
    /// Worked out when first asked for (`robustness`), kept with the ranks it belongs to.
    robustness: OnceLock<Robustness>,
}

impl SiteStanding {
    /// `site`'s applicants in the current call (`structures`, workspace indices, in name order:
    /// `name_order`), scored under the weights in force; none when scores are unavailable. `top` is K (`holding_places`),
    /// `draws` the Monte-Carlo's weights under those in force.
    pub fn compute(
        ctx: &Context,
        site: usize,
        structures: &[usize],
        top: usize,
        draws: Arc<WeightDraws>,
    ) -> Option<SiteStanding> {
        let ws = &ctx.workspace;
        let site_id = ws.sites.get(site)?.id.clone();
        let state = ctx.review();
        let mut structures = structures.to_vec();
        structures.dedup();
        let scores = structures
            .iter()
            .map(|&s| ctx.ranking.score(s, site, &ctx.weights))
            .collect::<Option<Vec<_>>>()?;
        let candidates: Vec<Candidate> = scores
            .iter()
            .map(|p| Candidate {
                eligible: p.eligible,
                values: p.values,
            })
            .collect();
        let totals: Vec<f64> = scores.iter().map(|p| p.total).collect();
        let key = |s: usize| AppKey::new(ws.structures[s].id.clone(), site_id.clone());
        let grids: Vec<Option<f64>> = structures
            .iter()
            .map(|&s| {
                state
                    .and_then(|st| st.grid_result(&key(s)))
                    .and_then(|g| g.total)
            })
            .collect();
        let tie = state.and_then(|st| st.tie_breaks.get(&site_id));
        let inputs: Vec<TieInput> = structures
            .iter()
            .enumerate()
            .map(|(i, &s)| TieInput {
                eligible: candidates[i].eligible,
                total: totals[i],
                grid: grids[i],
                officer: tie.and_then(|t| t.order.iter().position(|id| id == &ws.structures[s].id)),
            })
            .collect();
        let top = top.max(1);
        let mut standings = vec![Standing::default(); structures.len()];
        for r in rank_with_ties(&inputs) {
            standings[r.entry] = Standing {
                rank: r.rank,
                ex_aequo: r.ex_aequo,
                broken_by: r.broken_by,
            };
        }
        let mut entries: Vec<(usize, usize)> = structures
            .iter()
            .enumerate()
            .map(|(entry, &s)| (s, entry))
            .collect();
        entries.sort_unstable();
        Some(SiteStanding {
            site,
            site_id,
            top,
            weights: ctx.weights,
            mc: MonteCarlo::default(),
            draws,
            structures,
            entries,
            candidates,
            totals,
            standings,
            motivation: tie.map(|t| t.motivation.clone()),
            grids,
            robustness: OnceLock::new(),
        })
    }

    fn robustness(&self) -> &Robustness {
        self.robustness.get_or_init(|| {
            let shortlist = shortlist_intervals(&self.candidates, &self.weights, self.top);
            Robustness {
                p_top_k: p_top_k_among(&self.candidates, &self.draws, self.top),
                critical: most_critical(&shortlist),
                shortlist,
            }
        })
    }

    /// P(top K) of `structure` (workspace index) on the site.
    pub fn p_top_k(&self, structure: usize) -> Option<f64> {
        self.entry(structure).map(|i| self.robustness().p_top_k[i])
    }

    /// `96 % stable`, for a column.
    pub fn robustness_text(&self, structure: usize, lang: Lang) -> Option<String> {
        let p = self.p_top_k(structure)?;
        Some(format!(
            "{} {}",
            i18n::percent(p, lang),
            Stability::of(p).label(lang)
        ))
    }

    fn entry(&self, structure: usize) -> Option<usize> {
        self.entries
            .binary_search_by_key(&structure, |&(s, _)| s)
            .ok()
            .map(|i| self.entries[i].1)
    }

    pub fn standing(&self, structure: usize) -> Option<&Standing> {
        self.entry(structure).map(|i| &self.standings[i])
    }

    /// The applicants whose total shows the same as `structure`'s (itself among them), in
    /// rank order, then by name: the tie the officer may break.
    pub fn tied_with(&self, structure: usize) -> Vec<usize> {
        let Some(i) = self.entry(structure) else {
            return Vec::new();
        };
        let shown = crate::scoring::ties::shown;
        let mut group: Vec<usize> = (0..self.structures.len())
            .filter(|&j| {
                self.candidates[j].eligible == self.candidates[i].eligible
                    && shown(self.totals[j]) == shown(self.totals[i])
            })
            .collect();
        group.sort_by_key(|&j| self.standings[j].rank);
        group.into_iter().map(|j| self.structures[j]).collect()
    }

    /// How far each weight can move, the others fixed, before `structure` enters or leaves
    /// the first K (costs a pass over the site: asked for one application at a time).
    pub fn entry_intervals(&self, structure: usize) -> Vec<WeightInterval> {
        self.entry(structure)
            .map(|i| entry_intervals(&self.candidates, &self.weights, self.top, i))
            .unwrap_or_default()
    }

    /// The rank, the tie and the robustness of `structure` in words a jury reads; `intervals`
    /// are its own (`entry_intervals`).
    pub fn lines(
        &self,
        ctx: &Context,
        structure: usize,
        intervals: &[WeightInterval],
    ) -> Vec<Line<'static>> {
        let lang = ctx.lang;
        let ws = &ctx.workspace;
        let Some(i) = self.entry(structure) else {
            return Vec::new();
        };
        let standing = &self.standings[i];
        let robustness = self.robustness();
        let p = robustness.p_top_k[i];
        let colon = lang.pick("\u{a0}:", ":");
        let mut lines = vec![Line::styled(
            format!(
                "{} ({})",
                lang.pick("Rang et robustesse", "Rank and robustness"),
                match (lang, self.structures.len()) {
                    (Lang::Fr, 1) => "seule candidature sur ce lieu, poids en vigueur".to_owned(),
                    (Lang::Fr, n) => format!("{n} candidatures sur ce lieu, poids en vigueur"),
                    (Lang::En, 1) =>
                        "the only application on this site, weights in force".to_owned(),
                    (Lang::En, n) => format!("{n} applications on this site, weights in force"),
                }
            ),
            style::header(),
        )];
        let mut rank = format!(
            "  {}{colon} {}",
            lang.pick("Rang sur le lieu", "Rank on the site"),
            standing.rank_text(lang)
        );
        let others: Vec<usize> = self
            .tied_with(structure)
            .into_iter()
            .filter(|&s| s != structure)
            .collect();
        let names = |list: &[usize]| {
            list.iter()
                .map(|&s| ws.structures[s].name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if standing.ex_aequo {
            let peers: Vec<usize> = others
                .iter()
                .copied()
                .filter(|&s| self.standing(s).is_some_and(|o| o.rank == standing.rank))
                .collect();
            // The key as the officer's keymap has it (they may have rebound it).
            let key = ctx
                .keymap
                .binding_for(Scope::Appel, Action::Review(ReviewAction::BreakTie))
                .map(|b| b.keys_label(lang))
                .unwrap_or_default();
            rank.push_str(&match lang {
                Lang::Fr => format!(
                    " avec {} — ex æquo au score comme à la grille du jury ({key} sur l’onglet Appel pour départager)",
                    names(&peers)
                ),
                Lang::En => format!(
                    " with {} — tied on the score and on the jury grid ({key} on the Call tab breaks the tie)",
                    names(&peers)
                ),
            });
        }
        lines.push(Line::from(rank));
        if let Some(breaker) = standing.broken_by {
            lines.push(Line::from(format!(
                "  {} ({} {})",
                broken_text(
                    breaker,
                    self.grids[i],
                    self.motivation.as_deref().unwrap_or(""),
                    lang
                ),
                lang.pick("à égalité avec", "level with"),
                names(&others)
            )));
        }
        let first = among_first(self.top, lang);
        let draws = i18n::number(self.mc.draws as f64, 0, lang);
        let spread = i18n::percent(self.mc.spread, lang);
        lines.push(Line::from(match lang {
            Lang::Fr => format!(
                "  {} {first} (K = présélection et acceptations du lieu){colon} {} des {draws} tirages de poids (chacun à ±{spread}) — {}",
                lang.pick("Reste", "Stays"),
                i18n::percent(p, lang),
                Stability::of(p).label(lang)
            ),
            Lang::En => format!(
                "  Stays {first} (K = the site's shortlisted and accepted){colon} {} of {draws} weight draws (each ±{spread}) — {}",
                i18n::percent(p, lang),
                Stability::of(p).label(lang)
            ),
        }));
        let inside = lang.pick(
            "Sa place (dans ou hors des K premiers) tient",
            "Its place (in or out of the first K) holds",
        );
        lines.push(Line::from(format!(
            "  {}",
            intervals_sentence(inside, intervals, lang)
        )));
        let same = match lang {
            Lang::Fr => format!("Les mêmes restent {first}"),
            Lang::En => format!("The same stay {first}"),
        };
        lines.push(Line::from(format!(
            "  {}",
            intervals_sentence(&same, &robustness.shortlist, lang)
        )));
        if let Some(c) = robustness.critical {
            lines.push(Line::from(match lang {
                Lang::Fr => format!(
                    "  Critère le plus critique{colon} {} (son poids est celui qui peut bouger le moins avant que les K premiers changent)",
                    c.label(lang)
                ),
                Lang::En => format!(
                    "  Most critical criterion: {} (its weight can move least before the first K change)",
                    c.label(lang)
                ),
            }));
        }
        lines
    }
}

/// Shortlisted and accepted applications on `site`.
fn holding_places(state: &ReviewState, site: &SiteId) -> usize {
    state
        .applications
        .iter()
        .filter(|(k, a)| &k.site == site && a.status.holds_place())
        .count()
}

/// Every site of the current call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallStandings {
    sites: Vec<SiteStanding>,
    by_site: HashMap<SiteId, usize>,
}

impl CallStandings {
    /// The call's `applications` as `(structure, site)` workspace indices, in the order of the
    /// structures' names (the Appel tab looked the ids up and ordered the names once per call:
    /// among 100 000 structures that is the slow part).
    pub fn compute(ctx: &Context, applications: &[(usize, usize)]) -> CallStandings {
        let Some(call) = ctx.call() else {
            return CallStandings::default();
        };
        let ws = &ctx.workspace;
        let mut applicants: HashMap<usize, Vec<usize>> = HashMap::new();
        for &(structure, site) in applications {
            applicants.entry(site).or_default().push(structure);
        }
        let asked: Vec<(usize, &Vec<usize>)> = call
            .sites
            .iter()
            .filter_map(|id| {
                let site = ws.site_index(id)?;
                Some((site, applicants.get(&site)?))
            })
            .collect();
        let mut places: HashMap<&SiteId, usize> = HashMap::new();
        for (key, _) in ctx
            .review()
            .into_iter()
            .flat_map(|st| &st.applications)
            .filter(|(_, a)| a.status.holds_place())
        {
            *places.entry(&key.site).or_default() += 1;
        }
        let draws = Arc::new(WeightDraws::new(&ctx.weights, &MonteCarlo::default()));
        let sites: Vec<SiteStanding> = asked
            .into_iter()
            .filter_map(|(site, applicants)| {
                let top = places.get(&ws.sites[site].id).copied().unwrap_or(0);
                SiteStanding::compute(ctx, site, applicants, top, Arc::clone(&draws))
            })
            .collect();
        let by_site = sites
            .iter()
            .enumerate()
            .map(|(i, s)| (s.site_id.clone(), i))
            .collect();
        CallStandings { sites, by_site }
    }

    pub fn site(&self, site: &SiteId) -> Option<&SiteStanding> {
        self.by_site.get(site).map(|&i| &self.sites[i])
    }

    /// Where `structure` (workspace index) stands on `site`.
    pub fn standing(&self, structure: usize, site: &SiteId) -> Option<&Standing> {
        self.site(site)?.standing(structure)
    }

    /// `96 % stable` for `structure` (workspace index) on `site`.
    pub fn robustness_text(&self, structure: usize, site: &SiteId, lang: Lang) -> Option<String> {
        self.site(site)?.robustness_text(structure, lang)
    }
}

/// The standing of one application of the current call (`structure` on `site`, workspace
/// indices) with its own weight intervals; none when the pair is not an application of the
/// call shown.
pub fn of_application(
    ctx: &Context,
    structure: usize,
    site: usize,
) -> Option<(SiteStanding, Vec<WeightInterval>)> {
    let call = ctx.call()?;
    let ws = &ctx.workspace;
    let site_id = &ws.sites.get(site)?.id;
    let mut applicants: Vec<usize> = call
        .application_pairs()
        .filter(|(_, s)| *s == site_id)
        .filter_map(|(st, _)| ws.structure_index(st))
        .collect();
    sort_by_name(&mut applicants, |&s| &ws.structures[s].name);
    if !applicants.contains(&structure) {
        return None;
    }
    let draws = Arc::new(WeightDraws::new(&ctx.weights, &MonteCarlo::default()));
    let top = ctx.review().map_or(0, |st| holding_places(st, site_id));
    let standing = SiteStanding::compute(ctx, site, &applicants, top, draws)?;
    let intervals = standing.entry_intervals(structure);
    Some((standing, intervals))
}
