//! The Parcours screen drawn: the structures with their alerts, stage, due end, next step and
//! timeline; the legend; below, the selected structure's next step (the sites suggested, with
//! their scores) beside the list of alerts within the horizon.

use crate::domain::EpisodeKind;
use crate::domain::Structure;
use crate::i18n::{self, Label, Lang};
use crate::pathway::labels::alert_symbol;
use crate::pathway::placement::episode_kind;
use crate::pathway::stage::next_step;
use crate::pathway::{Alert, Stage, timeline_row};
use crate::store::kind::DocumentKind;
use crate::tui::context::Context;
use crate::tui::screens::parcours::rows::{alert_words, days_left, next_words, stage_words};
use crate::tui::screens::parcours::timeline::{self, symbol};
use crate::tui::screens::parcours::{Focus, Parcours};
use crate::tui::tab::Tab;
use crate::tui::text::Msg;
use crate::tui::ui_state::UiState;
use crate::tui::widgets::cut::cut_line;
use crate::tui::widgets::style;
use crate::tui::widgets::table::{Column, Table, empty_note, layout};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

const TIMELINE_COLUMN: usize = 5;

pub fn render(
    screen: &Parcours,
    ctx: &Context,
    frame: &mut Frame,
    area: Rect,
    ui: &mut UiState,
) -> Rect {
    let lang = ctx.lang;
    let bottom = (area.height / 3).clamp(6, 11);
    let [intro, table, legend, below] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(bottom),
    ])
    .areas(area);
    let intro_line = left_out_line(ctx)
        .unwrap_or_else(|| Line::styled(Msg::PathwayIntro.get(lang), style::dim()));
    frame.render_widget(
        Paragraph::new(cut_line(intro_line, usize::from(intro.width))),
        intro,
    );
    render_table(screen, ctx, frame, table, ui);
    frame.render_widget(
        Paragraph::new(cut_line(legend_line(lang), usize::from(legend.width))),
        legend,
    );
    let [next, alerts] =
        Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(below);
    render_next_step(screen, ctx, frame, next);
    render_alerts(screen, ctx, frame, alerts);
    table
}

/// Structures whose file has a problem are out of the list, so are their alerts: said in place
/// of the introduction, with their names (or files) and the key of the Problèmes panel.
fn left_out_line(ctx: &Context) -> Option<Line<'static>> {
    let lang = ctx.lang;
    let health = &ctx.health;
    let n = health.unavailable(DocumentKind::Structure);
    if n == 0 {
        return None;
    }
    let folder = DocumentKind::Structure.folder().map(std::path::Path::new);
    let mut names: Vec<String> = health
        .left_out
        .structures
        .iter()
        .map(|(file, s)| format!("{} ({})", s.name, file.display()))
        .chain(
            health
                .unloadable
                .iter()
                .filter(|p| folder.is_some() && p.parent() == folder)
                .map(|p| p.display().to_string()),
        )
        .take(NAMED)
        .collect();
    if n > NAMED {
        names.push(match lang {
            Lang::Fr => format!("et {} autre(s)", n - NAMED),
            Lang::En => format!("and {} more", n - NAMED),
        });
    }
    let key = ctx.key_of(crate::tui::action::Action::OpenProblems);
    let names = names.join(", ");
    let text = match lang {
        Lang::Fr => format!(
            "⚠ {n} structure(s) hors du parcours, alertes non calculées (fichier en erreur — {key})\u{a0}: {names}"
        ),
        Lang::En => format!(
            "⚠ {n} structure(s) out of the pathway, alerts not worked out (file with problems — {key}): {names}"
        ),
    };
    Some(Line::styled(text, style::error()))
}

/// How many left-out structures the line names before « et N autre(s) ».
const NAMED: usize = 3;

fn legend_line(lang: Lang) -> Line<'static> {
    let item = |c: char, kind: EpisodeKind| format!("{c} {}", Stage::of(kind).label(lang));
    Line::styled(
        format!(
            "{} · {} · {} · {} · █·█· {} · {} {}",
            item(symbol(EpisodeKind::Incubation), EpisodeKind::Incubation),
            item(symbol(EpisodeKind::Transitional), EpisodeKind::Transitional),
            item(symbol(EpisodeKind::Permanent), EpisodeKind::Permanent),
            item(symbol(EpisodeKind::Other), EpisodeKind::Other),
            lang.pick("prévu", "planned"),
            timeline::TODAY,
            lang.pick("aujourd’hui", "today"),
        ),
        style::dim(),
    )
}

/// The distinct symbols of a structure's alerts, most urgent first.
fn alert_symbols<'a>(alerts: impl Iterator<Item = &'a Alert>) -> String {
    let mut out = String::new();
    for alert in alerts {
        let s = alert_symbol(alert.kind);
        if !out.contains(s) {
            out.push_str(s);
        }
    }
    out
}

