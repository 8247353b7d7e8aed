//! ODS writer (OpenDocument spreadsheet, the format French public bodies are asked to prefer),
//! written by hand as a zip: `mimetype` first and stored uncompressed (so `file` and office
//! suites recognise it), `META-INF/manifest.xml`, `content.xml` with one `table:table` per
//! part, `settings.xml` to freeze the header row of every sheet.
//!
//! Cells are typed: `currency` in EUR, `float`, `percentage`, `date`, `string`. Each carries its
//! French display text as well, so a reader that ignores number styles still shows `30 000 €`.
//! Every sheet gets an autofilter on its header row (a `table:database-range`).
//!
//! Written by hand rather than with the `spreadsheet-ods` crate: the subset needed is small and
//! the `zip` crate it needs is already built for rust_xlsxwriter.

use crate::domain::Money;
use crate::export::sheet::{Cell, Sheet};
use crate::i18n::{self, Lang};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Cursor, Write};
use zip::CompressionMethod;
use zip::result::ZipError;
use zip::write::SimpleFileOptions;

const MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

const NS: &str = concat!(
    r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
    r#"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#,
    r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#,
    r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
    r#"xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" "#,
    r#"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" "#,
    r#"office:version="1.2""#
);

/// Number formats and cell styles: French display (`30 000 €`, `45 m²`, `26/11/2026`).
const STYLES: &str = concat!(
    r#"<number:currency-style style:name="N_EUR"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text><number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol></number:currency-style>"#,
    r#"<number:currency-style style:name="N_EUR2"><number:number number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text><number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol></number:currency-style>"#,
    r#"<number:number-style style:name="N_M2"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/><number:text> m²</number:text></number:number-style>"#,
    r#"<number:number-style style:name="N_M2D"><number:number number:decimal-places="1" number:min-integer-digits="1" number:grouping="true"/><number:text> m²</number:text></number:number-style>"#,
    r#"<number:date-style style:name="N_DATE"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>"#,
    r#"<number:date-style style:name="N_DATETIME"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>"#,
    r#"<number:number-style style:name="N_0"><number:number number:decimal-places="0" number:min-integer-digits="1"/></number:number-style>"#,
    r#"<number:number-style style:name="N_1"><number:number number:decimal-places="1" number:min-integer-digits="1"/></number:number-style>"#,
    r#"<number:number-style style:name="N_2"><number:number number:decimal-places="2" number:min-integer-digits="1"/></number:number-style>"#,
    r#"<number:percentage-style style:name="N_PCT"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text> %</number:text></number:percentage-style>"#,
    r##"<style:style style:name="ce_head" style:family="table-cell"><style:table-cell-properties fo:background-color="#e7e6e6" fo:wrap-option="wrap" style:vertical-align="top"/><style:text-properties fo:font-weight="bold"/></style:style>"##,
    r#"<style:style style:name="ce_text" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style>"#,
    r#"<style:style style:name="ce_eur" style:family="table-cell" style:data-style-name="N_EUR"/>"#,
    r#"<style:style style:name="ce_eur2" style:family="table-cell" style:data-style-name="N_EUR2"/>"#,
    r#"<style:style style:name="ce_m2" style:family="table-cell" style:data-style-name="N_M2"/>"#,
    r#"<style:style style:name="ce_m2d" style:family="table-cell" style:data-style-name="N_M2D"/>"#,
    r#"<style:style style:name="ce_date" style:family="table-cell" style:data-style-name="N_DATE"/>"#,
    r#"<style:style style:name="ce_datetime" style:family="table-cell" style:data-style-name="N_DATETIME"/>"#,
    r#"<style:style style:name="ce_0" style:family="table-cell" style:data-style-name="N_0"/>"#,
    r#"<style:style style:name="ce_1" style:family="table-cell" style:data-style-name="N_1"/>"#,
    r#"<style:style style:name="ce_2" style:family="table-cell" style:data-style-name="N_2"/>"#,
    r#"<style:style style:name="ce_pct" style:family="table-cell" style:data-style-name="N_PCT"/>"#,
);

/// The document, as bytes.
pub fn write(sheets: &[Sheet], lang: Lang) -> Result<Vec<u8>, ZipError> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("mimetype", stored)?;
    zip.write_all(MIMETYPE.as_bytes())?;
    zip.start_file("META-INF/manifest.xml", deflated)?;
    zip.write_all(manifest().as_bytes())?;
    zip.start_file("content.xml", deflated)?;
    zip.write_all(content(sheets, lang).as_bytes())?;
    zip.start_file("settings.xml", deflated)?;
    zip.write_all(settings(sheets).as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

fn manifest() -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">"#,
            r#"<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="{}"/>"#,
            r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>"#,
            r#"<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>"#,
            r#"</manifest:manifest>"#
        ),
        MIMETYPE
    )
}

