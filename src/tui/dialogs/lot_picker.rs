//! The lot picker (`L` on the Appel tab): the lots of the application's site, each with its
//! surface and use, the score of the structure there, and who already holds it — free, taken
//! by whom, or on a shared lot the m² left. Enter names the lot in the application's decision
//! (`Change::SetHolding`, journaled and undoable); a shared lot first asks for the m², the
//! engine's figure proposed. A lot taken by another can still be chosen: the checks then flag
//! both rows, and the officer was told before.

use crate::allocation::free_lot::{LotProblem, named_lot};
use crate::domain::{Holding, Surface};
use crate::i18n::{self, Label, Lang};
use crate::review::holdings::effective_holdings;
use crate::review::{AppKey, Change};
use crate::scoring::lot_scores::LotScorer;
use crate::session::Operation;
use crate::tui::action::{Action, TextKey};
use crate::tui::component::{Dialog, DialogKind, Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::shared::held::holding_text;
use crate::tui::shared::listing::moved;
use crate::tui::shared::text_input::TextInput;
use crate::tui::ui_state::{UiState, Viewport, visible_window};
use crate::tui::widgets::{popup, style, text_block};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use std::cell::Cell;

/// One lot of the site, as the picker shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LotChoice {
    /// Position in the site's lots.
    pub lot: usize,
    pub label: String,
    pub surface: f64,
    pub pooled: bool,
    pub use_label: String,
    /// The structure's score on this lot (call's weights), when it serves its use.
    pub score: Option<f64>,
    /// The m² the engine would retain for the structure here (a shared lot's share).
    pub engine_m2: f64,
    /// Who else holds it: « Name (présélectionné, 700 m²) ».
    pub holders: Vec<String>,
    /// A shared lot's m² not held by others.
    pub free_m2: f64,
    /// The application holds it now.
    pub current: bool,
}

impl LotChoice {
    fn taken(&self) -> bool {
        !self.pooled && !self.holders.is_empty()
    }
}

pub struct LotPicker {
    pub key: AppKey,
    pub choices: Vec<LotChoice>,
    pub cursor: usize,
    /// The m² being typed for the shared lot at this position of `choices`.
    m2: Option<(usize, TextInput)>,
    error: Option<String>,
    offset: Cell<usize>,
}

impl LotPicker {
    /// The picker of `key`; none when its site describes no lot.
    pub fn new(ctx: &Context, key: &AppKey) -> Option<LotPicker> {
        let ws = &ctx.workspace;
        let lang = ctx.lang;
        let call = ctx.call()?;
        let site = ws.site_index(&key.site)?;
        let structure = ws.structure_index(&key.structure)?;
        let lots = &ws.sites[site].lots;
        if lots.is_empty() {
            return None;
        }
        let held = ctx
            .review()
            .map(|state| effective_holdings(ws, state))
            .unwrap_or_default();
        let scorer = LotScorer::new(ws, &[site], &[structure], ctx.today, &call.tolerances);
        let scores = scorer.lots(structure, site, &call.weights);
        let choices: Vec<LotChoice> = lots
            .iter()
            .enumerate()
            .map(|(position, lot)| {
                let others: Vec<_> = held
                    .iter()
                    .filter(|h| h.site == site && h.lot == position && &h.key != key)
                    .collect();
                let score = scores.iter().find(|s| s.lot == position);
                LotChoice {
                    lot: position,
                    label: lot.label.clone(),
                    surface: lot.surface.value(),
                    pooled: lot.is_pooled(),
                    use_label: lot.use_type.label(lang).to_owned(),
                    score: score.filter(|s| s.serves).map(|s| s.total),
                    engine_m2: score.map_or(lot.surface.value(), |s| s.m2),
                    holders: others
                        .iter()
                        .map(|h| {
                            let name = ws
                                .structure(&h.key.structure)
                                .map_or(h.key.structure.as_str(), |s| s.name.as_str());
                            let status = h.status.label(lang);
                            if lot.is_pooled() {
                                format!(
                                    "{name} ({status}, {})",
                                    i18n::surface(Surface::m2(h.m2), lang)
                                )
                            } else {
                                format!("{name} ({status})")
                            }
                        })
                        .collect(),
                    free_m2: (lot.surface.value() - others.iter().map(|h| h.m2).sum::<f64>())
                        .max(0.0),
                    current: held
                        .iter()
                        .any(|h| &h.key == key && h.site == site && h.lot == position),
                }
            })
            .collect();
        let cursor = choices.iter().position(|c| c.current).unwrap_or(0);
        Some(LotPicker {
            key: key.clone(),
            choices,
            cursor,
            m2: None,
            error: None,
            offset: Cell::new(0),
        })
    }

    /// The m² being typed, if the picker asks for them.
    pub fn asking_m2(&self) -> bool {
        self.m2.is_some()
    }

