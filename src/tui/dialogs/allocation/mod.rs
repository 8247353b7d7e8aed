//! The allocation view (`A` on the Appel tab): the proposal of `allocation::allocate` for the
//! call under its decisions — who gets which lot, m² used and free per site, how close to the
//! optimum it is certified to be, who is left without a place and why, who may feel
//! overlooked. The officer pins (`p`) or forbids (`x`) the application under the cursor, asks
//! for a floor of placements in the North and East zones (`+` / `-`) or a bonus per structure
//! placed (`b` / `B`): the proposal is worked out again at each key. Enter, after a
//! confirmation, makes it the shortlist in one journaled step that `u` undoes.
//!
//! Scores are the call's (its weights, as the jury file has them), whatever `w` shows.

mod view;

use crate::allocation::{Proposal, Request, allocate};
use crate::i18n::Lang;
use crate::review::{AppKey, ReviewState, Status};
use crate::session::Operation;
use crate::tui::action::{Action, AllocationAction};
use crate::tui::component::{Dialog, DialogKind, Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::confirm::Confirm;
use crate::tui::keymap::Scope;
use crate::tui::shared::listing::moved;
use crate::tui::ui_state::{UiState, Viewport};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::cell::Cell;

/// Points the bonus moves by at each key.
pub const BONUS_STEP: f64 = 5.0;
/// No bonus beyond this: past it, any placement outweighs any score.
pub const BONUS_MAX: f64 = 100.0;

/// One application of the call, a row of the view.
#[derive(Debug, Clone, PartialEq)]
pub struct PairRow {
    pub key: AppKey,
    /// Workspace indices.
    pub structure: usize,
    pub site: usize,
    /// The structure's score on the site under the call's weights.
    pub score: Option<f64>,
    pub eligible: bool,
}

pub struct AllocationDialog {
    pub request: Request,
    /// None when the request could not be honoured (`error` says why).
    pub proposal: Option<Proposal>,
    pub rows: Vec<PairRow>,
    pub cursor: usize,
    /// Scroll of the sites and explanations pane (J/K).
    pub detail_scroll: usize,
    error: Option<String>,
    /// The table's first row drawn (written at draw time).
    offset: Cell<usize>,
}

impl AllocationDialog {
    /// The view of the current call; none when there is no call.
    pub fn open(ctx: &Context) -> Option<AllocationDialog> {
        let call = ctx.call()?;
        let ws = &ctx.workspace;
        let site_rank = |site: usize| {
            call.sites
                .iter()
                .position(|s| s == &ws.sites[site].id)
                .unwrap_or(usize::MAX)
        };
        let mut rows: Vec<PairRow> = call
            .application_pairs()
            .filter_map(|(structure, site)| {
                let (st, si) = (ws.structure_index(structure)?, ws.site_index(site)?);
                let score = ctx.ranking.score(st, si, &call.weights);
                Some(PairRow {
                    key: AppKey::new(structure.clone(), site.clone()),
                    structure: st,
                    site: si,
                    score: score.map(|p| p.total),
                    eligible: score.is_none_or(|p| p.eligible),
                })
            })
            .collect();
        // As the Appel tab ranks: eligible first, then the total as shown (ties by name).
        let shown = |row: &PairRow| row.score.map_or(i64::MIN, crate::scoring::ties::shown);
        rows.sort_by(|a, b| {
            site_rank(a.site)
                .cmp(&site_rank(b.site))
                .then(b.eligible.cmp(&a.eligible))
                .then(shown(b).cmp(&shown(a)))
                .then_with(|| {
                    crate::i18n::natural::natural_cmp(
                        &ws.structures[a.structure].name,
                        &ws.structures[b.structure].name,
                    )
                })
        });
        let mut dialog = AllocationDialog {
            request: Request::default(),
            proposal: None,
            rows,
            cursor: 0,
            detail_scroll: 0,
            error: None,
            offset: Cell::new(0),
        };
        dialog.recompute(ctx);
        Some(dialog)
    }

    /// The proposal under the call's decisions and the officer's request, worked out again.
    pub fn recompute(&mut self, ctx: &Context) {
        let Some(call) = ctx.call() else {
            return;
        };
        let fresh;
        let state = match ctx.review() {
            Some(state) => state,
            None => {
                fresh = ReviewState::fresh(call);
                &fresh
            }
        };
        match allocate(&ctx.workspace, call, state, &self.request, ctx.today) {
            Ok(proposal) => {
                self.proposal = Some(proposal);
                self.error = None;
            }
            Err(e) => {
                self.proposal = None;
                self.error = Some(e.message(ctx.lang));
            }
        }
    }

    pub fn row(&self) -> Option<&PairRow> {
        self.rows.get(self.cursor)
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// `p`: the row must be placed (a pin of the same structure elsewhere gives way), or no
    /// longer. A decision already says it for accepted, refused and closed applications.
    fn toggle_pin(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let Some(key) = self.row().map(|r| r.key.clone()) else {
            return Outcome::none();
        };
        let name = ctx.application_name(&key);
        match ctx.status(&key) {
            Some(Status::Accepte) => {
                return self.say(format!(
                    "{name}{}",
                    lang.pick(
                        "\u{a0}: acceptée, la décision l’impose déjà.",
                        ": accepted, the decision pins it already."
                    )
                ));
            }
            Some(status @ (Status::Refuse | Status::ClasseSansSuite)) => {
                return self.say(match lang {
                    Lang::Fr => format!(
                        "{name}\u{a0}: {}, elle ne peut pas être imposée (changer la décision d’abord).",
                        status.label(lang)
                    ),
                    Lang::En => format!(
                        "{name}: {}, it cannot be pinned (change the decision first).",
                        status.label(lang)
                    ),
                });
            }
            _ => {}
        }
        let request = &mut self.request;
        if let Some(at) = request.pins.iter().position(|k| k == &key) {
            request.pins.remove(at);
        } else {
            request.pins.retain(|k| k.structure != key.structure);
            request.forbids.retain(|k| k != &key);
            request.pins.push(key);
        }
        self.recompute(ctx);
        Outcome::changed()
    }

    /// `x`: the row must not be placed, or may again.
    fn toggle_forbid(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let Some(key) = self.row().map(|r| r.key.clone()) else {
            return Outcome::none();
        };
        let name = ctx.application_name(&key);
        match ctx.status(&key) {
            Some(Status::Accepte) => {
                return self.say(format!(
                    "{name}{}",
                    lang.pick(
                        "\u{a0}: acceptée, la décision l’impose (la changer d’abord sur l’onglet Appel).",
                        ": accepted, the decision pins it (change it first on the Call tab)."
                    )
                ));
            }
            Some(status @ (Status::Refuse | Status::ClasseSansSuite)) => {
                return self.say(match lang {
                    Lang::Fr => format!(
                        "{name}\u{a0}: {}, la décision l’exclut déjà.",
                        status.label(lang)
                    ),
                    Lang::En => format!(
                        "{name}: {}, the decision forbids it already.",
                        status.label(lang)
                    ),
                });
            }
            _ => {}
        }
        let request = &mut self.request;
        if let Some(at) = request.forbids.iter().position(|k| k == &key) {
            request.forbids.remove(at);
        } else {
            request.pins.retain(|k| k != &key);
            request.forbids.push(key);
        }
        self.recompute(ctx);
        Outcome::changed()
    }

    /// A sentence in the view, in place of the last one.
    fn say(&mut self, text: String) -> Outcome {
        self.error = Some(text);
        Outcome::changed()
    }

    fn adjust(&mut self, ctx: &Context, action: AllocationAction) -> Outcome {
        let request = &mut self.request;
        let before = (request.min_priority, request.bonus);
        match action {
            AllocationAction::FloorUp => request.min_priority += 1,
            AllocationAction::FloorDown => {
                request.min_priority = request.min_priority.saturating_sub(1);
            }
            AllocationAction::BonusUp => {
                request.bonus = (request.bonus + BONUS_STEP).min(BONUS_MAX);
            }
            AllocationAction::BonusDown => request.bonus = (request.bonus - BONUS_STEP).max(0.0),
            _ => {}
        }
        if (request.min_priority, request.bonus) == before {
            return Outcome::none();
        }
        self.recompute(ctx);
        Outcome::changed()
    }

    /// Enter: the question first; yes applies the proposal as the shortlist.
    fn ask_to_apply(&self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let Some(proposal) = &self.proposal else {
            return Outcome::none();
        };
        if proposal.placements.is_empty() {
            return Outcome::info(lang.pick(
                "La répartition ne place personne\u{a0}: rien à appliquer.",
                "The allocation places nobody: nothing to apply.",
            ));
        }
        let placed: Vec<AppKey> = proposal.placements.iter().map(|p| p.key()).collect();
        let back = ctx.review().map_or(0, |state| {
            state
                .with_status(Status::Preselectionne)
                .filter(|(k, _)| !placed.contains(k))
                .count()
        });
        let n = placed.len();
        let question = match lang {
            Lang::Fr => format!(
                "Appliquer cette répartition comme présélection\u{a0}? {n} candidature(s) présélectionnée(s) avec leur lot (les acceptées le restent), {back} autre(s) présélectionnée(s) remise(s) en instruction. Un seul pas, annulé par u."
            ),
            Lang::En => format!(
                "Apply this allocation as the shortlist? {n} application(s) shortlisted with their lot (accepted ones stay accepted), {back} other shortlisted one(s) back under review. One step, undone by u."
            ),
        };
        let apply = Effect::Apply {
            operation: Operation::review(proposal.shortlist_change()),
            done: match lang {
                Lang::Fr => format!("répartition appliquée comme présélection ({n} placement(s))"),
                Lang::En => format!("allocation applied as the shortlist ({n} placement(s))"),
            },
            then: vec![Effect::Close],
        };
        Outcome::effect(Effect::Open(Box::new(
            Confirm::new(question, vec![apply])
                .or_else(lang.pick("Rien n’a été appliqué.", "Nothing was applied.")),
        )))
    }
}

impl Dialog for AllocationDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Allocation
    }

    fn scope(&self) -> Scope {
        Scope::Allocation
    }

    fn update(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        if let Some(cursor) = moved(self.cursor, self.rows.len(), action, viewport.page) {
            let changed = cursor != self.cursor;
            self.cursor = cursor;
            return Outcome::from(changed);
        }
        match action {
            Action::Allocation(AllocationAction::Pin) => self.toggle_pin(ctx),
            Action::Allocation(AllocationAction::Forbid) => self.toggle_forbid(ctx),
            Action::Allocation(AllocationAction::DetailDown) => {
                let before = self.detail_scroll;
                self.detail_scroll = (self.detail_scroll + 1).min(viewport.scroll_max);
                Outcome::from(before != self.detail_scroll)
            }
            Action::Allocation(AllocationAction::DetailUp) => {
                let before = self.detail_scroll;
                self.detail_scroll = self.detail_scroll.saturating_sub(1);
                Outcome::from(before != self.detail_scroll)
            }
            Action::Allocation(other) => self.adjust(ctx, other),
            Action::Reset => {
                if self.request == Request::default() {
                    return Outcome::none();
                }
                self.request = Request::default();
                self.recompute(ctx);
                Outcome::changed()
            }
            Action::Confirm => self.ask_to_apply(ctx),
            Action::Back => Outcome::effect(Effect::Close),
            _ => Outcome::none(),
        }
    }

    fn refused(&mut self, message: &str) -> bool {
        self.error = Some(message.to_owned());
        true
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) {
        view::render(self, ctx, frame, area, ui);
    }
}
