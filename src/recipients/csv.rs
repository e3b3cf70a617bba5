//! CSV as spreadsheets write it: with or without a byte-order mark, fields
//! separated by `,`, `;` or tabs (found from the header), lines ended by LF
//! or CRLF, fields quoted or not. Each field keeps its span in the text, so
//! that a diagnostic points at the field itself.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use super::table::{self, Cell, Origin, Place, Table};
use super::{List, Tally};
use crate::error::{Diagnostic, Error, Location, Result, SourceText};
use crate::input::{self, Refusal};
use crate::yaml::YamlFile;

/// Reads a CSV file into a table: UTF-8, or UTF-16 with its byte-order mark
/// (Excel's "Unicode text").
pub(super) fn read(path: &Path, tally: &mut Tally) -> Result<List> {
    let too_large = |size| {
        let limit = input::LIST;
        Refusal::TooLarge { size, limit }.into_error(path)
    };
    // The same text in UTF-16 takes up to twice the bytes.
    let bytes = input::read(path, 2 * input::LIST).map_err(|refusal| match refusal {
        Refusal::TooLarge { size, .. } => too_large(size),
        refusal => refusal.into_error(path),
    })?;
    let file = match utf16(path, &bytes)? {
        Some(text) => YamlFile::from_text(path, text),
        None if bytes.len() as u64 > input::LIST => {
            return Err(too_large(Some(bytes.len() as u64)));
        }
        None => match YamlFile::from_utf8(path, &bytes) {
            Ok(file) => file,
            // Excel's plain "CSV" is saved in the Windows code page.
            Err(error) => match windows_1252(&bytes) {
                Some(text) => YamlFile::from_text(path, text),
                None => return Err(error),
            },
        },
    };
    let text = file
        .source
        .text
        .strip_prefix('\u{feff}')
        .unwrap_or(&file.source.text);
    let source = SourceText::new(file.source.name.clone(), text);
    let text: &str = &source.text;
    let delimiter = delimiter(text);
    let refused = |at: usize, message: String, hint: String| {
        Error::invalid(
            Diagnostic::error(message)
                .in_file(path)
                .at(Location {
                    source: source.clone(),
                    span: at..at,
                })
                .hint(hint),
        )
    };
    let cell = |(text, span): Field| Cell {
        text: text.into_owned(),
        place: Place::Text(span),
        error: None,
    };
    // Read twice, neither time kept whole: first the header, how many
    // lines there are and which columns hold something; then, once the
    // header is known good, the cells of the columns a note reads.
    let mut header: Vec<Cell> = Vec::new();
    let mut lines = 0u64;
    let mut used: Vec<bool> = Vec::new();
    parse(text, delimiter, |row| {
        lines += 1;
        if lines == 1 {
            used = vec![false; row.len()];
            header = row.into_iter().map(cell).collect();
            return;
        }
        for (at, (text, _)) in row.iter().enumerate() {
            if let Some(used) = used.get_mut(at) {
                *used |= !text.trim().is_empty();
            }
        }
    })
    .map_err(|(at, message, hint)| refused(at, message, hint))?;
    if lines == 0 {
        return Err(Error::invalid(
            Diagnostic::error("the list is empty")
                .in_file(path)
                .hint("the first line names the columns: code,name_fr,name_en,language"),
        ));
    }
    // Every row is given a cell for each column of the header.
    let cells = lines.saturating_mul(header.len() as u64);
    if cells > input::LIST_CELLS {
        let message = format!(
            "the list has {lines} lines of {} fields: {cells} cells, more than the {} allowed",
            header.len(),
            input::LIST_CELLS
        );
        let hint = "the first line names the columns: name only those of the list".to_owned();
        return Err(refused(0, message, hint));
    }
    let mut table = Table {
        file: path.to_owned(),
        origin: Origin::Text(source.clone()),
        header,
        used,
        rows: Vec::new(),
    };
    let columns = table::columns(&table)?;
    let carried = columns.carried();
    let mut first = true;
    parse(text, delimiter, |row| {
        // The header, then the rows that hold something, whatever column
        // holds it.
        if std::mem::take(&mut first) || row.iter().all(|(text, _)| text.trim().is_empty()) {
            return;
        }
        // A short row: the missing cells are at its end.
        let end = row.last().map_or(0, |(_, span)| span.end);
        let mut row: Vec<Option<Field>> = row.into_iter().map(Some).collect();
        table.rows.push(
            carried
                .iter()
                .map(|&at| {
                    let field = row.get_mut(at).and_then(Option::take);
                    cell(field.unwrap_or((Cow::Borrowed(""), end..end)))
                })
                .collect(),
        );
    })
    .map_err(|(at, message, hint)| refused(at, message, hint))?;
    table::read(&table, &columns.narrowed(), tally)
}