    fn apply(&self, ctx: &Context, holding: Option<Holding>) -> Outcome {
        let lang = ctx.lang;
        let site = ctx.workspace.site(&self.key.site);
        let what = match &holding {
            Some(h) => format!(
                "{} {}",
                lang.pick("lot", "lot"),
                holding_text(site, h, lang)
            ),
            None => lang
                .pick(
                    "lot du moteur de correspondance",
                    "the matching engine's lot",
                )
                .to_owned(),
        };
        let mut then = vec![Effect::Close];
        if let Some(choice) = self.choices.get(self.cursor)
            && holding.is_some()
            && choice.taken()
        {
            then.push(Effect::Error(
                format!(
                    "{} {}",
                    match lang {
                        Lang::Fr => format!("«\u{a0}{}\u{a0}» est aussi tenu par", choice.label),
                        Lang::En => format!("“{}” is also held by", choice.label),
                    },
                    choice.holders.join(", ")
                ) + lang.pick(
                    "\u{a0}: signalé sur les lignes concernées.",
                    ": flagged on the rows concerned.",
                ),
            ));
        }
        Outcome::effect(Effect::Apply {
            operation: Operation::review(Change::SetHolding {
                key: self.key.clone(),
                holding,
            }),
            done: format!("{what} — {}", ctx.application_name(&self.key)),
            then,
        })
    }

    /// Enter on a lot: a whole lot is named at once; a shared one asks for the m².
    fn choose(&mut self, ctx: &Context) -> Outcome {
        let Some(choice) = self.choices.get(self.cursor) else {
            return Outcome::none();
        };
        if choice.pooled {
            let proposed = choice.engine_m2.min(choice.surface);
            self.m2 = Some((
                self.cursor,
                TextInput::with_text(&i18n::number(proposed, 1, ctx.lang).replace('\u{202f}', "")),
            ));
            self.error = None;
            return Outcome::changed();
        }
        let lot = ctx.workspace.sites[self.site_index(ctx)].lots[choice.lot]
            .id
            .clone();
        self.apply(ctx, Some(Holding::whole(lot)))
    }

    fn site_index(&self, ctx: &Context) -> usize {
        ctx.workspace.site_index(&self.key.site).unwrap_or(0)
    }

    /// Enter on the m²: read the French way (`87,5`), checked against the lot.
    fn confirm_m2(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let Some((position, input)) = &self.m2 else {
            return Outcome::none();
        };
        let Some(call) = ctx.call() else {
            return Outcome::none();
        };
        let choice = &self.choices[*position];
        let typed = input.text().trim().trim_end_matches("m²").trim();
        let m2 = match crate::import::values::number::float(typed) {
            Ok(m2) => m2,
            Err(_) => {
                self.error = Some(match lang {
                    Lang::Fr => format!(
                        "«\u{a0}{typed}\u{a0}» n’est pas un nombre de m²\u{a0}: attendu par exemple 120 ou 87,5"
                    ),
                    Lang::En => {
                        format!("“{typed}” is not a number of m²: expected e.g. 120 or 87.5")
                    }
                });
                return Outcome::changed();
            }
        };
        let lot = &ctx.workspace.sites[self.site_index(ctx)].lots[choice.lot];
        match named_lot(
            &ctx.workspace,
            call,
            &self.key,
            &lot.id,
            Some(m2),
            ctx.today,
        ) {
            Ok(holding) => self.apply(ctx, Some(holding)),
            Err(LotProblem::BadM2 { m2, surface, .. }) => {
                self.error = Some(match lang {
                    Lang::Fr => format!(
                        "{} sur «\u{a0}{}\u{a0}»\u{a0}: attendu plus de 0 et au plus {}",
                        i18n::surface(Surface::m2(m2), lang),
                        choice.label,
                        i18n::surface(Surface::m2(surface), lang)
                    ),
                    Lang::En => format!(
                        "{} on “{}”: expected more than 0 and at most {}",
                        i18n::surface(Surface::m2(m2), lang),
                        choice.label,
                        i18n::surface(Surface::m2(surface), lang)
                    ),
                });
                Outcome::changed()
            }
            Err(_) => Outcome::none(),
        }
    }
}

impl Dialog for LotPicker {
    fn kind(&self) -> DialogKind {
        DialogKind::LotPicker
    }

    fn scope(&self) -> Scope {
        if self.m2.is_some() {
            Scope::LotSurface
        } else {
            Scope::Lots
        }
    }

    fn update(&mut self, ctx: &Context, action: Action, viewport: Viewport) -> Outcome {
        if let Some((_, input)) = &mut self.m2 {
            let changed = match action {
                Action::Text(TextKey::Submit) => return self.confirm_m2(ctx),
                Action::Back => {
                    self.m2 = None;
                    self.error = None;
                    true
                }
                Action::Text(TextKey::Input(c)) => {
                    input.insert(c);
                    true
                }
                Action::Text(TextKey::Backspace) => input.backspace(),
                _ => false,
            };
            if changed && self.m2.is_some() {
                self.error = None;
            }
            return Outcome::from(changed);
        }
        if let Some(cursor) = moved(self.cursor, self.choices.len(), action, viewport.page) {
            let changed = cursor != self.cursor;
            self.cursor = cursor;
            return Outcome::from(changed);
        }
        match action {
            Action::Confirm => self.choose(ctx),
            Action::Reset => self.apply(ctx, None),
            Action::Back => Outcome::effect(Effect::Close),
            _ => Outcome::none(),
        }
    }

