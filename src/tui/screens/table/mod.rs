//! A screen made of a searchable, sortable, filterable table of items, the selected item's
//! detail, and the partners ranked for it: Lieux (sites, structures ranked for each) and
//! Structures (structures, sites ranked for each). `Items` says what differs.

pub mod items;
mod view;

use crate::i18n::fold::Folded;
use crate::tui::action::{Action, TextKey};
use crate::tui::component::{Effect, Outcome, ScreenEvent};
use crate::tui::context::Context;
use crate::tui::dialogs::filter::FilterDialog;
use crate::tui::dialogs::score_card::ScoreCardDialog;
use crate::tui::keymap::Scope;
use crate::tui::pane::Focus;
use crate::tui::ranking::PairScore;
use crate::tui::screens::{Refresh, Screen};
use crate::tui::shared::filter::Filter;
use crate::tui::shared::listing::{Listing, moved};
use crate::tui::shared::name_order;
use crate::tui::shared::search::{Hit, Search, fold};
use crate::tui::text::Msg;
use crate::tui::ui_state::{UiState, Viewport};
use items::Items;
use ratatui::Frame;
use ratatui::layout::Rect;

pub struct TableScreen<K: Items> {
    pub items: K,
    pub listing: Listing,
    pub filter: Filter,
    pub focus: Focus,
    /// A search is being typed (its keys are text).
    pub searching: bool,
    /// The partners ranked for the selected item (ineligible ones left out when hidden): the
    /// best `ranked_limit` of them, more as the cursor goes down.
    pub ranked: Vec<PairScore>,
    pub ranked_cursor: usize,
    ranked_limit: usize,
    /// How many partners there are in all, when more than `ranked` holds (none: it holds them
    /// all, or the count is still being worked out).
    pub ranked_total: Option<usize>,
    /// Searched text folded once (long lists fold once, not per keystroke), at the first
    /// search: the first frame of a large workspace does not wait for it.
    haystacks: Vec<Folded>,
    /// Each item's place in the natural order of the names, which breaks ties (worked out
    /// once: comparing names at every sort of 100 000 rows was most of a keystroke).
    name_order: Vec<u32>,
    /// The last search and the rows it matched exactly, to narrow them when the query grows.
    narrowing: Option<(String, Vec<usize>)>,
}

/// Partners ranked at first for the selected item: more than any screen shows; more are
/// ranked when the cursor nears the end.
const RANKED_WINDOW: usize = 200;

impl<K: Items> TableScreen<K> {
    pub fn new(ctx: &Context, items: K) -> TableScreen<K> {
        let mut screen = TableScreen {
            items,
            listing: Listing::default(),
            filter: Filter::default(),
            focus: Focus::List,
            searching: false,
            ranked: Vec::new(),
            ranked_cursor: 0,
            ranked_limit: RANKED_WINDOW,
            ranked_total: None,
            haystacks: Vec::new(),
            name_order: Vec::new(),
            narrowing: None,
        };
        screen.fold_texts(ctx);
        screen.refresh_rows(ctx);
        screen.refresh_ranked(ctx);
        screen
    }

    /// What the items' texts give: the order of their names now, the searched texts at the
    /// first search.
    fn fold_texts(&mut self, ctx: &Context) {
        let count = self.items.count(ctx);
        self.haystacks.clear();
        let names: Vec<&str> = (0..count).map(|i| self.items.name(ctx, i)).collect();
        self.name_order = name_order::places(&names);
        self.narrowing = None;
    }

    /// Folds the searched texts, when not done since the items last changed.
    fn fold_haystacks(&mut self, ctx: &Context) {
        let count = self.items.count(ctx);
        if self.haystacks.len() == count {
            return;
        }
        let texts: Vec<String> = (0..count).map(|i| self.items.haystack(ctx, i)).collect();
        // Folding is pure and, on 100 000 descriptions, long: on every core.
        self.haystacks = crate::parallel::map_indexed(
            count,
            crate::parallel::available_threads(),
            1024,
            || (),
            |_, i| fold(&texts[i]),
        );
    }

