//! The engine: templates, locales and fonts loaded once, and the pipeline
//! from a meeting file to typeset notes, one stage after the other.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::agree;
use crate::allow;
use crate::assets::Assets;
use crate::compose::{self, Composer};
use crate::context::NoteOptions;
use crate::error::{Diagnostic, Error, Result};
use crate::guard::{self, Guard, Job};
use crate::kind::Kinds;
use crate::load::{self, Loaded};
use crate::locale::{Lang, Messages};
use crate::recipients::Recipient;
use crate::source::{Composed, File};
use crate::template::{self, NoteContext};
use crate::typeset::{self, Fonts, Note, PageText, Typesetter};

/// What comparing the notes of a meeting's languages as wholes finds.
#[derive(Debug, Default)]
pub struct Agreement {
    /// The differences that nothing acknowledges.
    pub errors: Vec<Diagnostic>,
    /// The lines (from 0) of the meeting file whose comments acknowledged a
    /// difference beside the value that prints it.
    pub acknowledged: Vec<usize>,
}

/// Origins, locales and fonts, loaded once and used for every note.
#[derive(Debug)]
pub struct Engine {
    /// A digest of every template and locale file, and of this version.
    fingerprint: Arc<str>,
    messages: Arc<Messages>,
    templates: Assets,
    kinds: Kinds,
    composer: Composer,
    typesetter: Typesetter,
    /// Where the user's templates run within limits, when they are a user's.
    guard: Option<(Guard, Sources)>,
}

/// Where the engine's templates and locales come from.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// A folder whose files replace the built-in templates of the same name.
    pub templates: Option<PathBuf>,
    /// A folder whose files replace the built-in locales of the same name.
    pub locales: Option<PathBuf>,
    /// The program that runs the templates of `templates` within limits of
    /// time and memory, as `noteverbale __compose` ([`crate::guard`]): the
    /// `noteverbale` command itself. Without it, they run in this process,
    /// unbounded: for templates as trusted as the built-in ones.
    pub worker: Option<PathBuf>,
}

impl Engine {
    /// Loads templates and locales: the built-in ones, overridden by folders.
    pub fn new(sources: &Sources) -> Result<Self> {
        let templates = Assets::templates(sources.templates.as_deref())?;
        let locales = Assets::locales(sources.locales.as_deref())?;
        let messages = Arc::new(Messages::load(&locales)?);
        let composer = Composer::new(&templates, messages.clone())?;
        let typesetter = Typesetter::new(&templates)?;
        let kinds = Kinds::new(&templates);
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
        Ok(Self {
            fingerprint: crate::output::hex(&digest.finalize()).into(),
            messages,
            templates,
            kinds,
            composer,
            typesetter,
            guard: match (&sources.templates, &sources.worker) {
                (Some(_), Some(program)) => Some((Guard::new(program.clone()), sources.clone())),
                _ => None,
            },
        })
    }

    /// The messages of every language.
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// The mistakes of the note templates of every language: each
    /// language's are otherwise found when a note in it is first composed.
    pub fn check_templates(&self) -> Result<()> {
        self.composer.check()
    }

    /// The kinds of note, each with its schema and the languages it has a
    /// template for.
    pub fn kinds(&self) -> &Kinds {
        &self.kinds
    }

    /// The files a note's source reads, by their path in a Typst project: the
    /// page design and the images of the template set (not its templates and
    /// schemas), and the note's own
    /// (the logo), which come first where both have a file of one name. With
    /// the source itself, they make a project that the typst command line
    /// compiles on its own.
    pub fn project_files(&self, composed: &Composed) -> BTreeMap<String, Vec<u8>> {
        let mut files: BTreeMap<String, Vec<u8>> = self
            .templates
            .iter()
            .filter(|(name, _)| {
                template::note_template_lang(name).is_none() && !template::is_part(name)
            })
            .filter(|(name, _)| {
                !self
                    .kinds
                    .names()
                    .any(|kind| *name == format!("{kind}.yaml"))
            })
            .map(|(name, asset)| (name.to_owned(), asset.bytes.clone()))
            .collect();
        for file in &composed.files {
            let name = file.path.trim_start_matches('/').to_owned();
            files.insert(name, file.bytes.to_vec());
        }
        files
    }

    /// Reads and checks a meeting file and the logo it names.
    pub fn load(&self, path: &Path) -> Result<Loaded> {
        load::load(path, &self.kinds)
    }

