//! Screen 2, Structures: the structures, the selected one's needs and pathway, and the sites
//! ranked for it.

pub mod columns;
pub mod detail;

use crate::edit::RecordKey;
use crate::tui::action::{Action, RecordAction};
use crate::tui::component::Outcome;
use crate::tui::context::Context;
use crate::tui::forms::{self, FormKind};
use crate::tui::keymap::Scope;
use crate::tui::ranking::PairScore;
use crate::tui::screens::table::TableScreen;
use crate::tui::screens::table::items::Items;
use crate::tui::shared::filter::Filter;
use crate::tui::shared::search::Search;
use crate::tui::tab::Tab;
use crate::tui::widgets::table::{Width, highlighted};
use columns::StructureColumn;
use ratatui::text::Line;
use std::cmp::Ordering;

pub type Structures = TableScreen<StructureItems>;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StructureItems {
    /// Best total of every structure under the weights in force, filled only while the table
    /// is sorted by it (otherwise the visible rows compute theirs: a weight change then costs
    /// a few rows, not every pair of the workspace).
    best: Vec<Option<f64>>,
}

impl StructureItems {
    pub fn best_score(&self, ctx: &Context, structure: usize) -> Option<f64> {
        match self.best.get(structure) {
            Some(best) => *best,
            None => ctx.ranking.best_total(structure, &ctx.weights),
        }
    }
}

impl Items for StructureItems {
    type Column = StructureColumn;

    const TAB: Tab = Tab::Structures;
    const SCOPE: Scope = Scope::Structures;

    fn columns(&self) -> &'static [StructureColumn] {
        &StructureColumn::ALL
    }

    fn title(&self, column: StructureColumn, lang: crate::i18n::Lang) -> &'static str {
        column.title(lang)
    }

    fn width(&self, column: StructureColumn) -> (Width, u8) {
        column.width()
    }

    fn descending(&self, column: StructureColumn) -> bool {
        column.descending()
    }

    fn count(&self, ctx: &Context) -> usize {
        ctx.workspace.structures.len()
    }

    fn name<'a>(&self, ctx: &'a Context, item: usize) -> &'a str {
        &ctx.workspace.structures[item].name
    }

    fn find(&self, ctx: &Context, key: &RecordKey) -> Option<usize> {
        match key {
            RecordKey::Structure(id) => ctx.workspace.structure_index(id),
            _ => None,
        }
    }

    /// Name first, then its sector, city, legal form and description.
    fn haystack(&self, ctx: &Context, item: usize) -> String {
        use crate::i18n::Label;
        let s = &ctx.workspace.structures[item];
        let t = &ctx.workspace.territory;
        format!(
            "{} {} {} {} {}",
            s.name,
            t.sector_label(&s.sector),
            t.city_name(&s.home_city),
            s.legal_form.label(ctx.lang),
            s.description
        )
    }

    fn accepts(&self, ctx: &Context, filter: &Filter, item: usize) -> bool {
        filter.accepts_structure(
            &ctx.workspace,
            &ctx.workspace.structures[item],
            ctx.eligibility.structure(item),
        )
    }

    fn prepare_sort(&mut self, ctx: &Context, column: StructureColumn) {
        if column == StructureColumn::Best && self.best.is_empty() {
            self.best = if ctx.ranking.available() {
                ctx.ranking
                    .best_totals(&ctx.weights, ctx.eligibility.pairs.as_deref())
            } else {
                vec![None; ctx.workspace.structures.len()]
            };
        }
    }

    fn weighted(&self, column: StructureColumn) -> bool {
        column == StructureColumn::Best
    }

    fn compare(&self, ctx: &Context, column: StructureColumn, a: usize, b: usize) -> Ordering {
        columns::compare(ctx, &self.best, column, a, b)
    }

    fn cell(
        &self,
        ctx: &Context,
        search: &Search,
        item: usize,
        column: StructureColumn,
    ) -> Line<'static> {
        match column {
            StructureColumn::Name => {
                let name = &ctx.workspace.structures[item].name;
                highlighted(name, &search.indices(name))
            }
            StructureColumn::Best => columns::cell(ctx, item, column, self.best_score(ctx, item)),
            other => columns::cell(ctx, item, other, None),
        }
    }

    fn detail(&self, ctx: &Context, item: usize) -> Vec<Line<'static>> {
        detail::lines(ctx, &ctx.workspace.structures[item])
    }

    /// Every site: a structure has at most a thousand or so, ranked in microseconds.
    fn rank(&self, ctx: &Context, item: usize, _limit: usize) -> Vec<PairScore> {
        ctx.ranking.rank_structure(item, &ctx.weights)
    }

    fn rank_total(&self, ctx: &Context, _item: usize, _eligible_only: bool) -> Option<usize> {
        Some(ctx.ranking.site_count())
    }

    fn weights_changed(&mut self) {
        self.best.clear();
    }

    fn detail_percent(&self) -> u16 {
        50
    }

    /// `N` `E` `D` `A`: the structure forms, deleting, applying to a call.
    fn extra_action(
        &mut self,
        ctx: &Context,
        action: Action,
        selected: Option<usize>,
        _ranked: &[PairScore],
        _pair: Option<&PairScore>,
    ) -> Option<Outcome> {
        let Action::Record(action) = action else {
            return None;
        };
        let structure = selected.map(|i| &ctx.workspace.structures[i]);
        if action == RecordAction::Attach {
            let call = ctx.call().map(|c| &c.id);
            return Some(match structure {
                Some(s) => forms::open_attach(ctx, Some(&s.id), call),
                None => forms::open_attach(ctx, None, call),
            });
        }
        Some(forms::record_key(
            ctx,
            action,
            || FormKind::Structure(None),
            || structure.map(|s| FormKind::Structure(Some(Box::new(s.clone())))),
            structure.map(|s| crate::edit::RecordKey::Structure(s.id.clone())),
        ))
    }
}
