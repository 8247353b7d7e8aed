//! What each form is about: the fields of a structure, a site, a call and an application (and
//! of the items of their lists: lots, pathway episodes, grants, support), how a record is
//! built from them, and what the officer reads in its title and once it is saved.

mod attach;
mod call;
mod episode;
mod grant;
mod lot;
pub mod options;
mod shown;
mod site;
mod structure;
mod support;

use crate::domain::{Call, CallId, Lot, PathwayEpisode, Site, Structure, StructureId, Workspace};
use crate::edit::Record;
use crate::i18n::Lang;
use crate::tui::forms::field::{Field, Item, Words};
use crate::tui::forms::read::{ParseIssue, Reader};
use chrono::NaiveDate;

/// What the forms read of the cockpit: the workspace, the language, the day.
#[derive(Clone, Copy)]
pub struct Cx<'a> {
    pub workspace: &'a Workspace,
    pub lang: Lang,
    pub today: NaiveDate,
}

/// A record built from a form: what would be saved, under which path its fields sit, and
/// what could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub records: Vec<Record>,
    /// The path of the form's fields in the record (`structure`, `call.applications[3]`).
    pub prefix: String,
    pub issues: Vec<ParseIssue>,
    /// The record's name as the officer knows it, for the status line.
    pub name: String,
}

/// The record a form creates or edits.
#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    /// A new structure (none) or an existing one.
    Structure(Option<Box<Structure>>),
    Site(Option<Box<Site>>),
    Call(Option<Box<Call>>),
    /// A structure's application to a call (both chosen in the form).
    Attach,
}

impl FormKind {
    pub fn is_new(&self) -> bool {
        match self {
            FormKind::Structure(base) => base.is_none(),
            FormKind::Site(base) => base.is_none(),
            FormKind::Call(base) => base.is_none(),
            FormKind::Attach => false,
        }
    }

    pub fn title(&self, lang: Lang) -> String {
        let edit = |what_fr: &str, what_en: &str, name: &str| match lang {
            Lang::Fr => format!("Modifier {what_fr} «\u{a0}{name}\u{a0}»"),
            Lang::En => format!("Edit {what_en} “{name}”"),
        };
        match self {
            FormKind::Structure(None) => lang.pick("Nouvelle structure", "New structure").into(),
            FormKind::Structure(Some(s)) => edit("la structure", "the structure", &s.name),
            FormKind::Site(None) => lang.pick("Nouveau lieu", "New site").into(),
            FormKind::Site(Some(s)) => edit("le lieu", "the site", &s.name),
            FormKind::Call(None) => lang.pick("Nouvel appel", "New call").into(),
            FormKind::Call(Some(c)) => edit("l’appel", "the call", &c.title),
            FormKind::Attach => lang
                .pick("Candidature à un appel", "Application to a call")
                .into(),
        }
    }

    pub fn fields(&self, cx: Cx<'_>) -> Vec<Field> {
        match self {
            FormKind::Structure(base) => structure::fields(base.as_deref(), cx),
            FormKind::Site(base) => site::fields(base.as_deref(), cx),
            FormKind::Call(base) => call::fields(base.as_deref(), cx),
            FormKind::Attach => Vec::new(),
        }
    }

    pub fn build(&self, fields: &[Field], cx: Cx<'_>) -> Draft {
        match self {
            FormKind::Structure(base) => structure::build(base.as_deref(), fields, cx),
            FormKind::Site(base) => site::build(base.as_deref(), fields, cx),
            FormKind::Call(base) => call::build(base.as_deref(), fields, cx),
            FormKind::Attach => attach::build(fields, cx),
        }
    }

    /// Options that follow another field (the sites of the chosen call).
    pub fn refresh(&self, fields: &mut [Field], cx: Cx<'_>) {
        if let FormKind::Attach = self {
            attach::refresh(fields, cx);
        }
    }

    /// What the status line says once saved.
    pub fn done(&self, draft: &Draft, lang: Lang) -> String {
        let name = &draft.name;
        match (self.is_new(), self, lang) {
            (_, FormKind::Attach, Lang::Fr) => format!("candidature de {name}"),
            (_, FormKind::Attach, Lang::En) => format!("application of {name}"),
            (true, _, Lang::Fr) => format!("«\u{a0}{name}\u{a0}» créé(e)"),
            (true, _, Lang::En) => format!("“{name}” created"),
            (false, _, Lang::Fr) => format!("«\u{a0}{name}\u{a0}» modifié(e)"),
            (false, _, Lang::En) => format!("“{name}” changed"),
        }
    }
}

/// The attach form, on a structure and a call (either may be chosen in the form).
pub fn attach_fields(
    structure: Option<&StructureId>,
    call: Option<&CallId>,
    cx: Cx<'_>,
) -> Vec<Field> {
    attach::fields(structure, call, cx)
}

/// What an item of a list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Lot,
    Episode,
    Grant,
    Support,
}

/// An item as it was before the form, for what its form does not show.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemBase {
    Lot(Box<Lot>),
    Episode(Box<PathwayEpisode>),
}

impl ItemKind {
    pub fn title(self, lang: Lang) -> &'static str {
        let (fr, en): Words = match self {
            ItemKind::Lot => ("Lot", "Lot"),
            ItemKind::Episode => ("Épisode du parcours", "Pathway episode"),
            ItemKind::Grant => ("Subvention du fonds à impact", "Impact-fund grant"),
            ItemKind::Support => ("Accompagnement", "Support"),
        };
        lang.pick(fr, en)
    }

    /// The fields of a new item.
    pub fn blank(self, cx: Cx<'_>) -> Item {
        let fields = match self {
            ItemKind::Lot => lot::fields(None, cx),
            ItemKind::Episode => episode::fields(None, cx),
            ItemKind::Grant => grant::fields(None, cx),
            ItemKind::Support => support::fields(None, cx),
        };
        Item { fields, base: None }
    }

    /// One line saying what the item is (its fields read as the record will hold them).
    pub fn summary(self, item: &Item, cx: Cx<'_>) -> String {
        let mut reader = Reader::new(&item.fields, "");
        match self {
            ItemKind::Lot => lot::summary(
                &lot::read(&mut reader, item.base.as_ref(), "lot".into()),
                cx,
            ),
            ItemKind::Episode => {
                episode::summary(&episode::read(&mut reader, item.base.as_ref(), cx), cx)
            }
            ItemKind::Grant => grant::summary(&grant::read(&mut reader, cx), cx),
            ItemKind::Support => support::summary(&support::read(&mut reader, cx), cx),
        }
    }

    /// Options that follow another field of the item (the lots of the chosen site).
    pub fn refresh(self, fields: &mut [Field], cx: Cx<'_>) {
        if self == ItemKind::Episode {
            episode::refresh(fields, cx);
        }
    }
}

/// `(fr, en)` picked.
pub fn pick(words: Words, lang: Lang) -> &'static str {
    lang.pick(words.0, words.1)
}
