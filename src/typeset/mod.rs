//! Typesetting with Typst inside the process: a note's source, compiled in a
//! sandboxed World over the template set and embedded fonts, into pages that
//! export to PDF, PNG, SVG and text.

mod closing;
mod compile;
mod export;
mod fonts;
mod glyphs;
mod trace;
mod world;

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use typst::diag::Warned;
use typst::foundations::{Dict, Value};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::{PagedDocument, PagedIntrospector};

pub use self::closing::KEEP_LAST;
pub use self::export::{PageText, PdfOptions, PdfStandard};
pub use self::fonts::Fonts;
use self::world::{NoteWorld, TemplateFiles};
use crate::assets::Assets;
use crate::error::{Diagnostic, Error, Result};
use crate::locale::Lang;
use crate::source::Composed;

/// The stack a thread that typesets needs: Typst recurses deeply, and the
/// default stacks of threads (2 MiB) are too small for it.
pub const STACK_SIZE: usize = 64 * 1024 * 1024;

/// The standard library with one key of `sys.inputs` set, which the page
/// design reads.
fn library_with(key: &str, value: &str) -> LazyHash<Library> {
    let inputs = Dict::from_iter([(key.into(), Value::Str(value.into()))]);
    LazyHash::new(Library::builder().with_inputs(inputs).build())
}

/// Runs `work` for each language on a thread of its own, with the stack
/// Typst needs: a meeting's notes in its languages are ready in the time of
/// one. The results come in the order of `langs`.
pub fn side_by_side<T: Send>(
    langs: &[Lang],
    work: impl Fn(Lang) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    let work = &work;
    std::thread::scope(|scope| {
        let threads: Vec<_> = langs
            .iter()
            .map(|&lang| {
                std::thread::Builder::new()
                    .stack_size(STACK_SIZE)
                    .spawn_scoped(scope, move || work(lang))
            })
            .collect();
        threads
            .into_iter()
            .map(|thread| match thread {
                Ok(thread) => thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(e) => Err(Error::environment(
                    "could not start a thread to typeset a note",
                    e,
                )),
            })
            .collect()
    })
}

/// What every compile shares: the standard library and the template set,
/// parsed once.
pub struct Typesetter {
    library: LazyHash<Library>,
    /// What the note compiled last found out about its pages: the next
    /// starts its layout from it ([`compile`]).
    seed: Mutex<Option<Arc<PagedIntrospector>>>,
    templates: TemplateFiles,
}

impl std::fmt::Debug for Typesetter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Typesetter").finish_non_exhaustive()
    }
}

/// One typeset note.
pub struct Note {
    /// Its language.
    pub lang: Lang,
    /// The pages.
    pub document: PagedDocument,
    /// What Typst warned of, and characters the fonts lack.
    pub warnings: Vec<Diagnostic>,
    /// The warnings that the meeting file acknowledges, kept apart: an
    /// acknowledgment that none of them answers has outlived its reason.
    pub acknowledged: Vec<Diagnostic>,
    /// Identifies the document in its PDF: its source.
    ident: String,
    /// The note's date.
    date: Option<NaiveDate>,
    /// The room given up at the foot of the last paragraph's page, when its
    /// last lines are carried over with the closing.
    kept_last: Option<String>,
    /// The note's own source, parsed: where each glyph was written.
    source: Option<typst::syntax::Source>,
}

impl std::fmt::Debug for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Note")
            .field("lang", &self.lang)
            .field("pages", &self.document.pages().len())
            .finish()
    }
}

impl Typesetter {
    /// Prepares the template set for Typst.
    pub fn new(templates: &Assets) -> Result<Self> {
        Ok(Self {
            library: LazyHash::new(Library::builder().build()),
            seed: Mutex::new(None),
            templates: TemplateFiles::new(templates)?,
        })
    }

