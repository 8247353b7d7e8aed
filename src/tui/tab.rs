//! The five tabs, in the order of the tab bar (keys `1`–`5`).

use crate::i18n::Lang;
use crate::tui::text::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Sites,
    Structures,
    Call,
    Pathway,
    Territory,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Sites,
        Tab::Structures,
        Tab::Call,
        Tab::Pathway,
        Tab::Territory,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    pub fn previous(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Tab::Sites => Msg::TabSites,
            Tab::Structures => Msg::TabStructures,
            Tab::Call => Msg::TabCall,
            Tab::Pathway => Msg::TabPathway,
            Tab::Territory => Msg::TabTerritory,
        }
        .get(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycling_wraps_both_ways() {
        assert_eq!(Tab::Territory.next(), Tab::Sites);
        assert_eq!(Tab::Sites.previous(), Tab::Territory);
        assert_eq!(Tab::Structures.next().previous(), Tab::Structures);
    }
}
