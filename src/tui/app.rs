//! The cockpit: the shared context, the five screens, the stack of dialogs, and the routing —
//! a key goes to the top dialog, else to the current screen; what they return as effects is
//! applied here, then every screen is told what changed. No screen's fields live here.

use crate::domain::Workspace;
use crate::edit;
use crate::export::{ExportError, ExportOptions, export_loaded};
use crate::i18n::Lang;
use crate::session::error::WhyReadOnly;
use crate::session::{Access, Done, Session, officer::configured_officer};
use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind, Placement};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::alerts::AlertsDialog;
use crate::tui::dialogs::council_report::{self, ReportJob};
use crate::tui::dialogs::export::{ExportDialog, done as exported};
use crate::tui::dialogs::help::HelpDialog;
use crate::tui::dialogs::import::ImportDialog;
use crate::tui::dialogs::officer::OfficerDialog;
use crate::tui::dialogs::problems::ProblemsDialog;
use crate::tui::dialogs::weights::WeightsDialog;
use crate::tui::health::Health;
use crate::tui::keymap::{Keymap, KeymapError, Scope};
use crate::tui::message::{Message, StatusMessage};
use crate::tui::screens::appel::Appel;
use crate::tui::screens::lieux::{Lieux, Sites};
use crate::tui::screens::parcours::Parcours;
use crate::tui::screens::structures::{StructureItems, Structures};
use crate::tui::screens::territoire::Territoire;
use crate::tui::screens::{Refresh, Screen};
use crate::tui::shared::export_choices::ExportChoices;
use crate::tui::tab::Tab;
use crate::tui::text::{self, Msg};
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::{key_bar, read_only_banner, safe, status_bar, tab_bar};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Wrap};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::Instant;
use unicode_width::UnicodeWidthStr;

/// Below this size the screens would be garbage: say so instead.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;

pub struct App {
    pub ctx: Context,
    pub tab: Tab,
    pub lieux: Lieux,
    pub structures: Structures,
    pub appel: Appel,
    pub parcours: Parcours,
    pub territoire: Territoire,
    dialogs: Vec<Box<dyn Dialog>>,
    pub message: StatusMessage,
    pub quit: bool,
    /// An export confirmed, written once « Export en cours… » is on screen.
    pending_export: Option<ExportOptions>,
    last_export: Option<ExportChoices>,
    /// A council report confirmed, written once « Export en cours… » is on screen.
    pending_report: Option<ReportJob>,
}

impl App {
    pub fn new(
        workspace: Workspace,
        workspace_path: PathBuf,
        lang: Lang,
        today: NaiveDate,
        keymap: Keymap,
        keymap_problem: Option<KeymapError>,
    ) -> App {
        let ctx = Context::new(workspace, workspace_path, lang, today, keymap);
        App::with_context(ctx, keymap_problem)
    }

    /// The screens built on `ctx` (each works out what it shows once, here).
    fn with_context(ctx: Context, keymap_problem: Option<KeymapError>) -> App {
        let lang = ctx.lang;
        let mut app = App {
            lieux: Lieux::new(&ctx, Sites::default()),
            structures: Structures::new(&ctx, StructureItems::default()),
            appel: Appel::new(&ctx),
            parcours: Parcours::new(&ctx),
            territoire: Territoire::new(&ctx),
            ctx,
            tab: Tab::Sites,
            dialogs: Vec::new(),
            message: StatusMessage::default(),
            quit: false,
            pending_export: None,
            last_export: None,
            pending_report: None,
        };
        if let Some(e) = keymap_problem {
            app.message.set(Message::Error(format!(
                "{}{}",
                text::label_colon(Msg::KeysFileRefused.get(lang), lang),
                e.message(lang)
            )));
        }
        app
    }

    /// The cockpit on the workspace in `dir` as the officer left it, whatever one file says:
    /// the records of the files with problems are left out (and never rewritten), the
    /// problems listed in the Problèmes panel. Fails only when `dir` holds no workspace.
    pub fn open_workspace(
        dir: &std::path::Path,
        lang: Lang,
        today: NaiveDate,
        keymap: Keymap,
        keymap_problem: Option<KeymapError>,
    ) -> Result<App, crate::store::problem::Problems> {
        let (workspace, health) = Health::read(dir)?;
        let mut ctx = Context::new(workspace, dir.to_owned(), lang, today, keymap);
        // Known before the screens are built: the Appel tab names what is left out of its
        // call, Parcours the structures out of it.
        ctx.health = health;
        Ok(App::with_context(ctx, keymap_problem))
    }

