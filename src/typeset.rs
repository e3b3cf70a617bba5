//! Typesetting with Typst inside the process: a sandboxed World that serves
//! the generated note and the template files from memory, embedded fonts, and
//! export to PDF, PNG and SVG.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, Severity as TypstSeverity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Dict, Label, Smart, Value};
use typst::introspection::Introspector;
use typst::layout::FrameItem;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::{LazyHash, PicoStr};
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::assets::Assets;
use crate::error::{Diagnostic, Error, Location, Result, Severity, SourceText};

/// The parts every compile shares: the standard library, the fonts and the
/// template files, parsed once.
pub struct Typesetter {
    library: LazyHash<Library>,
    /// The same, telling the page design to keep the body's last paragraph
    /// with the closing: see [`Typesetter::compile`].
    keep_last: LazyHash<Library>,
    fonts: Arc<FontStore>,
    /// Template files by their Typst path (`/note.typ`).
    files: HashMap<FileId, File>,
    /// Where each file came from, for diagnostics.
    names: HashMap<FileId, String>,
}

impl std::fmt::Debug for Typesetter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Typesetter").finish_non_exhaustive()
    }
}

#[derive(Clone)]
enum File {
    Source(Source),
    Binary(Bytes),
}

/// The embedded fonts, loaded once per process.
fn fonts() -> Arc<FontStore> {
    static FONTS: OnceLock<Arc<FontStore>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut store = FontStore::new();
            store.extend(typst_kit::fonts::embedded());
            Arc::new(store)
        })
        .clone()
}

/// A Typst path in the project root.
fn file_id(path: &str) -> Result<FileId> {
    let vpath = VirtualPath::new(path).map_err(|e| {
        Error::invalid(Diagnostic::error(format!(
            "`{path}` is not a usable file name: {e:?}"
        )))
    })?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One file handed to Typst besides the templates: the generated note, a logo.
#[derive(Debug, Clone)]
pub struct Extra {
    /// Typst path, as `/logo.svg`.
    pub path: String,
    /// Content.
    pub bytes: Vec<u8>,
}

/// What to typeset: the generated note and what it may read besides templates.
#[derive(Debug, Clone)]
pub struct Job<'a> {
    /// The Typst path the note is compiled as, as `/invitation.fr.typ`.
    pub main: &'a str,
    /// Its source.
    pub source: &'a str,
    /// Other files: the logo.
    pub extras: &'a [Extra],
    /// The day Typst's `datetime.today()` returns and the PDF is dated.
    pub date: Option<NaiveDate>,
}

impl Typesetter {
    /// Prepares the template files for Typst.
    pub fn new(templates: &Assets) -> Result<Self> {
        let mut files = HashMap::new();
        let mut names = HashMap::new();
        for (name, asset) in templates.iter() {
            let id = file_id(&format!("/{name}"))?;
            let file = if name.ends_with(".typ") {
                File::Source(Source::new(id, asset.text(templates.set, name)?.to_owned()))
            } else {
                File::Binary(Bytes::new(asset.bytes.clone()))
            };
            files.insert(id, file);
            names.insert(id, asset.display_name(templates.set, name));
        }
        let keep_last = Dict::from_iter([(KEEP_LAST.into(), Value::Str("yes".into()))]);
        Ok(Self {
            library: LazyHash::new(Library::builder().build()),
            keep_last: LazyHash::new(Library::builder().with_inputs(keep_last).build()),
            fonts: fonts(),
            files,
            names,
        })
    }

    /// Compiles a note into pages; warnings come back alongside.
    ///
    /// The page design never leaves the closing formula alone at the head of
    /// a page. Typst could decide this while laying out, but only by laying
    /// the note out a second time on every compile; instead the design marks
    /// where the last paragraph and the closing fall, and in the rare note
    /// where the closing opens a page alone, the note is typeset again with
    /// `sys.inputs.noteverbale-keep-last`, which moves that paragraph with it.
    pub fn compile(&self, job: &Job) -> Result<(PagedDocument, Vec<Diagnostic>)> {
        let world = NoteWorld::new(self, job, &self.library)?;
        let (document, warnings) = world.compile()?;
        if !closing_stands_alone(&document) {
            return Ok((document, warnings));
        }
        NoteWorld::new(self, job, &self.keep_last)?.compile()
    }
}

/// The `sys.inputs` key that keeps the last paragraph with the closing.
const KEEP_LAST: &str = "noteverbale-keep-last";

/// Whether the closing opens a page below a last paragraph that ends, whole,
/// at the foot of the page before: the one case that moving the paragraph
/// mends. A paragraph that itself runs over a page break already carries its
/// last lines to the closing's page.
fn closing_stands_alone(document: &PagedDocument) -> bool {
    let introspector = document.introspector();
    let page = |name: &str| {
        let label = Label::new(PicoStr::intern(name))?;
        let location = introspector.query_label(label).ok()?.location()?;
        introspector.page(location)
    };
    match (
        page("noteverbale-last-start"),
        page("noteverbale-last-end"),
        page("noteverbale-closing"),
    ) {
        (Some(start), Some(end), Some(closing)) => start == end && closing > end,
        _ => false,
    }
}

