//! Formula-injection neutralisation for text that ends up in a spreadsheet cell (CSV, XLSX,
//! ODS): an applicant named `=HYPERLINK("http://x","clic")` must come back as text, never run.
//!
//! The rule (OWASP « CSV Injection »): a text whose first character after any leading spaces
//! is `=`, `+`, `-`, `@`, a tab, a carriage return, a line feed or NUL gets a single quote `'`
//! in front of it. The quote is the character spreadsheets themselves use to say "this is
//! text", it is visible (the jury sees the text was altered, nothing is hidden) and nothing of
//! the original is lost: removing the first `'` gives it back. Leading spaces are kept after the
//! quote, so ` =1+1` becomes `' =1+1` (some spreadsheets trim before parsing).
//!
//! Only text goes through here: numbers, amounts and dates the program writes itself are typed
//! cells and are never touched, so `-12` as a number stays a number.

/// The first characters that make a spreadsheet read a cell as a formula or split it.
const TRIGGERS: [char; 8] = ['=', '+', '-', '@', '\t', '\r', '\n', '\0'];

/// Leading characters skipped before looking for a trigger: white space other than the tab,
/// CR and LF (which are triggers themselves).
fn is_skipped(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\t' | '\r' | '\n')
}

/// True when `text` would be read as a formula (or split) by a spreadsheet.
pub fn is_dangerous(text: &str) -> bool {
    text.chars()
        .find(|&c| !is_skipped(c))
        .is_some_and(|c| TRIGGERS.contains(&c))
}

/// `text` unchanged when safe, else `'` followed by `text`.
pub fn neutralise(text: &str) -> String {
    if is_dangerous(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn examples() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\",\"clic\")"),
            "'=HYPERLINK(\"http://x\",\"clic\")"
        );
        assert_eq!(neutralise("  +33 1 23"), "'  +33 1 23");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise(" \r\nx"), "' \r\nx");
        assert_eq!(neutralise("\0"), "'\0");
        assert_eq!(neutralise("\u{a0}=1"), "'\u{a0}=1");
        assert_eq!(neutralise("La Recyclerie"), "La Recyclerie");
        assert_eq!(neutralise("a=b"), "a=b");
        assert_eq!(neutralise(""), "");
        assert_eq!(neutralise("   "), "   ");
        assert_eq!(neutralise("'=déjà neutre"), "'=déjà neutre");
    }

    fn any_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("=".to_owned()),
            Just("+".to_owned()),
            Just("-".to_owned()),
            Just("@".to_owned()),
            Just("\t".to_owned()),
            Just("\r".to_owned()),
            Just("\n".to_owned()),
            Just("\0".to_owned()),
            Just(" ".to_owned()),
            Just("\u{a0}".to_owned()),
            Just("'".to_owned()),
            "[a-zA-Zé0-9(),\"]{0,4}",
        ];
        prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
    }

    proptest! {
        /// Whatever the input, the output never starts (after spaces) with a trigger.
        #[test]
        fn output_is_never_dangerous(text in any_text()) {
            prop_assert!(!is_dangerous(&neutralise(&text)));
        }

        /// Nothing is lost: the output is the input, or a quote followed by the input.
        #[test]
        fn nothing_is_lost(text in any_text()) {
            let out = neutralise(&text);
            prop_assert!(out == text || out.strip_prefix('\'') == Some(text.as_str()));
            prop_assert_eq!(out == text, !is_dangerous(&text));
        }

        /// Neutralising twice changes nothing more.
        #[test]
        fn idempotent(text in any_text()) {
            let once = neutralise(&text);
            prop_assert_eq!(neutralise(&once), once);
        }
    }
}
