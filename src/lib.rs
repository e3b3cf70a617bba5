//! noteverbale: diplomatic notes verbales in French and English, typeset to
//! PDF from one YAML file of meeting metadata.
//!
//! The pipeline, one module a step:
//! [`meeting`] reads and checks the YAML file; [`context`] puts every phrase
//! and date of one note into its language with [`locale`]; [`compose`] fills
//! the note's Tera template, escaping every value for Typst; [`typeset`]
//! compiles the result with Typst in a sandboxed World and exports it;
//! [`output`] writes files atomically. [`Engine`] ties them together.

pub mod assets;
pub mod batch;
pub mod compose;
pub mod context;
pub mod error;
pub mod locale;
pub mod meeting;
pub(crate) mod outline;
pub mod output;
pub mod preview;
pub mod recipients;
pub mod serve;
pub mod typeset;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};
use typst_layout::PagedDocument;

pub use crate::error::{Diagnostic, Error, Result, Severity};
pub use crate::locale::Lang;
pub use crate::meeting::Meeting;

use crate::assets::Assets;
use crate::compose::Composer;
use crate::context::{NoteContext, Options};
use crate::error::{Location, SourceText};
use crate::locale::Messages;
use crate::meeting::NoteDate;
use crate::typeset::{Extra, Job, PdfSettings, Standard, Typesetter};

/// Logos larger than this are refused.
const MAX_LOGO_SIZE: u64 = 8 * 1024 * 1024;

/// Templates, locales and fonts, loaded once and used for every note.
#[derive(Debug)]
pub struct Engine {
    /// A digest of every template and locale file, and of this version.
    fingerprint: String,
    messages: Arc<Messages>,
    composer: Composer,
    typesetter: Typesetter,
}

/// Where the engine's templates and locales come from.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// A folder whose files replace the built-in templates of the same name.
    pub templates: Option<PathBuf>,
    /// A folder whose files replace the built-in locales of the same name.
    pub locales: Option<PathBuf>,
}

/// A meeting file read and checked, with the files it refers to.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its content.
    pub meeting: Meeting,
    /// The logo, ready for Typst.
    pub extras: Vec<Extra>,
    /// What is probably a mistake but does not stop a note: a deadline on a
    /// weekend.
    pub warnings: Vec<Diagnostic>,
    /// The file's text, to point at a place in it.
    pub source: SourceText,
}

/// Choices for one render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Print a "PROJET / DRAFT" mark.
    pub draft: bool,
    /// The note is shown in a preview (`serve`), not printed: templates can
    /// tell, and the built-in ones print the draft mark.
    pub preview: bool,
    /// PDF standards to conform to.
    pub standards: Vec<Standard>,
    /// The one mission the note goes to, in a batch; otherwise the meeting's addressees.
    pub recipient: Option<recipients::Recipient>,
}

/// One typeset note.
pub struct Note {
    /// Its language.
    pub lang: Lang,
    /// The Typst source it was compiled from.
    pub source: String,
    /// The pages.
    pub document: PagedDocument,
    /// Typst's warnings.
    pub warnings: Vec<Diagnostic>,
    pdf: PdfSettings,
}

impl std::fmt::Debug for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Note")
            .field("lang", &self.lang)
            .field("pages", &self.document.pages().len())
            .finish()
    }
}

impl Note {
    /// The PDF.
    pub fn pdf(&self) -> Result<Vec<u8>> {
        typeset::pdf(&self.document, &self.pdf)
    }

    /// Each page as a PNG at `dpi`.
    pub fn png(&self, dpi: f32) -> Result<Vec<Vec<u8>>> {
        typeset::png(&self.document, dpi)
    }

    /// Each page as an SVG.
    pub fn svg(&self) -> Vec<String> {
        typeset::svg(&self.document)
    }

    /// How many pages.
    pub fn pages(&self) -> usize {
        self.document.pages().len()
    }

    /// The text of each page, in the order it was laid out, lines joined by
    /// spaces: for a preview's search and screen readers.
    pub fn page_texts(&self) -> Vec<String> {
        typeset::page_texts(&self.document)
    }
}

impl Engine {
    /// Loads templates and locales: the built-in ones, overridden by folders.
    pub fn new(sources: &Sources) -> Result<Self> {
        let templates = Assets::templates(sources.templates.as_deref())?;
        let locales = Assets::locales(sources.locales.as_deref())?;
        let messages = Arc::new(Messages::load(&locales)?);
        let composer = Composer::new(&templates, messages.clone())?;
        let typesetter = Typesetter::new(&templates)?;
        let mut digest = Sha256::new();
        digest.update(env!("CARGO_PKG_VERSION"));
        for set in [&templates, &locales] {
            for (name, asset) in set.iter() {
                digest.update((name.len() as u64).to_le_bytes());
                digest.update(name);
                digest.update((asset.bytes.len() as u64).to_le_bytes());
                digest.update(&asset.bytes);
            }
        }
        let fingerprint = hex(&digest.finalize());
        Ok(Self {
            fingerprint,
            messages,
            composer,
            typesetter,
        })
    }

