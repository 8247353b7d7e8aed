//! The allocation view drawn over the whole body: what the proposal is worth and how close to
//! the optimum above; the call's applications with what each gets (a table, cursor for the
//! pins and forbids); the sites with their lots and who gets them, the structures left without
//! a place and why, and the justified envy (a pane scrolled with J/K). Beside each other on
//! wide screens, one above the other otherwise.

use crate::allocation::words::{self, lot_line, m2, points};
use crate::allocation::{Placement, Proposal};
use crate::i18n::{self, Lang};
use crate::review::Status;
use crate::tui::context::Context;
use crate::tui::dialogs::allocation::{AllocationDialog, PairRow};
use crate::tui::text::Msg;
use crate::tui::ui_state::UiState;
use crate::tui::widgets::review_text::status_text;
use crate::tui::widgets::table::{Column, Table};
use crate::tui::widgets::{popup, style, text_block};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

/// Wide screens put the sites and explanations beside the applications.
const SIDE_BY_SIDE_WIDTH: u16 = 150;

/// What the proposal is worth, how close to the optimum, the zone floor and the bonus, the
/// officer's pins and forbids.
fn summary(dialog: &AllocationDialog, ctx: &Context) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let request = &dialog.request;
    let mut lines = Vec::new();
    if let Some(p) = &dialog.proposal {
        let n = p.placements.len();
        let bonus = if p.bonus > 0.0 {
            match lang {
                Lang::Fr => format!(", plus {} par structure placée", points(p.bonus, lang)),
                Lang::En => format!(", plus {} per structure placed", points(p.bonus, lang)),
            }
        } else {
            String::new()
        };
        let placed = match (lang, n) {
            (Lang::Fr, 0 | 1) => format!("{n} structure placée"),
            (Lang::Fr, _) => format!("{n} structures placées"),
            (Lang::En, 1) => "1 structure placed".to_owned(),
            (Lang::En, _) => format!("{n} structures placed"),
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{placed}, {} points", points(p.objective, lang)),
                style::bold(),
            ),
            Span::raw(match lang {
                Lang::Fr => format!(
                    " (somme des scores aux poids de l’appel{bonus})\u{a0}; borne\u{a0}: {}\u{a0}; ",
                    points(p.bound, lang)
                ),
                Lang::En => format!(
                    " (sum of the scores under the call's weights{bonus}); bound: {}; ",
                    points(p.bound, lang)
                ),
            }),
            Span::styled(format!("{}.", p.gap_text(lang)), style::bold()),
        ]));
        let floor = match (request.min_priority, lang) {
            (0, Lang::Fr) => "pas de minimum".to_owned(),
            (0, Lang::En) => "no minimum".to_owned(),
            (f, Lang::Fr) => format!("au moins {f} demandé(s)"),
            (f, Lang::En) => format!("at least {f} asked"),
        };
        let bonus = match (request.bonus > 0.0, lang) {
            (false, Lang::Fr) => "pas de bonus".to_owned(),
            (false, Lang::En) => "no bonus".to_owned(),
            (true, Lang::Fr) => format!(
                "bonus de {} points par structure placée",
                points(request.bonus, lang)
            ),
            (true, Lang::En) => format!(
                "bonus of {} points per structure placed",
                points(request.bonus, lang)
            ),
        };
        let mut zone = vec![Span::raw(match lang {
            Lang::Fr => format!(
                "Nord et Est\u{a0}: {} placement(s) ({floor}) · {bonus} · imposées ici\u{a0}: {} · exclues ici\u{a0}: {}",
                p.priority_placements,
                request.pins.len(),
                request.forbids.len()
            ),
            Lang::En => format!(
                "North and East: {} placement(s) ({floor}) · {bonus} · pinned here: {} · forbidden here: {}",
                p.priority_placements,
                request.pins.len(),
                request.forbids.len()
            ),
        })];
        if p.priority_placements < p.min_priority {
            zone.push(Span::styled(
                lang.pick(
                    " — ⚠ minimum non atteint (les lots et les candidatures ne le permettent pas, ou pas sans écarter une décision prise)",
                    " — ⚠ minimum not reached (the lots and applications do not allow it, or not without overriding a decision taken)",
                ),
                style::bold(),
            ));
        }
        lines.push(Line::from(zone));
    }
    if let Some(error) = dialog.error() {
        lines.push(Line::styled(format!("⚠ {error}"), style::error()));
    }
    lines
}

