//! The structure form: identity, jobs, needs, contact, the impact fund (request and grants),
//! the pathway (episodes with their agreements, planned or lived) and the support received.

use super::options::{self, enums};
use super::{Cx, Draft, ItemKind, episode, grant, shown, support};
use crate::domain::{
    Contact, Duration, Feature, InseeCode, Jobs, LegalForm, Money, Needs, Personal, SectorCode,
    Structure, StructureId, Surface, UseType,
};
use crate::edit::{Record, new_id};
use crate::tui::forms::field::{Field, Item};
use crate::tui::forms::read::{Reader, code_of};

pub fn fields(base: Option<&Structure>, cx: Cx<'_>) -> Vec<Field> {
    let ws = cx.workspace;
    let lang = cx.lang;
    let money = |m: Option<Money>| m.map(|m| shown::money(m, lang)).unwrap_or_default();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| shown::date(d, lang)).unwrap_or_default();
    let count = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let s = base;
    let needs = s.map(|s| &s.needs);
    let contact = s.and_then(|s| s.contact.as_ref()).map(|c| &c.0);
    let home: Vec<&InseeCode> = s.map(|s| &s.home_city).into_iter().collect();
    let preferred: Vec<&InseeCode> = needs
        .map(|n| n.preferred_cities.iter().collect())
        .unwrap_or_default();
    let sector: Vec<&SectorCode> = s.map(|s| &s.sector).into_iter().collect();
    vec![
        Field::text("name", ("Nom", "Name"), s.map_or("", |s| &s.name))
            .section(("Identité", "Identity")),
        Field::choice(
            "legal_form",
            ("Forme juridique", "Legal form"),
            enums(&LegalForm::ALL, lang),
            s.map(|s| code_of(&s.legal_form)).as_deref(),
        )
        .alias(options::legal_form_alias),
        Field::text(
            "siret",
            ("SIRET", "SIRET"),
            s.and_then(|s| s.siret.as_deref()).unwrap_or(""),
        )
        .hint(("14 chiffres, facultatif", "14 digits, optional")),
        Field::flag(
            "esus",
            ("Agrément ESUS", "ESUS agreement"),
            s.is_some_and(|s| s.esus),
        ),
        Field::text(
            "created_on",
            ("Créée le", "Created on"),
            &date(s.map(|s| s.created_on)),
        )
        .hint(("jj/mm/aaaa", "dd/mm/yyyy")),
        Field::choice(
            "home_city",
            ("Ville", "City"),
            options::cities(ws, &home),
            s.map(|s| s.home_city.as_str()),
        )
        .alias(options::city_alias),
        Field::choice(
            "sector",
            ("Secteur", "Sector"),
            options::sectors(ws, &sector),
            s.map(|s| s.sector.as_str()),
        )
        .alias(options::sector_alias),
        Field::flag(
            "youth_led",
            ("Portée par des jeunes", "Youth-led"),
            s.is_some_and(|s| s.youth_led),
        ),
        Field::text(
            "description",
            ("Description", "Description"),
            s.map_or("", |s| &s.description),
        ),
        Field::text(
            "jobs.fte",
            ("Emplois (ETP)", "Jobs (FTE)"),
            &s.map(|s| shown::number(s.jobs.fte, lang))
                .unwrap_or_default(),
        )
        .section(("Emplois", "Jobs"))
        .hint(("2,5", "2.5")),
        Field::text(
            "jobs.inclusion_posts",
            ("Postes en insertion", "Inclusion posts"),
            &count(s.map(|s| s.jobs.inclusion_posts)),
        ),
        Field::text(
            "jobs.planned_local_jobs",
            ("Emplois locaux prévus", "Planned local jobs"),
            &count(s.map(|s| s.jobs.planned_local_jobs)),
        ),
        Field::text(
            "needs.surface_min",
            ("Surface (m²)", "Surface (m²)"),
            &needs
                .map(|n| shown::range(n.surface_min.value(), n.surface_max.value(), lang))
                .unwrap_or_default(),
        )
        .also(&["needs.surface_max"])
        .section(("Besoins", "Needs"))
        .hint(("80, 60-100, entre 60 et 100 m²", "80, 60-100")),
        Field::multi(
            "needs.use_types",
            ("Usages", "Uses"),
            enums(&UseType::ALL, lang),
            &needs
                .map(|n| n.use_types.iter().map(code_of).collect::<Vec<_>>())
                .unwrap_or_default(),
        ),
        Field::multi(
            "needs.required_features",
            ("Équipements requis", "Required features"),
            enums(&Feature::ALL, lang),
            &needs
                .map(|n| n.required_features.iter().map(code_of).collect::<Vec<_>>())
                .unwrap_or_default(),
        ),
        Field::text(
            "needs.start",
            ("À partir du", "From"),
            &date(needs.map(|n| n.start)),
        )
        .hint(("jj/mm/aaaa", "dd/mm/yyyy")),
        Field::text(
            "needs.duration",
            ("Durée", "Duration"),
            &needs
                .map(|n| shown::duration(n.duration, lang))
                .unwrap_or_default(),
        )
        .hint(("24 mois, 2 ans", "24 months, 2 years")),
        Field::text(
            "needs.max_annual_budget",
            (
                "Budget annuel (charges comprises)",
                "Yearly budget (charges included)",
            ),
            &money(needs.map(|n| n.max_annual_budget)),
        )
        .hint(("12 000 €", "12000")),
        Field::multi(
            "needs.preferred_cities",
            ("Villes souhaitées", "Preferred cities"),
            options::cities(ws, &preferred),
            &needs
                .map(|n| {
                    n.preferred_cities
                        .iter()
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default(),
        ),
        Field::text(
            "contact.name",
            ("Nom du contact", "Contact name"),
            contact.map_or("", |c| &c.name),
        )
        .section(("Contact (données personnelles)", "Contact (personal data)")),
        Field::text(
            "contact.email",
            ("Courriel", "Email"),
            contact.and_then(|c| c.email.as_deref()).unwrap_or(""),
        ),
        Field::text(
            "contact.phone",
            ("Téléphone", "Phone"),
            contact.and_then(|c| c.phone.as_deref()).unwrap_or(""),
        ),
        Field::text(
            "grant_requested",
            ("Subvention demandée", "Grant requested"),
            &money(s.and_then(|s| s.grant_requested)),
        )
        .section(("Fonds à impact", "Impact fund"))
        .hint(("facultatif, 12 000 €", "optional, 12000")),
        Field::list(
            "grants",
            ("Subventions", "Grants"),
            ItemKind::Grant,
            s.map(|s| {
                s.grants
                    .iter()
                    .map(|g| Item {
                        fields: grant::fields(Some(g), cx),
                        base: None,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        ),
        Field::list(
            "pathway",
            ("Épisodes", "Episodes"),
            ItemKind::Episode,
            s.map(|s| s.pathway.iter().map(|e| episode::item(e, cx)).collect())
                .unwrap_or_default(),
        )
        .section(("Parcours résidentiel", "Residential pathway")),
        Field::list(
            "support",
            ("Accompagnements", "Support"),
            ItemKind::Support,
            s.map(|s| {
                s.support
                    .iter()
                    .map(|x| Item {
                        fields: support::fields(Some(x), cx),
                        base: None,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        ),
    ]
}

/// What stands in for a value not given yet, so the rest of a new structure can be checked.
fn blank(cx: Cx<'_>) -> Structure {
    let t = &cx.workspace.territory;
    Structure {
        id: StructureId::new("structure"),
        name: String::new(),
        legal_form: LegalForm::Association,
        siret: None,
        esus: false,
        created_on: cx.today,
        home_city: t
            .cities
            .first()
            .map(|c| c.insee.clone())
            .unwrap_or_else(|| InseeCode::new("93048")),
        sector: t
            .sectors()
            .next()
            .map(|s| s.code.clone())
            .unwrap_or_else(|| SectorCode::new("autre")),
        description: String::new(),
        jobs: Jobs {
            fte: 0.0,
            inclusion_posts: 0,
            planned_local_jobs: 0,
        },
        youth_led: false,
        needs: Needs {
            surface_min: Surface::m2(1.0),
            surface_max: Surface::m2(1.0),
            use_types: Vec::new(),
            required_features: Vec::new(),
            start: cx.today,
            duration: Duration::months(12),
            max_annual_budget: Money::ZERO,
            preferred_cities: Vec::new(),
        },
        grant_requested: None,
        contact: None,
        pathway: Vec::new(),
        grants: Vec::new(),
        support: Vec::new(),
    }
}

pub fn build(base: Option<&Structure>, fields: &[Field], cx: Cx<'_>) -> Draft {
    let ws = cx.workspace;
    let mut r = Reader::new(fields, "structure");
    let old = base.cloned().unwrap_or_else(|| blank(cx));
    let name = r.required_text("name").unwrap_or_default();
    let id = match base {
        Some(b) => b.id.clone(),
        None => StructureId::new(new_id(&name, "structure", |id| {
            ws.structures.iter().any(|s| s.id.as_str() == id)
        })),
    };
    let siret = if r.given("siret") {
        r.siret("siret").or(old.siret.clone())
    } else {
        None
    };
    let surface = r.surface_range("needs.surface_min");
    let needs = Needs {
        surface_min: surface.map_or(old.needs.surface_min, |s| Surface::m2(s.min)),
        surface_max: surface.map_or(old.needs.surface_max, |s| Surface::m2(s.max)),
        use_types: {
            r.required_keys("needs.use_types");
            r.codes("needs.use_types")
        },
        required_features: r.codes("needs.required_features"),
        start: r.required_date("needs.start").unwrap_or(old.needs.start),
        duration: r.duration("needs.duration").unwrap_or(old.needs.duration),
        max_annual_budget: r
            .required_money("needs.max_annual_budget")
            .unwrap_or(old.needs.max_annual_budget),
        preferred_cities: r
            .keys("needs.preferred_cities")
            .into_iter()
            .map(InseeCode::new)
            .collect(),
    };
    let contact = read_contact(&mut r);
    let structure = Structure {
        id,
        legal_form: r.code("legal_form").unwrap_or(old.legal_form),
        siret,
        esus: r.flag("esus"),
        created_on: r.required_date("created_on").unwrap_or(old.created_on),
        home_city: r
            .required_choice("home_city")
            .map_or(old.home_city.clone(), InseeCode::new),
        sector: r
            .required_choice("sector")
            .map_or(old.sector.clone(), SectorCode::new),
        description: r.text("description"),
        jobs: Jobs {
            fte: r
                .required("jobs.fte", crate::import::values::number::float)
                .unwrap_or(old.jobs.fte),
            inclusion_posts: r.count("jobs.inclusion_posts").unwrap_or(0),
            planned_local_jobs: r.count("jobs.planned_local_jobs").unwrap_or(0),
        },
        youth_led: r.flag("youth_led"),
        needs,
        grant_requested: r.money("grant_requested"),
        contact,
        pathway: r
            .items("pathway")
            .iter()
            .enumerate()
            .map(|(i, item)| {
                r.item(&item.fields, format!("structure.pathway[{i}]"), |ir| {
                    episode::read(ir, item.base.as_ref(), cx)
                })
            })
            .collect(),
        grants: r
            .items("grants")
            .iter()
            .enumerate()
            .map(|(i, item)| {
                r.item(&item.fields, format!("structure.grants[{i}]"), |ir| {
                    grant::read(ir, cx)
                })
            })
            .collect(),
        support: r
            .items("support")
            .iter()
            .enumerate()
            .map(|(i, item)| {
                r.item(&item.fields, format!("structure.support[{i}]"), |ir| {
                    support::read(ir, cx)
                })
            })
            .collect(),
        name: name.clone(),
    };
    Draft {
        records: vec![Record::Structure(Box::new(structure))],
        prefix: "structure".to_owned(),
        issues: r.issues,
        name,
    }
}

/// No contact when every field of it is empty; a contact needs at least a name.
fn read_contact(r: &mut Reader<'_>) -> Option<Personal<Contact>> {
    let optional = |text: String| (!text.is_empty()).then_some(text);
    let email = optional(r.text("contact.email"));
    let phone = optional(r.text("contact.phone"));
    let name = r.text("contact.name");
    if name.is_empty() && email.is_none() && phone.is_none() {
        return None;
    }
    if name.is_empty() {
        r.note("contact.name", crate::import::problem::Expected::Required);
    }
    Some(Personal(Contact { name, email, phone }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::import::problem::Expected;
    use crate::store::validate::fixture::workspace;
    use crate::tui::forms::field::Value;

    fn cx(ws: &crate::domain::Workspace) -> Cx<'_> {
        Cx {
            workspace: ws,
            lang: Lang::Fr,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        }
    }

    #[test]
    fn an_existing_structure_comes_back_unchanged() {
        let ws = workspace();
        for lang in [Lang::Fr, Lang::En] {
            let cx = Cx { lang, ..cx(&ws) };
            for s in &ws.structures {
                let draft = build(Some(s), &fields(Some(s), cx), cx);
                assert!(draft.issues.is_empty(), "{:?}", draft.issues);
                assert_eq!(draft.records, vec![Record::Structure(Box::new(s.clone()))]);
            }
        }
    }

    #[test]
    fn a_new_structure_needs_its_mandatory_fields_and_gets_an_id_from_its_name() {
        let ws = workspace();
        let cx = cx(&ws);
        let mut fields = fields(None, cx);
        let draft = build(None, &fields, cx);
        let missing: Vec<&str> = draft
            .issues
            .iter()
            .filter(|i| i.expected == Expected::Required)
            .map(|i| i.path.as_str())
            .collect();
        assert!(missing.contains(&"structure.name"), "{missing:?}");
        assert!(missing.contains(&"structure.needs.start"), "{missing:?}");
        assert!(missing.contains(&"structure.legal_form"), "{missing:?}");
        for field in &mut fields {
            if let Value::Text(input) = &mut field.value {
                let text = match field.id {
                    "name" => "Vélo Solidaire",
                    "needs.surface_min" => "entre 60 et 100 m²",
                    "needs.max_annual_budget" => "12 000 €",
                    "siret" => "120 027 016 00357",
                    _ => continue,
                };
                *input = crate::tui::shared::text_input::TextInput::with_text(text);
            }
        }
        let draft = build(None, &fields, cx);
        let Record::Structure(s) = &draft.records[0] else {
            unreachable!()
        };
        assert_eq!(
            s.id.as_str(),
            "velo-solidaire-2",
            "the fixture holds velo-solidaire"
        );
        assert_eq!(
            (s.needs.surface_min.value(), s.needs.surface_max.value()),
            (60.0, 100.0)
        );
        assert_eq!(s.needs.max_annual_budget, Money::euros(12_000));
        assert_eq!(s.siret.as_deref(), Some("12002701600357"));
    }
}
