//! Drawing a form: the page on top (the record, or an item of one of its lists), one line per
//! field — label, then value — with each problem under its field, in words and marked `⚠`
//! (never by colour alone). The page scrolls to keep the field with the keys in sight; every
//! text too long for its place is cut with an ellipsis, and the text being typed is shown
//! around its caret.

use crate::i18n::Lang;
use crate::tui::context::Context;
use crate::tui::dialogs::help::wrap;
use crate::tui::forms::choice::{Choice, Multi};
use crate::tui::forms::dialog::FormDialog;
use crate::tui::forms::field::{Field, ItemList, Value};
use crate::tui::forms::issues::{Issue, Place};
use crate::tui::forms::kinds::{Cx, pick};
use crate::tui::shared::text_input::TextInput;
use crate::tui::widgets::cut::{ELLIPSIS, cut, cut_line};
use crate::tui::widgets::{popup, style};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const CARET: char = '▏';
/// Options or items shown around the cursor of a focused list.
const WINDOW: usize = 7;

pub fn render(dialog: &FormDialog, ctx: &Context, frame: &mut Frame, area: Rect) {
    let lang = ctx.lang;
    let area = popup::centered(area, 112, area.height);
    let title = format!(" {} ", dialog.title(lang));
    let inner = popup::frame_popup(
        frame,
        area,
        Line::styled(
            cut(&title, usize::from(area.width.saturating_sub(2))),
            style::bold(),
        ),
    );
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let level = dialog.levels().len() - 1;
    let placed = dialog.placed(level);
    let mut header: Vec<Line<'static>> = Vec::new();
    if let Some(refusal) = dialog.refusal() {
        header.extend(
            wrap(&format!("⚠ {refusal}"), width)
                .into_iter()
                .map(|l| Line::styled(l, style::error())),
        );
    }
    for (_, issue) in placed.iter().filter(|(p, _)| *p == Place::General) {
        header.push(Line::styled(
            format!("⚠ {} — {}", issue.path, issue.text),
            style::error(),
        ));
    }
    // The header never takes more than a third of the page.
    let header_max = usize::from(inner.height) / 3;
    if header.len() > header_max {
        header.truncate(header_max);
        if let Some(last) = header.last_mut() {
            *last = Line::styled(format!("{}{ELLIPSIS}", last), style::error());
        }
    }
    let cx = Cx {
        workspace: &ctx.workspace,
        lang,
        today: ctx.today,
    };
    let sheet = &dialog.levels()[level].sheet;
    let (body, focus) = body_lines(&sheet.fields, sheet.focus, &placed, width, cx);
    let height = usize::from(inner.height).saturating_sub(header.len());
    let shown = scrolled(body, focus, height, lang);
    let lines: Vec<Line<'static>> = header
        .into_iter()
        .chain(shown)
        .map(|l| cut_line(l, width))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The lines of `body` that fit in `height`, the focused block `focus` in sight; when they do
/// not all fit, the first and last lines say that more is above or below.
fn scrolled(
    body: Vec<Line<'static>>,
    focus: (usize, usize),
    height: usize,
    lang: Lang,
) -> Vec<Line<'static>> {
    if body.len() <= height {
        return body;
    }
    if height < 3 {
        let start = focus.0.min(body.len().saturating_sub(height));
        return body.into_iter().skip(start).take(height).collect();
    }
    let room = height - 2;
    let max_offset = body.len() - room;
    let mut offset = focus.0.saturating_sub(room / 3).min(max_offset);
    if focus.1 >= offset + room {
        offset = (focus.1 + 1 - room).min(focus.0).min(max_offset);
    }
    let above = offset > 0;
    let below = offset + room < body.len();
    let mark = |shown: bool, text: &str| {
        if shown {
            Line::styled(format!("  {text}"), style::dim())
        } else {
            Line::from("")
        }
    };
    let mut out = vec![mark(above, lang.pick("▲ plus haut", "▲ more above"))];
    out.extend(body.into_iter().skip(offset).take(room));
    out.push(mark(below, lang.pick("▼ plus bas", "▼ more below")));
    out
}

