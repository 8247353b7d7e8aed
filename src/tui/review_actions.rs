//! The review keys of the Appel tab and of its forms: decide, annotate, record an opinion,
//! grade, select several, undo and redo (forms: `review_forms`; call and filter: `call_choice`).
//!
//! Every confirmed change goes through `ReviewSession::apply` (or `undo` / `redo`): the journal
//! is fsynced and the state saved before the screen shows the change. A refused change (rules,
//! read-only, disk) leaves everything as it was and says why in the status line, in French.

use crate::review::{AppKey, Applied, Change, Status};
use crate::session::SessionError;
use crate::tui::action::Action;
use crate::tui::app::{App, Message};
use crate::tui::call_choice::{self, calls_by_id};
use crate::tui::keymap::{Context, Key, KeyCode};
use crate::tui::mode::Mode;
use crate::tui::review_forms;
use crate::tui::review_state::{Form, OpinionField};
use crate::tui::text::Msg;
use crate::tui::text_input::TextInput;
use crate::tui::update::open_card;
use crate::tui::view::review_detail;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    /// `i` `p` `a` `r` `x`: a decision on the selection, else on the row.
    Decide(Status),
    Annotate,
    Label,
    Opinion,
    /// Opens the jury-grid form.
    Grade,
    ToggleSelect,
    Undo,
    Redo,
    ToggleGrouping,
    PickCall,
    /// Read-only: read the other instance's decisions again (and take over if it has left).
    Reload,
    DetailDown,
    DetailUp,
    /// A character typed into a text form (not bindable: text input).
    Input(char),
    Newline,
    Backspace,
    Submit,
    NextField,
    PreviousField,
    /// A grade key of the grid form (`0`–`4`, `-`): the pressed key is carried in.
    GradeKey(char),
}

impl ReviewAction {
    /// The action of a binding, with the pressed key carried in where it matters (one grid
    /// binding serves the keys 0 to 4 and -).
    pub fn carry_key(action: Action, key: Key) -> Action {
        match (action, key.code) {
            (Action::Review(ReviewAction::GradeKey(_)), KeyCode::Char(c)) => {
                Action::Review(ReviewAction::GradeKey(c))
            }
            _ => action,
        }
    }

    /// Rank in the key bar: decisions stay longest, then notes and opinions.
    pub fn drop_rank(self) -> u8 {
        match self {
            ReviewAction::Submit | ReviewAction::GradeKey(_) => 0,
            ReviewAction::Decide(Status::EnInstruction) => 2,
            ReviewAction::Decide(_) | ReviewAction::Newline => 1,
            ReviewAction::Annotate
            | ReviewAction::Label
            | ReviewAction::Opinion
            | ReviewAction::Grade => 3,
            ReviewAction::Undo | ReviewAction::NextField => 4,
            _ => 5,
        }
    }
}

/// The forms and popups of the Appel tab; their data is in `App::review`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewMode {
    Decision,
    Annotation,
    Labels,
    Opinion,
    Grid,
    CallPicker,
    CallFilter,
}

impl ReviewMode {
    pub fn context(self) -> Context {
        match self {
            ReviewMode::Decision
            | ReviewMode::Annotation
            | ReviewMode::Labels
            | ReviewMode::Opinion => Context::ReviewText,
            ReviewMode::Grid => Context::Grid,
            ReviewMode::CallPicker => Context::Picker,
            // The filter popup's keys, as on the other tabs.
            ReviewMode::CallFilter => Context::Filter,
        }
    }
}

/// Keys of the Appel tab's list. None when the key is not a review key: the list keys apply.
pub fn on_call_tab(app: &mut App, action: Action) -> Option<bool> {
    match action {
        Action::Review(review) => Some(call_key(app, review)),
        Action::OpenFilter => {
            app.review.filter_field = 0;
            Some(push(app, ReviewMode::CallFilter))
        }
        Action::Open => {
            let pair = app.call_row().map(|r| (r.structure, r.site));
            Some(open_card(app, pair))
        }
        Action::Back if !app.review.selection.is_empty() => {
            app.review.selection.clear();
            app.info(app.lang.pick("Sélection vidée.", "Selection cleared."));
            Some(true)
        }
        _ => None,
    }
}

