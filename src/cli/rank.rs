//! `ancrage rank`: ranked matches with their reasons, as an aligned table, an explained jury
//! note (`--explain`) or JSON (`--json`).

use crate::cli::count::{Noun, count};
use crate::cli::failure::{Failure, Outcome};
use crate::cli::rank_robustness::{self, EntryRobustness, SiteRobustness};
use crate::cli::suggest::closest;
use crate::cli::table::{Align, render};
use crate::domain::{Call, CallId, SiteId, StructureId, Weights, Workspace};
use crate::i18n::{self, Label, Lang};
use crate::parallel;
use crate::scoring::robustness::MonteCarlo;
use crate::scoring::ties::{TieInput, rank_label, rank_with_ties};
use crate::scoring::{Criterion, Matcher, PairScore, ScoreCard};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["site", "structure", "all_pairs"])))]
pub struct RankArgs {
    /// Rank the structures for this site.
    #[arg(long)]
    pub site: Option<String>,
    /// Rank the sites for this structure.
    #[arg(long)]
    pub structure: Option<String>,
    /// Rank every site against every structure (for scripts and benchmarks).
    #[arg(long)]
    pub all_pairs: bool,
    /// Only the applications of this call (and its weights).
    #[arg(long)]
    pub call: Option<String>,
    /// Keep the best N (per site with --all-pairs).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Each criterion's value, weight, contribution and explanation.
    #[arg(long)]
    pub explain: bool,
    /// JSON output.
    #[arg(long)]
    pub json: bool,
    /// The day urgency is computed for (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// With --site: how robust the ranking is to the weights (intervals, P(top K)).
    #[arg(long, requires = "site")]
    pub robustness: bool,
    /// The cut-off K of the shortlist for --robustness (default 5).
    #[arg(long, value_name = "K", requires = "robustness")]
    pub top: Option<usize>,
    /// Seed of the Monte-Carlo draws for --robustness (default 1): same seed, same figures.
    #[arg(long, requires = "robustness")]
    pub seed: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RankError {
    Unknown {
        what: &'static str,
        id: String,
        suggestions: Vec<String>,
    },
    NotApplied {
        structure: String,
        call: String,
    },
}

impl RankError {
    pub fn message(&self, lang: Lang) -> String {
        i18n::typography(&self.untypeset(lang), lang)
    }

    fn untypeset(&self, lang: Lang) -> String {
        match self {
            RankError::Unknown {
                what,
                id,
                suggestions,
            } => {
                let what_fr = match *what {
                    "site" => "Lieu inconnu",
                    "structure" => "Structure inconnue",
                    _ => "Appel inconnu",
                };
                let head = match lang {
                    Lang::Fr => format!("{what_fr} : « {id} »"),
                    Lang::En => format!("Unknown {what}: “{id}”"),
                };
                if suggestions.is_empty() {
                    head
                } else {
                    let list = suggestions.join(", ");
                    match lang {
                        Lang::Fr => format!("{head}. Vouliez-vous dire : {list} ?"),
                        Lang::En => format!("{head}. Did you mean: {list}?"),
                    }
                }
            }
            RankError::NotApplied { structure, call } => match lang {
                Lang::Fr => {
                    format!("La structure « {structure} » n'a pas candidaté à l'appel « {call} »")
                }
                Lang::En => format!("Structure “{structure}” did not apply to call “{call}”"),
            },
        }
    }
}

fn find_site(ws: &Workspace, id: &str) -> Result<usize, RankError> {
    ws.site_index(&SiteId::new(id))
        .ok_or_else(|| RankError::Unknown {
            what: "site",
            id: id.to_owned(),
            suggestions: own(closest(id, ws.sites.iter().map(|s| s.id.as_str()), 3)),
        })
}

fn find_structure(ws: &Workspace, id: &str) -> Result<usize, RankError> {
    ws.structure_index(&StructureId::new(id))
        .ok_or_else(|| RankError::Unknown {
            what: "structure",
            id: id.to_owned(),
            suggestions: own(closest(id, ws.structures.iter().map(|s| s.id.as_str()), 3)),
        })
}

fn find_call<'w>(ws: &'w Workspace, id: &str) -> Result<&'w Call, RankError> {
    ws.call(&CallId::new(id)).ok_or_else(|| RankError::Unknown {
        what: "call",
        id: id.to_owned(),
        suggestions: own(closest(id, ws.calls.iter().map(|c| c.id.as_str()), 3)),
    })
}

fn own(ids: Vec<&str>) -> Vec<String> {
    ids.into_iter().map(str::to_owned).collect()
}

