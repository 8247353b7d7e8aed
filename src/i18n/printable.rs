//! Stored text made safe to show on a terminal. Names, motivations, notes and file names come
//! from applicants, officers and the file system: a stray `ESC` would let them retitle the
//! window (`\e]0;…\a`), clear the screen (`\e[2J`) or reorder the line (bidi overrides). What is
//! shown is escaped; what is stored keeps what was typed.
//!
//! - C0 controls show as their Unicode control picture (`␛`, `␇`, `␀`: one column each, so
//!   tables stay aligned); DEL as `␡`.
//! - C1 controls (U+0080–U+009F, `U+009B` is a one-byte CSI), bidi embeddings, overrides and
//!   isolates, and the Unicode line and paragraph separators show as `\u{…}`.
//! - A tab is a space. A line break is `␤` in [`printable`] (one line: a table cell, a name in
//!   a heading) and stays a line break in [`printable_lines`] (a multi-line note), where a
//!   carriage return before it is dropped (CRLF).

use std::borrow::Cow;

/// `text` on one line, every control character and escape sequence shown, not obeyed.
pub fn printable(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Like [`printable`], but line breaks (LF, CRLF) stay line breaks.
pub fn printable_lines(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// True for a character a terminal would obey rather than show.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let Some(first) = text.find(is_unsafe) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if keep_lines => out.push('\n'),
            '\r' if keep_lines && chars.peek() == Some(&'\n') => {}
            '\t' => out.push(' '),
            '\n' => out.push('\u{2424}'),
            c if u32::from(c) < 0x20 => {
                out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'))
            }
            '\u{7f}' => out.push('\u{2421}'),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            printable("Atelier « Cendre bleue » — 30 000 €"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        assert_eq!(
            printable("\u{1b}]0;pwned\u{7}Nom\u{1b}[2J"),
            "␛]0;pwned␇Nom␛[2J"
        );
        assert_eq!(printable("a\u{9b}31mb"), "a\\u{9b}31mb");
        assert_eq!(printable("\u{202e}cba"), "\\u{202e}cba");
        assert_eq!(printable("x\u{0}y\u{7f}"), "x␀y␡");
    }

    #[test]
    fn line_breaks_one_line_or_kept() {
        assert_eq!(printable("Atelier\nCendre\tbleue"), "Atelier␤Cendre bleue");
        assert_eq!(
            printable_lines("ligne 1\r\nligne 2\n\u{1b}[2J"),
            "ligne 1\nligne 2\n␛[2J"
        );
        assert_eq!(printable_lines("a\rb"), "a␍b");
    }

    proptest! {
        #[test]
        fn nothing_unsafe_survives(text in any::<String>()) {
            prop_assert!(!printable(&text).chars().any(is_unsafe));
            let lines = printable_lines(&text);
            prop_assert!(!lines.chars().any(|c| c != '\n' && is_unsafe(c)));
        }

        #[test]
        fn line_count_is_kept(text in "[a-z\\n\\r\\u{1b}]{0,40}") {
            let lines = printable_lines(&text);
            prop_assert_eq!(lines.matches('\n').count(), text.matches('\n').count());
            prop_assert!(!printable(&text).contains('\n'));
        }

        #[test]
        fn safe_text_is_unchanged(text in "[^\\p{Cc}\\u{200e}\\u{200f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}\\u{2028}\\u{2029}]*") {
            prop_assert_eq!(printable(&text), text.as_str());
        }
    }
}