/// The World one note is compiled in: nothing outside memory can be read.
struct NoteWorld<'a> {
    typesetter: &'a Typesetter,
    library: &'a LazyHash<Library>,
    main: FileId,
    main_source: Source,
    main_name: String,
    extras: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

impl<'a> NoteWorld<'a> {
    fn new(typesetter: &'a Typesetter, job: &Job, library: &'a LazyHash<Library>) -> Result<Self> {
        let main = file_id(job.main)?;
        let extras = job
            .extras
            .iter()
            .map(|extra| Ok((file_id(&extra.path)?, Bytes::new(extra.bytes.clone()))))
            .collect::<Result<_>>()?;
        let today = job
            .date
            .and_then(|d| Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8));
        Ok(Self {
            typesetter,
            library,
            main,
            main_source: Source::new(main, job.source.to_owned()),
            main_name: format!("{} (generated)", job.main.trim_start_matches('/')),
            extras,
            today,
        })
    }

    /// Compiles the note, with Typst's diagnostics as ours.
    fn compile(&self) -> Result<(PagedDocument, Vec<Diagnostic>)> {
        let Warned { output, warnings } = typst::compile::<PagedDocument>(self);
        let warnings = warnings.iter().map(|w| self.diagnostic(w)).collect();
        match output {
            Ok(document) => Ok((document, warnings)),
            Err(errors) => Err(Error::Invalid(
                errors.iter().map(|e| self.diagnostic(e)).collect(),
            )),
        }
    }

    /// The place in the note's Tera template of a span of the source it
    /// generated: the template line that wrote it, and in it the span's own
    /// text when it is there.
    fn in_template(&self, generated: &Source, range: std::ops::Range<usize>) -> Option<Location> {
        let Some(File::Source(template)) = self.typesetter.files.get(&self.main) else {
            return None;
        };
        let text = generated.text();
        let line = line_of(text, range.start);
        let number = text.get(..range.start)?.matches('\n').count();
        let index = crate::compose::template_line(template.text(), line, number)?;
        let template_text = template.text();
        let start = template_text
            .split_inclusive('\n')
            .take(index)
            .map(str::len)
            .sum::<usize>();
        let template_line = template_text[start..].lines().next().unwrap_or_default();
        let snippet = text.get(range.clone()).unwrap_or_default();
        let span = match template_line.find(snippet).filter(|_| !snippet.is_empty()) {
            Some(at) => start + at..start + at + snippet.len(),
            None => start..start + template_line.len(),
        };
        let name = self.typesetter.names.get(&self.main)?.clone();
        Some(Location {
            source: SourceText::new(name, template_text),
            span,
        })
    }

    /// A Typst diagnostic as ours, located in the file Typst names.
    fn diagnostic(&self, diagnostic: &SourceDiagnostic) -> Diagnostic {
        let mut out = Diagnostic::error(diagnostic.message.to_string());
        if diagnostic.severity == TypstSeverity::Warning {
            out.severity = Severity::Warning;
        }
        out.hints = diagnostic.hints.iter().map(|h| h.v.to_string()).collect();
        if let Some(id) = diagnostic.span.id()
            && let (Ok(source), Some(range)) = (self.source(id), self.range(diagnostic.span))
        {
            if id == self.main
                && let Some(traced) = self.in_template(&source, range.clone())
            {
                out = out.in_file(&traced.source.name).at(traced);
                out.hints.push(format!(
                    "in the Typst this template line wrote: {}",
                    line_of(source.text(), range.start).trim()
                ));
                return out;
            }
            let name = if id == self.main {
                self.main_name.clone()
            } else {
                self.typesetter
                    .names
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| format!("{id:?}"))
            };
            out = out.in_file(&name).at(Location {
                source: SourceText::new(name, source.text()),
                span: range,
            });
        }
        out
    }
}