/// What to rank, resolved to indices.
enum Scope {
    Site {
        site: usize,
        candidates: Option<Vec<usize>>,
    },
    Structure {
        structure: usize,
        candidates: Option<Vec<usize>>,
    },
    AllPairs {
        sites: Vec<usize>,
        candidates: Option<Vec<Vec<usize>>>,
    },
}

fn applicants(ws: &Workspace, call: &Call, site: &SiteId) -> Vec<usize> {
    call.application_pairs()
        .filter(|(_, s)| *s == site)
        .filter_map(|(st, _)| ws.structure_index(st))
        .collect()
}

fn scope(ws: &Workspace, args: &RankArgs, call: Option<&Call>) -> Result<Scope, RankError> {
    if let Some(id) = &args.site {
        let site = find_site(ws, id)?;
        let candidates = call.map(|c| applicants(ws, c, &ws.sites[site].id));
        return Ok(Scope::Site { site, candidates });
    }
    if let Some(id) = &args.structure {
        let structure = find_structure(ws, id)?;
        let candidates = match call {
            Some(c) => {
                let wished: Vec<usize> = c
                    .application_pairs()
                    .filter(|(st, _)| **st == ws.structures[structure].id)
                    .filter_map(|(_, s)| ws.site_index(s))
                    .collect();
                if wished.is_empty() {
                    return Err(RankError::NotApplied {
                        structure: id.clone(),
                        call: c.id.to_string(),
                    });
                }
                Some(wished)
            }
            None => None,
        };
        return Ok(Scope::Structure {
            structure,
            candidates,
        });
    }
    Ok(match call {
        Some(c) => {
            let sites: Vec<usize> = c.sites.iter().filter_map(|s| ws.site_index(s)).collect();
            let candidates = sites
                .iter()
                .map(|&s| applicants(ws, c, &ws.sites[s].id))
                .collect();
            Scope::AllPairs {
                sites,
                candidates: Some(candidates),
            }
        }
        None => Scope::AllPairs {
            sites: (0..ws.sites.len()).collect(),
            candidates: None,
        },
    })
}

/// One ranked pair in the JSON output: its rank, names, and the full score card.
#[derive(Serialize)]
struct JsonPair<'a> {
    rank: usize,
    /// Shares its rank: equal total at the precision shown.
    ex_aequo: bool,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    robustness: Option<&'a EntryRobustness>,
    structure_name: &'a str,
    site_name: &'a str,
    #[serde(flatten)]
    card: ScoreCard,
}

/// A block of ranked pairs: the structures for one site, or the sites for one structure.
struct Block {
    heading: String,
    pairs: Vec<PairScore>,
    by_site: bool,
    /// Rank of each pair (ties share theirs), filled by `with_ties`.
    ranks: Vec<(usize, bool)>,
    /// With --robustness: the site's figures and each pair's.
    robustness: Option<(SiteRobustness, Vec<EntryRobustness>)>,
}

impl Block {
    /// Equal totals at the precision shown are ex æquo, listed by name, never ordered by id.
    fn with_ties(mut self, ws: &Workspace) -> Self {
        let name = |p: &PairScore| {
            if self.by_site {
                ws.structures[p.structure].name.as_str()
            } else {
                ws.sites[p.site].name.as_str()
            }
        };
        self.pairs.sort_by(|a, b| name(a).cmp(name(b)));
        let inputs: Vec<TieInput> = self
            .pairs
            .iter()
            .map(|p| TieInput {
                eligible: p.eligible,
                total: p.total,
                grid: None,
                officer: None,
            })
            .collect();
        let ranked = rank_with_ties(&inputs);
        self.pairs = ranked.iter().map(|r| self.pairs[r.entry]).collect();
        self.ranks = ranked.iter().map(|r| (r.rank, r.ex_aequo)).collect();
        self
    }
}

/// `ancrage rank`: loads the workspace, ranks, prints.
pub fn run(dir: &std::path::Path, args: &RankArgs, lang: Lang) -> Outcome {
    let ws = crate::cli::workspace::load(dir, lang)?;
    let today = args.today.unwrap_or_else(crate::cli::today);
    let text = rank(&ws, args, lang, today).map_err(|e| Failure::new(e.message(lang)))?;
    crate::cli::output::print(&text, lang)?;
    Ok(std::process::ExitCode::SUCCESS)
}

