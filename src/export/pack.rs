//! The wording of the jury pack, shared by the HTML and Markdown writers so both say the same
//! thing: titles, the cover's statements, per-site summaries, score and grade lines. Plain text
//! (French typography applied); each writer escapes it for its own syntax.

use crate::export::report::{ApplicationRow, JuryReport, SiteSynthesis};
use crate::i18n::{self, Label, Lang};
use crate::review::{Grade, MAX_GRADE};
use crate::scoring::CriterionLine;
use crate::scoring::ties::rank_label;

pub fn title(lang: Lang) -> &'static str {
    lang.pick("Dossier du jury", "Jury pack")
}

/// Says whether the file holds personal data: the first thing a reader must know.
pub fn personal_data_statement(report: &JuryReport) -> String {
    let text = match (report.personal_data, report.lang) {
        (false, Lang::Fr) => {
            "Ce dossier ne contient aucune donnée personnelle : ni personne à contacter, ni courriel, ni téléphone."
        }
        (false, Lang::En) => {
            "This pack holds no personal data: no contact person, e-mail or phone."
        }
        (true, Lang::Fr) => {
            "Ce dossier contient des données personnelles (personnes à contacter, courriels, téléphones) : à ne pas diffuser au-delà du jury."
        }
        (true, Lang::En) => {
            "This pack holds personal data (contact people, e-mails, phones): do not pass it on beyond the jury."
        }
    };
    i18n::typography(text, report.lang)
}

/// The statuses and sites the file covers.
pub fn scope(report: &JuryReport) -> String {
    let lang = report.lang;
    let statuses = report
        .statuses
        .iter()
        .map(|s| s.label(lang))
        .collect::<Vec<_>>()
        .join(", ");
    let sites = match &report.site_filter {
        Some(site) => report
            .synthesis
            .iter()
            .find(|s| &s.site == site)
            .map_or_else(|| site.to_string(), |s| s.name.clone()),
        None => lang
            .pick("tous les sites de l'appel", "every site of the call")
            .to_owned(),
    };
    let count = report.applications.len();
    let text = match (report.hand_picked, lang) {
        (false, Lang::Fr) => format!(
            "Périmètre : candidatures au statut {statuses} ; {sites} ; {count} candidature(s)."
        ),
        (false, Lang::En) => {
            format!("Scope: applications with status {statuses}; {sites}; {count} application(s).")
        }
        (true, Lang::Fr) => format!(
            "Périmètre : candidatures choisies une à une par le service (statut {statuses}) ; {sites} ; {count} candidature(s)."
        ),
        (true, Lang::En) => format!(
            "Scope: applications picked one by one by the officer (status {statuses}); {sites}; {count} application(s)."
        ),
    };
    i18n::typography(&text, lang)
}

pub fn generated_on(report: &JuryReport) -> String {
    let date = i18n::date(report.generated_on, report.lang);
    let deadline = i18n::date(report.call.deadline, report.lang);
    let text = match report.lang {
        Lang::Fr => format!("Édité le {date} — date limite de l'appel : {deadline}"),
        Lang::En => format!("Issued on {date} — call deadline: {deadline}"),
    };
    i18n::typography(&text, report.lang)
}

/// `Subventions demandées : 65 000 € pour une enveloppe de 270 000 € (plafond 30 000 € par structure)`.
pub fn grants(report: &JuryReport) -> String {
    let lang = report.lang;
    let g = &report.grants;
    let (requested, envelope, cap) = (
        i18n::money(g.requested, lang),
        i18n::money(g.envelope, lang),
        i18n::money(g.cap_per_structure, lang),
    );
    let mut text = match lang {
        Lang::Fr => format!(
            "Fonds à impact : {requested} demandés pour une enveloppe annuelle de {envelope} (plafond de {cap} par structure)."
        ),
        Lang::En => format!(
            "Impact fund: {requested} requested for an annual envelope of {envelope} (cap of {cap} per structure)."
        ),
    };
    if g.requested > g.envelope {
        let over = i18n::money(g.requested - g.envelope, lang);
        text.push(' ');
        text.push_str(&match lang {
            Lang::Fr => format!("Dépassement de l'enveloppe : {over}."),
            Lang::En => format!("Over the envelope by {over}."),
        });
    }
    if !g.above_cap.is_empty() {
        let names = g
            .above_cap
            .iter()
            .map(|id| {
                report
                    .applications
                    .iter()
                    .find(|a| &a.structure == id)
                    .map_or_else(|| id.to_string(), |a| a.name.clone())
            })
            .collect::<Vec<_>>()
            .join(", ");
        text.push(' ');
        text.push_str(&match lang {
            Lang::Fr => format!("Au-dessus du plafond : {names}."),
            Lang::En => format!("Above the cap: {names}."),
        });
    }
    i18n::typography(&text, lang)
}

