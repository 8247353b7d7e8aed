//! The bottom key bar, generated from the keymap table (like the help), for the current mode.
//! When the line is too short, the least needed entries go first; help and quit stay.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Context, KeyCode};
use crate::tui::view::style;
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

/// What a newcomer needs most stays longest: help and quit always, then search, open and
/// weights; moving with j/k is the first thing everyone guesses.
fn drop_rank(action: Action) -> u8 {
    match action {
        Action::OpenHelp | Action::Quit => 0,
        Action::StartSearch | Action::Open | Action::OpenWeights => 1,
        Action::Increase | Action::Decrease | Action::Back => 2,
        Action::OpenFilter | Action::SortNext => 3,
        Action::Compare | Action::Reset => 4,
        Action::Review(review) => review.drop_rank(),
        Action::Export(export) => export.drop_rank(),
        _ => 5,
    }
}

impl Entry {
    fn width(&self) -> usize {
        self.key.chars().count() + 1 + self.label.chars().count() + 2
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let context = app.key_context();
    let mut entries: Vec<Entry> = app
        .keymap
        .in_context(context)
        .chain(app.keymap.in_context(Context::Global))
        // A context that falls back on another (Appel on the lists) keeps its essentials (help).
        .chain(
            context
                .parent()
                .into_iter()
                .flat_map(|parent| app.keymap.in_context(parent))
                .filter(|b| drop_rank(b.action) == 0),
        )
        .filter_map(|b| {
            // While typing a search, plain letters are text: show a key that still works.
            let typing = context.takes_text() && b.context == Context::Global;
            let key = b
                .keys
                .iter()
                .find(|k| !typing || k.ctrl || !matches!(k.code, KeyCode::Char(_)))?;
            Some(Entry {
                key: key.label(lang),
                label: b.bar_label(lang)?,
                drop_rank: drop_rank(b.action),
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
