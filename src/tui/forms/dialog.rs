//! The form dialog: a record's form, and over it, while one is edited, the form of an item of
//! one of its lists (a lot, an episode…). Every change rebuilds the draft record, runs the
//! rules of `ancrage check` on the workspace with it in place, and shows each problem next to
//! its field (once the officer has typed there, or after a first attempt to save). Ctrl-s saves
//! the record as one journaled, undoable change — refused while a problem stands, saying where;
//! in an item's form it keeps the item in the record. Esc gives up (asking first when
//! something changed).

use crate::edit::{Edit, EditKind, Record, RecordKey, Step};
use crate::i18n::Lang;
use crate::session::Operation;
use crate::tui::action::{Action, RecordAction, TextKey};
use crate::tui::component::{Dialog, DialogKind, Effect, Outcome, ScreenEvent};
use crate::tui::context::Context;
use crate::tui::dialogs::confirm::Confirm;
use crate::tui::forms::field::{Field, Handled, Item, Value};
use crate::tui::forms::issues::{Checker, Issue, Place, place};
use crate::tui::forms::kinds::{Cx, Draft, FormKind, ItemKind, pick};
use crate::tui::forms::sheet::Sheet;
use crate::tui::forms::view;
use crate::tui::keymap::Scope;
use crate::tui::tab::Tab;
use crate::tui::ui_state::{UiState, Viewport};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::collections::BTreeSet;

/// One page of the dialog: the record's form, or the form of an item of one of its lists.
pub struct Level {
    pub sheet: Sheet,
    /// For an item: the list field of the page below, and the item (none: a new one).
    pub at: Option<(usize, Option<usize>)>,
    pub item: Option<ItemKind>,
    /// What was before this page opened (an item keeps it).
    pub base: Option<crate::tui::forms::field::ItemBase>,
    /// Every problem shows, not only those of the fields typed into (a save was tried).
    pub show_all: bool,
}

pub struct FormDialog {
    kind: FormKind,
    levels: Vec<Level>,
    checker: Checker,
    draft: Draft,
    issues: Vec<Issue>,
    /// Paths of the fields the officer changed: their problems show while typing.
    touched: BTreeSet<String>,
    /// Why the last save was refused (by the form or the session), until the next change.
    refusal: Option<String>,
    dirty: bool,
}

fn cx(ctx: &Context) -> Cx<'_> {
    Cx {
        workspace: &ctx.workspace,
        lang: ctx.lang,
        today: ctx.today,
    }
}

impl FormDialog {
    /// The form of `kind` on the cockpit's workspace.
    pub fn new(kind: FormKind, ctx: &Context) -> FormDialog {
        let fields = kind.fields(cx(ctx));
        FormDialog::with_fields(kind, fields, ctx)
    }

    /// A form with the fields given (the attach form, on a structure and a call).
    pub fn with_fields(kind: FormKind, fields: Vec<Field>, ctx: &Context) -> FormDialog {
        let show_all = !kind.is_new() && kind != FormKind::Attach;
        let mut dialog = FormDialog {
            checker: Checker::new(&ctx.workspace),
            draft: Draft {
                records: Vec::new(),
                prefix: String::new(),
                issues: Vec::new(),
                name: String::new(),
            },
            levels: vec![Level {
                sheet: Sheet::new(fields),
                at: None,
                item: None,
                base: None,
                show_all,
            }],
            kind,
            issues: Vec::new(),
            touched: BTreeSet::new(),
            refusal: None,
            dirty: false,
        };
        dialog
            .kind
            .refresh(&mut dialog.levels[0].sheet.fields, cx(ctx));
        dialog.rebuild(ctx);
        dialog
    }

