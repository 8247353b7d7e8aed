//! Screen 4, Parcours: each structure's stage, what comes next and its timeline over the
//! years (today marked, stays drawn by kind, planned ones apart); the pathway alerts on the
//! rows and in a list, for a horizon of 3, 6 or 12 months; and the next step of the selected
//! structure — the best sites of the next stage with their score cards — from which the
//! officer records a placement or attaches the structure to a call.
//!
//! The most urgent first: structures with an alert (by days left), then by the end of their
//! current stay, then the others.

mod attach;
pub mod rows;
pub mod timeline;
mod view;

use crate::pathway::{Alert, Span, Suggestion, Within, suggestions};
use crate::tui::action::{Action, PathwayAction};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::placement::PlacementDialog;
use crate::tui::dialogs::score_card::ScoreCardDialog;
use crate::tui::keymap::Scope;
use crate::tui::screens::{Refresh, Screen};
use crate::tui::shared::listing::{move_or_select, moved};
use crate::tui::ui_state::{UiState, Viewport};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::sync::Arc;

/// Sites offered for the next step.
pub const SUGGESTIONS: usize = 5;

/// Which list has the keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    Structures,
    /// The sites of the selected structure's next step.
    NextStep,
}

#[derive(Debug)]
pub struct Parcours {
    /// Structures in the order shown (indices into the workspace).
    pub rows: Vec<usize>,
    pub cursor: usize,
    pub horizon: Within,
    /// Only the structures with an alert.
    pub alerts_only: bool,
    /// The dates the timeline shows.
    pub span: Span,
    pub focus: Focus,
    /// Cursor in the suggestions.
    pub suggestion: usize,
    /// The alerts at the widest horizon (the context's, worked out once per workspace): a
    /// shorter horizon is a filter of them (`pathway::narrowed`), not a pass over every
    /// structure.
    widest: Arc<Vec<Alert>>,
    /// Those within the horizon (positions in `widest`), most urgent first.
    within: Vec<usize>,
    /// `(structure, position in widest)` of those, by structure: a row finds its alerts by a
    /// binary search, not a pass over every alert.
    by_structure: Vec<(usize, usize)>,
    /// The order's keys besides the alerts, per workspace.
    order: rows::OrderKeys,
    /// The next step of the selected structure: its index and the sites suggested.
    pub suggestions: Vec<Suggestion>,
    suggested_for: Option<usize>,
}

impl Parcours {
    pub fn new(ctx: &Context) -> Parcours {
        let mut screen = Parcours {
            rows: Vec::new(),
            cursor: 0,
            horizon: Within::default(),
            alerts_only: false,
            span: Span::around(ctx.today, 1, 2),
            focus: Focus::Structures,
            suggestion: 0,
            widest: Arc::default(),
            within: Vec::new(),
            by_structure: Vec::new(),
            order: rows::OrderKeys::default(),
            suggestions: Vec::new(),
            suggested_for: None,
        };
        screen.reload(ctx);
        screen
    }

