//! A list as a table of cells, whatever file it came from, and the records
//! read from it: the columns named by the first row, each cell checked with
//! its place as the user sees it.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use super::{
    GivenCode, List, Recipient, Record, Representative, Status, Tally, check_code, check_email,
};
use crate::error::{Diagnostic, Error, Location, Result, Severity, SheetCell, SourceText};
use crate::locale::{Gender, Lang, clean};
use crate::misspelling::{self, Near};
use crate::values::Translated;

/// The columns a list may have, in the order a new list would put them;
/// the first four are required.
pub const COLUMNS: [&str; 15] = [
    "code",
    "name_fr",
    "name_en",
    "language",
    "list_name_fr",
    "list_name_en",
    "mission_name_fr",
    "mission_name_en",
    "status",
    "gender",
    "title_fr",
    "title_en",
    "city",
    "address",
    "email",
];

/// How many columns a list must have.
const REQUIRED: usize = 4;

/// Other headers offices give some columns, as [`normalize`] writes them.
const ALIASES: &[(&str, &[&str])] = &[
    (
        "email",
        &["emailaddress", "mail", "courriel", "adressecourriel"],
    ),
    ("city", &["ville"]),
    ("address", &["adresse", "postaladdress", "adressepostale"]),
];

/// The known column a header names, as [`normalize`] wrote it.
fn known_column(name: &str) -> Option<usize> {
    COLUMNS.iter().position(|c| {
        normalize(c) == name
            || ALIASES
                .iter()
                .any(|(column, aliases)| column == c && aliases.contains(&name))
    })
}

/// A list as read from its file: a header row and rows of cells.
#[derive(Debug)]
pub(super) struct Table {
    /// The file, for diagnostics.
    pub file: PathBuf,
    /// What the cells' places are in: a text, or a sheet.
    pub origin: Origin,
    /// The first row: the columns' names.
    pub header: Vec<Cell>,
    /// For each column of the header, whether a row below holds something
    /// in it.
    pub used: Vec<bool>,
    /// Every other row that holds something, each with a cell for each
    /// column of the header, or for each column that [`Columns::carried`]
    /// names when the rows were built after the header was read.
    pub rows: Vec<Vec<Cell>>,
}

/// What a table's cells are in.
#[derive(Debug)]
pub(super) enum Origin {
    /// A text file, whose spans the cells' places are.
    Text(SourceText),
    /// A sheet of a workbook, by its name.
    Sheet(Arc<str>),
}

/// One cell: its text and where it is.
#[derive(Debug, Clone)]
pub(super) struct Cell {
    /// The text, as the file holds it (numbers and dates written out).
    pub text: String,
    /// Where it is, in the table's [`Origin`].
    pub place: Place,
    /// The spreadsheet error the cell holds instead of a value, as `#N/A`.
    pub error: Option<String>,
}

/// Where a cell is, in the table's [`Origin`]: the place alone, so that a
/// cell of a list of a hundred thousand rows stays small.
#[derive(Debug, Clone)]
pub(super) enum Place {
    /// In a text file: a span of it.
    Text(Range<usize>),
    /// In a spreadsheet: the row from 1, the column from 0.
    Sheet { row: u32, column: u32 },
}

impl Table {
    /// Where `cell` is, as its user sees it: a span of the text, or a cell
    /// of the sheet.
    fn place(&self, cell: &Cell) -> (Option<Location>, Option<SheetCell>) {
        match (&self.origin, &cell.place) {
            (Origin::Text(source), Place::Text(span)) => (
                Some(Location {
                    source: source.clone(),
                    span: span.clone(),
                }),
                None,
            ),
            (Origin::Sheet(sheet), &Place::Sheet { row, column }) => (
                None,
                Some(SheetCell {
                    sheet: sheet.clone(),
                    row,
                    column,
                }),
            ),
            _ => (None, None),
        }
    }

