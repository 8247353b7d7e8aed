//! The jury-grid form: every criterion of the call's grid with its weight and the grade of the
//! application; digits grade at once (each grade is saved as it is typed) and the cursor then
//! moves to the next criterion — the form says so, so no criterion is skipped unseen.

use crate::review::{AppKey, Change, Grade};
use crate::session::Operation;
use crate::tui::action::{Action, ReviewAction, TextKey};
use crate::tui::component::{Dialog, DialogKind};
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::ui_state::{UiState, Viewport};
use crate::tui::widgets::review_text::{grade_text, grid_summary};
use crate::tui::widgets::safe;
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub struct GridDialog {
    key: AppKey,
    cursor: usize,
    /// Where the cursor was before the last grade moved it (put back if the grade is refused).
    before: Option<usize>,
    /// What the last grade did, in words (« Adéquation : 3/4 — suite : Ancrage »).
    note: Option<String>,
}

impl GridDialog {
    pub fn new(key: AppKey) -> GridDialog {
        GridDialog {
            key,
            cursor: 0,
            before: None,
            note: None,
        }
    }

    fn grade(&mut self, ctx: &Context, grade: Option<Grade>) -> Outcome {
        let lang = ctx.lang;
        let Some(grid) = ctx.review().map(|r| &r.grid) else {
            return Outcome::none();
        };
        let Some(criterion) = grid.criteria.get(self.cursor) else {
            return Outcome::none();
        };
        let label = criterion.label(lang).to_owned();
        let done = format!(
            "{}{} {} — {}",
            label,
            lang.pick("\u{a0}:", ":"),
            grade_text(grade.as_ref(), lang),
            ctx.application_name(&self.key)
        );
        let change = Change::Grade {
            key: self.key.clone(),
            criterion: criterion.code.clone(),
            grade,
        };
        self.before = Some(self.cursor);
        // On to the next criterion, so a whole grid is typed in one go (a cleared grade stays).
        let last = grid.criteria.len().saturating_sub(1);
        self.note = Some(if grade.is_some() && self.cursor < last {
            self.cursor += 1;
            format!(
                "✓ {label}{} {} — {} «\u{a0}{}\u{a0}»",
                lang.pick("\u{a0}:", ":"),
                grade_text(grade.as_ref(), lang),
                lang.pick("critère suivant", "next criterion"),
                grid.criteria[self.cursor].label(lang)
            )
        } else {
            format!(
                "✓ {label}{} {}",
                lang.pick("\u{a0}:", ":"),
                grade_text(grade.as_ref(), lang)
            )
        });
        Outcome::effect(Effect::Apply {
            operation: Operation::review(change),
            done,
            then: Vec::new(),
        })
    }
}

impl Dialog for GridDialog {
    fn kind(&self) -> DialogKind {
        DialogKind::Grid
    }

    fn scope(&self) -> Scope {
        Scope::Grid
    }

    fn update(&mut self, ctx: &Context, action: Action, _viewport: Viewport) -> Outcome {
        let count = ctx.review().map_or(0, |r| r.grid.criteria.len()).max(1);
        match action {
            Action::Down => {
                self.cursor = (self.cursor + 1) % count;
                self.note = None;
                Outcome::changed()
            }
            Action::Up => {
                self.cursor = (self.cursor + count - 1) % count;
                self.note = None;
                Outcome::changed()
            }
            Action::Back => Outcome::effect(Effect::Close),
            Action::Review(ReviewAction::GradeKey('-')) => {
                self.grade(ctx, Some(Grade::NotApplicable))
            }
            Action::Review(ReviewAction::GradeKey(c)) => match c.to_digit(10) {
                Some(points) => self.grade(
                    ctx,
                    Some(Grade::Points(u8::try_from(points).unwrap_or(u8::MAX))),
                ),
                None => Outcome::none(),
            },
            Action::Text(TextKey::Backspace) => self.grade(ctx, None),
            _ => Outcome::none(),
        }
    }

    /// The model refused the grade: the cursor goes back to the criterion, the reason shows.
    fn refused(&mut self, message: &str) -> bool {
        if let Some(before) = self.before.take() {
            self.cursor = before;
        }
        self.note = Some(format!("⚠ {message}"));
        true
    }

    fn view(&self, ctx: &Context, frame: &mut Frame, area: Rect, _ui: &mut UiState) {
        let lang = ctx.lang;
        let (Some(state), Some(application)) = (ctx.review(), ctx.application(&self.key)) else {
            return;
        };
        let grid = &state.grid;
        let weights: f64 = grid.criteria.iter().map(|c| c.weight).sum();
        let mut lines = vec![Line::from(ctx.application_name(&self.key)), Line::from("")];
        for (i, criterion) in grid.criteria.iter().enumerate() {
            let share = if weights > 0.0 {
                100.0 * criterion.weight / weights
            } else {
                0.0
            };
            let text = format!(
                "{:<38}{:>4} %  [{:^4}]",
                criterion.label(lang),
                share.round(),
                grade_text(application.grades.get(&criterion.code), lang)
            );
            lines.push(if i == self.cursor {
                Line::styled(format!("▸ {text}"), style::selected())
            } else {
                Line::from(format!("  {text}"))
            });
        }
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!(
                "{}{}",
                lang.pick("Total\u{a0}: ", "Total: "),
                grid_summary(grid, application, lang)
            ),
            style::bold(),
        ));
        if let Some(note) = &self.note {
            lines.push(Line::styled(note.clone(), style::bold()));
        }
        lines.push(Line::from(""));
        lines.push(Line::styled(
            lang.pick(
                "0 à 4 noter (enregistré aussitôt, puis critère suivant) · - sans objet · Retour arrière effacer · ↑↓ critère · Échap fermer",
                "0 to 4 grade (saved at once, then next criterion) · - not applicable · Backspace clear · ↑↓ criterion · Esc close",
            ),
            style::dim(),
        ));
        let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
        let area = popup::centered(area, 72, height);
        let inner = popup::frame_popup(
            frame,
            area,
            Line::styled(
                format!(" {} ", lang.pick("Grille du jury", "Jury grid")),
                style::bold(),
            ),
        );
        frame.render_widget(
            Paragraph::new(safe::lines(lines)).wrap(Wrap { trim: false }),
            inner,
        );
    }
}
