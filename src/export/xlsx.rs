//! XLSX writer (rust_xlsxwriter): one sheet per part, frozen header row, autofilter, column
//! widths, native number formats. Format codes use Excel's locale-neutral syntax (`,` groups
//! thousands, `.` marks decimals): a French Excel shows `#,##0 "€"` as `30 000 €`.
//!
//! Text is always written with `write_string`, so nothing a candidate typed can become a
//! formula; it was neutralised as well (see `neutralise`) in case someone edits the cell.

use crate::export::sheet::{Cell, Sheet};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// Excel refuses longer strings in a cell.
const MAX_CELL_CHARS: usize = 32_767;

struct Formats {
    header: Format,
    text: Format,
    money: Format,
    money_cents: Format,
    surface: Format,
    surface_decimal: Format,
    date: Format,
    datetime: Format,
    integer: Format,
    one_decimal: Format,
    two_decimals: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Self {
        let top = || Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_border_bottom(FormatBorder::Thin)
                .set_background_color("#E7E6E6"),
            text: top().set_text_wrap(),
            money: top().set_num_format("#,##0 \"€\""),
            money_cents: top().set_num_format("#,##0.00 \"€\""),
            surface: top().set_num_format("#,##0 \"m²\""),
            surface_decimal: top().set_num_format("#,##0.0 \"m²\""),
            date: top().set_num_format("dd/mm/yyyy"),
            datetime: top().set_num_format("dd/mm/yyyy hh:mm"),
            integer: top().set_num_format("0"),
            one_decimal: top().set_num_format("0.0"),
            two_decimals: top().set_num_format("0.00"),
            percent: top().set_num_format("0 %"),
        }
    }
}

/// The workbook, as bytes.
pub fn write(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name)?;
        fill(worksheet, sheet, &formats)?;
    }
    workbook.save_to_buffer()
}

fn fill(worksheet: &mut Worksheet, sheet: &Sheet, formats: &Formats) -> Result<(), XlsxError> {
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = col_num(c);
        worksheet.write_string_with_format(0, c, &column.title, &formats.header)?;
        worksheet.set_column_width(c, column.width)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            write_cell(worksheet, r, col_num(c), cell, formats)?;
        }
    }
    worksheet.set_freeze_panes(1, 0)?;
    if !sheet.columns.is_empty() {
        let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
        worksheet.autofilter(0, 0, last_row, col_num(sheet.columns.len() - 1))?;
    }
    Ok(())
}

fn col_num(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(text) => {
            ws.write_string_with_format(row, col, truncate(text), &f.text)?;
        }
        Cell::Money(m) => {
            let format = if m.amount().fract().is_zero() {
                &f.money
            } else {
                &f.money_cents
            };
            ws.write_number_with_format(row, col, m.amount().to_f64().unwrap_or(0.0), format)?;
        }
        Cell::Surface(s) => {
            let format = if s.value().fract() == 0.0 {
                &f.surface
            } else {
                &f.surface_decimal
            };
            ws.write_number_with_format(row, col, s.value(), format)?;
        }
        Cell::Date(d) => match excel_date(*d) {
            Some(date) => {
                ws.write_datetime_with_format(row, col, date, &f.date)?;
            }
            None => {
                ws.write_string_with_format(row, col, d.to_string(), &f.text)?;
            }
        },
        Cell::DateTime(dt) => match excel_datetime(*dt) {
            Some(date) => {
                ws.write_datetime_with_format(row, col, date, &f.datetime)?;
            }
            None => {
                ws.write_string_with_format(row, col, dt.to_string(), &f.text)?;
            }
        },
        Cell::Number { value, decimals } => {
            let format = match decimals {
                0 => &f.integer,
                1 => &f.one_decimal,
                _ => &f.two_decimals,
            };
            ws.write_number_with_format(row, col, *value, format)?;
        }
        Cell::Integer(n) => {
            // Counts and ranks: far below 2^53, exact as f64.
            ws.write_number_with_format(row, col, *n as f64, &f.integer)?;
        }
        Cell::Percent(p) => {
            ws.write_number_with_format(row, col, *p, &f.percent)?;
        }
    }
    Ok(())
}

fn truncate(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// Excel dates run from 1900 to 9999; anything else is written as text.
fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(
        year,
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
}

fn excel_datetime(dt: NaiveDateTime) -> Option<ExcelDateTime> {
    let hour = u16::try_from(dt.hour()).ok()?;
    let minute = u8::try_from(dt.minute()).ok()?;
    excel_date(dt.date())?
        .and_hms(hour, minute, f64::from(dt.second()))
        .ok()
}
