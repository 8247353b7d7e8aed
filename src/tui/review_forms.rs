//! The forms of the Appel tab: the text forms (motivation, notes, labels, opinion) and the
//! jury-grid form. Enter in a text form sends the change to the session and closes the form
//! only once it is saved; a refusal stays in the form, in the model's words. Each grade of the
//! grid is saved as it is typed.

use crate::review::{Change, Grade};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::review_actions::{ReviewAction, close_form, commit, decide};
use crate::tui::review_state::{Form, OpinionField};

/// Keys of a text form: typing, new lines, the opinion's fields, Enter, Esc.
pub(crate) fn text_form(app: &mut App, action: Action) -> bool {
    let lang = app.lang;
    if action == Action::Back {
        close_form(app);
        app.info(lang.pick(
            "Abandonné\u{a0}: rien n’a été enregistré.",
            "Cancelled: nothing was saved.",
        ));
        return true;
    }
    if action == Action::Review(ReviewAction::Submit) {
        return submit(app);
    }
    let Some(form) = app.review.form.as_mut() else {
        app.modes.pop();
        return true;
    };
    if let Form::Opinion {
        partner,
        favourable,
        field,
        ..
    } = form
    {
        let fields = Form::opinion_fields(*partner);
        let at = fields.iter().position(|f| f == field).unwrap_or(0);
        match action {
            Action::Review(ReviewAction::NextField) => {
                *field = fields[(at + 1) % fields.len()];
                return true;
            }
            Action::Review(ReviewAction::PreviousField) => {
                *field = fields[(at + fields.len() - 1) % fields.len()];
                return true;
            }
            _ => {}
        }
        match (*field, action) {
            (
                OpinionField::Partner,
                Action::Increase | Action::Review(ReviewAction::Input(' ')),
            ) => {
                *partner = (*partner + 1) % Form::PARTNER_CHOICES;
                return true;
            }
            (OpinionField::Partner, Action::Decrease) => {
                let n = Form::PARTNER_CHOICES;
                *partner = (*partner + n - 1) % n;
                return true;
            }
            // A name is one line.
            (OpinionField::Name, Action::Review(ReviewAction::Newline)) => return false,
            (
                OpinionField::Answer,
                Action::Increase | Action::Decrease | Action::Review(ReviewAction::Input(' ')),
            ) => {
                *favourable = !*favourable;
                return true;
            }
            (OpinionField::Partner | OpinionField::Answer, _) => return false,
            (OpinionField::Name | OpinionField::Text, _) => {}
        }
    }
    let text = form.text_mut();
    match action {
        Action::Review(ReviewAction::Input(c)) => text.insert(c),
        Action::Review(ReviewAction::Newline) => text.newline(),
        Action::Review(ReviewAction::Backspace) => return text.backspace(),
        Action::Decrease => return text.left(),
        Action::Increase => return text.right(),
        _ => return false,
    }
    true
}

/// Enter in a text form: the change goes to the session; the form closes only once saved.
fn submit(app: &mut App) -> bool {
    let lang = app.lang;
    let Some(form) = app.review.form.clone() else {
        app.modes.pop();
        return true;
    };
    let outcome = match form {
        Form::Decision {
            status, keys, text, ..
        } => decide(app, status, keys, Some(text.text().to_owned())),
        Form::Annotation { key, text } => {
            let unchanged = app
                .review
                .application(&key)
                .is_some_and(|a| a.annotation == text.text());
            if unchanged {
                close_form(app);
                app.info(lang.pick("Notes inchangées.", "Notes unchanged."));
                return true;
            }
            commit(
                app,
                Change::Annotate {
                    key,
                    text: text.text().trim_end().to_owned(),
                },
                lang.pick("notes de la candidature", "application notes"),
            )
        }
        Form::Labels { key, text, .. } => {
            let labels = text
                .text()
                .split([',', '\n'])
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            commit(
                app,
                Change::SetLabels { key, labels },
                lang.pick("étiquettes de la candidature", "application labels"),
            )
        }
        Form::Opinion {
            key,
            partner,
            name,
            favourable,
            text,
            ..
        } => {
            let partner = Form::partner(partner, name.text());
            let done = format!("{} {}", lang.pick("avis de", "opinion of"), partner.name());
            commit(
                app,
                Change::AddOpinion {
                    key,
                    partner,
                    favourable,
                    text: text.text().to_owned(),
                },
                &done,
            )
        }
    };
    match outcome {
        Ok(()) => close_form(app),
        Err(message) => {
            if let Some(
                Form::Decision { error, .. }
                | Form::Opinion { error, .. }
                | Form::Labels { error, .. },
            ) = app.review.form.as_mut()
            {
                *error = Some(message);
            }
        }
    }
    true
}

/// Keys of the grid form: move between criteria, grade (saved at once), clear, close.
pub(crate) fn grid_form(app: &mut App, action: Action) -> bool {
    let lang = app.lang;
    let criteria: Vec<String> = app
        .review
        .session
        .as_ref()
        .map(|s| {
            s.state()
                .grid
                .criteria
                .iter()
                .map(|c| c.code.clone())
                .collect()
        })
        .unwrap_or_default();
    let count = criteria.len().max(1);
    let grade = match action {
        Action::Down => {
            app.review.grid_cursor = (app.review.grid_cursor + 1) % count;
            return true;
        }
        Action::Up => {
            app.review.grid_cursor = (app.review.grid_cursor + count - 1) % count;
            return true;
        }
        Action::Back => {
            app.modes.pop();
            return true;
        }
        Action::Review(ReviewAction::GradeKey('-')) => Some(Grade::NotApplicable),
        Action::Review(ReviewAction::GradeKey(c)) => match c.to_digit(10) {
            Some(points) => Some(Grade::Points(u8::try_from(points).unwrap_or(u8::MAX))),
            None => return false,
        },
        Action::Review(ReviewAction::Backspace) => None,
        _ => return false,
    };
    let (Some(key), Some(criterion)) = (
        app.call_row().map(|r| r.key.clone()),
        criteria.get(app.review.grid_cursor).cloned(),
    ) else {
        return false;
    };
    let done = format!("{} {criterion}", lang.pick("note", "grade"));
    let change = Change::Grade {
        key,
        criterion,
        grade,
    };
    if commit(app, change, &done).is_ok() && grade.is_some() {
        // On to the next criterion, so a whole grid is typed in one go.
        app.review.grid_cursor = (app.review.grid_cursor + 1).min(count - 1);
    }
    true
}
