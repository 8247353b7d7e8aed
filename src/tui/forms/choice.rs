//! Choices picked from a list by typing: the typed text filters the options (accent- and
//! case-insensitive, whole words and word starts first, as the tables' search does), ← → move
//! among those kept. A single choice takes the best match at once; a multiple choice ticks
//! the option under its cursor. What the labels do not say, the import's parsers may
//! (`SCOP SARL` is a SCOP, `Pre St Gervais` is Le Pré-Saint-Gervais): see `Alias`.

use crate::domain::Workspace;
use crate::i18n::fold::{Folded, fold};
use crate::tui::shared::search::Search;

/// One option: the key the record stores (a serde code, an id), the label the officer reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Opt {
    pub key: String,
    pub label: String,
    folded: Folded,
}

impl Opt {
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Opt {
        let label = label.into();
        Opt {
            key: key.into(),
            folded: fold(&label),
            label,
        }
    }
}

/// An import parser that understands what officers type for a list (its usual spellings),
/// answering the key of an option.
pub type Alias = fn(&str, &Workspace) -> Option<String>;

/// The options `query` keeps, best match first (all of them, in order, for an empty query).
/// Scattered letters never count here: a single choice takes its best match at once, and
/// `paris` must not pick « Le Pré-Saint-Gervais » (the import's parser may still know it).
pub fn matching(options: &[Opt], query: &str) -> Vec<usize> {
    let search = Search::new(query);
    if search.is_empty() {
        return (0..options.len()).collect();
    }
    let mut hits: Vec<(usize, _)> = options
        .iter()
        .enumerate()
        .filter_map(|(i, o)| search.exact_hit(&o.folded).map(|hit| (i, hit)))
        .collect();
    hits.sort_by(|(a, hit_a), (b, hit_b)| hit_b.cmp(hit_a).then(a.cmp(b)));
    hits.into_iter().map(|(i, _)| i).collect()
}

/// One value among options (a city, a legal form…), or none when the field is optional.
#[derive(Debug, Clone)]
pub struct Choice {
    pub options: Vec<Opt>,
    pub selected: Option<usize>,
    /// The text typed to filter the options (cleared when the field is left).
    pub query: String,
    pub alias: Option<Alias>,
}

/// Two choices are the same when they offer and hold the same (their parser is a helper).
impl PartialEq for Choice {
    fn eq(&self, other: &Choice) -> bool {
        self.options == other.options
            && self.selected == other.selected
            && self.query == other.query
    }
}

impl Choice {
    pub fn new(options: Vec<Opt>, key: Option<&str>) -> Choice {
        let selected = key.and_then(|k| options.iter().position(|o| o.key == k));
        Choice {
            options,
            selected,
            query: String::new(),
            alias: None,
        }
    }

    pub fn key(&self) -> Option<&str> {
        self.selected
            .and_then(|i| self.options.get(i))
            .map(|o| o.key.as_str())
    }

    pub fn label(&self) -> Option<&str> {
        self.selected
            .and_then(|i| self.options.get(i))
            .map(|o| o.label.as_str())
    }

    /// Selects the option with `key`, if any.
    pub fn select_key(&mut self, key: &str) {
        self.selected = self.options.iter().position(|o| o.key == key);
    }

    /// The options the typed text keeps.
    pub fn shown(&self) -> Vec<usize> {
        matching(&self.options, &self.query)
    }

    /// The text typed changed: the best match is taken; when the labels hold nothing, the
    /// import's parser may still recognise the value.
    pub fn refilter(&mut self, workspace: &Workspace) {
        if self.query.trim().is_empty() {
            return;
        }
        let shown = self.shown();
        if let Some(&best) = shown.first() {
            self.selected = Some(best);
        } else if let Some(key) = self.alias.and_then(|parse| parse(&self.query, workspace)) {
            self.select_key(&key);
        } else {
            self.selected = None;
        }
    }

    /// ← →: the previous or next option among those kept.
    pub fn step(&mut self, forward: bool) -> bool {
        let shown = self.shown();
        if shown.is_empty() {
            return false;
        }
        let at = self
            .selected
            .and_then(|s| shown.iter().position(|&i| i == s));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => shown.len() - 1,
            (Some(at), true) => (at + 1) % shown.len(),
            (Some(at), false) => (at + shown.len() - 1) % shown.len(),
        };
        let changed = self.selected != Some(shown[next]);
        self.selected = Some(shown[next]);
        changed
    }
}