impl World for NoteWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.typesetter.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            return Ok(self.main_source.clone());
        }
        match self.typesetter.files.get(&id) {
            Some(File::Source(source)) => Ok(source.clone()),
            Some(File::Binary(_)) => Err(FileError::InvalidUtf8),
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            return Ok(Bytes::from_string(self.main_source.clone()));
        }
        if let Some(bytes) = self.extras.get(&id) {
            return Ok(bytes.clone());
        }
        match self.typesetter.files.get(&id) {
            Some(File::Source(source)) => Ok(Bytes::from_string(source.clone())),
            Some(File::Binary(bytes)) => Ok(bytes.clone()),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.typesetter.fonts.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

/// The line of `text` that holds byte `offset`, without its line end.
fn line_of(text: &str, offset: usize) -> &str {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    &text[start..end]
}

/// Packages are never fetched; other paths are simply not in the template set.
fn not_found(id: FileId) -> FileError {
    match id.root() {
        VirtualRoot::Package(spec) => FileError::Other(Some(
            format!("packages are not available: notes are typeset offline from their templates alone ({spec})").into(),
        )),
        VirtualRoot::Project => FileError::NotFound(id.vpath().get_without_slash().into()),
    }
}

/// The characters that the fonts have no glyph for, which print as blank
/// boxes, each once, in the order they are met.
pub fn missing_characters(document: &PagedDocument) -> Vec<char> {
    fn walk(frame: &typst::layout::Frame, out: &mut Vec<char>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, out),
                FrameItem::Text(text) => {
                    for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                        let chars = text.text.get(glyph.range()).unwrap_or_default().chars();
                        for c in chars.filter(|c| !c.is_whitespace() && !is_invisible(*c)) {
                            if !out.contains(&c) {
                                out.push(c);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for page in document.pages() {
        walk(&page.frame, &mut out);
    }
    out
}

/// The text of each page, runs in layout order: a space between runs that
/// do not touch, as between lines, but none where a run is cut without a gap
/// (at a boxed compound, for one).
pub fn page_texts(document: &PagedDocument) -> Vec<String> {
    use typst::layout::{Abs, Frame, Point, Transform};

    /// Where the last run ended on the page.
    struct Page {
        text: String,
        end: Option<Point>,
    }

    fn walk(frame: &Frame, ts: Transform, page: &mut Page) {
        for (pos, item) in frame.items() {
            let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
            match item {
                FrameItem::Group(group) => {
                    walk(&group.frame, here.pre_concat(group.transform), page)
                }
                FrameItem::Text(run) => {
                    let start = Point::zero().transform(here);
                    let touches = page.end.is_some_and(|end| {
                        (start.y - end.y).abs() < Abs::pt(1.0)
                            && (start.x - end.x).abs() < Abs::pt(1.0)
                    });
                    let spaced = page.text.is_empty()
                        || page.text.ends_with(char::is_whitespace)
                        || run.text.starts_with(char::is_whitespace);
                    if !touches && !spaced {
                        page.text.push(' ');
                    }
                    page.text.push_str(&run.text);
                    page.end = Some(Point::with_x(run.width()).transform(here));
                }
                _ => {}
            }
        }
    }

    document
        .pages()
        .iter()
        .map(|page| {
            let mut out = Page {
                text: String::new(),
                end: None,
            };
            walk(&page.frame, Transform::identity(), &mut out);
            out.text
        })
        .collect()
}

/// Characters that print nothing whether or not a font has them: joiners,
/// variation selectors, marks of direction.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

/// A PDF standard the user may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// PDF/A-2b, for archiving.
    A2b,
    /// PDF/UA-1, for accessibility.
    Ua1,
}

/// PDF export settings.
#[derive(Debug, Clone, Default)]
pub struct PdfSettings {
    /// Standards to conform to.
    pub standards: Vec<Standard>,
    /// A stable identifier of the document, derived from the input.
    pub ident: String,
    /// The document date.
    pub date: Option<NaiveDate>,
}

/// The PDF of a typeset note; the same input gives the same bytes.
pub fn pdf(document: &PagedDocument, settings: &PdfSettings) -> Result<Vec<u8>> {
    let list: Vec<PdfStandard> = settings
        .standards
        .iter()
        .map(|s| match s {
            Standard::A2b => PdfStandard::A_2b,
            Standard::Ua1 => PdfStandard::Ua_1,
        })
        .collect();
    let standards = PdfStandards::new(&list).map_err(|e| {
        Error::invalid(Diagnostic::error(format!("PDF standards: {}", e.message())))
    })?;
    let timestamp = settings
        .date
        .and_then(|d| Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8))
        .map(Timestamp::new_utc);
    if timestamp.is_none() && settings.standards.contains(&Standard::A2b) {
        return Err(Error::invalid(
            Diagnostic::error("PDF/A needs the document's date, and the note is not dated")
                .field("date")
                .hint("give the note's date in the meeting file, as `date: 2017-04-12`"),
        ));
    }
    let options = PdfOptions {
        ident: Smart::Custom(settings.ident.clone()),
        creator: Smart::Custom(Some(format!("noteverbale {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        Error::Invalid(
            errors
                .iter()
                .map(|e| {
                    let mut d = Diagnostic::error(format!("PDF export: {}", e.message));
                    d.hints = e.hints.iter().map(|h| h.v.to_string()).collect();
                    d
                })
                .collect(),
        )
    })
}

/// Each page as a PNG, at `dpi` dots per inch.
pub fn png(document: &PagedDocument, dpi: f32) -> Result<Vec<Vec<u8>>> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: (f64::from(dpi) / 72.0).into(),
        ..Default::default()
    };
    document
        .pages()
        .iter()
        .map(|page| {
            typst_render::render(page, &options)
                .encode_png()
                .map_err(|e| Error::invalid(Diagnostic::error(format!("PNG export: {e}"))))
        })
        .collect()
}

/// Each page as an SVG.
pub fn svg(document: &PagedDocument) -> Vec<String> {
    document
        .pages()
        .iter()
        .map(|page| typst_svg::svg(page, &Default::default()))
        .collect()
}
