//! The list of permanent missions a batch writes to: YAML, CSV or a
//! spreadsheet, each record checked on its own, so that one bad record spoils
//! only its own note.
//!
//! CSV and spreadsheets are read into the same [`Table`] of cells, each with
//! its place as the user sees it (`file:line:column`, or the sheet and
//! cell), and checked by the same code.

mod csv;
mod sheet;
mod table;
mod yaml;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Diagnostic, Error, Location, Related, Result, SheetCell};
use crate::input;
use crate::locale::{Gender, Lang};
use crate::values::Translated;

pub use self::table::COLUMNS;

/// A permanent mission, addressed through its head.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// ISO 3166-1 alpha-3 code: `FRA`.
    pub code: String,
    /// The State's short name in running text: French with its article
    /// (`la France`, `Haïti`), English with "the" where English uses it.
    pub name: Translated,
    /// The name as the UN's lists write it, with a parenthesis, when it is
    /// not the name of running text: `Bolivie (État plurinational de)`.
    #[serde(default)]
    pub list_name: Option<Translated>,
    /// The language the mission receives notes in.
    pub language: Lang,
    /// Member State or observer State.
    #[serde(default)]
    pub status: Status,
    /// The head of mission, when known.
    #[serde(default)]
    pub representative: Option<Representative>,
    /// The mission's own formal name, with its article, when it is not
    /// composed from the State's: "la Représentation permanente de la
    /// France auprès de l'Office des Nations Unies à Genève et des
    /// organisations internationales en Suisse".
    #[serde(default)]
    pub mission_name: Option<Translated>,
    /// The mission's city, as `New York`.
    #[serde(default)]
    pub city: Option<String>,
    /// The mission's postal address, one line each.
    #[serde(default)]
    pub address: Vec<String>,
    /// The mission's e-mail address, for `batch --mail`.
    #[serde(default)]
    pub email: Option<String>,
}

/// Whether the State is a Member of the United Nations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A Member State: a Permanent Representative.
    #[default]
    Member,
    /// A non-member observer State: a Permanent Observer.
    Observer,
}

/// What is known of the head of mission.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Representative {
    /// Gender, for "au Représentant permanent" / "à la Représentante permanente".
    #[serde(default, deserialize_with = "crate::locale::person_gender")]
    pub gender: Option<Gender>,
    /// A title that replaces the usual one, as "Chargé d'affaires par intérim".
    #[serde(default)]
    pub title: Option<Translated>,
}

impl Recipient {
    /// The State's name as a list gives it, for sorting and listing:
    /// `Bolivia (Plurinational State of)`, `France`.
    pub fn list_name(&self, lang: Lang) -> &str {
        match &self.list_name {
            Some(name) => name.get(lang),
            None => crate::locale::without_article(self.name.get(lang), lang),
        }
    }

    /// The representative's gender, masculine when not given, as the UN's
    /// French writes by default.
    pub fn gender(&self) -> Gender {
        self.representative
            .as_ref()
            .and_then(|r| r.gender)
            .unwrap_or(Gender::Masculine)
    }

    /// The title that replaces the usual one, in `lang`, as the opening
    /// names the person (`au Chargé d'affaires par intérim`), if any.
    pub fn addressed_title(&self, lang: Lang) -> Option<String> {
        let title = self.representative.as_ref()?.title.as_ref()?.get(lang);
        Some(
            lang.rules()
                .addressed(title, self.gender())
                .unwrap_or_else(|_| title.to_owned()),
        )
    }

    /// The first language whose title cannot be composed with the head's
    /// gender, and why.
    fn title_mistake(&self) -> Option<(Lang, String)> {
        let title = self.representative.as_ref()?.title.as_ref()?;
        title.iter().find_map(|(lang, text)| {
            lang.rules()
                .addressed(text, self.gender())
                .err()
                .map(|why| (lang, why))
        })
    }
}

/// A record of the list and what became of it.
#[derive(Debug, Clone)]
pub struct Record {
    /// Which record of the file, from 0.
    pub index: usize,
    /// The code, when it could be read, for file names and reports.
    pub code: Option<String>,
    /// The recipient, or why the record is unusable.
    pub recipient: Result<Recipient, Vec<Diagnostic>>,
    /// The code as the list writes it, and where, when it writes one.
    pub given: Option<GivenCode>,
}

