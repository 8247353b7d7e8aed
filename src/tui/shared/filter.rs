//! The filter popup's criteria: kind, programme, city, zone, status, sector, eligible only.
//! Criteria that do not concern a list (a structure has no programme) leave it untouched.

use crate::domain::{
    InseeCode, Programme, SectorCode, Site, SiteKind, SiteStatus, Structure, Workspace, Zone,
};
use crate::i18n::Label;
use crate::i18n::Lang;
use crate::tui::text::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    Kind,
    Programme,
    City,
    Zone,
    Status,
    Sector,
    EligibleOnly,
}

impl FilterField {
    pub const ALL: [FilterField; 7] = [
        FilterField::Kind,
        FilterField::Programme,
        FilterField::City,
        FilterField::Zone,
        FilterField::Status,
        FilterField::Sector,
        FilterField::EligibleOnly,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FilterField::Kind => Msg::FilterKind,
            FilterField::Programme => Msg::FilterProgramme,
            FilterField::City => Msg::FilterCity,
            FilterField::Zone => Msg::FilterZone,
            FilterField::Status => Msg::FilterStatus,
            FilterField::Sector => Msg::FilterSector,
            FilterField::EligibleOnly => Msg::FilterEligibleOnly,
        }
        .get(lang)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub kind: Option<SiteKind>,
    pub programme: Option<Programme>,
    pub city: Option<InseeCode>,
    pub zone: Option<Zone>,
    pub status: Option<SiteStatus>,
    pub sector: Option<SectorCode>,
    /// Hides ineligible pairs in the ranked lists, and rows with no eligible partner.
    pub eligible_only: bool,
}

/// The next (or previous) value of an optional choice: none ("all"), then each value in turn.
pub(crate) fn cycle<T: PartialEq + Clone>(
    current: &Option<T>,
    values: &[T],
    forward: bool,
) -> Option<T> {
    let position = match current {
        None => 0,
        Some(v) => values.iter().position(|x| x == v).map_or(0, |i| i + 1),
    };
    let len = values.len() + 1;
    let next = if forward {
        (position + 1) % len
    } else {
        (position + len - 1) % len
    };
    next.checked_sub(1).and_then(|i| values.get(i).cloned())
}

impl Filter {
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    fn zone_of(workspace: &Workspace, city: &InseeCode) -> Option<Zone> {
        workspace.territory.city(city).map(|c| c.zone)
    }

    /// `has_eligible` is none when scores are not available (the criterion is then ignored).
    pub fn accepts_site(
        &self,
        workspace: &Workspace,
        site: &Site,
        has_eligible: Option<bool>,
    ) -> bool {
        self.kind.is_none_or(|k| site.kind == k)
            && self.programme.is_none_or(|p| site.programme == p)
            && self.city.as_ref().is_none_or(|c| &site.city == c)
            && self
                .zone
                .is_none_or(|z| Self::zone_of(workspace, &site.city) == Some(z))
            && self.status.is_none_or(|s| site.status == s)
            && self
                .sector
                .as_ref()
                .is_none_or(|s| site.priority_sectors.contains(s))
            && (!self.eligible_only || has_eligible.unwrap_or(true))
    }

    pub fn accepts_structure(
        &self,
        workspace: &Workspace,
        structure: &Structure,
        has_eligible: Option<bool>,
    ) -> bool {
        self.city.as_ref().is_none_or(|c| &structure.home_city == c)
            && self
                .zone
                .is_none_or(|z| Self::zone_of(workspace, &structure.home_city) == Some(z))
            && self.sector.as_ref().is_none_or(|s| &structure.sector == s)
            && (!self.eligible_only || has_eligible.unwrap_or(true))
    }

    pub fn step(&mut self, field: FilterField, workspace: &Workspace, forward: bool) {
        match field {
            FilterField::Kind => self.kind = cycle(&self.kind, &SiteKind::ALL, forward),
            FilterField::Programme => {
                self.programme = cycle(&self.programme, &Programme::ALL, forward)
            }
            FilterField::City => {
                let cities: Vec<InseeCode> = workspace
                    .territory
                    .cities
                    .iter()
                    .map(|c| c.insee.clone())
                    .collect();
                self.city = cycle(&self.city, &cities, forward);
            }
            FilterField::Zone => self.zone = cycle(&self.zone, &Zone::ALL, forward),
            FilterField::Status => self.status = cycle(&self.status, &SiteStatus::ALL, forward),
            FilterField::Sector => {
                let sectors: Vec<SectorCode> = workspace
                    .territory
                    .sectors()
                    .map(|s| s.code.clone())
                    .collect();
                self.sector = cycle(&self.sector, &sectors, forward);
            }
            FilterField::EligibleOnly => self.eligible_only = !self.eligible_only,
        }
    }

    pub fn value_label(&self, field: FilterField, workspace: &Workspace, lang: Lang) -> String {
        let all = Msg::FilterAll.get(lang);
        match field {
            FilterField::Kind => self.kind.map_or(all, |k| k.label(lang)).to_owned(),
            FilterField::Programme => self.programme.map_or(all, |p| p.label(lang)).to_owned(),
            FilterField::City => self
                .city
                .as_ref()
                .map_or(all, |c| workspace.territory.city_name(c))
                .to_owned(),
            FilterField::Zone => self.zone.map_or(all, |z| z.label(lang)).to_owned(),
            FilterField::Status => self.status.map_or(all, |s| s.label(lang)).to_owned(),
            FilterField::Sector => self
                .sector
                .as_ref()
                .map_or(all, |s| workspace.territory.sector_label(s))
                .to_owned(),
            FilterField::EligibleOnly => if self.eligible_only {
                Msg::Yes
            } else {
                Msg::No
            }
            .get(lang)
            .to_owned(),
        }
    }

    /// The active criteria in one line, for the status bar.
    pub fn summary(&self, workspace: &Workspace, lang: Lang) -> String {
        FilterField::ALL
            .iter()
            .filter(|&&f| match f {
                FilterField::Kind => self.kind.is_some(),
                FilterField::Programme => self.programme.is_some(),
                FilterField::City => self.city.is_some(),
                FilterField::Zone => self.zone.is_some(),
                FilterField::Status => self.status.is_some(),
                FilterField::Sector => self.sector.is_some(),
                FilterField::EligibleOnly => self.eligible_only,
            })
            .map(|&f| match f {
                FilterField::EligibleOnly => f.label(lang).to_lowercase(),
                _ => format!(
                    "{} = {}",
                    f.label(lang).to_lowercase(),
                    self.value_label(f, workspace, lang)
                ),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycling_visits_all_then_every_value() {
        let values = [1, 2, 3];
        let mut v = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            v = cycle(&v, &values, true);
            seen.push(v);
        }
        assert_eq!(seen, vec![Some(1), Some(2), Some(3), None]);
        assert_eq!(cycle(&None, &values, false), Some(3));
        assert_eq!(cycle::<i32>(&None, &[], true), None);
    }
}