/// Every line of the page, and the first and last line of the focused field.
fn body_lines(
    fields: &[Field],
    focus: usize,
    placed: &[(Place, &Issue)],
    width: usize,
    cx: Cx<'_>,
) -> (Vec<Line<'static>>, (usize, usize)) {
    let lang = cx.lang;
    let label_width = fields
        .iter()
        .map(|f| pick(f.label, lang).width())
        .max()
        .unwrap_or(0)
        .min(width / 3)
        .clamp(8, 34);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut focused = (0, 0);
    for (i, field) in fields.iter().enumerate() {
        if let Some(section) = field.section {
            if !lines.is_empty() {
                lines.push(Line::from(""));
            }
            lines.push(Line::styled(
                pick(section, lang).to_owned(),
                style::header(),
            ));
        }
        let start = lines.len();
        let has_focus = i == focus;
        let issues: Vec<&Issue> = placed
            .iter()
            .filter(|(p, _)| {
                *p == Place::Field {
                    field: i,
                    item: None,
                }
            })
            .map(|(_, issue)| *issue)
            .collect();
        let marked = !issues.is_empty()
            || placed
                .iter()
                .any(|(p, _)| matches!(p, Place::Field { field, .. } if *field == i));
        let label = cut(pick(field.label, lang), label_width);
        let head = format!(
            "{}{}{label:<label_width$} ",
            if has_focus { "▸ " } else { "  " },
            if marked { "⚠" } else { " " },
        );
        let room = width.saturating_sub(head.width());
        let head_style = if has_focus {
            style::selected()
        } else {
            ratatui::style::Style::new()
        };
        let value = value_spans(field, has_focus, room, lang);
        let mut spans = vec![Span::styled(head, head_style)];
        spans.extend(value);
        lines.push(Line::from(spans));
        lines.extend(details(field, has_focus, placed, i, width, cx));
        for issue in issues {
            lines.extend(issue_lines(issue, width));
        }
        if has_focus {
            focused = (start, lines.len().saturating_sub(1));
        }
    }
    (lines, focused)
}

fn issue_lines(issue: &Issue, width: usize) -> Vec<Line<'static>> {
    let indent = "      ";
    wrap(
        &format!("⚠ {}", issue.text),
        width.saturating_sub(indent.len()),
    )
    .into_iter()
    .map(|l| Line::styled(format!("{indent}{l}"), style::error()))
    .collect()
}

/// What follows a field's value on the lines below it: a choice's matches, a multiple
/// choice's options, a list's items.
fn details(
    field: &Field,
    focused: bool,
    placed: &[(Place, &Issue)],
    index: usize,
    width: usize,
    cx: Cx<'_>,
) -> Vec<Line<'static>> {
    let lang = cx.lang;
    match &field.value {
        Value::Choice(choice) if focused && !choice.query.is_empty() => {
            vec![matches_line(choice, lang)]
        }
        Value::Multi(multi) if focused => options_lines(multi, lang),
        Value::List(list) => items_lines(list, focused, placed, index, width, cx),
        _ => Vec::new(),
    }
}

fn matches_line(choice: &Choice, lang: Lang) -> Line<'static> {
    let shown = choice.shown();
    let text = if shown.is_empty() {
        match choice.label() {
            Some(label) => format!("{} {label}", lang.pick("compris comme", "read as")),
            None => lang
                .pick("aucun choix ne correspond", "no choice matches")
                .to_owned(),
        }
    } else {
        shown
            .iter()
            .take(6)
            .map(|&i| choice.options[i].label.as_str())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    Line::styled(
        format!("      «\u{a0}{}\u{a0}» → {text}", choice.query),
        style::dim(),
    )
}

