//! One field of a form: what it is called, where validation names it, and its value as the
//! officer edits it — text with a caret, one choice, several choices, yes / no, or a list of
//! sub-records (lots, episodes…) each edited in a form of its own. Keys change the value here;
//! turning values into a record is `read`'s job.

use crate::domain::Workspace;
use crate::tui::action::{Action, TextKey};
use crate::tui::forms::choice::{Alias, Choice, Multi, Opt};
use crate::tui::forms::kinds::ItemKind;
use crate::tui::shared::text_input::TextInput;

/// A label or a sentence in both languages.
pub type Words = (&'static str, &'static str);

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Path inside the record (`needs.surface_min`, `lots`) as `ancrage check` names it.
    pub id: &'static str,
    /// Other paths whose problems belong here (a range field holds the minimum and maximum).
    pub also: &'static [&'static str],
    pub label: Words,
    /// A heading drawn above the field: a new part of the form.
    pub section: Option<Words>,
    /// How the value is typed (`24 mois, 2 ans`), shown while the field is empty.
    pub hint: Option<Words>,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(TextInput),
    Choice(Choice),
    Multi(Multi),
    Flag(bool),
    List(ItemList),
}

/// Sub-records of a record: their fields, and the one under the cursor.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemList {
    pub kind: ItemKind,
    pub items: Vec<Item>,
    pub cursor: usize,
}

/// One sub-record in a list: its fields, and what it was before the form (what the form does
/// not show is kept from it: a lot's id, an episode's fee).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub fields: Vec<Field>,
    pub base: Option<ItemBase>,
}

pub use crate::tui::forms::kinds::ItemBase;

/// What a key did to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// The value changed: the draft is built and checked again.
    Changed,
    /// Only a cursor moved.
    Moved,
    /// Not for this field (moving to another field, saving…).
    Ignored,
}

impl Handled {
    fn from(changed: bool) -> Handled {
        if changed {
            Handled::Changed
        } else {
            Handled::Ignored
        }
    }

    fn moved(moved: bool) -> Handled {
        if moved {
            Handled::Moved
        } else {
            Handled::Ignored
        }
    }
}

impl Field {
    fn new(id: &'static str, label: Words, value: Value) -> Field {
        Field {
            id,
            also: &[],
            label,
            section: None,
            hint: None,
            value,
        }
    }

    pub fn text(id: &'static str, label: Words, text: &str) -> Field {
        Field::new(id, label, Value::Text(TextInput::with_text(text)))
    }

    pub fn choice(id: &'static str, label: Words, options: Vec<Opt>, key: Option<&str>) -> Field {
        Field::new(id, label, Value::Choice(Choice::new(options, key)))
    }

    pub fn multi(id: &'static str, label: Words, options: Vec<Opt>, keys: &[String]) -> Field {
        Field::new(id, label, Value::Multi(Multi::new(options, keys)))
    }

    pub fn flag(id: &'static str, label: Words, on: bool) -> Field {
        Field::new(id, label, Value::Flag(on))
    }

    pub fn list(id: &'static str, label: Words, kind: ItemKind, items: Vec<Item>) -> Field {
        Field::new(
            id,
            label,
            Value::List(ItemList {
                kind,
                items,
                cursor: 0,
            }),
        )
    }

    pub fn section(mut self, title: Words) -> Field {
        self.section = Some(title);
        self
    }

    pub fn hint(mut self, hint: Words) -> Field {
        self.hint = Some(hint);
        self
    }

    pub fn also(mut self, paths: &'static [&'static str]) -> Field {
        self.also = paths;
        self
    }

    /// A choice that also understands what the import's parser understands.
    pub fn alias(mut self, alias: Alias) -> Field {
        if let Value::Choice(choice) = &mut self.value {
            choice.alias = Some(alias);
        }
        self
    }

    /// The paths whose problems show on this field.
    pub fn paths(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.id).chain(self.also.iter().copied())
    }

    /// The text of a text field (empty for others).
    pub fn text_value(&self) -> &str {
        match &self.value {
            Value::Text(input) => input.text(),
            _ => "",
        }
    }

    /// The field is left: a filter typed into a choice goes.
    pub fn leave(&mut self) {
        match &mut self.value {
            Value::Choice(choice) => choice.query.clear(),
            Value::Multi(multi) => {
                multi.query.clear();
                multi.cursor = 0;
            }
            _ => {}
        }
    }

    /// Applies a key meant for the field itself.
    pub fn key(&mut self, action: Action, workspace: &Workspace) -> Handled {
        match &mut self.value {
            Value::Text(input) => text_key(input, action),
            Value::Choice(choice) => choice_key(choice, action, workspace),
            Value::Multi(multi) => multi_key(multi, action),
            Value::Flag(on) => flag_key(on, action),
            Value::List(list) => list_key(list, action),
        }
    }
}

