//! Sector: how close the structure's sector is to the site's priority sectors.
//!
//! Best over the site's priorities: same sector 1, same family 0.6, otherwise 0.1. A site that
//! states no priority is neutral (0.5) for everyone.

pub const SAME_SECTOR: f64 = 1.0;
pub const SAME_FAMILY: f64 = 0.6;
pub const UNRELATED: f64 = 0.1;
pub const NO_PRIORITY: f64 = 0.5;

/// How the structure's sector relates to the site's priorities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectorFit {
    NoPriority,
    SameSector,
    SameFamily,
    Unrelated,
}

pub fn fit(
    sector: u16,
    family: u16,
    priority_sectors: &[u16],
    priority_families: &[u16],
) -> SectorFit {
    if priority_sectors.is_empty() {
        SectorFit::NoPriority
    } else if priority_sectors.contains(&sector) {
        SectorFit::SameSector
    } else if priority_families.contains(&family) {
        SectorFit::SameFamily
    } else {
        SectorFit::Unrelated
    }
}

pub fn value(fit: SectorFit) -> f64 {
    match fit {
        SectorFit::NoPriority => NO_PRIORITY,
        SectorFit::SameSector => SAME_SECTOR,
        SectorFit::SameFamily => SAME_FAMILY,
        SectorFit::Unrelated => UNRELATED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked() {
        assert_eq!(value(fit(3, 1, &[], &[])), 0.5);
        assert_eq!(value(fit(3, 1, &[3, 7], &[1, 2])), 1.0);
        assert_eq!(value(fit(4, 1, &[3, 7], &[1, 2])), 0.6);
        assert_eq!(value(fit(9, 5, &[3, 7], &[1, 2])), 0.1);
    }
}