fn render_table(screen: &Parcours, ctx: &Context, frame: &mut Frame, area: Rect, ui: &mut UiState) {
    let lang = ctx.lang;
    let mut columns = vec![
        Column::flex(Msg::ColStructure.get(lang), 16, 2),
        Column::fixed("⚠", 4, 0),
        Column::fixed(Msg::ColStage.get(lang), 13, 2),
        Column::fixed(lang.pick("Échéance", "Due"), 10, 1),
        Column::fixed(lang.pick("Suite", "Next"), 26, 3),
        Column::flex(lang.pick("Frise", "Timeline"), 16, 3),
    ];
    let inner_width = area.width.saturating_sub(2);
    let timeline_width = layout(&columns, inner_width)
        .into_iter()
        .find(|&(c, _)| c == TIMELINE_COLUMN)
        .map_or(0, |(_, w)| w);
    columns[TIMELINE_COLUMN].title = timeline::dates(screen.span, timeline_width, lang);
    let title = format!(
        " {} — {} {} ",
        Msg::TabPathway.get(lang),
        screen.rows.len(),
        lang.pick("structure(s)", "structure(s)")
    );
    let mut offset = ui.offsets(Tab::Pathway).table;
    let settings = &ctx.workspace.territory.pathway;
    let drawn = Table {
        block: Block::bordered().title(title),
        columns: &columns,
        len: screen.rows.len(),
        cursor: screen.cursor,
        focused: screen.focus == Focus::Structures,
        sort: None,
        lang,
    }
    .render(
        frame,
        area,
        &mut offset,
        |r, c| {
            let index = screen.rows[r];
            let s = &ctx.workspace.structures[index];
            match c {
                0 => Line::from(s.name.clone()),
                1 => Line::from(alert_symbols(screen.alerts_of(index))),
                2 => Line::from(stage_words(&next_step(s, ctx.today, settings), lang)),
                3 => Line::from(
                    next_step(s, ctx.today, settings)
                        .deadline
                        .map_or("—".to_owned(), |d| i18n::date(d, lang)),
                ),
                4 => Line::from(next_words(ctx, s, lang)),
                _ => timeline::line(
                    &timeline_row(&ctx.workspace, index, screen.span, ctx.today),
                    screen.span,
                    timeline_width,
                    ctx.today,
                ),
            }
        },
        |_| Style::default(),
    );
    if screen.rows.is_empty() {
        empty_note(
            frame,
            drawn,
            if screen.alerts_only {
                lang.pick(
                    "Aucune structure en alerte à cet horizon (f : toutes les structures, m : horizon).",
                    "No structure with an alert at this horizon (f: every structure, m: horizon).",
                )
            } else {
                lang.pick("Aucune structure.", "No structure.")
            },
        );
    }
    ui.offsets(Tab::Pathway).table = offset;
    ui.page = usize::from(drawn.height);
    ui.hits.list = Some(drawn);
}

/// Where the structure is today, in one line.
fn today_line(ctx: &Context, structure: &Structure, lang: Lang) -> String {
    let step = next_step(structure, ctx.today, &ctx.workspace.territory.pathway);
    let Some(current) = step.current else {
        return format!(
            "{} {}",
            lang.pick("Aujourd’hui\u{a0}:", "Today:"),
            Stage::None.label(lang)
        );
    };
    let place = current
        .site
        .as_ref()
        .and_then(|id| ctx.workspace.site(id))
        .map(|s| s.name.clone())
        .or_else(|| current.place.clone())
        .unwrap_or_default();
    let until = step.deadline.map_or(String::new(), |d| {
        format!(
            ", {} {} ({})",
            lang.pick("jusqu’au", "until"),
            i18n::date(d, lang),
            days_left((d - ctx.today).num_days(), lang)
        )
    });
    format!(
        "{} {} — {place}{until}",
        lang.pick("Aujourd’hui\u{a0}:", "Today:"),
        step.stage.label(lang)
    )
}

/// Why no site is offered for `structure`, for the status line.
pub fn no_suggestion(ctx: &Context, structure: usize, lang: Lang) -> String {
    let s = &ctx.workspace.structures[structure];
    let step = next_step(s, ctx.today, &ctx.workspace.territory.pathway);
    if step.planned.is_some() {
        return format!(
            "{} {}",
            s.name,
            lang.pick(
                "a déjà un placement prévu\u{a0}: rien à choisir.",
                "already has a planned placement: nothing to choose."
            )
        );
    }
    match step.target {
        None => format!(
            "{} {}",
            s.name,
            lang.pick(
                "n’a pas d’étape suivante (installée durablement, ou partie).",
                "has no next step (anchored for good, or gone)."
            )
        ),
        Some(kind) => match lang {
            Lang::Fr => format!(
                "Aucun lieu «\u{a0}{}\u{a0}» disponible d’ici là pour {}.",
                Stage::of(episode_kind(kind)).label(lang),
                s.name
            ),
            Lang::En => format!(
                "No “{}” site available by then for {}.",
                Stage::of(episode_kind(kind)).label(lang),
                s.name
            ),
        },
    }
}

