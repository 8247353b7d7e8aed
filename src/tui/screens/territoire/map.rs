//! The map of the nine cities on a ratatui `Canvas`: each city a `•` with its name, each site a
//! marker by kind (`◆` transitional, `○` incubator, `■` permanent), the selected site `◉` with
//! its name. Positions come from the territory and site files (`pathway::map`); labels that
//! would overlap are shortened, moved to the other side, or left out — the city with the most
//! inhabitants keeps its place first — so the map stays legible at 80×24.

use crate::domain::SiteKind;
use crate::pathway::map::{Bounds, bounds, cities, sites};
use crate::tui::context::Context;
use crate::tui::widgets::style;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Block;
use ratatui::widgets::canvas::Canvas;
use unicode_width::UnicodeWidthStr;

pub const SELECTED: &str = "◉";

pub fn site_symbol(kind: SiteKind) -> &'static str {
    match kind {
        SiteKind::Transitional => "◆",
        SiteKind::Incubator => "○",
        SiteKind::Permanent => "■",
    }
}

/// Something to write on the map, at a cell of the drawing area.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub x: u16,
    pub y: u16,
    pub text: String,
    pub style: Style,
}

/// The cell of (`x`, `y`) in a `width` × `height` drawing of `b`, as the canvas places text.
fn cell(b: &Bounds, x: f64, y: f64, width: u16, height: u16) -> (u16, u16) {
    let fx = (x - b.x[0]) / (b.x[1] - b.x[0]) * f64::from(width.saturating_sub(1));
    let fy = (b.y[1] - y) / (b.y[1] - b.y[0]) * f64::from(height.saturating_sub(1));
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let to_u16 = |v: f64| v.max(0.0).floor() as u16;
    (to_u16(fx), to_u16(fy))
}

/// The canvas coordinates that land on cell (`cx`, `cy`): the inverse of the canvas' own
/// placement, kept inside its bounds.
fn coordinates(b: &Bounds, cx: u16, cy: u16, width: u16, height: u16) -> (f64, f64) {
    let step_x = (b.x[1] - b.x[0]) / f64::from(width.saturating_sub(1).max(1));
    let step_y = (b.y[1] - b.y[0]) / f64::from(height.saturating_sub(1).max(1));
    (
        (b.x[0] + (f64::from(cx) + 0.5) * step_x).min(b.x[1]),
        (b.y[1] - (f64::from(cy) + 0.5) * step_y).max(b.y[0]),
    )
}

/// Cells already written, to keep labels apart.
struct Taken {
    width: u16,
    height: u16,
    cells: Vec<bool>,
}

impl Taken {
    fn new(width: u16, height: u16) -> Taken {
        Taken {
            width,
            height,
            cells: vec![false; usize::from(width) * usize::from(height)],
        }
    }

    fn free(&self, x: u16, y: u16, len: u16) -> bool {
        y < self.height
            && x.checked_add(len).is_some_and(|end| end <= self.width)
            && (x..x + len)
                .all(|c| !self.cells[usize::from(y) * usize::from(self.width) + usize::from(c)])
    }

    fn take(&mut self, x: u16, y: u16, len: u16) {
        for c in x..(x + len).min(self.width) {
            if y < self.height {
                self.cells[usize::from(y) * usize::from(self.width) + usize::from(c)] = true;
            }
        }
    }
}

/// A name in at most `max` columns (`Le Pré-Saint-Gervais` → `Le Pré-S…`).
fn short(name: &str, max: usize) -> String {
    crate::tui::widgets::cut::cut(name, max)
}

/// The cell of each city's dot in a `width` × `height` drawing, with the city's name: where
/// `marks` puts them.
pub fn city_cells(ctx: &Context, width: u16, height: u16) -> Vec<(String, u16, u16)> {
    let ws = &ctx.workspace;
    let Some(b) = bounds(ws, 0.08) else {
        return Vec::new();
    };
    cities(ws)
        .into_iter()
        .map(|city| {
            let (x, y) = cell(&b, city.x, city.y, width, height);
            (city.name, x, y)
        })
        .collect()
}

