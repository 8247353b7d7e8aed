//! One page of a form: its fields and the one with the keys. Tab and Shift-Tab go from field
//! to field; ↓ and ↑ go from line to line — through the options of a multiple choice and the
//! items of a list before leaving them. The field left forgets its filter.

use crate::domain::Workspace;
use crate::tui::action::{Action, TextKey};
use crate::tui::forms::field::{Field, Handled, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub fields: Vec<Field>,
    pub focus: usize,
}

impl Sheet {
    pub fn new(fields: Vec<Field>) -> Sheet {
        Sheet { fields, focus: 0 }
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn focused_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    /// Moves to field `to` (the field left forgets its filter).
    pub fn go(&mut self, to: usize) -> bool {
        if to == self.focus || to >= self.fields.len() {
            return false;
        }
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.leave();
        }
        self.focus = to;
        // Coming up into a list, the cursor lands on its last item; down, on its first.
        true
    }

    fn step(&mut self, forward: bool) -> bool {
        let count = self.fields.len();
        if count == 0 {
            return false;
        }
        let to = if forward {
            (self.focus + 1).min(count - 1)
        } else {
            self.focus.saturating_sub(1)
        };
        let moved = self.go(to);
        if moved && let Some(field) = self.fields.get_mut(self.focus) {
            match &mut field.value {
                Value::List(list) => {
                    list.cursor = if forward {
                        0
                    } else {
                        list.items.len().saturating_sub(1)
                    };
                }
                Value::Multi(multi) => {
                    multi.cursor = if forward {
                        0
                    } else {
                        multi.shown().len().saturating_sub(1)
                    };
                }
                _ => {}
            }
        }
        moved
    }

    /// A key: first for the focused field, then for moving between fields. Enter on a field
    /// that does nothing with it goes to the next one.
    pub fn key(&mut self, action: Action, workspace: &Workspace) -> Handled {
        let handled = match self.fields.get_mut(self.focus) {
            Some(field) => field.key(action, workspace),
            None => Handled::Ignored,
        };
        if handled != Handled::Ignored {
            return handled;
        }
        let moved = match action {
            Action::Text(TextKey::NextField) | Action::Toggle => self.step(true),
            Action::Text(TextKey::PreviousField) => self.step(false),
            Action::Down => self.step(true),
            Action::Up => self.step(false),
            _ => false,
        };
        if moved {
            Handled::Moved
        } else {
            Handled::Ignored
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture::workspace;
    use crate::tui::forms::choice::Opt;

    #[test]
    fn down_runs_through_a_multiple_choice_before_leaving_it() {
        let ws = workspace();
        let options = vec![Opt::new("a", "A"), Opt::new("b", "B")];
        let mut sheet = Sheet::new(vec![
            Field::text("x", ("X", "X"), ""),
            Field::multi("m", ("M", "M"), options, &[]),
            Field::flag("f", ("F", "F"), false),
        ]);
        let mut down = || {
            sheet.key(Action::Down, &ws);
        };
        down();
        down();
        down();
        assert_eq!(sheet.focus, 2, "x → m(a) → m(b) → f");
        sheet.key(Action::Up, &ws);
        let Value::Multi(multi) = &sheet.fields[1].value else {
            unreachable!()
        };
        assert_eq!(
            (sheet.focus, multi.cursor),
            (1, 1),
            "back up onto the last option"
        );
        sheet.key(Action::Text(TextKey::NextField), &ws);
        assert_eq!(sheet.focus, 2, "Tab skips the options");
        sheet.key(Action::Toggle, &ws);
        assert_eq!(
            sheet.fields[2].value,
            Value::Flag(true),
            "Enter switches a flag"
        );
    }
}
