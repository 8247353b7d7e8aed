//! The bottom key bar, generated from the keymap table (like the help) for the scope that has
//! the keys. When the line is too short, the least needed entries go first; help and quit stay.

use crate::i18n::Lang;
use crate::review::Status;
use crate::tui::action::{Action, PathwayAction, ReviewAction, TextKey};
use crate::tui::keymap::{KeyCode, Keymap, Scope};
use crate::tui::widgets::style;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

struct Entry {
    key: String,
    label: &'static str,
    /// Entries with the highest rank leave first when the line is short; 0 never leaves.
    drop_rank: u8,
}

impl Entry {
    fn width(&self) -> usize {
        self.key.chars().count() + 1 + self.label.chars().count() + 2
    }
}

/// What a newcomer needs most stays longest: help and quit always, then confirming a form,
/// search, open and weights; moving with j/k is the first thing everyone guesses.
fn drop_rank(action: Action) -> u8 {
    match action {
        Action::OpenHelp | Action::Quit | Action::Reload | Action::OpenProblems => 0,
        Action::Text(TextKey::Submit) | Action::Review(ReviewAction::GradeKey(_)) => 0,
        Action::Review(ReviewAction::Decide(Status::EnInstruction)) => 4,
        Action::Review(ReviewAction::Decide(_)) | Action::Text(TextKey::Newline) => 1,
        Action::Open | Action::OpenWeights | Action::Confirm => 1,
        // Bound per screen (Territoire's `e` is the report) yet shared by four: it goes as
        // soon as the keys every screen shares would.
        Action::OpenExport => 2,
        Action::Pathway(PathwayAction::Place | PathwayAction::Attach | PathwayAction::Report) => 1,
        Action::Pathway(_) => 2,
        Action::StartSearch => 2,
        Action::Increase | Action::Decrease | Action::Back | Action::Deny => 2,
        Action::Text(TextKey::NextField) => 2,
        Action::OpenFilter | Action::SortNext | Action::Undo | Action::OpenImport => 3,
        Action::Review(ReviewAction::Allocate) => 3,
        Action::Review(ReviewAction::Annotate | ReviewAction::Opinion | ReviewAction::Grade) => 3,
        Action::Compare | Action::Reset | Action::OpenAlerts => 4,
        _ => 5,
    }
}

/// What the session can do now: a key that would do nothing is left out of the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    /// Rereading the other instance's changes is worth its place only when read-only.
    pub read_only: bool,
    pub can_undo: bool,
    /// The workspace files have problems: the panel's key, and rereading once they are fixed.
    pub problems: bool,
}

pub fn render(
    keymap: &Keymap,
    scope: Scope,
    session: Session,
    lang: Lang,
    frame: &mut Frame,
    area: Rect,
) {
    let typing = scope.takes_text();
    let mut entries: Vec<Entry> = keymap
        .in_chain(scope)
        .filter(|b| match b.action {
            // Every tab's Ctrl-l earns its place when there is something to reread; a
            // dialog's own (the Problèmes panel's) always.
            Action::Reload => session.read_only || session.problems || !b.applies_in(Scope::Lists),
            Action::OpenProblems => session.problems,
            Action::Undo => session.can_undo,
            _ => true,
        })
        .filter_map(|b| {
            // While typing, plain letters are text: show a key that still works.
            let inherited = !b.applies_in(scope);
            let key = b.keys.iter().find(|k| {
                !(typing && inherited) || k.ctrl || !matches!(k.code, KeyCode::Char(_))
            })?;
            // A screen's own keys stay longer than the keys every screen shares.
            let rank = drop_rank(b.action);
            Some(Entry {
                key: key.label(lang),
                label: b.bar_label(lang)?,
                drop_rank: if inherited && rank > 0 {
                    rank + 1
                } else {
                    rank
                },
            })
        })
        .collect();
    let available = usize::from(area.width);
    while entries.iter().map(Entry::width).sum::<usize>() > available {
        let Some(drop) = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.drop_rank > 0)
            .max_by_key(|(i, e)| (e.drop_rank, *i))
            .map(|(i, _)| i)
        else {
            break;
        };
        entries.remove(drop);
    }
    let spans: Vec<Span> = entries
        .iter()
        .flat_map(|e| {
            [
                Span::styled(e.key.clone(), style::key()),
                Span::raw(format!(" {}  ", e.label)),
            ]
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
