//! The call form: its title, programme, sites, deadline and the weights of its criteria. Its
//! applications are kept as they are (a structure applies through the attach form).

use super::options::{self, enums};
use super::{Cx, Draft, shown};
use crate::domain::{Call, CallId, Programme, SiteId, Weights};
use crate::edit::{Record, new_id};
use crate::import::problem::Expected;
use crate::tui::forms::field::{Field, Words};
use crate::tui::forms::read::{Reader, code_of};

/// The weights, in the order of the score cards.
const WEIGHTS: [(&str, Words); 5] = [
    (
        "weights.surface",
        ("Poids\u{a0}: surface", "Weight: surface"),
    ),
    ("weights.cost", ("Poids\u{a0}: coût", "Weight: cost")),
    ("weights.sector", ("Poids\u{a0}: secteur", "Weight: sector")),
    (
        "weights.rebalancing",
        ("Poids\u{a0}: rééquilibrage", "Weight: rebalancing"),
    ),
    (
        "weights.urgency",
        ("Poids\u{a0}: parcours", "Weight: pathway"),
    ),
];

fn weight(w: &Weights, id: &str) -> f64 {
    match id {
        "weights.surface" => w.surface,
        "weights.cost" => w.cost,
        "weights.sector" => w.sector,
        "weights.rebalancing" => w.rebalancing,
        _ => w.urgency,
    }
}

pub fn fields(base: Option<&Call>, cx: Cx<'_>) -> Vec<Field> {
    let ws = cx.workspace;
    let lang = cx.lang;
    let c = base;
    let weights = c.map_or_else(Weights::default, |c| c.weights);
    let mut sites = options::sites(ws);
    for id in c.map(|c| c.sites.as_slice()).unwrap_or_default() {
        if !sites.iter().any(|o| o.key == id.as_str()) {
            sites.push(crate::tui::forms::choice::Opt::new(
                id.as_str(),
                id.as_str(),
            ));
        }
    }
    let mut fields = vec![
        Field::text("title", ("Titre", "Title"), c.map_or("", |c| &c.title)),
        Field::choice(
            "programme",
            ("Programme", "Programme"),
            enums(&Programme::ALL, lang),
            c.map(|c| code_of(&c.programme)).as_deref(),
        )
        .alias(options::programme_alias),
        Field::multi(
            "sites",
            ("Lieux de l’appel", "Sites of the call"),
            sites,
            &c.map(|c| c.sites.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .unwrap_or_default(),
        ),
        Field::text(
            "deadline",
            ("Date limite", "Deadline"),
            &c.map(|c| shown::date(c.deadline, lang)).unwrap_or_default(),
        )
        .hint(("jj/mm/aaaa", "dd/mm/yyyy")),
    ];
    for (i, (id, label)) in WEIGHTS.into_iter().enumerate() {
        let field = Field::text(id, label, &shown::number(weight(&weights, id), lang));
        fields.push(if i == 0 {
            field.section((
                "Pondération (sur tout total\u{a0}: 40/30/30 ou 0,4/0,3/0,3)",
                "Weights (any total: 40/30/30 or 0.4/0.3/0.3)",
            ))
        } else {
            field
        });
    }
    fields
}

pub fn build(base: Option<&Call>, fields: &[Field], cx: Cx<'_>) -> Draft {
    let ws = cx.workspace;
    let mut r = Reader::new(fields, "call");
    let title = r.required_text("title").unwrap_or_default();
    let id = match base {
        Some(b) => b.id.clone(),
        None => CallId::new(new_id(&title, "appel", |id| {
            ws.calls.iter().any(|c| c.id.as_str() == id)
        })),
    };
    let old = base.map_or_else(Weights::default, |b| b.weights);
    let mut w = |id: &str| {
        r.required(id, |t| {
            crate::import::values::number::float(t).map_err(|_| Expected::Number)
        })
        .unwrap_or(weight(&old, id))
    };
    let weights = Weights {
        surface: w("weights.surface"),
        cost: w("weights.cost"),
        sector: w("weights.sector"),
        rebalancing: w("weights.rebalancing"),
        urgency: w("weights.urgency"),
    };
    let call = Call {
        id,
        programme: r
            .code("programme")
            .unwrap_or(base.map_or(Programme::Tempo, |b| b.programme)),
        sites: r
            .required_keys("sites")
            .into_iter()
            .map(SiteId::new)
            .collect(),
        deadline: r
            .required_date("deadline")
            .or(base.map(|b| b.deadline))
            .unwrap_or(cx.today),
        weights,
        tolerances: base.map(|b| b.tolerances).unwrap_or_default(),
        applications: base.map(|b| b.applications.clone()).unwrap_or_default(),
        title: title.clone(),
    };
    Draft {
        records: vec![Record::Call(Box::new(call))],
        prefix: "call".to_owned(),
        issues: r.issues,
        name: title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::validate::fixture::workspace;

    #[test]
    fn an_existing_call_comes_back_unchanged() {
        let ws = workspace();
        for lang in [Lang::Fr, Lang::En] {
            let cx = Cx {
                workspace: &ws,
                lang,
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            };
            for c in &ws.calls {
                let draft = build(Some(c), &fields(Some(c), cx), cx);
                assert!(draft.issues.is_empty(), "{:?}", draft.issues);
                assert_eq!(draft.records, vec![Record::Call(Box::new(c.clone()))]);
            }
        }
    }
}
