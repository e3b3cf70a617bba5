//! Reading YAML files into typed values, with errors located in the file.

use std::ops::Range;
use std::path::{Path, PathBuf};

use saphyr_parser::{Event, Parser};
use serde::de::DeserializeOwned;

use crate::error::{Diagnostic, Error, Location, Result, SourceText};
use crate::input::{self, Refusal};
use crate::misspelling::{self, Near};

/// A YAML file as read from disk.
#[derive(Debug, Clone)]
pub struct YamlFile {
    /// The path it was read from.
    pub path: PathBuf,
    /// Its text.
    pub source: SourceText,
    /// Where each field path's values are, found on the first search: a
    /// schema's thousand mistakes cost one reading of the file, not one each.
    places: std::sync::OnceLock<Places>,
    /// The file this one extends (`extends:`), which gives the values this
    /// one does not: a mistake in one of those is located there.
    pub base: Option<std::sync::Arc<YamlFile>>,
}

/// Each value of a file by its field path (`a.b[2].c`), in the order of the
/// text: its range, its key's, and whether it is a scalar or an alias.
type Places = std::collections::HashMap<String, Vec<(Range<usize>, Option<Range<usize>>, bool)>>;

impl YamlFile {
    /// Reads a meeting file (or a kind's schema), refusing anything but a
    /// file of at most [`input::MEETING_FILE`] bytes of UTF-8 text.
    pub fn read(path: &Path) -> Result<Self> {
        Self::read_within(path, input::MEETING_FILE)
    }

    /// Reads a file, refusing anything but a file of at most `limit` bytes
    /// of UTF-8 text.
    pub fn read_within(path: &Path, limit: u64) -> Result<Self> {
        let bytes = input::read(path, limit).map_err(|refusal| match refusal {
            Refusal::Folder => Error::invalid(
                Diagnostic::error("this is a folder, not a YAML file")
                    .in_file(path)
                    .hint("give the path of a meeting file, such as `examples/ccm-7msp.yaml`"),
            ),
            refusal => refusal.into_error(path),
        })?;
        Self::from_utf8(path, &bytes)
    }