/// Column widths become column styles, one per distinct width.
fn column_style(width: f64) -> String {
    // About 0.2 cm per character of the default font, at least 1 cm.
    format!("co{}", (width.max(5.0) * 2.0).round() as u32)
}

fn content(sheets: &[Sheet], lang: Lang) -> String {
    let mut widths = BTreeMap::new();
    for sheet in sheets {
        for c in &sheet.columns {
            widths.insert(column_style(c.width), c.width.max(5.0) * 0.2);
        }
    }
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = write!(
        out,
        "<office:document-content {NS}><office:automatic-styles>"
    );
    for (name, cm) in &widths {
        let _ = write!(
            out,
            r#"<style:style style:name="{name}" style:family="table-column"><style:table-column-properties style:column-width="{cm:.2}cm"/></style:style>"#
        );
    }
    out.push_str(STYLES);
    out.push_str("</office:automatic-styles><office:body><office:spreadsheet>");
    for sheet in sheets {
        table(&mut out, sheet, lang);
    }
    out.push_str("<table:database-ranges>");
    for (i, sheet) in sheets.iter().enumerate() {
        if sheet.columns.is_empty() {
            continue;
        }
        let quoted = format!("'{}'", sheet.name.replace('\'', "''"));
        let _ = write!(
            out,
            r#"<table:database-range table:name="__Anonymous_Sheet_DB__{i}" table:target-range-address="{}.A1:{}.{}{}" table:display-filter-buttons="true"/>"#,
            escape(&quoted),
            escape(&quoted),
            column_letters(sheet.columns.len() - 1),
            sheet.rows.len() + 1
        );
    }
    out.push_str("</table:database-ranges>");
    out.push_str("</office:spreadsheet></office:body></office:document-content>");
    out
}

