//! French values as officers and applicants type them, each parser pure: a cell's text in, a
//! typed value or what was expected out. Empty cells never reach these parsers (the row
//! builder treats them as absent).

pub mod boolean;
pub mod choices;
pub mod city;
pub mod date;
pub mod duration;
pub mod number;
pub mod siret;
pub mod surface;
pub mod taxonomy;

/// The cell without spaces of any kind (regular, non-breaking, narrow, thin), as thousands
/// separators and units are written with all of them.
pub fn without_spaces(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !is_space(*c))
        .collect()
}

/// Spaces `char::is_whitespace` does not know as such in every position (NBSP is, but the
/// narrow no-break space of French thousands is worth naming).
fn is_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}