/// A record's code as its list writes it, and where it is, as its user sees
/// it: what a list that names a mission twice is told about.
#[derive(Debug, Clone)]
pub struct GivenCode {
    /// The code as written.
    pub text: String,
    /// The list's file.
    pub file: PathBuf,
    /// The place in a text file (YAML or CSV).
    pub location: Option<Location>,
    /// The cell, in a spreadsheet.
    pub cell: Option<SheetCell>,
}

impl GivenCode {
    /// The code as compared: `fra `, ` FRA` and `FRA` are one mission.
    fn normalized(&self) -> String {
        self.text
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect()
    }

    /// Where it is, in a few words: `line 4`, `cell A4`. Messages quote it,
    /// as a value: a batch's summary sums up rows refused alike.
    fn short_place(&self) -> String {
        match (&self.location, &self.cell) {
            (Some(location), _) => format!("line {}", location.line_column().0),
            (None, Some(cell)) => format!("cell {}", cell.name()),
            (None, None) => "another record".to_owned(),
        }
    }

    /// An error located at the code.
    fn error(&self, message: String) -> Diagnostic {
        let diagnostic = Diagnostic::error(message).in_file(&self.file);
        match (&self.location, &self.cell) {
            (Some(location), _) => diagnostic.at(location.clone()),
            (None, Some(cell)) => diagnostic.in_cell(cell.clone()),
            (None, None) => diagnostic,
        }
    }

    /// This place, as another place a diagnostic concerns.
    fn related(&self, message: &str) -> Option<Related> {
        self.location.as_ref().map(|location| Related {
            location: location.clone(),
            message: message.to_owned(),
        })
    }
}

/// The kinds of file a list may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `missions:` and a list of records.
    Yaml,
    /// A header line naming the columns, then one mission a line.
    Csv,
    /// A workbook: `.xlsx`, `.xlsm`, `.xlsb` or `.ods`; an `.xls` is refused.
    Spreadsheet,
}

impl Format {
    /// The format of a file, by its extension: anything not CSV or a
    /// spreadsheet is taken for YAML.
    pub fn of(path: &Path) -> Self {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "csv" | "tsv" => Format::Csv,
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Format::Spreadsheet,
            _ => Format::Yaml,
        }
    }
}

/// A list of missions as read: its records, and the warnings about the
/// list as a whole (a column it has of its own, left out).
#[derive(Debug, Clone, Default)]
pub struct List {
    /// The records, in the list's order.
    pub records: Vec<Record>,
    /// What is said of the list as a whole.
    pub warnings: Vec<Diagnostic>,
    /// The mistakes of records past the first [`input::LIST_MISTAKES`],
    /// counted, not kept: the records hold none.
    pub unsaid: usize,
}

impl List {
    /// The line that counts the mistakes not said, if any, for after those
    /// said.
    pub fn unsaid(&self, path: &Path) -> Option<Diagnostic> {
        (self.unsaid > 0).then(|| {
            Diagnostic::error(format!(
                "and {} more mistakes in the list, not said: only the first {} are",
                self.unsaid,
                input::LIST_MISTAKES
            ))
            .in_file(path)
            .hint("mend the mistakes said, then check the list again")
        })
    }
}

/// Reads a list of missions, of the format its extension says; a
/// spreadsheet's first sheet.
pub fn load(path: &Path) -> Result<List> {
    open(path, None)
}

/// Reads a list of missions; of a spreadsheet, the sheet named `sheet`, or
/// the first.
pub fn open(path: &Path, sheet: Option<&str>) -> Result<List> {
    let format = Format::of(path);
    if sheet.is_some() && format != Format::Spreadsheet {
        return Err(Error::invalid(
            Diagnostic::error("this list is not a spreadsheet: it has no sheets")
                .in_file(path)
                .hint("a sheet is chosen only in `.xlsx`, `.xlsb` and `.ods` files"),
        ));
    }
    let mut tally = Tally::default();
    let mut list = match format {
        Format::Yaml => yaml::read(path).map(|mut records| {
            for record in &mut records {
                tally.keep(record);
            }
            List {
                records,
                ..List::default()
            }
        }),
        Format::Csv => csv::read(path, &mut tally),
        Format::Spreadsheet => sheet::read(path, sheet, &mut tally),
    }?;
    refuse_repeated_codes(&mut list.records, &mut tally);
    list.unsaid = tally.unsaid;
    Ok(list)
}

/// The mistakes of a list said so far, and those past
/// [`input::LIST_MISTAKES`], counted only: a list wrong in each of its
/// hundred thousand rows is not a hundred thousand messages in memory and
/// on the screen.
#[derive(Debug, Default)]
pub(super) struct Tally {
    said: usize,
    unsaid: usize,
}