    /// A file from bytes already in memory, refused unless they are UTF-8
    /// text; `path` names it in diagnostics.
    pub fn from_utf8(path: &Path, bytes: &[u8]) -> Result<Self> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let offset = e.valid_up_to();
            Error::invalid(
                Diagnostic::error(format!(
                    "the file is not UTF-8 text (bad byte at offset {offset})"
                ))
                .in_file(path)
                .hint("save the file as UTF-8"),
            )
        })?;
        Ok(Self::from_text(path, text))
    }

    /// A file from text already in memory; `path` names it in diagnostics.
    pub fn from_text(path: &Path, text: impl Into<String>) -> Self {
        let text: String = text.into();
        Self {
            path: path.to_owned(),
            source: SourceText::from_path(path, text),
            places: std::sync::OnceLock::new(),
            base: None,
        }
    }

    /// This file over `base`, the file it extends.
    pub fn extending(mut self, base: YamlFile) -> Self {
        self.base = Some(std::sync::Arc::new(base));
        self
    }

    /// The file that holds the value at `field`: this one, unless it does
    /// not give it and the file it extends does. A value this file gives,
    /// or one inside a list or a scalar it gives (which replace the
    /// extended file's whole), is its own.
    pub fn holder(&self, field: &str) -> &YamlFile {
        let Some(base) = &self.base else {
            return self;
        };
        let field = field.trim_start_matches('.');
        if field.is_empty() || self.place(field, false).is_some() {
            return self;
        }
        let replaced = field
            .char_indices()
            .filter(|(_, c)| matches!(c, '.' | '['))
            .map(|(at, _)| &field[..at])
            .any(|prefix| {
                let places = self.places.get_or_init(|| places(&self.source.text));
                let next = field[prefix.len()..].starts_with('[');
                places
                    .get(prefix)
                    .and_then(|found| found.first())
                    .is_some_and(|(_, _, scalar)| *scalar || next)
            });
        if replaced {
            return self;
        }
        let holder = base.holder(field);
        if holder.place(field, false).is_some() {
            holder
        } else {
            self
        }
    }

    /// The files read: this one, then those it extends, nearest first.
    pub fn layers(&self) -> impl Iterator<Item = &YamlFile> {
        std::iter::successors(Some(self), |file| file.base.as_deref())
    }

    /// Deserializes the whole file; a mistake becomes a diagnostic with the
    /// line, column and path of the field.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T> {
        self.refuse_empty()?;
        let deserializer = serde_yaml::Deserializer::from_str(&self.source.text);
        serde_path_to_error::deserialize(deserializer).map_err(|error| {
            let field = error.path().to_string();
            Error::invalid(self.serde_error("", &field, error.into_inner()))
        })
    }

    /// The whole file as a YAML value, for fields whose types are known only
    /// once the file says its kind.
    pub fn parse_value(&self) -> Result<serde_yaml::Value> {
        self.parse()
    }

    /// A value of the file, at the field path `at`, read as a `T`: a mistake
    /// is located at the field it concerns.
    pub fn read_value<T: DeserializeOwned>(&self, at: &str, value: serde_yaml::Value) -> Result<T> {
        serde_path_to_error::deserialize(value).map_err(|error| {
            let field = error.path().to_string();
            Error::invalid(self.serde_error(at, &field, error.into_inner()))
        })
    }

    fn refuse_empty(&self) -> Result<()> {
        if self.source.text.trim().is_empty() {
            return Err(Error::invalid(
                Diagnostic::error("the file is empty")
                    .in_file(&self.path)
                    .hint("start from the commented example `examples/ccm-7msp.yaml`"),
            ));
        }
        Ok(())
    }

    /// A serde error as a diagnostic: `base`, then serde's own `path` to the
    /// field, name the field; the message loses what serde repeats of the
    /// place, and gets a hint where one helps.
    fn serde_error(&self, base: &str, path: &str, inner: serde_yaml::Error) -> Diagnostic {
        let text: &str = &self.source.text;
        let mut message = inner.to_string();
        // serde_yaml appends " at line L column C"; we show the place ourselves.
        if let Some(cut) = message.find(" at line ") {
            message.truncate(cut);
        }
        // No field is worth naming for a syntax error (serde's `?`), or in
        // the maze of a file that nests or repeats itself beyond the limits.
        let limit = message.contains("limit exceeded");
        let path = if path == "." || path.contains('?') || limit {
            ""
        } else {
            path
        };
        // ... and prefixes nested errors with their parent's path.
        if let Some((head, rest)) = message.split_once(": ")
            && !head.contains(' ')
            && path.starts_with(head)
        {
            message = rest.to_owned();
        }
        let field = match (base, path) {
            ("", path) => path.to_owned(),
            (base, "") => base.to_owned(),
            (base, path) if path.starts_with('[') => format!("{base}{path}"),
            (base, path) => format!("{base}.{path}"),
        };
        // A key given twice: serde names it `duplicate field`, a YAML value
        // `duplicate entry with key "x"`.
        let duplicate_key = message
            .strip_prefix("duplicate field `")
            .and_then(|rest| rest.split_once('`'))
            .or_else(|| {
                message
                    .strip_prefix("duplicate entry with key \"")
                    .and_then(|rest| rest.split_once('"'))
            })
            .map(|(key, _)| key.to_owned());
        let duplicate = duplicate_key.as_deref().map(|key| join_field(&field, key));
        if let Some(key) = &duplicate_key {
            message = format!("duplicate field `{key}`");
        }
        // A value read from the text is placed in it; one read from the
        // values of files layered one over another, in the file that holds it.
        let file = if inner.location().is_some() {
            self
        } else {
            self.holder(&field)
        };
        let mut diagnostic = Diagnostic::error(&message)
            .in_file(&file.path)
            .field(duplicate.as_deref().unwrap_or(&field));
        if duplicate.is_some() {
            diagnostic = diagnostic.hint("keep one of the two: YAML takes a key once in a mapping");
        }
        // serde_yaml places an unknown key well, but other mistakes at the
        // start of the mapping that holds them: the field's own place is better.
        let found = if field.is_empty()
            || message.starts_with("unknown field") && inner.location().is_some()
        {
            None
        } else if message.starts_with("unknown field") {
            file.locate_key(&field)
        } else if let Some(duplicate) = &duplicate {
            locate_nth(text, duplicate, 1)
        } else {
            file.locate(&field)
        };
        let serde_place = inner.location().map(|l| l.index()..l.index());
        // A value read alone has no place of its own: a field missing at the
        // top is shown at the top.
        let top = || field.is_empty().then(|| file.locate("")).flatten();
        if let Some(span) = found.or(serde_place).or_else(top) {
            diagnostic = diagnostic.at(file.location(span));
        }
        hint_for(diagnostic)
    }

    /// A key that the mapping at its place does not take, as serde words
    /// it: "unknown field `strat`, expected one of `start`, `end`", with
    /// the nearest name as a hint.
    pub fn unknown_field(&self, field: &str, key: &str, expected: &[&str]) -> Diagnostic {
        let message = match expected {
            [] => format!("unknown field `{key}`, there are no fields"),
            _ => format!("unknown field `{key}`, {}", expected_list(expected)),
        };
        let file = self.holder(field);
        let mut diagnostic = Diagnostic::error(message).in_file(&file.path).field(field);
        if let Some(span) = file.locate_key(field) {
            diagnostic = diagnostic.at(file.location(span));
        }
        hint_for(diagnostic)
    }

    /// A value that is none of the names a field takes, as serde words it,
    /// with the nearest name as a hint.
    pub fn unknown_variant(&self, field: &str, value: &str, expected: &[&str]) -> Diagnostic {
        let diagnostic = self.error(
            field,
            format!("unknown variant `{value}`, {}", expected_list(expected)),
        );
        match misspelling::hint(value, expected, Near::Word) {
            Some(hint) => diagnostic.hint(hint),
            None => diagnostic,
        }
    }

    /// A location in this file.
    pub fn location(&self, span: Range<usize>) -> Location {
        Location {
            source: self.source.clone(),
            span,
        }
    }

    /// An error about the field at `field` (as `meeting.start`), located at
    /// its value in the file when it can be found.
    pub fn error(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        let file = self.holder(field);
        let diagnostic = Diagnostic::error(message).in_file(&file.path).field(field);
        match file.locate(field) {
            Some(span) => diagnostic.at(file.location(span)),
            None => diagnostic,
        }
    }

    /// Where the value at `field` is, in whichever file holds it.
    pub fn place_of(&self, field: &str) -> Option<Location> {
        let file = self.holder(field);
        file.locate(field).map(|span| file.location(span))
    }

    /// The byte range of the value at a field path (`a.b[2].c`): the scalar
    /// itself, or the key of a mapping or sequence.
    pub fn locate(&self, field: &str) -> Option<Range<usize>> {
        self.place(field, false)
    }

    /// The byte range of the key of the field at `field`: where a field that
    /// should not be there is pointed at.
    pub fn locate_key(&self, field: &str) -> Option<Range<usize>> {
        self.place(field, true)
    }

    /// The first value at `field`, or its key when `key` is set, from the
    /// places read once.
    fn place(&self, field: &str, key: bool) -> Option<Range<usize>> {
        let places = self.places.get_or_init(|| places(&self.source.text));
        let (range, key_range, scalar) = places.get(field.trim_start_matches('.'))?.first()?;
        Some(match (key, scalar) {
            (false, true) => range.clone(),
            _ => key_range.clone().unwrap_or_else(|| range.clone()),
        })
    }
}

