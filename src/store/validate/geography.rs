//! Coordinates: cities in metropolitan France, sites near the territory's cities (a swapped
//! latitude/longitude or a typo puts a site in the sea).

use super::Context;
use crate::store::expected::Expected;
use crate::store::problem::Problem;

/// Metropolitan France, roughly: a city outside is certainly a typo.
const FRANCE_LAT: (f64, f64) = (41.0, 51.5);
const FRANCE_LON: (f64, f64) = (-5.5, 10.0);
/// How far (in degrees, about 11 km north–south) a site may sit beyond the outermost city
/// centres: cities extend past their centre, sites sit near their edges.
const MARGIN_DEGREES: f64 = 0.1;

pub fn check(cx: &Context<'_>, out: &mut Vec<Problem>) {
    if !cx.territory_known() {
        return;
    }
    let territory = &cx.workspace.territory;
    let file = cx.territory_file();
    if territory.cities.is_empty() {
        out.push(Problem::new(&file, "territory.cities", Expected::SomeCity));
        return;
    }
    let mut bounds: Option<Bounds> = None;
    for (i, city) in territory.cities.iter().enumerate() {
        let france = Bounds {
            lat: FRANCE_LAT,
            lon: FRANCE_LON,
        };
        if france.contains(city.lat, city.lon) {
            bounds = Some(bounds.map_or(Bounds::point(city.lat, city.lon), |b| {
                b.including(city.lat, city.lon)
            }));
        } else {
            out.push(
                Problem::new(
                    &file,
                    format!("territory.cities[{i}]"),
                    Expected::NearTerritory {
                        lat: FRANCE_LAT,
                        lon: FRANCE_LON,
                    },
                )
                .with_value(&(city.lat, city.lon)),
            );
        }
    }
    let Some(bounds) = bounds.map(Bounds::widened) else {
        return;
    };
    for (i, site) in cx.workspace.sites.iter().enumerate() {
        if !bounds.contains(site.lat, site.lon) {
            // Name the coordinate that is off (the latitude when both are, as when swapped).
            let lat_ok = (bounds.lat.0..=bounds.lat.1).contains(&site.lat);
            let field = if lat_ok { "site.lon" } else { "site.lat" };
            out.push(
                Problem::new(
                    cx.site_file(i),
                    field,
                    Expected::NearTerritory {
                        lat: bounds.lat,
                        lon: bounds.lon,
                    },
                )
                .with_value(&(site.lat, site.lon)),
            );
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Bounds {
    lat: (f64, f64),
    lon: (f64, f64),
}

impl Bounds {
    fn point(lat: f64, lon: f64) -> Self {
        Bounds {
            lat: (lat, lat),
            lon: (lon, lon),
        }
    }

    fn including(self, lat: f64, lon: f64) -> Self {
        Bounds {
            lat: (self.lat.0.min(lat), self.lat.1.max(lat)),
            lon: (self.lon.0.min(lon), self.lon.1.max(lon)),
        }
    }

    fn widened(self) -> Self {
        Bounds {
            lat: (self.lat.0 - MARGIN_DEGREES, self.lat.1 + MARGIN_DEGREES),
            lon: (self.lon.0 - MARGIN_DEGREES, self.lon.1 + MARGIN_DEGREES),
        }
    }

    /// False for NaN coordinates too.
    fn contains(self, lat: f64, lon: f64) -> bool {
        (self.lat.0..=self.lat.1).contains(&lat) && (self.lon.0..=self.lon.1).contains(&lon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture::{places, run, workspace};

    #[test]
    fn clean_fixture() {
        assert!(run(&workspace(), check).is_empty());
    }

    #[test]
    fn swapped_site_coordinates() {
        let mut ws = workspace();
        let site = &mut ws.sites[0];
        (site.lat, site.lon) = (site.lon, site.lat);
        let problems = run(&ws, check);
        assert_eq!(places(&problems), ["sites/friche-des-rives.json: site.lat"]);
        assert_eq!(problems[0].value.as_deref(), Some("[2.478,48.905]"));
    }

    #[test]
    fn site_west_of_paris_is_far_in_longitude() {
        let mut ws = workspace();
        ws.sites[1].lat = 48.8566;
        ws.sites[1].lon = 2.2;
        assert_eq!(
            places(&run(&ws, check)),
            ["sites/hotel-activites.json: site.lon"]
        );
    }

    #[test]
    fn city_outside_france_does_not_widen_the_box() {
        let mut ws = workspace();
        ws.territory.cities[0].lat = 2.418;
        ws.territory.cities[0].lon = 48.869;
        ws.sites[0].lat = 45.0;
        let problems = run(&ws, check);
        assert_eq!(
            places(&problems),
            [
                "territory.json: territory.cities[0]",
                "sites/friche-des-rives.json: site.lat"
            ]
        );
    }

    #[test]
    fn no_city() {
        let mut ws = workspace();
        ws.territory.cities.clear();
        assert_eq!(
            places(&run(&ws, check)),
            ["territory.json: territory.cities"]
        );
    }
}