    /// A diagnostic about `cell`.
    fn at(&self, cell: &Cell, message: impl Into<String>) -> Diagnostic {
        let diagnostic = Diagnostic::error(message).in_file(&self.file);
        match self.place(cell) {
            (Some(location), _) => diagnostic.at(location),
            (None, Some(sheet)) => diagnostic.in_cell(sheet),
            (None, None) => diagnostic,
        }
    }
}

/// Why `what` (a cell, a field, a value) of `chars` characters is refused.
pub(super) fn too_long(what: &str, chars: usize) -> String {
    format!(
        "this {what} holds {chars} characters, more than the {} allowed",
        crate::input::CELL_TEXT
    )
}

/// A column's name made comparable, as a person reads it: `Name FR`,
/// `name-fr` and `name_fr` are the same, and `E-mail` is `email`.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The records of a table whose header was read into `columns`.
pub(super) fn read(table: &Table, columns: &Columns, tally: &mut Tally) -> Result<List> {
    let records: Vec<Record> = table
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let mut record = record(table, columns, index, row);
            tally.keep(&mut record);
            record
        })
        .collect();
    if records.is_empty() {
        return Err(Error::invalid(
            Diagnostic::error("the list has no missions")
                .in_file(&table.file)
                .hint("the first row names the columns, one mission a row after it"),
        ));
    }
    Ok(List {
        records,
        warnings: columns.left_out.clone(),
        unsaid: 0,
    })
}

/// For each known column, where the header has it.
pub(super) struct Columns {
    at: [Option<usize>; COLUMNS.len()],
    /// The header as written, for messages.
    names: Vec<String>,
    /// A warning for each column left out.
    left_out: Vec<Diagnostic>,
}

impl Columns {
    fn index(&self, column: &str) -> Option<usize> {
        let known = COLUMNS.iter().position(|c| *c == column)?;
        self.at[known]
    }

    /// The columns of the header that a note reads, in the header's order.
    pub fn carried(&self) -> Vec<usize> {
        let mut carried: Vec<usize> = self.at.iter().flatten().copied().collect();
        carried.sort_unstable();
        carried
    }

    /// These columns, for rows that hold only the [`carried`] ones.
    ///
    /// [`carried`]: Columns::carried
    pub fn narrowed(&self) -> Columns {
        let carried = self.carried();
        let position = |at: usize| carried.iter().position(|&c| c == at);
        Columns {
            at: self.at.map(|at| at.and_then(position)),
            names: carried.iter().map(|&at| self.names[at].clone()).collect(),
            left_out: self.left_out.clone(),
        }
    }
}

/// The columns a header names; a header that names a column twice, lacks a
/// required one or misspells one is an error.
pub(super) fn columns(table: &Table) -> Result<Columns> {
    let mut at = [None; COLUMNS.len()];
    let mut diagnostics = Vec::new();
    let mut left_out = Vec::new();
    let lacking = Lacking::new(table);
    for (index, cell) in table.header.iter().enumerate() {
        let name = normalize(&cell.text);
        if name.is_empty() {
            diagnostics.extend(unnamed(table, index, cell));
            continue;
        }
        match known_column(&name) {
            Some(known) if at[known].is_some() => diagnostics.push(
                table
                    .at(
                        cell,
                        format!("the column `{}` is named twice", cell.text.trim()),
                    )
                    .hint("keep one of them"),
            ),
            Some(known) => at[known] = Some(index),
            None => match lacking.misspelled(&name) {
                Some(hint) => diagnostics.push(
                    table
                        .at(
                            cell,
                            format!(
                                "`{}` is not a column of a list of missions",
                                cell.text.trim()
                            ),
                        )
                        .hint(hint)
                        .hint(format!("the columns are: {}", COLUMNS.join(", "))),
                ),
                None => left_out.push(left_out_column(table, cell)),
            },
        }
    }
    if diagnostics.is_empty() {
        diagnostics.extend(missing_columns(table, &at));
    }
    if diagnostics.is_empty() {
        let left_out = first_of(left_out, &table.file, |n| {
            format!("{n} more columns a note does not use are left out")
        });
        Ok(Columns {
            at,
            names: table
                .header
                .iter()
                .map(|c| c.text.trim().to_owned())
                .collect(),
            left_out,
        })
    } else {
        Err(Error::Invalid(first_of(diagnostics, &table.file, |n| {
            format!("{n} more columns of the header are wrong")
        })))
    }
}