/// Where a label `len` columns wide goes for the dot at (`x`, `y`): right of the dot, left of
/// it, then centred on the line above or below; none when every place is taken.
fn label_place(taken: &Taken, x: u16, y: u16, len: u16) -> Option<(u16, u16)> {
    let centred = x.saturating_sub(len / 2);
    [
        (x.checked_add(2), Some(y)),
        (x.checked_sub(len + 1), Some(y)),
        (Some(centred), y.checked_sub(1)),
        (Some(centred), y.checked_add(1)),
    ]
    .into_iter()
    .filter_map(|(lx, ly)| Some((lx?, ly?)))
    .find(|&(lx, ly)| taken.free(lx, ly, len))
}

/// Everything the map writes, in a `width` × `height` drawing area: site markers, then city
/// markers and names (most inhabitants first), then the selected site and its name on top.
pub fn marks(ctx: &Context, selected_site: Option<usize>, width: u16, height: u16) -> Vec<Mark> {
    let ws = &ctx.workspace;
    let Some(b) = bounds(ws, 0.08) else {
        return Vec::new();
    };
    if width < 2 || height < 2 {
        return Vec::new();
    }
    let mut taken = Taken::new(width, height);
    let mut out = Vec::new();
    for site in sites(ws) {
        if Some(site.index) == selected_site {
            continue;
        }
        let (x, y) = cell(&b, site.x, site.y, width, height);
        taken.take(x, y, 1);
        out.push(Mark {
            x,
            y,
            text: site_symbol(site.kind).to_owned(),
            style: Style::default(),
        });
    }
    let mut points = cities(ws);
    let population =
        |insee: &crate::domain::InseeCode| ws.territory.city(insee).map_or(0, |c| c.population);
    points.sort_by_key(|c| std::cmp::Reverse(population(&c.insee)));
    let mut dots = Vec::new();
    for city in &points {
        let (x, y) = cell(&b, city.x, city.y, width, height);
        taken.take(x, y, 1);
        dots.push((x, y));
        out.push(Mark {
            x,
            y,
            text: "•".to_owned(),
            style: style::bold(),
        });
    }
    let max_label = usize::from(width / 3).max(4);
    for (city, (x, y)) in points.iter().zip(dots) {
        // The name as long as the map allows, else shortened to make room among its neighbours.
        let placed = [max_label, 8, 5].into_iter().find_map(|max| {
            let name = short(&city.name, max);
            let len = u16::try_from(name.width()).unwrap_or(u16::MAX);
            label_place(&taken, x, y, len).map(|at| (name, len, at))
        });
        if let Some((name, len, (lx, ly))) = placed {
            taken.take(lx.saturating_sub(1), ly, len + 2);
            out.push(Mark {
                x: lx,
                y: ly,
                text: name,
                style: Style::default(),
            });
        }
    }
    if let Some(site) = selected_site.and_then(|i| ws.sites.get(i))
        && site.lat.is_finite()
        && site.lon.is_finite()
    {
        let (x, y) = cell(&b, site.lon, site.lat, width, height);
        out.push(Mark {
            x,
            y,
            text: SELECTED.to_owned(),
            style: style::selected(),
        });
    }
    out
}

/// Draws the map in `area` (a bordered block titled `title`).
pub fn render(
    ctx: &Context,
    selected_site: Option<usize>,
    title: Line<'static>,
    frame: &mut Frame,
    area: Rect,
) {
    let block = Block::bordered().title(title);
    let inner = block.inner(area);
    let Some(b) = bounds(&ctx.workspace, 0.08) else {
        frame.render_widget(block, area);
        return;
    };
    let marks = marks(ctx, selected_site, inner.width, inner.height);
    let (width, height) = (inner.width, inner.height);
    let canvas = Canvas::default()
        .block(block)
        .x_bounds(b.x)
        .y_bounds(b.y)
        .paint(move |painter| {
            for mark in &marks {
                let (x, y) = coordinates(&b, mark.x, mark.y, width, height);
                painter.print(x, y, Line::styled(mark.text.clone(), mark.style));
            }
        });
    frame.render_widget(canvas, area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_coordinates_are_inverse() {
        let b = Bounds {
            x: [2.38, 2.50],
            y: [48.85, 48.92],
        };
        for (cx, cy) in [(0, 0), (10, 5), (39, 19)] {
            let (x, y) = coordinates(&b, cx, cy, 40, 20);
            assert_eq!(cell(&b, x, y, 40, 20), (cx, cy));
        }
    }
}
