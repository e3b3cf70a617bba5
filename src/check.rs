//! Everything `render` and `batch` would refuse or warn of, found without
//! writing anything.

use std::collections::HashSet;
use std::path::Path;

use crate::allow;
use crate::error::{Diagnostic, Error, Severity};
use crate::load::Loaded;
use crate::meeting::Role;
use crate::recipients::{self, Record};
use crate::states::States;
use crate::yaml::YamlFile;
use crate::{Engine, NoteOptions, Sources};

/// What checking found.
#[derive(Debug, Default)]
pub struct Findings {
    /// The mistakes and warnings, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the environment failed (a file could not be read): what was
    /// found is then not all there is.
    pub environment: bool,
    /// The mistakes of a list counted but not said, past
    /// [`crate::input::LIST_MISTAKES`]; one diagnostic says how many.
    pub unsaid: usize,
}

impl Findings {
    /// How many errors, those not said included.
    pub fn errors(&self) -> usize {
        let said = self.said_errors();
        // The line that counts the unsaid stands for them.
        said - usize::from(self.unsaid > 0) + self.unsaid
    }

    /// How many errors have a diagnostic.
    fn said_errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// How many warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.said_errors()
    }

    /// Adds what an error holds.
    fn add(&mut self, error: Error) {
        self.environment |= matches!(error, Error::Environment(_));
        self.diagnostics.extend(error.into_diagnostics());
    }

    /// Keeps, of the diagnostics that read the same, the first: the same
    /// template mistake fails every note of a language, and is said once.
    pub fn dedup(&mut self, seen: &mut HashSet<String>) {
        self.diagnostics.retain(|d| seen.insert(d.render(false)));
    }
}

/// What a file given to `check` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A meeting file.
    Meeting,
    /// A list of missions: CSV, a spreadsheet, or YAML with `missions:`.
    Missions,
    /// A kind's schema: YAML with `description:` and `fields:`.
    Schema,
}

/// Whether `path` is a meeting file or a list of missions, by its name and
/// its top-level fields; a file that cannot be read is taken for a meeting
/// file, which says why.
pub fn role(path: &Path) -> FileKind {
    if recipients::Format::of(path) != recipients::Format::Yaml {
        return FileKind::Missions;
    }
    match YamlFile::read(path) {
        Ok(file) if file.locate("missions").is_some() => FileKind::Missions,
        Ok(file) if file.locate("fields").is_some() && file.locate("description").is_some() => {
            FileKind::Schema
        }
        _ => FileKind::Meeting,
    }
}

/// The engine, with what its templates and locales hold that would fail a
/// note: syntax, and messages one language has and another lacks.
pub fn engine(sources: &Sources) -> (Option<Engine>, Findings) {
    let mut findings = Findings::default();
    match Engine::new(sources) {
        Ok(engine) => {
            findings
                .diagnostics
                .extend(engine.messages().check_languages());
            findings
                .diagnostics
                .extend(engine.kinds().warnings().iter().cloned());
            // Every template parses and every kind's schema holds, not only
            // those of the files checked.
            if let Err(error) = engine.check_templates() {
                findings.add(error);
            }
            if let Err(error) = engine.kinds().all() {
                findings.add(error);
            }
            (Some(engine), findings)
        }
        Err(error) => {
            findings.add(error);
            (None, findings)
        }
    }
}

/// A kind's schema file, read on its own.
pub fn schema(path: &Path) -> Findings {
    let mut findings = Findings::default();
    match crate::kind::check_schema(path) {
        Ok(found) => findings.diagnostics = found,
        Err(error) => findings.add(error),
    }
    findings
}

/// A list of missions (of a spreadsheet, the sheet named, or the first),
/// with the records that cannot make a note.
pub fn missions(path: &Path, sheet: Option<&str>) -> (Vec<Record>, Findings) {
    let mut findings = Findings::default();
    match recipients::open(path, sheet) {
        Ok(list) => {
            findings.diagnostics.extend(list.warnings.iter().cloned());
            for record in &list.records {
                if let Err(diagnostics) = &record.recipient {
                    findings.diagnostics.extend(diagnostics.iter().cloned());
                }
            }
            findings.diagnostics.extend(list.unsaid(path));
            findings.unsaid = list.unsaid;
            (list.records, findings)
        }
        Err(error) => {
            findings.add(error);
            (Vec::new(), findings)
        }
    }
}