/// The text of a file that starts with a UTF-16 byte-order mark; `None` for
/// any other file.
fn utf16(path: &Path, bytes: &[u8]) -> Result<Option<String>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return Ok(None),
    };
    let units: Vec<u16> = bytes[2..]
        .chunks(2)
        .map(|pair| {
            let pair = [pair[0], pair.get(1).copied().unwrap_or(0)];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        })
        .collect();
    String::from_utf16(&units).map(Some).map_err(|_| {
        Error::invalid(
            Diagnostic::error("the file is not UTF-16 text, though it starts as such")
                .in_file(path)
                .hint("save the file as CSV UTF-8"),
        )
    })
}

/// The text of a file that is not UTF-8, read as Windows-1252 (Western
/// European), as Excel saves "CSV" on a French or English Windows; `None`
/// for a file holding bytes that code page leaves unused.
fn windows_1252(bytes: &[u8]) -> Option<String> {
    // The WHATWG table: the five bytes the code page leaves undefined
    // become the control characters of the same number.
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let unused = ['\u{81}', '\u{8d}', '\u{8f}', '\u{90}', '\u{9d}'];
    (!text.contains(unused) && !text.contains('\0')).then(|| text.into_owned())
}

/// The separator the header line uses most: `,`, `;` or a tab (`,` when
/// none).
fn delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (delimiter, count) in &mut counts {
                    if byte == *delimiter {
                        *count += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // The first of the most used: a comma wins a tie.
    let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    counts
        .iter()
        .find(|(_, n)| *n == most)
        .map_or(b',', |(d, _)| *d)
}

/// One field: its text, and its span in the file (quotes included).
type Field<'a> = (Cow<'a, str>, Range<usize>);

/// Why the text is not a list: where, what, and what to do.
type Refused = (usize, String, String);

/// Every line of the text as fields, given to `each` one line at a time;
/// lines may end in LF, CRLF or CR, and a quoted field may hold any of
/// them. A quote never closed is an error at the quote; a field too long, a
/// line of too many fields or a list of too many lines, at the field.
fn parse<'a>(
    text: &'a str,
    delimiter: u8,
    mut each: impl FnMut(Vec<Field<'a>>),
) -> Result<(), Refused> {
    let bytes = text.as_bytes();
    let mut rows = 0;
    let mut row: Vec<Field> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let mut value = Vec::new();
        if bytes[at] == b'"' {
            at += 1;
            loop {
                match bytes.get(at) {
                    None => {
                        return Err((
                            start,
                            "this quote is never closed".to_owned(),
                            "a field that holds the separator, a quote or a line break is put between quotes, its quotes doubled".to_owned(),
                        ));
                    }
                    Some(b'"') if bytes.get(at + 1) == Some(&b'"') => {
                        value.push(b'"');
                        at += 2;
                    }
                    Some(b'"') => {
                        at += 1;
                        break;
                    }
                    Some(&byte) => {
                        value.push(byte);
                        at += 1;
                    }
                }
            }
            // What follows the closing quote, up to the separator, is kept
            // as it is, as spreadsheets do.
            while let Some(&byte) = bytes.get(at) {
                if byte == delimiter || byte == b'\n' || byte == b'\r' {
                    break;
                }
                value.push(byte);
                at += 1;
            }
        } else {
            while let Some(&byte) = bytes.get(at) {
                if byte == delimiter || byte == b'\n' || byte == b'\r' {
                    break;
                }
                at += 1;
            }
        }
        // Fields end on ASCII bytes, so the value is whole UTF-8; a field
        // without quotes is the text itself, not a copy.
        let value = if bytes[start] == b'"' {
            Cow::Owned(String::from_utf8_lossy(&value).into_owned())
        } else {
            Cow::Borrowed(&text[start..at])
        };
        check_field(&value, row.len(), rows).map_err(|(message, hint)| (start, message, hint))?;
        row.push((value, start..at));
        match bytes.get(at) {
            Some(&byte) if byte == delimiter => {
                at += 1;
                if at == bytes.len() {
                    row.push((Cow::Borrowed(""), at..at));
                }
            }
            Some(b'\r') => {
                at += if bytes.get(at + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                {
                    rows += 1;
                    each(next_row(&mut row));
                }
            }
            Some(b'\n') => {
                at += 1;
                {
                    rows += 1;
                    each(next_row(&mut row));
                }
            }
            _ => {}
        }
    }
    if !row.is_empty() {
        each(row);
    }
    Ok(())
}

