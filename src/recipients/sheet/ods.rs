//! An OpenDocument spreadsheet's cells measured before the workbook reader
//! reads them: it reads every sheet at once and writes out every repeated
//! row and cell (`table:number-rows-repeated`, `table:number-columns-repeated`)
//! and every run of spaces (`text:s`), so eight hundred bytes can declare a
//! hundred million cells. Here each is counted, not written out.

use std::io::{BufReader, Cursor, Read};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::grid::Extent;
use crate::error::{Diagnostic, Error, Result};

/// Refuses an `.ods` one sheet of which reaches past the limits of a list;
/// what cannot be read is left for the workbook reader to say.
pub(super) fn check(path: &Path, bytes: &[u8]) -> Result<()> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    scan(path, BufReader::new(content))
}

/// A cell being read: where it is, how many times it repeats, and what it
/// holds.
struct Open {
    columns: u32,
    valued: bool,
    chars: usize,
    bytes: usize,
    paragraphs: usize,
}

fn scan<R: Read>(path: &Path, content: BufReader<R>) -> Result<()> {
    let mut reader = Reader::from_reader(content);
    let mut buf = Vec::new();
    let mut sheet = String::new();
    let mut extent = Extent::default();
    let (mut row, mut column, mut rows) = (0u32, 0u32, 1u32);
    let mut cell: Option<Open> = None;
    // Tables inside a cell are part of its text, not sheets.
    let mut depth_in_cell = 0usize;
    let unreadable = |error: quick_xml::Error| {
        Error::invalid(
            Diagnostic::error(format!("this spreadsheet cannot be read: {error}"))
                .in_file(path)
                .hint("save it again from the spreadsheet program, as .xlsx or .ods"),
        )
    };
    loop {
        let event = reader.read_event_into(&mut buf).map_err(unreadable)?;
        match event {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                if let Some(open) = &mut cell {
                    match e.name().as_ref() {
                        "text:s" => {
                            let spaces = number(e, "text:c").unwrap_or(1) as usize;
                            open.chars = open.chars.saturating_add(spaces);
                            open.bytes = open.bytes.saturating_add(spaces);
                        }
                        "text:tab" | "text:line-break" => {
                            open.chars += 1;
                            open.bytes += 1;
                        }
                        "text:p" => {
                            if open.paragraphs > 0 {
                                open.chars += 1;
                                open.bytes += 1;
                            }
                            open.paragraphs += 1;
                        }
                        _ => {}
                    }
                    if !empty {
                        depth_in_cell += 1;
                    }
                    continue;
                }
                match e.name().as_ref() {
                    "table:table" => {
                        sheet = attribute(e, "table:name").unwrap_or_default();
                        extent = Extent::default();
                        (row, column) = (0, 0);
                    }
                    "table:table-row" => {
                        rows = number(e, "table:number-rows-repeated").unwrap_or(1).max(1);
                        column = 0;
                        if empty {
                            row = row.saturating_add(rows);
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        let open = Open {
                            columns: number(e, "table:number-columns-repeated")
                                .unwrap_or(1)
                                .max(1),
                            valued: attribute(e, "office:value-type").is_some(),
                            chars: 0,
                            bytes: 0,
                            paragraphs: 0,
                        };
                        if empty {
                            close(path, &sheet, &mut extent, (row, &mut column), rows, open)?;
                        } else {
                            cell = Some(open);
                            depth_in_cell = 0;
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref text) => {
                if let Some(open) = &mut cell {
                    let text: &str = text;
                    open.chars += text.chars().count();
                    open.bytes += text.len();
                }
            }
            Event::CData(ref text) => {
                if let Some(open) = &mut cell {
                    open.chars += text.len();
                    open.bytes += text.len();
                }
            }
            Event::GeneralRef(_) => {
                if let Some(open) = &mut cell {
                    open.chars += 1;
                    open.bytes += 4;
                }
            }
            Event::End(ref e) => {
                if cell.is_some() {
                    if depth_in_cell > 0 {
                        depth_in_cell -= 1;
                        continue;
                    }
                    let open = cell.take().expect("a cell is open");
                    close(path, &sheet, &mut extent, (row, &mut column), rows, open)?;
                    continue;
                }
                if e.name().as_ref() == "table:table-row" {
                    row = row.saturating_add(rows);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// Counts a cell read whole, and moves past it.
fn close(
    path: &Path,
    sheet: &str,
    extent: &mut Extent,
    (row, column): (u32, &mut u32),
    rows: u32,
    open: Open,
) -> Result<()> {
    if open.valued || open.chars > 0 {
        extent.add(
            path,
            sheet,
            (row, *column),
            (rows, open.columns),
            open.chars,
            open.bytes,
        )?;
    }
    *column = column.saturating_add(open.columns);
    Ok(())
}

/// An attribute's value.
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let attribute = e.try_get_attribute(name).ok()??;
    Some(attribute.value.into_owned())
}

/// An attribute's value as a count, as large as it may be.
fn number(e: &BytesStart<'_>, name: &str) -> Option<u32> {
    let text = attribute(e, name)?;
    let n: u64 = text.trim().parse().ok()?;
    Some(n.min(u64::from(u32::MAX)) as u32)
}
