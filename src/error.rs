//! One error type for the whole library, and the diagnostics it carries.
//!
//! Mistakes in a user's files (the meeting file, templates, locales, lists
//! of missions) are [`Diagnostic`]s: a message, a place (file, line, column),
//! the field they concern and hints. Failures of the environment (a file that
//! cannot be read or written, a port in use, a watcher or threads that cannot
//! start) are a [`Failure`]: what was being done, and the chain of reasons.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::{self, SimpleFiles};
use codespan_reporting::term::{self, termcolor};

/// The result of everything this library does.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Mistakes in the user's files, each located.
    #[error("{}", Diagnostics(.0))]
    Invalid(Vec<Diagnostic>),
    /// The environment failed.
    #[error("{0}")]
    Environment(Failure),
}

/// A failure of the environment: what was being done, why it failed, and
/// what to do about it.
#[derive(Debug)]
pub struct Failure {
    /// What was being done, as "could not listen on 127.0.0.1:3000".
    pub context: String,
    /// Why, as the system says it.
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
    /// What to do about it.
    pub hints: Vec<String>,
}

impl fmt::Display for Failure {
    /// The context and every reason, as "could not read `a.yaml`: permission
    /// denied".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.context)?;
        let mut reason = self.source.as_deref().map(|e| e as &dyn std::error::Error);
        while let Some(error) = reason {
            write!(f, ": {error}")?;
            reason = error.source();
        }
        Ok(())
    }
}

impl Error {
    /// An error made of one diagnostic.
    pub fn invalid(diagnostic: Diagnostic) -> Self {
        Error::Invalid(vec![diagnostic])
    }

    /// A failure of the environment while doing `context`.
    pub fn environment(
        context: impl Into<String>,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Error::Environment(Failure {
            context: context.into(),
            source: Some(source.into()),
            hints: Vec::new(),
        })
    }

    /// `path` could not be read.
    pub fn read(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Self::environment(
            format!("could not read `{}`", path.as_ref().display()),
            source,
        )
    }

    /// `path` could not be written.
    pub fn write(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Self::environment(
            format!("could not write `{}`", path.as_ref().display()),
            source,
        )
    }

    /// Adds a hint to the error, or to each of its diagnostics.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        let hint = hint.into();
        match &mut self {
            Error::Invalid(list) => {
                for diagnostic in list {
                    diagnostic.hints.push(hint.clone());
                }
            }
            Error::Environment(failure) => failure.hints.push(hint),
        }
        self
    }

    /// The diagnostics of an [`Error::Invalid`]; empty for other errors.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Invalid(list) => list,
            Error::Environment(_) => &[],
        }
    }

    /// The error as diagnostics: its own, or the failure as one.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        match self {
            Error::Invalid(list) => list,
            Error::Environment(failure) => {
                let mut diagnostic = Diagnostic::error(failure.to_string());
                diagnostic.hints = failure.hints;
                vec![diagnostic]
            }
        }
    }

    /// Renders the error for a terminal, like rustc does, with the source line
    /// and a caret under the place where a file has one.
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Invalid(list) => list.iter().map(|d| d.render(color)).collect(),
            Error::Environment(failure) => {
                let mut diagnostic = Diagnostic::error(failure.to_string());
                diagnostic.hints = failure.hints.clone();
                diagnostic.render(color)
            }
        }
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The note cannot be produced.
    Error,
    /// The note can be produced but is probably not what was meant.
    Warning,
}

/// A text file that a diagnostic points into.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The name shown to the user: the path as given, or `templates/…`.
    pub name: String,
    /// The whole text.
    pub text: Arc<str>,
    /// Where its lines start, counted once, when a place in it is first
    /// asked for: a list of 100,000 rows is not counted through again for
    /// each of its mistakes.
    line_starts: Arc<OnceLock<Vec<usize>>>,
}

impl SourceText {
    /// A source from a path on disk and its text.
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            line_starts: Arc::default(),
        }
    }

    /// A source named after a path.
    pub fn from_path(path: &Path, text: impl Into<Arc<str>>) -> Self {
        Self::new(path.display().to_string(), text)
    }

    /// Where each line starts, counted on the first call.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(at, _)| at + 1))
                .collect()
        })
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let starts = self.line_starts();
        let line = starts.partition_point(|&start| start <= offset);
        let line_start = starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column)
    }
}

