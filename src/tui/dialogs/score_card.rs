//! The score card of one pair in a popup, under the weights in force; `w` opens the weights
//! over it and the card follows them. For an application of the call shown, its rank on the
//! site (ties said as ties) and how robust its place is to the weights: worked out once per
//! weights, not per frame.

use crate::domain::Weights;
use crate::scoring::robustness::WeightInterval;
use crate::tui::action::Action;
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::weights::WeightsDialog;
use crate::tui::keymap::Scope;
use crate::tui::shared::scroll::{self, scroll_key};
use crate::tui::standing::{self, SiteStanding};
use crate::tui::text::Msg;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::safe;
use crate::tui::widgets::text_block::wrapped_height;
use crate::tui::widgets::{popup, score_card};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use std::cell::RefCell;

/// The standing of the pair under some weights (none: not an application of the call).
type Memo = (Weights, Option<(SiteStanding, Vec<WeightInterval>)>);

pub struct ScoreCardDialog {
    pub structure: usize,
    pub site: usize,
    scroll: usize,
    standing: RefCell<Option<Memo>>,
}

impl ScoreCardDialog {
    pub fn new(structure: usize, site: usize) -> ScoreCardDialog {
        ScoreCardDialog {
            structure,
            site,
            scroll: 0,
            standing: RefCell::new(None),
        }
    }

    /// The rank and robustness lines, worked out again only when the weights moved.
    fn standing_lines(&self, ctx: &Context) -> Vec<Line<'static>> {
        let mut memo = self.standing.borrow_mut();
        if memo.as_ref().is_none_or(|(w, _)| *w != ctx.weights) {
            *memo = Some((
                ctx.weights,
                standing::of_application(ctx, self.structure, self.site),
            ));
        }
        match memo.as_ref().and_then(|(_, s)| s.as_ref()) {
            Some((site, intervals)) => {
                let mut lines = vec![Line::from("")];
                lines.extend(site.lines(ctx, self.structure, intervals));
                lines
            }
            None => Vec::new(),
        }
    }
}

impl Dialog for ScoreCardDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::ScoreCard
    }

    fn scope(&self) -> Scope {
        Scope::ScoreCard
    }

    fn update(&mut self, _ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        match action {
            Action::OpenWeights => Outcome::effect(Effect::Open(Box::new(WeightsDialog::new()))),
            Action::Back => Outcome::effect(Effect::Close),
            other => scroll_key(&mut self.scroll, other, viewport)
                .map(Outcome::from)
                .unwrap_or_default(),
        }
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) {
        let lang = ctx.lang;
        let lines = match ctx.ranking.explain(
            &ctx.workspace,
            self.structure,
            self.site,
            &ctx.weights,
            lang,
        ) {
            Some(card) => {
                let mut lines = score_card::lines(ctx, &card, self.structure, self.site);
                lines.extend(self.standing_lines(ctx));
                lines
            }
            None => vec![Line::from(Msg::ScoringUnavailable.get(lang))],
        };
        // As tall as the card (with room for a few wrapped explanations), no taller than the
        // screen.
        let wanted = u16::try_from(lines.len() + 6).unwrap_or(u16::MAX);
        let area = popup::centered(area, 96, wanted.min(area.height));
        let inner = popup::frame_popup(
            frame,
            area,
            Line::from(format!(" {} ", Msg::ScoreCardTitle.get(lang))),
        );
        // Scrolled as far as the last wrapped row, no further; where the window is, on the
        // border.
        let total = wrapped_height(&lines, inner.width);
        ui.scroll_max = total.saturating_sub(usize::from(inner.height));
        let scroll = self.scroll.min(ui.scroll_max);
        scroll::mark_position(frame, area, scroll, total, inner.height, lang);
        frame.render_widget(
            Paragraph::new(safe::lines(lines))
                .wrap(Wrap { trim: false })
                .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
            inner,
        );
    }
}
