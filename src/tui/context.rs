//! What every screen and dialog reads: the workspace, the language and the day, the keymap,
//! the matching engine and the weights in force, the call under review and its session. Only
//! `App` changes it (by applying the effects screens and dialogs return); they read it.

use crate::domain::{Call, Weights, Workspace};
use crate::i18n::Lang;
use crate::pathway::{Alert, Within, alerts, narrowed};
use crate::review::{AppKey, ApplicationReview, ReviewState, Status, Warning};
use crate::scoring::figures;
use crate::session::Session;
use crate::tui::action::Action;
use crate::tui::background::Background;
use crate::tui::health::Health;
use crate::tui::keymap::{Keymap, Scope};
use crate::tui::ranking::Ranking;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::Arc;

/// Up to this many structure × site pairs, whole-workspace figures are worked out before the
/// first frame (a few milliseconds at Est Ensemble's 5 000 × 200); beyond, on worker threads
/// while the cockpit is drawn, the cells saying « calcul… » until they arrive.
pub const INLINE_PAIRS: usize = 2_000_000;

pub struct Context {
    pub workspace: Workspace,
    pub workspace_path: PathBuf,
    pub lang: Lang,
    pub today: NaiveDate,
    pub keymap: Keymap,
    pub ranking: Ranking,
    /// Weights in force on every tab; start as the current call's.
    pub weights: Weights,
    /// Who fits where, whatever the weights (none when scores are unavailable).
    pub eligibility: Eligibility,
    /// The figures being worked out on other threads (`App::tick` takes them in).
    pub background: Background,
    /// The call of the Appel tab: the first by id until the officer picks another.
    pub call: Option<usize>,
    /// The officer's session on the workspace (lock, journal, the call's review); none when it
    /// could not be opened (`session_problem` says why) or before `App::open_review`.
    pub session: Option<Session>,
    pub session_problem: Option<String>,
    /// The live checks of the call's decisions, worked out after each change.
    pub warnings: Vec<Warning>,
    /// Who signs decisions, when the officer configured it (else the cockpit asks once).
    pub officer: Option<String>,
    /// Where the officer's settings are written (the name asked for); none: not saved.
    pub config_file: Option<PathBuf>,
    /// Folder of the default export path; the current directory when none.
    pub export_folder: Option<PathBuf>,
    /// The files' problems and the records left out for them (the Problèmes panel).
    pub health: Health,
    /// The pathway alerts on `today` within the default horizon (`!` lists them), worked out
    /// when the workspace opens or changes.
    pub pathway_alerts: Vec<Alert>,
    /// Those at the widest horizon, shared with Parcours, which narrows them to its own: one
    /// pass over the structures per change, not one per reader.
    pub widest_alerts: Arc<Vec<Alert>>,
}

impl Context {
    pub fn new(
        workspace: Workspace,
        workspace_path: PathBuf,
        lang: Lang,
        today: NaiveDate,
        keymap: Keymap,
    ) -> Context {
        let call = calls_by_id(&workspace).first().copied();
        let weights = call.map(|i| workspace.calls[i].weights).unwrap_or_default();
        // Scores follow the current call's tolerances, as its jury would see them.
        let tolerances = call
            .map(|i| workspace.calls[i].tolerances)
            .unwrap_or_default();
        let ranking = Ranking::new(&workspace, today, &tolerances);
        let widest_alerts = Arc::new(alerts(&workspace, today, Within::WIDEST));
        let pathway_alerts = narrowed(&widest_alerts, today, Within::default());
        let mut context = Context {
            workspace,
            workspace_path,
            lang,
            today,
            keymap,
            ranking,
            weights,
            eligibility: Eligibility::default(),
            background: Background::default(),
            call,
            session: None,
            session_problem: None,
            warnings: Vec::new(),
            officer: None,
            config_file: None,
            export_folder: None,
            health: Health::default(),
            pathway_alerts,
            widest_alerts,
        };
        context.figure_eligibility(INLINE_PAIRS);
        context
    }

    /// Eligibility of every pair: at once when the workspace has at most `inline_pairs`
    /// pairs, else asked of a worker thread (« calcul… » until `take_figures`).
    pub fn figure_eligibility(&mut self, inline_pairs: usize) {
        if !self.ranking.available() {
            self.background.cancel();
            self.eligibility = Eligibility::default();
            return;
        }
        let pairs = self.ranking.structure_count() * self.ranking.site_count();
        if pairs <= inline_pairs {
            self.background.cancel();
            let threads = crate::parallel::available_threads();
            let answer = figures::eligibility(&self.ranking.shared_matcher(), threads);
            self.eligibility = Eligibility::known(answer);
        } else {
            self.eligibility = Eligibility::pending();
            self.background
                .request_eligibility(self.ranking.shared_matcher());
        }
    }