/// Runs the ranking and returns the text to print.
pub fn rank(
    ws: &Workspace,
    args: &RankArgs,
    lang: Lang,
    today: NaiveDate,
) -> Result<String, RankError> {
    let call = args
        .call
        .as_deref()
        .map(|id| find_call(ws, id))
        .transpose()?;
    let weights = call.map(|c| c.weights).unwrap_or_default();
    let tolerances = call.map(|c| c.tolerances).unwrap_or_default();
    let matcher = Matcher::with_threads(ws, today, &tolerances, parallel::available_threads());
    let limit = args.limit.unwrap_or(usize::MAX);
    let blocks: Vec<Block> = match scope(ws, args, call)? {
        Scope::Site { site, candidates } => vec![Block {
            heading: site_heading(ws, site, lang),
            pairs: matcher.rank_site_top(site, &weights, candidates.as_deref(), limit),
            by_site: true,
            ranks: Vec::new(),
            robustness: None,
        }],
        Scope::Structure {
            structure,
            candidates,
        } => vec![Block {
            heading: structure_heading(ws, structure, lang),
            pairs: matcher.rank_structure_top(structure, &weights, candidates.as_deref(), limit),
            by_site: false,
            ranks: Vec::new(),
            robustness: None,
        }],
        Scope::AllPairs { sites, candidates } => {
            let lists: Option<Vec<&[usize]>> = candidates
                .as_ref()
                .map(|c| c.iter().map(Vec::as_slice).collect());
            let ranked = matcher.rank_sites_top(
                &sites,
                lists.as_deref(),
                &weights,
                limit,
                parallel::available_threads(),
            );
            sites
                .iter()
                .zip(ranked)
                .map(|(&site, pairs)| Block {
                    heading: site_heading(ws, site, lang),
                    pairs,
                    by_site: true,
                    ranks: Vec::new(),
                    robustness: None,
                })
                .collect()
        }
    };
    let mut blocks: Vec<Block> = blocks.into_iter().map(|b| b.with_ties(ws)).collect();
    if args.robustness
        && let Scope::Site { site, candidates } = scope(ws, args, call)?
        && let Some(block) = blocks.first_mut()
    {
        let all = matcher.rank_site(site, &weights, candidates.as_deref());
        let mc = MonteCarlo {
            seed: args.seed.unwrap_or(MonteCarlo::default().seed),
            ..MonteCarlo::default()
        };
        let top = args.top.unwrap_or(rank_robustness::DEFAULT_TOP).max(1);
        block.robustness = Some(rank_robustness::compute(
            &all,
            &block.pairs,
            &weights,
            top,
            &mc,
        ));
    }
    if args.json {
        return Ok(json(ws, &matcher, &blocks, &weights, lang));
    }
    let mut out = weights_line(&weights, lang);
    for block in &blocks {
        out.push('\n');
        out.push_str(&human(ws, &matcher, block, &weights, args.explain, lang));
        if let Some((site, entries)) = &block.robustness {
            let names: Vec<String> = block
                .pairs
                .iter()
                .map(|p| ws.structures[p.structure].name.clone())
                .collect();
            out.push_str(&rank_robustness::human(site, entries, &names, lang));
        }
    }
    Ok(out)
}

fn json(
    ws: &Workspace,
    matcher: &Matcher,
    blocks: &[Block],
    weights: &Weights,
    lang: Lang,
) -> String {
    let ranked: Vec<_> = blocks
        .iter()
        .flat_map(|b| {
            b.pairs
                .iter()
                .zip(&b.ranks)
                .enumerate()
                .map(move |(i, pair)| (pair, b.robustness.as_ref().and_then(|(_, e)| e.get(i))))
        })
        .collect();
    // Every card is written out: thousands with --all-pairs, so on every core.
    let pairs: Vec<JsonPair> = parallel::map_indexed(
        ranked.len(),
        parallel::available_threads(),
        64,
        || (),
        |_, i| {
            let ((p, &(rank, ex_aequo)), robustness) = ranked[i];
            JsonPair {
                rank,
                ex_aequo,
                robustness,
                structure_name: &ws.structures[p.structure].name,
                site_name: &ws.sites[p.site].name,
                card: matcher.explain(ws, p.structure, p.site, weights, lang),
            }
        },
    );
    let mut text = serde_json::to_string_pretty(&pairs).unwrap_or_else(|e| format!("\"{e}\""));
    text.push('\n');
    text
}

fn site_heading(ws: &Workspace, site: usize, lang: Lang) -> String {
    let s = &ws.sites[site];
    let city = ws.territory.city(&s.city);
    let place = match city {
        Some(c) => format!(
            "{}, {} {}",
            c.name,
            lang.pick("zone", "zone"),
            c.zone.label(lang)
        ),
        None => s.city.to_string(),
    };
    format!("{} ({place}) — {}", s.name, s.kind.label(lang))
}

