//! `p` on a site of the next step (Parcours): records a planned placement — the lot, the
//! dates, the agreement's kind — as one `Operation::edit` through the session (journaled,
//! saved, undone by `u`). The fields start from `pathway::next_step_placement`; a refusal
//! (overlapping stays, an end before the start, a date that does not exist) shows here and the
//! form stays open.

use crate::domain::{AgreementKind, LotId, Site, Structure};
use crate::i18n::{self, Label, Lang};
use crate::import::values::date::date as parse_date;
use crate::pathway::{Placement, next_step_placement, place};
use crate::session::Operation;
use crate::tui::action::{Action, TextKey};
use crate::tui::component::{Dialog, DialogKind, Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::shared::export_choices::step_in;
use crate::tui::shared::text_input::TextInput;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::choices::choice_line;
use crate::tui::widgets::cut::around as fit;
use crate::tui::widgets::{popup, safe, style};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

const LABEL_WIDTH: usize = 14;
const CARET: char = '▏';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Lot,
    From,
    To,
    Agreement,
}

impl Field {
    const ALL: [Field; 4] = [Field::Lot, Field::From, Field::To, Field::Agreement];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Lot => "Lot",
            Field::From => lang.pick("Début", "Start"),
            Field::To => lang.pick("Fin", "End"),
            Field::Agreement => lang.pick("Convention", "Agreement"),
        }
    }
}

pub struct PlacementDialog {
    /// Indices into the workspace.
    pub structure: usize,
    pub site: usize,
    /// Position in the site's lots; none: the site as a whole.
    pub lot: Option<usize>,
    pub from: TextInput,
    pub to: TextInput,
    pub agreement: AgreementKind,
    pub field: Field,
    /// Why the last try was refused, shown until the next key.
    problem: Option<String>,
}

impl PlacementDialog {
    /// The form for `structure` on `site`, starting from the lot the matching engine retained
    /// (when it did) and the dates the next step suggests. None when either is gone.
    pub fn new(
        ctx: &Context,
        structure: usize,
        site: usize,
        lot: Option<LotId>,
    ) -> Option<PlacementDialog> {
        let ws = &ctx.workspace;
        let (s, place) = (ws.structures.get(structure)?, ws.sites.get(site)?);
        let proposed = next_step_placement(ws, &s.id, &place.id, lot, ctx.today).ok()?;
        let lang = ctx.lang;
        Some(PlacementDialog {
            structure,
            site,
            lot: proposed
                .lot
                .as_ref()
                .and_then(|id| place.lots.iter().position(|l| &l.id == id)),
            from: TextInput::with_text(&i18n::date(proposed.from, lang)),
            to: TextInput::with_text(&proposed.to.map_or(String::new(), |d| i18n::date(d, lang))),
            agreement: proposed
                .agreement
                .unwrap_or(AgreementKind::ConventionOccupationTemporaire),
            field: Field::From,
            problem: None,
        })
    }