fn render_next_step(screen: &Parcours, ctx: &Context, frame: &mut Frame, area: Rect) {
    let lang = ctx.lang;
    let Some(index) = screen.selected() else {
        frame.render_widget(
            Block::bordered().title(format!(" {} ", lang.pick("Prochaine étape", "Next step"))),
            area,
        );
        return;
    };
    let s = &ctx.workspace.structures[index];
    let focused = screen.focus == Focus::NextStep;
    let title = format!(
        " {} — {} ",
        lang.pick("Prochaine étape", "Next step"),
        s.name
    );
    let block = if focused {
        Block::bordered().title(Line::styled(title, style::bold()))
    } else {
        Block::bordered().title(title)
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let step = next_step(s, ctx.today, &ctx.workspace.territory.pathway);
    let mut lines = vec![Line::from(today_line(ctx, s, lang))];
    if step.planned.is_some() {
        lines.push(Line::from(format!(
            "{} {}",
            lang.pick("Placement", "Placement"),
            next_words(ctx, s, lang)
        )));
    } else if let Some(kind) = step.target {
        let by = step.deadline.unwrap_or(ctx.today).max(ctx.today);
        let what = Stage::of(episode_kind(kind)).label(lang);
        lines.push(Line::from(match lang {
            Lang::Fr => format!(
                "Cherche\u{a0}: {what}, libre d’ici le {} — {}",
                i18n::date(by, lang),
                if focused {
                    "Entrée fiche · p placer · c rattacher à un appel"
                } else {
                    "Entrée pour choisir un lieu"
                }
            ),
            Lang::En => format!(
                "Looking for: {what}, free by {} — {}",
                i18n::date(by, lang),
                if focused {
                    "Enter card · p place · c attach to a call"
                } else {
                    "Enter to choose a site"
                }
            ),
        }));
    } else {
        lines.push(Line::styled(no_suggestion(ctx, index, lang), style::dim()));
    }
    if step.target.is_some() && screen.suggestions.is_empty() {
        lines.push(Line::styled(no_suggestion(ctx, index, lang), style::dim()));
    }
    let room = usize::from(inner.height).saturating_sub(lines.len());
    // The suggestion under the cursor stays in sight.
    let first = screen.suggestion.saturating_sub(room.saturating_sub(1));
    for (i, suggestion) in screen.suggestions.iter().enumerate().skip(first).take(room) {
        let site = &ctx.workspace.sites[suggestion.site];
        let city = ctx
            .workspace
            .territory
            .city(&site.city)
            .map_or(String::new(), |c| format!(" · {}", c.name));
        let lot = suggestion
            .card
            .lot
            .as_ref()
            .and_then(|id| site.lot(id))
            .map_or(String::new(), |l| format!(" · {}", l.label));
        let mark = if suggestion.score.eligible {
            " "
        } else {
            "✗"
        };
        let cursor = focused && i == screen.suggestion;
        let text = format!(
            "{}{mark}{:>5}  {}{city}{lot}",
            if cursor { "▸ " } else { "  " },
            i18n::fixed(suggestion.score.total, 1, lang),
            site.name
        );
        lines.push(if cursor {
            Line::styled(text, style::selected())
        } else if suggestion.score.eligible {
            Line::from(text)
        } else {
            Line::styled(text, style::dim())
        });
    }
    let lines: Vec<Line<'static>> = lines.into_iter().map(|l| cut_line(l, width)).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_alerts(screen: &Parcours, ctx: &Context, frame: &mut Frame, area: Rect) {
    let lang = ctx.lang;
    let title = match lang {
        Lang::Fr => format!(
            " Alertes à {}\u{a0}mois ({}) ",
            screen.horizon.months(),
            screen.alerts().len()
        ),
        Lang::En => format!(
            " Alerts within {} months ({}) ",
            screen.horizon.months(),
            screen.alerts().len()
        ),
    };
    let block = Block::bordered().title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let selected = screen.selected();
    let mut lines: Vec<Line<'static>> = Vec::new();
    if screen.alerts().len() == 0 {
        lines.push(Line::styled(
            lang.pick("Aucune alerte à cet horizon.", "No alert at this horizon."),
            style::dim(),
        ));
    }
    // The selected structure's alerts first, then the most urgent.
    let mine = selected.into_iter().flat_map(|s| screen.alerts_of(s));
    let others = screen.alerts().filter(|a| Some(a.index) != selected);
    for alert in mine.chain(others).take(usize::from(inner.height)) {
        let text = format!(
            "{} {}",
            alert_symbol(alert.kind),
            alert_words(ctx, alert, lang)
        );
        let line = if Some(alert.index) == selected {
            Line::from(vec![Span::styled(text, style::bold())])
        } else {
            Line::from(text)
        };
        lines.push(cut_line(line, width));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
