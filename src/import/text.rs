//! Applicant text as stored: as written (formula-looking text included, neutralised at export),
//! except control characters and terminal escape sequences, which have no meaning in a name or
//! a description and must never reach the screen. Line breaks and tabs stay; CRLF becomes LF.

use crate::i18n::is_unsafe;

/// The text cleaned, and whether anything was removed (a warning for the officer).
pub fn clean(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            '\n' | '\t' => out.push(c),
            // ESC [ … final byte (CSI), ESC ] … BEL or ESC \ (OSC), or ESC and one char.
            '\u{1b}' => {
                removed = true;
                match chars.next() {
                    Some('[') => {
                        for next in chars.by_ref() {
                            if ('\u{40}'..='\u{7e}').contains(&next) {
                                break;
                            }
                        }
                    }
                    Some(']') => {
                        while let Some(next) = chars.next() {
                            if next == '\u{7}'
                                || (next == '\u{1b}' && chars.next_if_eq(&'\\').is_some())
                            {
                                break;
                            }
                        }
                    }
                    _ => {}
                }
            }
            // Other controls, and the bidi overrides that would reorder what is shown.
            c if is_unsafe(c) => removed = true,
            c => out.push(c),
        }
    }
    (out, removed)
}

/// A single-line value (a name, an email): line breaks and tabs become spaces.
pub fn clean_line(text: &str) -> (String, bool) {
    let (text, removed) = clean(text);
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (line, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_controls_go_line_breaks_stay() {
        assert_eq!(
            clean("a\u{1b}[31mrouge\u{1b}[0m"),
            ("arouge".to_owned(), true)
        );
        assert_eq!(
            clean("titre\u{1b}]0;pwned\u{7}x"),
            ("titrex".to_owned(), true)
        );
        assert_eq!(clean("l1\r\nl2\u{0}"), ("l1\nl2".to_owned(), true));
        assert_eq!(clean("=SOMME(A1)"), ("=SOMME(A1)".to_owned(), false));
        assert_eq!(
            clean_line(" Les  Copeaux\nVolants "),
            ("Les Copeaux Volants".to_owned(), false)
        );
    }
}