/// Ends a line: its fields, and room for as many in the next.
fn next_row<'a>(row: &mut Vec<Field<'a>>) -> Vec<Field<'a>> {
    let fields = row.len();
    std::mem::replace(row, Vec::with_capacity(fields))
}

/// Refuses a field too long, or past the columns or rows of a list.
fn check_field(value: &str, column: usize, row: usize) -> Result<(), (String, String)> {
    if value.len() > input::CELL_TEXT {
        let chars = value.chars().count();
        if chars > input::CELL_TEXT {
            let hint = "a field holds one value of one mission: shorten it".to_owned();
            return Err((super::table::too_long("field", chars), hint));
        }
    }
    if column >= input::LIST_COLUMNS as usize {
        return Err((
            format!(
                "this is field {} of its line, far outside the list: delete it",
                column + 1
            ),
            format!("a list keeps to {} columns", input::LIST_COLUMNS),
        ));
    }
    if row >= input::LIST_ROWS as usize {
        return Err((
            format!(
                "this line is far outside the list: a list keeps to {} lines",
                input::LIST_ROWS
            ),
            "delete what follows the list, or split the list in two".to_owned(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        parse(text, delimiter, |row| {
            rows.push(row.into_iter().map(|(t, _)| t.into_owned()).collect())
        })
        .unwrap();
        rows
    }

    #[test]
    fn the_separator_is_the_one_the_header_uses() {
        assert_eq!(delimiter("code,name_fr\nFRA;x"), b',');
        assert_eq!(delimiter("code;name_fr;\"a,b\"\n"), b';');
        assert_eq!(delimiter("code\tname_fr\n"), b'\t');
        assert_eq!(delimiter("code\n"), b',');
    }

    #[test]
    fn fields_are_read_as_spreadsheets_write_them() {
        assert_eq!(
            texts(
                "a;\"b;c\";\"say \"\"hi\"\"\"\r\n;x;\r\n\"two\r\nlines\";y",
                b';'
            ),
            [
                vec!["a", "b;c", "say \"hi\""],
                vec!["", "x", ""],
                vec!["two\r\nlines", "y"]
            ]
        );
        assert_eq!(
            texts("a,b\n\nc,d\n", b','),
            [vec!["a", "b"], vec![""], vec!["c", "d"]]
        );
    }

    #[test]
    fn spans_point_at_the_field_on_crlf_and_lf_lines() {
        for text in ["code,language\r\nFRA,es\r\n", "code,language\nFRA,es\n"] {
            let mut rows = Vec::new();
            parse(text, b',', |row| rows.push(row)).unwrap();
            let source = SourceText::new("list.csv", text);
            let (value, span) = &rows[1][1];
            assert_eq!(value, "es");
            assert_eq!(source.line_column(span.start), (2, 5), "{text:?}");
        }
        assert_eq!(
            parse("a,\"b\nc", b',', |_| {}),
            Err((
                2,
                "this quote is never closed".into(),
                "a field that holds the separator, a quote or a line break is put between quotes, its quotes doubled".into()
            ))
        );
    }
}