fn window(count: usize, cursor: usize) -> (usize, usize) {
    let start = cursor
        .saturating_sub(WINDOW / 2)
        .min(count.saturating_sub(WINDOW));
    (start, (start + WINDOW).min(count))
}

fn options_lines(multi: &Multi, lang: Lang) -> Vec<Line<'static>> {
    let shown = multi.shown();
    let mut lines = Vec::new();
    if !multi.query.is_empty() {
        lines.push(Line::styled(
            format!(
                "      {} «\u{a0}{}\u{a0}»\u{a0}: {}",
                lang.pick("filtre", "filter"),
                multi.query,
                shown.len()
            ),
            style::dim(),
        ));
    }
    if shown.is_empty() {
        lines.push(Line::styled(
            format!(
                "      {}",
                lang.pick("aucun choix ne correspond", "no choice matches")
            ),
            style::dim(),
        ));
        return lines;
    }
    let (start, end) = window(shown.len(), multi.cursor);
    if start > 0 {
        lines.push(Line::styled(format!("      {ELLIPSIS}"), style::dim()));
    }
    for (at, &option) in shown.iter().enumerate().take(end).skip(start) {
        let mark = if multi.is_chosen(option) {
            "☑"
        } else {
            "☐"
        };
        let text = format!("      {mark} {}", multi.options[option].label);
        lines.push(if at == multi.cursor {
            Line::styled(text, style::selected())
        } else {
            Line::from(text)
        });
    }
    if end < shown.len() {
        lines.push(Line::styled(format!("      {ELLIPSIS}"), style::dim()));
    }
    lines
}

fn items_lines(
    list: &ItemList,
    focused: bool,
    placed: &[(Place, &Issue)],
    index: usize,
    width: usize,
    cx: Cx<'_>,
) -> Vec<Line<'static>> {
    let lang = cx.lang;
    let mut lines = Vec::new();
    let (start, end) = if focused {
        window(list.items.len(), list.cursor)
    } else {
        (0, list.items.len().min(WINDOW))
    };
    if start > 0 {
        lines.push(Line::styled(format!("      {ELLIPSIS}"), style::dim()));
    }
    for (i, item) in list.items.iter().enumerate().take(end).skip(start) {
        let issues: Vec<&Issue> = placed
            .iter()
            .filter(|(p, _)| {
                *p == Place::Field {
                    field: index,
                    item: Some(i),
                }
            })
            .map(|(_, issue)| *issue)
            .collect();
        let mark = if issues.is_empty() { " " } else { "⚠" };
        let text = format!("    {mark} {}. {}", i + 1, list.kind.summary(item, cx));
        lines.push(if focused && i == list.cursor {
            Line::styled(text, style::selected())
        } else {
            Line::from(text)
        });
        for issue in issues {
            lines.extend(issue_lines(issue, width));
        }
    }
    if end < list.items.len() {
        lines.push(Line::styled(
            format!(
                "      {ELLIPSIS} {} {}",
                list.items.len() - end,
                lang.pick("de plus", "more")
            ),
            style::dim(),
        ));
    }
    lines
}

