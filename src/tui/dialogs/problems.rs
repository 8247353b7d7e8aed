//! The Problèmes panel (`P`): every problem of the workspace files as `ancrage check` writes
//! it (file, line:column, field, value, what was expected — the reviews, journal and lock
//! too), file by file, each file headed by what it costs: the record left out of the rankings
//! and never rewritten. `Ctrl-l` rereads the files once the officer has fixed them, and the
//! panel follows.

use crate::i18n::Lang;
use crate::store::kind::DocumentKind;
use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind, Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::health::Health;
use crate::tui::keymap::Scope;
use crate::tui::shared::scroll::{self, hanging, scroll_key};
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use std::path::Path;

#[derive(Debug, Default)]
pub struct ProblemsDialog {
    scroll: usize,
}

impl ProblemsDialog {
    pub fn new() -> ProblemsDialog {
        ProblemsDialog::default()
    }
}

/// What a broken file costs, in words, after its name.
fn consequence(health: &Health, file: &Path, lang: Lang) -> Option<String> {
    if let Some((kind, name)) = health.record_in(file) {
        return Some(match (kind, lang) {
            (DocumentKind::Site, Lang::Fr) => format!(
                "lieu «\u{a0}{name}\u{a0}» mis de côté\u{a0}: hors des classements, jamais réécrit"
            ),
            (DocumentKind::Structure, Lang::Fr) => format!(
                "structure «\u{a0}{name}\u{a0}» mise de côté\u{a0}: hors des classements, jamais réécrite"
            ),
            (_, Lang::Fr) => format!(
                "appel «\u{a0}{name}\u{a0}» mis de côté\u{a0}: absent de l’onglet Appel, jamais réécrit"
            ),
            (DocumentKind::Site, Lang::En) => {
                format!("site “{name}” left out: not ranked, never rewritten")
            }
            (DocumentKind::Structure, Lang::En) => {
                format!("structure “{name}” left out: not ranked, never rewritten")
            }
            (_, Lang::En) => {
                format!("call “{name}” left out: not on the Call tab, never rewritten")
            }
        });
    }
    if health.unloadable.iter().any(|p| p == file) {
        return Some(
            lang.pick(
                "fichier illisible\u{a0}: sa fiche est mise de côté, le fichier jamais réécrit",
                "unreadable file: its record is left out, the file never rewritten",
            )
            .to_owned(),
        );
    }
    if file == Path::new(crate::store::files::TERRITORY_FILE) {
        return Some(
            lang.pick(
                "territoire gardé tel qu’il a été lu, jamais réécrit",
                "territory kept as read, never rewritten",
            )
            .to_owned(),
        );
    }
    None
}

/// The panel's text, `width` columns wide.
pub fn lines(ctx: &Context, width: usize) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let health = &ctx.health;
    let reread = ctx
        .keymap
        .binding_for(Scope::Problems, Action::Reload)
        .map(|b| b.keys_label(lang))
        .unwrap_or_default();
    let mut lines = Vec::new();
    if health.problems.is_empty() {
        lines.push(Line::styled(
            lang.pick(
                "Aucun problème\u{a0}: tous les fichiers de l’espace de travail sont lus.",
                "No problem: every file of the workspace is read.",
            ),
            style::dim(),
        ));
        return lines;
    }
    let intro = match lang {
        Lang::Fr => format!(
            "Les fiches de ces fichiers sont mises de côté (hors des classements, jamais réécrites)\u{a0}; tout le reste fonctionne. Corrigez-les dans un éditeur, puis {reread} pour les relire."
        ),
        Lang::En => format!(
            "The records of these files are left out (not ranked, never rewritten); everything else works. Fix them in an editor, then {reread} to reread them."
        ),
    };
    lines.extend(hanging(&intro, "", width, style::dim()));
    let mut file: Option<&Path> = None;
    for problem in &health.problems {
        if file != Some(problem.file.as_path()) {
            file = Some(problem.file.as_path());
            lines.push(Line::from(""));
            let mut heading = problem.file.display().to_string();
            if let Some(cost) = consequence(health, &problem.file, lang) {
                heading.push_str(" — ");
                heading.push_str(&cost);
            }
            lines.extend(hanging(&heading, "▸ ", width, style::bold()));
        }
        lines.extend(hanging(
            &problem.render(lang),
            "  ⚠ ",
            width,
            ratatui::style::Style::default(),
        ));
    }
    lines
}

impl Dialog for ProblemsDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Problems
    }

    fn scope(&self) -> Scope {
        Scope::Problems
    }

    fn update(&mut self, _ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        match action {
            Action::Back => Outcome::effect(Effect::Close),
            Action::Reload => Outcome::effect(Effect::Reload),
            other => scroll_key(&mut self.scroll, other, viewport)
                .map(Outcome::from)
                .unwrap_or_default(),
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) {
        let lang = ctx.lang;
        let width = popup::centered(area, 110, 1).width;
        let text = lines(ctx, usize::from(width.saturating_sub(3)));
        let height = u16::try_from(text.len() + 2).unwrap_or(u16::MAX);
        let area = popup::centered(area, width, height);
        let title = format!(
            " {} ({}) — {} ",
            lang.pick("Problèmes des fichiers", "File problems"),
            ctx.health.count(),
            ctx.workspace_path.display()
        );
        let title = crate::tui::widgets::cut::cut_line(
            Line::styled(title, style::bold()),
            usize::from(area.width.saturating_sub(2)),
        );
        let inner = popup::frame_popup(frame, area, title);
        let total = text.len();
        scroll::render(text, self.scroll, frame, inner, ui);
        scroll::mark_position(frame, area, self.scroll, total, inner.height, lang);
    }
}
