//! The help, generated from the keymap table (the same table as the key bar and the routing):
//! the keys of the screen it was opened from first, then those of every tab, then the other
//! screens and dialogs — keys in one aligned column, descriptions wrapped beside them, and the
//! id to use in `keys.json`. A letter that means different things on different tabs (`x`,
//! `i`, `c`) is listed under each tab with its meaning there.

use crate::i18n::typography;
use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::ranking::Criterion;
use crate::tui::text::Msg;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Widest the key column gets; longer key lists wrap on their own line.
const KEYS_MAX: usize = 12;

pub struct HelpDialog {
    /// The scope of the screen the help was opened from: its keys come first.
    screen: Scope,
    scroll: usize,
}

impl HelpDialog {
    pub fn new(screen: Scope) -> HelpDialog {
        HelpDialog { screen, scroll: 0 }
    }

    /// The scopes in the order the help lists them.
    fn order(&self) -> Vec<Scope> {
        let first = [self.screen, Scope::Lists, Scope::Global];
        let mut order: Vec<Scope> = Vec::new();
        for scope in first.into_iter().chain(Scope::ALL) {
            if !order.contains(&scope) {
                order.push(scope);
            }
        }
        order
    }
}

/// `text` cut in lines of at most `width` columns, at spaces where possible.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if candidate.width() <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word longer than the line is split.
        let mut rest = word.to_owned();
        while rest.width() > width {
            let cut: String = rest.chars().take(width).collect();
            rest = rest.chars().skip(width).collect();
            lines.push(cut);
        }
        line = rest;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Every line of the help for a popup `width` columns wide.
pub fn lines(ctx: &Context, first: Scope, width: usize) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let dialog = HelpDialog::new(first);
    let mut out: Vec<Line<'static>> = Vec::new();
    // One key column for the whole help, so every description starts at the same place.
    let keys_width = ctx
        .keymap
        .bindings()
        .iter()
        .map(|b| b.keys_label(lang).width())
        .filter(|w| *w <= KEYS_MAX)
        .max()
        .unwrap_or(0);
    for scope in dialog.order() {
        let bindings: Vec<_> = ctx.keymap.in_scope(scope).collect();
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::from(""));
        }
        out.push(Line::styled(scope.title(lang).to_owned(), style::header()));
        let text_width = width.saturating_sub(keys_width + 4);
        for b in bindings {
            let keys = b.keys_label(lang);
            let description = format!("{}  [{}]", typography(b.description(lang), lang), b.id);
            let mut wrapped = wrap(&description, text_width).into_iter();
            let head = wrapped.next().unwrap_or_default();
            if keys.width() > keys_width {
                out.push(Line::styled(format!("  {keys}"), style::bold()));
                out.push(Line::from(format!("  {:keys_width$}  {head}", "")));
            } else {
                out.push(Line::from(vec![
                    Span::styled(
                        format!("  {keys}{}", " ".repeat(keys_width - keys.width())),
                        style::bold(),
                    ),
                    Span::raw(format!("  {head}")),
                ]));
            }
            for more in wrapped {
                out.push(Line::from(format!("  {:keys_width$}  {more}", "")));
            }
        }
    }
    out.push(Line::from(""));
    out.push(Line::styled(
        lang.pick("Symboles", "Symbols").to_owned(),
        style::header(),
    ));
    let criteria: Vec<String> = Criterion::ALL
        .iter()
        .map(|c| format!("{} = {}", c.short(lang), c.label(lang)))
        .collect();
    let symbols = [
        lang.pick(
            "✓ éligible · ✗ inéligible (motif après le nom, ligne estompée) · ◆ retenue pour la comparaison · ▸ ligne du curseur · ● sélectionnée · ⚠ alerte (! les liste toutes) · ▲▼ colonne triée",
            "✓ eligible · ✗ ineligible (reason after the name, row dimmed) · ◆ kept for the comparison · ▸ cursor row · ● selected · ⚠ alert (! lists them all) · ▲▼ sorted column",
        )
        .to_owned(),
        lang.pick(
            "○ en instruction · ★ présélectionné · ✔ accepté · ✘ refusé · ⊘ classé sans suite · ✎ en construction",
            "○ under review · ★ shortlisted · ✔ accepted · ✘ refused · ⊘ closed · ✎ in progress",
        )
        .to_owned(),
        format!(
            "{} (·▁▂▃▄▅▆▇█ = 0 → 100 %){}{}",
            lang.pick("Barre des critères", "Criteria bar"),
            lang.pick("\u{a0}: ", ": "),
            criteria.join(", ")
        ),
    ];
    for text in symbols {
        out.extend(
            wrap(&text, width.saturating_sub(2))
                .into_iter()
                .map(|l| Line::from(format!("  {l}"))),
        );
    }
    out.push(Line::from(""));
    out.extend(
        wrap(
            lang.pick(
                "Touches personnalisables dans <config>/ancrage/keys.json, ex. { \"sort_next\": [\"o\"] } (le nom entre crochets après chaque description).",
                "Keys can be changed in <config>/ancrage/keys.json, e.g. { \"sort_next\": [\"o\"] } (the name in brackets after each description).",
            ),
            width,
        )
        .into_iter()
        .map(|l| Line::styled(l, style::dim())),
    );
    out
}

impl Dialog for HelpDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Help
    }

    fn scope(&self) -> Scope {
        Scope::Help
    }

    fn update(&mut self, _ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        let page = viewport.page.max(1);
        let next = match action {
            Action::Down => self.scroll.saturating_add(1),
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll.saturating_add(page),
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::Back => return Outcome::effect(Effect::Close),
            _ => return Outcome::none(),
        }
        .min(viewport.scroll_max);
        let changed = next != self.scroll;
        self.scroll = next;
        Outcome::from(changed)
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) {
        let area = popup::centered(area, 110, area.height);
        let inner = popup::frame_popup(
            frame,
            area,
            Line::from(format!(" {} ", Msg::HelpTitle.get(ctx.lang))),
        );
        let lines = lines(ctx, self.screen, usize::from(inner.width));
        ui.scroll_max = lines.len().saturating_sub(usize::from(inner.height));
        ui.page = usize::from(inner.height);
        let scroll = self.scroll.min(ui.scroll_max);
        frame.render_widget(
            Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
            inner,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word() {
        let text = "Refuser (motivation écrite obligatoire) et enregistrer";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap("abcdefghijkl", 8), ["abcdefgh", "ijkl"]);
    }
}