    fn records<'a>(&self, ctx: &'a Context) -> Option<(&'a Structure, &'a Site)> {
        Some((
            ctx.workspace.structures.get(self.structure)?,
            ctx.workspace.sites.get(self.site)?,
        ))
    }

    fn date_field(&mut self) -> Option<&mut TextInput> {
        match self.field {
            Field::From => Some(&mut self.from),
            Field::To => Some(&mut self.to),
            Field::Lot | Field::Agreement => None,
        }
    }

    fn change_choice(&mut self, ctx: &Context, forward: bool) -> Outcome {
        match self.field {
            Field::Lot => {
                let count = self.records(ctx).map_or(0, |(_, site)| site.lots.len());
                // None (the whole site), then each lot.
                let choices: Vec<Option<usize>> =
                    std::iter::once(None).chain((0..count).map(Some)).collect();
                self.lot = step_in(&choices, self.lot, forward);
            }
            Field::Agreement => {
                self.agreement = step_in(&AgreementKind::ALL, self.agreement, forward);
            }
            Field::From | Field::To => {
                let Some(text) = self.date_field() else {
                    return Outcome::none();
                };
                return Outcome::from(if forward { text.right() } else { text.left() });
            }
        }
        Outcome::changed()
    }

    fn date_key(&mut self, action: Action) -> Outcome {
        let Some(text) = self.date_field() else {
            return Outcome::none();
        };
        let changed = match action {
            Action::Text(TextKey::Input(c)) => {
                text.insert(c);
                true
            }
            Action::Text(TextKey::Backspace) => text.backspace(),
            Action::Text(TextKey::Clear) => {
                *text = TextInput::default();
                true
            }
            _ => false,
        };
        Outcome::from(changed)
    }

    /// A date typed in a field, or why it is not one (an empty end: open-ended).
    fn read_date(
        &self,
        field: Field,
        lang: Lang,
        optional: bool,
    ) -> Result<Option<NaiveDate>, String> {
        let text = match field {
            Field::From => self.from.text(),
            _ => self.to.text(),
        };
        if optional && text.trim().is_empty() {
            return Ok(None);
        }
        parse_date(text).map(Some).map_err(|_| match lang {
            Lang::Fr => format!(
                "{}\u{a0}: «\u{a0}{text}\u{a0}» n’est pas une date (attendu jj/mm/aaaa)",
                field.label(lang)
            ),
            Lang::En => format!(
                "{}: “{text}” is not a date (expected yyyy-mm-dd or dd/mm/yyyy)",
                field.label(lang)
            ),
        })
    }

    fn submit(&mut self, ctx: &Context) -> Outcome {
        let lang = ctx.lang;
        let Some((structure, site)) = self.records(ctx) else {
            return Outcome::effect(Effect::Close);
        };
        let dates = self.read_date(Field::From, lang, false).and_then(|from| {
            let to = self.read_date(Field::To, lang, true)?;
            Ok((from, to))
        });
        let (Some(from), to) = (match dates {
            Ok(dates) => dates,
            Err(problem) => {
                self.problem = Some(problem);
                return Outcome::changed();
            }
        }) else {
            return Outcome::none();
        };
        let placement = Placement {
            structure: structure.id.clone(),
            site: site.id.clone(),
            lot: self
                .lot
                .and_then(|i| site.lots.get(i))
                .map(|l| l.id.clone()),
            from,
            to,
            agreement: Some(self.agreement),
            application: None,
            surface: None,
        };
        match place(&ctx.workspace, &placement) {
            Ok(outcome) => {
                let done = match lang {
                    Lang::Fr => format!(
                        "placement prévu de {} → {}, à partir du {}",
                        structure.name,
                        site.name,
                        i18n::date(from, lang)
                    ),
                    Lang::En => format!(
                        "placement planned for {} → {}, from {}",
                        structure.name,
                        site.name,
                        i18n::date(from, lang)
                    ),
                };
                Outcome::effect(Effect::Apply {
                    operation: Operation::edit(outcome.edit),
                    done,
                    then: vec![Effect::Close],
                })
            }
            Err(e) => {
                self.problem = Some(e.message(lang));
                Outcome::changed()
            }
        }
    }

    fn lines(&self, ctx: &Context, width: usize) -> Vec<Line<'static>> {
        let lang = ctx.lang;
        let Some((structure, site)) = self.records(ctx) else {
            return Vec::new();
        };
        let lot = match self.lot.and_then(|i| site.lots.get(i)) {
            Some(lot) => format!("{} — {}", lot.label, i18n::surface(lot.surface, lang)),
            None => lang
                .pick("le lieu entier (aucun lot)", "the whole site (no lot)")
                .to_owned(),
        };
        let mut lines = vec![
            Line::styled(format!("{} → {}", structure.name, site.name), style::bold()),
            Line::from(""),
            choice_line(
                self.field == Field::Lot,
                Field::Lot.label(lang),
                LABEL_WIDTH,
                &lot,
            ),
        ];
        for field in [Field::From, Field::To] {
            let input = if field == Field::From {
                &self.from
            } else {
                &self.to
            };
            let on = self.field == field;
            let label = format!(
                "{}{:<LABEL_WIDTH$}",
                if on { "▸ " } else { "  " },
                field.label(lang)
            );
            let mut text = if on {
                input.lines_with_caret(CARET).join(" ")
            } else {
                input.text().to_owned()
            };
            if field == Field::To && input.text().trim().is_empty() && !on {
                text = lang.pick("sans terme", "open-ended").to_owned();
            }
            let caret = if on {
                input.cursor()
            } else {
                text.chars().count()
            };
            lines.push(Line::from(vec![
                Span::styled(
                    label,
                    if on {
                        style::selected()
                    } else {
                        Default::default()
                    },
                ),
                Span::styled(
                    fit(&text, caret, width.saturating_sub(LABEL_WIDTH + 2)),
                    style::bold(),
                ),
            ]));
        }
        lines.push(choice_line(
            self.field == Field::Agreement,
            Field::Agreement.label(lang),
            LABEL_WIDTH,
            self.agreement.label(lang),
        ));
        if let Some(problem) = &self.problem {
            lines.push(Line::from(""));
            lines.push(Line::styled(format!("⚠ {problem}"), style::error()));
        }
        lines.push(Line::from(""));
        lines.push(Line::styled(
            lang.pick(
                "Le placement est enregistré comme prévu (pas encore vécu) ; le séjour en cours s’arrête au début du nouveau. ↑↓ champ · ←→ changer · Entrée enregistrer · Échap fermer",
                "The placement is recorded as planned (not lived yet); the current stay ends when the new one starts. ↑↓ field · ←→ change · Enter save · Esc close",
            ),
            style::dim(),
        ));
        lines
    }
}

