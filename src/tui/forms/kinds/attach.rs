//! A structure applies to a call, for some of the call's sites: the application is added to
//! the call (or, when the structure already applied, its sites change). The review then finds
//! it « en instruction » on the Appel tab.

use super::options;
use super::{Cx, Draft};
use crate::domain::{Application, CallId, SiteId, StructureId};
use crate::edit::Record;
use crate::tui::forms::field::{Field, Value};
use crate::tui::forms::read::Reader;

pub fn fields(structure: Option<&StructureId>, call: Option<&CallId>, cx: Cx<'_>) -> Vec<Field> {
    let ws = cx.workspace;
    let call = call.and_then(|id| ws.call(id));
    let ticked: Vec<String> = call
        .zip(structure)
        .and_then(|(c, s)| c.applications.iter().find(|a| &a.structure == s))
        .map(|a| a.sites.iter().map(|s| s.to_string()).collect())
        .unwrap_or_default();
    vec![
        Field::choice(
            "structure",
            ("Structure", "Structure"),
            options::structures(ws),
            structure.map(StructureId::as_str),
        ),
        Field::choice(
            "call",
            ("Appel", "Call"),
            options::calls(ws),
            call.map(|c| c.id.as_str()),
        ),
        Field::multi(
            "sites",
            ("Lieux demandés", "Sites applied for"),
            call.map(|c| options::some_sites(ws, c.sites.iter()))
                .unwrap_or_default(),
            &ticked,
        ),
    ]
}

fn key(fields: &[Field], id: &str) -> Option<String> {
    fields
        .iter()
        .find(|f| f.id == id)
        .and_then(|f| match &f.value {
            Value::Choice(c) => c.key().map(str::to_owned),
            _ => None,
        })
}

/// The sites offered follow the call chosen; a structure that already applied finds its
/// sites ticked.
pub fn refresh(fields: &mut [Field], cx: Cx<'_>) {
    let ws = cx.workspace;
    let call = key(fields, "call").and_then(|id| ws.call(&CallId::new(id)));
    let structure = key(fields, "structure").map(StructureId::new);
    let Some(Value::Multi(sites)) = fields
        .iter_mut()
        .find(|f| f.id == "sites")
        .map(|f| &mut f.value)
    else {
        return;
    };
    let options = call
        .map(|c| options::some_sites(ws, c.sites.iter()))
        .unwrap_or_default();
    if options
        .iter()
        .map(|o| &o.key)
        .ne(sites.options.iter().map(|o| &o.key))
    {
        sites.replace_options(options);
        let applied = call
            .zip(structure.as_ref())
            .and_then(|(c, s)| c.applications.iter().find(|a| &a.structure == s));
        if let Some(application) = applied {
            let keys: Vec<String> = application.sites.iter().map(|s| s.to_string()).collect();
            *sites = crate::tui::forms::choice::Multi::new(sites.options.clone(), &keys);
        }
    }
}

pub fn build(fields: &[Field], cx: Cx<'_>) -> Draft {
    let ws = cx.workspace;
    let mut r = Reader::new(fields, "call");
    let structure = r.required_choice("structure").map(StructureId::new);
    let call = r
        .required_choice("call")
        .and_then(|id| ws.call(&CallId::new(id)));
    let sites: Vec<SiteId> = r
        .required_keys("sites")
        .into_iter()
        .map(SiteId::new)
        .collect();
    let (Some(structure), Some(call)) = (structure, call) else {
        return Draft {
            records: Vec::new(),
            prefix: "call".to_owned(),
            issues: r.issues,
            name: String::new(),
        };
    };
    let mut call = call.clone();
    let index = match call
        .applications
        .iter()
        .position(|a| a.structure == structure)
    {
        Some(i) => {
            call.applications[i].sites = sites;
            i
        }
        None => {
            call.applications.push(Application {
                structure: structure.clone(),
                sites,
                submitted_on: Some(cx.today),
                dossier: None,
            });
            call.applications.len() - 1
        }
    };
    let prefix = format!("call.applications[{index}]");
    // The fields were read under `call`; their paths are the application's.
    let mut issues = r.issues;
    for issue in &mut issues {
        if let Some(rest) = issue.path.strip_prefix("call.") {
            issue.path = format!("{prefix}.{rest}");
        }
    }
    let name = format!(
        "{} — {}",
        ws.structure(&structure)
            .map_or(structure.as_str(), |s| s.name.as_str()),
        call.title
    );
    Draft {
        records: vec![Record::Call(Box::new(call))],
        prefix,
        issues,
        name,
    }
}
