//! The one place the state changes: `update(app, action, viewport)` applies an action and says
//! whether anything visible changed (so the terminal loop redraws only then).

use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Message};
use crate::tui::export_dialog::{self, ExportAction};
use crate::tui::filter::FilterField;
use crate::tui::mode::{Confirmation, Mode};
use crate::tui::ranking::Criterion;
use crate::tui::review_actions;
use crate::tui::sort::{SiteColumn, StructureColumn};
use crate::tui::tab::Tab;
use crate::tui::text::Msg;
use crate::tui::ui_state::Viewport;

/// Step of the weights popup, in points (weights are normalised when scoring).
pub const WEIGHT_STEP: f64 = 5.0;
pub const WEIGHT_MAX: f64 = 100.0;

/// `viewport` is what the last draw showed (rows of the focused list, scroll room of popups).
pub fn update(app: &mut App, action: Action, viewport: Viewport) -> bool {
    let page = viewport.page;
    match action {
        Action::Quit => {
            app.quit = true;
            return true;
        }
        Action::Resize => return true,
        _ => {}
    }
    match app.mode() {
        Mode::Normal if app.tab == Tab::Call => {
            review_actions::on_call_tab(app, action).unwrap_or_else(|| normal(app, action, page))
        }
        Mode::Normal => normal(app, action, page),
        Mode::Search => search(app, action, page),
        Mode::Filter => filter(app, action),
        Mode::Weights => weights(app, action),
        Mode::Help | Mode::ScoreCard => scroll_popup(app, action, viewport.scroll_max),
        Mode::Compare => match action {
            Action::OpenWeights => push(app, Mode::Weights),
            Action::Back => pop(app),
            _ => false,
        },
        Mode::Confirm(question) => confirm(app, question, action),
        Mode::Review(mode) => review_actions::in_form(app, mode, action),
        Mode::Export(step) => export_dialog::update(app, step, action),
    }
}

fn push(app: &mut App, mode: Mode) -> bool {
    app.modes.push(mode);
    true
}

fn pop(app: &mut App) -> bool {
    let popped = app.modes.top();
    let changed = app.modes.pop();
    if popped == Mode::ScoreCard {
        app.card = None;
    }
    if popped == Mode::Compare {
        app.comparison = None;
    }
    changed
}

/// A cursor moved by `action` within `len` rows; none when the action is not a move.
fn moved(cursor: usize, len: usize, action: Action, page: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let next = match action {
        Action::Down => cursor.saturating_add(1).min(last),
        Action::Up => cursor.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageDown => cursor.saturating_add(page).min(last),
        Action::PageUp => cursor.saturating_sub(page),
        _ => return None,
    };
    Some(next)
}

/// Moves the focused list; returns none when `action` is not a move.
fn move_cursor(app: &mut App, action: Action, page: usize) -> Option<bool> {
    if matches!(app.tab, Tab::Sites | Tab::Structures) && app.focus == Focus::Ranked {
        let len = app.visible_ranked().count();
        let next = moved(app.ranked_cursor, len, action, page)?;
        let changed = next != app.ranked_cursor;
        app.ranked_cursor = next;
        return Some(changed);
    }
    if let Some(listing) = app.listing_mut() {
        let next = moved(listing.cursor, listing.rows.len(), action, page)?;
        let changed = next != listing.cursor;
        listing.cursor = next;
        if changed {
            app.ranked_cursor = 0;
            app.compare_marks.clear();
            app.refresh_ranked();
        }
        return Some(changed);
    }
    let next = moved(app.other_cursor, app.other_rows(), action, page)?;
    let changed = next != app.other_cursor;
    app.other_cursor = next;
    Some(changed)
}

/// A click on a row: that row becomes the selection, and its pane takes the keys.
fn select(app: &mut App, pane: Focus, index: usize) -> bool {
    match pane {
        Focus::Ranked => {
            if index >= app.visible_ranked().count() {
                return false;
            }
            let changed = app.ranked_cursor != index || app.focus != Focus::Ranked;
            app.ranked_cursor = index;
            app.focus = Focus::Ranked;
            changed
        }
        Focus::List => {
            let before = (app.focus, app.listing().map(|l| l.cursor), app.other_cursor);
            app.focus = Focus::List;
            if let Some(listing) = app.listing_mut() {
                if index >= listing.rows.len() {
                    return before.0 != Focus::List;
                }
                if listing.cursor != index {
                    listing.cursor = index;
                    app.ranked_cursor = 0;
                    app.compare_marks.clear();
                    app.refresh_ranked();
                }
            } else if index < app.other_rows() {
                app.other_cursor = index;
            }
            before != (app.focus, app.listing().map(|l| l.cursor), app.other_cursor)
        }
    }
}

fn go_to(app: &mut App, tab: Tab) -> bool {
    if app.tab == tab {
        return false;
    }
    app.tab = tab;
    app.focus = Focus::List;
    app.other_cursor = 0;
    app.ranked_cursor = 0;
    app.compare_marks.clear();
    app.refresh_ranked();
    true
}