impl Dialog for PlacementDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Placement
    }

    fn scope(&self) -> Scope {
        Scope::Placement
    }

    fn update(&mut self, ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        let at = Field::ALL
            .iter()
            .position(|f| *f == self.field)
            .unwrap_or(0);
        let n = Field::ALL.len();
        match action {
            Action::Back => Outcome::effect(Effect::Close),
            Action::Text(TextKey::Submit) => self.submit(ctx),
            Action::Text(TextKey::NextField) => {
                self.field = Field::ALL[(at + 1) % n];
                Outcome::changed()
            }
            Action::Text(TextKey::PreviousField) => {
                self.field = Field::ALL[(at + n - 1) % n];
                Outcome::changed()
            }
            Action::Increase | Action::Decrease => {
                self.change_choice(ctx, action == Action::Increase)
            }
            Action::Text(TextKey::Input(' '))
                if matches!(self.field, Field::Lot | Field::Agreement) =>
            {
                self.change_choice(ctx, true)
            }
            other => {
                let outcome = self.date_key(other);
                if outcome.changed {
                    self.problem = None;
                }
                outcome
            }
        }
    }

    /// The session refused the placement: said here, the form stays open.
    fn refused(&mut self, message: &str) -> bool {
        self.problem = Some(message.to_owned());
        true
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let width = popup::centered(area, 80, 1).width.saturating_sub(2);
        let lines = self.lines(ctx, usize::from(width));
        // Room for the wrapped hint and problem.
        let height = u16::try_from(lines.len() + 5).unwrap_or(u16::MAX);
        let dialog_area = popup::centered(area, 80, height.min(area.height));
        let title = format!(" {} ", lang.pick("Placement prévu", "Planned placement"));
        let inner = popup::frame_popup(frame, dialog_area, Line::styled(title, style::bold()));
        frame.render_widget(
            Paragraph::new(safe::lines(lines)).wrap(Wrap { trim: false }),
            inner,
        );
    }
}