    fn refused(&mut self, message: &str) -> bool {
        self.error = Some(message.to_owned());
        true
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let ws = &ctx.workspace;
        let colon = lang.pick("\u{a0}:", ":");
        let mut head = vec![Line::styled(ctx.application_name(&self.key), style::bold())];
        head.push(Line::styled(
            lang.pick(
                "Le lot fait partie de la décision\u{a0}: un lot ne se donne qu’une fois, un lot partagé dans la limite de ses m².",
                "The lot is part of the decision: a lot is given once, a shared lot within its m².",
            ),
            style::dim(),
        ));
        head.push(Line::from(""));
        let mut list: Vec<Line<'static>> = Vec::new();
        for (i, c) in self.choices.iter().enumerate() {
            let marker = if i == self.cursor { "▸ " } else { "  " };
            let kind = if c.pooled {
                lang.pick(", partagé au m²", ", shared by m²")
            } else {
                ""
            };
            let score = c.score.map_or_else(
                || {
                    lang.pick("ne sert pas son usage", "does not serve its use")
                        .to_owned()
                },
                |s| {
                    format!(
                        "{} {}",
                        lang.pick("score", "score"),
                        i18n::fixed(s, 1, lang)
                    )
                },
            );
            let first = format!(
                "{marker}{} — {}, {}{kind} — {score}",
                c.label,
                i18n::surface(Surface::m2(c.surface), lang),
                c.use_label
            );
            list.push(if i == self.cursor {
                Line::styled(first, style::selected())
            } else {
                Line::from(first)
            });
            let who = match (c.pooled, c.holders.is_empty()) {
                (_, true) => lang.pick("libre", "free").to_owned(),
                (false, false) => format!(
                    "⚠ {}{colon} {}",
                    lang.pick("déjà tenu par", "already held by"),
                    c.holders.join(", ")
                ),
                (true, false) => format!(
                    "{} {}{colon} {}",
                    i18n::surface(Surface::m2(c.free_m2), lang),
                    lang.pick("libres, déjà tenus par", "free, already held by"),
                    c.holders.join(", ")
                ),
            };
            // Who holds it goes on its own line, where a narrow screen does not cut it: the
            // application's own lot first, then anyone else's (never « libre » for its own).
            let who = match (c.current, c.holders.is_empty()) {
                (false, _) => who,
                (true, true) => lang
                    .pick("● tenu par cette candidature", "● held by this application")
                    .to_owned(),
                (true, false) => format!(
                    "{}{} {who}",
                    lang.pick("● tenu par cette candidature", "● held by this application"),
                    lang.pick("\u{a0};", ";")
                ),
            };
            list.push(Line::styled(format!("      {who}"), style::dim()));
        }
        let mut foot = Vec::new();
        if let Some((position, input)) = &self.m2 {
            let c = &self.choices[*position];
            foot.push(Line::from(""));
            foot.push(Line::styled(
                match lang {
                    Lang::Fr => format!(
                        "m² sur «\u{a0}{}\u{a0}» ({} libres sur {}){colon}",
                        c.label,
                        i18n::surface(Surface::m2(c.free_m2), lang),
                        i18n::surface(Surface::m2(c.surface), lang)
                    ),
                    Lang::En => format!(
                        "m² on “{}” ({} free of {}):",
                        c.label,
                        i18n::surface(Surface::m2(c.free_m2), lang),
                        i18n::surface(Surface::m2(c.surface), lang)
                    ),
                },
                style::bold(),
            ));
            foot.push(Line::styled(
                format!("  {}", input.lines_with_caret('▏').join("")),
                style::bold(),
            ));
        }
        if let Some(error) = &self.error {
            foot.push(Line::from(""));
            foot.push(Line::styled(format!("⚠ {error}"), style::error()));
        }
        let width = 90.min(area.width);
        let wanted = text_block::popup_height(&head, list.len(), &foot, width);
        let area = popup::centered(area, width, wanted);
        let site_name = ws
            .site(&self.key.site)
            .map_or(self.key.site.as_str(), |s| s.name.as_str());
        let inner = popup::frame_popup(
            frame,
            area,
            Line::styled(
                format!(" {} — {site_name} ", lang.pick("Lot tenu", "Lot held")),
                style::bold(),
            ),
        );
        // The head and the foot wrap; the lots (two lines each) scroll in what is left, the
        // cursor in sight.
        let [head_area, list_area, foot_area] = text_block::split(inner, &head, list.len(), &foot);
        text_block::wrapped(frame, head_area, head);
        text_block::wrapped(frame, foot_area, foot);
        let mut offset = self.offset.get();
        let window = visible_window(
            &mut offset,
            self.cursor,
            self.choices.len(),
            usize::from(list_area.height) / 2,
        );
        self.offset.set(offset);
        text_block::cut(
            frame,
            list_area,
            list[window.start * 2..window.end * 2].to_vec(),
        );
    }
}
