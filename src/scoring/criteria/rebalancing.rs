//! Territorial rebalancing: the policy moves activity from the West towards the North and East,
//! and favours structures already anchored in the territory.
//!
//! value = 0.5 × (site in a priority zone) + 0.3 × (structure anchored: based in one of the nine
//! cities or already hosted on a catalogue site) + 0.2 × (site in one of the structure's preferred
//! cities, or no preference stated).

pub const ZONE_PART: f64 = 0.5;
pub const ANCHOR_PART: f64 = 0.3;
pub const PREFERENCE_PART: f64 = 0.2;

pub fn value(site_in_priority_zone: bool, structure_anchored: bool, city_preferred: bool) -> f64 {
    let part = |flag: bool, weight: f64| if flag { weight } else { 0.0 };
    part(site_in_priority_zone, ZONE_PART)
        + part(structure_anchored, ANCHOR_PART)
        + part(city_preferred, PREFERENCE_PART)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked() {
        assert_eq!(value(true, true, true), 1.0);
        assert_eq!(value(false, false, false), 0.0);
        assert_eq!(value(true, false, false), 0.5);
        assert!((value(false, true, true) - 0.5).abs() < 1e-12);
    }
}