pub fn omitted(report: &JuryReport) -> Option<String> {
    let mut parts = Vec::new();
    if !report.omitted.is_empty() {
        let list = report.omitted.join(", ");
        parts.push(match report.lang {
            Lang::Fr => format!(
                "Candidatures laissées de côté (structure ou site absent de l'espace de travail) : {list}."
            ),
            Lang::En => format!("Applications left out (structure or site missing from the workspace): {list}."),
        });
    }
    if !report.withdrawn.is_empty() {
        let list = report.withdrawn.join(", ");
        parts.push(match report.lang {
            Lang::Fr => format!(
                "Candidatures retirées de l'appel, laissées de côté (leurs décisions restent enregistrées) : {list}."
            ),
            Lang::En => format!(
                "Applications withdrawn from the call, left out (their decisions stay on record): {list}."
            ),
        });
    }
    (!parts.is_empty()).then(|| i18n::typography(&parts.join(" "), report.lang))
}

/// `Surface retenue : 230 m² sur 300 m² ; subventions demandées : 55 000 €`.
pub fn site_summary(site: &SiteSynthesis, lang: Lang) -> String {
    let taken = i18n::surface(site.surface_taken, lang);
    let of = site.surface.map_or_else(
        || {
            lang.pick("surface du site inconnue", "site surface unknown")
                .to_owned()
        },
        |s| i18n::surface(s, lang),
    );
    let grants = i18n::money(site.grants_requested, lang);
    let text = match lang {
        Lang::Fr => {
            format!("Surface retenue : {taken} sur {of} ; subventions demandées : {grants}.")
        }
        Lang::En => format!("Surface retained: {taken} of {of}; grants requested: {grants}."),
    };
    i18n::typography(&text, lang)
}

pub fn site_heading(site: &SiteSynthesis, lang: Lang) -> String {
    match site.zone {
        Some(zone) => format!("{} — {} ({})", site.name, site.city, zone.label(lang)),
        None => format!("{} — {}", site.name, site.city),
    }
}

pub fn card_heading(row: &ApplicationRow, lang: Lang) -> String {
    format!(
        "{}. {} — {}",
        rank_label(row.rank, row.ex_aequo, lang),
        row.name,
        row.site_name
    )
}

/// What the jury must know beyond the score: how a tie was broken (or that it stands), the
/// checks on the decision (a lot given twice…), how robust the place is to the weights.
pub fn decision_notes(row: &ApplicationRow, report: &JuryReport) -> Vec<String> {
    let lang = report.lang;
    let mut notes = Vec::new();
    if let Some(tie) = &row.tie_break {
        notes.push(labelled(lang.pick("Rang", "Rank"), tie, lang));
    }
    if let (Some(p), Some(stability)) = (row.p_top_k, row.stability) {
        let top = report
            .robustness
            .iter()
            .find(|r| r.site == row.site)
            .map_or(0, |r| r.top);
        let tight = crate::scoring::robustness::tightest(&row.weight_intervals)
            .map(|i| crate::scoring::robustness::interval_text(i, lang));
        let text = match lang {
            Lang::Fr => format!(
                "{} de rester {} quand les poids varient de ±20 % ({}){}",
                i18n::percent(p, lang),
                crate::scoring::robustness::among_first(top, lang),
                stability.label(lang),
                tight.map_or_else(String::new, |t| format!(
                    " ; sa place change au-delà de : {t}"
                ))
            ),
            Lang::En => format!(
                "{} chance of staying {} when the weights move by ±20% ({}){}",
                i18n::percent(p, lang),
                crate::scoring::robustness::among_first(top, lang),
                stability.label(lang),
                tight.map_or_else(String::new, |t| format!("; its place changes beyond: {t}"))
            ),
        };
        notes.push(labelled(
            lang.pick("Robustesse", "Robustness"),
            &i18n::typography(&text, lang),
            lang,
        ));
    }
    for warning in &row.warnings {
        notes.push(labelled(lang.pick("Attention", "Warning"), warning, lang));
    }
    notes
}

