//! The whole state of the interface, with no terminal types in it: what the officer looks at,
//! what is selected, searched, filtered and weighted. `update` changes it, `view` draws it.

use crate::domain::{Weights, Workspace};
use crate::i18n::{Label, Lang};
use crate::tui::export_dialog::ExportUi;
use crate::tui::figures;
use crate::tui::filter::Filter;
use crate::tui::keymap::{Keymap, KeymapError};
use crate::tui::mode::{Mode, ModeStack};
use crate::tui::ranking::{PairScore, Ranking};
use crate::tui::review_state::ReviewUi;
use crate::tui::search::{Folded, Search, fold};
use crate::tui::sort::{self, SiteColumn, SortState, StructureColumn};
use crate::tui::tab::Tab;
use crate::tui::text::{self, Msg};
use chrono::NaiveDate;
use std::path::PathBuf;

/// One searchable, sortable table: the workspace indices it shows, in display order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    pub rows: Vec<usize>,
    pub cursor: usize,
    pub query: String,
    pub sort: SortState,
}

impl Listing {
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor).copied()
    }
}

/// Which part of a screen has the keys: the main table or the ranked list beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Ranked,
}

/// What the status line says besides the counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Info(String),
    Error(String),
}

pub struct App {
    pub workspace: Workspace,
    pub workspace_path: PathBuf,
    pub lang: Lang,
    pub today: NaiveDate,
    pub keymap: Keymap,
    pub ranking: Ranking,
    /// Weights in use; start as the current call's.
    pub weights: Weights,
    pub call_weights: Weights,
    /// The call shown in the Appel tab: the first by id until the officer picks another.
    pub current_call: Option<usize>,
    /// The review of the current call (session, rows, selection, forms).
    pub review: ReviewUi,
    /// The export dialog's choices and the export waiting to be written.
    pub export: ExportUi,
    pub tab: Tab,
    pub modes: ModeStack,
    pub focus: Focus,
    pub sites: Listing,
    pub structures: Listing,
    pub filter: Filter,
    pub filter_field: usize,
    pub weights_field: usize,
    /// Ranked partners of the selected site (Lieux) or structure (Structures).
    pub ranked: Vec<PairScore>,
    /// Cursor in the visible part of `ranked` (ineligible may be hidden).
    pub ranked_cursor: usize,
    /// Structures marked for comparison on the selected site.
    pub compare_marks: Vec<usize>,
    /// The comparison on screen: the site and up to three structures.
    pub comparison: Option<(usize, Vec<usize>)>,
    /// The pair whose score card is open: (structure, site).
    pub card: Option<(usize, usize)>,
    /// Cursor of the lists in the Appel, Parcours and Territoire tabs.
    pub other_cursor: usize,
    /// Scroll of the help and the score card.
    pub scroll: usize,
    pub message: Option<Message>,
    pub quit: bool,
    /// Eligible candidates per site (none when scores are unavailable).
    pub site_eligible: Vec<Option<usize>>,
    /// Whether each structure fits at least one site (none when scores are unavailable).
    pub structure_eligible: Vec<Option<bool>>,
    /// Best total of every structure under the current weights, filled only while the table
    /// is sorted by it (otherwise the visible rows compute theirs: a weight change then costs
    /// a few rows, not every pair of the workspace).
    pub structure_best: Vec<Option<f64>>,
    /// Names folded (accents, case) once, for sorting.
    folded_site_names: Vec<String>,
    folded_structure_names: Vec<String>,
    /// Searched text folded once, for the search as you type.
    site_haystacks: Vec<Folded>,
    structure_haystacks: Vec<Folded>,
    pathway_order: Vec<usize>,
}