/// A place in a source: the file and a byte range in it.
#[derive(Debug, Clone)]
pub struct Location {
    /// The file.
    pub source: SourceText,
    /// The byte range the diagnostic is about; may be empty.
    pub span: Range<usize>,
}

impl Location {
    /// The 1-based line and column where the span starts.
    pub fn line_column(&self) -> (usize, usize) {
        self.source.line_column(self.span.start)
    }
}

/// A cell of a spreadsheet, named as its user sees it: the sheet, and the
/// cell as `C12`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetCell {
    /// The sheet's name.
    pub sheet: Arc<str>,
    /// The row, from 1.
    pub row: u32,
    /// The column, from 0 (`A`).
    pub column: u32,
}

impl SheetCell {
    /// The cell's name: `C12`.
    pub fn name(&self) -> String {
        format!("{}{}", column_letters(self.column), self.row)
    }
}

impl fmt::Display for SheetCell {
    /// `sheet Missions, cell C12`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sheet {}, cell {}", self.sheet, self.name())
    }
}

/// A column's letters, from 0: `A`, `Z`, `AA`.
pub fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

/// One mistake in a user's file, with where it is and what to do about it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, lowercase, without a final period.
    pub message: String,
    /// The file the mistake is in, when known.
    pub file: Option<PathBuf>,
    /// Where in that file, when known.
    pub location: Option<Location>,
    /// The cell, when the file is a spreadsheet.
    pub cell: Option<SheetCell>,
    /// The path of the field concerned, as `sender.name.fr` or `secretariat.address[2]`.
    pub field: Option<String>,
    /// What to do about it.
    pub hints: Vec<String>,
    /// The name of a warning that a writer may acknowledge beside the value,
    /// as `weekend-deadline`.
    pub code: Option<&'static str>,
    /// What is at the place, when more than the message says.
    pub label: Option<String>,
    /// Other places the mistake concerns: the English value of a text whose
    /// French is at the place.
    pub related: Vec<Related>,
}

/// Another place a diagnostic concerns, and what is there.
#[derive(Debug, Clone)]
pub struct Related {
    /// The place.
    pub location: Location,
    /// What is there.
    pub message: String,
}

/// Another place, for programs.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RelatedReport {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is there.
    pub message: String,
}