    /// [`Engine::load`], with `work` done on what was read while the
    /// languages of its texts are compared: see [`load::load_beside`].
    pub fn load_beside<T: Send>(
        &self,
        path: &Path,
        work: impl FnOnce(&Loaded) -> T + Send,
    ) -> Result<(Loaded, T)> {
        load::load_beside(path, &self.kinds, work)
    }

    /// Every phrase and date of the note in `lang`: to the meeting's
    /// addressees, or to one mission.
    pub fn context(
        &self,
        loaded: &Loaded,
        lang: Lang,
        recipient: Option<&Recipient>,
        options: &NoteOptions,
    ) -> Result<NoteContext> {
        let written = loaded.frame.languages();
        if !written.contains(&lang) {
            let names: Vec<&str> = written.iter().map(|l| l.code()).collect();
            return Err(in_meeting(
                Error::invalid(
                    Diagnostic::error(format!(
                        "the note is not written in {}: its `languages` are {}",
                        lang.rules().name(),
                        names.join(", ")
                    ))
                    .field("languages")
                    .hint(format!("ask for a language it is written in (`--lang {}`), or add `{lang}` to `languages` and its texts", names[0])),
                ),
                &loaded.path,
            ));
        }
        NoteContext::new(loaded, lang, recipient, &self.messages, options)
            .map_err(|e| in_meeting(e, &loaded.path))
    }

    /// The Typst source of a note, from its context. A user's templates
    /// are first run in a worker within limits ([`crate::guard`]).
    pub fn compose(&self, loaded: &Loaded, context: &NoteContext) -> Result<Composed> {
        if let Some((guard, sources)) = &self.guard
            && self.runs_users_files(context.lang)
        {
            let kind = &loaded.kind.name;
            let lang = context.lang;
            let job = Job {
                templates: sources.templates.clone().unwrap_or_default(),
                locales: sources.locales.clone(),
                meeting: loaded.path.clone(),
                lang: lang.code().to_owned(),
                context: serde_json::to_value(context).map_err(|e| {
                    Error::invalid(Diagnostic::error(format!(
                        "could not prepare the template values: {e}"
                    )))
                })?,
            };
            let name = compose::template_name(kind, lang);
            if let Err((overrun, stage)) = guard.run(&name, &job)? {
                let template = self
                    .templates
                    .get(&name)
                    .map(|asset| asset.display_name(self.templates.set, &name))
                    .unwrap_or(name);
                return Err(guard::overrun_error(overrun, &stage, &template));
            }
        }
        self.compose_here(loaded, context.lang, context)
    }

    /// The Typst source of a note from its context, composed in this
    /// process whatever the templates: what a worker does with a job.
    pub fn compose_here(
        &self,
        loaded: &Loaded,
        lang: Lang,
        context: &impl serde::Serialize,
    ) -> Result<Composed> {
        let kind = &loaded.kind.name;
        let (source, lines) = self
            .composer
            .compose(kind, lang, context)
            .map_err(|e| in_meeting(e, &loaded.path))?;
        let date = loaded.frame.day();
        Ok(Composed {
            lang,
            main: format!("/{}", compose::template_name(kind, lang)),
            source,
            files: loaded
                .logo
                .iter()
                .map(|logo| File {
                    path: logo.typst_path(),
                    bytes: logo.bytes.clone(),
                })
                .collect(),
            date,
            meeting: loaded.source.clone(),
            lines,
            warnings: self.unprinted(loaded, lang),
            fingerprint: self.fingerprint.clone(),
        })
    }

