//! Screen 3, Appel: the review of the current call. Its applications with their score under
//! the weights in force, jury-grid total and status, searchable and filtered by site and
//! status; the detail of the application under the cursor; the review keys.
//!
//! Nothing decided lives only here: each decision, note, grade or opinion is an effect that
//! `App` applies through the session (journal fsync, then atomic save) before it shows.
//!
//! What depends on the whole call — each application's rank with ties and the robustness of
//! its place, the lot each holds — is worked out when the weights, the decisions or the call
//! change, and kept here; the frame only reads it.

mod detail;
pub mod rows;
pub mod unavailable;
mod view;

use crate::i18n::fold::Folded;
use crate::review::holdings::{Held, effective_holdings};
use crate::review::{AppKey, Status};
use crate::scoring::robustness::WeightInterval;
use crate::tui::action::{Action, RecordAction, ReviewAction, TextKey};
use crate::tui::component::{Effect, Outcome, ScreenEvent};
use crate::tui::context::Context;
use crate::tui::dialogs::allocation::AllocationDialog;
use crate::tui::dialogs::call_filter::CallFilterDialog;
use crate::tui::dialogs::call_picker::CallPickerDialog;
use crate::tui::dialogs::grid::GridDialog;
use crate::tui::dialogs::lot_picker::LotPicker;
use crate::tui::dialogs::review_form::ReviewForm;
use crate::tui::dialogs::score_card::ScoreCardDialog;
use crate::tui::dialogs::tie_break::TieBreakForm;
use crate::tui::forms::{self, FormKind};
use crate::tui::keymap::Scope;
use crate::tui::screens::{Refresh, Screen};
use crate::tui::shared::call_filter::CallFilter;
use crate::tui::shared::decision::decision;
use crate::tui::shared::listing::move_or_select;
use crate::tui::standing::CallStandings;
use crate::tui::text::Msg;
use crate::tui::ui_state::{UiState, Viewport};
use ratatui::Frame;
use ratatui::layout::Rect;
use rows::CallRow;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Default)]
pub struct Appel {
    /// The rows shown (filters and search applied), in order.
    pub rows: Vec<CallRow>,
    pub cursor: usize,
    /// Applications selected with Space: the next decision is for all of them.
    pub selection: BTreeSet<AppKey>,
    pub filter: CallFilter,
    pub query: String,
    pub searching: bool,
    /// Scroll of the detail pane, and the application it belongs to (another row starts at 0).
    pub detail_scroll: (Option<AppKey>, usize),
    /// Applications of the call left out because a file has a problem (said above the list).
    pub unavailable: Vec<unavailable::Unavailable>,
    /// Every application of the call, before filters (looking the ids up is the slow part on
    /// a large workspace, so it is done once per call), and what the search reads of each.
    all: Vec<CallRow>,
    haystacks: Vec<Folded>,
    /// Ranks, ties and robustness of every application, under the weights in force.
    pub standings: CallStandings,
    /// The lot each shortlisted or accepted application holds.
    pub holdings: HashMap<AppKey, Held>,
    /// The weight intervals of the application in the detail, worked out when first drawn
    /// (a pass over its site) and kept until the row, the weights or a decision change.
    intervals: RefCell<Option<(AppKey, Vec<WeightInterval>)>>,
}

impl Appel {
    pub fn new(ctx: &Context) -> Appel {
        let mut screen = Appel::default();
        screen.reload_call(ctx);
        screen
    }

    /// The application under the cursor.
    pub fn row(&self) -> Option<&CallRow> {
        self.rows.get(self.cursor)
    }

    /// The applications a decision is about: the selection, else the row under the cursor.
    pub fn targets(&self) -> Vec<AppKey> {
        if self.selection.is_empty() {
            self.row().map(|r| r.key.clone()).into_iter().collect()
        } else {
            self.selection.iter().cloned().collect()
        }
    }

    /// Every application shown now (the export's « filtered rows »).
    pub fn shown_keys(&self) -> BTreeSet<AppKey> {
        self.rows.iter().map(|r| r.key.clone()).collect()
    }

    /// The call changed (another one, or its applications): everything is read again.
    fn reload_call(&mut self, ctx: &Context) {
        self.all = ctx
            .call()
            .map(|call| rows::call_rows(ctx, call))
            .unwrap_or_default();
        self.unavailable = ctx
            .call()
            .map(|call| unavailable::of(ctx, call))
            .unwrap_or_default();
        self.refresh_haystacks(ctx);
        self.refresh_decisions(ctx);
        self.refresh_rows(ctx);
    }

