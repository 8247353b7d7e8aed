//! What stands in the way of saving a draft, and where to show it. Two sources: values that
//! do not parse (`read`), and the rules of `ancrage check` run on the workspace as it would be
//! with the draft saved (`Checker`), with the same messages. Each problem names a field path
//! (`structure.pathway[2].to`); `place` finds the field of a form — or the item of a list —
//! that path belongs to, so the problem shows next to it.

use crate::domain::Workspace;
use crate::edit::{self, Edit, EditKind, Record, RecordKey, Step};
use crate::i18n::Lang;
use crate::store::expected::expected_label;
use crate::store::files::{WorkspaceFiles, file_for};
use crate::store::kind::DocumentKind;
use crate::store::problem::Problem;
use crate::store::validate::validate;
use crate::tui::forms::field::{Field, Value};
use crate::tui::forms::read::ParseIssue;
use std::path::PathBuf;

/// One problem of the draft, worded for the officer.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// Where it is: a field path (`structure.needs.start`), or a file and a path for a problem
    /// the draft brings to another record.
    pub path: String,
    /// `attendu : …`, in the officer's language.
    pub text: String,
    /// A value that did not parse (it hides the rules' problems of the same field, which
    /// judge a stand-in value).
    pub parse: bool,
}

impl Issue {
    pub fn from_parse(issue: &ParseIssue, lang: Lang) -> Issue {
        Issue {
            path: issue.path.clone(),
            text: format!("{} {}", expected_label(lang), issue.expected.text(lang)),
            parse: true,
        }
    }

    /// A problem of `ancrage check`; `own` when it is in one of the draft's files (its path
    /// then names a field of the form), else it says its file too.
    pub fn from_problem(problem: &Problem, own: bool, lang: Lang) -> Issue {
        let text = format!("{} {}", expected_label(lang), problem.expected.text(lang));
        Issue {
            path: if own {
                problem.field.clone()
            } else {
                format!("{}: {}", problem.file.display(), problem.field)
            },
            text,
            parse: false,
        }
    }
}

/// Where a problem shows in a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Next to a field (on one item of a list field).
    Field { field: usize, item: Option<usize> },
    /// At the top of the form: about the record as a whole, or a path no field holds.
    General,
}

/// Where `path` shows in a form whose fields live under `prefix` (`structure`, or
/// `structure.pathway[2]` for an item); none when the path is not this form's at all.
pub fn place(path: &str, prefix: &str, fields: &[Field]) -> Option<Place> {
    let rest = path.strip_prefix(prefix)?;
    if rest.is_empty() {
        return Some(Place::General);
    }
    let rest = rest.strip_prefix('.').or_else(|| {
        // `structure.pathway[2]` names the item of `structure.pathway`, not a field under it.
        rest.starts_with('[').then_some("")
    })?;
    let mut best: Option<(usize, usize, &str)> = None;
    for (i, field) in fields.iter().enumerate() {
        for id in field.paths() {
            let Some(after) = rest.strip_prefix(id) else {
                continue;
            };
            if (after.is_empty() || after.starts_with(['.', '[']))
                && best.is_none_or(|(_, len, _)| id.len() > len)
            {
                best = Some((i, id.len(), after));
            }
        }
    }
    let Some((field, _, after)) = best else {
        return Some(Place::General);
    };
    let item = match &fields[field].value {
        Value::List(_) => after
            .strip_prefix('[')
            .and_then(|a| a.split_once(']'))
            .and_then(|(n, _)| n.parse().ok()),
        _ => None,
    };
    Some(Place::Field { field, item })
}

/// Runs `ancrage check`'s rules on the workspace with a draft in place. The workspace is
/// copied once when the form opens; each check swaps the previous draft out and the new one
/// in, so a keystroke costs the rules, not a copy.
pub struct Checker {
    shadow: Workspace,
    /// Puts the shadow back as it was before the last draft went in.
    undo: Option<Edit>,
    /// The workspace's own problems before the form: not the draft's doing, unless in its
    /// own files.
    baseline: Vec<Problem>,
}

impl Checker {
    pub fn new(workspace: &Workspace) -> Checker {
        Checker {
            baseline: validate(workspace, &WorkspaceFiles::named_after_ids(workspace)),
            shadow: workspace.clone(),
            undo: None,
        }
    }