    /// The frame's values the meeting file gives and the kind's template in
    /// `lang` never prints: a warning each, at the value.
    fn unprinted(&self, loaded: &Loaded, lang: Lang) -> Vec<Diagnostic> {
        let frame = &loaded.frame;
        // Paragraphs set otherwise than as running text are printed so only
        // by `body_paragraphs`.
        let set = frame
            .paragraphs
            .iter()
            .any(|p| p.numbered || p.quotation || !p.items.is_empty());
        let paragraphs: &[&str] = if set {
            &["body_paragraphs"]
        } else {
            &["paragraphs", "body_paragraphs", "lead"]
        };
        // Each key of the file, the template's values that print it, and
        // whether the file gives it.
        let given: [(&str, &[&str], bool); 11] = [
            ("subject", &["subject"], frame.subject.is_some()),
            ("markings", &["markings"], frame.markings.is_some()),
            ("reference", &["reference"], frame.reference.is_some()),
            ("logo", &["logo"], frame.logo.is_some()),
            ("letterhead", &["letterhead"], !frame.letterhead.is_empty()),
            ("paragraphs", paragraphs, !frame.paragraphs.is_empty()),
            (
                "enclosures",
                &["enclosures"],
                frame.enclosures.as_ref().is_some_and(|e| e.count() > 0),
            ),
            ("refers_to", &["honour", "lead"], frame.refers_to.is_some()),
            (
                "date_at",
                &["date_at"],
                frame.date_at == crate::meeting::DateAt::Head,
            ),
            ("annex", &["annex"], frame.annex.is_some()),
            (
                "addressee_block",
                &["addressee_block"],
                frame.addressee_block,
            ),
        ];
        let kind = &loaded.kind.name;
        let unprinted: Vec<(&str, &str)> = given
            .into_iter()
            .filter(|(_, values, given)| {
                *given
                    && !values
                        .iter()
                        .any(|value| self.composer.may_print(kind, lang, value))
            })
            .map(|(key, values, _)| (key, values[0]))
            .collect();
        if unprinted.is_empty() {
            return Vec::new();
        }
        let file = crate::yaml::YamlFile::from_text(&loaded.path, loaded.source.text.to_string());
        unprinted
            .into_iter()
            .map(|(key, value)| {
                let mut warning = file
                    .error(
                        key,
                        if key == value {
                            format!(
                                "the template `{}` does not print `{value}`, which the meeting file gives",
                                compose::template_name(kind, lang)
                            )
                        } else {
                            format!(
                                "the template `{}` does not print `{value}`, which the meeting file's `{key}` gives",
                                compose::template_name(kind, lang)
                            )
                        },
                    )
                    .hint("hand it to the page design, as the built-in templates do, or leave it out of the meeting file")
                    .code("unprinted");
                warning.severity = crate::error::Severity::Warning;
                warning
            })
            .collect()
    }

    /// Typesets a note from its source with the embedded fonts
    /// ([`Engine::typeset_with`]).
    pub fn typeset(&self, composed: &Composed) -> Result<Note> {
        self.typeset_with(composed, &Fonts::embedded())
    }