/// Several values among options (use types, sectors, the sites of a call…): the cursor runs
/// over the options the typed text keeps; Enter (or Space with no filter) ticks. The ticked
/// values keep their order (a record saved unchanged is the same file).
#[derive(Debug, Clone, PartialEq)]
pub struct Multi {
    pub options: Vec<Opt>,
    /// Indices of the ticked options, in the order they were ticked.
    pub chosen: Vec<usize>,
    /// Position in `shown()`.
    pub cursor: usize,
    pub query: String,
}

impl Multi {
    pub fn new(options: Vec<Opt>, keys: &[String]) -> Multi {
        let chosen = keys
            .iter()
            .filter_map(|k| options.iter().position(|o| &o.key == k))
            .collect();
        Multi {
            options,
            chosen,
            cursor: 0,
            query: String::new(),
        }
    }

    pub fn is_chosen(&self, option: usize) -> bool {
        self.chosen.contains(&option)
    }

    /// The ticked keys.
    pub fn keys(&self) -> Vec<String> {
        self.chosen
            .iter()
            .map(|&i| self.options[i].key.clone())
            .collect()
    }

    pub fn labels(&self) -> Vec<&str> {
        self.chosen
            .iter()
            .map(|&i| self.options[i].label.as_str())
            .collect()
    }

    pub fn shown(&self) -> Vec<usize> {
        matching(&self.options, &self.query)
    }

    /// The option under the cursor.
    pub fn current(&self) -> Option<usize> {
        self.shown().get(self.cursor).copied()
    }

    pub fn toggle(&mut self) -> bool {
        let Some(i) = self.current() else {
            return false;
        };
        match self.chosen.iter().position(|&c| c == i) {
            Some(at) => {
                self.chosen.remove(at);
            }
            None => self.chosen.push(i),
        }
        true
    }

    /// Unticks everything; false when nothing was ticked.
    pub fn clear(&mut self) -> bool {
        let had = !self.chosen.is_empty();
        self.chosen.clear();
        had
    }

    /// Moves the cursor; false at either end (the key then goes to the next field).
    pub fn step(&mut self, forward: bool) -> bool {
        let count = self.shown().len();
        if forward && self.cursor + 1 < count {
            self.cursor += 1;
            true
        } else if !forward && self.cursor > 0 && count > 0 {
            self.cursor = self.cursor.min(count) - 1;
            true
        } else {
            false
        }
    }

    /// New options (the sites of another call…): ticks of options still offered stay.
    pub fn replace_options(&mut self, options: Vec<Opt>) {
        let keys = self.keys();
        *self = Multi::new(options, &keys);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cities() -> Vec<Opt> {
        ["Montreuil", "Noisy-le-Sec", "Le Pré-Saint-Gervais", "Bondy"]
            .iter()
            .enumerate()
            .map(|(i, n)| Opt::new(i.to_string(), *n))
            .collect()
    }

    #[test]
    fn typing_filters_without_accents_or_case() {
        assert_eq!(matching(&cities(), "pre"), vec![2]);
        assert_eq!(matching(&cities(), "SAINT"), vec![2]);
        assert_eq!(matching(&cities(), ""), vec![0, 1, 2, 3]);
        assert!(matching(&cities(), "paris").is_empty());
    }

    #[test]
    fn a_choice_takes_the_best_match_and_steps_among_those_kept() {
        let ws = crate::store::validate::fixture::workspace();
        let mut choice = Choice::new(cities(), Some("3"));
        assert_eq!(choice.label(), Some("Bondy"));
        choice.query = "n".to_owned();
        choice.refilter(&ws);
        assert_eq!(choice.label(), Some("Noisy-le-Sec"));
        assert!(choice.step(true));
        assert_ne!(choice.label(), Some("Noisy-le-Sec"));
        choice.query = "zz".to_owned();
        choice.refilter(&ws);
        assert_eq!(choice.selected, None, "nothing matches: nothing chosen");
    }

    #[test]
    fn multiple_choices_tick_under_the_cursor() {
        let mut multi = Multi::new(cities(), &["1".to_owned()]);
        assert_eq!(multi.labels(), vec!["Noisy-le-Sec"]);
        assert!(
            !multi.step(false),
            "the top: the key goes to the field above"
        );
        multi.query = "bond".to_owned();
        multi.cursor = 0;
        assert!(multi.toggle());
        assert_eq!(multi.keys(), vec!["1".to_owned(), "3".to_owned()]);
        multi.replace_options(cities()[2..].to_vec());
        assert_eq!(multi.keys(), vec!["3".to_owned()]);
    }
}