/// The known columns a header lacks, as headers are compared: what a
/// column it does not know may be a misspelling of.
struct Lacking {
    required: Vec<String>,
    optional: Vec<String>,
}

impl Lacking {
    fn new(table: &Table) -> Self {
        let named: Vec<usize> = table
            .header
            .iter()
            .filter_map(|cell| known_column(&normalize(&cell.text)))
            .collect();
        let lacking = |columns: std::ops::Range<usize>| -> Vec<String> {
            columns
                .filter(|known| !named.contains(known))
                .map(|known| normalize(COLUMNS[known]))
                .collect()
        };
        Self {
            required: lacking(0..REQUIRED),
            optional: lacking(REQUIRED..COLUMNS.len()),
        }
    }

    /// "Did you mean" for a header `name` that is near a required column
    /// the header lacks (the list is refused anyway: this says why), or a
    /// letter or so from an optional one.
    fn misspelled(&self, name: &str) -> Option<String> {
        let misspelled = misspelling::nearest(name, &self.required, Near::Word)
            .or_else(|| misspelling::nearest(name, &self.optional, Near::Slip))
            .and_then(|column| known_column(column))
            .map(|known| COLUMNS[known]);
        misspelling::did_you_mean(misspelled.as_slice())
    }
}

/// A header cell without a name: a mistake when its column holds values.
fn unnamed(table: &Table, index: usize, cell: &Cell) -> Option<Diagnostic> {
    table.used.get(index).copied().unwrap_or(false).then(|| {
        table
            .at(cell, "this column has no name in the first row")
            .hint(format!(
                "name it after one of the columns: {}",
                COLUMNS.join(", ")
            ))
    })
}

/// The warning for a column of the list's own, which no note uses.
fn left_out_column(table: &Table, cell: &Cell) -> Diagnostic {
    let mut warning = table
        .at(
            cell,
            format!(
                "the column `{}` is not one a note uses: it is left out",
                cell.text.trim()
            ),
        )
        .hint(format!(
            "the columns a note uses are: {}",
            COLUMNS.join(", ")
        ));
    warning.severity = Severity::Warning;
    warning
}

/// The required columns the header does not name, as one mistake at its
/// first cell.
fn missing_columns(table: &Table, at: &[Option<usize>]) -> Option<Diagnostic> {
    let missing: Vec<String> = COLUMNS[..REQUIRED]
        .iter()
        .zip(at)
        .filter(|(_, at)| at.is_none())
        .map(|(c, _)| format!("`{c}`"))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let message = format!(
        "the list lacks the column{} {}",
        if missing.len() == 1 { "" } else { "s" },
        missing.join(", ")
    );
    let hint = format!(
        "the first row names the columns: {} are required; then any of {}",
        COLUMNS[..REQUIRED].join(", "),
        COLUMNS[REQUIRED..].join(", ")
    );
    Some(match table.header.first() {
        Some(first) => table.at(first, message).hint(hint),
        None => Diagnostic::error(message).in_file(&table.file).hint(hint),
    })
}

/// How many diagnostics of one kind a list gets before the rest are counted
/// in one: a header of a thousand columns is one mistake, not a thousand.
const SAID: usize = 5;