    /// Typesets a note from its source with `fonts`: a batch's worker
    /// typesets with its own ([`Fonts::for_worker`]). The warnings that the
    /// meeting file acknowledges are left out.
    pub fn typeset_with(&self, composed: &Composed, fonts: &Fonts) -> Result<Note> {
        let mut note = self.typesetter.typeset(composed, fonts)?;
        let pages = note.pages();
        if pages > MAX_PAGES {
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "the note has {pages} pages, more than the {MAX_PAGES} a note may have"
                ))
                .in_file(self.template_display(&composed.main))
                .hint("look for a loop in the template that repeats more than the note needs"),
            ));
        }
        let warnings = std::mem::take(&mut note.warnings);
        (note.warnings, note.acknowledged) = allow::partition(warnings, &composed.meeting);
        Ok(note)
    }

    /// The Typst source of the note in `lang`: [`Engine::context`], then
    /// [`Engine::compose`].
    pub fn compose_note(
        &self,
        loaded: &Loaded,
        lang: Lang,
        recipient: Option<&Recipient>,
        options: &NoteOptions,
    ) -> Result<Composed> {
        let context = self.context(loaded, lang, recipient, options)?;
        self.compose(loaded, &context)
    }

    /// Where the notes of a meeting in its languages (French and English),
    /// typeset from `notes`, differ as wholes, each with each other: facts
    /// that their templates and messages state otherwise (the meeting
    /// file's own texts are compared as the file is read).
    pub fn agreement(&self, loaded: &Loaded, notes: &[(&Composed, &Note)]) -> Agreement {
        let of = |lang: Lang| notes.iter().find(|(composed, _)| composed.lang == lang);
        let present: Vec<&(&Composed, &Note)> = Lang::ALL.into_iter().filter_map(of).collect();
        if present.len() < Lang::ALL.len() {
            return Agreement::default();
        }
        // The lines of the meeting file whose comments acknowledged one.
        let used = std::cell::RefCell::new(Vec::new());
        let source = &loaded.source;
        let acknowledged = |found: &agree::Found, at: Option<&crate::error::Location>| {
            // On the template's line that prints it.
            if let Some(at) = at {
                let line = at.source.line_column(at.span.start).0 - 1;
                if agree::template_acknowledges(&at.source, line) {
                    return true;
                }
            }
            // Beside the meeting file's value that prints it.
            let Some(value) = agree::find(&source.text, &found.written) else {
                return false;
            };
            let line = source.line_column(value.start).0 - 1;
            let lines = allow::acknowledgments(source, agree::CODE, &[line]);
            used.borrow_mut().extend(&lines);
            !lines.is_empty()
        };
        let readings: Vec<PageText> = present.iter().map(|(_, note)| note.reading()).collect();
        // Where the template wrote what the note prints at `range`.
        let locate = |composed: &Composed, reading: &PageText, range: Range<usize>| {
            composed.lines.locate(reading.source_range(range)?)
        };
        let kind = &loaded.kind.name;
        let mut errors = Vec::new();
        for (i, (first, _)) in present.iter().copied().enumerate() {
            for (j, (second, _)) in present.iter().copied().enumerate().skip(i + 1) {
                let (first_reading, second_reading) = (&readings[i], &readings[j]);
                let first_locate = |range| locate(first, first_reading, range);
                let second_locate = |range| locate(second, second_reading, range);
                errors.extend(agree::check_notes(
                    &agree::NoteText {
                        lang: first.lang,
                        text: first_reading.text.clone(),
                        locate: &first_locate,
                        template: compose::template_name(kind, first.lang),
                    },
                    &agree::NoteText {
                        lang: second.lang,
                        text: second_reading.text.clone(),
                        locate: &second_locate,
                        template: compose::template_name(kind, second.lang),
                    },
                    &loaded.given,
                    agree::States::builtin(),
                    &acknowledged,
                ));
            }
        }
        Agreement {
            errors,
            acknowledged: used.into_inner(),
        }
    }

    /// The meeting's circular notes in French and English, typeset and
    /// compared as wholes: an error for each fact they state otherwise.
    pub fn check_agreement(&self, loaded: &Loaded, options: &NoteOptions) -> Result<()> {
        let notes = self.circular_notes(loaded, options)?;
        self.agree(loaded, &notes)
    }

    /// The meeting's circular notes in each of its languages, typeset side
    /// by side to be compared as wholes ([`Engine::agree`]); none when the
    /// note is written in one language, or in one its kind lacks, and has
    /// nothing to compare. The meeting file's own languages need not be
    /// compared yet ([`Engine::load_beside`]).
    pub fn circular_notes(
        &self,
        loaded: &Loaded,
        options: &NoteOptions,
    ) -> Result<Vec<(Composed, Note)>> {
        let written = loaded.frame.languages();
        if written.len() < 2
            || !written
                .iter()
                .all(|lang| loaded.kind.languages.contains(lang))
        {
            return Ok(Vec::new());
        }
        typeset::side_by_side(&written, |lang| {
            let composed = self.compose_note(loaded, lang, None, options)?;
            let note = self.typeset(&composed)?;
            Ok((composed, note))
        })
    }

    /// An error for each fact that the [`Engine::circular_notes`] of a
    /// meeting, loaded whole, state otherwise.
    pub fn agree(&self, loaded: &Loaded, notes: &[(Composed, Note)]) -> Result<()> {
        let notes: Vec<(&Composed, &Note)> = notes.iter().map(|(c, n)| (c, n)).collect();
        let differences = self.agreement(loaded, &notes).errors;
        if differences.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(differences))
        }
    }

    /// The note in `lang`, typeset: every stage, one after the other.
    pub fn note(
        &self,
        loaded: &Loaded,
        lang: Lang,
        recipient: Option<&Recipient>,
        options: &NoteOptions,
    ) -> Result<Note> {
        self.typeset(&self.compose_note(loaded, lang, recipient, options)?)
    }
}

/// The most pages a note may have: a note verbale has one to a few, its
/// annexes a few more.
pub const MAX_PAGES: usize = 100;

impl Engine {
    /// Whether a note in `lang` may run a file of the user's: a note
    /// template of that language (its own, or one it includes) or a Typst
    /// file that it may import (the page design, a module).
    fn runs_users_files(&self, lang: Lang) -> bool {
        self.templates.iter().any(|(name, asset)| {
            asset.origin != crate::assets::Origin::Embedded
                && name.ends_with(".typ")
                && template::note_template_lang(name).is_none_or(|of| of == lang)
        })
    }

    /// The name of the note template at the Typst path `main` as shown to
    /// the user: the path of a user's file.
    fn template_display(&self, main: &str) -> String {
        let name = main.trim_start_matches('/');
        self.templates
            .get(name)
            .map(|asset| asset.display_name(self.templates.set, name))
            .unwrap_or_else(|| format!("{}/{name}", self.templates.set))
    }
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