    /// What depends on the decisions: ranks (the grid and the officer break ties), K of the
    /// robustness (the site's shortlisted and accepted), the lots held.
    fn refresh_decisions(&mut self, ctx: &Context) {
        self.standings = self.compute_standings(ctx);
        self.holdings = ctx
            .review()
            .map(|state| {
                effective_holdings(&ctx.workspace, state)
                    .into_iter()
                    .map(|h| (h.key.clone(), h))
                    .collect()
            })
            .unwrap_or_default();
        self.intervals.take();
    }

    fn compute_standings(&self, ctx: &Context) -> CallStandings {
        let applications: Vec<(usize, usize)> =
            self.all.iter().map(|r| (r.structure, r.site)).collect();
        CallStandings::compute(ctx, &applications)
    }

    /// The weight intervals of `key`'s place: those of the last frame when it was the same.
    pub fn intervals_of(&self, key: &AppKey, structure: usize) -> Vec<WeightInterval> {
        let mut memo = self.intervals.borrow_mut();
        if let Some((k, intervals)) = memo.as_ref()
            && k == key
        {
            return intervals.clone();
        }
        let intervals = self
            .standings
            .site(&key.site)
            .map(|s| s.entry_intervals(structure))
            .unwrap_or_default();
        *memo = Some((key.clone(), intervals.clone()));
        intervals
    }

    fn refresh_haystacks(&mut self, ctx: &Context) {
        self.haystacks = self.all.iter().map(|r| rows::haystack(ctx, r)).collect();
    }

    fn rescore(&mut self, ctx: &Context) {
        for row in &mut self.all {
            let score = ctx.ranking.score(row.structure, row.site, &ctx.weights);
            row.score = score.map(|s| s.total);
            row.eligible = score.is_none_or(|s| s.eligible);
        }
        self.standings = self.compute_standings(ctx);
        self.intervals.take();
        self.refresh_rows(ctx);
    }

    /// Filters, search and order again; the cursor follows the application it was on.
    fn refresh_rows(&mut self, ctx: &Context) {
        let followed = self.row().map(|r| r.key.clone());
        let sites = ctx.call().map(|c| c.sites.clone()).unwrap_or_default();
        self.rows = rows::shown(
            ctx,
            &self.all,
            &self.haystacks,
            &self.filter,
            &self.query,
            &sites,
            &self.standings,
        );
        self.cursor = followed
            .and_then(|k| self.rows.iter().position(|r| r.key == k))
            .unwrap_or(self.cursor)
            .min(self.rows.len().saturating_sub(1));
        // Selected applications no longer in the call are dropped from the selection.
        if !self.selection.is_empty() {
            let known: BTreeSet<&AppKey> = self.all.iter().map(|r| &r.key).collect();
            self.selection.retain(|k| known.contains(k));
        }
    }

    fn search_key(&mut self, ctx: &Context, action: Action, page: usize) -> Outcome {
        let changed = match action {
            Action::Text(TextKey::Input(c)) => {
                self.query.push(c);
                true
            }
            Action::Text(TextKey::Backspace) => self.query.pop().is_some(),
            Action::Text(TextKey::Submit) => {
                self.searching = false;
                return Outcome::changed();
            }
            Action::Back => {
                self.searching = false;
                self.query.clear();
                true
            }
            _ => return self.move_cursor(action, page).unwrap_or_default(),
        };
        if changed {
            self.cursor = 0;
            self.rows.clear();
            self.refresh_rows(ctx);
        }
        Outcome::from(changed)
    }

    fn move_cursor(&mut self, action: Action, page: usize) -> Option<Outcome> {
        move_or_select(&mut self.cursor, self.rows.len(), action, page).map(Outcome::from)
    }

    fn back(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        if !self.query.is_empty() {
            self.query.clear();
            self.refresh_rows(ctx);
            return Outcome::changed();
        }
        if !self.selection.is_empty() {
            self.selection.clear();
            return Outcome::info(lang.pick("Sélection vidée.", "Selection cleared."));
        }
        Outcome::none()
    }

