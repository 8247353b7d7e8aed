//! The one keymap table: every binding with its context, action and description in French and
//! English. The help screen and the bottom key bar are both generated from it, so they cannot go
//! stale. User overrides come from `<config dir>/ancrage/keys.json`:
//!
//! ```json
//! { "sort_next": ["o"], "quit": ["q", "ctrl-c"] }
//! ```
//!
//! Each entry replaces the keys of one action (named by its id, shown in the help). A key bound
//! twice in the same context is refused with a message naming both actions.

use crate::i18n::{Lang, typography};
use crate::review::Status;
use crate::tui::action::Action;
use crate::tui::export_dialog::ExportAction;
use crate::tui::review_actions::ReviewAction;
use crate::tui::tab::Tab;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// A key as the interface sees it (the terminal layer converts crossterm events into this, so
/// the state and its tests do not depend on the terminal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Reads `q`, `S`, `ctrl-c`, `alt-x`, `enter`, `esc`, `tab`, `shift-tab`, `up`, `pgdn`,
    /// `space`, `f1`…
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "space" => KeyCode::Char(' '),
                other => match other.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n) if (1..=12).contains(&n) => KeyCode::F(n),
                    _ => return Err(text.to_owned()),
                },
            },
        };
        Ok(Key { code, ctrl, alt })
    }

    /// How the key is written in the help and the key bar.
    pub fn label(self, lang: Lang) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => lang.pick("Espace", "Space").to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => lang.pick("Entrée", "Enter").to_owned(),
            KeyCode::Esc => lang.pick("Échap", "Esc").to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => lang.pick("Maj-Tab", "Shift-Tab").to_owned(),
            KeyCode::Backspace => lang.pick("Retour arrière", "Backspace").to_owned(),
            KeyCode::Delete => lang.pick("Suppr", "Delete").to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => lang.pick("PgPréc", "PgUp").to_owned(),
            KeyCode::PageDown => lang.pick("PgSuiv", "PgDn").to_owned(),
            KeyCode::Home => lang.pick("Début", "Home").to_owned(),
            KeyCode::End => lang.pick("Fin", "End").to_owned(),
            KeyCode::F(n) => format!("F{n}"),
        };
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl-");
        }
        if self.alt {
            out.push_str("Alt-");
        }
        out.push_str(&base);
        out
    }
}

/// Where a binding applies. `Global` bindings apply in every context unless the context binds
/// the same key itself (which the conflict check forbids) or takes text input (search).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Normal,
    Search,
    Filter,
    Weights,
    Help,
    ScoreCard,
    Compare,
    Confirm,
    /// The Appel tab's list: review keys first, then those of `Normal` (its parent).
    Call,
    /// A text form of the review (motivation, notes, opinion): printable keys are text.
    ReviewText,
    /// The jury-grid form.
    Grid,
    /// The call picker.
    Picker,
    /// The export dialog: printable keys are typed into the path.
    Export,
}

impl Context {
    pub const ALL: [Context; 14] = [
        Context::Global,
        Context::Normal,
        Context::Search,
        Context::Filter,
        Context::Weights,
        Context::Help,
        Context::ScoreCard,
        Context::Compare,
        Context::Confirm,
        Context::Call,
        Context::ReviewText,
        Context::Grid,
        Context::Picker,
        Context::Export,
    ];

    /// Where keys not bound here are looked up next (before the global bindings).
    pub fn parent(self) -> Option<Context> {
        match self {
            Context::Call => Some(Context::Normal),
            _ => None,
        }
    }