/// Where the row's structure goes in the proposal.
fn placement_of<'a>(
    proposal: Option<&'a Proposal>,
    row: &PairRow,
    ctx: &Context,
) -> Option<&'a Placement> {
    let id = &ctx.workspace.structures[row.structure].id;
    proposal?.placements.iter().find(|p| &p.structure == id)
}

/// What the row gets: its lot (and m² on a shared one), a place on another site, or none.
fn outcome(dialog: &AllocationDialog, row: &PairRow, ctx: &Context) -> Line<'static> {
    let lang = ctx.lang;
    match placement_of(dialog.proposal.as_ref(), row, ctx) {
        Some(p) if p.site == row.key.site => {
            let text = if p.pooled {
                format!("{}, {}", p.lot_label, m2(p.m2, lang))
            } else {
                p.lot_label.clone()
            };
            Line::styled(format!("✓ {text}"), style::bold())
        }
        Some(p) => Line::from(format!(
            "→ {} {}",
            lang.pick("placée sur", "placed on"),
            p.site_name
        )),
        None if forbidden(dialog, row, ctx) => {
            Line::from(format!("⊘ {}", lang.pick("exclue", "forbidden")))
        }
        None => Line::from(format!("✗ {}", lang.pick("sans place", "no place"))),
    }
}

fn forbidden(dialog: &AllocationDialog, row: &PairRow, ctx: &Context) -> bool {
    dialog.request.forbids.contains(&row.key)
        || matches!(
            ctx.status(&row.key),
            Some(Status::Refuse | Status::ClasseSansSuite)
        )
}

/// The officer's pin or forbid here, else the decision taken.
fn mark(dialog: &AllocationDialog, row: &PairRow, ctx: &Context) -> String {
    let lang = ctx.lang;
    if dialog.request.pins.contains(&row.key) {
        return format!("⊕ {}", lang.pick("imposée ici", "pinned here"));
    }
    if dialog.request.forbids.contains(&row.key) {
        return format!("⊘ {}", lang.pick("exclue ici", "forbidden here"));
    }
    ctx.status(&row.key)
        .map_or_else(|| "—".to_owned(), |s| status_text(s, lang))
}

/// The sites with their lots and who gets them, then who is left out and why, then the
/// justified envy.
fn detail(dialog: &AllocationDialog, ctx: &Context) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let ws = &ctx.workspace;
    let colon = lang.pick("\u{a0}:", ":");
    let Some(p) = &dialog.proposal else {
        return vec![Line::styled(
            lang.pick(
                "Pas de répartition\u{a0}: la demande ne peut pas être tenue (voir au-dessus).",
                "No allocation: the request cannot be honoured (see above).",
            ),
            style::dim(),
        )];
    };
    let mut lines = Vec::new();
    for site in &p.sites {
        let zone = if site.priority_zone {
            lang.pick(" (zone Nord ou Est)", " (North or East zone)")
        } else {
            ""
        };
        lines.push(Line::styled(
            match lang {
                Lang::Fr => format!(
                    "{}{zone} — {} utilisés sur {}, {} libres",
                    site.name,
                    m2(site.used_m2, lang),
                    m2(site.surface, lang),
                    m2(site.free_m2(), lang)
                ),
                Lang::En => format!(
                    "{}{zone} — {} used of {}, {} free",
                    site.name,
                    m2(site.used_m2, lang),
                    m2(site.surface, lang),
                    m2(site.free_m2(), lang)
                ),
            },
            style::header(),
        ));
        for lot in &site.lots {
            let decided = |x: &Placement| match (x.pinned, dialog.request.pins.contains(&x.key())) {
                (true, true) => lang.pick(", imposée", ", pinned"),
                (true, false) => lang.pick(", acceptée", ", accepted"),
                _ => "",
            };
            lines.push(Line::from(lot_line(p, site, lot, decided, lang)));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(
            "{} ({}){colon}",
            lang.pick("Sans place", "Without a place"),
            p.unplaced.len()
        ),
        style::header(),
    ));
    if p.unplaced.is_empty() {
        lines.push(Line::styled(
            lang.pick(
                "  chaque structure a une place",
                "  every structure has a place",
            ),
            style::dim(),
        ));
    }
    for u in &p.unplaced {
        lines.push(Line::from(format!(
            "  {} — {}",
            u.structure_name,
            u.explain(ws, lang)
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        format!(
            "{} ({}){colon}",
            lang.pick(
                "À expliquer — une structure mieux notée aurait tenu à la place d’une autre",
                "To explain — a structure scoring more would have fitted in another's place"
            ),
            p.envy.len()
        ),
        style::header(),
    ));
    if p.envy.is_empty() {
        lines.push(Line::styled(
            lang.pick("  aucun cas", "  none"),
            style::dim(),
        ));
    }
    for e in &p.envy {
        lines.push(Line::from(format!("  {}", words::envy_line(e, lang))));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        match lang {
            Lang::Fr => format!("Calculé en {} ms.", i18n::number(p.millis, 0, lang)),
            Lang::En => format!("Computed in {} ms.", i18n::number(p.millis, 0, lang)),
        },
        style::dim(),
    ));
    lines
}