/// The value on the field's own line, in at most `room` columns.
fn value_spans(field: &Field, focused: bool, room: usize, lang: Lang) -> Vec<Span<'static>> {
    let empty = |hint: Option<(&'static str, &'static str)>| {
        let text = hint.map_or_else(String::new, |h| format!("({})", pick(h, lang)));
        Span::styled(text, style::dim())
    };
    match &field.value {
        Value::Text(input) if focused => vec![Span::styled(caret_view(input, room), style::bold())],
        Value::Text(input) if input.text().is_empty() => vec![empty(field.hint)],
        Value::Text(input) => vec![Span::raw(input.text().to_owned())],
        Value::Choice(choice) => {
            let label = choice.label().unwrap_or("—").to_owned();
            let mut spans = if focused {
                vec![Span::styled(format!("◂ {label} ▸"), style::bold())]
            } else {
                vec![Span::raw(label)]
            };
            if choice.selected.is_none() && !focused {
                spans.push(Span::raw(" "));
                spans.push(empty(field.hint));
            }
            spans
        }
        Value::Multi(multi) => {
            let labels = multi.labels();
            let text = if labels.is_empty() {
                "—".to_owned()
            } else {
                labels.join(", ")
            };
            vec![if focused {
                Span::styled(text, style::bold())
            } else {
                Span::raw(text)
            }]
        }
        Value::Flag(on) => {
            let text = if *on {
                lang.pick("☑ oui", "☑ yes")
            } else {
                lang.pick("☐ non", "☐ no")
            };
            vec![if focused {
                Span::styled(format!("◂ {text} ▸"), style::bold())
            } else {
                Span::raw(text)
            }]
        }
        Value::List(list) => {
            let n = list.items.len();
            let text = match (n, lang) {
                (0, Lang::Fr) => "aucun — Ctrl-n pour ajouter".to_owned(),
                (0, Lang::En) => "none — Ctrl-n to add".to_owned(),
                (n, Lang::Fr) if focused => {
                    format!("{n} — Entrée ouvrir · Ctrl-n ajouter · Ctrl-d retirer")
                }
                (n, Lang::En) if focused => {
                    format!("{n} — Enter open · Ctrl-n add · Ctrl-d remove")
                }
                (n, _) => n.to_string(),
            };
            vec![Span::styled(text, style::dim())]
        }
    }
}

/// The text with its caret, in `room` columns: around the caret, with an ellipsis on each
/// side where the text goes on.
pub fn caret_view(input: &TextInput, room: usize) -> String {
    let chars: Vec<char> = input
        .text()
        .chars()
        .take(input.cursor())
        .chain(std::iter::once(CARET))
        .chain(input.text().chars().skip(input.cursor()))
        .collect();
    let full: String = chars.iter().collect();
    if full.width() <= room || room < 3 {
        return full;
    }
    let w = |c: &char| c.width().unwrap_or(0);
    let caret = input.cursor();
    let (mut start, mut end) = (caret, caret + 1);
    let mut used = w(&chars[caret]);
    let budget =
        |start: usize, end: usize| room - usize::from(start > 0) - usize::from(end < chars.len());
    // A few characters after the caret, then as many before it as fit, then the rest after.
    let mut after = 0;
    while end < chars.len() && after < 8 && used + w(&chars[end]) <= budget(start, end + 1) {
        used += w(&chars[end]);
        end += 1;
        after += 1;
    }
    while start > 0 && used + w(&chars[start - 1]) <= budget(start - 1, end) {
        start -= 1;
        used += w(&chars[start]);
    }
    while end < chars.len() && used + w(&chars[end]) <= budget(start, end + 1) {
        used += w(&chars[end]);
        end += 1;
    }
    let mut out = String::new();
    if start > 0 {
        out.push(ELLIPSIS);
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push(ELLIPSIS);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_caret_stays_in_sight() {
        let mut input = TextInput::with_text("Ateliers partagés du Canal de l’Ourcq");
        assert_eq!(
            caret_view(&input, 60),
            "Ateliers partagés du Canal de l’Ourcq▏"
        );
        let end = caret_view(&input, 12);
        assert!(end.starts_with('…') && end.ends_with('▏'), "{end}");
        for _ in 0..40 {
            input.left();
        }
        let start = caret_view(&input, 12);
        assert!(start.starts_with('▏') && start.ends_with('…'), "{start}");
    }

    proptest! {
        #[test]
        fn never_wider_than_its_room(text in "\\PC{0,60}", cursor in 0usize..60, room in 3usize..40) {
            let mut input = TextInput::with_text(&text);
            let back = text.chars().count().saturating_sub(cursor);
            for _ in 0..back {
                input.left();
            }
            let shown = caret_view(&input, room);
            prop_assert!(shown.width() <= room, "{shown:?} wider than {room}");
            prop_assert!(shown.contains(CARET));
        }
    }
}