    /// Opens the session (and the review of the current call) as the officer configured in
    /// the environment or the settings file; when none is, the first change asks for the name.
    /// The cockpit calls it once at start; a second instance gets a read-only session.
    pub fn open_review(&mut self) {
        let configured = configured_officer();
        self.ctx.config_file = crate::store::config::path();
        self.open_session(configured);
    }

    /// Same, signed by `officer` (tests, scripts).
    pub fn open_review_as(&mut self, officer: &str) {
        self.open_session(Some(officer.to_owned()));
    }

    /// Opens the session signed by `officer`, or, when none, asking the officer's name at the
    /// first change (saved to `ctx.config_file`).
    pub fn open_session(&mut self, officer: Option<String>) {
        let ctx = &mut self.ctx;
        ctx.officer = officer;
        ctx.session = None;
        ctx.session_problem = None;
        let call = ctx.call().map(|c| c.id.clone());
        let who = ctx.officer.clone().unwrap_or_else(|| "inconnu".to_owned());
        match Session::open_protecting(
            &ctx.workspace_path,
            &ctx.workspace,
            call.as_ref(),
            &who,
            Access::WriteIfFree,
            ctx.health.broken.clone(),
        ) {
            Ok(session) => {
                self.note_recovery(&session);
                self.ctx.session = Some(session);
                self.take_pending_edits();
            }
            Err(e) => self.ctx.session_problem = Some(e.message(self.ctx.lang)),
        }
        self.ctx.refresh_warnings();
        self.refresh_screens(Refresh::Review);
    }

    /// Says once what opening recovered from: a torn journal line, replayed entries.
    fn note_recovery(&mut self, session: &Session) {
        let lang = self.ctx.lang;
        if let Some(torn) = session.torn_line() {
            self.message.set(Message::Error(torn.message(lang)));
        } else if session.replayed() > 0 {
            self.message.set(Message::Info(format!(
                "{} {}",
                session.replayed(),
                lang.pick(
                    "décision(s) reprise(s) du journal",
                    "decision(s) replayed from the journal"
                )
            )));
        }
    }

    /// Changes of records the journal held beyond the files (or another instance made): applied
    /// to the workspace in memory, and every screen told.
    fn take_pending_edits(&mut self) {
        let Some(session) = self.ctx.session.as_mut() else {
            return;
        };
        let pending = session.take_pending();
        if pending.is_empty() {
            return;
        }
        for e in &pending {
            edit::apply_unchecked(&mut self.ctx.workspace, e);
        }
        self.workspace_changed();
    }

    fn workspace_changed(&mut self) {
        self.ctx.workspace_changed();
        self.refresh_screens(Refresh::Workspace);
    }

    pub fn screen(&self) -> &dyn Screen {
        match self.tab {
            Tab::Sites => &self.lieux,
            Tab::Structures => &self.structures,
            Tab::Call => &self.appel,
            Tab::Pathway => &self.parcours,
            Tab::Territory => &self.territoire,
        }
    }

    fn refresh_screens(&mut self, what: Refresh) {
        for tab in Tab::ALL {
            let ctx = &self.ctx;
            match tab {
                Tab::Sites => self.lieux.refresh(ctx, what),
                Tab::Structures => self.structures.refresh(ctx, what),
                Tab::Call => self.appel.refresh(ctx, what),
                Tab::Pathway => self.parcours.refresh(ctx, what),
                Tab::Territory => self.territoire.refresh(ctx, what),
            }
        }
    }

