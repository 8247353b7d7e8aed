//! Which call and which applications the Appel tab shows: the call picker (the session moves
//! to the chosen call and keeps the lock) and the filter popup (site, status, grouping).

use crate::domain::Workspace;
use crate::i18n::Lang;
use crate::review::Status;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::filter::cycle;
use crate::tui::review_actions::error;
use crate::tui::review_state::CallFilter;

/// The workspace's calls in id order (the picker's order; the first is the default call).
pub fn calls_by_id(workspace: &Workspace) -> Vec<usize> {
    let mut order: Vec<usize> = (0..workspace.calls.len()).collect();
    order.sort_by(|&a, &b| workspace.calls[a].id.cmp(&workspace.calls[b].id));
    order
}

/// Keys of the call picker.
pub(crate) fn call_picker(app: &mut App, action: Action) -> bool {
    let order = calls_by_id(&app.workspace);
    let count = order.len().max(1);
    match action {
        Action::Down => app.review.picker_cursor = (app.review.picker_cursor + 1).min(count - 1),
        Action::Up => app.review.picker_cursor = app.review.picker_cursor.saturating_sub(1),
        Action::Back => {
            app.modes.pop();
        }
        Action::Confirm => {
            app.modes.pop();
            if let Some(&call) = order.get(app.review.picker_cursor) {
                switch_call(app, call);
            }
        }
        _ => return false,
    }
    true
}

/// Shows `call` in the Appel tab; the session moves to it and keeps the lock.
fn switch_call(app: &mut App, call: usize) {
    let lang = app.lang;
    if app.current_call == Some(call) {
        return;
    }
    let id = app.workspace.calls[call].id.clone();
    let switched = match app.review.session.as_mut() {
        Some(session) => session
            .switch_call(&app.workspace, &id)
            .map_err(|e| e.message(lang)),
        None => Ok(()),
    };
    if let Err(message) = switched {
        error(app, message);
        return;
    }
    app.current_call = Some(call);
    app.call_weights = app.workspace.calls[call].weights;
    app.review.selection.clear();
    app.review.filter.site = None;
    app.other_cursor = 0;
    if app.review.session.is_none() {
        app.open_review();
    }
    app.refresh_call_rows();
    app.info(format!(
        "{} {}",
        lang.pick("Appel\u{a0}:", "Call:"),
        app.workspace.calls[call].title
    ));
}

/// Keys of the Appel filter popup (the filter popup's bindings, as on the other tabs).
pub(crate) fn call_filter(app: &mut App, action: Action) -> bool {
    let fields = CallFilter::FIELDS;
    let field = app.review.filter_field % fields;
    match action {
        Action::Down => app.review.filter_field = (field + 1) % fields,
        Action::Up => app.review.filter_field = (field + fields - 1) % fields,
        Action::Increase | Action::Decrease | Action::Toggle => {
            let forward = action != Action::Decrease;
            step_filter(app, field, forward);
            app.refresh_call_rows();
        }
        Action::Reset => {
            let grouping = app.review.filter.grouping;
            app.review.filter = CallFilter {
                grouping,
                ..CallFilter::default()
            };
            app.refresh_call_rows();
        }
        Action::Back => {
            app.modes.pop();
        }
        _ => return false,
    }
    true
}

/// The next (or previous) value of a field: « tous », then each value in turn.
fn step_filter(app: &mut App, field: usize, forward: bool) {
    let filter = &mut app.review.filter;
    match field {
        0 => {
            let sites = app
                .current_call
                .and_then(|i| app.workspace.calls.get(i))
                .map(|c| c.sites.clone())
                .unwrap_or_default();
            filter.site = cycle(&filter.site, &sites, forward);
        }
        1 => filter.status = cycle(&filter.status, &Status::ALL, forward),
        _ => filter.grouping = filter.grouping.toggled(),
    }
}

/// The French label of the filter's fields (for the popup).
pub fn filter_field_label(field: usize, lang: Lang) -> &'static str {
    match field {
        0 => lang.pick("Lieu", "Site"),
        1 => lang.pick("Statut", "Status"),
        _ => lang.pick("Regrouper", "Group"),
    }
}
