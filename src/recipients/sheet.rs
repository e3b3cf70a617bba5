//! Workbooks (`.xlsx`, `.xls`, `.ods`, …) read with calamine: the first
//! sheet or the one named, numbers, dates and empty cells as the workbook
//! stores them written out as text, each cell named as its user sees it.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Sheets};
use chrono::{Duration, NaiveDate};

use super::table::{Cell, Place, Table};
use crate::error::{Diagnostic, Error, Result, SheetCell};
use crate::input;
use crate::misspelling::{self, Near};

/// Reads the sheet `name`, or the first, into a table.
pub(super) fn read(path: &Path, name: Option<&str>) -> Result<Table> {
    let bytes = input::read(path, input::WORKBOOK).map_err(|refusal| refusal.into_error(path))?;
    let unreadable = |error: calamine::Error| {
        Error::invalid(
            Diagnostic::error(format!("this spreadsheet cannot be read: {error}"))
                .in_file(path)
                .hint("save it again from the spreadsheet program, as .xlsx or .ods"),
        )
    };
    let mut workbook = open(path, Cursor::new(bytes)).map_err(|error| match error {
        calamine::Error::Io(io) => Error::read(path, io),
        other => unreadable(other),
    })?;
    let names = workbook.sheet_names();
    let sheet = match name {
        Some(name) => names
            .iter()
            .find(|n| n.as_str() == name)
            .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(name)))
            .cloned()
            .ok_or_else(|| {
                let mut diagnostic =
                    Diagnostic::error(format!("the workbook has no sheet `{name}`")).in_file(path);
                if let Some(hint) = misspelling::hint(name, &names, Near::Word) {
                    diagnostic = diagnostic.hint(hint);
                }
                Error::invalid(diagnostic.hint(format!("its sheets are: {}", names.join(", "))))
            })?,
        None => names.first().cloned().ok_or_else(|| {
            Error::invalid(Diagnostic::error("the workbook has no sheet").in_file(path))
        })?,
    };
    let range = workbook.worksheet_range(&sheet).map_err(unreadable)?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let place = |row: usize, column: usize| {
        Place::Sheet(SheetCell {
            sheet: sheet.clone(),
            row: first_row + row as u32 + 1,
            column: first_column + column as u32,
        })
    };
    let mut rows = range.rows().enumerate().map(|(row, cells)| {
        cells
            .iter()
            .enumerate()
            .map(|(column, data)| {
                let (text, error) = text(data);
                Cell {
                    text,
                    place: place(row, column),
                    error,
                }
            })
            .collect::<Vec<_>>()
    });
    let Some(header) = rows.next() else {
        return Err(Error::invalid(
            Diagnostic::error(format!("the sheet `{sheet}` is empty"))
                .in_file(path)
                .hint("the first row names the columns: code, name_fr, name_en, language"),
        ));
    };
    let rows = rows
        .filter(|row| {
            row.iter()
                .any(|c| !c.text.trim().is_empty() || c.error.is_some())
        })
        .collect();
    Ok(Table {
        file: path.to_owned(),
        header,
        rows,
    })
}

/// The workbook of `bytes`, of the format the extension of `path` says (in
/// any case), or of the first format it can be read as.
fn open(path: &Path, bytes: Cursor<Vec<u8>>) -> Result<Sheets<Cursor<Vec<u8>>>, calamine::Error> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    Ok(match extension.as_str() {
        "xls" | "xla" => Sheets::Xls(calamine::open_workbook_from_rs(bytes)?),
        "xlsx" | "xlsm" | "xlam" => Sheets::Xlsx(calamine::open_workbook_from_rs(bytes)?),
        "xlsb" => Sheets::Xlsb(calamine::open_workbook_from_rs(bytes)?),
        "ods" => Sheets::Ods(calamine::open_workbook_from_rs(bytes)?),
        _ => calamine::open_workbook_auto_from_rs(bytes)?,
    })
}

/// A cell's value as its text, and the error it holds, if it does.
fn text(data: &Data) -> (String, Option<String>) {
    let text = match data {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) => number(*x),
        Data::Bool(true) => "TRUE".into(),
        Data::Bool(false) => "FALSE".into(),
        Data::DateTime(date) if date.is_datetime() => serial_date(date.as_f64()),
        Data::DateTime(duration) => number(duration.as_f64()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(error) => return (String::new(), Some(error.to_string())),
    };
    (text, None)
}

/// A number as a spreadsheet shows it by default: `2`, not `2.0`.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        x.to_string()
    }
}

/// A date stored as days since 1899-12-30 (as Excel and LibreOffice store
/// them), as `2026-03-01`, with the time when it has one.
fn serial_date(serial: f64) -> String {
    let days = serial.floor();
    let seconds = ((serial - days) * 86_400.0).round() as i64;
    let Some(date) = NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|epoch| epoch.checked_add_signed(Duration::try_days(days as i64)?))
    else {
        return number(serial);
    };
    if seconds == 0 {
        date.format("%Y-%m-%d").to_string()
    } else {
        format!(
            "{} {:02}:{:02}",
            date.format("%Y-%m-%d"),
            seconds / 3600,
            seconds % 3600 / 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_dates_and_errors_read_as_a_spreadsheet_shows_them() {
        assert_eq!(text(&Data::Float(2.0)).0, "2");
        assert_eq!(text(&Data::Float(2.5)).0, "2.5");
        assert_eq!(text(&Data::Int(10017)).0, "10017");
        assert_eq!(text(&Data::Empty).0, "");
        assert_eq!(serial_date(46082.0), "2026-03-01");
        assert_eq!(serial_date(46082.5), "2026-03-01 12:00");
        let (text, error) = text(&Data::Error(calamine::CellErrorType::NA));
        assert_eq!((text.as_str(), error.as_deref()), ("", Some("#N/A")));
    }
}