pub fn render(
    dialog: &AllocationDialog,
    ctx: &Context,
    frame: &mut Frame,
    area: Rect,
    ui: &mut UiState,
) {
    let lang = ctx.lang;
    let title = ctx.call().map_or(String::new(), |c| c.title.clone());
    let inner = popup::frame_popup(
        frame,
        area,
        Line::styled(
            format!(
                " {} — {title} ",
                lang.pick("Répartition proposée", "Proposed allocation")
            ),
            style::bold(),
        ),
    );
    let head = summary(dialog, ctx);
    let [head_area, body, _] = text_block::split(inner, &head, usize::MAX, &[]);
    text_block::wrapped(frame, head_area, head);

    let (table_area, detail_area) = if inner.width >= SIDE_BY_SIDE_WIDTH {
        let [table, detail] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body);
        (table, detail)
    } else {
        let wanted = u16::try_from(dialog.rows.len() + 3).unwrap_or(u16::MAX);
        let height = wanted.clamp(5, (body.height / 2).max(5));
        let [table, detail] =
            Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(body);
        (table, detail)
    };

    let columns = [
        Column::flex(Msg::ColStructure.get(lang), 18, 3),
        Column::flex(Msg::ColSite.get(lang), 12, 2),
        Column::fixed(Msg::ColScore.get(lang), 5, 1),
        Column::flex(lang.pick("Proposition", "Proposal"), 16, 3),
        Column::fixed(lang.pick("Décision ou choix", "Decision or choice"), 18, 2),
    ];
    let rows = &dialog.rows;
    let mut offset = dialog.offset.get();
    let drawn = Table {
        block: Block::bordered().title(Span::styled(
            format!(
                " {} (p {} · x {}) ",
                lang.pick("Candidatures", "Applications"),
                lang.pick("imposer", "pin"),
                lang.pick("exclure", "forbid")
            ),
            style::bold(),
        )),
        columns: &columns,
        len: rows.len(),
        cursor: dialog.cursor,
        focused: true,
        sort: None,
        lang,
    }
    .render(
        frame,
        table_area,
        &mut offset,
        |r, c| {
            let row = &rows[r];
            match c {
                0 => Line::from(ctx.workspace.structures[row.structure].name.clone()),
                1 => Line::from(ctx.workspace.sites[row.site].name.clone()),
                2 => {
                    let placed = placement_of(dialog.proposal.as_ref(), row, ctx)
                        .filter(|p| p.site == row.key.site)
                        .map(|p| p.score);
                    Line::from(
                        placed
                            .or(row.score)
                            .map_or("—".to_owned(), |s| points(s, lang)),
                    )
                    .right_aligned()
                }
                3 => outcome(dialog, row, ctx),
                _ => Line::from(mark(dialog, row, ctx)),
            }
        },
        |r| {
            if placement_of(dialog.proposal.as_ref(), &rows[r], ctx)
                .is_some_and(|p| p.site == rows[r].key.site)
            {
                Style::default()
            } else {
                style::dim()
            }
        },
    );
    dialog.offset.set(offset);
    ui.page = usize::from(drawn.height);

    let block = Block::bordered().title(Span::styled(
        format!(
            " {} ",
            lang.pick(
                "Lieux, sans place, à expliquer (J/K défiler)",
                "Sites, without a place, to explain (J/K scroll)"
            )
        ),
        style::bold(),
    ));
    let inside = block.inner(detail_area);
    frame.render_widget(block, detail_area);
    let lines = detail(dialog, ctx);
    ui.scroll_max =
        text_block::wrapped_height(&lines, inside.width).saturating_sub(usize::from(inside.height));
    let scroll = dialog.detail_scroll.min(ui.scroll_max);
    text_block::wrapped_from(frame, inside, lines, scroll);
}