    pub fn kind_of(&self) -> &FormKind {
        &self.kind
    }

    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    pub fn refusal(&self) -> Option<&str> {
        self.refusal.as_deref()
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The title of the page on top.
    pub fn title(&self, lang: Lang) -> String {
        let record = self.kind.title(lang);
        match self.levels.last().and_then(|l| l.item.zip(l.at)) {
            Some((item, (_, index))) => {
                let which = index.map_or_else(
                    || lang.pick("(nouveau)", "(new)").to_owned(),
                    |i| format!("n°\u{a0}{}", i + 1),
                );
                format!("{record} — {} {which}", item.title(lang))
            }
            None => record,
        }
    }

    /// The path prefix of the fields of page `level` (`structure`, `structure.pathway[2]`).
    pub fn prefix(&self, level: usize) -> String {
        let mut prefix = self.draft.prefix.clone();
        for l in 1..=level {
            let Some((field, index)) = self.levels[l].at else {
                continue;
            };
            let below = &self.levels[l - 1].sheet.fields[field];
            let index = index.unwrap_or(match &below.value {
                Value::List(list) => list.items.len(),
                _ => 0,
            });
            prefix = format!("{prefix}.{}[{index}]", below.id);
        }
        prefix
    }

    /// The record's fields with the items being edited put in their lists.
    fn composed(&self) -> Vec<Field> {
        let mut upper: Option<Item> = None;
        let mut fields = Vec::new();
        for (l, level) in self.levels.iter().enumerate().rev() {
            let mut these = level.sheet.fields.clone();
            if let (Some(item), Some((field, index))) =
                (upper.take(), self.levels.get(l + 1).and_then(|u| u.at))
                && let Some(Value::List(list)) = these.get_mut(field).map(|f| &mut f.value)
            {
                match index {
                    Some(i) if i < list.items.len() => list.items[i] = item,
                    _ => list.items.push(item),
                }
            }
            if l > 0 {
                upper = Some(Item {
                    fields: these,
                    base: level.base.clone(),
                });
            } else {
                fields = these;
            }
        }
        fields
    }

    /// Builds the draft again and checks it.
    fn rebuild(&mut self, ctx: &Context) {
        let lang = ctx.lang;
        self.draft = self.kind.build(&self.composed(), cx(ctx));
        let mut issues: Vec<Issue> = self
            .draft
            .issues
            .iter()
            .map(|i| Issue::from_parse(i, lang))
            .collect();
        if !self.draft.records.is_empty() {
            for (problem, own) in self.checker.check(&self.draft.records) {
                issues.push(Issue::from_problem(&problem, own, lang));
            }
        }
        self.issues = issues;
    }

    /// True when the problem at `path` shows now on page `level`.
    pub fn visible(&self, level: usize, path: &str) -> bool {
        // A new item's form, even in an existing record's, waits for typing or a save.
        if self.levels[level].show_all {
            return true;
        }
        let related = |a: &str, b: &str| {
            a.strip_prefix(b)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        };
        self.touched
            .iter()
            .any(|t| related(path, t) || related(t, path))
    }

    /// The problems of page `level` that show, with where.
    pub fn placed(&self, level: usize) -> Vec<(Place, &Issue)> {
        let prefix = self.prefix(level);
        let fields = &self.levels[level].sheet.fields;
        let mut placed: Vec<(Place, &Issue)> = self
            .issues
            .iter()
            .filter(|i| self.visible(level, &i.path))
            .filter_map(|i| match place(&i.path, &prefix, fields) {
                Some(at) => Some((at, i)),
                // Another file's problem, or not under this page: the record's page says it.
                None if level == 0 => Some((Place::General, i)),
                None => None,
            })
            .collect();
        // A value that did not parse hides the rules' judgement of its stand-in.
        let parsed: Vec<Place> = placed
            .iter()
            .filter(|(_, i)| i.parse)
            .map(|(p, _)| *p)
            .collect();
        placed.retain(|(p, i)| i.parse || !parsed.contains(p) || *p == Place::General);
        placed
    }

    /// Every problem standing on page `level` (shown or not yet).
    fn standing(&self, level: usize) -> Vec<(Place, &Issue)> {
        let prefix = self.prefix(level);
        let fields = &self.levels[level].sheet.fields;
        self.issues
            .iter()
            .filter_map(|i| match place(&i.path, &prefix, fields) {
                Some(at) => Some((at, i)),
                None if level == 0 => Some((Place::General, i)),
                None => None,
            })
            .collect()
    }

    fn touch(&mut self, level: usize) {
        let prefix = self.prefix(level);
        let Some(field) = self.levels[level].sheet.focused() else {
            return;
        };
        let paths: Vec<String> = field.paths().map(|p| format!("{prefix}.{p}")).collect();
        self.touched.extend(paths);
    }

    fn changed(&mut self, ctx: &Context) {
        let top = self.levels.len() - 1;
        self.touch(top);
        self.dirty = true;
        self.refusal = None;
        let cx = cx(ctx);
        let level = &mut self.levels[top];
        match level.item {
            Some(item) => item.refresh(&mut level.sheet.fields, cx),
            None => self.kind.refresh(&mut level.sheet.fields, cx),
        }
        self.rebuild(ctx);
    }

    /// Opens the form of item `index` of the focused list (none: a new item).
    fn open_item(&mut self, ctx: &Context, index: Option<usize>) -> Outcome {
        let top = self.levels.len() - 1;
        let sheet = &self.levels[top].sheet;
        let Some(Field {
            value: Value::List(list),
            ..
        }) = sheet.focused()
        else {
            return Outcome::info(ctx.lang.pick(
                "Ctrl-n ajoute un élément dans une liste (lots, épisodes, subventions, accompagnements).",
                "Ctrl-n adds an item to a list (lots, episodes, grants, support).",
            ));
        };
        let kind = list.kind;
        let item = match index {
            Some(i) => match list.items.get(i) {
                Some(item) => item.clone(),
                None => return self.open_item(ctx, None),
            },
            None => kind.blank(cx(ctx)),
        };
        let mut fields = item.fields;
        kind.refresh(&mut fields, cx(ctx));
        let focus = sheet.focus;
        self.levels.push(Level {
            sheet: Sheet::new(fields),
            at: Some((focus, index)),
            item: Some(kind),
            base: item.base,
            show_all: index.is_some(),
        });
        self.rebuild(ctx);
        Outcome::changed()
    }

    /// Ctrl-s on an item: kept in its list, unless a problem stands on it.
    fn keep_item(&mut self, ctx: &Context) -> Outcome {
        let top = self.levels.len() - 1;
        if let Some(outcome) = self.refuse(ctx, top) {
            return outcome;
        }
        let Some(level) = self.levels.pop() else {
            return Outcome::none();
        };
        let Some((field, index)) = level.at else {
            return Outcome::none();
        };
        let below = self.levels.len() - 1;
        let item = Item {
            fields: level.sheet.fields,
            base: level.base,
        };
        if let Some(Value::List(list)) = self.levels[below]
            .sheet
            .fields
            .get_mut(field)
            .map(|f| &mut f.value)
        {
            match index {
                Some(i) if i < list.items.len() => {
                    list.items[i] = item;
                    list.cursor = i;
                }
                _ => {
                    list.items.push(item);
                    list.cursor = list.items.len() - 1;
                }
            }
        }
        self.levels[below].sheet.focus = field;
        self.touch(below);
        self.dirty = true;
        self.refusal = None;
        self.rebuild(ctx);
        Outcome::changed()
    }

    /// The refusal of a save while problems stand on page `level`: every problem shows, the
    /// first field with one takes the keys, and the top of the page says how many and where.
    fn refuse(&mut self, ctx: &Context, level: usize) -> Option<Outcome> {
        let lang = ctx.lang;
        let mut standing: Vec<(Place, String)> = self
            .standing(level)
            .into_iter()
            .map(|(p, i)| (p, i.text.clone()))
            .collect();
        // Said and focused in the order of the form: the first field from the top.
        standing.sort_by_key(|(p, _)| match p {
            Place::Field { field, .. } => *field,
            Place::General => usize::MAX,
        });
        if standing.is_empty() {
            return None;
        }
        self.levels[level].show_all = true;
        let fields = &self.levels[level].sheet.fields;
        let first_field = standing.iter().find_map(|(p, _)| match p {
            Place::Field { field, .. } => Some(*field),
            Place::General => None,
        });
        let (where_, text) = match standing
            .iter()
            .find(|(p, _)| matches!(p, Place::Field { .. }))
        {
            Some((Place::Field { field, .. }, text)) => {
                (pick(fields[*field].label, lang).to_owned(), text.clone())
            }
            _ => (String::new(), standing[0].1.clone()),
        };
        let count = standing.len();
        let head = match lang {
            Lang::Fr => format!(
                "Enregistrement refusé\u{a0}: {count} problème{} à corriger",
                if count > 1 { "s" } else { "" }
            ),
            Lang::En => format!(
                "Not saved: {count} problem{} to fix",
                if count > 1 { "s" } else { "" }
            ),
        };
        let sep = lang.pick("\u{a0}: ", ": ");
        self.refusal = Some(if where_.is_empty() {
            format!("{head} — {text}")
        } else {
            format!("{head} — {where_}{sep}{text}")
        });
        if let Some(field) = first_field {
            self.levels[level].sheet.go(field);
        }
        Some(Outcome::changed())
    }

    /// Ctrl-s on the record: one journaled change, the form closing once it is saved.
    fn save(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        if let Some(outcome) = self.refuse(ctx, 0) {
            return outcome;
        }
        if !self.dirty && !self.kind.is_new() {
            return Outcome::effects(vec![
                Effect::Close,
                Effect::Info(lang.pick("Rien n’a changé.", "Nothing changed.").to_owned()),
            ]);
        }
        let done = self.kind.done(&self.draft, lang);
        let edit = Edit::new(
            EditKind::Input,
            done.clone(),
            self.draft.records.iter().cloned().map(Step::Put).collect(),
        );
        Outcome::effect(Effect::Apply {
            operation: Operation::edit(edit),
            done,
            then: self.after_save(),
        })
    }

    /// Once saved the form closes; a record just created is shown where the officer finds it
    /// (a site on Lieux, a structure on Structures, the cursor on it; a call on Appel).
    fn after_save(&self) -> Vec<Effect> {
        let mut then = vec![Effect::Close];
        let created = self
            .kind
            .is_new()
            .then(|| self.draft.records.first().map(Record::key))
            .flatten();
        match created {
            Some(key @ RecordKey::Site(_)) => then.extend([
                Effect::SwitchTab(Tab::Sites),
                Effect::Screen(Tab::Sites, ScreenEvent::Show(key)),
            ]),
            Some(key @ RecordKey::Structure(_)) => then.extend([
                Effect::SwitchTab(Tab::Structures),
                Effect::Screen(Tab::Structures, ScreenEvent::Show(key)),
            ]),
            Some(RecordKey::Call(id)) => {
                then.push(Effect::InCall(id, vec![Effect::SwitchTab(Tab::Call)]));
            }
            Some(RecordKey::Territory) | None => {}
        }
        then
    }

    fn cancel(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        if self.levels.len() > 1 {
            self.levels.pop();
            self.rebuild(ctx);
            return Outcome::changed();
        }
        let gone = Effect::Info(
            lang.pick(
                "Abandonné\u{a0}: rien n’a été enregistré.",
                "Cancelled: nothing was saved.",
            )
            .to_owned(),
        );
        if !self.dirty {
            return Outcome::effects(vec![Effect::Close, gone]);
        }
        let question = lang.pick(
            "Abandonner cette fiche\u{a0}? Ce qui y a été saisi sera perdu.",
            "Give up this form? What was typed in it will be lost.",
        );
        Outcome::effect(Effect::Open(Box::new(Confirm::new(
            question,
            vec![Effect::Close, gone],
        ))))
    }
}

impl Dialog for FormDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Form
    }

    fn scope(&self) -> Scope {
        Scope::Form
    }

    fn update(&mut self, ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        let top = self.levels.len() - 1;
        let on_list = matches!(
            self.levels[top].sheet.focused().map(|f| &f.value),
            Some(Value::List(_))
        );
        match action {
            Action::Back => return self.cancel(ctx),
            Action::Text(TextKey::Submit) if top > 0 => return self.keep_item(ctx),
            Action::Text(TextKey::Submit) => return self.save(ctx),
            Action::Record(RecordAction::New) => return self.open_item(ctx, None),
            Action::Toggle if on_list => {
                let cursor = match self.levels[top].sheet.focused().map(|f| &f.value) {
                    Some(Value::List(list)) if !list.items.is_empty() => Some(list.cursor),
                    _ => None,
                };
                return self.open_item(ctx, cursor);
            }
            _ => {}
        }
        match self.levels[top].sheet.key(action, &ctx.workspace) {
            Handled::Changed => {
                self.changed(ctx);
                Outcome::changed()
            }
            Handled::Moved => Outcome::changed(),
            Handled::Ignored => Outcome::none(),
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        view::render(self, ctx, frame, area);
    }

    fn refused(&mut self, message: &str) -> bool {
        self.refusal = Some(message.to_owned());
        true
    }
}