    /// Typesets a note with `fonts` (a batch worker's own: [`Fonts`]);
    /// Typst's warnings come with it. The closing never opens a page alone:
    /// see [`closing`].
    ///
    /// Its layout starts from what the note typeset before it found out
    /// about its pages ([`compile`]): the notes of a batch or the drafts of
    /// a preview are laid out once, not twice for their page numbers, and
    /// come out as Typst makes them, to the byte.
    pub fn typeset(&self, input: &Composed, fonts: &Fonts) -> Result<Note> {
        let first = self.compile(input, &self.library, fonts)?;
        let kept_last = closing::keep_room(&first.0);
        let document = match &kept_last {
            Some(room) => self.compile(input, &closing::keep_last_library(room), fonts)?,
            None => first,
        };
        let (document, mut warnings, source) = document;
        warnings.splice(0..0, input.warnings.iter().cloned());
        warnings.extend(glyphs::missing(&document, input));
        Ok(Note {
            lang: input.lang,
            document,
            warnings,
            acknowledged: Vec::new(),
            ident: input.source.clone(),
            date: input.date,
            kept_last,
            source: Some(source),
        })
    }

    fn seed(&self) -> MutexGuard<'_, Option<Arc<PagedIntrospector>>> {
        self.seed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// One compile, with Typst's diagnostics as ours.
    fn compile(
        &self,
        input: &Composed,
        library: &LazyHash<Library>,
        fonts: &Fonts,
    ) -> Result<(PagedDocument, Vec<Diagnostic>, typst::syntax::Source)> {
        let world = NoteWorld::new(input, library, fonts, &self.templates)?;
        let seed = self.seed().clone();
        let Warned { output, warnings } = compile::compile(&world, seed.as_ref());
        if let Ok(document) = &output {
            *self.seed() = Some(document.introspector().clone());
        }
        let diagnostic = |d| trace::diagnostic(&world, input, d);
        let warnings = warnings.iter().map(diagnostic).collect();
        match output {
            Ok(document) => Ok((document, warnings, world.main_source().clone())),
            Err(errors) => Err(Error::Invalid(errors.iter().map(diagnostic).collect())),
        }
    }
}

impl Note {
    /// The PDF; the same note gives the same bytes.
    pub fn pdf(&self, options: &PdfOptions) -> Result<Vec<u8>> {
        export::pdf(&self.document, &self.ident, self.date, options)
    }

    /// Each page as a PNG at `dpi`.
    pub fn png(&self, dpi: f32) -> Result<Vec<Vec<u8>>> {
        export::png(&self.document, dpi)
    }

    /// Each page as an SVG.
    pub fn svg(&self) -> Vec<String> {
        export::svg(&self.document)
    }

    /// The `sys.inputs` the note was typeset with, which the typst command
    /// line needs too (`--input key=value`): the room that carries the last
    /// paragraph's lines over with the closing ([`KEEP_LAST`]), in the rare
    /// note that needs it.
    pub fn typst_inputs(&self) -> Vec<(&'static str, String)> {
        self.kept_last
            .iter()
            .map(|room| (KEEP_LAST, room.clone()))
            .collect()
    }

    /// How many pages.
    pub fn pages(&self) -> usize {
        self.document.pages().len()
    }

    /// The text of each page, in the order it was laid out, a line end
    /// after each line ([`PageText`]): for a preview's search and screen
    /// readers.
    pub fn page_texts(&self) -> Vec<String> {
        export::page_texts(&self.document, self.source.as_ref())
            .into_iter()
            .map(|page| page.text)
            .collect()
    }

    /// The note's text as it is read, page after page, a line end after
    /// each line, without the numbers of continuation pages (`– 2 –`),
    /// which the page design prints; and where the note's source wrote
    /// each part of it. The comparison of the notes reads it so: a line end
    /// inside a word joins it again, and none parts what the page parts
    /// (the number of a street and the postcode under it).
    pub fn reading(&self) -> PageText {
        static PAGE_NUMBER: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| crate::locale::language::pattern(r"–\s*[0-9]+\s*–"));
        let mut out = PageText::default();
        for page in export::page_texts(&self.document, self.source.as_ref()) {
            if !out.text.is_empty() {
                out.text.push('\n');
            }
            let shift = out.text.len();
            out.text.push_str(&page.text);
            out.places.extend(
                page.places
                    .into_iter()
                    .map(|(text, at)| (text.start + shift..text.end + shift, at)),
            );
        }
        // Blanked out, every offset kept.
        let numbers: Vec<std::ops::Range<usize>> = PAGE_NUMBER
            .find_iter(&out.text)
            .map(|m| m.range())
            .collect();
        for range in numbers {
            let blank = " ".repeat(range.len());
            out.text.replace_range(range, &blank);
        }
        out
    }
}