fn structure_heading(ws: &Workspace, structure: usize, lang: Lang) -> String {
    let s = &ws.structures[structure];
    let n = &s.needs;
    format!(
        "{} ({}, {}) — {} {}–{}, {} {}",
        s.name,
        s.legal_form.label(lang),
        ws.territory.city_name(&s.home_city),
        lang.pick("besoin", "needs"),
        i18n::number(n.surface_min.value(), 1, lang),
        i18n::surface(n.surface_max, lang),
        lang.pick("budget", "budget"),
        i18n::money(n.max_annual_budget, lang),
    )
}

fn weights_line(weights: &Weights, lang: Lang) -> String {
    let shares = crate::scoring::criterion::shares(weights);
    let parts: Vec<String> = Criterion::ALL
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c.label(lang),
                i18n::percent(shares[c.index()], lang)
            )
        })
        .collect();
    let list = parts.join(", ");
    let line = match lang {
        Lang::Fr => format!("Pondération : {list}\n"),
        Lang::En => format!("Weights: {list}\n"),
    };
    i18n::typography(&line, lang)
}

/// `S 30 · C 25 · T 12 · R 15 · P 5`: each criterion's points, summing to the total.
fn breakdown(pair: &PairScore, lang: Lang) -> String {
    Criterion::ALL
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c.short(lang),
                i18n::number(pair.contributions[c.index()], 0, lang)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn human(
    ws: &Workspace,
    matcher: &Matcher,
    block: &Block,
    weights: &Weights,
    explain: bool,
    lang: Lang,
) -> String {
    let eligible = block.pairs.iter().filter(|p| p.eligible).count();
    let noun = if block.by_site {
        Noun::Structure
    } else {
        Noun::Site
    };
    let ranked = count(block.pairs.len(), noun, lang);
    let summary = match lang {
        Lang::Fr => {
            let word = if eligible <= 1 {
                "éligible"
            } else {
                "éligibles"
            };
            format!("{ranked} au classement, dont {eligible} {word}")
        }
        Lang::En => format!("{ranked} ranked, {eligible} eligible"),
    };
    let mut out = format!("{}\n{summary}\n\n", block.heading);
    if block.pairs.is_empty() {
        return out;
    }
    let name_title = if block.by_site {
        lang.pick("Structure", "Structure")
    } else {
        lang.pick("Lieu", "Site")
    };
    let header = [
        (lang.pick("Rang", "Rank"), Align::Right, 12),
        (name_title, Align::Left, 36),
        ("Total", Align::Right, 6),
        (
            lang.pick("Détail (points)", "Breakdown (points)"),
            Align::Left,
            56,
        ),
        // Last column, never cut: the reasons are the point of the table.
        (
            lang.pick("Éligibilité", "Eligibility"),
            Align::Left,
            usize::MAX,
        ),
    ];
    let rows: Vec<Vec<String>> = block
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| row(ws, matcher, block, p, i, weights, lang))
        .collect();
    let table = render(&header, &rows);
    if !explain {
        out.push_str(&table);
        return out;
    }
    // One table (columns aligned over every row), each row followed by its explained card.
    let mut lines = table.lines();
    if let Some(head) = lines.next() {
        out.push_str(head);
        out.push('\n');
    }
    for (line, p) in lines.zip(&block.pairs) {
        out.push_str(line);
        out.push('\n');
        let card = matcher.explain(ws, p.structure, p.site, weights, lang);
        out.push_str(&card_text(&card, lang));
    }
    out
}

fn row(
    ws: &Workspace,
    matcher: &Matcher,
    block: &Block,
    p: &PairScore,
    index: usize,
    weights: &Weights,
    lang: Lang,
) -> Vec<String> {
    let name = if block.by_site {
        &ws.structures[p.structure].name
    } else {
        &ws.sites[p.site].name
    };
    let eligibility = if p.eligible {
        format!("✓ {}", lang.pick("éligible", "eligible"))
    } else {
        let card = matcher.explain(ws, p.structure, p.site, weights, lang);
        format!("✗ {}", card.reasons.join(" · "))
    };
    vec![
        rank_label(block.ranks[index].0, block.ranks[index].1, lang),
        name.clone(),
        i18n::fixed(p.total, 1, lang),
        breakdown(p, lang),
        eligibility,
    ]
}

/// The explained card, indented under its row: reads like a jury note.
pub fn card_text(card: &ScoreCard, lang: Lang) -> String {
    let mut out = String::new();
    for reason in &card.reasons {
        out.push_str(&format!("      ✗ {reason}\n"));
    }
    for line in &card.criteria {
        out.push_str(&format!(
            "      {:<14} {} × {} = {} pts — {}\n",
            line.criterion.label(lang),
            i18n::fixed(line.value, 2, lang),
            i18n::percent(line.weight, lang),
            i18n::fixed(line.contribution, 1, lang),
            line.explanation
        ));
    }
    out
}