    fn review_key(&mut self, ctx: &Context, action: ReviewAction, viewport: Viewport) -> Outcome {
        let lang = ctx.lang;
        match action {
            ReviewAction::ToggleSelect => self.toggle_select(),
            ReviewAction::ToggleGrouping => {
                self.filter.grouping = self.filter.grouping.toggled();
                self.refresh_rows(ctx);
                Outcome::changed()
            }
            ReviewAction::PickCall => {
                if ctx.workspace.calls.is_empty() {
                    return Outcome::info(Msg::NoCall.get(lang));
                }
                Outcome::effect(Effect::Open(Box::new(CallPickerDialog::new(ctx))))
            }
            ReviewAction::DetailDown | ReviewAction::DetailUp => {
                self.scroll_detail(action == ReviewAction::DetailDown, viewport)
            }
            ReviewAction::Decide(status) => self.decide(ctx, status),
            ReviewAction::Annotate
            | ReviewAction::Label
            | ReviewAction::Opinion
            | ReviewAction::Grade => {
                let Some(key) = self.row().map(|r| r.key.clone()) else {
                    return Outcome::info(Msg::NothingSelected.get(lang));
                };
                let current = ctx.application(&key);
                let dialog: Box<dyn crate::tui::component::Dialog> = match action {
                    ReviewAction::Annotate => Box::new(ReviewForm::annotation(
                        key,
                        current.map_or("", |a| a.annotation.as_str()),
                    )),
                    ReviewAction::Label => Box::new(ReviewForm::labels(
                        key,
                        current
                            .map(|a| a.labels.iter().cloned().collect::<Vec<_>>().join(", "))
                            .unwrap_or_default(),
                    )),
                    ReviewAction::Opinion => Box::new(ReviewForm::opinion(key)),
                    _ => Box::new(GridDialog::new(key)),
                };
                Outcome::effect(Effect::IfWritable(vec![Effect::Open(dialog)]))
            }
            ReviewAction::PickLot => self.pick_lot(ctx),
            ReviewAction::Allocate => match AllocationDialog::open(ctx) {
                Some(dialog) => Outcome::effect(Effect::Open(Box::new(dialog))),
                None => Outcome::info(Msg::NoCall.get(lang)),
            },
            ReviewAction::BreakTie => self.break_tie(ctx),
            ReviewAction::GradeKey(_) | ReviewAction::MoveUp | ReviewAction::MoveDown => {
                Outcome::none()
            }
        }
    }

    /// `L`: the lot picker of the row, once it holds a place.
    fn pick_lot(&self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let Some(row) = self.row() else {
            return Outcome::info(Msg::NothingSelected.get(lang));
        };
        if !ctx.status(&row.key).is_some_and(Status::holds_place) {
            return Outcome::info(lang.pick(
                "Le lot se choisit pour une candidature présélectionnée ou acceptée (p ou a d’abord).",
                "A lot is chosen for a shortlisted or accepted application (p or a first).",
            ));
        }
        match LotPicker::new(ctx, &row.key) {
            Some(picker) => {
                Outcome::effect(Effect::IfWritable(vec![Effect::Open(Box::new(picker))]))
            }
            None => Outcome::info(lang.pick(
                "Ce lieu ne décrit aucun lot.",
                "This site describes no lot.",
            )),
        }
    }

    /// `D`: the tie-break form of the row's site, when the row is level with another.
    fn break_tie(&self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let Some(row) = self.row() else {
            return Outcome::info(Msg::NothingSelected.get(lang));
        };
        let Some(site) = self.standings.site(&row.key.site) else {
            return Outcome::info(Msg::ScoringUnavailable.get(lang));
        };
        let tied = site.tied_with(row.structure);
        if tied.len() < 2 {
            return Outcome::info(lang.pick(
                "Aucune autre candidature du lieu n’a le même score affiché\u{a0}: rien à départager.",
                "No other application on the site shows the same score: no tie to break.",
            ));
        }
        let form = TieBreakForm::new(ctx, site.site, tied, row.structure);
        Outcome::effect(Effect::IfWritable(vec![Effect::Open(Box::new(form))]))
    }

    fn toggle_select(&mut self) -> Outcome {
        let Some(key) = self.row().map(|r| r.key.clone()) else {
            return Outcome::none();
        };
        if !self.selection.remove(&key) {
            self.selection.insert(key);
        }
        // Down to the next row, so Space Space Space selects three in a row.
        self.cursor = (self.cursor + 1).min(self.rows.len().saturating_sub(1));
        Outcome::changed()
    }