fn normal(app: &mut App, action: Action, page: usize) -> bool {
    if let Some(changed) = move_cursor(app, action, page) {
        return changed;
    }
    match action {
        Action::Open => open(app),
        Action::Back => back(app),
        Action::NextTab => go_to(app, app.tab.next()),
        Action::PreviousTab => go_to(app, app.tab.previous()),
        Action::GoTo(tab) => go_to(app, tab),
        Action::StartSearch => {
            if app.listing().is_some() {
                // The search is typed into the list, so the list takes the keys.
                app.focus = Focus::List;
                push(app, Mode::Search)
            } else {
                app.info(app.lang.pick(
                    "La recherche porte sur les onglets Lieux et Structures.",
                    "Search works in the Sites and Structures tabs.",
                ));
                true
            }
        }
        Action::OpenFilter => push(app, Mode::Filter),
        Action::SortNext | Action::SortReverse => sort(app, action),
        Action::OpenWeights => push(app, Mode::Weights),
        Action::OpenHelp => {
            app.scroll = 0;
            push(app, Mode::Help)
        }
        Action::Compare => compare(app),
        Action::Select(pane, index) => select(app, pane, index),
        Action::Export(ExportAction::Open) => export_dialog::open(app),
        Action::MarkForCompare => mark_for_compare(app),
        Action::ToggleIneligible => {
            app.filter.eligible_only = !app.filter.eligible_only;
            refresh_all(app);
            true
        }
        _ => false,
    }
}

fn open(app: &mut App) -> bool {
    match (app.tab, app.focus) {
        (Tab::Sites | Tab::Structures, Focus::List) => {
            if app.listing().and_then(|l| l.selected()).is_none() {
                return false;
            }
            app.focus = Focus::Ranked;
            true
        }
        (Tab::Sites | Tab::Structures, Focus::Ranked) => {
            let pair = app.selected_pair().map(|p| (p.structure, p.site));
            open_card(app, pair)
        }
        (Tab::Call, _) => {
            let pair = app.call_rows().get(app.other_cursor).copied();
            open_card(app, pair)
        }
        _ => false,
    }
}

pub(crate) fn open_card(app: &mut App, pair: Option<(usize, usize)>) -> bool {
    if !app.ranking.available() {
        app.info(Msg::ScoringUnavailable.get(app.lang));
        return true;
    }
    let Some(pair) = pair else {
        app.info(Msg::NothingSelected.get(app.lang));
        return true;
    };
    app.card = Some(pair);
    app.scroll = 0;
    push(app, Mode::ScoreCard)
}

fn back(app: &mut App) -> bool {
    if app.focus == Focus::Ranked {
        app.focus = Focus::List;
        return true;
    }
    if let Some(listing) = app.listing_mut()
        && !listing.query.is_empty()
    {
        listing.query.clear();
        refresh_listing(app);
        return true;
    }
    if app.message.take().is_some() {
        return true;
    }
    false
}

fn sort(app: &mut App, action: Action) -> bool {
    let columns = match app.tab {
        Tab::Sites => SiteColumn::ALL.len(),
        Tab::Structures => StructureColumn::ALL.len(),
        _ => return false,
    };
    let Some(listing) = app.listing_mut() else {
        return false;
    };
    if action == Action::SortReverse {
        listing.sort.reverse = !listing.sort.reverse;
    } else {
        listing.sort.next_column(columns);
    }
    match app.tab {
        Tab::Sites => app.refresh_sites(),
        _ => app.refresh_structures(),
    }
    true
}

fn compare(app: &mut App) -> bool {
    let site = match app.tab {
        Tab::Sites => app.sites.selected(),
        _ => None,
    };
    let Some(site) = site else {
        app.info(app.lang.pick(
            "La comparaison se fait sur un lieu, depuis l’onglet Lieux.",
            "Comparisons are made for one site, from the Sites tab.",
        ));
        return true;
    };
    if !app.ranking.available() {
        app.info(Msg::ScoringUnavailable.get(app.lang));
        return true;
    }
    let structures: Vec<usize> = if app.compare_marks.is_empty() {
        app.visible_ranked().take(3).map(|p| p.structure).collect()
    } else {
        app.compare_marks.clone()
    };
    app.comparison = Some((site, structures));
    push(app, Mode::Compare)
}

fn mark_for_compare(app: &mut App) -> bool {
    if app.tab != Tab::Sites || app.focus != Focus::Ranked {
        return false;
    }
    let Some(structure) = app.selected_pair().map(|p| p.structure) else {
        return false;
    };
    let name = app.workspace.structures[structure].name.clone();
    if let Some(i) = app.compare_marks.iter().position(|&s| s == structure) {
        app.compare_marks.remove(i);
        app.info(format!("{name} {}", Msg::CompareUnmarked.get(app.lang)));
    } else if app.compare_marks.len() >= 3 {
        app.message = Some(Message::Error(Msg::CompareFull.get(app.lang).to_owned()));
    } else {
        app.compare_marks.push(structure);
        app.info(format!("{name} {}", Msg::CompareMarked.get(app.lang)));
    }
    true
}