/// The first [`SAID`] diagnostics, and one that counts the others, of the
/// severity of the first: "and 16375 more columns …".
fn first_of(
    mut diagnostics: Vec<Diagnostic>,
    file: &std::path::Path,
    more: impl Fn(usize) -> String,
) -> Vec<Diagnostic> {
    if diagnostics.len() <= SAID {
        return diagnostics;
    }
    let others = diagnostics.len() - SAID;
    let severity = diagnostics[0].severity;
    diagnostics.truncate(SAID);
    let mut rest = Diagnostic::error(format!("and {}", more(others))).in_file(file);
    rest.severity = severity;
    diagnostics.push(rest);
    diagnostics
}

/// Reads one row: every cell is checked, and every mistake said.
fn record(table: &Table, columns: &Columns, index: usize, row: &[Cell]) -> Record {
    let mut row = Row {
        table,
        columns,
        cells: row,
        diagnostics: Vec::new(),
    };
    let code = row.text("code");
    let given = row.cell("code").zip(code.clone()).map(|(cell, text)| {
        let (location, cell) = table.place(cell);
        GivenCode {
            text,
            file: table.file.clone(),
            location,
            cell,
        }
    });
    let recipient = row.recipient();
    Record {
        index,
        given,
        code: code.filter(|c| check_code(c).is_ok()),
        recipient: match recipient {
            Some(recipient) if row.diagnostics.is_empty() => Ok(recipient),
            _ => Err(row.diagnostics),
        },
    }
}

/// A row being read, and what is wrong with it so far.
struct Row<'a> {
    table: &'a Table,
    columns: &'a Columns,
    cells: &'a [Cell],
    diagnostics: Vec<Diagnostic>,
}

