//! What the Appel tab knows about the review: the session (opened when the cockpit starts,
//! dropped with the `App` on quit, which releases the workspace lock), the rows shown after the
//! site and status filters, the selection for bulk decisions, and the open form.
//!
//! Nothing decided lives only here: every confirmed change goes through
//! `ReviewSession::apply` (journal fsync, then atomic save) before the screen shows it.

use crate::domain::{Call, SiteId, StructureId, Workspace};
use crate::i18n::Lang;
use crate::review::{AppKey, ApplicationReview, Partner, Status, Warning};
use crate::session::{ReviewSession, officer_name};
use crate::tui::app::{App, Message};
use crate::tui::keymap::Context;
use crate::tui::mode::Mode;
use crate::tui::tab::Tab;
use crate::tui::text_input::TextInput;
use std::collections::{BTreeSet, HashMap};

/// One application on screen: its key and the workspace indices of its structure and site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRow {
    pub key: AppKey,
    pub structure: usize,
    pub site: usize,
}

/// How the rows are ordered: applications of the same site (or status) together.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Grouping {
    #[default]
    Site,
    Status,
}

impl Grouping {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Grouping::Site => lang.pick("par lieu", "by site"),
            Grouping::Status => lang.pick("par statut", "by status"),
        }
    }

    pub fn toggled(self) -> Grouping {
        match self {
            Grouping::Site => Grouping::Status,
            Grouping::Status => Grouping::Site,
        }
    }
}

/// The Appel tab's filter popup: one site of the call, one status, and the grouping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallFilter {
    pub site: Option<SiteId>,
    pub status: Option<Status>,
    pub grouping: Grouping,
}

impl CallFilter {
    pub const FIELDS: usize = 3;

    pub fn is_active(&self) -> bool {
        self.site.is_some() || self.status.is_some()
    }
}

/// Which field of the opinion form has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpinionField {
    Partner,
    /// The name of a partner not in the list (only when « autre » is chosen).
    Name,
    Answer,
    Text,
}

/// The data of the text form open over the Appel tab.
#[derive(Debug, Clone, PartialEq)]
pub enum Form {
    /// A decision on `keys` (the selection, or the row): its motivation.
    Decision {
        status: Status,
        keys: Vec<AppKey>,
        text: TextInput,
        /// The model's refusal of the last attempt, shown in the form.
        error: Option<String>,
    },
    Annotation {
        key: AppKey,
        text: TextInput,
    },
    /// Labels, typed separated by commas.
    Labels {
        key: AppKey,
        text: TextInput,
        error: Option<String>,
    },
    Opinion {
        key: AppKey,
        /// Index in `Partner::KNOWN`; one past its end: another partner, named in `name`.
        partner: usize,
        name: TextInput,
        favourable: bool,
        field: OpinionField,
        text: TextInput,
        error: Option<String>,
    },
}

impl Form {
    pub fn text_mut(&mut self) -> &mut TextInput {
        match self {
            Form::Decision { text, .. }
            | Form::Annotation { text, .. }
            | Form::Labels { text, .. } => text,
            Form::Opinion {
                field: OpinionField::Name,
                name,
                ..
            } => name,
            Form::Opinion { text, .. } => text,
        }
    }

    /// The partner choices of the opinion form: the known partners, then « autre ».
    pub const PARTNER_CHOICES: usize = Partner::KNOWN.len() + 1;

    /// The partner of choice `index`; « autre » takes the typed name.
    pub fn partner(index: usize, name: &str) -> Partner {
        Partner::KNOWN
            .get(index)
            .cloned()
            .unwrap_or_else(|| Partner::Other(name.trim().to_owned()))
    }

    pub fn partner_label(index: usize, lang: Lang) -> String {
        Partner::KNOWN.get(index).map_or_else(
            || lang.pick("autre (à nommer)", "other (to name)").to_owned(),
            |p| p.name().to_owned(),
        )
    }

    /// The fields of the opinion form in Tab order (the name only for « autre »).
    pub fn opinion_fields(partner: usize) -> Vec<OpinionField> {
        let mut fields = vec![OpinionField::Partner];
        if partner >= Partner::KNOWN.len() {
            fields.push(OpinionField::Name);
        }
        fields.extend([OpinionField::Answer, OpinionField::Text]);
        fields
    }
}

#[derive(Debug, Default)]
pub struct ReviewUi {
    pub session: Option<ReviewSession>,
    /// Why there is no session (the review file could not be read…), in the officer's language.
    pub problem: Option<String>,
    pub rows: Vec<CallRow>,
    /// Every application of the call shown (`pairs_of`), before filters: looking the ids up
    /// is the slow part on a large workspace, so it is done once per call.
    pairs: Vec<CallRow>,
    pairs_of: Option<usize>,
    pub selection: BTreeSet<AppKey>,
    pub filter: CallFilter,
    pub filter_field: usize,
    pub form: Option<Form>,
    pub grid_cursor: usize,
    pub picker_cursor: usize,
    /// Scroll of the detail pane, and the application it belongs to (another row starts at 0).
    pub detail_scroll: (Option<AppKey>, usize),
    /// The live checks of the current decisions, worked out after each change.
    pub warnings: Vec<Warning>,
}

