//! The Typst source of one note, as its template wrote it: what Typst is
//! given, and the way back from any place in it to the template that wrote
//! that place.

use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::error::{Location, SourceText};
use crate::locale::Lang;

/// One note in one language, ready for Typst.
#[derive(Debug, Clone)]
pub struct Composed {
    /// The note's language.
    pub lang: Lang,
    /// The Typst path the source is compiled as: `/invitation.fr.typ`, beside
    /// the page design it imports.
    pub main: String,
    /// The Typst source.
    pub source: String,
    /// The files the note reads besides the template set: the logo.
    pub files: Vec<File>,
    /// The day the note is dated: what Typst's `datetime.today()` gives, and
    /// the PDF's date.
    pub date: Option<NaiveDate>,
    /// The meeting file its values came from, to point at one of them.
    pub meeting: SourceText,
    /// Where each part of the source came from.
    pub lines: SourceMap,
    /// What composing found probably wrong: a value the meeting file gives
    /// and the template never prints.
    pub warnings: Vec<crate::error::Diagnostic>,
    /// A digest of the template set and locales the source was made with.
    pub(crate) fingerprint: Arc<str>,
}

/// A file a note reads, as Typst names it.
#[derive(Debug, Clone)]
pub struct File {
    /// Its Typst path: `/logo.svg`.
    pub path: String,
    /// Its content.
    pub bytes: Arc<[u8]>,
}

impl Composed {
    /// Typst written by hand, with no template behind it: compiled as `main`
    /// (`/probe.typ`) beside the page design, undated, reading no file of
    /// its own.
    pub fn handwritten(lang: Lang, main: &str, source: String) -> Self {
        Self {
            lang,
            main: main.to_owned(),
            source,
            files: Vec::new(),
            date: None,
            meeting: SourceText::new("", ""),
            lines: SourceMap::default(),
            warnings: Vec::new(),
            fingerprint: "".into(),
        }
    }

    /// A digest of everything the typeset note depends on: the source, the
    /// files it reads, the template set and locales, this version. Two notes
    /// with the same digest typeset the same.
    pub fn digest(&self) -> String {
        let mut digest = Sha256::new();
        digest.update(self.fingerprint.as_bytes());
        for part in [self.main.as_bytes(), self.source.as_bytes()] {
            digest.update((part.len() as u64).to_le_bytes());
            digest.update(part);
        }
        if let Some(date) = self.date {
            digest.update(date.to_string());
        }
        for file in &self.files {
            digest.update(&file.path);
            digest.update((file.bytes.len() as u64).to_le_bytes());
            digest.update(&file.bytes);
        }
        crate::output::hex(&digest.finalize())
    }
}

/// A place in a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Which template, in [`Origins::sources`].
    pub template: u32,
    /// The byte range in it.
    pub start: usize,
    /// See `start`.
    pub end: usize,
}

/// What wrote a part of a note's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Literal text of the template, copied from `start` on, to the end of
    /// the template's line at most.
    Literal(Span),
    /// A `{{ … }}` tag: everything it printed.
    Value(Span),
}

/// The templates a set of marks points into, and what each mark stands for.
#[derive(Debug, Default)]
pub struct Origins {
    /// The templates, by number, as the user wrote them.
    pub sources: Vec<SourceText>,
    /// The places marks stand for, by number.
    pub origins: Vec<Origin>,
}

/// The way back from a place in a note's source to its template.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    /// Offsets in the source at which a new origin starts, in order, with
    /// the number of that origin.
    points: Vec<(usize, u32)>,
    templates: Arc<Origins>,
}

impl SourceMap {
    /// A map from the places of `points` in a source into `templates`.
    pub fn new(points: Vec<(usize, u32)>, templates: Arc<Origins>) -> Self {
        Self { points, templates }
    }

    /// Where in its template the source's byte range `range` was written: the
    /// literal text itself, or the whole `{{ … }}` tag that printed it.
    pub fn locate(&self, range: Range<usize>) -> Option<Location> {
        let at = self
            .points
            .partition_point(|(offset, _)| *offset <= range.start);
        let (offset, index) = *self.points.get(at.checked_sub(1)?)?;
        let span = match *self.templates.origins.get(index as usize)? {
            Origin::Value(span) => span.start..span.end,
            Origin::Literal(span) => {
                let start = (span.start + range.start - offset).min(span.end);
                let end = (start + range.len()).min(span.end);
                start..end
            }
        };
        let template = match self.templates.origins[index as usize] {
            Origin::Value(span) | Origin::Literal(span) => span.template,
        };
        Some(Location {
            source: self.templates.sources.get(template as usize)?.clone(),
            span,
        })
    }
}
