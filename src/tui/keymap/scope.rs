//! Where a binding applies: a screen, the list keys every screen shares, a dialog, or
//! everywhere. A key is looked up in its scope, then the scope's parents, then `Global`; the
//! key bar and the help of a screen list exactly that chain, so a key shown always works.

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Global,
    /// The keys of every tab's list: moving, tabs, help, weights, export, undo.
    Lists,
    Lieux,
    Structures,
    Appel,
    Parcours,
    Territoire,
    /// Typing a search into a list: printable keys are text.
    Search,
    Filter,
    Weights,
    Help,
    ScoreCard,
    Compare,
    Confirm,
    /// A text form of the review (motivation, notes, labels, opinion): printable keys are text.
    ReviewText,
    /// The jury-grid form.
    Grid,
    /// A list of choices (another call).
    Picker,
    /// The export dialog: printable keys are typed into the path.
    Export,
    /// The officer's name, asked once.
    Officer,
    /// The list of every alert.
    Alerts,
    /// The allocation view of the call.
    Allocation,
    /// The lot picker of an application.
    Lots,
    /// The m² of a pooled lot, typed.
    LotSurface,
    /// The order of structures tied on a site (the tie-break form's first step).
    TieOrder,
    /// Parcours, the next step of a structure (its suggested sites) has the keys.
    NextStep,
    /// The placement form: printable keys are typed into its dates.
    Placement,
    /// A form creating or editing a record (structure, site, call, application): printable
    /// keys are typed into the field.
    Form,
    /// The Problèmes panel (the workspace files' problems).
    Problems,
    /// The import dialog's form: printable keys are typed into the path.
    Import,
    /// The import's report, before anything is written: scrolled, left.
    ImportReport,
    /// The report of an import that can be applied: its keys, and Enter to import.
    ImportPreview,
}

impl Scope {
    pub const ALL: [Scope; 31] = [
        Scope::Global,
        Scope::Lists,
        Scope::Lieux,
        Scope::Structures,
        Scope::Appel,
        Scope::Parcours,
        Scope::Territoire,
        Scope::Search,
        Scope::Filter,
        Scope::Weights,
        Scope::Help,
        Scope::ScoreCard,
        Scope::Compare,
        Scope::Confirm,
        Scope::ReviewText,
        Scope::Grid,
        Scope::Picker,
        Scope::Export,
        Scope::Officer,
        Scope::Alerts,
        Scope::Allocation,
        Scope::Lots,
        Scope::LotSurface,
        Scope::TieOrder,
        Scope::NextStep,
        Scope::Placement,
        Scope::Form,
        Scope::Problems,
        Scope::Import,
        Scope::ImportReport,
        Scope::ImportPreview,
    ];

    /// Where keys not bound here are looked up next (before the global bindings).
    pub fn parent(self) -> Option<Scope> {
        match self {
            Scope::Lieux
            | Scope::Structures
            | Scope::Appel
            | Scope::Parcours
            | Scope::Territoire => Some(Scope::Lists),
            Scope::NextStep => Some(Scope::Parcours),
            // A refused import shows the same report without the key that would write it.
            Scope::ImportPreview => Some(Scope::ImportReport),
            _ => None,
        }
    }

    /// The chain a key goes through in this scope, nearest first, `Global` last.
    pub fn chain(self) -> Vec<Scope> {
        let mut chain = vec![self];
        let mut at = self;
        while let Some(parent) = at.parent() {
            chain.push(parent);
            at = parent;
        }
        if self != Scope::Global {
            chain.push(Scope::Global);
        }
        chain
    }

    /// Scopes where printable keys without a binding are typed text.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Scope::Search
                | Scope::ReviewText
                | Scope::Export
                | Scope::Officer
                | Scope::LotSurface
                | Scope::Placement
                | Scope::Import
                | Scope::Form
        )
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Scope::Global => lang.pick("Partout", "Everywhere"),
            Scope::Lists => lang.pick("Tous les onglets", "Every tab"),
            Scope::Lieux => lang.pick("Onglet Lieux", "Sites tab"),
            Scope::Structures => lang.pick("Onglet Structures", "Structures tab"),
            Scope::Appel => lang.pick(
                "Onglet Appel (revue des candidatures)",
                "Call tab (application review)",
            ),
            Scope::Parcours => lang.pick("Onglet Parcours", "Pathway tab"),
            Scope::Territoire => lang.pick("Onglet Territoire", "Territory tab"),
            Scope::Search => lang.pick("Recherche", "Search"),
            Scope::Filter => lang.pick("Filtres", "Filters"),
            Scope::Weights => lang.pick("Poids", "Weights"),
            Scope::Help => lang.pick("Aide", "Help"),
            Scope::ScoreCard => lang.pick("Fiche de score", "Score card"),
            Scope::Compare => lang.pick("Comparaison", "Comparison"),
            Scope::Confirm => lang.pick("Questions (oui / non)", "Questions (yes / no)"),
            Scope::ReviewText => lang.pick(
                "Saisie de texte (motivation, notes, étiquettes, avis)",
                "Text entry (motivation, notes, labels, opinion)",
            ),
            Scope::Grid => lang.pick("Grille du jury", "Jury grid"),
            Scope::Picker => lang.pick("Choix de l’appel", "Call picker"),
            Scope::Export => lang.pick("Export du dossier du jury", "Jury file export"),
            Scope::Officer => lang.pick("Nom de l’agent", "Officer's name"),
            Scope::Alerts => lang.pick("Alertes", "Alerts"),
            Scope::Allocation => lang.pick("Répartition proposée", "Proposed allocation"),
            Scope::Lots => lang.pick("Choix du lot", "Lot picker"),
            Scope::LotSurface => lang.pick("m² d’un lot partagé", "m² of a shared lot"),
            Scope::TieOrder => lang.pick("Départage des ex æquo", "Breaking a tie"),
            Scope::NextStep => lang.pick(
                "Parcours, prochaine étape (lieux proposés)",
                "Pathway, next step (suggested sites)",
            ),
            Scope::Placement => lang.pick("Placement prévu", "Planned placement"),
            Scope::Form => lang.pick(
                "Fiches (structure, lieu, lot, appel, candidature)",
                "Forms (structure, site, lot, call, application)",
            ),
            Scope::Problems => lang.pick("Problèmes des fichiers", "File problems"),
            Scope::Import => lang.pick("Import d’un fichier", "File import"),
            Scope::ImportReport => lang.pick("Compte rendu de l’import", "Import report"),
            Scope::ImportPreview => lang.pick("Aperçu de l’import", "Import preview"),
        }
    }

    /// The tab scopes, in the order of the tabs.
    pub fn is_screen(self) -> bool {
        matches!(
            self,
            Scope::Lieux | Scope::Structures | Scope::Appel | Scope::Parcours | Scope::Territoire
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_fall_back_on_the_list_keys_then_global() {
        assert_eq!(
            Scope::Appel.chain(),
            vec![Scope::Appel, Scope::Lists, Scope::Global]
        );
        assert_eq!(Scope::Help.chain(), vec![Scope::Help, Scope::Global]);
        assert_eq!(Scope::Global.chain(), vec![Scope::Global]);
    }
}