/// A field path one level down: `meeting` and `start` give `meeting.start`.
fn join_field(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// Suggests the next step for serde's most common messages.
fn hint_for(diagnostic: Diagnostic) -> Diagnostic {
    let message = diagnostic.message.clone();
    if message.starts_with("missing field `fr`") || message.starts_with("missing field `en`") {
        diagnostic.hint("a text that appears in the notes needs both languages: `{ fr: …, en: … }`")
    } else if message.contains("invalid type: string")
        && message.contains("expected struct Bilingual")
    {
        diagnostic.hint("write the text in both languages: `{ fr: …, en: … }`")
    } else if let Some((unknown, expected)) = unknown_field(&message) {
        match misspelling::hint(unknown, &expected, Near::Word) {
            Some(hint) => diagnostic.hint(hint),
            // A value among named ones: the message lists them already.
            None if message.starts_with("unknown variant") => diagnostic,
            None if expected.is_empty() => {
                diagnostic.hint("see the commented example `examples/ccm-7msp.yaml`")
            }
            None => diagnostic.hint(format!(
                "the fields here are {}; see the commented example `examples/ccm-7msp.yaml`",
                code_list(&expected)
            )),
        }
    } else {
        diagnostic
    }
}

/// The unknown field and the expected ones, from serde's message:
/// "unknown field `papr`, expected one of `kind`, `paper`, …" (or "expected
/// `fr` or `en`").
fn unknown_field(message: &str) -> Option<(&str, Vec<&str>)> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    let (unknown, expected) = rest.split_once('`')?;
    let expected = expected.split('`').skip(1).step_by(2).collect();
    Some((unknown, expected))
}