    /// The topmost open dialog of type `T`, to read its state.
    pub fn top<T: 'static>(&self) -> Option<&T> {
        self.dialogs
            .iter()
            .rev()
            .find_map(|d| d.as_ref().as_any().downcast_ref::<T>())
    }

    /// An export handed over and not written yet.
    pub fn export_pending(&self) -> bool {
        self.pending_export.is_some() || self.pending_report.is_some()
    }

    /// The dialog on top, if any.
    pub fn dialog(&self) -> Option<DialogKind> {
        self.dialogs.last().map(|d| d.kind())
    }

    pub fn dialogs(&self) -> impl Iterator<Item = DialogKind> + '_ {
        self.dialogs.iter().map(|d| d.kind())
    }

    /// The keymap scope of the keys now: the top dialog's, else the screen's.
    pub fn scope(&self) -> Scope {
        match self.dialogs.last() {
            Some(dialog) => dialog.scope(),
            None => self.screen().scope(),
        }
    }

    /// Applies an action; returns whether anything visible changed (the terminal loop redraws
    /// only then).
    pub fn handle(&mut self, action: Action, viewport: Viewport) -> bool {
        match action {
            Action::Quit => {
                self.quit = true;
                return true;
            }
            Action::Resize => return true,
            _ => {}
        }
        // The last message goes at the next action (new ones may replace it).
        let mut changed = self.message.clear();
        let outcome = match self.dialogs.last_mut() {
            Some(dialog) => dialog.update(&self.ctx, action, viewport),
            None => self.list_key(action, viewport),
        };
        changed |= outcome.changed;
        self.apply(outcome.effects);
        changed
    }

    /// The keys every tab shares, then the screen's own.
    fn list_key(&mut self, action: Action, viewport: Viewport) -> Outcome {
        let effect = match action {
            Action::NextTab => Effect::SwitchTab(self.tab.next()),
            Action::PreviousTab => Effect::SwitchTab(self.tab.previous()),
            Action::GoTo(tab) => Effect::SwitchTab(tab),
            Action::OpenWeights => Effect::Open(Box::new(WeightsDialog::new())),
            Action::OpenHelp => Effect::Open(Box::new(HelpDialog::new(self.screen().scope()))),
            Action::OpenAlerts => Effect::Open(Box::new(AlertsDialog::new())),
            Action::OpenExport => Effect::OpenExport,
            Action::OpenProblems => Effect::Open(Box::new(ProblemsDialog::new())),
            // Asked before anything is read: a read-only window takes over first (or says
            // why it cannot), so the preview is planned on the workspace the import will meet.
            Action::OpenImport => {
                Effect::IfWritable(vec![Effect::Open(Box::new(ImportDialog::new(&self.ctx)))])
            }
            Action::Undo => Effect::Undo,
            Action::Redo => Effect::Redo,
            Action::Reload => Effect::Reload,
            other => {
                let tab = self.tab;
                let ctx = &self.ctx;
                return match tab {
                    Tab::Sites => self.lieux.update(ctx, other, viewport),
                    Tab::Structures => self.structures.update(ctx, other, viewport),
                    Tab::Call => self.appel.update(ctx, other, viewport),
                    Tab::Pathway => self.parcours.update(ctx, other, viewport),
                    Tab::Territory => self.territoire.update(ctx, other, viewport),
                };
            }
        };
        Outcome::effect(effect)
    }

    fn info(&mut self, text: impl Into<String>) {
        self.message.set(Message::Info(text.into()));
    }

    fn error(&mut self, text: impl Into<String>) {
        self.message.set(Message::Error(text.into()));
    }

    /// A refused change: shown in the form that asked for it when it shows refusals, and in
    /// the status line too (a form's refusal must not go unseen once the form is closed).
    fn refused(&mut self, text: String) {
        if let Some(top) = self.dialogs.last_mut() {
            top.refused(&text);
        }
        self.error(text);
    }

    /// Applies effects in order; an effect may lead to more (a change saved, then its form
    /// closed).
    fn apply(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            let more = self.apply_one(effect);
            for (i, e) in more.into_iter().enumerate() {
                queue.insert(i, e);
            }
        }
    }

    fn apply_one(&mut self, effect: Effect) -> Vec<Effect> {
        let lang = self.ctx.lang;
        match effect {
            Effect::Quit => self.quit = true,
            Effect::Info(text) => self.info(text),
            Effect::Error(text) => self.error(text),
            Effect::Open(dialog) => self.dialogs.push(dialog),
            Effect::Close => {
                self.dialogs.pop();
            }
            Effect::SwitchTab(tab) => self.tab = tab,
            Effect::SetWeights(weights) => {
                if weights != self.ctx.weights {
                    self.ctx.weights = weights;
                    self.refresh_screens(Refresh::Weights);
                }
            }
            Effect::SwitchCall(call) => {
                self.switch_call(call);
            }
            Effect::InCall(id, then) => {
                let index = self.ctx.workspace.calls.iter().position(|c| c.id == id);
                let switched = index.is_some_and(|i| self.switch_call(i));
                let reviewed = self.ctx.session.as_ref().and_then(Session::call) == Some(&id);
                if switched && reviewed {
                    return then;
                }
                if index.is_none() {
                    self.refused(crate::session::SessionError::UnknownCall(id).message(lang));
                }
            }
            Effect::Screen(tab, event) => {
                let ctx = &self.ctx;
                let outcome = match tab {
                    Tab::Sites => self.lieux.event(ctx, event),
                    Tab::Structures => self.structures.event(ctx, event),
                    Tab::Call => self.appel.event(ctx, event),
                    Tab::Pathway => self.parcours.event(ctx, event),
                    Tab::Territory => self.territoire.event(ctx, event),
                };
                return outcome.effects;
            }
            Effect::IfWritable(then) => {
                if self.ctx.officer.is_none() {
                    self.dialogs
                        .push(Box::new(OfficerDialog::new(vec![Effect::IfWritable(then)])));
                    return Vec::new();
                }
                return match self.ensure_writable() {
                    Ok(()) => then,
                    Err(refusal) => {
                        self.error(refusal);
                        Vec::new()
                    }
                };
            }
            Effect::Apply {
                operation,
                done,
                then,
            } => {
                if self.ctx.officer.is_none() {
                    self.dialogs
                        .push(Box::new(OfficerDialog::new(vec![Effect::Apply {
                            operation,
                            done,
                            then,
                        }])));
                    return Vec::new();
                }
                if let Err(refusal) = self.ensure_writable() {
                    self.refused(refusal);
                    return Vec::new();
                }
                let Some(session) = self.ctx.session.as_mut() else {
                    return Vec::new();
                };
                return match session.apply(&self.ctx.workspace, operation) {
                    Ok(applied) => {
                        self.committed(&applied, done);
                        then
                    }
                    Err(e) => {
                        self.refused(e.message(lang));
                        Vec::new()
                    }
                };
            }
            Effect::Undo | Effect::Redo => self.undo_redo(matches!(effect, Effect::Undo)),
            Effect::Reload => self.reload(),
            Effect::OpenExport => {
                let dialog = ExportDialog::open(
                    &self.ctx,
                    self.last_export.clone(),
                    self.appel.shown_keys(),
                    self.appel.selection.clone(),
                );
                match dialog {
                    Some(dialog) => self.dialogs.push(Box::new(dialog)),
                    None => self.info(Msg::NoCall.get(lang)),
                }
            }
            Effect::Export(options) => self.pending_export = Some(options),
            Effect::RememberExport(choices) => self.last_export = Some(choices),
            Effect::WriteReport(job) => self.pending_report = Some(job),
            Effect::SetOfficer(name) => self.set_officer(name),
        }
        Vec::new()
    }

    /// After a change the journal has: the workspace in memory follows, the checks and the
    /// screens again, and what was done (or that a file could not be written, the journal
    /// holding the change).
    fn committed(&mut self, applied: &Done, done: String) {
        let lang = self.ctx.lang;
        if let Some(e) = &applied.edit {
            edit::apply_unchecked(&mut self.ctx.workspace, e);
            self.workspace_changed();
        }
        self.ctx.refresh_warnings();
        self.refresh_screens(Refresh::Review);
        let save_problem = self
            .ctx
            .session
            .as_ref()
            .and_then(|s| s.save_problem())
            .map(str::to_owned);
        match save_problem {
            Some(problem) => self.error(format!(
                "{done} — {}{problem}",
                lang.pick(
                    "dans le journal, mais un fichier n’a pas pu être écrit\u{a0}: ",
                    "in the journal, but a file could not be written: "
                )
            )),
            None => self.info(format!(
                "{} {done}",
                lang.pick("Enregistré\u{a0}:", "Saved:")
            )),
        }
        if let Some(review) = &applied.review
            && !review.skipped.is_empty()
        {
            let skipped = format!(
                " ({} {})",
                review.skipped.len(),
                lang.pick(
                    "déjà dans ce statut, laissée(s) telle(s) quelle(s)",
                    "already there, left alone"
                )
            );
            if let Some(message) = self.message.get().cloned() {
                self.message.set(match message {
                    Message::Info(t) => Message::Info(t + &skipped),
                    Message::Error(t) => Message::Error(t + &skipped),
                });
            }
        }
    }

    /// Refuses a change when the session cannot write; a read-only session first checks
    /// whether the other instance has left: then it takes the lock, reads the other's changes
    /// and the change goes ahead.
    fn ensure_writable(&mut self) -> Result<(), String> {
        let lang = self.ctx.lang;
        let Some(session) = self.ctx.session.as_mut() else {
            return Err(self.ctx.session_problem.clone().unwrap_or_else(|| {
                lang.pick(
                    "Aucun appel à revoir dans cet espace de travail.",
                    "No call to review in this workspace.",
                )
                .to_owned()
            }));
        };
        if !session.is_read_only() {
            return Ok(());
        }
        let refreshed = session.refresh(&self.ctx.workspace);
        // Whatever the answer, the other instance's latest changes are now on screen.
        self.take_pending_edits();
        self.ctx.refresh_warnings();
        self.refresh_screens(Refresh::Review);
        match refreshed {
            Ok(true) => {
                self.info(lang.pick(
                    "L’autre instance est fermée\u{a0}: cette fenêtre enregistre à nouveau.",
                    "The other instance has closed: this window saves again.",
                ));
                Ok(())
            }
            Ok(false) => Err(crate::session::SessionError::ReadOnly {
                why: self
                    .ctx
                    .session
                    .as_ref()
                    .and_then(|s| s.read_only_reason())
                    .cloned()
                    .unwrap_or(WhyReadOnly::Asked),
            }
            .message(lang)),
            Err(e) => Err(e.message(lang)),
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let lang = self.ctx.lang;
        if let Err(refusal) = self.ensure_writable() {
            self.error(refusal);
            return;
        }
        let Some(session) = self.ctx.session.as_mut() else {
            return;
        };
        let result = if undo {
            session.undo(&self.ctx.workspace)
        } else {
            session.redo(&self.ctx.workspace)
        };
        match result {
            Ok(applied) => {
                let done = if undo {
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
                self.committed(&applied, String::new());
                if self.message.get().is_some_and(|m| !m.is_error()) {
                    self.info(done);
                }
            }
            Err(e) => self.error(e.message(lang)),
        }
    }

    /// `Ctrl-l`: reads the workspace files again — after the officer fixed one by hand, its
    /// records come back and its problems go — and, read-only, the other instance's changes
    /// (taking over once it has left). Every screen follows.
    fn reload(&mut self) {
        let lang = self.ctx.lang;
        let was_read_only = self.ctx.is_read_only();
        let left_out_before = self.left_out_count();
        let (workspace, health) = match Health::read(&self.ctx.workspace_path) {
            Ok(read) => read,
            Err(_) if was_read_only => {
                // No files to read (a workspace held in memory): the other instance's journal.
                self.follow_other_instance();
                return;
            }
            Err(problems) => {
                self.error(problems.render(lang));
                return;
            }
        };
        let shown_call = self.ctx.call().map(|c| c.id.clone());
        self.ctx.workspace = workspace;
        self.ctx.health = health;
        let mut session_problem = None;
        if let Some(session) = self.ctx.session.as_mut() {
            match session.reread(&self.ctx.workspace, self.ctx.health.broken.clone()) {
                Ok(missed) => {
                    for e in &missed {
                        edit::apply_unchecked(&mut self.ctx.workspace, e);
                    }
                }
                Err(e) => session_problem = Some(e.message(lang)),
            }
        }
        self.ctx.workspace_changed();
        self.refresh_screens(Refresh::Workspace);
        self.follow_shown_call(shown_call);
        if self.ctx.session.is_none() {
            // A review file fixed by hand: the session can open now.
            let officer = self.ctx.officer.clone();
            self.open_session(officer);
        }
        self.ctx.refresh_warnings();
        self.refresh_screens(Refresh::Review);
        if let Some(problem) = session_problem {
            self.error(problem);
            return;
        }
        let back = left_out_before.saturating_sub(self.left_out_count());
        let key = self.ctx.key_of(Action::OpenProblems);
        let mut said = reread_message(back, self.ctx.health.count(), &key, lang);
        if was_read_only {
            let still = self
                .ctx
                .session
                .as_ref()
                .and_then(|s| s.read_only_reason())
                .map(|why| why.describe(lang));
            said.push(' ');
            said.push_str(&match still {
                Some(holder) => match lang {
                    Lang::Fr => format!(
                        "Modifications de l’autre instance relues (lecture seule\u{a0}: {holder})."
                    ),
                    Lang::En => {
                        format!("The other instance's changes reloaded (read-only: {holder}).")
                    }
                },
                None => lang
                    .pick(
                        "L’autre instance est fermée\u{a0}: cette fenêtre enregistre à nouveau.",
                        "The other instance has closed: this window saves again.",
                    )
                    .to_owned(),
            });
        }
        self.info(said);
    }

    /// Read-only: reads the other instance's changes, takes over once it has left.
    fn follow_other_instance(&mut self) {
        let lang = self.ctx.lang;
        match self.ensure_writable() {
            Ok(()) => {}
            // Still read-only: the other instance's changes are on screen now.
            Err(refusal) => self.info(format!(
                "{} ({refusal})",
                lang.pick("Modifications relues", "Changes reloaded")
            )),
        }
    }

    fn left_out_count(&self) -> usize {
        use crate::store::kind::DocumentKind;
        let health = &self.ctx.health;
        [
            DocumentKind::Site,
            DocumentKind::Structure,
            DocumentKind::Call,
        ]
        .iter()
        .map(|&k| health.unavailable(k))
        .sum()
    }

    /// After the records changed under it, the Appel tab's call (the same one when it is still
    /// there, else the first) and the session's review agree again.
    fn follow_shown_call(&mut self, shown_before: Option<crate::domain::CallId>) {
        let lang = self.ctx.lang;
        let shown = self.ctx.call().map(|c| c.id.clone());
        if let (Some(session), Some(id)) = (self.ctx.session.as_mut(), shown.as_ref())
            && session.call() != Some(id)
            && let Err(e) = session.switch_call(&self.ctx.workspace, id)
        {
            self.error(e.message(lang));
        }
        if shown != shown_before {
            self.ctx.weights = self.ctx.call_weights();
            self.refresh_screens(Refresh::Call);
            self.refresh_screens(Refresh::Weights);
        }
    }

    /// Shows `call` on the Appel tab; the session moves to it and keeps the lock. False when
    /// the session could not move (the status line says why).
    fn switch_call(&mut self, call: usize) -> bool {
        let lang = self.ctx.lang;
        if self.ctx.call == Some(call) {
            return true;
        }
        let id = self.ctx.workspace.calls[call].id.clone();
        if let Some(session) = self.ctx.session.as_mut()
            && let Err(e) = session.switch_call(&self.ctx.workspace, &id)
        {
            self.refused(e.message(lang));
            return false;
        }
        self.ctx.call = Some(call);
        self.ctx.weights = self.ctx.call_weights();
        if self.ctx.session.is_none() {
            let officer = self.ctx.officer.clone();
            self.open_session(officer);
        }
        self.ctx.refresh_warnings();
        self.refresh_screens(Refresh::Call);
        self.refresh_screens(Refresh::Weights);
        let title = self.ctx.workspace.calls[call].title.clone();
        self.info(format!("{} {title}", lang.pick("Appel\u{a0}:", "Call:")));
        true
    }

    fn set_officer(&mut self, name: String) {
        let lang = self.ctx.lang;
        let saved = self
            .ctx
            .config_file
            .as_ref()
            .map(|path| crate::store::config::save_officer(path, &name).map(|()| path.clone()));
        if let Some(session) = self.ctx.session.as_mut() {
            session.set_officer(&name);
        }
        self.ctx.officer = Some(name);
        match saved {
            Some(Err(problem)) => self.error(format!(
                "{}{problem}",
                lang.pick(
                    "Nom retenu pour cette séance, mais pas enregistré\u{a0}: ",
                    "Name kept for this session, but not saved: "
                )
            )),
            Some(Ok(path)) => self.info(format!(
                "{} {}",
                lang.pick("Nom enregistré dans", "Name saved in"),
                path.display()
            )),
            None => {}
        }
    }

    /// Writes the pending export, if any (the terminal loop calls it once the frame saying
    /// « Export en cours… » is drawn). Success closes the dialog and names the file; a failure
    /// keeps the dialog open and says why. Returns whether there was something to do.
    pub fn run_pending_export(&mut self) -> bool {
        if let Some(job) = self.pending_report.take() {
            self.write_report(job);
            return true;
        }
        let Some(options) = self.pending_export.take() else {
            return false;
        };
        let lang = self.ctx.lang;
        match export_loaded(&self.ctx.workspace_path, &self.ctx.workspace, &options) {
            Ok(done) => {
                while self.dialog() == Some(DialogKind::Export) {
                    self.dialogs.pop();
                }
                self.info(exported(&done, lang));
            }
            Err(ExportError::Exists(path)) => self.refused(match lang {
                // Appeared between the question and the writing: still never replaced.
                Lang::Fr => format!(
                    "{} vient d’apparaître\u{a0}: rien n’a été remplacé (Entrée pour reposer la question).",
                    path.display()
                ),
                Lang::En => format!(
                    "{} has just appeared: nothing was replaced (Enter to ask again).",
                    path.display()
                ),
            }),
            Err(e) => self.refused(format!(
                "{}{}",
                lang.pick("Export impossible\u{a0}: ", "Export failed: "),
                e.message(lang)
            )),
        }
        true
    }

    /// Writes the council's report (as `ancrage report` does); success closes its dialog and
    /// names the file, a failure keeps the dialog open and says why.
    fn write_report(&mut self, job: ReportJob) {
        let lang = self.ctx.lang;
        let written = crate::export::council::write_council_report(
            &self.ctx.workspace,
            &job.options,
            job.format,
            &job.output,
            job.force,
        );
        match written {
            Ok(path) => {
                while self.dialog() == Some(DialogKind::CouncilReport) {
                    self.dialogs.pop();
                }
                self.info(council_report::done(
                    &path,
                    job.options.year,
                    job.options.with_personal_data,
                    lang,
                ));
            }
            Err(ExportError::Exists(path)) => self.refused(match lang {
                Lang::Fr => format!(
                    "{} vient d’apparaître\u{a0}: rien n’a été remplacé (Entrée pour reposer la question).",
                    path.display()
                ),
                Lang::En => format!(
                    "{} has just appeared: nothing was replaced (Enter to ask again).",
                    path.display()
                ),
            }),
            Err(e) => self.refused(format!(
                "{}{}",
                lang.pick("Export impossible\u{a0}: ", "Export failed: "),
                e.message(lang)
            )),
        }
    }

    /// Lets a message go once its time is up; true when the screen changes.
    pub fn tick(&mut self, now: Instant) -> bool {
        let expired = self.message.expire(now);
        expired | self.take_figures()
    }

    /// Takes in the figures worked out on other threads, and shows them.
    fn take_figures(&mut self) -> bool {
        let arrived = self.ctx.take_figures();
        if arrived {
            self.refresh_screens(Refresh::Figures);
        }
        arrived
    }

    /// Waits for the figures being worked out, then shows them (tests, benches).
    pub fn wait_for_figures(&mut self) {
        if self.ctx.wait_for_figures() {
            self.refresh_screens(Refresh::Figures);
        }
    }

    /// How long the event loop may sleep: until the status message goes, and not long while
    /// figures are being worked out (their answer is looked for at each wake).
    pub fn next_wake(&self, now: Instant) -> Option<std::time::Duration> {
        let message = self.message.remaining(now);
        if self.ctx.background.is_waiting() {
            let poll = std::time::Duration::from_millis(50);
            return Some(message.map_or(poll, |m| m.min(poll)));
        }
        message
    }

    /// How many alerts `!` would list.
    pub fn alert_count(&self) -> usize {
        crate::tui::dialogs::alerts::alert_count(&self.ctx)
    }

    /// Draws everything: the pure view of the state (only UI offsets are written to `ui`).
    pub fn view(&self, ui: &mut UiState, frame: &mut Frame) {
        let area = frame.area();
        let lang = self.ctx.lang;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(lang, frame, area);
            return;
        }
        let area = read_only_banner::render(&self.ctx, frame, area);
        // A long message (a refusal) gets the lines it needs, up to three, rather than be cut.
        let message_width = self.message.get().map_or(0, |m| m.text().width() + 4);
        let status_height = u16::try_from(
            message_width
                .div_ceil(usize::from(area.width.max(1)))
                .clamp(1, 3),
        )
        .unwrap_or(1);
        let [tabs, body, status, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(status_height),
            Constraint::Length(1),
        ])
        .areas(area);
        ui.hits = Default::default();
        ui.hits.popup = !self.dialogs.is_empty();
        tab_bar::render(self.tab, lang, ui, frame, tabs);
        ui.scroll_max = 0;
        let list = self.screen().view(&self.ctx, frame, body, ui);
        let status_area = status;
        if status_height > 1
            && let Some(message) = self.message.get()
        {
            let style = if message.is_error() {
                crate::tui::widgets::style::error()
            } else {
                crate::tui::widgets::style::bold()
            };
            let mark = if message.is_error() { "⚠ " } else { "" };
            frame.render_widget(
                Paragraph::new(safe::line(Line::styled(
                    format!("{mark}{}", message.text()),
                    style,
                )))
                .wrap(Wrap { trim: false }),
                status_area,
            );
        } else {
            status_bar::render(
                &self.ctx,
                self.message.get(),
                self.screen().filter_summary(&self.ctx),
                self.alert_count(),
                frame,
                status_area,
            );
        }
        let session = key_bar::Session {
            read_only: self.ctx.is_read_only(),
            can_undo: self.ctx.session.as_ref().is_some_and(Session::can_undo),
            problems: self.ctx.health.count() > 0,
        };
        key_bar::render(&self.ctx.keymap, self.scope(), session, lang, frame, keys);
        for dialog in &self.dialogs {
            let area = match dialog.placement() {
                Placement::Body => body,
                Placement::List => list,
            };
            dialog.view(&self.ctx, frame, area, ui);
        }
    }
}