impl Tally {
    /// Keeps the mistakes of `record` while there is room; past it the
    /// record is still refused, its mistakes counted.
    pub fn keep(&mut self, record: &mut Record) {
        if let Err(diagnostics) = &mut record.recipient {
            self.keep_all(diagnostics);
        }
    }

    fn keep_all(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        let room = input::LIST_MISTAKES.saturating_sub(self.said);
        if diagnostics.len() > room {
            self.unsaid += diagnostics.len() - room;
            diagnostics.truncate(room);
            diagnostics.shrink_to_fit();
        }
        self.said += diagnostics.len();
    }
}

/// A list names each mission once: a code given on two records (as
/// compared, whatever its case and spaces) is an error on each, the later
/// ones pointing to the first. Two notes of one mission would write one
/// file, and a draft to one mission could carry the other's note.
fn refuse_repeated_codes(records: &mut [Record], tally: &mut Tally) {
    let mut first: HashMap<String, usize> = HashMap::new();
    // For each record, the record that first gives its code.
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    for (index, record) in records.iter().enumerate() {
        let Some(given) = &record.given else { continue };
        let code = given.normalized();
        if code.is_empty() {
            continue;
        }
        match first.get(&code) {
            Some(&earlier) => repeats.push((index, earlier)),
            None => {
                first.insert(code, index);
            }
        }
    }
    let hint = "a list names each mission once: keep one of these records";
    // The first record of each repeated code: told of the next one.
    let mut told = std::collections::HashSet::new();
    let mut diagnostics: Vec<(usize, Diagnostic)> = Vec::new();
    for &(index, earlier) in &repeats {
        let (Some(again), Some(original)) = (&records[index].given, &records[earlier].given) else {
            continue;
        };
        let code = again.text.trim();
        let mut later = again
            .error(format!(
                "`{code}` is already in the list, at `{}`",
                original.short_place()
            ))
            .hint(hint);
        if let Some(related) = original.related("first given here") {
            later = later.related(related);
        }
        diagnostics.push((index, later));
        if told.insert(earlier) {
            let mut first = original
                .error(format!(
                    "`{}` is in the list again, at `{}`",
                    original.text.trim(),
                    again.short_place()
                ))
                .hint(hint);
            if let Some(related) = again.related("given again here") {
                first = first.related(related);
            }
            diagnostics.push((earlier, first));
        }
    }
    for (index, diagnostic) in diagnostics {
        let record = &mut records[index];
        let mut more = vec![diagnostic];
        tally.keep_all(&mut more);
        match &mut record.recipient {
            Ok(_) => record.recipient = Err(more),
            Err(list) => list.extend(more),
        }
    }
}

/// What types alone cannot check; the e-mail address is put in the form
/// mail servers take (see [`check_email`]).
fn check(mut recipient: Recipient) -> Result<Recipient, String> {
    check_code(&recipient.code)?;
    if let Some(email) = &recipient.email {
        recipient.email = Some(check_email(email)?);
    }
    if let Some((_, mistake)) = recipient.title_mistake() {
        return Err(mistake);
    }
    Ok(recipient)
}

fn check_code(code: &str) -> Result<(), String> {
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "`{code}` is not an ISO 3166 alpha-3 code such as `FRA`"
        ));
    }
    Ok(())
}

/// An e-mail address as every mail server takes it: an internationalised
/// domain in its ASCII form (`münchen.example` is
/// `xn--mnchen-3ya.example`). A part before the `@` with letters outside
/// ASCII is refused: only servers that speak SMTPUTF8 deliver to it, and
/// the mail programs offices use send it garbled or not at all.
fn check_email(email: &str) -> Result<String, String> {
    let not_an_address =
        || format!("`{email}` is not an e-mail address such as `mission@example.org`");
    if !crate::values::is_email(email) {
        return Err(not_an_address());
    }
    let (local, domain) = email.rsplit_once('@').ok_or_else(not_an_address)?;
    if let Some(letter) = local.chars().find(|c| !c.is_ascii()) {
        return Err(format!(
            "`{email}` has a letter outside ASCII (`{letter}`) before the `@`: \
             most mail servers cannot deliver to it; give the mission's address in plain letters"
        ));
    }
    let domain = idna::domain_to_ascii(domain).map_err(|_| not_an_address())?;
    Ok(format!("{local}@{domain}"))
}
