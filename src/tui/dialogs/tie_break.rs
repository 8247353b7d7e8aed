//! Breaking a tie (`D` on the Appel tab): the applications of a site whose totals show the
//! same, put in the officer's order (`J` / `K` move the chosen one), then the motivation the
//! jury file prints beside them. One journaled, undoable change (`Change::SetTieBreak`);
//! `Suppr` removes the site's tie-break and the ties stand again.
//!
//! A site keeps one order and one motivation: structures of the site's other ties keep their
//! place in it, and the motivation already given is proposed to be completed, not lost.

use crate::domain::{SiteId, StructureId};
use crate::i18n::{self, Lang};
use crate::review::{Change, TieBreak};
use crate::session::Operation;
use crate::tui::action::{Action, ReviewAction, TextKey};
use crate::tui::component::{Dialog, DialogKind, Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::shared::text_input::TextInput;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::{popup, style, text_block};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Order,
    Motivation,
}

pub struct TieBreakForm {
    site: SiteId,
    site_name: String,
    /// The tied structures in the order being set, best first, with their names and grid
    /// totals.
    pub order: Vec<(StructureId, String, Option<f64>)>,
    total: Option<f64>,
    pub cursor: usize,
    step: Step,
    text: TextInput,
    existing: Option<TieBreak>,
    error: Option<String>,
}

impl TieBreakForm {
    /// The form for `tied` (workspace structure indices, in their rank order) on `site`, the
    /// cursor on `structure` (the row the officer was on).
    pub fn new(ctx: &Context, site: usize, tied: Vec<usize>, structure: usize) -> TieBreakForm {
        let ws = &ctx.workspace;
        let site_id = ws.sites[site].id.clone();
        let existing = ctx
            .review()
            .and_then(|state| state.tie_breaks.get(&site_id))
            .cloned();
        let grid = |s: usize| {
            let key = crate::review::AppKey::new(ws.structures[s].id.clone(), site_id.clone());
            ctx.review()
                .and_then(|state| state.grid_result(&key))
                .and_then(|g| g.total)
        };
        let total = tied
            .first()
            .and_then(|&s| ctx.ranking.score(s, site, &ctx.weights))
            .map(|p| p.total);
        TieBreakForm {
            site_name: ws.sites[site].name.clone(),
            order: tied
                .iter()
                .map(|&s| {
                    (
                        ws.structures[s].id.clone(),
                        ws.structures[s].name.clone(),
                        grid(s),
                    )
                })
                .collect(),
            total,
            cursor: tied.iter().position(|&s| s == structure).unwrap_or(0),
            step: Step::Order,
            text: TextInput::with_text(existing.as_ref().map_or("", |t| t.motivation.as_str())),
            existing,
            site: site_id,
            error: None,
        }
    }

    fn motion(&mut self, up: bool) -> bool {
        let to = if up {
            self.cursor.checked_sub(1)
        } else {
            Some(self.cursor + 1).filter(|&t| t < self.order.len())
        };
        match to {
            Some(to) => {
                self.order.swap(self.cursor, to);
                self.cursor = to;
                true
            }
            None => false,
        }
    }

    fn submit(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let motivation = self.text.text().trim().to_owned();
        if motivation.is_empty() {
            self.error = Some(
                lang.pick(
                    "La motivation est obligatoire\u{a0}: le dossier du jury la donne à côté de l’ordre.",
                    "The motivation is mandatory: the jury file gives it beside the order.",
                )
                .to_owned(),
            );
            return Outcome::changed();
        }
        // The site's other ties keep their place in its one order.
        let group: Vec<&StructureId> = self.order.iter().map(|(id, ..)| id).collect();
        let mut order: Vec<StructureId> = self
            .existing
            .iter()
            .flat_map(|t| t.order.iter())
            .filter(|id| !group.contains(id))
            .cloned()
            .collect();
        order.extend(group.into_iter().cloned());
        let names: Vec<&str> = self.order.iter().map(|(_, n, _)| n.as_str()).collect();
        Outcome::effect(Effect::Apply {
            operation: Operation::review(Change::SetTieBreak {
                site: self.site.clone(),
                tie_break: Some(TieBreak { order, motivation }),
            }),
            done: format!(
                "{} {} — {}",
                lang.pick("départage", "tie-break"),
                names.join(" > "),
                self.site_name
            ),
            then: vec![Effect::Close],
        })
    }

    fn clear(&self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        if self.existing.is_none() {
            return Outcome::info(lang.pick(
                "Aucun départage enregistré pour ce lieu.",
                "No tie-break recorded for this site.",
            ));
        }
        Outcome::effect(Effect::Apply {
            operation: Operation::review(Change::SetTieBreak {
                site: self.site.clone(),
                tie_break: None,
            }),
            done: format!(
                "{} — {}",
                lang.pick(
                    "départage retiré, les ex æquo le redeviennent",
                    "tie-break removed, ties stand again"
                ),
                self.site_name
            ),
            then: vec![Effect::Close],
        })
    }
}

impl Dialog for TieBreakForm {
    fn kind(&self) -> DialogKind {
        DialogKind::TieBreak
    }

    fn scope(&self) -> Scope {
        match self.step {
            Step::Order => Scope::TieOrder,
            Step::Motivation => Scope::ReviewText,
        }
    }