    pub fn column(&self) -> K::Column {
        let columns = self.items.columns();
        columns[self.listing.sort.column % columns.len()]
    }

    /// Re-applies filter, search and sort, keeping the selected item if it stays.
    pub fn refresh_rows(&mut self, ctx: &Context) {
        let column = self.column();
        self.items.prepare_sort(ctx, column);
        let search = Search::new(&self.listing.query);
        if !search.is_empty() {
            self.fold_haystacks(ctx);
        }
        let count = self.items.count(ctx);
        // A query that only grows finds its exact matches among the previous ones.
        let pool: Vec<usize> = match &self.narrowing {
            Some((previous, hits)) if search.narrows(previous) => hits.clone(),
            _ => (0..count).collect(),
        };
        let haystacks = &self.haystacks;
        let exact: Vec<(usize, Hit)> = if search.is_empty() {
            pool.into_iter().map(|i| (i, Hit::EVERYTHING)).collect()
        } else {
            pool.into_iter()
                .filter_map(|i| search.exact_hit(&haystacks[i]).map(|hit| (i, hit)))
                .collect()
        };
        // Kept before the filter, so a filter changed later cannot hide rows from the next
        // letter.
        self.narrowing = (!search.is_empty()).then(|| {
            (
                self.listing.query.clone(),
                exact.iter().map(|&(i, _)| i).collect(),
            )
        });
        let (items, filter) = (&self.items, &self.filter);
        let mut rows: Vec<(usize, Hit)> = exact
            .into_iter()
            .filter(|&(i, _)| items.accepts(ctx, filter, i))
            .collect();
        if rows.is_empty() && !search.is_empty() {
            // No row holds every term as such: scattered letters (typos), in every row.
            rows = (0..count)
                .filter(|&i| items.accepts(ctx, filter, i))
                .filter_map(|i| search.fuzzy_hit(&haystacks[i]).map(|hit| (i, hit)))
                .collect();
        }
        let reverse = self.listing.sort.reverse;
        let (items, name_order) = (&self.items, &self.name_order);
        rows.sort_by(|&(a, hit_a), &(b, hit_b)| {
            let by_column = items.compare(ctx, column, a, b);
            let by_column = if reverse {
                by_column.reverse()
            } else {
                by_column
            };
            hit_b
                .cmp(&hit_a)
                .then(by_column)
                .then_with(|| name_order[a].cmp(&name_order[b]))
        });
        self.listing
            .replace_rows(rows.into_iter().map(|(i, _)| i).collect());
        if self.listing.selected().is_none() {
            self.focus = Focus::List;
        }
    }

    /// Re-ranks the partners of the selected item; the cursor follows the pair it was on, so
    /// a weight change shows that pair moving.
    pub fn refresh_ranked(&mut self, ctx: &Context) {
        let followed = self
            .ranked
            .get(self.ranked_cursor)
            .map(|p| (p.structure, p.site));
        let selected = self.listing.selected();
        self.ranked = selected
            .map(|item| self.items.rank(ctx, item, self.ranked_limit))
            .unwrap_or_default();
        let complete = self.ranked.len() < self.ranked_limit;
        if self.filter.eligible_only {
            self.ranked.retain(|p| p.eligible);
        }
        self.ranked_total = match selected {
            Some(item) if !complete => self
                .items
                .rank_total(ctx, item, self.filter.eligible_only)
                .filter(|&total| total > self.ranked.len()),
            _ => None,
        };
        self.ranked_cursor = followed
            .and_then(|f| self.ranked.iter().position(|p| (p.structure, p.site) == f))
            .unwrap_or(self.ranked_cursor)
            .min(self.ranked.len().saturating_sub(1));
    }

    pub fn selected_pair(&self) -> Option<&PairScore> {
        self.ranked.get(self.ranked_cursor)
    }