fn table(out: &mut String, sheet: &Sheet, lang: Lang) {
    let _ = write!(out, r#"<table:table table:name="{}">"#, escape(&sheet.name));
    for c in &sheet.columns {
        let _ = write!(
            out,
            r#"<table:table-column table:style-name="{}"/>"#,
            column_style(c.width)
        );
    }
    // Header row repeated on every printed page.
    out.push_str("<table:table-header-rows><table:table-row>");
    for c in &sheet.columns {
        out.push_str(r#"<table:table-cell table:style-name="ce_head" office:value-type="string">"#);
        paragraphs(out, &c.title);
        out.push_str("</table:table-cell>");
    }
    out.push_str("</table:table-row></table:table-header-rows>");
    for row in &sheet.rows {
        out.push_str("<table:table-row>");
        for cell in row {
            write_cell(out, cell, lang);
        }
        out.push_str("</table:table-row>");
    }
    out.push_str("</table:table>");
}

fn write_cell(out: &mut String, cell: &Cell, lang: Lang) {
    let typed = |out: &mut String,
                 style: &str,
                 kind: &str,
                 attr: &str,
                 value: &str,
                 shown: &str| {
        let _ = write!(
            out,
            r#"<table:table-cell table:style-name="{style}" office:value-type="{kind}" {attr}="{value}"><text:p>{}</text:p></table:table-cell>"#,
            escape(shown)
        );
    };
    match cell {
        Cell::Empty => out.push_str("<table:table-cell/>"),
        Cell::Text(text) => {
            out.push_str(
                r#"<table:table-cell table:style-name="ce_text" office:value-type="string">"#,
            );
            paragraphs(out, text);
            out.push_str("</table:table-cell>");
        }
        Cell::Money(m) => {
            let style = if m.amount().fract().is_zero() {
                "ce_eur"
            } else {
                "ce_eur2"
            };
            let _ = write!(
                out,
                r#"<table:table-cell table:style-name="{style}" office:value-type="currency" office:currency="EUR" office:value="{}"><text:p>{}</text:p></table:table-cell>"#,
                money_value(*m),
                escape(&i18n::money(*m, lang))
            );
        }
        Cell::Surface(s) if s.value().is_finite() => {
            let style = if s.value().fract() == 0.0 {
                "ce_m2"
            } else {
                "ce_m2d"
            };
            let shown = i18n::surface(*s, lang);
            typed(
                out,
                style,
                "float",
                "office:value",
                &s.value().to_string(),
                &shown,
            );
        }
        Cell::Number { value, decimals } if value.is_finite() => {
            let style = match decimals {
                0 => "ce_0",
                1 => "ce_1",
                _ => "ce_2",
            };
            let shown = i18n::fixed(*value, u32::from(*decimals).min(2), lang);
            typed(
                out,
                style,
                "float",
                "office:value",
                &value.to_string(),
                &shown,
            );
        }
        Cell::Integer(n) => {
            typed(
                out,
                "ce_0",
                "float",
                "office:value",
                &n.to_string(),
                &n.to_string(),
            );
        }
        Cell::Percent(p) if p.is_finite() => {
            let shown = i18n::percent(*p, lang);
            typed(
                out,
                "ce_pct",
                "percentage",
                "office:value",
                &p.to_string(),
                &shown,
            );
        }
        Cell::Date(d) => {
            let value = d.format("%Y-%m-%d").to_string();
            typed(
                out,
                "ce_date",
                "date",
                "office:date-value",
                &value,
                &i18n::date(*d, lang),
            );
        }
        Cell::DateTime(dt) => {
            let value = dt.format("%Y-%m-%dT%H:%M:%S").to_string();
            let shown = format!("{} {}", i18n::date(dt.date(), lang), dt.format("%H:%M"));
            typed(
                out,
                "ce_datetime",
                "date",
                "office:date-value",
                &value,
                &shown,
            );
        }
        // Non-finite figures (never produced by the report): an empty cell, not "NaN".
        Cell::Surface(_) | Cell::Number { .. } | Cell::Percent(_) => {
            out.push_str("<table:table-cell/>");
        }
    }
}

fn money_value(m: Money) -> String {
    m.amount().normalize().to_string()
}

/// Text as paragraphs (one per line); runs of spaces and tabs spelled out, since ODF collapses
/// white space in `text:p`.
fn paragraphs(out: &mut String, text: &str) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for line in text.split('\n') {
        out.push_str("<text:p>");
        let mut spaces = 0usize;
        let flush = |out: &mut String, spaces: &mut usize, at_start: bool| {
            if *spaces == 0 {
                return;
            }
            // One plain space is kept as is, except at the start of the paragraph.
            let (plain, extra) = if at_start {
                (0, *spaces)
            } else {
                (1, *spaces - 1)
            };
            if plain == 1 {
                out.push(' ');
            }
            if extra > 0 {
                let _ = write!(out, r#"<text:s text:c="{extra}"/>"#);
            }
            *spaces = 0;
        };
        let mut at_start = true;
        for c in line.chars() {
            match c {
                ' ' => spaces += 1,
                '\t' => {
                    flush(out, &mut spaces, at_start);
                    out.push_str("<text:tab/>");
                    at_start = false;
                }
                _ => {
                    flush(out, &mut spaces, at_start);
                    push_escaped(out, c);
                    at_start = false;
                }
            }
        }
        flush(out, &mut spaces, at_start);
        out.push_str("</text:p>");
    }
}

/// Escapes for XML; characters XML 1.0 cannot carry at all (NUL and other C0 controls) become
/// U+FFFD, visibly.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\t' | '\n' | '\r' => out.push(c),
        c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
        c => out.push(c),
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

/// `A`, …, `Z`, `AA`, … for a 0-based column index.
fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Freezes the first row of every sheet (LibreOffice's view settings; other readers ignore it).
fn settings(sheets: &[Sheet]) -> String {
    let item = |name: &str, kind: &str, value: &str| {
        format!(
            r#"<config:config-item config:name="{name}" config:type="{kind}">{value}</config:config-item>"#
        )
    };
    let mut tables = String::new();
    for sheet in sheets {
        let _ = write!(
            tables,
            r#"<config:config-item-map-entry config:name="{}">{}{}{}{}{}{}{}</config:config-item-map-entry>"#,
            escape(&sheet.name),
            item("HorizontalSplitMode", "short", "0"),
            item("VerticalSplitMode", "short", "2"),
            item("HorizontalSplitPosition", "int", "0"),
            item("VerticalSplitPosition", "int", "1"),
            item("ActiveSplitRange", "short", "2"),
            item("PositionTop", "int", "0"),
            item("PositionBottom", "int", "1"),
        );
    }
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            r#"<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.2">"#,
            r#"<office:settings><config:config-item-set config:name="ooo:view-settings">"#,
            r#"<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>"#,
            r#"<config:config-item config:name="ViewId" config:type="string">view1</config:config-item>"#,
            r#"<config:config-item-map-named config:name="Tables">{}</config:config-item-map-named>"#,
            r#"</config:config-item-map-entry></config:config-item-map-indexed>"#,
            r#"</config:config-item-set></office:settings></office:document-settings>"#
        ),
        tables
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn spaces_survive_and_markup_is_escaped() {
        let mut out = String::new();
        paragraphs(&mut out, "  a   <b>&\nc\0");
        assert_eq!(
            out,
            "<text:p><text:s text:c=\"2\"/>a <text:s text:c=\"2\"/>&lt;b&gt;&amp;</text:p><text:p>c\u{fffd}</text:p>"
        );
    }

    #[test]
    fn mimetype_comes_first_uncompressed() {
        let bytes = write(&[], Lang::Fr).unwrap();
        // Local file header: name at offset 30, compression method (0 = stored) at offset 8.
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(&bytes[8..10], &[0, 0]);
        assert_eq!(&bytes[38..38 + MIMETYPE.len()], MIMETYPE.as_bytes());
    }
}