/// One paragraph per site: the weight ranges keeping its order and its first K.
pub fn robustness_lines(report: &JuryReport) -> Vec<String> {
    use crate::scoring::robustness::{among_first, intervals_sentence};
    let lang = report.lang;
    report
        .robustness
        .iter()
        .map(|r| {
            let critical = r.critical.map(|c| c.label(lang));
            let (order, same) = match lang {
                Lang::Fr => (
                    "ordre inchangé",
                    format!("Même ensemble {}", among_first(r.top, lang)),
                ),
                Lang::En => (
                    "order unchanged",
                    format!("Same set {}", among_first(r.top, lang)),
                ),
            };
            let text = format!(
                "{} — {}. {}.{}",
                r.name,
                intervals_sentence(order, &r.order, lang),
                intervals_sentence(&same, &r.shortlist, lang),
                critical.map_or_else(String::new, |c| match lang {
                    Lang::Fr => format!(" Critère le plus critique : {c}."),
                    Lang::En => format!(" Most critical criterion: {c}."),
                })
            );
            i18n::typography(&text, lang)
        })
        .collect()
}

/// How robustness was measured, for the criteria part.
pub fn robustness_method(lang: Lang) -> String {
    let text = match lang {
        Lang::Fr => {
            "Robustesse aux poids : les scores étant linéaires dans les poids, on calcule exactement, pour chaque poids (les autres fixés), l'intervalle où l'ordre d'un site — et l'ensemble de ses K premiers, K étant le nombre de candidatures présélectionnées ou acceptées — ne change pas. On tire aussi 1 000 jeux de poids (chacun à ±20 %, ramenés à 100 %, graine 1, donc reproductible) : « stable » = au moins 90 % des tirages dans les K premiers, « hors » = moins de 10 %, « fragile » entre les deux."
        }
        Lang::En => {
            "Robustness to the weights: scores being linear in the weights, we compute exactly, for each weight (the others fixed), the range within which a site's order — and the set of its first K, K being the number of shortlisted or accepted applications — does not change. We also draw 1,000 sets of weights (each ±20%, rescaled to 100%, seed 1, hence reproducible): \"stable\" = in the first K in at least 90% of draws, \"out\" = under 10%, \"fragile\" in between."
        }
    };
    i18n::typography(text, lang)
}

/// The checks on the call's decisions, for the cover.
pub fn warnings_title(lang: Lang) -> &'static str {
    lang.pick(
        "Points d'attention sur les décisions",
        "Points to watch in the decisions",
    )
}

/// `association loi 1901 · ESUS · Réemploi · Bondy (Est)`.
pub fn identity(row: &ApplicationRow, lang: Lang) -> String {
    let mut parts = vec![row.legal_form.clone()];
    if row.esus {
        parts.push("ESUS".to_owned());
    }
    parts.push(row.sector.clone());
    parts.push(match row.zone {
        Some(zone) => format!("{} ({})", row.city, zone.label(lang)),
        None => row.city.clone(),
    });
    parts.join(" · ")
}

pub fn score(value: f64, lang: Lang) -> String {
    i18n::fixed(value, 1, lang)
}

/// `Score d'adéquation : 83,5 / 100`.
pub fn total_line(row: &ApplicationRow, lang: Lang) -> String {
    labelled(
        lang.pick("Score d'adéquation", "Match score"),
        &format!("{} / 100", score(row.total, lang)),
        lang,
    )
}

/// `0,85 × 30 % = 25,5 pts`: printed next to each bar, so the score reads without colour.
pub fn criterion_figures(line: &CriterionLine, lang: Lang) -> String {
    format!(
        "{} × {} = {} {}",
        i18n::fixed(line.value, 2, lang),
        i18n::percent(line.weight, lang),
        score(line.contribution, lang),
        "pts"
    )
}

pub fn grade(grade: Option<Grade>, lang: Lang) -> String {
    match grade {
        Some(Grade::Points(p)) => format!("{p} / {MAX_GRADE}"),
        Some(Grade::NotApplicable) => lang.pick("sans objet", "not applicable").to_owned(),
        None => lang.pick("non noté", "not graded").to_owned(),
    }
}

pub fn grid_total(row: &ApplicationRow, lang: Lang) -> String {
    let total = row
        .grid_total
        .map_or_else(|| "—".to_owned(), |t| format!("{} / 100", score(t, lang)));
    let threshold = match row.passes_threshold {
        Some(true) => lang.pick(" (seuil atteint)", " (threshold met)"),
        Some(false) => lang.pick(" (sous le seuil)", " (below threshold)"),
        None => "",
    };
    labelled(
        lang.pick("Grille du jury", "Jury grid"),
        &format!("{total}{threshold}"),
        lang,
    )
}