pub(crate) fn push(app: &mut App, mode: ReviewMode) -> bool {
    app.modes.push(Mode::Review(mode));
    true
}

pub(crate) fn close_form(app: &mut App) {
    app.review.form = None;
    app.modes.pop();
}

pub(crate) fn error(app: &mut App, text: String) -> bool {
    app.message = Some(Message::Error(text));
    true
}

/// Refuses a change before any form opens when the session cannot write; none when it can.
pub(crate) fn cannot_write(app: &App) -> Option<String> {
    let lang = app.lang;
    match &app.review.session {
        None => Some(app.review.problem.clone().unwrap_or_else(|| {
            lang.pick(
                "Aucun appel à revoir dans cet espace de travail.",
                "No call to review in this workspace.",
            )
            .to_owned()
        })),
        Some(session) if session.is_read_only() => Some(
            SessionError::ReadOnly {
                holder: session.read_only_reason().unwrap_or_default().to_owned(),
            }
            .message(lang),
        ),
        Some(_) => None,
    }
}

/// Like `cannot_write`, but a read-only session first checks whether the other instance has
/// left: then it takes the lock, reads the other's decisions and the key goes ahead.
fn ensure_writable(app: &mut App) -> Option<String> {
    let lang = app.lang;
    let Some(session) = app.review.session.as_mut().filter(|s| s.is_read_only()) else {
        return cannot_write(app);
    };
    let refreshed = session.refresh(&app.workspace);
    // Whatever the answer, the other instance's latest decisions are now on screen.
    app.refresh_call_rows();
    match refreshed {
        Ok(true) => {
            app.info(lang.pick(
                "L’autre instance est fermée\u{a0}: cette fenêtre enregistre à nouveau.",
                "The other instance has closed: this window saves again.",
            ));
            None
        }
        Ok(false) => cannot_write(app),
        Err(e) => Some(e.message(lang)),
    }
}

/// The applications a decision is about: the selection, else the row under the cursor.
fn targets(app: &App) -> Vec<AppKey> {
    if app.review.selection.is_empty() {
        app.call_row().map(|r| r.key.clone()).into_iter().collect()
    } else {
        app.review.selection.iter().cloned().collect()
    }
}

fn call_key(app: &mut App, action: ReviewAction) -> bool {
    let lang = app.lang;
    match action {
        ReviewAction::ToggleSelect => toggle_select(app),
        ReviewAction::ToggleGrouping => {
            app.review.filter.grouping = app.review.filter.grouping.toggled();
            app.refresh_call_rows();
            true
        }
        ReviewAction::PickCall => {
            if app.workspace.calls.is_empty() {
                app.info(Msg::NoCall.get(lang));
                return true;
            }
            app.review.picker_cursor = calls_by_id(&app.workspace)
                .iter()
                .position(|&i| Some(i) == app.current_call)
                .unwrap_or(0);
            push(app, ReviewMode::CallPicker)
        }
        ReviewAction::Reload => {
            let read_only = app
                .review
                .session
                .as_ref()
                .is_some_and(|s| s.is_read_only());
            if !read_only {
                app.info(lang.pick(
                    "Cette fenêtre enregistre elle-même\u{a0}: rien à relire.",
                    "This window saves itself: nothing to reload.",
                ));
                return true;
            }
            if let Some(refusal) = ensure_writable(app) {
                // Still read-only: the other instance's decisions are on screen now.
                app.info(format!(
                    "{} ({refusal})",
                    lang.pick("Décisions relues", "Decisions reloaded")
                ));
            }
            true
        }
        ReviewAction::DetailDown | ReviewAction::DetailUp => {
            let key = app.call_row().map(|r| r.key.clone());
            let (owner, scroll) = &mut app.review.detail_scroll;
            if *owner != key {
                *owner = key;
                *scroll = 0;
            }
            *scroll = if action == ReviewAction::DetailDown {
                scroll.saturating_add(1)
            } else {
                scroll.saturating_sub(1)
            };
            // No further than the last line of the detail (wrapping aside).
            let last = app.call_row().map_or(0, |row| {
                review_detail::lines(app, row).len().saturating_sub(1)
            });
            let scroll = &mut app.review.detail_scroll.1;
            *scroll = (*scroll).min(last);
            true
        }
        _ => {
            if let Some(refusal) = ensure_writable(app) {
                return error(app, refusal);
            }
            edit_key(app, action)
        }
    }
}

