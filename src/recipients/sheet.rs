//! Workbooks (`.xlsx`, `.xls`, `.ods`, …) read with calamine: the first
//! sheet or the one named, numbers, dates and empty cells as the workbook
//! stores them written out as text, each cell named as its user sees it.

use std::borrow::Cow;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataRef, Reader, Sheets};
use chrono::{Duration, NaiveDate};

use super::{List, Tally};
use crate::error::{Diagnostic, Error, Result};
use crate::input;
use crate::misspelling::{self, Near};

mod grid;
mod ods;
mod parts;

use self::grid::Grid;

/// Reads the sheet `name`, or the first, into a table, within the limits of
/// a list: each part of the workbook is measured before it is unpacked, and
/// each cell as it is read.
pub(super) fn read(path: &Path, name: Option<&str>, tally: &mut Tally) -> Result<List> {
    if matches!(extension(path).as_str(), "xls" | "xla") {
        // calamine reads every sheet of an .xls into its whole grid as it
        // opens it, reserving room for the cells its DIMENSIONS record
        // declares: a few bytes can ask for gigabytes, or end the process.
        return Err(Error::invalid(
            Diagnostic::error(
                "an .xls workbook (Excel 97–2003) is not read: its format lets a few bytes declare a grid of gigabytes",
            )
            .in_file(path)
            .hint("save the list as .xlsx (Excel: File › Save As › Excel Workbook) or .ods, or as CSV"),
        ));
    }
    let bytes = input::read(path, input::WORKBOOK).map_err(|refusal| refusal.into_error(path))?;
    parts::check(path, &bytes)?;
    if extension(path) == "ods" {
        ods::check(path, &bytes)?;
    }
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
    let sheet = choose(path, &workbook.sheet_names(), name)?;
    let mut grid = Grid::new(path, &sheet);
    match &mut workbook {
        // Cell by cell: a range is the whole grid from the first cell to
        // the last, however far apart they are.
        Sheets::Xlsx(xlsx) => {
            let mut cells = xlsx
                .worksheet_cells_reader(&sheet)
                .map_err(|e| unreadable(e.into()))?;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable(e.into()))? {
                let (row, column) = cell.get_position();
                keep(&mut grid, row, column, text_ref(cell.get_value()))?;
            }
        }
        Sheets::Xlsb(xlsb) => {
            let mut cells = xlsb
                .worksheet_cells_reader(&sheet)
                .map_err(|e| unreadable(e.into()))?;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable(e.into()))? {
                let (row, column) = cell.get_position();
                keep(&mut grid, row, column, text_ref(cell.get_value()))?;
            }
        }
        // An .ods was measured before it was read.
        workbook => {
            let range = workbook.worksheet_range(&sheet).map_err(unreadable)?;
            let (top, left) = range.start().unwrap_or((0, 0));
            for (row, column, data) in range.used_cells() {
                let (row, column) = (top + row as u32, left + column as u32);
                keep(&mut grid, row, column, text(data))?;
            }
        }
    }
    grid.records(tally)
}

/// Keeps a cell that holds something.
fn keep(
    grid: &mut Grid,
    row: u32,
    column: u32,
    (text, error): (Cow<str>, Option<String>),
) -> Result<()> {
    if text.is_empty() && error.is_none() {
        return Ok(());
    }
    grid.push(row, column, text, error)
}

/// The sheet named `name` (in any case), or the first.
fn choose(path: &Path, names: &[String], name: Option<&str>) -> Result<String> {
    match name {
        Some(name) => names
            .iter()
            .find(|n| n.as_str() == name)
            .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(name)))
            .cloned()
            .ok_or_else(|| {
                let mut diagnostic =
                    Diagnostic::error(format!("the workbook has no sheet `{name}`")).in_file(path);
                if let Some(hint) = misspelling::hint(name, names, Near::Word) {
                    diagnostic = diagnostic.hint(hint);
                }
                Error::invalid(diagnostic.hint(format!("its sheets are: {}", names.join(", "))))
            }),
        None => names.first().cloned().ok_or_else(|| {
            Error::invalid(Diagnostic::error("the workbook has no sheet").in_file(path))
        }),
    }
}

/// The extension of `path`, in lower case.
fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The workbook of `bytes`, of the format the extension of `path` says (in
/// any case), or of the first format it can be read as.
fn open(path: &Path, bytes: Cursor<Vec<u8>>) -> Result<Sheets<Cursor<Vec<u8>>>, calamine::Error> {
    Ok(match extension(path).as_str() {
        "xlsx" | "xlsm" | "xlam" => Sheets::Xlsx(calamine::open_workbook_from_rs(bytes)?),
        "xlsb" => Sheets::Xlsb(calamine::open_workbook_from_rs(bytes)?),
        "ods" => Sheets::Ods(calamine::open_workbook_from_rs(bytes)?),
        _ => calamine::open_workbook_auto_from_rs(bytes)?,
    })
}

/// A cell's value as its text, and the error it holds, if it does.
fn text(data: &Data) -> (Cow<'_, str>, Option<String>) {
    let text = match data {
        Data::Empty => Cow::Borrowed(""),
        Data::String(text) => Cow::Borrowed(text.as_str()),
        Data::Int(n) => n.to_string().into(),
        Data::Float(x) => number(*x).into(),
        Data::Bool(b) => boolean(*b).into(),
        Data::DateTime(date) => date_time(date).into(),
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cow::Borrowed(text.as_str()),
        Data::Error(error) => return (Cow::Borrowed(""), Some(error.to_string())),
    };
    (text, None)
}

/// A cell's value as [`text`] gives it, from a cell read on its own: a
/// shared string is borrowed, not copied, until it is found short enough.
fn text_ref<'a>(data: &'a DataRef<'_>) -> (Cow<'a, str>, Option<String>) {
    let text = match data {
        DataRef::Empty => Cow::Borrowed(""),
        DataRef::String(text) => Cow::Borrowed(text.as_str()),
        DataRef::SharedString(text) => Cow::Borrowed(*text),
        DataRef::Int(n) => n.to_string().into(),
        DataRef::Float(x) => number(*x).into(),
        DataRef::Bool(b) => boolean(*b).into(),
        DataRef::DateTime(date) => date_time(date).into(),
        DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => Cow::Borrowed(text.as_str()),
        DataRef::Error(error) => return (Cow::Borrowed(""), Some(error.to_string())),
    };
    (text, None)
}

/// A truth value as a spreadsheet shows it.
fn boolean(value: bool) -> &'static str {
    if value { "TRUE" } else { "FALSE" }
}

/// A date as `2026-03-01`, a duration as its number of days.
fn date_time(date: &calamine::ExcelDateTime) -> String {
    if date.is_datetime() {
        serial_date(date.as_f64())
    } else {
        number(date.as_f64())
    }
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
        assert_eq!((text.as_ref(), error.as_deref()), ("", Some("#N/A")));
    }
}
