//! The Appel tab's filter: one site of the call, one status, and how rows are grouped.

use crate::domain::SiteId;
use crate::i18n::Lang;
use crate::review::Status;

/// How the rows are ordered: applications of the same site (or status) together, the best
/// score first within a group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Grouping {
    #[default]
    Site,
    Status,
}

impl Grouping {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Grouping::Site => lang.pick("par lieu", "by site"),
            Grouping::Status => lang.pick("par statut", "by status"),
        }
    }

    pub fn toggled(self) -> Grouping {
        match self {
            Grouping::Site => Grouping::Status,
            Grouping::Status => Grouping::Site,
        }
    }
}

/// The fields of the filter popup, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallFilterField {
    Site,
    Status,
    Grouping,
}

impl CallFilterField {
    pub const ALL: [CallFilterField; 3] = [
        CallFilterField::Site,
        CallFilterField::Status,
        CallFilterField::Grouping,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CallFilterField::Site => lang.pick("Lieu", "Site"),
            CallFilterField::Status => lang.pick("Statut", "Status"),
            CallFilterField::Grouping => lang.pick("Regrouper", "Group"),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallFilter {
    pub site: Option<SiteId>,
    pub status: Option<Status>,
    pub grouping: Grouping,
}

impl CallFilter {
    pub fn is_active(&self) -> bool {
        self.site.is_some() || self.status.is_some()
    }

    /// The next (or previous) value of `field`: « tous », then each value in turn. `sites` are
    /// the call's sites.
    pub fn step(&mut self, field: CallFilterField, sites: &[SiteId], forward: bool) {
        use crate::tui::shared::filter::cycle;
        match field {
            CallFilterField::Site => self.site = cycle(&self.site, sites, forward),
            CallFilterField::Status => self.status = cycle(&self.status, &Status::ALL, forward),
            CallFilterField::Grouping => self.grouping = self.grouping.toggled(),
        }
    }

    /// Everything cleared but the grouping, which is a way of reading, not a filter.
    pub fn cleared(&self) -> CallFilter {
        CallFilter {
            grouping: self.grouping,
            ..CallFilter::default()
        }
    }
}