/// Review keys that change something (the session is writable here).
fn edit_key(app: &mut App, action: ReviewAction) -> bool {
    let lang = app.lang;
    match action {
        ReviewAction::Undo | ReviewAction::Redo => {
            let Some(session) = app.review.session.as_mut() else {
                return false;
            };
            let result = if action == ReviewAction::Undo {
                session.undo()
            } else {
                session.redo()
            };
            match result {
                Ok(_) => {
                    let done = if action == ReviewAction::Undo {
                        lang.pick(
                            "Modification annulée (et enregistrée).",
                            "Change undone (and saved).",
                        )
                    } else {
                        lang.pick(
                            "Modification rétablie (et enregistrée).",
                            "Change redone (and saved).",
                        )
                    };
                    after_commit(app, done.to_owned());
                }
                Err(e) => {
                    error(app, e.message(lang));
                }
            }
            true
        }
        ReviewAction::Decide(status) => {
            let keys = targets(app);
            if keys.is_empty() {
                app.info(Msg::NothingSelected.get(lang));
                return true;
            }
            if status.requires_motivation() {
                app.review.form = Some(Form::Decision {
                    status,
                    keys,
                    text: TextInput::default(),
                    error: None,
                });
                return push(app, ReviewMode::Decision);
            }
            // A refusal is already in the status line.
            let _ = decide(app, status, keys, None);
            true
        }
        ReviewAction::Annotate
        | ReviewAction::Label
        | ReviewAction::Opinion
        | ReviewAction::Grade => {
            let Some(key) = app.call_row().map(|r| r.key.clone()) else {
                app.info(Msg::NothingSelected.get(lang));
                return true;
            };
            match action {
                ReviewAction::Annotate => {
                    let current = app
                        .review
                        .application(&key)
                        .map(|a| a.annotation.clone())
                        .unwrap_or_default();
                    app.review.form = Some(Form::Annotation {
                        key,
                        text: TextInput::with_text(&current),
                    });
                    push(app, ReviewMode::Annotation)
                }
                ReviewAction::Label => {
                    let current = app
                        .review
                        .application(&key)
                        .map(|a| a.labels.iter().cloned().collect::<Vec<_>>().join(", "))
                        .unwrap_or_default();
                    app.review.form = Some(Form::Labels {
                        key,
                        text: TextInput::with_text(&current),
                        error: None,
                    });
                    push(app, ReviewMode::Labels)
                }
                ReviewAction::Opinion => {
                    app.review.form = Some(Form::Opinion {
                        key,
                        partner: 0,
                        name: TextInput::default(),
                        favourable: true,
                        field: OpinionField::Partner,
                        text: TextInput::default(),
                        error: None,
                    });
                    push(app, ReviewMode::Opinion)
                }
                _ => {
                    app.review.grid_cursor = 0;
                    push(app, ReviewMode::Grid)
                }
            }
        }
        _ => false,
    }
}

fn toggle_select(app: &mut App) -> bool {
    let Some(key) = app.call_row().map(|r| r.key.clone()) else {
        return false;
    };
    if !app.review.selection.remove(&key) {
        app.review.selection.insert(key);
    }
    // Down to the next row, so Space Space Space selects three in a row.
    app.other_cursor = (app.other_cursor + 1).min(app.review.rows.len().saturating_sub(1));
    true
}