/// `Statut : présélectionné` (French spacing) or `Status: shortlisted`.
pub fn labelled(title: &str, value: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{title}\u{a0}: {value}"),
        Lang::En => format!("{title}: {value}"),
    }
}

pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    if value {
        lang.pick("oui", "yes")
    } else {
        lang.pick("non", "no")
    }
}

/// The needs of the structure against what the site offers, as (label, need, offer) rows.
pub fn needs_vs_site(row: &ApplicationRow, report: &JuryReport) -> Vec<(String, String, String)> {
    let lang = report.lang;
    let need = &row.need;
    let dash = || "—".to_owned();
    let retained = match (&row.lot_label, row.surface) {
        (Some(lot), Some(s)) => format!("{} ({lot})", i18n::surface(s, lang)),
        _ => lang.pick("aucun lot retenu", "no lot retained").to_owned(),
    };
    let from = i18n::date(row.site_available_from, lang);
    let mut available = match row.site_available_until {
        Some(until) => format!(
            "{} {from} {} {}",
            lang.pick("du", "from"),
            lang.pick("au", "to"),
            i18n::date(until, lang)
        ),
        None => format!("{} {from}", lang.pick("à partir du", "from")),
    };
    if let Some(months) = row.site_max_months {
        available.push_str(&format!(
            ", {} {months} {}",
            lang.pick("au plus", "at most"),
            lang.pick("mois", "months")
        ));
    }
    vec![
        (
            lang.pick("Surface", "Surface").to_owned(),
            format!(
                "{} – {}",
                i18n::surface(need.surface_min, lang),
                i18n::surface(need.surface_max, lang)
            ),
            retained,
        ),
        (
            lang.pick("Usages", "Uses").to_owned(),
            need.uses.clone(),
            row.lot_use.clone().unwrap_or_else(dash),
        ),
        (
            lang.pick("Période", "Period").to_owned(),
            format!(
                "{} {}, {} {}",
                lang.pick("à partir du", "from"),
                i18n::date(need.start, lang),
                need.duration_months,
                lang.pick("mois", "months")
            ),
            available,
        ),
        (
            lang.pick("Coût annuel", "Annual cost").to_owned(),
            format!(
                "{} {}",
                lang.pick("budget max.", "max. budget"),
                i18n::money(need.max_annual_budget, lang)
            ),
            row.annual_cost.map_or_else(dash, |c| i18n::money(c, lang)),
        ),
        (
            lang.pick("Subvention (fonds à impact)", "Grant (impact fund)")
                .to_owned(),
            row.grant_requested
                .map_or_else(dash, |g| i18n::money(g, lang)),
            format!(
                "{} {}",
                lang.pick("plafond", "cap"),
                i18n::money(report.grants.cap_per_structure, lang)
            ),
        ),
    ]
}

/// One line per partner opinion.
pub fn opinions(row: &ApplicationRow, lang: Lang) -> Vec<String> {
    crate::export::sheet::opinions_text(row, lang)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Contact lines, only when the report holds personal data.
pub fn contact(row: &ApplicationRow) -> Option<String> {
    row.contact.as_ref().map(|c| {
        let mut parts = vec![c.name.clone()];
        parts.extend(c.email.clone());
        parts.extend(c.phone.clone());
        parts.join(" · ")
    })
}

/// Column titles of the per-site ranked table.
pub fn ranked_columns(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Fr => [
            "Rang",
            "Structure",
            "Score",
            "Éligible",
            "Surface retenue",
            "Subvention demandée",
            "Grille",
        ],
        Lang::En => [
            "Rank",
            "Structure",
            "Score",
            "Eligible",
            "Surface retained",
            "Grant requested",
            "Grid",
        ],
    }
}

/// The cells of one ranked row, matching [`ranked_columns`].
pub fn ranked_cells(report: &JuryReport, site: &SiteSynthesis) -> Vec<[String; 7]> {
    let lang = report.lang;
    site.entries
        .iter()
        .map(|e| {
            let grid = report
                .applications_of(&site.site)
                .find(|a| a.structure == e.structure)
                .and_then(|a| a.grid_total)
                .map_or_else(|| "—".to_owned(), |t| score(t, lang));
            [
                rank_label(e.rank, e.ex_aequo, lang),
                e.name.clone(),
                score(e.total, lang),
                yes_no(e.eligible, lang).to_owned(),
                i18n::surface(e.surface, lang),
                e.grant_requested
                    .map_or_else(|| "—".to_owned(), |g| i18n::money(g, lang)),
                grid,
            ]
        })
        .collect()
}

