//! The territory's balance, city by city and zone by zone (Ouest / Nord / Est): m² the
//! catalogue offers, m² ESS structures occupy today, the structures and jobs (FTE) hosted, and
//! the placements of a year and of a call. Zone figures are the sums of their cities' and the
//! total the sum of the zones', so they always add up.
//!
//! Counted on catalogue sites only (a stay elsewhere has no city to count in). A site counts in
//! the city of its file, even when it straddles two (the Usine des transitions is Romainville's).

use crate::domain::{CallId, InseeCode, PathwayEpisode, Site, SiteStatus, Workspace, Zone};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::ops::AddAssign;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    /// Lots of the sites not closed (or their total surface when no lot is described).
    pub m2_offered: f64,
    /// Surface of the stays covering today (the part of a lot when given, else the lot).
    pub m2_occupied: f64,
    /// Structures whose stay covering today is on a site of the city.
    pub structures: usize,
    /// Their jobs, in full-time equivalents.
    pub fte: f64,
    /// Stays (lived or planned) starting during the year.
    pub placements_year: usize,
    /// Stays that answer an application of the chosen call.
    pub placements_call: usize,
}

impl AddAssign for Figures {
    fn add_assign(&mut self, other: Figures) {
        self.m2_offered += other.m2_offered;
        self.m2_occupied += other.m2_occupied;
        self.structures += other.structures;
        self.fte += other.fte;
        self.placements_year += other.placements_year;
        self.placements_call += other.placements_call;
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CityBalance {
    pub insee: InseeCode,
    pub name: String,
    pub zone: Zone,
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ZoneBalance {
    pub zone: Zone,
    /// True when the rebalancing policy favours the zone.
    pub priority: bool,
    pub cities: Vec<CityBalance>,
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    pub year: i32,
    pub call: Option<CallId>,
    /// In `Zone::ALL` order; a zone without cities is listed with zeros.
    pub zones: Vec<ZoneBalance>,
    pub total: Figures,
}

impl Balance {
    pub fn zone(&self, zone: Zone) -> Option<&ZoneBalance> {
        self.zones.iter().find(|z| z.zone == zone)
    }

    /// Every city, zone by zone.
    pub fn cities(&self) -> impl Iterator<Item = &CityBalance> {
        self.zones.iter().flat_map(|z| &z.cities)
    }
}

/// The balance on `today`, with the placements of `year` and of `call`.
pub fn balance(
    workspace: &Workspace,
    today: NaiveDate,
    year: i32,
    call: Option<&CallId>,
) -> Balance {
    let territory = &workspace.territory;
    let mut by_city: Vec<Figures> = vec![Figures::default(); territory.cities.len()];
    let city_of = |insee: &InseeCode| territory.cities.iter().position(|c| &c.insee == insee);
    // A workspace of 100 000 structures must not scan the sites for each stay.
    let sites: HashMap<&str, &Site> = workspace
        .sites
        .iter()
        .rev()
        .map(|s| (s.id.as_str(), s))
        .collect();
    let site_of = |e: &PathwayEpisode| {
        e.site
            .as_ref()
            .and_then(|id| sites.get(id.as_str()).copied())
    };
    for site in &workspace.sites {
        let Some(c) = city_of(&site.city) else {
            continue;
        };
        if site.status != SiteStatus::Closed {
            by_city[c].m2_offered += if site.lots.is_empty() {
                site.total_surface.map_or(0.0, |s| s.value())
            } else {
                site.lots_surface().value()
            };
        }
    }
    for structure in &workspace.structures {
        if let Some(current) = structure.current_episode(today)
            && let Some(site) = site_of(current)
            && let Some(c) = city_of(&site.city)
        {
            by_city[c].m2_occupied += occupied(site, current);
            by_city[c].structures += 1;
            by_city[c].fte += structure.jobs.fte;
        }
        for episode in &structure.pathway {
            let Some(c) = site_of(episode).and_then(|s| city_of(&s.city)) else {
                continue;
            };
            if episode.from.year() == year {
                by_city[c].placements_year += 1;
            }
            if call.is_some_and(|id| episode.application.as_ref().is_some_and(|a| &a.call == id)) {
                by_city[c].placements_call += 1;
            }
        }
    }
    let zones: Vec<ZoneBalance> = Zone::ALL
        .iter()
        .map(|&zone| {
            let cities: Vec<CityBalance> = territory
                .cities
                .iter()
                .zip(&by_city)
                .filter(|(city, _)| city.zone == zone)
                .map(|(city, figures)| CityBalance {
                    insee: city.insee.clone(),
                    name: city.name.clone(),
                    zone,
                    figures: *figures,
                })
                .collect();
            let mut figures = Figures::default();
            for city in &cities {
                figures += city.figures;
            }
            ZoneBalance {
                zone,
                priority: territory.is_priority_zone(zone),
                cities,
                figures,
            }
        })
        .collect();
    let mut total = Figures::default();
    for zone in &zones {
        total += zone.figures;
    }
    Balance {
        year,
        call: call.cloned(),
        zones,
        total,
    }
}

/// The surface a stay on `site` occupies: its own when given, else its lot's, else nothing
/// known.
fn occupied(site: &Site, episode: &PathwayEpisode) -> f64 {
    if let Some(surface) = episode.surface {
        return surface.value();
    }
    episode
        .lot
        .as_ref()
        .and_then(|lot| site.lot(lot))
        .map_or(0.0, |l| l.surface.value())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ApplicationRef, EpisodeKind, SiteId, StructureId, Surface};
    use crate::pathway::stage::tests::{day, planned};
    use crate::store::validate::fixture::workspace;

    #[test]
    fn figures_by_city_and_zone() {
        let mut ws = workspace();
        let velo = ws
            .structure_index(&StructureId::new("velo-solidaire"))
            .unwrap();
        let mut move_in = planned(EpisodeKind::Permanent, "2027-02-01", None);
        move_in.site = Some(SiteId::new("hotel-activites"));
        move_in.application = Some(ApplicationRef {
            call: CallId::new("tempo-2026"),
            site: SiteId::new("hotel-activites"),
        });
        ws.structures[velo].pathway.push(move_in);
        let b = balance(
            &ws,
            day("2026-11-26"),
            2027,
            Some(&CallId::new("tempo-2026")),
        );
        // friche-des-rives (Bondy, Est): 1 320 m² of lots; hotel-activites (Montreuil,
        // Ouest): its lot. The recyclerie (4.5 FTE) is on the friche's pavillon.
        let est = b.zone(Zone::Est).unwrap();
        let friche = ws.site(&SiteId::new("friche-des-rives")).unwrap();
        assert_eq!(est.figures.m2_offered, friche.lots_surface().value());
        assert_eq!(est.figures.m2_occupied, friche.lots[0].surface.value());
        assert_eq!((est.figures.structures, est.figures.fte), (1, 4.5));
        assert_eq!(b.zone(Zone::Nord).unwrap().figures, Figures::default());
        let ouest = b.zone(Zone::Ouest).unwrap();
        assert_eq!(
            (ouest.figures.placements_year, ouest.figures.placements_call),
            (1, 1)
        );
        assert_eq!(ouest.figures.structures, 0, "planned, not there yet");
        assert!(est.priority && !ouest.priority);
        // A part of a lot counts for its own surface.
        let recyclerie = ws
            .structure_index(&StructureId::new("recyclerie-du-canal"))
            .unwrap();
        ws.structures[recyclerie].pathway[2].surface = Some(Surface::m2(30.0));
        let b = balance(&ws, day("2026-11-26"), 2027, None);
        assert_eq!(b.zone(Zone::Est).unwrap().figures.m2_occupied, 30.0);
        assert_eq!(b.total.placements_call, 0, "no call chosen");
    }

    #[test]
    fn zones_add_up_to_their_cities_and_to_the_total() {
        let ws = crate::pathway::tests::demo();
        let b = balance(
            &ws,
            day("2026-11-26"),
            2026,
            Some(&CallId::new("tempo-2026")),
        );
        let mut sum = Figures::default();
        for zone in &b.zones {
            let mut cities = Figures::default();
            for city in &zone.cities {
                cities += city.figures;
            }
            assert_eq!(cities, zone.figures, "{:?}", zone.zone);
            sum += zone.figures;
        }
        assert_eq!(sum, b.total);
        assert_eq!(b.cities().count(), ws.territory.cities.len());
        assert!(b.total.m2_offered > 0.0 && b.total.m2_occupied > 0.0);
    }
}
