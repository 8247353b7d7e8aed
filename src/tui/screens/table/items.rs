//! What differs between the Lieux and Structures screens: which items the table lists, its
//! columns and how they sort, what the search looks into, what the filter accepts, the detail
//! of an item and the partners ranked for it.

use crate::edit::RecordKey;
use crate::tui::action::Action;
use crate::tui::component::Outcome;
use crate::tui::context::Context;
use crate::tui::keymap::Scope;
use crate::tui::ranking::PairScore;
use crate::tui::shared::filter::Filter;
use crate::tui::shared::search::Search;
use crate::tui::tab::Tab;
use crate::tui::widgets::table::Width;
use ratatui::text::Line;
use std::cmp::Ordering;

pub trait Items {
    type Column: Copy + PartialEq + 'static;

    const TAB: Tab;
    const SCOPE: Scope;

    fn columns(&self) -> &'static [Self::Column];

    fn title(&self, column: Self::Column, lang: crate::i18n::Lang) -> &'static str;

    /// Width and priority (lower is kept longer) of a column.
    fn width(&self, column: Self::Column) -> (Width, u8);

    /// True when the column sorts largest first (surfaces, counts, scores).
    fn descending(&self, column: Self::Column) -> bool;

    fn count(&self, ctx: &Context) -> usize;

    fn name<'a>(&self, ctx: &'a Context, item: usize) -> &'a str;

    /// The item a record key names, if it is one of this table's.
    fn find(&self, ctx: &Context, key: &RecordKey) -> Option<usize>;

    /// Everything the search looks into for an item, name first.
    fn haystack(&self, ctx: &Context, item: usize) -> String;

    fn accepts(&self, ctx: &Context, filter: &Filter, item: usize) -> bool;

    /// Fills what sorting by `column` needs and is not kept otherwise (best scores…).
    fn prepare_sort(&mut self, ctx: &Context, column: Self::Column) {
        let _ = (ctx, column);
    }

    /// True when the order by `column` depends on the weights (a score).
    fn weighted(&self, column: Self::Column) -> bool {
        let _ = column;
        false
    }

    /// The order by `column` alone (ties are broken by the name, in natural order).
    fn compare(&self, ctx: &Context, column: Self::Column, a: usize, b: usize) -> Ordering;

    fn cell(
        &self,
        ctx: &Context,
        search: &Search,
        item: usize,
        column: Self::Column,
    ) -> Line<'static>;

    /// The selected item described, most useful lines first (narrow screens show the first
    /// two above the ranking).
    fn detail(&self, ctx: &Context, item: usize) -> Vec<Line<'static>>;

    /// The best `limit` partners ranked for `item`, best first (all of them when the screen
    /// ranks few: a structure's sites).
    fn rank(&self, ctx: &Context, item: usize, limit: usize) -> Vec<PairScore>;

    /// How many partners `item` has in all (the eligible ones only when asked); none while
    /// it is being worked out.
    fn rank_total(&self, ctx: &Context, item: usize, eligible_only: bool) -> Option<usize>;

    /// The weights changed: what was worked out with the old ones is stale.
    fn weights_changed(&mut self) {}

    /// Keys only this screen has (the comparison on Lieux); `selected` and `pair` are the
    /// table's item and the ranked pair under the cursor.
    fn extra_action(
        &mut self,
        ctx: &Context,
        action: Action,
        selected: Option<usize>,
        ranked: &[PairScore],
        pair: Option<&PairScore>,
    ) -> Option<Outcome> {
        let _ = (ctx, action, selected, ranked, pair);
        None
    }

    /// Another item is selected: what belonged to the previous one goes.
    fn selection_changed(&mut self) {}

    /// Structures marked in the ranking (◆), if the screen marks any.
    fn marks(&self) -> &[usize] {
        &[]
    }

    /// Share of the side pane, in percent, given to the detail above the ranked list.
    fn detail_percent(&self) -> u16;
}