/// How many missions' notes are typeset between two evictions of Typst's
/// caches.
const CHUNK: usize = 64;

/// A meeting file: what reading it finds, and what typesetting its note in
/// every language finds, and each mission's note of `missions`.
pub fn meeting(engine: &Engine, path: &Path, missions: &[Record]) -> Findings {
    let mut findings = Findings::default();
    let loaded = match engine.load(path) {
        Ok(loaded) => loaded,
        Err(error) => {
            findings.add(error);
            return findings;
        }
    };
    findings.diagnostics.extend(loaded.warnings.iter().cloned());
    if let Some(problem) = sender_outside(&loaded, missions) {
        findings.diagnostics.push(problem);
    }
    let options = NoteOptions::default();
    // The warnings of every note that the file acknowledges, and whether
    // every note was typeset: to review the acknowledgments.
    let mut acknowledged = Vec::new();
    let mut all_typeset = true;
    // The notes to the meeting's addressees, kept to compare their languages.
    let mut circular = Vec::new();
    let written = loaded.frame.languages();
    for &lang in &written {
        let note = engine
            .compose_note(&loaded, lang, None, &options)
            .and_then(|composed| Ok((engine.typeset(&composed)?, composed)));
        match note {
            Ok((note, composed)) => {
                findings.diagnostics.extend(note.warnings.iter().cloned());
                acknowledged.extend(note.acknowledged.iter().cloned());
                circular.push((composed, note));
            }
            Err(error) => {
                all_typeset = false;
                findings.add(error);
            }
        }
    }
    let notes: Vec<_> = circular.iter().map(|(c, n)| (c, n)).collect();
    let agreement = engine.agreement(&loaded, &notes);
    findings.diagnostics.extend(agreement.errors);
    // Each mission's own note: its name may hold characters the fonts lack.
    let addressed = missions
        .iter()
        .filter_map(|record| record.recipient.as_ref().ok());
    for (i, recipient) in addressed.enumerate() {
        // Typst memoizes every compile: without eviction a long list keeps
        // every note's layout (2.5 GB for 3,000 missions), as a batch would.
        if i % CHUNK == CHUNK - 1 {
            typst::comemo::evict(1);
        }
        // A mission gets the note in its language when it is written in
        // it, else in the note's first.
        let lang = if written.contains(&recipient.language) {
            recipient.language
        } else {
            written[0]
        };
        match engine.note(&loaded, lang, Some(recipient), &options) {
            Ok(note) => {
                acknowledged.extend(note.acknowledged);
                findings.diagnostics.extend(note.warnings);
            }
            Err(error) => {
                all_typeset = false;
                findings.add(error);
            }
        }
    }
    if all_typeset {
        findings
            .diagnostics
            .extend(allow::review_typeset(&acknowledged, &loaded.source));
        // What the notes of every language were compared for: an
        // acknowledgment beside a value written once that none needed.
        findings.diagnostics.extend(allow::review_notes(
            &agreement.acknowledged,
            &loaded.given.lines,
            &loaded.source,
        ));
    }
    findings
}

/// A permanent mission that sends the note and is not among the missions of
/// the list checked with it.
fn sender_outside(loaded: &Loaded, missions: &[Record]) -> Option<Diagnostic> {
    let sender = &loaded.frame.sender;
    if sender.role != Role::Mission || missions.is_empty() {
        return None;
    }
    let written = &sender.state.as_ref()?.0;
    let code = States::builtin().find(written).unwrap_or(written);
    let listed = missions
        .iter()
        .filter_map(|record| record.recipient.as_ref().ok())
        .any(|recipient| recipient.code.eq_ignore_ascii_case(code));
    if listed {
        return None;
    }
    Some(
        loaded
            .file
            .error(
                "sender.state",
                format!(
                    "the mission that sends the note, `{code}`, is not in the list of missions"
                ),
            )
            .hint("send the note from a mission of the list, or add the mission to it"),
    )
}