    /// Contexts where printable keys without a binding are typed text.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Search | Context::ReviewText | Context::Export
        )
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Context::Global => lang.pick("Partout", "Everywhere"),
            Context::Normal => lang.pick("Listes et détails", "Lists and details"),
            Context::Search => lang.pick("Recherche", "Search"),
            Context::Filter => lang.pick("Filtres", "Filters"),
            Context::Weights => lang.pick("Poids", "Weights"),
            Context::Help => lang.pick("Aide", "Help"),
            Context::ScoreCard => lang.pick("Fiche de score", "Score card"),
            Context::Compare => lang.pick("Comparaison", "Comparison"),
            Context::Confirm => lang.pick("Confirmation", "Confirmation"),
            Context::Call => lang.pick(
                "Appel (revue des candidatures)",
                "Call (application review)",
            ),
            Context::ReviewText => lang.pick(
                "Saisie de texte (motivation, notes, avis)",
                "Text entry (motivation, notes, opinion)",
            ),
            Context::Grid => lang.pick("Grille du jury", "Jury grid"),
            Context::Picker => lang.pick("Choix de l’appel", "Call picker"),
            Context::Export => lang.pick("Export du dossier du jury", "Jury file export"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// Stable name used in the override file.
    pub id: &'static str,
    pub context: Context,
    pub action: Action,
    pub keys: Vec<Key>,
    pub fr: &'static str,
    pub en: &'static str,
    /// Short label for the bottom key bar; none keeps the binding out of the bar.
    pub bar: Option<(&'static str, &'static str)>,
}