impl App {
    pub fn new(
        workspace: Workspace,
        workspace_path: PathBuf,
        lang: Lang,
        today: NaiveDate,
        keymap: Keymap,
        keymap_problem: Option<KeymapError>,
    ) -> App {
        let current_call = workspace
            .calls
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| a.id.cmp(&b.id))
            .map(|(i, _)| i);
        let call_weights = current_call
            .map(|i| workspace.calls[i].weights)
            .unwrap_or_default();
        // Scores follow the current call's tolerances, as its jury would see them.
        let tolerances = current_call
            .map(|i| workspace.calls[i].tolerances)
            .unwrap_or_default();
        let ranking = Ranking::new(&workspace, today, &tolerances);
        let message = keymap_problem.map(|e| {
            Message::Error(format!(
                "{}{}",
                text::label_colon(Msg::KeysFileRefused.get(lang), lang),
                e.message(lang)
            ))
        });
        let mut app = App {
            workspace,
            workspace_path,
            lang,
            today,
            keymap,
            ranking,
            weights: call_weights,
            call_weights,
            current_call,
            review: ReviewUi::default(),
            export: ExportUi::default(),
            tab: Tab::Sites,
            modes: ModeStack::default(),
            focus: Focus::List,
            sites: Listing::default(),
            structures: Listing::default(),
            filter: Filter::default(),
            filter_field: 0,
            weights_field: 0,
            ranked: Vec::new(),
            ranked_cursor: 0,
            compare_marks: Vec::new(),
            comparison: None,
            card: None,
            other_cursor: 0,
            scroll: 0,
            message,
            quit: false,
            site_eligible: Vec::new(),
            structure_eligible: Vec::new(),
            structure_best: Vec::new(),
            folded_site_names: Vec::new(),
            folded_structure_names: Vec::new(),
            site_haystacks: Vec::new(),
            structure_haystacks: Vec::new(),
            pathway_order: Vec::new(),
        };
        app.sort_pathway();
        app.site_haystacks = (0..app.workspace.sites.len())
            .map(|i| fold(&app.site_haystack(i)))
            .collect();
        app.structure_haystacks = (0..app.workspace.structures.len())
            .map(|i| fold(&app.structure_haystack(i)))
            .collect();
        app.folded_site_names = app
            .workspace
            .sites
            .iter()
            .map(|s| fold(&s.name).text)
            .collect();
        app.folded_structure_names = app
            .workspace
            .structures
            .iter()
            .map(|s| fold(&s.name).text)
            .collect();
        app.refresh_eligibility();
        app.refresh_sites();
        app.refresh_structures();
        app.refresh_ranked();
        app.refresh_call_rows();
        app
    }

    pub fn mode(&self) -> Mode {
        self.modes.top()
    }

    /// The listing of the current tab, when it has one.
    pub fn listing(&self) -> Option<&Listing> {
        match self.tab {
            Tab::Sites => Some(&self.sites),
            Tab::Structures => Some(&self.structures),
            _ => None,
        }
    }

    pub fn listing_mut(&mut self) -> Option<&mut Listing> {
        match self.tab {
            Tab::Sites => Some(&mut self.sites),
            Tab::Structures => Some(&mut self.structures),
            _ => None,
        }
    }

    /// Text searched for a site: its name, city and programme.
    pub fn site_haystack(&self, site: usize) -> String {
        let s = &self.workspace.sites[site];
        format!(
            "{} {} {}",
            s.name,
            self.workspace.territory.city_name(&s.city),
            s.programme.label(self.lang)
        )
    }

    /// Text searched for a structure: its name, sector and city.
    pub fn structure_haystack(&self, structure: usize) -> String {
        let s = &self.workspace.structures[structure];
        let t = &self.workspace.territory;
        format!(
            "{} {} {}",
            s.name,
            t.sector_label(&s.sector),
            t.city_name(&s.home_city)
        )
    }

    fn refresh_eligibility(&mut self) {
        let available = self.ranking.available();
        let (per_site, per_structure) = if available {
            self.ranking.eligibility()
        } else {
            (Vec::new(), Vec::new())
        };
        self.site_eligible = (0..self.workspace.sites.len())
            .map(|i| per_site.get(i).copied().filter(|_| available))
            .collect();
        self.structure_eligible = (0..self.workspace.structures.len())
            .map(|i| per_structure.get(i).copied().filter(|_| available))
            .collect();
    }

    /// The weights changed: cached best totals are stale.
    pub fn forget_best_scores(&mut self) {
        self.structure_best.clear();
    }

    /// Best eligible total of a structure under the current weights.
    pub fn best_score(&self, structure: usize) -> Option<f64> {
        match self.structure_best.get(structure) {
            Some(best) => *best,
            None => self.ranking.best_total(structure, &self.weights),
        }
    }

    pub fn sorted_by_best(&self) -> bool {
        StructureColumn::ALL[self.structures.sort.column % StructureColumn::ALL.len()]
            == StructureColumn::Best
    }

    /// Re-applies filter, search and sort to the sites, keeping the selected site if it stays.
    pub fn refresh_sites(&mut self) {
        let search = Search::new(&self.sites.query);
        let mut rows: Vec<(usize, i64)> = (0..self.workspace.sites.len())
            .filter(|&i| {
                let has_eligible = self.site_eligible.get(i).copied().flatten().map(|n| n > 0);
                self.filter
                    .accepts_site(&self.workspace, &self.workspace.sites[i], has_eligible)
            })
            .filter_map(|i| search.score_folded(&self.site_haystacks[i]).map(|s| (i, s)))
            .collect();
        let column = SiteColumn::ALL[self.sites.sort.column % SiteColumn::ALL.len()];
        let reverse = self.sites.sort.reverse;
        let (workspace, eligible) = (&self.workspace, &self.site_eligible);
        let names = &self.folded_site_names;
        rows.sort_by(|&(a, score_a), &(b, score_b)| {
            let by_column = sort::compare_sites(workspace, names, eligible, column, a, b);
            let by_column = if reverse {
                by_column.reverse()
            } else {
                by_column
            };
            score_b.cmp(&score_a).then(by_column)
        });
        let rows = rows.into_iter().map(|(i, _)| i).collect();
        Self::replace_rows(&mut self.sites, rows);
    }

    pub fn refresh_structures(&mut self) {
        if self.sorted_by_best() && self.structure_best.is_empty() {
            self.structure_best = (0..self.workspace.structures.len())
                .map(|s| self.ranking.best_total(s, &self.weights))
                .collect();
        }
        let search = Search::new(&self.structures.query);
        let mut rows: Vec<(usize, i64)> = (0..self.workspace.structures.len())
            .filter(|&i| {
                let has_eligible = self.structure_eligible.get(i).copied().flatten();
                self.filter.accepts_structure(
                    &self.workspace,
                    &self.workspace.structures[i],
                    has_eligible,
                )
            })
            .filter_map(|i| {
                search
                    .score_folded(&self.structure_haystacks[i])
                    .map(|s| (i, s))
            })
            .collect();
        let column = StructureColumn::ALL[self.structures.sort.column % StructureColumn::ALL.len()];
        let reverse = self.structures.sort.reverse;
        let (workspace, best, today) = (&self.workspace, &self.structure_best, self.today);
        let names = &self.folded_structure_names;
        rows.sort_by(|&(a, score_a), &(b, score_b)| {
            let by_column = sort::compare_structures(workspace, names, best, today, column, a, b);
            let by_column = if reverse {
                by_column.reverse()
            } else {
                by_column
            };
            score_b.cmp(&score_a).then(by_column)
        });
        let rows = rows.into_iter().map(|(i, _)| i).collect();
        Self::replace_rows(&mut self.structures, rows);
    }

    /// New rows for a listing; the cursor follows the selected item, or stays in range.
    fn replace_rows(listing: &mut Listing, rows: Vec<usize>) {
        let selected = listing.selected();
        listing.rows = rows;
        listing.cursor = selected
            .and_then(|s| listing.rows.iter().position(|&r| r == s))
            .unwrap_or_else(|| listing.cursor.min(listing.rows.len().saturating_sub(1)));
    }

    /// Re-ranks the partners of the selected site or structure; the cursor follows the pair it
    /// was on, so a weight change shows that pair moving.
    pub fn refresh_ranked(&mut self) {
        // Nothing selected any more (filtered out): the ranked pane has nothing to hold the keys.
        if self.listing().is_none_or(|l| l.selected().is_none()) {
            self.focus = Focus::List;
        }
        let followed = self.selected_pair().map(|p| (p.structure, p.site));
        self.ranked = match self.tab {
            Tab::Sites => self
                .sites
                .selected()
                .map(|site| self.ranking.rank_site(site, &self.weights))
                .unwrap_or_default(),
            Tab::Structures => self
                .structures
                .selected()
                .map(|s| self.ranking.rank_structure(s, &self.weights))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let visible = self.visible_ranked().count();
        self.ranked_cursor = followed
            .and_then(|f| {
                self.visible_ranked()
                    .position(|p| (p.structure, p.site) == f)
            })
            .unwrap_or(self.ranked_cursor)
            .min(visible.saturating_sub(1));
    }

    /// The ranked pairs on screen (ineligible ones hidden on request).
    pub fn visible_ranked(&self) -> impl Iterator<Item = &PairScore> {
        let hide = self.filter.eligible_only;
        self.ranked.iter().filter(move |p| p.eligible || !hide)
    }

    pub fn selected_pair(&self) -> Option<&PairScore> {
        self.visible_ranked().nth(self.ranked_cursor)
    }

    /// Rows of the Appel tab: the current call's applications as (structure, site) indices.
    pub fn call_rows(&self) -> Vec<(usize, usize)> {
        let Some(call) = self.current_call.and_then(|i| self.workspace.calls.get(i)) else {
            return Vec::new();
        };
        call.application_pairs()
            .filter_map(|(structure, site)| {
                Some((
                    self.workspace.structure_index(structure)?,
                    self.workspace.site_index(site)?,
                ))
            })
            .collect()
    }

    /// Rows of the Parcours tab: structures whose current stay ends soonest first, then those
    /// with no end, then those with no current stay. Sorted once: neither the structures nor
    /// the day change while the cockpit is open.
    pub fn pathway_rows(&self) -> &[usize] {
        &self.pathway_order
    }

    fn sort_pathway(&mut self) {
        let mut rows: Vec<usize> = (0..self.workspace.structures.len()).collect();
        let (structures, today) = (&self.workspace.structures, self.today);
        rows.sort_by_key(|&i| {
            let (stage, end) = figures::structure_stage(&structures[i], today);
            (stage.is_none(), end.is_none(), end)
        });
        self.pathway_order = rows;
    }

    /// Number of rows in the list of the current placeholder tab.
    pub fn other_rows(&self) -> usize {
        match self.tab {
            Tab::Call => self.review.rows.len(),
            Tab::Pathway => self.workspace.structures.len(),
            Tab::Territory => self.workspace.territory.cities.len(),
            Tab::Sites | Tab::Structures => 0,
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message::Info(text.into()));
    }
}