/// Applies one decision to `keys` (one change, hence one undo, for a selection).
pub(crate) fn decide(
    app: &mut App,
    status: Status,
    keys: Vec<AppKey>,
    motivation: Option<String>,
) -> Result<(), String> {
    let lang = app.lang;
    let bulk = app.review.selection.len() > 1 || keys.len() > 1;
    let described = describe_decision(app, status, &keys);
    let change = match (bulk, keys.as_slice()) {
        (false, [key]) => Change::SetStatus {
            key: key.clone(),
            status,
            motivation,
        },
        _ => Change::SetStatusMany {
            keys,
            status,
            motivation,
        },
    };
    let applied = apply(app, change)?;
    let mut done = described;
    if !applied.skipped.is_empty() {
        done.push_str(&format!(
            " ({} {})",
            applied.skipped.len(),
            lang.pick(
                "déjà dans ce statut, laissée(s) telle(s) quelle(s)",
                "already there, left alone"
            )
        ));
    }
    app.review.selection.clear();
    after_commit(app, done);
    Ok(())
}

/// « Recyclerie des Lilas × Usine des transitions → refusé », or « 2 candidatures → … ».
fn describe_decision(app: &App, status: Status, keys: &[AppKey]) -> String {
    let lang = app.lang;
    match keys {
        [key] => {
            let ws = &app.workspace;
            let structure = ws
                .structure(&key.structure)
                .map_or(key.structure.as_str(), |s| s.name.as_str());
            let site = ws
                .site(&key.site)
                .map_or(key.site.as_str(), |s| s.name.as_str());
            format!("{structure} × {site} → {}", status.label(lang))
        }
        _ => format!(
            "{} {} → {}",
            keys.len(),
            lang.pick("candidatures", "applications"),
            status.label(lang)
        ),
    }
}

/// After a change the journal has: rows and checks again, and what was done (or that the
/// state file could not be written, the journal holding the change).
pub(crate) fn after_commit(app: &mut App, done: String) {
    let lang = app.lang;
    app.refresh_call_rows();
    let save_problem = app
        .review
        .session
        .as_ref()
        .and_then(|s| s.save_problem())
        .map(str::to_owned);
    app.message = Some(match save_problem {
        Some(problem) => Message::Error(format!(
            "{done} — {}{problem}",
            lang.pick(
                "dans le journal, mais l’état n’a pas pu être écrit\u{a0}: ",
                "in the journal, but the state could not be written: "
            )
        )),
        None => Message::Info(format!(
            "{} {done}",
            lang.pick("Enregistré\u{a0}:", "Saved:")
        )),
    });
}

/// Keys of a form or popup of the Appel tab.
pub fn in_form(app: &mut App, mode: ReviewMode, action: Action) -> bool {
    match mode {
        ReviewMode::Decision
        | ReviewMode::Annotation
        | ReviewMode::Labels
        | ReviewMode::Opinion => review_forms::text_form(app, action),
        ReviewMode::Grid => review_forms::grid_form(app, action),
        ReviewMode::CallPicker => call_choice::call_picker(app, action),
        ReviewMode::CallFilter => call_choice::call_filter(app, action),
    }
}

/// Applies `change` through the session (journal, then state file); a refusal goes to the
/// status line.
pub(crate) fn apply(app: &mut App, change: Change) -> Result<Applied, String> {
    let lang = app.lang;
    let result = match app.review.session.as_mut() {
        Some(session) => session.apply(change).map_err(|e| e.message(lang)),
        None => Err(cannot_write(app).unwrap_or_default()),
    };
    if let Err(message) = &result {
        error(app, message.clone());
    }
    result
}

/// Applies a change that records no decision (notes, labels, opinion, grade).
pub(crate) fn commit(app: &mut App, change: Change, done: &str) -> Result<(), String> {
    apply(app, change)?;
    after_commit(app, done.to_owned());
    Ok(())
}