impl Row<'_> {
    /// The cell of a column, when the header has the column (the readers
    /// give every row a cell for each column of the header).
    fn cell(&self, column: &str) -> Option<&Cell> {
        self.cells.get(self.columns.index(column)?)
    }

    /// The column's name as the header writes it.
    fn header(&self, column: &str) -> String {
        self.columns
            .index(column)
            .and_then(|at| self.columns.names.get(at))
            .cloned()
            .unwrap_or_else(|| column.to_owned())
    }

    /// The trimmed text of a column's cell; `None` when empty or absent.
    fn text(&self, column: &str) -> Option<String> {
        let cell = self.cell(column)?;
        let text = cell.text.trim();
        (cell.error.is_none() && !text.is_empty()).then(|| text.to_owned())
    }

    /// A mistake in a column's cell.
    fn mistake(&mut self, column: &str, message: String, hint: impl Into<String>) {
        let header = self.header(column);
        let diagnostic = match self.cell(column) {
            Some(cell) => self
                .table
                .at(cell, format!("{message} (column `{header}`)")),
            None => Diagnostic::error(format!("{message} (column `{header}`)"))
                .in_file(&self.table.file),
        };
        self.diagnostics.push(diagnostic.hint(hint));
    }

    /// A column's value, checked by `parse`; a spreadsheet error in the
    /// cell is a mistake.
    fn value<T>(
        &mut self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, (String, String)>,
    ) -> Option<T> {
        if let Some(error) = self.cell(column).and_then(|c| c.error.clone()) {
            self.mistake(
                column,
                format!("the cell holds the error `{error}` instead of a value"),
                "correct the formula, or write the value itself",
            );
            return None;
        }
        let text = self.text(column)?;
        match parse(&text) {
            Ok(value) => Some(value),
            Err((message, hint)) => {
                self.mistake(column, message, hint);
                None
            }
        }
    }

    /// A value that must be there.
    fn required<T>(
        &mut self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, (String, String)>,
    ) -> Option<T> {
        let errors = self.diagnostics.len();
        let value = self.value(column, parse);
        if value.is_none() && self.diagnostics.len() == errors {
            self.mistake(
                column,
                "the cell is empty".into(),
                format!("every mission needs its `{}`", self.header(column)),
            );
        }
        value
    }

    /// A text in both languages, from two columns: both or neither.
    fn pair(&mut self, fr: &str, en: &str, required: bool) -> Option<Translated> {
        let text = |s: &str| Ok::<_, (String, String)>(clean(s));
        let (fr_text, en_text) = if required {
            (self.required(fr, text), self.required(en, text))
        } else {
            (self.value(fr, text), self.value(en, text))
        };
        match (fr_text, en_text) {
            (Some(fr), Some(en)) => Some(Translated::from_fn(|lang| match lang {
                Lang::Fr => fr.clone(),
                Lang::En => en.clone(),
            })),
            (None, None) => None,
            (Some(_), None) if !required => {
                let message = "the English text is missing".into();
                self.mistake(
                    en,
                    message,
                    format!("give `{en}` beside `{fr}`, or neither"),
                );
                None
            }
            (None, Some(_)) if !required => {
                let message = "the French text is missing".into();
                self.mistake(
                    fr,
                    message,
                    format!("give `{fr}` beside `{en}`, or neither"),
                );
                None
            }
            _ => None,
        }
    }

    fn recipient(&mut self) -> Option<Recipient> {
        let code = self.required("code", |code| {
            check_code(code)
                .map(|()| code.to_owned())
                .map_err(|message| {
                    (
                        message,
                        "the ISO 3166-1 alpha-3 code, three capitals: FRA, CAN, CIV".into(),
                    )
                })
        });
        let name = self.pair("name_fr", "name_en", true);
        let list_name = self.pair("list_name_fr", "list_name_en", false);
        let mission_name = self.pair("mission_name_fr", "mission_name_en", false);
        let language = self.required("language", |language| {
            language.to_lowercase().parse::<Lang>().map_err(|_| {
                (
                    format!("`{language}` is not a language of the notes"),
                    "write `fr` or `en`: the language the mission receives notes in".into(),
                )
            })
        });
        let status = self
            .value("status", |status| match status.to_lowercase().as_str() {
                "member" => Ok(Status::Member),
                "observer" => Ok(Status::Observer),
                _ => Err((
                    format!("`{status}` is not a status"),
                    "write `observer` for an observer State; leave it empty for a Member State"
                        .into(),
                )),
            })
            .unwrap_or_default();
        let gender = self.value("gender", |gender| match gender.to_lowercase().as_str() {
            "female" => Ok(Gender::Feminine),
            "male" => Ok(Gender::Masculine),
            _ => Err((
                format!("`{gender}` is not a gender"),
                "write `female` or `male`, or leave the cell empty (the masculine forms)".into(),
            )),
        });
        let title = self.pair("title_fr", "title_en", false);
        let city = self.value("city", |city| Ok(clean(city)));
        let address = self
            .value("address", |address| {
                Ok(address
                    .split('|')
                    .map(|line| line.trim().to_owned())
                    .collect())
            })
            .unwrap_or_default();
        let email = self.value("email", |email| {
            check_email(email).map_err(|message| {
                (
                    message,
                    "one address, or leave the cell empty for a mission that gets no e-mail".into(),
                )
            })
        });
        let representative =
            (gender.is_some() || title.is_some()).then_some(Representative { gender, title });
        // A title is composed with its preposition and the head's gender.
        if let Some(Representative {
            title: Some(title), ..
        }) = &representative
        {
            let gender = gender.unwrap_or(Gender::Masculine);
            for (lang, text) in title.iter() {
                if let Err(why) = lang.rules().addressed(text, gender) {
                    self.mistake(
                        &format!("title_{lang}"),
                        why,
                        "give the title alone, as `Chargé d'affaires par intérim`: the note puts « au », « à la » or \"the\" before it, from the head's `gender`",
                    );
                }
            }
        }
        Some(Recipient {
            code: code?,
            name: name?,
            list_name,
            mission_name,
            language: language?,
            status,
            representative,
            city,
            address,
            email,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_compared_as_their_user_means_them() {
        assert_eq!(normalize(" Name FR "), "namefr");
        assert_eq!(normalize("title-en"), normalize("title_en"));
        assert_eq!(normalize("E-mail"), "email");
    }
}