    /// J / K: no further than the last line of the detail (as last drawn).
    fn scroll_detail(&mut self, down: bool, viewport: Viewport) -> Outcome {
        let key = self.row().map(|r| r.key.clone());
        let (owner, scroll) = &mut self.detail_scroll;
        if *owner != key {
            *owner = key;
            *scroll = 0;
        }
        let before = *scroll;
        *scroll = if down {
            scroll.saturating_add(1).min(viewport.scroll_max)
        } else {
            scroll.saturating_sub(1)
        };
        Outcome::from(*scroll != before)
    }

    /// `i` `p` `a` `r` `x`: a decision on the selection, else on the row; refusing and closing
    /// first ask for the written motivation.
    fn decide(&mut self, ctx: &Context, status: Status) -> Outcome {
        let keys = self.targets();
        if keys.is_empty() {
            return Outcome::info(Msg::NothingSelected.get(ctx.lang));
        }
        if status == Status::Accepte {
            return Outcome::effect(crate::tui::shared::acceptance::accept(ctx, keys));
        }
        if status.requires_motivation() {
            let form = ReviewForm::decision(status, keys);
            return Outcome::effect(Effect::IfWritable(vec![Effect::Open(Box::new(form))]));
        }
        Outcome::effect(decision(ctx, status, keys, None, Vec::new()))
    }
}

impl Appel {
    /// `N` `E` `D`: the call forms and deleting the call shown; `A`: a structure applies to
    /// it (the structure of the row, to change its sites, else one to pick).
    fn record_key(&self, ctx: &Context, action: RecordAction) -> Outcome {
        let call = ctx.call();
        if action == RecordAction::Attach {
            let structure = self
                .row()
                .map(|r| &ctx.workspace.structures[r.structure].id);
            return forms::open_attach(ctx, structure, call.map(|c| &c.id));
        }
        forms::record_key(
            ctx,
            action,
            || FormKind::Call(None),
            || call.map(|c| FormKind::Call(Some(Box::new(c.clone())))),
            call.map(|c| crate::edit::RecordKey::Call(c.id.clone())),
        )
    }
}

impl Screen for Appel {
    fn scope(&self) -> Scope {
        if self.searching {
            Scope::Search
        } else {
            Scope::Appel
        }
    }

    fn update(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        let page = viewport.page;
        if self.searching {
            return self.search_key(ctx, action, page);
        }
        if let Some(outcome) = self.move_cursor(action, page) {
            return outcome;
        }
        match action {
            Action::Review(review) => self.review_key(ctx, review, viewport),
            Action::Record(record) => self.record_key(ctx, record),
            Action::Open => match self.row() {
                Some(row) => Outcome::effect(Effect::Open(Box::new(ScoreCardDialog::new(
                    row.structure,
                    row.site,
                )))),
                None => Outcome::info(Msg::NothingSelected.get(ctx.lang)),
            },
            Action::Back => self.back(ctx),
            Action::StartSearch => {
                self.searching = true;
                Outcome::changed()
            }
            Action::OpenFilter => {
                let sites = ctx.call().map(|c| c.sites.clone()).unwrap_or_default();
                Outcome::effect(Effect::Open(Box::new(CallFilterDialog::new(
                    self.filter.clone(),
                    sites,
                ))))
            }
            _ => Outcome::none(),
        }
    }

    fn event(&mut self, ctx: &Context, event: ScreenEvent) -> Outcome {
        match event {
            ScreenEvent::CallFilter(filter) => {
                self.filter = filter;
                self.refresh_rows(ctx);
                Outcome::changed()
            }
            ScreenEvent::ClearSelection => {
                self.selection.clear();
                Outcome::changed()
            }
            ScreenEvent::Filter(_) | ScreenEvent::Show(_) => Outcome::none(),
        }
    }

    fn refresh(&mut self, ctx: &Context, what: Refresh) {
        match what {
            Refresh::Weights => self.rescore(ctx),
            // Notes and labels are searched, statuses filtered: both may have moved.
            Refresh::Review => {
                self.refresh_haystacks(ctx);
                self.refresh_decisions(ctx);
                self.refresh_rows(ctx);
            }
            Refresh::Call => {
                self.selection.clear();
                self.filter.site = None;
                self.cursor = 0;
                self.reload_call(ctx);
            }
            Refresh::Workspace => self.reload_call(ctx),
            Refresh::Figures => {}
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) -> Rect {
        view::render(self, ctx, frame, area, ui)
    }

    fn filter_summary(&self, ctx: &Context) -> Option<String> {
        view::filter_words(self, ctx)
    }
}