impl Binding {
    pub fn description(&self, lang: Lang) -> &'static str {
        lang.pick(self.fr, self.en)
    }

    pub fn bar_label(&self, lang: Lang) -> Option<&'static str> {
        self.bar.map(|(fr, en)| lang.pick(fr, en))
    }

    pub fn keys_label(&self, lang: Lang) -> String {
        self.keys
            .iter()
            .map(|k| k.label(lang))
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// Problems with the override file, each naming what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapError {
    Syntax {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    UnknownAction {
        file: PathBuf,
        id: String,
    },
    BadKey {
        file: PathBuf,
        id: String,
        key: String,
    },
    Conflict {
        key: String,
        context: Context,
        first: (&'static str, &'static str, &'static str),
        second: (&'static str, &'static str, &'static str),
    },
}

impl KeymapError {
    pub fn message(&self, lang: Lang) -> String {
        typography(&self.untypeset(lang), lang)
    }

    fn untypeset(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                KeymapError::Syntax {
                    file,
                    line,
                    column,
                    message,
                },
                Lang::Fr,
            ) => format!(
                "{}:{line}:{column}\u{a0}: JSON invalide ({message})\u{a0}; attendu un objet {{ \"action\": [\"touche\", …] }}",
                file.display()
            ),
            (
                KeymapError::Syntax {
                    file,
                    line,
                    column,
                    message,
                },
                Lang::En,
            ) => format!(
                "{}:{line}:{column}: invalid JSON ({message}); expected an object {{ \"action\": [\"key\", …] }}",
                file.display()
            ),
            (KeymapError::UnknownAction { file, id }, Lang::Fr) => format!(
                "{}\u{a0}: action inconnue « {id} » (les noms sont listés dans l’aide, touche ?)",
                file.display()
            ),
            (KeymapError::UnknownAction { file, id }, Lang::En) => format!(
                "{}: unknown action `{id}` (names are listed in the help, key ?)",
                file.display()
            ),
            (KeymapError::BadKey { file, id, key }, Lang::Fr) => format!(
                "{}, {id}\u{a0}: touche illisible « {key} » (attendu par ex. q, S, ctrl-c, enter, esc, tab, up, pgdn, space, f1)",
                file.display()
            ),
            (KeymapError::BadKey { file, id, key }, Lang::En) => format!(
                "{}, {id}: unreadable key `{key}` (expected e.g. q, S, ctrl-c, enter, esc, tab, up, pgdn, space, f1)",
                file.display()
            ),
            (
                KeymapError::Conflict {
                    key,
                    context,
                    first,
                    second,
                },
                Lang::Fr,
            ) => format!(
                "la touche « {key} » ({}) serait à la fois « {} » ({}) et « {} » ({})\u{a0}; fichier de touches ignoré",
                context.title(lang),
                first.1,
                first.0,
                second.1,
                second.0
            ),
            (
                KeymapError::Conflict {
                    key,
                    context,
                    first,
                    second,
                },
                Lang::En,
            ) => format!(
                "key `{key}` ({}) would be both “{}” ({}) and “{}” ({}); key file ignored",
                context.title(lang),
                first.2,
                first.0,
                second.2,
                second.0
            ),
        }
    }
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

/// One row of the default table: id, context, action, keys, French, English, key-bar label.
type Row = (
    &'static str,
    Context,
    Action,
    &'static [&'static str],
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);

#[rustfmt::skip]
const DEFAULTS: &[Row] = &[
    ("quit", Context::Global, Action::Quit, &["q", "ctrl-c"], "Quitter", "Quit", Some(("quitter", "quit"))),
    ("down", Context::Normal, Action::Down, &["j", "down"], "Descendre", "Move down", Some(("déplacer", "move"))),
    ("up", Context::Normal, Action::Up, &["k", "up"], "Monter", "Move up", None),
    ("top", Context::Normal, Action::Top, &["g", "home"], "Aller au début", "Go to the top", None),
    ("bottom", Context::Normal, Action::Bottom, &["G", "end"], "Aller à la fin", "Go to the bottom", None),
    ("page_down", Context::Normal, Action::PageDown, &["pgdn"], "Page suivante", "Page down", None),
    ("page_up", Context::Normal, Action::PageUp, &["pgup"], "Page précédente", "Page up", None),
    ("open", Context::Normal, Action::Open, &["enter"], "Ouvrir le détail, puis la fiche de score", "Open the detail, then the score card", Some(("ouvrir", "open"))),
    ("back", Context::Normal, Action::Back, &["esc"], "Revenir (ne quitte jamais)", "Go back (never quits)", Some(("retour", "back"))),
    ("next_tab", Context::Normal, Action::NextTab, &["tab"], "Onglet suivant", "Next tab", None),
    ("previous_tab", Context::Normal, Action::PreviousTab, &["backtab"], "Onglet précédent", "Previous tab", None),
    ("tab_sites", Context::Normal, Action::GoTo(Tab::Sites), &["1"], "Onglet Lieux", "Sites tab", None),
    ("tab_structures", Context::Normal, Action::GoTo(Tab::Structures), &["2"], "Onglet Structures", "Structures tab", None),
    ("tab_call", Context::Normal, Action::GoTo(Tab::Call), &["3"], "Onglet Appel", "Call tab", None),
    ("tab_pathway", Context::Normal, Action::GoTo(Tab::Pathway), &["4"], "Onglet Parcours", "Pathway tab", None),
    ("tab_territory", Context::Normal, Action::GoTo(Tab::Territory), &["5"], "Onglet Territoire", "Territory tab", None),
    ("search", Context::Normal, Action::StartSearch, &["/"], "Rechercher (sans accents ni casse, plusieurs mots)", "Search (accent- and case-insensitive, several words)", Some(("chercher", "search"))),
    ("filter", Context::Normal, Action::OpenFilter, &["f"], "Filtres : type, programme, ville, zone, statut, secteur, éligibles", "Filters: kind, programme, city, zone, status, sector, eligible", Some(("filtrer", "filter"))),
    ("sort_next", Context::Normal, Action::SortNext, &["s"], "Trier par la colonne suivante", "Sort by the next column", Some(("trier", "sort"))),
    ("sort_reverse", Context::Normal, Action::SortReverse, &["S"], "Inverser le tri", "Reverse the sort", None),
    ("weights", Context::Normal, Action::OpenWeights, &["w"], "Poids des critères (classement en direct)", "Criteria weights (live ranking)", Some(("poids", "weights"))),
    ("compare", Context::Normal, Action::Compare, &["c"], "Comparer jusqu’à trois structures pour ce lieu", "Compare up to three structures for this site", Some(("comparer", "compare"))),
    ("mark", Context::Normal, Action::MarkForCompare, &["x"], "Ajouter / retirer la structure de la comparaison", "Add / remove the structure from the comparison", None),
    ("toggle_ineligible", Context::Normal, Action::ToggleIneligible, &["i"], "Masquer / montrer les inéligibles", "Hide / show ineligible pairs", None),
    ("export", Context::Normal, Action::Export(ExportAction::Open), &["e"], "Exporter le dossier du jury de l’appel en cours", "Export the current call's jury file", Some(("exporter", "export"))),
    ("help", Context::Normal, Action::OpenHelp, &["?"], "Aide (cet écran)", "Help (this screen)", Some(("aide", "help"))),
    ("search_accept", Context::Search, Action::SearchAccept, &["enter"], "Garder la recherche comme filtre", "Keep the search as a filter", Some(("garder", "keep"))),
    ("search_cancel", Context::Search, Action::SearchCancel, &["esc"], "Effacer la recherche", "Clear the search", Some(("effacer", "clear"))),
    ("search_backspace", Context::Search, Action::SearchBackspace, &["backspace"], "Effacer une lettre", "Delete a letter", None),
    ("search_down", Context::Search, Action::Down, &["down", "ctrl-n"], "Descendre dans les résultats", "Move down the results", Some(("résultats", "results"))),
    ("search_up", Context::Search, Action::Up, &["up", "ctrl-p"], "Monter dans les résultats", "Move up the results", None),
    ("filter_down", Context::Filter, Action::Down, &["j", "down"], "Filtre suivant", "Next filter", Some(("choisir", "choose"))),
    ("filter_up", Context::Filter, Action::Up, &["k", "up"], "Filtre précédent", "Previous filter", None),
    ("filter_next_value", Context::Filter, Action::Increase, &["right", "l"], "Valeur suivante", "Next value", Some(("changer", "change"))),
    ("filter_previous_value", Context::Filter, Action::Decrease, &["left", "h"], "Valeur précédente", "Previous value", None),
    ("filter_toggle", Context::Filter, Action::Toggle, &["space"], "Basculer « éligibles seulement »", "Toggle “eligible only”", None),
    ("filter_reset", Context::Filter, Action::Reset, &["r"], "Effacer tous les filtres", "Clear all filters", Some(("effacer", "clear"))),
    ("filter_close", Context::Filter, Action::Back, &["esc", "enter"], "Fermer les filtres", "Close the filters", Some(("fermer", "close"))),
    ("weights_down", Context::Weights, Action::Down, &["j", "down"], "Critère suivant", "Next criterion", Some(("choisir", "choose"))),
    ("weights_up", Context::Weights, Action::Up, &["k", "up"], "Critère précédent", "Previous criterion", None),
    ("weights_increase", Context::Weights, Action::Increase, &["right", "l", "+"], "Augmenter le poids", "Increase the weight", Some(("plus", "more"))),
    ("weights_decrease", Context::Weights, Action::Decrease, &["left", "h", "-"], "Diminuer le poids", "Decrease the weight", Some(("moins", "less"))),
    ("weights_reset", Context::Weights, Action::Reset, &["r"], "Rétablir les poids de l’appel", "Reset the call's weights", Some(("rétablir", "reset"))),
    ("weights_close", Context::Weights, Action::Back, &["esc", "enter"], "Fermer les poids", "Close the weights", Some(("fermer", "close"))),
    ("help_down", Context::Help, Action::Down, &["j", "down"], "Faire défiler", "Scroll down", Some(("défiler", "scroll"))),
    ("help_up", Context::Help, Action::Up, &["k", "up"], "Remonter", "Scroll up", None),
    ("help_close", Context::Help, Action::Back, &["esc", "?"], "Fermer l’aide", "Close the help", Some(("fermer", "close"))),
    ("card_down", Context::ScoreCard, Action::Down, &["j", "down"], "Faire défiler", "Scroll down", Some(("défiler", "scroll"))),
    ("card_up", Context::ScoreCard, Action::Up, &["k", "up"], "Remonter", "Scroll up", None),
    ("card_weights", Context::ScoreCard, Action::OpenWeights, &["w"], "Poids des critères", "Criteria weights", Some(("poids", "weights"))),
    ("card_close", Context::ScoreCard, Action::Back, &["esc", "enter"], "Fermer la fiche", "Close the card", Some(("fermer", "close"))),
    ("compare_weights", Context::Compare, Action::OpenWeights, &["w"], "Poids des critères", "Criteria weights", Some(("poids", "weights"))),
    ("compare_close", Context::Compare, Action::Back, &["esc", "c"], "Fermer la comparaison", "Close the comparison", Some(("fermer", "close"))),
    ("confirm_yes", Context::Confirm, Action::Confirm, &["o", "y", "enter"], "Confirmer", "Confirm", Some(("oui", "yes"))),
    ("confirm_no", Context::Confirm, Action::Deny, &["n", "esc"], "Annuler", "Cancel", Some(("non", "no"))),
    ("call_instruction", Context::Call, Action::Review(ReviewAction::Decide(Status::EnInstruction)), &["i"], "Mettre en instruction (la sélection, sinon la ligne)", "Set under review (the selection, else the row)", Some(("instruire", "review"))),
    ("call_shortlist", Context::Call, Action::Review(ReviewAction::Decide(Status::Preselectionne)), &["p"], "Présélectionner pour le jury", "Shortlist for the jury", Some(("présélect.", "shortlist"))),
    ("call_accept", Context::Call, Action::Review(ReviewAction::Decide(Status::Accepte)), &["a"], "Accepter", "Accept", Some(("accepter", "accept"))),
    ("call_refuse", Context::Call, Action::Review(ReviewAction::Decide(Status::Refuse)), &["r"], "Refuser (motivation écrite obligatoire)", "Refuse (written motivation mandatory)", Some(("refuser", "refuse"))),
    ("call_close", Context::Call, Action::Review(ReviewAction::Decide(Status::ClasseSansSuite)), &["x"], "Classer sans suite (motivation écrite obligatoire)", "Close without follow-up (written motivation mandatory)", Some(("sans suite", "close"))),
    ("call_export", Context::Call, Action::Export(ExportAction::Open), &["e"], "Exporter le dossier du jury (présélection, lignes filtrées ou sélectionnées)", "Export the jury file (shortlist, filtered or selected rows)", Some(("exporter", "export"))),
    ("call_annotate", Context::Call, Action::Review(ReviewAction::Annotate), &["n"], "Annoter (notes privées sur plusieurs lignes)", "Annotate (private notes, several lines)", Some(("annoter", "note"))),
    ("call_labels", Context::Call, Action::Review(ReviewAction::Label), &["l"], "Étiquettes (séparées par des virgules)", "Labels (separated by commas)", None),
    ("call_opinion", Context::Call, Action::Review(ReviewAction::Opinion), &["o"], "Enregistrer l’avis d’un partenaire", "Record a partner's opinion", Some(("avis", "opinion"))),
    ("call_grade", Context::Call, Action::Review(ReviewAction::Grade), &["t"], "Noter la grille du jury", "Grade the jury grid", Some(("grille", "grid"))),
    ("call_select", Context::Call, Action::Review(ReviewAction::ToggleSelect), &["space"], "Sélectionner / désélectionner et descendre (puis une décision, une motivation pour toute la sélection)", "Select / unselect and move down (then one decision, one motivation for the whole selection)", Some(("sélection", "select"))),
    ("call_undo", Context::Call, Action::Review(ReviewAction::Undo), &["u"], "Annuler la dernière modification", "Undo the last change", Some(("annuler", "undo"))),
    ("call_redo", Context::Call, Action::Review(ReviewAction::Redo), &["ctrl-r"], "Rétablir la modification annulée", "Redo the undone change", None),
    ("call_filter", Context::Call, Action::OpenFilter, &["f"], "Filtrer par lieu et par statut, regrouper", "Filter by site and status, group", Some(("filtrer", "filter"))),
    ("call_group", Context::Call, Action::Review(ReviewAction::ToggleGrouping), &["s"], "Regrouper par lieu / par statut", "Group by site / by status", None),
    ("call_pick", Context::Call, Action::Review(ReviewAction::PickCall), &["c"], "Changer d’appel", "Switch call", Some(("appel", "call"))),
    ("call_reload", Context::Call, Action::Review(ReviewAction::Reload), &["ctrl-l"], "Relire les décisions de l’autre instance (lecture seule) ; reprend la main si elle est fermée", "Reload the other instance's decisions (read-only); takes over once it has closed", None),
    ("call_detail_down", Context::Call, Action::Review(ReviewAction::DetailDown), &["J"], "Faire défiler le détail", "Scroll the detail down", None),
    ("call_detail_up", Context::Call, Action::Review(ReviewAction::DetailUp), &["K"], "Remonter dans le détail", "Scroll the detail up", None),
    ("text_confirm", Context::ReviewText, Action::Review(ReviewAction::Submit), &["enter"], "Valider et enregistrer (Entrée valide ; nouvelle ligne : Alt-Entrée ou Ctrl-j)", "Confirm and save (Enter confirms; new line: Alt-Enter or Ctrl-j)", Some(("valider", "confirm"))),
    ("text_newline", Context::ReviewText, Action::Review(ReviewAction::Newline), &["alt-enter", "ctrl-j"], "Nouvelle ligne", "New line", Some(("ligne", "new line"))),
    ("text_cancel", Context::ReviewText, Action::Back, &["esc"], "Abandonner sans rien enregistrer", "Cancel without saving anything", Some(("abandonner", "cancel"))),
    ("text_backspace", Context::ReviewText, Action::Review(ReviewAction::Backspace), &["backspace"], "Effacer le caractère avant le curseur", "Delete the character before the cursor", None),
    ("text_left", Context::ReviewText, Action::Decrease, &["left"], "Curseur à gauche, ou choix précédent", "Cursor left, or previous choice", None),
    ("text_right", Context::ReviewText, Action::Increase, &["right"], "Curseur à droite, ou choix suivant", "Cursor right, or next choice", None),
    ("text_next_field", Context::ReviewText, Action::Review(ReviewAction::NextField), &["tab"], "Champ suivant (avis)", "Next field (opinion)", Some(("champ", "field"))),
    ("text_previous_field", Context::ReviewText, Action::Review(ReviewAction::PreviousField), &["backtab"], "Champ précédent (avis)", "Previous field (opinion)", None),
    ("grid_grade", Context::Grid, Action::Review(ReviewAction::GradeKey('0')), &["0", "1", "2", "3", "4", "-"], "Noter le critère de 0 à 4, ou - sans objet (enregistré aussitôt)", "Grade the criterion 0 to 4, or - not applicable (saved at once)", Some(("noter", "grade"))),
    ("grid_clear", Context::Grid, Action::Review(ReviewAction::Backspace), &["backspace", "delete"], "Effacer la note du critère", "Clear the criterion's grade", None),
    ("grid_down", Context::Grid, Action::Down, &["j", "down"], "Critère suivant", "Next criterion", Some(("choisir", "choose"))),
    ("grid_up", Context::Grid, Action::Up, &["k", "up"], "Critère précédent", "Previous criterion", None),
    ("grid_close", Context::Grid, Action::Back, &["esc", "enter"], "Fermer la grille", "Close the grid", Some(("fermer", "close"))),
    ("picker_down", Context::Picker, Action::Down, &["j", "down"], "Appel suivant", "Next call", Some(("choisir", "choose"))),
    ("picker_up", Context::Picker, Action::Up, &["k", "up"], "Appel précédent", "Previous call", None),
    ("picker_open", Context::Picker, Action::Confirm, &["enter"], "Ouvrir cet appel", "Open this call", Some(("ouvrir", "open"))),
    ("picker_close", Context::Picker, Action::Back, &["esc"], "Fermer sans changer", "Close without switching", Some(("fermer", "close"))),
    ("export_run", Context::Export, Action::Export(ExportAction::Run), &["enter"], "Exporter (demande avant de remplacer un fichier existant)", "Export (asks before replacing an existing file)", Some(("exporter", "export"))),
    ("export_next_field", Context::Export, Action::Export(ExportAction::NextField), &["tab", "down"], "Champ suivant", "Next field", Some(("champ", "field"))),
    ("export_previous_field", Context::Export, Action::Export(ExportAction::PreviousField), &["backtab", "up"], "Champ précédent", "Previous field", None),
    ("export_next_value", Context::Export, Action::Increase, &["right"], "Choix suivant (Espace aussi), ou curseur à droite dans le chemin", "Next choice (Space too), or cursor right in the path", Some(("changer", "change"))),
    ("export_previous_value", Context::Export, Action::Decrease, &["left"], "Choix précédent, ou curseur à gauche dans le chemin", "Previous choice, or cursor left in the path", None),
    ("export_backspace", Context::Export, Action::Export(ExportAction::Backspace), &["backspace"], "Effacer le caractère avant le curseur", "Delete the character before the cursor", None),
    ("export_home", Context::Export, Action::Top, &["home"], "Début du chemin", "Start of the path", None),
    ("export_end", Context::Export, Action::Bottom, &["end"], "Fin du chemin", "End of the path", None),
    ("export_clear", Context::Export, Action::Export(ExportAction::ClearField), &["ctrl-u"], "Vider le chemin", "Clear the path", None),
    ("export_close", Context::Export, Action::Back, &["esc"], "Fermer sans exporter", "Close without exporting", Some(("fermer", "close"))),
];

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|&(id, context, action, keys, fr, en, bar)| Binding {
                id,
                context,
                action,
                // The defaults are spelled by us; a typo is caught by the unit test below.
                keys: keys.iter().filter_map(|k| Key::parse(k).ok()).collect(),
                fr,
                en,
                bar,
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    pub fn in_context(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The action for `key` in `context`: the context's own bindings first, then the global ones.
    /// In search, printable characters are text, so only control keys reach the global bindings.
    pub fn lookup(&self, context: Context, key: Key) -> Option<Action> {
        let find = |ctx: Context| {
            self.in_context(ctx)
                .find(|b| b.keys.contains(&key))
                .map(|b| b.action)
        };
        if let Some(action) = find(context) {
            return Some(ReviewAction::carry_key(action, key));
        }
        if context.takes_text()
            && let KeyCode::Char(c) = key.code
            && !key.ctrl
            && !key.alt
        {
            return Some(match context {
                Context::Search => Action::SearchInput(c),
                Context::Export => Action::Export(ExportAction::Input(c)),
                _ => Action::Review(ReviewAction::Input(c)),
            });
        }
        if let Some(action) = context.parent().and_then(find) {
            return Some(action);
        }
        find(Context::Global)
    }

    /// The default table with the overrides of `json` applied (`file` only names errors).
    pub fn with_overrides(json: &str, file: &Path) -> Result<Keymap, KeymapError> {
        let overrides: BTreeMap<String, KeyList> =
            serde_json::from_str(json).map_err(|e| KeymapError::Syntax {
                file: file.to_owned(),
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?;
        let mut keymap = Keymap::default();
        for (id, keys) in overrides {
            let binding = keymap
                .bindings
                .iter_mut()
                .find(|b| b.id == id)
                .ok_or_else(|| KeymapError::UnknownAction {
                    file: file.to_owned(),
                    id: id.clone(),
                })?;
            let parsed = keys
                .into_vec()
                .iter()
                .map(|k| {
                    Key::parse(k).map_err(|key| KeymapError::BadKey {
                        file: file.to_owned(),
                        id: id.clone(),
                        key,
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            binding.keys = parsed;
        }
        keymap.check()?;
        Ok(keymap)
    }

    /// Loads `<config_dir>/ancrage/keys.json` when it exists. A refused file leaves the
    /// default keymap in place and returns the reason, for the status line.
    pub fn load(config_dir: Option<&Path>) -> (Keymap, Option<KeymapError>) {
        let Some(path) = config_dir.map(|d| d.join("ancrage").join("keys.json")) else {
            return (Keymap::default(), None);
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => match Keymap::with_overrides(&text, &path) {
                Ok(keymap) => (keymap, None),
                Err(e) => (Keymap::default(), Some(e)),
            },
            Err(_) => (Keymap::default(), None),
        }
    }

    /// Refuses a key bound to two actions where both would apply (same context, or a context
    /// and the global one).
    pub fn check(&self) -> Result<(), KeymapError> {
        for context in Context::ALL {
            let visible: Vec<&Binding> = self
                .bindings
                .iter()
                .filter(|b| {
                    b.context == context
                        || (context != Context::Global && b.context == Context::Global)
                })
                .collect();
            for (i, first) in visible.iter().enumerate() {
                for second in &visible[i + 1..] {
                    if let Some(key) = first.keys.iter().find(|k| second.keys.contains(k)) {
                        return Err(KeymapError::Conflict {
                            key: key.label(Lang::En),
                            context,
                            first: (first.id, first.fr, first.en),
                            second: (second.id, second.fr, second.en),
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

/// An override value: one key or a list of keys.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    fn into_vec(self) -> Vec<String> {
        match self {
            KeyList::One(k) => vec![k],
            KeyList::Many(v) => v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_do_not_conflict() {
        for (id, _, _, keys, ..) in DEFAULTS {
            for k in *keys {
                assert!(Key::parse(k).is_ok(), "{id}: {k}");
            }
        }
        let ids: std::collections::HashSet<_> = DEFAULTS.iter().map(|r| r.0).collect();
        assert_eq!(ids.len(), DEFAULTS.len(), "binding ids are unique");
        Keymap::default().check().unwrap();
    }

    #[test]
    fn lookup_goes_through_context_then_global() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.lookup(Context::Normal, Key::char('s')),
            Some(Action::SortNext)
        );
        assert_eq!(
            keymap.lookup(Context::Normal, Key::char('S')),
            Some(Action::SortReverse)
        );
        assert_eq!(
            keymap.lookup(Context::Help, Key::char('q')),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.lookup(Context::Search, Key::char('q')),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            keymap.lookup(Context::Search, Key::ctrl('c')),
            Some(Action::Quit)
        );
        assert_eq!(
            keymap.lookup(Context::Normal, Key::plain(KeyCode::Esc)),
            Some(Action::Back)
        );
    }

    #[test]
    fn overrides_replace_keys() {
        let keymap =
            Keymap::with_overrides(r#"{"sort_next": ["o"]}"#, Path::new("keys.json")).unwrap();
        assert_eq!(
            keymap.lookup(Context::Normal, Key::char('o')),
            Some(Action::SortNext)
        );
        assert_eq!(keymap.lookup(Context::Normal, Key::char('s')), None);
    }

    #[test]
    fn conflicts_name_both_actions() {
        let err =
            Keymap::with_overrides(r#"{"sort_next": "q"}"#, Path::new("keys.json")).unwrap_err();
        let fr = err.message(Lang::Fr);
        assert!(fr.contains("quit") && fr.contains("sort_next"), "{fr}");
        assert!(fr.contains("«\u{a0}q\u{a0}»"), "{fr}");
        let err =
            Keymap::with_overrides(r#"{"weights": "f"}"#, Path::new("keys.json")).unwrap_err();
        assert!(err.message(Lang::En).contains("filter"));
    }

    #[test]
    fn bad_files_are_explained() {
        let err =
            Keymap::with_overrides("{\n \"nope\": [\"x\"]}", Path::new("k.json")).unwrap_err();
        assert_eq!(
            err,
            KeymapError::UnknownAction {
                file: "k.json".into(),
                id: "nope".into()
            }
        );
        let err =
            Keymap::with_overrides("{\n \"quit\": [\"ctrl-\"", Path::new("k.json")).unwrap_err();
        assert!(
            matches!(err, KeymapError::Syntax { line: 2, .. }),
            "{err:?}"
        );
        let err =
            Keymap::with_overrides(r#"{"quit": ["hyper-x"]}"#, Path::new("k.json")).unwrap_err();
        assert!(matches!(err, KeymapError::BadKey { .. }));
    }

    #[test]
    fn load_reads_the_config_dir_and_refuses_conflicts() {
        let dir = tempfile::tempdir().unwrap();
        let (keymap, problem) = Keymap::load(Some(dir.path()));
        assert_eq!(
            (keymap, problem),
            (Keymap::default(), None),
            "no file: defaults"
        );
        std::fs::create_dir_all(dir.path().join("ancrage")).unwrap();
        let file = dir.path().join("ancrage").join("keys.json");
        std::fs::write(&file, r#"{"help": "h"}"#).unwrap();
        let (keymap, problem) = Keymap::load(Some(dir.path()));
        assert_eq!(problem, None);
        assert_eq!(
            keymap.lookup(Context::Normal, Key::char('h')),
            Some(Action::OpenHelp)
        );
        std::fs::write(&file, r#"{"help": "/"}"#).unwrap();
        let (keymap, problem) = Keymap::load(Some(dir.path()));
        assert_eq!(keymap, Keymap::default(), "a refused file changes nothing");
        let message = problem.unwrap().message(Lang::Fr);
        assert!(
            message.contains("search") && message.contains("help"),
            "{message}"
        );
    }

    #[test]
    fn keys_round_trip_through_text() {
        assert_eq!(Key::parse("ctrl-c").unwrap(), Key::ctrl('c'));
        assert_eq!(Key::parse("S").unwrap(), Key::char('S'));
        assert_eq!(Key::parse("pgdn").unwrap(), Key::plain(KeyCode::PageDown));
        assert_eq!(Key::parse("-").unwrap(), Key::char('-'));
        assert_eq!(Key::ctrl('c').label(Lang::Fr), "Ctrl-c");
    }
}
