//! Every alert, in full: the live checks of the call's decisions (surfaces, structures
//! accepted twice, the impact fund's envelope and cap…), each wrapped rather than cut, those
//! not tied to a row included.

use crate::pathway::labels::alert_symbol;
use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::help::wrap;
use crate::tui::keymap::Scope;
use crate::tui::screens::parcours::rows::alert_words;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::safe;
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

#[derive(Debug, Default)]
pub struct AlertsDialog {
    scroll: usize,
}

impl AlertsDialog {
    pub fn new() -> AlertsDialog {
        AlertsDialog::default()
    }
}

/// The alerts of the shared context, in words: the call's live checks, then the pathway's
/// (within the default horizon, most urgent first).
/// How many lines `alerts` gives, without writing them (the status line counts them at every
/// frame; a large workspace has thousands of pathway alerts).
pub fn alert_count(ctx: &Context) -> usize {
    ctx.warnings.len() + ctx.pathway_alerts.len()
}

pub fn alerts(ctx: &Context) -> Vec<String> {
    let lang = ctx.lang;
    ctx.warnings
        .iter()
        .map(|w| w.message(lang))
        .chain(ctx.pathway_alerts.iter().map(|a| {
            format!(
                "{}{} {}",
                lang.pick("Parcours\u{a0}: ", "Pathway: "),
                alert_symbol(a.kind),
                alert_words(ctx, a, lang)
            )
        }))
        .collect()
}

impl Dialog for AlertsDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Alerts
    }

    fn scope(&self) -> Scope {
        Scope::Alerts
    }

    fn update(&mut self, _ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        let next = match action {
            Action::Down => self.scroll.saturating_add(1).min(viewport.scroll_max),
            Action::Up => self.scroll.saturating_sub(1),
            Action::Back => return Outcome::effect(Effect::Close),
            _ => return Outcome::none(),
        };
        let changed = next != self.scroll;
        self.scroll = next;
        Outcome::from(changed)
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) {
        let lang = ctx.lang;
        let alerts = alerts(ctx);
        let area = popup::centered(area, 100, area.height);
        let title = match ctx.call() {
            Some(call) => format!(" {} — {} ", lang.pick("Alertes", "Alerts"), call.title),
            None => format!(" {} ", lang.pick("Alertes", "Alerts")),
        };
        let inner = popup::frame_popup(frame, area, Line::styled(title, style::bold()));
        let width = usize::from(inner.width.saturating_sub(2));
        let mut lines = Vec::new();
        if alerts.is_empty() {
            lines.push(Line::styled(
                lang.pick("Aucune alerte.", "No alert."),
                style::dim(),
            ));
        }
        for alert in alerts {
            let mut wrapped = wrap(&alert, width).into_iter();
            if let Some(first) = wrapped.next() {
                lines.push(Line::styled(format!("⚠ {first}"), style::bold()));
            }
            lines.extend(wrapped.map(|l| Line::from(format!("  {l}"))));
        }
        lines.push(Line::from(""));
        lines.push(Line::styled(
            lang.pick(
                "Les alertes préviennent sans bloquer\u{a0}: chaque décision reste possible. ↑↓ défiler · Échap fermer",
                "Alerts warn without blocking: every decision stays possible. ↑↓ scroll · Esc close",
            ),
            style::dim(),
        ));
        ui.scroll_max = lines.len().saturating_sub(usize::from(inner.height));
        let scroll = self.scroll.min(ui.scroll_max);
        frame.render_widget(
            Paragraph::new(safe::lines(lines))
                .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
            inner,
        );
    }
}