/// A diagnostic for programs: what `check --format json` prints, one object
/// per diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// What is wrong.
    pub message: String,
    /// The file, when known.
    pub file: Option<String>,
    /// 1-based line, when the place is known.
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
    /// The field path, as `meeting.start`.
    pub field: Option<String>,
    /// What to do about it.
    pub hints: Vec<String>,
    /// The warning's name, for acknowledging it: `weekend-deadline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    /// Other places the mistake concerns.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedReport>,
    /// The sheet, for a spreadsheet (then `line` is the row and `column`
    /// the column's number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The cell, as `C12`, for a spreadsheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Diagnostic {
    /// This diagnostic as data.
    pub fn report(&self) -> Report {
        let (line, column) = match (&self.location, &self.cell) {
            (Some(location), _) => {
                let (line, column) = location.line_column();
                (Some(line), Some(column))
            }
            (None, Some(cell)) => (Some(cell.row as usize), Some(cell.column as usize + 1)),
            (None, None) => (None, None),
        };
        Report {
            severity: match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: self.message.clone(),
            file: self
                .location
                .as_ref()
                .map(|l| l.source.name.clone())
                .or_else(|| self.file.as_ref().map(|f| f.display().to_string())),
            line,
            column,
            field: self.field.clone(),
            hints: self.hints.clone(),
            code: self.code,
            related: self
                .related
                .iter()
                .map(|r| {
                    let (line, column) = r.location.line_column();
                    RelatedReport {
                        file: r.location.source.name.clone(),
                        line,
                        column,
                        message: r.message.clone(),
                    }
                })
                .collect(),
            sheet: self.cell.as_ref().map(|c| c.sheet.to_string()),
            cell: self.cell.as_ref().map(SheetCell::name),
        }
    }

    /// An error with a message and nothing else yet.
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            location: None,
            cell: None,
            field: None,
            hints: Vec::new(),
            code: None,
            label: None,
            related: Vec::new(),
        }
    }

    /// A warning with a message and nothing else yet.
    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    /// Sets the file.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Sets the place in the file.
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Sets the cell of a spreadsheet.
    pub fn in_cell(mut self, cell: SheetCell) -> Self {
        self.cell = Some(cell);
        self
    }

    /// The line of a text file, or the row of a spreadsheet, the mistake is on.
    pub fn row(&self) -> Option<usize> {
        match (&self.location, &self.cell) {
            (Some(location), _) => Some(location.line_column().0),
            (None, Some(cell)) => Some(cell.row as usize),
            (None, None) => None,
        }
    }

    /// Sets the field path.
    pub fn field(mut self, field: impl Into<String>) -> Self {
        let field = field.into();
        self.field = (!field.is_empty()).then_some(field);
        self
    }

    /// Names the warning, so that a writer can acknowledge it.
    pub fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// Says what is at the place.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds another place the mistake concerns.
    pub fn related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// `file:line:column`, `file, sheet S, cell C12`, or as much of it as
    /// is known.
    pub fn position(&self) -> Option<String> {
        let file = self
            .location
            .as_ref()
            .map(|l| l.source.name.clone())
            .or_else(|| self.file.as_ref().map(|f| f.display().to_string()))?;
        Some(match (&self.location, &self.cell) {
            (Some(location), _) => {
                let (line, column) = location.line_column();
                format!("{file}:{line}:{column}")
            }
            (None, Some(cell)) => format!("{file}, {cell}"),
            (None, None) => file,
        })
    }

    /// Renders the diagnostic for a terminal.
    pub fn render(&self, color: bool) -> String {
        let mut message = self.message.clone();
        if let Some(field) = &self.field {
            message = format!("{message} (field `{field}`)");
        }
        let mut diagnostic = match self.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_message(printable(&message))
        .with_notes(
            self.hints
                .iter()
                .map(|h| format!("hint: {}", printable(h)))
                .collect(),
        );

        let mut buffer = if color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        let config = term::Config::default();
        let emitted = match &self.location {
            Some(location) => {
                let mut files = Texts::default();
                let mut source = location.source.clone();
                let mut span = clamp_span(&source.text, location.span.clone());
                // Other labels point into the text as it is.
                if self.related.is_empty() {
                    let (text, shown) = excerpt(&source.text, span.clone());
                    if !Arc::ptr_eq(&text, &source.text) {
                        source = SourceText::new(source.name.clone(), text);
                        span = shown;
                    }
                }
                let mut primary = Label::primary(files.id(&source), span);
                if let Some(label) = &self.label {
                    primary = primary.with_message(label);
                }
                let mut labels = vec![primary];
                for related in &self.related {
                    let source = &related.location.source;
                    let span = clamp_span(&source.text, related.location.span.clone());
                    labels.push(
                        Label::secondary(files.id(source), span).with_message(&related.message),
                    );
                }
                diagnostic = diagnostic.with_labels(labels);
                term::emit_to_write_style(&mut buffer, &config, &files, &diagnostic)
            }
            None => {
                if let Some(position) = self.position() {
                    diagnostic
                        .notes
                        .insert(0, format!("in `{}`", printable(&position)));
                }
                let files: SimpleFiles<String, Arc<str>> = SimpleFiles::new();
                term::emit_to_write_style(&mut buffer, &config, &files, &diagnostic)
            }
        };
        match emitted {
            Ok(()) => String::from_utf8_lossy(buffer.as_slice()).into_owned(),
            // The renderer only fails on spans outside the file, which
            // `clamp_span` rules out; fall back to one plain line all the same.
            Err(_) => format!("{self}\n"),
        }
    }
}

/// The texts one diagnostic points into, as the renderer reads them: each
/// by the lines its [`SourceText`] counted once, so that a thousand
/// mistakes in a long list do not count its lines a thousand times.
#[derive(Default)]
struct Texts {
    /// Each text with its name as printed.
    texts: Vec<(String, SourceText)>,
}

