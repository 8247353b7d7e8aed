//! What the Territoire screen's map draws, in plain numbers: the cities and sites at their
//! coordinates (x = longitude, y = latitude, as ratatui's `Canvas` wants them), and bounds
//! that hold them all with a margin. Positions come from the territory and site files.

use crate::domain::{InseeCode, SiteId, SiteKind, Workspace, Zone};

#[derive(Debug, Clone, PartialEq)]
pub struct CityPoint {
    pub insee: InseeCode,
    pub name: String,
    pub zone: Zone,
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SitePoint {
    /// Index into `Workspace::sites`.
    pub index: usize,
    pub id: SiteId,
    pub kind: SiteKind,
    pub x: f64,
    pub y: f64,
}

/// `[x_min, x_max]` and `[y_min, y_max]`, for `Canvas::x_bounds` and `y_bounds`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub x: [f64; 2],
    pub y: [f64; 2],
}

pub fn cities(workspace: &Workspace) -> Vec<CityPoint> {
    workspace
        .territory
        .cities
        .iter()
        .map(|c| CityPoint {
            insee: c.insee.clone(),
            name: c.name.clone(),
            zone: c.zone,
            x: c.lon,
            y: c.lat,
        })
        .collect()
}

pub fn sites(workspace: &Workspace) -> Vec<SitePoint> {
    workspace
        .sites
        .iter()
        .enumerate()
        .filter(|(_, s)| s.lat.is_finite() && s.lon.is_finite())
        .map(|(index, s)| SitePoint {
            index,
            id: s.id.clone(),
            kind: s.kind,
            x: s.lon,
            y: s.lat,
        })
        .collect()
}

/// Bounds holding every city and site, widened by `margin` (a fraction of each side) so the
/// labels at the edges stay inside. None without a single point.
pub fn bounds(workspace: &Workspace, margin: f64) -> Option<Bounds> {
    let points: Vec<(f64, f64)> = cities(workspace)
        .iter()
        .map(|c| (c.x, c.y))
        .chain(sites(workspace).iter().map(|s| (s.x, s.y)))
        .collect();
    let (first, rest) = points.split_first()?;
    let (mut x, mut y) = ([first.0, first.0], [first.1, first.1]);
    for &(px, py) in rest {
        x = [x[0].min(px), x[1].max(px)];
        y = [y[0].min(py), y[1].max(py)];
    }
    let widen = |[lo, hi]: [f64; 2]| {
        let pad = ((hi - lo) * margin).max(1e-3);
        [lo - pad, hi + pad]
    };
    Some(Bounds {
        x: widen(x),
        y: widen(y),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nine_cities_in_their_real_relative_positions() {
        let ws = crate::pathway::tests::demo();
        let points = cities(&ws);
        assert_eq!(points.len(), 9);
        let at = |name: &str| points.iter().find(|c| c.name == name).unwrap();
        assert!(
            at("Bobigny").y > at("Montreuil").y,
            "Bobigny north of Montreuil"
        );
        assert!(at("Pantin").x < at("Bondy").x, "Pantin west of Bondy");
        assert!(at("Bagnolet").y < at("Noisy-le-Sec").y);
        let b = bounds(&ws, 0.05).unwrap();
        for p in &points {
            assert!(b.x[0] < p.x && p.x < b.x[1] && b.y[0] < p.y && p.y < b.y[1]);
        }
        assert_eq!(sites(&ws).len(), ws.sites.len());
    }
}