    /// The structure under the cursor.
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor).copied()
    }

    /// Every pathway alert within the horizon, most urgent first.
    pub fn alerts(&self) -> impl ExactSizeIterator<Item = &Alert> {
        self.within.iter().map(|&at| &self.widest[at])
    }

    /// The alerts of one structure (within the horizon), most urgent first.
    pub fn alerts_of(&self, structure: usize) -> impl Iterator<Item = &Alert> {
        let from = self.by_structure.partition_point(|&(s, _)| s < structure);
        self.by_structure[from..]
            .iter()
            .take_while(move |&&(s, _)| s == structure)
            .map(|&(_, at)| &self.widest[at])
    }

    /// The workspace changed: alerts, due ends and names worked out again, then the rows.
    fn reload(&mut self, ctx: &Context) {
        self.widest = Arc::clone(&ctx.widest_alerts);
        self.order = rows::OrderKeys::new(ctx);
        self.refilter(ctx);
    }

    /// The horizon or the alerts-only filter changed: alerts, order and next step again; the
    /// cursor stays on its structure.
    fn refilter(&mut self, ctx: &Context) {
        let followed = self.selected();
        let until = self.horizon.until(ctx.today);
        self.within = (0..self.widest.len())
            .filter(|&at| self.widest[at].holds_until(until))
            .collect();
        self.by_structure = self
            .within
            .iter()
            .map(|&at| (self.widest[at].index, at))
            .collect();
        self.by_structure.sort_unstable();
        self.rows = self.order.ordered(self.alerts(), self.alerts_only);
        self.cursor = followed
            .and_then(|s| self.rows.iter().position(|&r| r == s))
            .unwrap_or(self.cursor)
            .min(self.rows.len().saturating_sub(1));
        self.suggested_for = None;
        self.refresh_suggestions(ctx);
    }

    /// The selected structure's next step, worked out when it changes (not at each frame).
    fn refresh_suggestions(&mut self, ctx: &Context) {
        let selected = self.selected();
        if selected == self.suggested_for {
            return;
        }
        self.suggested_for = selected;
        self.suggestion = 0;
        self.suggestions = match selected {
            Some(s) if ctx.ranking.available() => suggestions(
                &ctx.workspace,
                ctx.ranking.matcher(),
                s,
                &ctx.weights,
                SUGGESTIONS,
                ctx.lang,
            ),
            _ => Vec::new(),
        };
        if self.suggestions.is_empty() {
            self.focus = Focus::Structures;
        }
    }

    fn timeline_key(&mut self, ctx: &Context, action: PathwayAction) -> bool {
        let before = self.span;
        let months = (self.span.days() / 30).max(1);
        let step = i32::try_from((months / 6).max(1)).unwrap_or(1);
        self.span = match action {
            PathwayAction::ZoomIn => self.span.zoomed(0.5),
            PathwayAction::ZoomOut => self.span.zoomed(2.0),
            PathwayAction::ScrollBack => self.span.shifted(-step),
            PathwayAction::ScrollForward => self.span.shifted(step),
            _ => {
                // Today a third of the way in, the span's length kept.
                let days = self.span.days();
                let from = ctx.today - chrono::Duration::days(days / 3);
                Span {
                    from,
                    to: from + chrono::Duration::days(days - 1),
                }
            }
        };
        self.span != before
    }

    fn pathway_key(&mut self, ctx: &Context, action: PathwayAction) -> Outcome {
        match action {
            PathwayAction::ZoomIn
            | PathwayAction::ZoomOut
            | PathwayAction::ScrollBack
            | PathwayAction::ScrollForward
            | PathwayAction::Today => Outcome::from(self.timeline_key(ctx, action)),
            PathwayAction::NextHorizon => {
                let at = Within::ALL.iter().position(|w| *w == self.horizon);
                self.horizon = Within::ALL[at.map_or(0, |i| (i + 1) % Within::ALL.len())];
                self.refilter(ctx);
                Outcome::changed()
            }
            PathwayAction::ToggleAlertsOnly => {
                self.alerts_only = !self.alerts_only;
                self.refilter(ctx);
                Outcome::changed()
            }
            PathwayAction::Place => self.place(ctx),
            PathwayAction::Attach => match (self.selected(), self.chosen_site()) {
                (Some(structure), Some(site)) => attach::offer(ctx, structure, site),
                _ => Outcome::none(),
            },
            _ => Outcome::none(),
        }
    }

    /// The site under the next step's cursor.
    pub fn chosen_site(&self) -> Option<usize> {
        (self.focus == Focus::NextStep)
            .then(|| self.suggestions.get(self.suggestion).map(|s| s.site))
            .flatten()
    }

    fn place(&self, ctx: &Context) -> Outcome {
        let (Some(structure), Some(suggestion)) =
            (self.selected(), self.suggestions.get(self.suggestion))
        else {
            return Outcome::none();
        };
        if self.focus != Focus::NextStep {
            return Outcome::none();
        }
        match PlacementDialog::new(ctx, structure, suggestion.site, suggestion.card.lot.clone()) {
            Some(dialog) => {
                Outcome::effect(Effect::IfWritable(vec![Effect::Open(Box::new(dialog))]))
            }
            None => Outcome::none(),
        }
    }

    /// Enter: from a structure to its next step; on a site, its score card.
    fn open(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let Some(structure) = self.selected() else {
            return Outcome::none();
        };
        match self.focus {
            Focus::Structures if self.suggestions.is_empty() => {
                Outcome::info(view::no_suggestion(ctx, structure, lang))
            }
            Focus::Structures => {
                self.focus = Focus::NextStep;
                Outcome::changed()
            }
            Focus::NextStep => match self.suggestions.get(self.suggestion) {
                Some(s) => Outcome::effect(Effect::Open(Box::new(ScoreCardDialog::new(
                    structure, s.site,
                )))),
                None => Outcome::none(),
            },
        }
    }
}

impl Screen for Parcours {
    fn scope(&self) -> Scope {
        match self.focus {
            Focus::Structures => Scope::Parcours,
            Focus::NextStep => Scope::NextStep,
        }
    }

    fn update(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        if self.focus == Focus::NextStep
            && let Some(next) = moved(
                self.suggestion,
                self.suggestions.len(),
                action,
                viewport.page,
            )
        {
            let changed = next != self.suggestion;
            self.suggestion = next;
            return Outcome::from(changed);
        }
        if let Some(changed) =
            move_or_select(&mut self.cursor, self.rows.len(), action, viewport.page)
        {
            self.refresh_suggestions(ctx);
            return Outcome::from(changed);
        }
        match action {
            Action::Open => self.open(ctx),
            Action::Back if self.focus == Focus::NextStep => {
                self.focus = Focus::Structures;
                Outcome::changed()
            }
            Action::Pathway(key) => self.pathway_key(ctx, key),
            _ => Outcome::none(),
        }
    }

    fn refresh(&mut self, ctx: &Context, what: Refresh) {
        match what {
            Refresh::Workspace => self.reload(ctx),
            Refresh::Weights => {
                self.suggested_for = None;
                let kept = self.suggestion;
                self.refresh_suggestions(ctx);
                self.suggestion = kept.min(self.suggestions.len().saturating_sub(1));
            }
            Refresh::Review | Refresh::Call | Refresh::Figures => {}
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) -> Rect {
        view::render(self, ctx, frame, area, ui)
    }

    fn filter_summary(&self, ctx: &Context) -> Option<String> {
        self.alerts_only.then(|| {
            ctx.lang
                .pick("structures en alerte seulement", "alerted structures only")
                .to_owned()
        })
    }
}