/// What serde says is expected: "expected `a`", "expected `a` or `b`",
/// "expected one of `a`, `b`, `c`".
fn expected_list(names: &[&str]) -> String {
    match names {
        [one] => format!("expected `{one}`"),
        [a, b] => format!("expected `{a}` or `{b}`"),
        _ => format!("expected one of {}", code_list(names)),
    }
}

/// Names as a message lists them: "`kind`, `paper`, `place`".
pub(crate) fn code_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One level of the path being walked.
enum Frame {
    Mapping { key: Option<(String, Range<usize>)> },
    Sequence { index: usize },
}

/// The byte range of the `nth` value found at a field path (0 for the
/// first): a key given twice has two.
fn locate_nth(text: &str, field: &str, nth: usize) -> Option<Range<usize>> {
    let places = places(text);
    let (range, key_range, scalar) = places.get(field.trim_start_matches('.'))?.get(nth)?;
    Some(if *scalar {
        range.clone()
    } else {
        key_range.clone().unwrap_or_else(|| range.clone())
    })
}

/// Every value of the text by its field path, read in one pass; what
/// follows a mistake of syntax is left out.
fn places(text: &str) -> Places {
    let mut places = Places::new();
    let mut offsets = CharOffsets::new(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut path: Vec<String> = Vec::new();

    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else {
            break;
        };
        let range = offsets.byte(span.start.index())..offsets.byte(span.end.index());

        // A mapping waiting for its key takes this scalar as the key.
        if let (Event::Scalar(value, ..), Some(Frame::Mapping { key: key @ None })) =
            (&event, stack.last_mut())
        {
            *key = Some((value.to_string(), range));
            continue;
        }

        let is_end = matches!(event, Event::MappingEnd | Event::SequenceEnd);
        if !is_end {
            // This event starts a value: name it.
            let (segment, key_range) = match stack.last_mut() {
                Some(Frame::Mapping { key }) => match key.take() {
                    Some((name, key_range)) => (Some(format!(".{name}")), Some(key_range)),
                    None => (None, None),
                },
                Some(Frame::Sequence { index }) => {
                    *index += 1;
                    (Some(format!("[{}]", *index - 1)), None)
                }
                None => (None, None),
            };
            if matches!(
                event,
                Event::Scalar(..)
                    | Event::MappingStart(..)
                    | Event::SequenceStart(..)
                    | Event::Alias(..)
            ) {
                let here = format!("{}{}", path.concat(), segment.clone().unwrap_or_default());
                let scalar = matches!(event, Event::Scalar(..) | Event::Alias(..));
                places
                    .entry(here.trim_start_matches('.').to_owned())
                    .or_default()
                    .push((range, key_range, scalar));
                match event {
                    Event::MappingStart(..) => {
                        stack.push(Frame::Mapping { key: None });
                        path.push(segment.unwrap_or_default());
                    }
                    Event::SequenceStart(..) => {
                        stack.push(Frame::Sequence { index: 0 });
                        path.push(segment.unwrap_or_default());
                    }
                    _ => {}
                }
            }
        } else {
            stack.pop();
            path.pop();
        }
    }
    places
}