fn text_key(input: &mut TextInput, action: Action) -> Handled {
    match action {
        Action::Text(TextKey::Input(c)) => {
            input.insert(c);
            Handled::Changed
        }
        Action::Text(TextKey::Backspace) => Handled::from(input.backspace()),
        Action::Text(TextKey::Clear) => {
            let changed = !input.text().is_empty();
            *input = TextInput::default();
            Handled::from(changed)
        }
        Action::Decrease => Handled::moved(input.left()),
        Action::Increase => Handled::moved(input.right()),
        Action::Top => {
            let moved = input.left();
            while input.left() {}
            Handled::moved(moved)
        }
        Action::Bottom => {
            let moved = input.right();
            while input.right() {}
            Handled::moved(moved)
        }
        _ => Handled::Ignored,
    }
}

fn choice_key(choice: &mut Choice, action: Action, workspace: &Workspace) -> Handled {
    let before = choice.selected;
    match action {
        Action::Text(TextKey::Input(c)) => {
            choice.query.push(c);
            choice.refilter(workspace);
        }
        Action::Text(TextKey::Backspace) => {
            if choice.query.pop().is_none() {
                return Handled::Ignored;
            }
            choice.refilter(workspace);
            // The filter changed even when the choice did not: redraw.
            if choice.selected == before {
                return Handled::Moved;
            }
        }
        Action::Text(TextKey::Clear) => {
            choice.query.clear();
            choice.selected = None;
        }
        Action::Increase => {
            choice.step(true);
        }
        Action::Decrease => {
            choice.step(false);
        }
        _ => return Handled::Ignored,
    }
    if choice.selected == before {
        Handled::Moved
    } else {
        Handled::Changed
    }
}

fn multi_key(multi: &mut Multi, action: Action) -> Handled {
    match action {
        Action::Text(TextKey::Input(' ')) if multi.query.is_empty() => {
            Handled::from(multi.toggle())
        }
        Action::Toggle => Handled::from(multi.toggle()),
        Action::Text(TextKey::Input(c)) => {
            multi.query.push(c);
            multi.cursor = 0;
            Handled::Moved
        }
        Action::Text(TextKey::Backspace) => {
            multi.cursor = 0;
            Handled::moved(multi.query.pop().is_some())
        }
        Action::Text(TextKey::Clear) => {
            multi.query.clear();
            Handled::from(multi.clear())
        }
        Action::Down | Action::Increase => Handled::moved(multi.step(true)),
        Action::Up | Action::Decrease => Handled::moved(multi.step(false)),
        _ => Handled::Ignored,
    }
}

fn flag_key(on: &mut bool, action: Action) -> Handled {
    let next = match action {
        Action::Toggle
        | Action::Increase
        | Action::Decrease
        | Action::Text(TextKey::Input(' ')) => !*on,
        Action::Text(TextKey::Input(c)) => match c.to_ascii_lowercase() {
            'o' | 'y' => true,
            'n' => false,
            _ => return Handled::Ignored,
        },
        _ => return Handled::Ignored,
    };
    let changed = next != *on;
    *on = next;
    if changed {
        Handled::Changed
    } else {
        Handled::Moved
    }
}

fn list_key(list: &mut ItemList, action: Action) -> Handled {
    match action {
        Action::Down if list.cursor + 1 < list.items.len() => {
            list.cursor += 1;
            Handled::Moved
        }
        Action::Up if list.cursor > 0 => {
            list.cursor -= 1;
            Handled::Moved
        }
        Action::Record(crate::tui::action::RecordAction::Delete) if !list.items.is_empty() => {
            list.items.remove(list.cursor);
            list.cursor = list.cursor.min(list.items.len().saturating_sub(1));
            Handled::Changed
        }
        _ => Handled::Ignored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture::workspace;

    fn typed(field: &mut Field, text: &str) {
        let ws = workspace();
        for c in text.chars() {
            field.key(Action::Text(TextKey::Input(c)), &ws);
        }
    }

    #[test]
    fn text_is_typed_at_the_caret() {
        let ws = workspace();
        let mut field = Field::text("name", ("Nom", "Name"), "Atelier");
        field.key(Action::Top, &ws);
        typed(&mut field, "L’");
        assert_eq!(field.text_value(), "L’Atelier");
        assert_eq!(
            field.key(Action::Text(TextKey::Clear), &ws),
            Handled::Changed
        );
        assert_eq!(field.text_value(), "");
    }

    #[test]
    fn a_flag_answers_to_space_oui_and_non() {
        let ws = workspace();
        let mut field = Field::flag("esus", ("ESUS", "ESUS"), false);
        typed(&mut field, "o");
        assert_eq!(field.value, Value::Flag(true));
        assert_eq!(
            field.key(Action::Text(TextKey::Input(' ')), &ws),
            Handled::Changed
        );
        assert_eq!(field.value, Value::Flag(false));
        assert_eq!(
            field.key(Action::Text(TextKey::Input('x')), &ws),
            Handled::Ignored
        );
    }

    #[test]
    fn leaving_a_choice_forgets_its_filter() {
        let options = vec![Opt::new("a", "Alpha"), Opt::new("b", "Bêta")];
        let mut field = Field::choice("k", ("K", "K"), options, None);
        typed(&mut field, "beta");
        let Value::Choice(choice) = &field.value else {
            unreachable!()
        };
        assert_eq!(choice.key(), Some("b"));
        field.leave();
        let Value::Choice(choice) = &field.value else {
            unreachable!()
        };
        assert!(choice.query.is_empty());
        assert_eq!(choice.key(), Some("b"));
    }
}
