//! Bytes to text: UTF-8 with or without BOM, UTF-16 with a BOM (Excel's « texte Unicode »),
//! otherwise Windows-1252 — what Excel on a French Windows writes when it re-saves a CSV
//! (« CSV (séparateur : point-virgule) »), where characters outside that code page already
//! became `?` and cannot be recovered.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use serde::Serialize;

/// How the file was encoded, said in the report so the officer knows what was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16,
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16 => "UTF-16",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of `bytes` and the encoding it was read with. Never fails: every byte sequence is
/// valid Windows-1252 (encoding_rs maps the five undefined bytes to C1 controls).
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8Bom,
        );
    }
    if bytes.starts_with(b"\xFF\xFE") {
        let (text, _, _) = UTF_16LE.decode(bytes);
        return (text.into_owned(), Encoding::Utf16);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        let (text, _, _) = UTF_16BE.decode(bytes);
        return (text.into_owned(), Encoding::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), Encoding::Windows1252)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Pré".as_bytes()), ("Pré".to_owned(), Encoding::Utf8));
        assert_eq!(
            decode(b"\xEF\xBB\xBFPr\xC3\xA9"),
            ("Pré".to_owned(), Encoding::Utf8Bom)
        );
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        // « Pré-Saint-Gervais ; 12 000 € » as Excel writes it on a French Windows.
        let bytes = b"Pr\xE9-Saint-Gervais;12\xA0000 \x80";
        assert_eq!(
            decode(bytes),
            (
                "Pré-Saint-Gervais;12\u{a0}000 €".to_owned(),
                Encoding::Windows1252
            )
        );
    }

    #[test]
    fn utf16_with_bom() {
        let bytes = b"\xFF\xFEP\x00r\x00\xE9\x00";
        assert_eq!(decode(bytes), ("Pré".to_owned(), Encoding::Utf16));
    }
}