    fn search_key(&mut self, ctx: &Context, action: Action, page: usize) -> Outcome {
        let changed = match action {
            Action::Text(TextKey::Input(c)) => {
                self.listing.query.push(c);
                true
            }
            Action::Text(TextKey::Backspace) => self.listing.query.pop().is_some(),
            Action::Text(TextKey::Submit) => {
                self.searching = false;
                return Outcome::changed();
            }
            Action::Back => {
                self.searching = false;
                self.listing.query.clear();
                true
            }
            _ => return self.move_cursor(ctx, action, page).unwrap_or_default(),
        };
        if changed {
            // As in fzf, the best match is selected while typing.
            self.listing.cursor = 0;
            self.listing.rows.clear();
            self.ranked_cursor = 0;
            self.refresh_rows(ctx);
            self.refresh_ranked(ctx);
        }
        Outcome::from(changed)
    }

    /// Moves the focused list; none when `action` is not a move.
    fn move_cursor(&mut self, ctx: &Context, action: Action, page: usize) -> Option<Outcome> {
        if self.focus == Focus::Ranked {
            self.rank_further(ctx, action, page);
            let next = moved(self.ranked_cursor, self.ranked.len(), action, page)?;
            let changed = next != self.ranked_cursor;
            self.ranked_cursor = next;
            return Some(Outcome::from(changed));
        }
        let next = moved(self.listing.cursor, self.listing.rows.len(), action, page)?;
        let changed = next != self.listing.cursor;
        if changed {
            self.listing.cursor = next;
            self.selection_moved(ctx);
        }
        Some(Outcome::from(changed))
    }

    /// Ranks more partners when the move would reach the end of those ranked so far (all of
    /// them for the last one).
    fn rank_further(&mut self, ctx: &Context, action: Action, page: usize) {
        let Some(total) = self.ranked_total else {
            return;
        };
        let wanted = match action {
            Action::Bottom => total,
            Action::Down | Action::PageDown => self.ranked_cursor + 2 * page.max(1) + 1,
            _ => return,
        };
        if wanted >= self.ranked.len() {
            self.ranked_limit = wanted.max(self.ranked_limit * 2);
            self.refresh_ranked(ctx);
        }
    }

    fn selection_moved(&mut self, ctx: &Context) {
        self.ranked_cursor = 0;
        self.ranked_limit = RANKED_WINDOW;
        self.items.selection_changed();
        self.refresh_ranked(ctx);
    }

    fn open(&mut self) -> Outcome {
        match self.focus {
            Focus::List => {
                if self.listing.selected().is_none() {
                    return Outcome::none();
                }
                self.focus = Focus::Ranked;
                Outcome::changed()
            }
            Focus::Ranked => match self.selected_pair() {
                Some(pair) => Outcome::effect(Effect::Open(Box::new(ScoreCardDialog::new(
                    pair.structure,
                    pair.site,
                )))),
                None => Outcome::none(),
            },
        }
    }

    fn back(&mut self, ctx: &Context) -> Outcome {
        if self.focus == Focus::Ranked {
            self.focus = Focus::List;
            return Outcome::changed();
        }
        if !self.listing.query.is_empty() {
            self.listing.query.clear();
            self.refresh_rows(ctx);
            self.refresh_ranked(ctx);
            return Outcome::changed();
        }
        Outcome::none()
    }

    fn sort(&mut self, ctx: &Context, action: Action) -> Outcome {
        if action == Action::SortReverse {
            self.listing.sort.reverse = !self.listing.sort.reverse;
        } else {
            self.listing.sort.next_column(self.items.columns().len());
        }
        self.refresh_rows(ctx);
        Outcome::changed()
    }

    /// A click on a row: that row becomes the selection, and its pane takes the keys.
    fn select(&mut self, ctx: &Context, pane: Focus, index: usize) -> Outcome {
        match pane {
            Focus::Ranked if index < self.ranked.len() => {
                let changed = self.ranked_cursor != index || self.focus != Focus::Ranked;
                self.ranked_cursor = index;
                self.focus = Focus::Ranked;
                Outcome::from(changed)
            }
            Focus::List if index < self.listing.rows.len() => {
                let changed = self.listing.cursor != index || self.focus != Focus::List;
                self.focus = Focus::List;
                if self.listing.cursor != index {
                    self.listing.cursor = index;
                    self.selection_moved(ctx);
                }
                Outcome::from(changed)
            }
            _ => Outcome::none(),
        }
    }

