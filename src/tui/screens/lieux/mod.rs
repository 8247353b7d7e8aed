//! Screen 1, Lieux: the sites, the selected site's detail, the structures ranked for it, and
//! a comparison of up to three of them.

pub mod columns;
pub mod detail;

use crate::edit::RecordKey;
use crate::tui::action::Action;
use crate::tui::component::{Effect, Outcome};
use crate::tui::context::Context;
use crate::tui::dialogs::compare::CompareDialog;
use crate::tui::forms::{self, FormKind};
use crate::tui::keymap::Scope;
use crate::tui::ranking::PairScore;
use crate::tui::screens::table::TableScreen;
use crate::tui::screens::table::items::Items;
use crate::tui::shared::filter::Filter;
use crate::tui::shared::search::Search;
use crate::tui::tab::Tab;
use crate::tui::text::Msg;
use crate::tui::widgets::table::{Width, highlighted};
use columns::SiteColumn;
use ratatui::text::Line;
use std::cmp::Ordering;

pub type Lieux = TableScreen<Sites>;

/// Structures kept for the comparison on the selected site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sites {
    pub marks: Vec<usize>,
}

/// At most this many structures side by side.
const COMPARED: usize = 3;

impl Items for Sites {
    type Column = SiteColumn;

    const TAB: Tab = Tab::Sites;
    const SCOPE: Scope = Scope::Lieux;

    fn columns(&self) -> &'static [SiteColumn] {
        &SiteColumn::ALL
    }

    fn title(&self, column: SiteColumn, lang: crate::i18n::Lang) -> &'static str {
        column.title(lang)
    }

    fn width(&self, column: SiteColumn) -> (Width, u8) {
        column.width()
    }

    fn descending(&self, column: SiteColumn) -> bool {
        column.descending()
    }

    fn count(&self, ctx: &Context) -> usize {
        ctx.workspace.sites.len()
    }

    fn name<'a>(&self, ctx: &'a Context, item: usize) -> &'a str {
        &ctx.workspace.sites[item].name
    }

    fn find(&self, ctx: &Context, key: &RecordKey) -> Option<usize> {
        match key {
            RecordKey::Site(id) => ctx.workspace.site_index(id),
            _ => None,
        }
    }

    /// Name first, then its city, programme, kind, favoured sectors and description.
    fn haystack(&self, ctx: &Context, item: usize) -> String {
        use crate::i18n::Label;
        let s = &ctx.workspace.sites[item];
        let t = &ctx.workspace.territory;
        let lang = ctx.lang;
        let sectors: Vec<&str> = s
            .priority_sectors
            .iter()
            .map(|c| t.sector_label(c))
            .collect();
        format!(
            "{} {} {} {} {} {}",
            s.name,
            t.city_name(&s.city),
            s.programme.label(lang),
            s.kind.label(lang),
            sectors.join(" "),
            s.description
        )
    }

    fn accepts(&self, ctx: &Context, filter: &Filter, item: usize) -> bool {
        let has_eligible = ctx.eligibility.site(item).map(|n| n > 0);
        filter.accepts_site(&ctx.workspace, &ctx.workspace.sites[item], has_eligible)
    }

    fn compare(&self, ctx: &Context, column: SiteColumn, a: usize, b: usize) -> Ordering {
        columns::compare(ctx, column, a, b)
    }

    fn cell(
        &self,
        ctx: &Context,
        search: &Search,
        item: usize,
        column: SiteColumn,
    ) -> Line<'static> {
        match column {
            SiteColumn::Name => {
                let name = &ctx.workspace.sites[item].name;
                highlighted(name, &search.indices(name))
            }
            other => columns::cell(ctx, item, other),
        }
    }

    fn detail(&self, ctx: &Context, item: usize) -> Vec<Line<'static>> {
        detail::lines(ctx, &ctx.workspace.sites[item])
    }

    fn rank(&self, ctx: &Context, item: usize, limit: usize) -> Vec<PairScore> {
        ctx.ranking.rank_site(item, &ctx.weights, limit)
    }

    fn rank_total(&self, ctx: &Context, item: usize, eligible_only: bool) -> Option<usize> {
        if eligible_only {
            ctx.eligibility.site(item)
        } else {
            Some(ctx.ranking.structure_count())
        }
    }

    fn extra_action(
        &mut self,
        ctx: &Context,
        action: Action,
        selected: Option<usize>,
        ranked: &[PairScore],
        pair: Option<&PairScore>,
    ) -> Option<Outcome> {
        match action {
            Action::Compare => Some(self.compare_pairs(ctx, selected, ranked)),
            Action::MarkForCompare => Some(self.toggle_mark(ctx, pair)),
            Action::Record(record) => {
                let site = selected.map(|i| &ctx.workspace.sites[i]);
                Some(forms::record_key(
                    ctx,
                    record,
                    || FormKind::Site(None),
                    || site.map(|s| FormKind::Site(Some(Box::new(s.clone())))),
                    site.map(|s| crate::edit::RecordKey::Site(s.id.clone())),
                ))
            }
            _ => None,
        }
    }

    fn selection_changed(&mut self) {
        self.marks.clear();
    }

    fn marks(&self) -> &[usize] {
        &self.marks
    }

    fn detail_percent(&self) -> u16 {
        45
    }
}

impl Sites {
    fn compare_pairs(&self, ctx: &Context, site: Option<usize>, ranked: &[PairScore]) -> Outcome {
        let Some(site) = site else {
            return Outcome::info(Msg::NothingSelected.get(ctx.lang));
        };
        if !ctx.ranking.available() {
            return Outcome::info(Msg::ScoringUnavailable.get(ctx.lang));
        }
        let structures: Vec<usize> = if self.marks.is_empty() {
            ranked.iter().take(COMPARED).map(|p| p.structure).collect()
        } else {
            self.marks.clone()
        };
        Outcome::effect(Effect::Open(Box::new(CompareDialog::new(site, structures))))
    }

    /// `x` on a structure of the ranking: in or out of the comparison.
    fn toggle_mark(&mut self, ctx: &Context, pair: Option<&PairScore>) -> Outcome {
        let lang = ctx.lang;
        let Some(structure) = pair.map(|p| p.structure) else {
            return Outcome::info(Msg::MarkFromRanking.get(lang));
        };
        let name = &ctx.workspace.structures[structure].name;
        if let Some(i) = self.marks.iter().position(|&s| s == structure) {
            self.marks.remove(i);
            Outcome::info(format!("{name} {}", Msg::CompareUnmarked.get(lang)))
        } else if self.marks.len() >= COMPARED {
            Outcome::error(Msg::CompareFull.get(lang))
        } else {
            self.marks.push(structure);
            Outcome::info(format!("{name} {}", Msg::CompareMarked.get(lang)))
        }
    }
}