    fn update(&mut self, ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        let cancel = || {
            Outcome::effects(vec![
                Effect::Close,
                Effect::Info(
                    ctx.lang
                        .pick(
                            "Abandonné\u{a0}: rien n’a été enregistré.",
                            "Cancelled: nothing was saved.",
                        )
                        .to_owned(),
                ),
            ])
        };
        if self.step == Step::Order {
            return match action {
                Action::Down | Action::Up => {
                    let before = self.cursor;
                    self.cursor = match action {
                        Action::Down => (self.cursor + 1).min(self.order.len().saturating_sub(1)),
                        _ => self.cursor.saturating_sub(1),
                    };
                    Outcome::from(before != self.cursor)
                }
                Action::Review(ReviewAction::MoveUp) => Outcome::from(self.motion(true)),
                Action::Review(ReviewAction::MoveDown) => Outcome::from(self.motion(false)),
                Action::Text(TextKey::Submit) => {
                    self.step = Step::Motivation;
                    Outcome::changed()
                }
                Action::Reset => self.clear(ctx),
                Action::Back => cancel(),
                _ => Outcome::none(),
            };
        }
        let changed = match action {
            Action::Text(TextKey::Submit) => return self.submit(ctx),
            Action::Text(TextKey::NextField | TextKey::PreviousField) => {
                self.step = Step::Order;
                true
            }
            Action::Back => return cancel(),
            Action::Text(TextKey::Input(c)) => {
                self.text.insert(c);
                true
            }
            Action::Text(TextKey::Newline) => {
                self.text.newline();
                true
            }
            Action::Text(TextKey::Backspace) => self.text.backspace(),
            Action::Decrease => self.text.left(),
            Action::Increase => self.text.right(),
            _ => false,
        };
        if changed {
            self.error = None;
        }
        Outcome::from(changed)
    }

    fn refused(&mut self, message: &str) -> bool {
        self.error = Some(message.to_owned());
        true
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let shown = self
            .total
            .map_or_else(|| "—".to_owned(), |t| i18n::fixed(t, 1, lang));
        let head = vec![
            Line::from(match lang {
                Lang::Fr => format!(
                    "Ces candidatures ont le même score affiché ({shown})\u{a0}: le dossier du jury les donnera dans cet ordre, avec la motivation."
                ),
                Lang::En => format!(
                    "These applications show the same score ({shown}): the jury file will give them in this order, with the motivation."
                ),
            }),
            Line::from(""),
        ];
        let list: Vec<Line<'static>> = self
            .order
            .iter()
            .enumerate()
            .map(|(i, (_, name, grid))| {
                let grid = grid.map_or_else(
                    || lang.pick("grille non notée", "grid not graded").to_owned(),
                    |g| {
                        format!(
                            "{} {}",
                            lang.pick("grille", "grid"),
                            i18n::fixed(g, 1, lang)
                        )
                    },
                );
                let chosen = self.step == Step::Order && i == self.cursor;
                let text = format!(
                    "{}{}. {name} — {grid}",
                    if chosen { "▸ " } else { "  " },
                    i + 1
                );
                if chosen {
                    Line::styled(text, style::selected())
                } else {
                    Line::from(text)
                }
            })
            .collect();
        let mut foot = vec![
            Line::from(""),
            Line::styled(
                lang.pick("Motivation\u{a0}:", "Motivation:"),
                if self.step == Step::Motivation {
                    style::selected()
                } else {
                    style::bold()
                },
            ),
        ];
        let text = if self.step == Step::Motivation {
            self.text.lines_with_caret('▏')
        } else {
            self.text.text().split('\n').map(str::to_owned).collect()
        };
        foot.extend(
            text.into_iter()
                .map(|l| Line::styled(format!("  {l}"), style::bold())),
        );
        if let Some(error) = &self.error {
            foot.push(Line::from(""));
            foot.push(Line::styled(format!("⚠ {error}"), style::error()));
        }
        foot.push(Line::from(""));
        foot.push(Line::styled(
            match (self.step, lang) {
                (Step::Order, Lang::Fr) => {
                    "j/k choisir · J/K déplacer · Entrée motivation · Suppr retirer le départage · Échap abandonner"
                }
                (Step::Order, Lang::En) => {
                    "j/k choose · J/K move · Enter motivation · Delete remove the tie-break · Esc cancel"
                }
                (Step::Motivation, Lang::Fr) => {
                    "Entrée enregistrer · Tab revenir à l’ordre · Échap abandonner"
                }
                (Step::Motivation, Lang::En) => "Enter save · Tab back to the order · Esc cancel",
            },
            style::dim(),
        ));
        let width = 80.min(area.width);
        let wanted = text_block::popup_height(&head, list.len(), &foot, width);
        let area = popup::centered(area, width, wanted);
        let inner = popup::frame_popup(
            frame,
            area,
            Line::styled(
                format!(
                    " {} — {} ",
                    lang.pick("Départager des ex æquo", "Break a tie"),
                    self.site_name
                ),
                style::bold(),
            ),
        );
        let [head_area, list_area, foot_area] = text_block::split(inner, &head, list.len(), &foot);
        text_block::wrapped(frame, head_area, head);
        text_block::wrapped(frame, foot_area, foot);
        let start = self
            .cursor
            .saturating_sub(usize::from(list_area.height).saturating_sub(1));
        text_block::cut(frame, list_area, list[start..].to_vec());
    }
}