/// Converts the parser's character offsets into byte offsets. The parser
/// reports places in the order of the text, so the conversion walks on from
/// the last place asked for: a whole file costs one pass, however long.
pub(crate) struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    /// The last place asked for: its character and byte offsets.
    at: (usize, usize),
}

impl<'a> CharOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            ascii: text.is_ascii(),
            at: (0, 0),
        }
    }

    /// The byte offset of the character at `chars`, or the text's end.
    pub(crate) fn byte(&mut self, chars: usize) -> usize {
        if self.ascii {
            return chars.min(self.text.len());
        }
        let (mut char_at, mut byte_at) = self.at;
        if chars < char_at {
            (char_at, byte_at) = (0, 0);
        }
        for c in self.text[byte_at..].chars() {
            if char_at == chars {
                break;
            }
            char_at += 1;
            byte_at += c.len_utf8();
        }
        self.at = (char_at, byte_at);
        byte_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_read_from_serde_messages() {
        let message = "unknown field `papr`, expected one of `kind`, `paper`, `place`";
        let (unknown, expected) = unknown_field(message).unwrap();
        assert_eq!(
            (unknown, expected),
            ("papr", vec!["kind", "paper", "place"])
        );
        let two = "unknown field `fre`, expected `fr` or `en`";
        let (unknown, expected) = unknown_field(two).unwrap();
        assert_eq!((unknown, expected), ("fre", vec!["fr", "en"]));
    }

    const TEXT: &str = "a: 1\nb:\n  c: deux\n  d:\n    - x\n    - { e: été, f: y }\n";

    fn at(field: &str) -> Option<&'static str> {
        YamlFile::from_text(Path::new("t.yaml"), TEXT)
            .locate(field)
            .map(|r| &TEXT[r])
    }

    #[test]
    fn character_offsets_become_byte_offsets_in_any_order() {
        let text = "é1ü2€3";
        let mut offsets = CharOffsets::new(text);
        for (chars, bytes) in [(0, 0), (2, 3), (5, 9), (1, 2), (6, 10), (9, 10), (3, 5)] {
            assert_eq!(offsets.byte(chars), bytes, "{chars}");
        }
    }

    #[test]
    fn locates_scalars_mappings_and_sequence_items() {
        assert_eq!(at("a"), Some("1"));
        assert_eq!(at("b"), Some("b"));
        assert_eq!(at("b.c"), Some("deux"));
        assert_eq!(at("b.d"), Some("d"));
        assert_eq!(at("b.d[0]"), Some("x"));
        assert_eq!(at("b.d[1].e"), Some("été"));
        assert_eq!(at("b.d[1].f"), Some("y"));
        assert_eq!(at("b.x"), None);
    }

    #[test]
    fn reports_unknown_fields_with_line_column_and_path() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Inner {
            c: String,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Outer {
            b: Inner,
        }
        let file = YamlFile::from_text(Path::new("m.yaml"), "b:\n  c: x\n  cc: y\n");
        let error = file.parse::<Outer>().unwrap_err();
        let diagnostic = &error.diagnostics()[0];
        assert_eq!(diagnostic.field.as_deref(), Some("b.cc"));
        assert!(
            diagnostic.message.starts_with("unknown field `cc`"),
            "{}",
            diagnostic.message
        );
        assert_eq!(diagnostic.position().as_deref(), Some("m.yaml:3:3"));
    }
}
