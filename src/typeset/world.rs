//! The World one note is compiled in: the note's source, the template set and
//! the note's own files, all in memory; embedded fonts; a fixed date. Nothing
//! else can be read: no package, no other file, no network.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::fonts::Fonts;
use crate::assets::Assets;
use crate::error::{Diagnostic, Error, Result};
use crate::source::Composed;

/// The template set, ready for Typst: shared by every compile.
pub struct TemplateFiles {
    files: HashMap<FileId, TemplateFile>,
    /// Where each file came from, for diagnostics.
    names: HashMap<FileId, String>,
}

enum TemplateFile {
    /// A Typst file, parsed the first time a note imports it: the page
    /// design is, the kinds' templates (Tera's, not Typst's) never are.
    Source {
        id: FileId,
        text: String,
        parsed: OnceLock<Source>,
    },
    Binary(Bytes),
}

impl TemplateFile {
    /// The file as Typst source, parsed once.
    fn source(&self) -> Option<&Source> {
        match self {
            TemplateFile::Source { id, text, parsed } => {
                Some(parsed.get_or_init(|| Source::new(*id, text.clone())))
            }
            TemplateFile::Binary(_) => None,
        }
    }
}

impl TemplateFiles {
    /// Every file of the set under its Typst path (`/note.typ`); a Typst
    /// file is parsed once, when a note first needs it.
    pub fn new(templates: &Assets) -> Result<Self> {
        let mut files = HashMap::new();
        let mut names = HashMap::new();
        for (name, asset) in templates.iter() {
            let id = file_id(&format!("/{name}"))?;
            let file = if name.ends_with(".typ") {
                TemplateFile::Source {
                    id,
                    text: asset.text(templates.set, name)?.to_owned(),
                    parsed: OnceLock::new(),
                }
            } else {
                TemplateFile::Binary(Bytes::new(asset.bytes.clone()))
            };
            files.insert(id, file);
            names.insert(id, asset.display_name(templates.set, name));
        }
        Ok(Self { files, names })
    }

    /// The name a diagnostic shows for a template file.
    pub fn name(&self, id: FileId) -> Option<&str> {
        self.names.get(&id).map(String::as_str)
    }
}

/// A Typst path in the project root.
pub fn file_id(path: &str) -> Result<FileId> {
    let vpath = VirtualPath::new(path).map_err(|e| {
        Error::invalid(Diagnostic::error(format!(
            "`{path}` is not a usable file name: {e:?}"
        )))
    })?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The World of one compile.
pub struct NoteWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a Fonts,
    templates: &'a TemplateFiles,
    main: FileId,
    main_source: Source,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

impl<'a> NoteWorld<'a> {
    /// The name a diagnostic shows for a file of the template set.
    pub fn template_name(&self, id: FileId) -> Option<&str> {
        self.templates.name(id)
    }

    /// The note's own source, parsed.
    pub fn main_source(&self) -> &Source {
        &self.main_source
    }

    /// A World in which `input` is the main file.
    pub fn new(
        input: &Composed,
        library: &'a LazyHash<Library>,
        fonts: &'a Fonts,
        templates: &'a TemplateFiles,
    ) -> Result<Self> {
        let main = file_id(&input.main)?;
        let files = input
            .files
            .iter()
            .map(|file| Ok((file_id(&file.path)?, Bytes::new(file.bytes.clone()))))
            .collect::<Result<_>>()?;
        Ok(Self {
            library,
            fonts,
            templates,
            main,
            main_source: Source::new(main, input.source.clone()),
            files,
            today: input.date.and_then(typst_date),
        })
    }
}

/// A day as Typst has it.
pub fn typst_date(day: NaiveDate) -> Option<Datetime> {
    Datetime::from_ymd(day.year(), day.month() as u8, day.day() as u8)
}

impl World for NoteWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            return Ok(self.main_source.clone());
        }
        match self.templates.files.get(&id) {
            Some(file) => file.source().cloned().ok_or(FileError::InvalidUtf8),
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            return Ok(Bytes::from_string(self.main_source.clone()));
        }
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        match self.templates.files.get(&id) {
            Some(TemplateFile::Source { text, .. }) => Ok(Bytes::from_string(text.clone())),
            Some(TemplateFile::Binary(bytes)) => Ok(bytes.clone()),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
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