    /// Takes in the figures worked out on other threads; true when some arrived (the
    /// screens that show or filter on them are then refreshed).
    pub fn take_figures(&mut self) -> bool {
        match self.background.take() {
            Some(answer) => {
                self.eligibility = Eligibility::known(answer);
                true
            }
            None => false,
        }
    }

    /// Waits for the figures being worked out (tests and benches read the cockpit as the
    /// officer sees it a moment after start-up).
    pub fn wait_for_figures(&mut self) -> bool {
        match self.background.wait() {
            Some(answer) => {
                self.eligibility = Eligibility::known(answer);
                true
            }
            None => false,
        }
    }

    pub fn call(&self) -> Option<&Call> {
        self.call.and_then(|i| self.workspace.calls.get(i))
    }

    /// The call's own weights (what the jury file uses, and what `r` restores).
    pub fn call_weights(&self) -> Weights {
        self.call().map(|c| c.weights).unwrap_or_default()
    }

    pub fn review(&self) -> Option<&ReviewState> {
        self.session.as_ref().and_then(|s| s.review())
    }

    pub fn application(&self, key: &AppKey) -> Option<&ApplicationReview> {
        self.review()?.get(key)
    }

    pub fn status(&self, key: &AppKey) -> Option<Status> {
        self.application(key).map(|a| a.status)
    }

    pub fn is_read_only(&self) -> bool {
        self.session.as_ref().is_some_and(Session::is_read_only)
    }

    /// The records changed (a form, an import, a placement): the matching engine and what is
    /// derived from it are built again; the call shown stays the same call.
    pub fn workspace_changed(&mut self) {
        let call_id = self.call().map(|c| c.id.clone());
        self.call = call_id
            .and_then(|id| self.workspace.calls.iter().position(|c| c.id == id))
            .or_else(|| calls_by_id(&self.workspace).first().copied());
        let tolerances = self.call().map(|c| c.tolerances).unwrap_or_default();
        self.ranking = Ranking::new(&self.workspace, self.today, &tolerances);
        self.figure_eligibility(INLINE_PAIRS);
        self.widest_alerts = Arc::new(alerts(&self.workspace, self.today, Within::WIDEST));
        self.pathway_alerts = narrowed(&self.widest_alerts, self.today, Within::default());
        self.refresh_warnings();
    }

    /// Recomputes the live checks of the call's decisions.
    pub fn refresh_warnings(&mut self) {
        self.warnings = self
            .session
            .as_ref()
            .map(|s| s.checks(&self.workspace))
            .unwrap_or_default();
    }

    /// The keys of an action every tab shares, as the keymap (maybe overridden) has them, for
    /// naming them in a sentence (« ⚠ 3 problèmes (P) »).
    pub fn key_of(&self, action: Action) -> String {
        self.keymap
            .binding_for(Scope::Lists, action)
            .map(|b| b.keys_label(self.lang))
            .unwrap_or_default()
    }

    /// `Structure × Site` with names (ids only for what the workspace no longer holds).
    pub fn application_name(&self, key: &AppKey) -> String {
        let ws = &self.workspace;
        let structure = ws
            .structure(&key.structure)
            .map_or(key.structure.as_str(), |s| s.name.as_str());
        let site = ws
            .site(&key.site)
            .map_or(key.site.as_str(), |s| s.name.as_str());
        format!("{structure} × {site}")
    }
}

/// Eligible candidates per site and whether each structure fits at least one site. Weights do
/// not change eligibility, so this is worked out when the workspace opens or changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Eligibility {
    /// The engine's answer (none: nothing to score, or still being worked out).
    pub pairs: Option<Arc<figures::Eligibility>>,
    /// True while a worker thread works it out.
    pub pending: bool,
}

impl Eligibility {
    pub fn known(answer: figures::Eligibility) -> Eligibility {
        Eligibility {
            pairs: Some(Arc::new(answer)),
            pending: false,
        }
    }

    pub fn pending() -> Eligibility {
        Eligibility {
            pairs: None,
            pending: true,
        }
    }

    /// Structures eligible for `site`; none when unknown (nothing to score, or pending).
    pub fn site(&self, site: usize) -> Option<usize> {
        self.pairs.as_ref()?.per_site.get(site).copied()
    }

    /// Whether `structure` fits at least one site; none when unknown.
    pub fn structure(&self, structure: usize) -> Option<bool> {
        self.pairs.as_ref()?.fits.get(structure).copied()
    }
}

/// The workspace's calls in id order (the picker's order; the first is the default call).
pub fn calls_by_id(workspace: &Workspace) -> Vec<usize> {
    let mut order: Vec<usize> = (0..workspace.calls.len()).collect();
    order.sort_by(|&a, &b| workspace.calls[a].id.cmp(&workspace.calls[b].id));
    order
}