    /// A digest of the templates, locales and version this engine renders
    /// with: notes made by engines with the same fingerprint from the same
    /// source are the same.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The messages of every language.
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// The template renderer.
    pub fn composer(&self) -> &Composer {
        &self.composer
    }

    /// Reads and checks a meeting file and the logo it names.
    pub fn load(&self, path: &Path) -> Result<Input> {
        let file = yaml::YamlFile::read(path)?;
        let (meeting, warnings) = Meeting::from_file(&file)?;
        let mut extras = Vec::new();
        if let Some(logo) = meeting.logo_path(path) {
            extras.push(read_logo(&file, &logo)?);
        }
        Ok(Input {
            path: path.to_owned(),
            meeting,
            extras,
            warnings,
            source: file.source.clone(),
        })
    }

    /// The Typst source of the note in `lang`.
    pub fn source(&self, input: &Input, lang: Lang, options: &RenderOptions) -> Result<String> {
        let context_options = Options {
            draft: options.draft,
            preview: options.preview,
            logo: input.extras.first().map(|e| e.path.clone()),
            recipient: options.recipient.clone(),
        };
        let context = NoteContext::new(&input.meeting, lang, &self.messages, &context_options)?;
        self.composer
            .compose(&input.meeting.kind, lang, &context)
            .map_err(|e| in_meeting(e, &input.path))
    }

    /// Typesets the note in `lang`.
    pub fn typeset(&self, input: &Input, lang: Lang, options: &RenderOptions) -> Result<Note> {
        let source = self.source(input, lang, options)?;
        self.compile(input, lang, source, options)
    }

    /// Typesets a note from its Typst source, as [`Engine::source`] made it.
    pub fn compile(
        &self,
        input: &Input,
        lang: Lang,
        source: String,
        options: &RenderOptions,
    ) -> Result<Note> {
        let date = match input.meeting.date {
            Some(NoteDate::Day(day)) => Some(day),
            _ => None,
        };
        let main = format!("/{}", compose::template_name(&input.meeting.kind, lang));
        let job = Job {
            main: &main,
            source: &source,
            extras: &input.extras,
            date,
        };
        let (document, mut warnings) = self.typesetter.compile(&job)?;
        let missing = typeset::missing_characters(&document);
        if !missing.is_empty() {
            warnings.push(missing_glyphs(input, &missing));
        }
        let pdf = PdfSettings {
            standards: options.standards.clone(),
            ident: source.clone(),
            date,
        };
        Ok(Note {
            lang,
            source,
            document,
            warnings,
            pdf,
        })
    }
}

/// A warning that some characters print as blank boxes, at the first of them
/// in the meeting file when it is there.
fn missing_glyphs(input: &Input, missing: &[char]) -> Diagnostic {
    let list: Vec<String> = missing
        .iter()
        .take(8)
        .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
        .collect();
    let more = if missing.len() > 8 { ", …" } else { "" };
    let mut warning = Diagnostic::warning(format!(
        "the embedded fonts have no glyph for {}{more}: they print as blank boxes",
        list.join(", ")
    ))
    .hint("the fonts cover Latin, Greek, Cyrillic and Hebrew letters; write other characters out, or give a transliteration");
    let text = &input.source.text;
    match missing.iter().filter_map(|c| text.find(*c)).min() {
        Some(offset) => {
            let len = text[offset..].chars().next().map_or(0, char::len_utf8);
            warning = warning.in_file(&input.path).at(Location {
                source: input.source.clone(),
                span: offset..offset + len,
            });
        }
        // Not from the meeting file: from the mission's record or a locale.
        None => warning = warning.hint("they come from the list of missions or the locales"),
    }
    warning
}

/// Lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Errors about the meeting's fields name the meeting file.
fn in_meeting(error: Error, path: &Path) -> Error {
    match error {
        Error::Invalid(list) => Error::Invalid(
            list.into_iter()
                .map(|d| {
                    if d.file.is_none() && d.field.is_some() {
                        d.in_file(path)
                    } else {
                        d
                    }
                })
                .collect(),
        ),
        other => other,
    }
}

/// Reads the logo named by a meeting file; only images Typst can place are taken.
fn read_logo(meeting: &yaml::YamlFile, logo: &Path) -> Result<Extra> {
    let ext = logo
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let located = |message: String| {
        let diagnostic = meeting.error("logo", message);
        Error::invalid(
            diagnostic.hint("give an SVG, PNG or JPEG file, relative to the meeting file"),
        )
    };
    if !matches!(ext.as_str(), "svg" | "png" | "jpg" | "jpeg") {
        return Err(located(format!(
            "`{}` is not an SVG, PNG or JPEG image",
            logo.display()
        )));
    }
    let metadata = std::fs::metadata(logo)
        .map_err(|e| located(format!("cannot read `{}`: {e}", logo.display())))?;
    if !metadata.is_file() || metadata.len() > MAX_LOGO_SIZE {
        return Err(located(format!(
            "`{}` is not a file of at most {MAX_LOGO_SIZE} bytes",
            logo.display()
        )));
    }
    let bytes = std::fs::read(logo).map_err(|e| Error::read(logo, e))?;
    Ok(Extra {
        path: format!("/logo.{ext}"),
        bytes,
    })
}