/// Column titles of the journal table.
pub fn journal_columns(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Fr => [
            "Date",
            "Qui",
            "Candidature",
            "De",
            "Vers",
            "Nature",
            "Motivation",
        ],
        Lang::En => [
            "Date",
            "Who",
            "Application",
            "From",
            "To",
            "Kind",
            "Motivation",
        ],
    }
}

pub fn journal_cells(report: &JuryReport) -> Vec<[String; 7]> {
    let lang = report.lang;
    report
        .journal
        .iter()
        .map(|j| {
            let local = j.at.naive_local();
            [
                format!(
                    "{} {}",
                    i18n::date(local.date(), lang),
                    local.format("%H:%M")
                ),
                j.who.clone(),
                format!("{} — {}", j.structure_name, j.site_name),
                j.from.label(lang).to_owned(),
                j.to.label(lang).to_owned(),
                j.kind.label(lang).to_owned(),
                j.motivation.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

/// Column titles of the criteria tables.
pub fn weight_columns(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Fr => ["Critère", "Poids", "Part", "Mode de calcul"],
        Lang::En => ["Criterion", "Weight", "Share", "How it is computed"],
    }
}

pub fn weight_cells(lines: &[crate::export::report::WeightLine], lang: Lang) -> Vec<[String; 4]> {
    lines
        .iter()
        .map(|w| {
            [
                w.label.clone(),
                i18n::number(w.weight, 2, lang),
                i18n::percent(w.share, lang),
                w.formula.clone(),
            ]
        })
        .collect()
}

pub fn threshold(report: &JuryReport) -> String {
    let lang = report.lang;
    labelled(
        lang.pick("Seuil de la grille", "Grid threshold"),
        &format!("{} / 100", score(report.criteria.grid_threshold, lang)),
        lang,
    )
}

/// Section titles, in reading order.
pub struct Headings {
    pub synthesis: &'static str,
    pub cards: &'static str,
    pub criteria: &'static str,
    pub match_score: &'static str,
    pub grid: &'static str,
    pub criterion: &'static str,
    pub grade: &'static str,
    pub journal: &'static str,
    pub needs: &'static str,
    pub need: &'static str,
    pub offer: &'static str,
    pub ineligible: &'static str,
    pub motivation: &'static str,
    pub annotations: &'static str,
    pub labels: &'static str,
    pub opinions: &'static str,
    pub contact: &'static str,
    pub status: &'static str,
    pub sites: &'static str,
    pub no_decision: &'static str,
    pub nothing: &'static str,
    pub nothing_here: &'static str,
}

pub fn headings(lang: Lang) -> Headings {
    match lang {
        Lang::Fr => Headings {
            synthesis: "Synthèse par site",
            cards: "Fiches des candidatures",
            criteria: "Critères",
            match_score: "Score d'adéquation",
            grid: "Grille du jury",
            criterion: "Critère",
            grade: "Note",
            journal: "Journal des décisions",
            needs: "Besoin et site",
            need: "Besoin",
            offer: "Site",
            ineligible: "Inéligible",
            motivation: "Motivation",
            annotations: "Annotations",
            labels: "Étiquettes",
            opinions: "Avis des partenaires",
            contact: "Contact",
            status: "Statut",
            sites: "Sites",
            no_decision: "Aucune décision enregistrée.",
            nothing: "Aucune candidature dans ce périmètre.",
            nothing_here: "Aucune candidature de ce périmètre pour ce site.",
        },
        Lang::En => Headings {
            synthesis: "Summary per site",
            cards: "Application cards",
            criteria: "Criteria",
            match_score: "Match score",
            grid: "Jury grid",
            criterion: "Criterion",
            grade: "Grade",
            journal: "Decision journal",
            needs: "Need and site",
            need: "Need",
            offer: "Site",
            ineligible: "Ineligible",
            motivation: "Motivation",
            annotations: "Notes",
            labels: "Labels",
            opinions: "Partner opinions",
            contact: "Contact",
            status: "Status",
            sites: "Sites",
            no_decision: "No decision recorded.",
            nothing: "No application in this scope.",
            nothing_here: "No application of this scope for this site.",
        },
    }
}