impl Texts {
    /// The id of `source`, added at its first use.
    fn id(&mut self, source: &SourceText) -> usize {
        match self.texts.iter().position(|(_, s)| s.name == source.name) {
            Some(id) => id,
            None => {
                self.texts.push((printable(&source.name), source.clone()));
                self.texts.len() - 1
            }
        }
    }

    fn text(&self, id: usize) -> Result<&SourceText, files::Error> {
        self.texts
            .get(id)
            .map(|(_, source)| source)
            .ok_or(files::Error::FileMissing)
    }

    /// Where line `line` (from 0) starts; the text's end for the line after
    /// the last.
    fn line_start(&self, id: usize, line: usize) -> Result<usize, files::Error> {
        let source = self.text(id)?;
        let starts = source.line_starts();
        match line.cmp(&starts.len()) {
            std::cmp::Ordering::Less => Ok(starts[line]),
            std::cmp::Ordering::Equal => Ok(source.text.len()),
            std::cmp::Ordering::Greater => Err(files::Error::LineTooLarge {
                given: line,
                max: starts.len() - 1,
            }),
        }
    }
}

impl<'a> files::Files<'a> for Texts {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, files::Error> {
        self.texts
            .get(id)
            .map(|(name, _)| name.as_str())
            .ok_or(files::Error::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, files::Error> {
        Ok(&self.text(id)?.text)
    }

    fn line_index(&'a self, id: usize, byte: usize) -> Result<usize, files::Error> {
        let starts = self.text(id)?.line_starts();
        Ok(starts.partition_point(|&start| start <= byte) - 1)
    }

    fn line_range(&'a self, id: usize, line: usize) -> Result<Range<usize>, files::Error> {
        Ok(self.line_start(id, line)?..self.line_start(id, line + 1)?)
    }
}

/// A text of a diagnostic (a message, a hint, a file's name) as it may
/// reach a terminal: control characters but line ends and tabs, which could
/// move the cursor or recolour the screen, written as escapes (`\u{1b}`).
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(position) = self.position() {
            write!(f, "{position}: ")?;
        }
        match self.severity {
            Severity::Error => write!(f, "error: ")?,
            Severity::Warning => write!(f, "warning: ")?,
        }
        write!(f, "{}", self.message)?;
        if let Some(field) = &self.field {
            write!(f, " (field `{field}`)")?;
        }
        for hint in &self.hints {
            write!(f, "; hint: {hint}")?;
        }
        Ok(())
    }
}

/// Displays a list of diagnostics, one a line.
struct Diagnostics<'a>(&'a [Diagnostic]);

impl fmt::Display for Diagnostics<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start);
    let end = floor_char_boundary(text, span.end.max(start));
    start..end
}

/// How much of a line is shown past the start of what a message points at.
const SHOWN: usize = 1_000;

/// The text shown under a message, with the line of `span` cut [`SHOWN`]
/// bytes after the span starts, and the span within what is left: a line of
/// megabytes (a value of a list, a field of a file) is not printed whole.
/// Lines and columns are those of the text as it is.
fn excerpt(text: &Arc<str>, span: Range<usize>) -> (Arc<str>, Range<usize>) {
    let line_end = text[span.start..]
        .find('\n')
        .map_or(text.len(), |at| span.start + at);
    if line_end - span.start <= SHOWN {
        return (text.clone(), span);
    }
    let cut = floor_char_boundary(text, span.start + SHOWN);
    let shown: Arc<str> = format!("{} …{}", &text[..cut], &text[line_end..]).into();
    (shown, span.start..span.end.min(cut))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_shown_cut_a_little_past_the_place() {
        let text: Arc<str> = format!("a,{}\nb\n", "x".repeat(5_000)).into();
        let (shown, span) = excerpt(&text, 2..5_002);
        assert_eq!(span, 2..1_002);
        assert!(shown.ends_with("x …\nb\n"), "{}", &shown[990..]);
        let short: Arc<str> = "a,b\n".into();
        assert_eq!(excerpt(&short, 2..3), (short.clone(), 2..3));
    }

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        for (column, letters) in [
            (0, "A"),
            (2, "C"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letters(column), letters);
        }
        let cell = SheetCell {
            sheet: "Missions".into(),
            row: 12,
            column: 2,
        };
        assert_eq!(cell.to_string(), "sheet Missions, cell C12");
    }
}
