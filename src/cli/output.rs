//! Everything a command prints goes through here, for two reasons.
//!
//! - Stored text (names, motivations, notes, file names) is shown, never obeyed: control
//!   characters and escape sequences are escaped by `i18n::printable_lines`.
//! - Printing can fail. A closed pipe (`ancrage rank … | head -1`) ends the command quietly with
//!   exit 0, as `ls | head` does; any other write error (`> /dev/full`) is one line on stderr
//!   and exit 1 — never a panic (Rust's `println!` panics on both).

use super::failure::Failure;
use crate::i18n::{Lang, NBSP, printable_lines};
use std::io::{self, Write};

/// Writes `text` to standard output as it is (plus nothing): the caller adds line breaks.
pub fn print(text: &str, lang: Lang) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(printable_lines(text).as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| write_failure(&e, lang))
}

/// `text` and a line break on standard output.
pub fn println(text: &str, lang: Lang) -> Result<(), Failure> {
    let mut line = String::with_capacity(text.len() + 1);
    line.push_str(text);
    line.push('\n');
    print(&line, lang)
}

/// Raw bytes on standard output (`export -o -`: the file itself, not text to escape).
pub fn write_bytes(bytes: &[u8], lang: Lang) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| write_failure(&e, lang))
}

/// `text` and a line break on standard error. A failure to write there has nowhere left to be
/// reported: it is ignored rather than turned into a panic.
pub fn eprintln(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err
        .write_all(printable_lines(text).as_bytes())
        .and_then(|()| err.write_all(b"\n"));
}

/// What a failed write on standard output means for the command.
pub fn write_failure(error: &io::Error, lang: Lang) -> Failure {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return Failure::quiet();
    }
    Failure::new(match lang {
        Lang::Fr => {
            format!("ancrage{NBSP}: écriture sur la sortie standard impossible{NBSP}: {error}")
        }
        Lang::En => format!("ancrage: cannot write to standard output: {error}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_pipe_is_quiet_other_errors_are_said() {
        let quiet = write_failure(&io::Error::from(io::ErrorKind::BrokenPipe), Lang::Fr);
        assert_eq!(quiet.code, 0);
        assert!(quiet.message.is_empty());
        let full = write_failure(&io::Error::from_raw_os_error(28), Lang::En);
        assert_eq!(full.code, 1);
        assert!(
            full.message
                .starts_with("ancrage: cannot write to standard output: ")
        );
        assert!(!full.message.contains('\n'));
    }
}