    /// The problems once `records` are saved: every problem of their files, and those they
    /// bring to other files. `(problem, in one of the draft's files)`.
    pub fn check(&mut self, records: &[Record]) -> Vec<(Problem, bool)> {
        if let Some(undo) = self.undo.take() {
            edit::apply_unchecked(&mut self.shadow, &undo);
        }
        let draft = Edit::new(
            EditKind::Input,
            String::new(),
            records.iter().cloned().map(Step::Put).collect(),
        );
        self.undo = Some(edit::apply_unchecked(&mut self.shadow, &draft));
        let own: Vec<PathBuf> = records.iter().map(|r| file_of(&r.key())).collect();
        validate(&self.shadow, &WorkspaceFiles::named_after_ids(&self.shadow))
            .into_iter()
            .filter_map(|p| {
                let mine = own.contains(&p.file);
                (mine || !self.baseline.contains(&p)).then_some((p, mine))
            })
            .collect()
    }
}

/// The workspace-relative file of a record.
pub fn file_of(key: &RecordKey) -> PathBuf {
    let (kind, id) = match key {
        RecordKey::Territory => (DocumentKind::Territory, ""),
        RecordKey::Site(id) => (DocumentKind::Site, id.as_str()),
        RecordKey::Structure(id) => (DocumentKind::Structure, id.as_str()),
        RecordKey::Call(id) => (DocumentKind::Call, id.as_str()),
    };
    file_for(kind, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Surface;
    use crate::store::validate::fixture::workspace;
    use crate::tui::forms::kinds::ItemKind;

    fn fields() -> Vec<Field> {
        vec![
            Field::text("name", ("Nom", "Name"), ""),
            Field::text("needs.surface_min", ("Surface", "Surface"), "")
                .also(&["needs.surface_max"]),
            Field::text("needs.duration", ("Durée", "Duration"), ""),
            Field::list(
                "pathway",
                ("Parcours", "Pathway"),
                ItemKind::Episode,
                Vec::new(),
            ),
        ]
    }

    #[test]
    fn paths_find_their_field_and_item() {
        let f = fields();
        let at = |path: &str| place(path, "structure", &f);
        assert_eq!(
            at("structure.needs.surface_max"),
            Some(Place::Field {
                field: 1,
                item: None
            })
        );
        assert_eq!(
            at("structure.needs.duration.value"),
            Some(Place::Field {
                field: 2,
                item: None
            })
        );
        assert_eq!(
            at("structure.pathway[2].to"),
            Some(Place::Field {
                field: 3,
                item: Some(2)
            })
        );
        assert_eq!(at("structure.siret"), Some(Place::General));
        assert_eq!(at("structure"), Some(Place::General));
        assert_eq!(at("site.name"), None);
        assert_eq!(
            at("structure.named"),
            Some(Place::General),
            "`name` is not a prefix of `named`"
        );
        let item = vec![Field::text("to", ("Fin", "End"), "")];
        assert_eq!(
            place("structure.pathway[2].to", "structure.pathway[2]", &item),
            Some(Place::Field {
                field: 0,
                item: None
            })
        );
        assert_eq!(
            place("structure.pathway[2]", "structure.pathway[2]", &item),
            Some(Place::General)
        );
    }

    #[test]
    fn the_checker_reports_the_drafts_problems_and_forgets_the_previous_draft() {
        let ws = workspace();
        let mut checker = Checker::new(&ws);
        let mut bad = ws.structures[0].clone();
        bad.needs.surface_min = Surface::m2(-3.0);
        let record = Record::Structure(Box::new(bad.clone()));
        let problems = checker.check(std::slice::from_ref(&record));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0.field, "structure.needs.surface_min");
        assert!(problems[0].1, "in the draft's own file");
        let good = Record::Structure(Box::new(ws.structures[0].clone()));
        assert!(checker.check(&[good]).is_empty());
        // A new id each time (a name being typed): the earlier drafts are gone.
        for id in ["a", "ab", "abc"] {
            let mut new = ws.structures[0].clone();
            new.id = crate::domain::StructureId::new(id);
            new.siret = None;
            assert!(
                checker
                    .check(&[Record::Structure(Box::new(new))])
                    .is_empty()
            );
        }
        assert_eq!(checker.shadow.structures.len(), ws.structures.len() + 1);
    }
}
