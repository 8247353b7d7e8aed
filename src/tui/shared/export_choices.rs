//! What the officer chose in the export dialog, kept when it closes so `e` reopens it as it
//! was left (for the same call).

use crate::domain::CallId;
use crate::export::Format;
use crate::i18n::Lang;
use crate::tui::shared::text_input::TextInput;

/// Which applications go in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportScope {
    /// The applications présélectionnées, every site of the call.
    Shortlist,
    /// The rows the Appel tab shows now (its filters and search applied).
    Filtered,
    /// The rows selected with Space in the Appel tab.
    Selected,
}

impl ExportScope {
    pub const ALL: [ExportScope; 3] = [
        ExportScope::Shortlist,
        ExportScope::Filtered,
        ExportScope::Selected,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ExportScope::Shortlist => lang.pick("présélection", "shortlist"),
            ExportScope::Filtered => lang.pick(
                "lignes filtrées de l’onglet Appel",
                "filtered rows of the Call tab",
            ),
            ExportScope::Selected => lang.pick(
                "lignes sélectionnées de l’onglet Appel",
                "selected rows of the Call tab",
            ),
        }
    }
}

/// The fields of the dialog, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportField {
    Format,
    Scope,
    PersonalData,
    Path,
}

impl ExportField {
    pub const ALL: [ExportField; 4] = [
        ExportField::Format,
        ExportField::Scope,
        ExportField::PersonalData,
        ExportField::Path,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ExportField::Format => "Format",
            ExportField::Scope => lang.pick("Périmètre", "Scope"),
            ExportField::PersonalData => lang.pick("Données personnelles", "Personal data"),
            ExportField::Path => lang.pick("Fichier", "File"),
        }
    }

    pub fn step(self, forward: bool) -> ExportField {
        step_in(&ExportField::ALL, self, forward)
    }
}

/// The next (or previous) of `all` after `current`, wrapping.
pub fn step_in<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let n = all.len();
    let at = all.iter().position(|x| *x == current).unwrap_or(0);
    all[if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    }]
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportChoices {
    pub call: CallId,
    pub field: ExportField,
    pub format: Format,
    pub scope: ExportScope,
    /// True only once the officer said yes to the question.
    pub personal_data: bool,
    pub path: TextInput,
}

/// What each format is for, in the dialog.
pub fn format_label(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Xlsx => "XLSX — Excel, LibreOffice",
        Format::Ods => lang.pick(
            "ODS — format ouvert (LibreOffice)",
            "ODS — open format (LibreOffice)",
        ),
        Format::Csv => lang.pick("CSV — virgule, point décimal", "CSV — comma, decimal point"),
        Format::CsvExcel => lang.pick(
            "CSV pour Excel — point-virgule, virgule décimale",
            "CSV for Excel — semicolon, decimal comma",
        ),
        Format::Html => lang.pick("HTML — dossier imprimable", "HTML — printable pack"),
        Format::Markdown => "Markdown",
        Format::Json => lang.pick("JSON — pour d’autres outils", "JSON — for other tools"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_choices_cycle_both_ways() {
        assert_eq!(ExportField::Path.step(true), ExportField::Format);
        assert_eq!(ExportField::Format.step(false), ExportField::Path);
        assert_eq!(
            step_in(&ExportScope::ALL, ExportScope::Selected, true),
            ExportScope::Shortlist
        );
        assert_eq!(step_in(&Format::ALL, Format::Xlsx, false), Format::Json);
    }
}