    /// Puts the cursor on `item`, clearing the search and the filter when they hide it.
    fn show(&mut self, ctx: &Context, item: usize) -> Outcome {
        if !self.listing.rows.contains(&item) {
            self.listing.query.clear();
            self.searching = false;
            self.filter = Filter::default();
            self.refresh_rows(ctx);
        }
        let Some(row) = self.listing.rows.iter().position(|&r| r == item) else {
            return Outcome::none();
        };
        self.focus = Focus::List;
        if self.listing.cursor != row {
            self.listing.cursor = row;
            self.selection_moved(ctx);
        }
        Outcome::changed()
    }

    fn set_filter(&mut self, ctx: &Context, filter: Filter) {
        self.filter = filter;
        self.refresh_rows(ctx);
        self.refresh_ranked(ctx);
    }
}

impl<K: Items> Screen for TableScreen<K> {
    fn scope(&self) -> Scope {
        if self.searching {
            Scope::Search
        } else {
            K::SCOPE
        }
    }

    fn update(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        let page = viewport.page;
        if self.searching {
            return self.search_key(ctx, action, page);
        }
        if let Some(outcome) = self.move_cursor(ctx, action, page) {
            return outcome;
        }
        match action {
            Action::Open => self.open(),
            Action::Back => self.back(ctx),
            Action::StartSearch => {
                // The search is typed into the list, so the list takes the keys.
                self.focus = Focus::List;
                self.searching = true;
                Outcome::changed()
            }
            Action::OpenFilter => Outcome::effect(Effect::Open(Box::new(FilterDialog::new(
                K::TAB,
                self.filter.clone(),
            )))),
            Action::SortNext | Action::SortReverse => self.sort(ctx, action),
            Action::ToggleIneligible => {
                let mut filter = self.filter.clone();
                filter.eligible_only = !filter.eligible_only;
                self.set_filter(ctx, filter);
                Outcome::info(if self.filter.eligible_only {
                    Msg::IneligibleHidden.get(ctx.lang)
                } else {
                    Msg::IneligibleShown.get(ctx.lang)
                })
            }
            Action::Select(pane, index) => self.select(ctx, pane, index),
            other => {
                let selected = self.listing.selected();
                let pair = self.ranked.get(self.ranked_cursor).copied();
                let focus_ranked = self.focus == Focus::Ranked;
                self.items
                    .extra_action(
                        ctx,
                        other,
                        selected,
                        &self.ranked,
                        pair.as_ref().filter(|_| focus_ranked),
                    )
                    .unwrap_or_default()
            }
        }
    }

    fn event(&mut self, ctx: &Context, event: ScreenEvent) -> Outcome {
        match event {
            ScreenEvent::Filter(filter) => {
                self.set_filter(ctx, filter);
                Outcome::changed()
            }
            ScreenEvent::Show(key) => match self.items.find(ctx, &key) {
                Some(item) => self.show(ctx, item),
                None => Outcome::none(),
            },
            _ => Outcome::none(),
        }
    }

    fn refresh(&mut self, ctx: &Context, what: Refresh) {
        match what {
            Refresh::Weights => {
                self.items.weights_changed();
                // Only an order by score moves with the weights; others stay as they are.
                if self.items.weighted(self.column()) {
                    self.refresh_rows(ctx);
                }
                self.refresh_ranked(ctx);
            }
            Refresh::Workspace => {
                self.fold_texts(ctx);
                self.refresh_rows(ctx);
                self.refresh_ranked(ctx);
            }
            // The eligibility arrived from its worker: counts, the « éligibles » filter and
            // the ranked pane's total read it.
            Refresh::Figures => {
                self.narrowing = None;
                self.refresh_rows(ctx);
                self.refresh_ranked(ctx);
            }
            Refresh::Review | Refresh::Call => {}
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) -> Rect {
        view::render(self, ctx, frame, area, ui)
    }

    fn filter_summary(&self, ctx: &Context) -> Option<String> {
        self.filter
            .is_active()
            .then(|| self.filter.summary(&ctx.workspace, ctx.lang))
    }
}