impl ReviewUi {
    pub fn application(&self, key: &AppKey) -> Option<&ApplicationReview> {
        self.session.as_ref()?.state().get(key)
    }

    pub fn status(&self, key: &AppKey) -> Option<Status> {
        self.application(key).map(|a| a.status)
    }
}

impl App {
    /// The keymap context of the keys now: the Appel tab's list has its own (review keys over
    /// the list keys); everywhere else the top mode decides.
    pub fn key_context(&self) -> Context {
        match self.mode() {
            Mode::Normal if self.tab == Tab::Call => Context::Call,
            mode => mode.context(),
        }
    }

    /// Opens the review session of the current call as the officer named by the environment.
    /// The cockpit calls it once at start; a second instance gets a read-only session.
    pub fn open_review(&mut self) {
        self.open_review_as(&officer_name());
    }

    pub fn open_review_as(&mut self, officer: &str) {
        self.review.session = None;
        self.review.problem = None;
        let Some(call) = self.current_call.and_then(|i| self.workspace.calls.get(i)) else {
            self.refresh_call_rows();
            return;
        };
        match ReviewSession::open(&self.workspace_path, &self.workspace, &call.id, officer) {
            Ok(session) => {
                self.note_session_recovery(&session);
                self.review.session = Some(session);
            }
            Err(e) => self.review.problem = Some(e.message(self.lang)),
        }
        self.refresh_call_rows();
    }

    /// Says once what opening recovered from: a torn journal line, replayed entries.
    pub(crate) fn note_session_recovery(&mut self, session: &ReviewSession) {
        let lang = self.lang;
        if let Some(torn) = session.torn_line() {
            self.message = Some(Message::Error(torn.message(lang)));
        } else if session.replayed() > 0 {
            self.info(format!(
                "{} {}",
                session.replayed(),
                lang.pick(
                    "décision(s) reprise(s) du journal",
                    "decision(s) replayed from the journal"
                )
            ));
        }
    }

    /// The application under the cursor of the Appel tab.
    pub fn call_row(&self) -> Option<&CallRow> {
        self.review.rows.get(self.other_cursor)
    }

    /// Recomputes the Appel rows (filters, grouping) and the live checks; the cursor follows
    /// the application it was on.
    pub fn refresh_call_rows(&mut self) {
        let followed = self.call_row().map(|r| r.key.clone());
        let call = self.current_call.and_then(|i| self.workspace.calls.get(i));
        if self.review.pairs_of != self.current_call {
            self.review.pairs = call.map_or_else(Vec::new, |c| call_pairs(&self.workspace, c));
            self.review.pairs_of = self.current_call;
        }
        let filter = &self.review.filter;
        let mut rows: Vec<CallRow> = self
            .review
            .pairs
            .iter()
            .filter(|row| filter.site.as_ref().is_none_or(|s| s == &row.key.site))
            .filter(|row| {
                filter
                    .status
                    .is_none_or(|s| self.review.status(&row.key) == Some(s))
            })
            .cloned()
            .collect();
        let site_ranks: HashMap<&SiteId, usize> = call
            .map(|c| c.sites.iter().enumerate().map(|(i, s)| (s, i)).collect())
            .unwrap_or_default();
        let site_rank = |site: &SiteId| site_ranks.get(site).copied().unwrap_or(usize::MAX);
        let status_rank = |key: &AppKey| self.review.status(key).map(|s| s as usize);
        let name = |row: &CallRow| &self.workspace.structures[row.structure].name;
        match filter.grouping {
            // By name within a site, so a decision does not move the row under the cursor.
            Grouping::Site => rows.sort_by(|a, b| {
                (site_rank(&a.key.site), &a.key.site, name(a)).cmp(&(
                    site_rank(&b.key.site),
                    &b.key.site,
                    name(b),
                ))
            }),
            Grouping::Status => rows.sort_by(|a, b| {
                (
                    status_rank(&a.key),
                    site_rank(&a.key.site),
                    &a.key.site,
                    name(a),
                )
                    .cmp(&(
                        status_rank(&b.key),
                        site_rank(&b.key.site),
                        &b.key.site,
                        name(b),
                    ))
            }),
        }
        self.other_cursor = followed
            .and_then(|k| rows.iter().position(|r| r.key == k))
            .unwrap_or(self.other_cursor)
            .min(rows.len().saturating_sub(1));
        self.review.rows = rows;
        self.review.warnings = self
            .review
            .session
            .as_ref()
            .map(|s| s.checks(&self.workspace))
            .unwrap_or_default();
    }
}

/// The call's applications with the workspace indices of their structure and site (pairs
/// naming an unknown id are left out: the store's validation reports them).
fn call_pairs(workspace: &Workspace, call: &Call) -> Vec<CallRow> {
    let structures: HashMap<&StructureId, usize> = workspace
        .structures
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let sites: HashMap<&SiteId, usize> = workspace
        .sites
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    call.application_pairs()
        .filter_map(|(structure, site)| {
            Some(CallRow {
                key: AppKey::new(structure.clone(), site.clone()),
                structure: *structures.get(structure)?,
                site: *sites.get(site)?,
            })
        })
        .collect()
}