/// A search only concerns the list of the current tab (and the ranking beside it).
fn refresh_listing(app: &mut App) {
    match app.tab {
        Tab::Sites => app.refresh_sites(),
        Tab::Structures => app.refresh_structures(),
        _ => return,
    }
    app.refresh_ranked();
}

fn refresh_all(app: &mut App) {
    app.refresh_sites();
    app.refresh_structures();
    app.refresh_ranked();
}

fn search(app: &mut App, action: Action, page: usize) -> bool {
    let query_changed = {
        let Some(listing) = app.listing_mut() else {
            return pop(app);
        };
        match action {
            Action::SearchInput(c) => {
                listing.query.push(c);
                true
            }
            Action::SearchBackspace => listing.query.pop().is_some(),
            Action::SearchAccept => return pop(app),
            Action::SearchCancel => {
                listing.query.clear();
                app.modes.pop();
                refresh_listing(app);
                return true;
            }
            _ => false,
        }
    };
    if query_changed {
        // As in fzf, the best match is selected while typing.
        if let Some(listing) = app.listing_mut() {
            listing.cursor = 0;
            listing.rows.clear();
        }
        app.ranked_cursor = 0;
        refresh_listing(app);
        return true;
    }
    move_cursor(app, action, page).unwrap_or(false)
}

fn filter(app: &mut App, action: Action) -> bool {
    let fields = FilterField::ALL.len();
    let field = FilterField::ALL[app.filter_field % fields];
    match action {
        Action::Down => app.filter_field = (app.filter_field + 1) % fields,
        Action::Up => app.filter_field = (app.filter_field + fields - 1) % fields,
        Action::Increase | Action::Toggle => {
            app.filter.step(field, &app.workspace, true);
            refresh_all(app);
        }
        Action::Decrease => {
            app.filter.step(field, &app.workspace, false);
            refresh_all(app);
        }
        Action::Reset => {
            app.filter = Default::default();
            refresh_all(app);
        }
        Action::Back => return pop(app),
        _ => return false,
    }
    true
}

fn weights(app: &mut App, action: Action) -> bool {
    let count = Criterion::ALL.len();
    let criterion = Criterion::ALL[app.weights_field % count];
    match action {
        Action::Down => app.weights_field = (app.weights_field + 1) % count,
        Action::Up => app.weights_field = (app.weights_field + count - 1) % count,
        Action::Increase | Action::Decrease => {
            let weight = criterion.weight_in(&app.weights);
            let delta = if action == Action::Increase {
                WEIGHT_STEP
            } else {
                -WEIGHT_STEP
            };
            let next = (weight + delta).clamp(0.0, WEIGHT_MAX);
            if next == weight {
                return false;
            }
            criterion.set_weight_in(&mut app.weights, next);
            reweigh(app);
        }
        Action::Reset => return push(app, Mode::Confirm(Confirmation::ResetWeights)),
        Action::Back => return pop(app),
        _ => return false,
    }
    true
}

/// The weights changed: the ranked list moves; the structures table too when sorted by best
/// score. Eligibility, hence the filters and the sites table, does not depend on weights.
fn reweigh(app: &mut App) {
    app.forget_best_scores();
    if app.sorted_by_best() {
        app.refresh_structures();
    }
    app.refresh_ranked();
}

fn confirm(app: &mut App, question: Confirmation, action: Action) -> bool {
    match (question, action) {
        (Confirmation::ResetWeights, Action::Confirm) => {
            app.modes.pop();
            app.weights = app.call_weights;
            reweigh(app);
            app.info(Msg::WeightsReset.get(app.lang));
            true
        }
        (_, Action::Deny | Action::Back) => pop(app),
        _ => false,
    }
}

fn scroll_popup(app: &mut App, action: Action, scroll_max: usize) -> bool {
    match action {
        Action::Down => {
            let next = app.scroll.saturating_add(1).min(scroll_max);
            if next == app.scroll {
                return false;
            }
            app.scroll = next;
        }
        Action::Up => app.scroll = app.scroll.saturating_sub(1),
        Action::OpenWeights if app.mode() == Mode::ScoreCard => return push(app, Mode::Weights),
        Action::Back => return pop(app),
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_moves_stay_in_range() {
        assert_eq!(moved(0, 0, Action::Down, 10), Some(0));
        assert_eq!(moved(0, 5, Action::Bottom, 10), Some(4));
        assert_eq!(moved(3, 5, Action::PageDown, 10), Some(4));
        assert_eq!(moved(3, 5, Action::PageUp, 2), Some(1));
        assert_eq!(moved(3, 5, Action::Open, 2), None);
    }
}