/// « Fichiers relus — 1 fiche revenue, aucun problème. »
fn reread_message(back: usize, problems: usize, key: &str, lang: Lang) -> String {
    let back = match (back, lang) {
        (0, _) => String::new(),
        (1, Lang::Fr) => " — 1 fiche revenue".to_owned(),
        (n, Lang::Fr) => format!(" — {n} fiches revenues"),
        (1, Lang::En) => " — 1 record back".to_owned(),
        (n, Lang::En) => format!(" — {n} records back"),
    };
    let problems = match (problems, lang) {
        (0, Lang::Fr) => "aucun problème".to_owned(),
        (1, Lang::Fr) => format!("1 problème reste ({key} pour le lire)"),
        (n, Lang::Fr) => format!("{n} problèmes restent ({key} pour les lire)"),
        (0, Lang::En) => "no problem".to_owned(),
        (1, Lang::En) => format!("1 problem left ({key} to read it)"),
        (n, Lang::En) => format!("{n} problems left ({key} to read them)"),
    };
    match lang {
        Lang::Fr => format!("Fichiers relus{back}, {problems}."),
        Lang::En => format!("Files reread{back}, {problems}."),
    }
}

fn too_small(lang: Lang, frame: &mut Frame, area: Rect) {
    let text = Text::from(vec![
        Line::from(Msg::TooSmall.get(lang)),
        Line::from(format!(
            "{MIN_WIDTH}×{MIN_HEIGHT} {}",
            Msg::Minimum.get(lang)
        )),
        Line::from(format!("({}×{})", area.width, area.height)),
    ]);
    let top = area.height.saturating_sub(3) / 2;
    let inner = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        inner,
    );
}
