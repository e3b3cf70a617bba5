//! One note per mission: the notes to make, typesetting them in parallel,
//! skipping those whose inputs have not changed, and what came of the run.

mod folder;
mod mail;
mod manifest;
mod outputs;
mod print;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use sha2::{Digest, Sha256};

pub use self::folder::{Folder, JOURNAL, LOCK};
pub use self::mail::{Mails, write_drafts};
pub use self::manifest::{Entry, MANIFEST_CSV, MANIFEST_JSON, Manifest, Status};
pub use self::print::{PrintNote, Written, gather, write_combined};
use crate::context::NoteOptions;
use crate::error::{Diagnostic, Error, Result};
use crate::output::{self, hex};
use crate::recipients::{Recipient, Record};
use crate::typeset::{Fonts, PdfOptions};
use crate::{Engine, Lang, Loaded};

/// Which languages each mission gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Languages {
    /// The mission's working language.
    Mission,
    /// This language for every mission.
    Only(Lang),
    /// Every language for every mission.
    All,
}

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// The folder notes and manifests are written to.
    pub out: PathBuf,
    /// Languages.
    pub languages: Languages,
    /// How many notes are typeset at once.
    pub jobs: usize,
    /// The notes' file names.
    pub pattern: FilePattern,
    /// Typeset every note, even those whose inputs have not changed.
    pub force: bool,
    /// What the notes show besides the meeting file: the draft mark.
    pub note: NoteOptions,
    /// How the PDFs are made.
    pub pdf: PdfOptions,
    /// Set from elsewhere (on Ctrl-C) to stop: notes being typeset are
    /// finished and the manifests written; no other note is started.
    pub stop: Option<Arc<AtomicBool>>,
    /// The combined PDF written after the run ([`write_combined`]), if any:
    /// refused before anything is written when it names a file or folder of
    /// the run.
    pub print: Option<PathBuf>,
    /// The folder of the e-mail drafts written after the run
    /// ([`write_drafts`]), if any: refused when it names a file of the run.
    pub mail: Option<PathBuf>,
}

/// The default file name pattern.
pub const DEFAULT_PATTERN: &str = "{code}.{lang}.pdf";

/// Notes typeset between two trimmings of Typst's caches: memory stays flat
/// however long the list.
const CHUNK: usize = 16;

/// The file names of a batch's notes: `{code}` and `{lang}` are replaced; `/`
/// makes folders, inside the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePattern(String);

impl FilePattern {
    /// A pattern that gives each note of a batch in `languages` its own file,
    /// inside the output folder.
    pub fn new(pattern: &str, languages: Languages) -> Result<Self> {
        let problem = if !pattern.contains("{code}") {
            Some("the file name pattern lacks `{code}`: every mission would write the same file")
        } else if languages == Languages::All && !pattern.contains("{lang}") {
            Some(
                "the file name pattern lacks `{lang}`: the two languages would write the same file",
            )
        } else if !pattern.ends_with(".pdf") {
            Some("the file name pattern must end in `.pdf`")
        } else if Path::new(pattern).is_absolute()
            || pattern
                .split(['/', '\\'])
                .any(|part| part == ".." || part.is_empty())
        {
            Some("the file name pattern must stay inside the output folder")
        } else {
            None
        };
        match problem {
            Some(message) => Err(Error::invalid(
                Diagnostic::error(message).hint(format!("the default is `{DEFAULT_PATTERN}`")),
            )),
            None => Ok(Self(pattern.to_owned())),
        }
    }

    /// The file of one mission's note in one language.
    fn file(&self, code: &str, lang: Lang) -> String {
        self.0
            .replace("{code}", code)
            .replace("{lang}", lang.code())
    }
}

impl Default for FilePattern {
    fn default() -> Self {
        Self(DEFAULT_PATTERN.to_owned())
    }
}

/// Where one meeting file's notes of a run go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// When a run has several meeting files, the name of the file's own
    /// folder (its file name without the extension: `ccm-7msp-reminder`),
    /// inside the output folder and inside the folder of drafts.
    pub folder: Option<OsString>,
    /// The folder the notes are written into.
    pub out: PathBuf,
}

impl Destination {
    /// The meeting file's name, for the outline of `--print`, when the run
    /// has several.
    pub fn name(&self) -> Option<String> {
        self.folder
            .as_ref()
            .map(|folder| folder.to_string_lossy().into_owned())
    }

    /// The folder of its e-mail drafts, in `dir`.
    pub fn drafts(&self, dir: &Path) -> PathBuf {
        match &self.folder {
            Some(folder) => dir.join(folder),
            None => dir.to_owned(),
        }
    }
}

/// Where each meeting file's notes go: into `out` for a run of one file; for
/// several, each into a folder of `out` named after the file, without its
/// extension (`out/ccm-7msp-reminder`). Two files whose names differ only
/// in case are refused, as some file systems fold it and their notes would
/// write one folder; so is such a folder that is a symbolic link.
pub fn destinations(meetings: &[PathBuf], out: &Path) -> Result<Vec<Destination>> {
    if let [_] = meetings {
        return Ok(vec![Destination {
            folder: None,
            out: out.to_owned(),
        }]);
    }
    let mut destinations: Vec<Destination> = Vec::with_capacity(meetings.len());
    let mut names: Vec<String> = Vec::with_capacity(meetings.len());
    for meeting in meetings {
        let stem = meeting
            .file_stem()
            .filter(|stem| !matches!(stem.to_str(), Some("." | "..")))
            .ok_or_else(|| {
                Error::invalid(
                    Diagnostic::error(format!(
                        "the meeting file `{}` has no name to give its notes' folder",
                        meeting.display()
                    ))
                    .hint("give the file a name such as `meeting.yaml`"),
                )
            })?;
        let folder = out.join(stem);
        let name = stem.to_string_lossy().to_lowercase();
        if let Some(own) = folder::OWN_FILES
            .iter()
            .find(|own| own.to_lowercase() == name)
        {
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "the notes of `{}` would go into a folder `{}`, the name of a file a batch \
                     keeps in its output folder",
                    meeting.display(),
                    out.join(own).display()
                ))
                .hint("rename the meeting file"),
            ));
        }
        if let Some(first) = names.iter().position(|n| *n == name) {
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "`{}` and `{}` would write their notes into one folder, `{}`",
                    meetings[first].display(),
                    meeting.display(),
                    folder.display()
                ))
                .hint(if meetings[first] == *meeting {
                    "give each meeting file once"
                } else {
                    "the notes of each meeting file go into a folder named after it, \
                     whatever its case: rename one of the files, or make their notes in \
                     two runs with their own `--out`"
                }),
            ));
        }
        output::refuse_link(&folder)?;
        names.push(name);
        destinations.push(Destination {
            folder: Some(stem.to_owned()),
            out: folder,
        });
    }
    Ok(destinations)
}

/// Refuses, before anything is written, runs of several meeting files whose
/// outputs would collide across them, as [`run`] refuses a run of one.
pub fn check_runs(records: &[Record], runs: &[(&Loaded, &BatchOptions)]) -> Result<()> {
    let planned: Vec<(Vec<Job>, &BatchOptions)> = runs
        .iter()
        .map(|&(loaded, options)| {
            let (jobs, _) = plan(records, options, &loaded.frame.languages());
            (jobs, options)
        })
        .collect();
    let runs: Vec<(&[Job], &BatchOptions)> = planned
        .iter()
        .map(|(jobs, options)| (jobs.as_slice(), *options))
        .collect();
    outputs::check(&runs)
}

/// What came of a batch.
#[derive(Debug)]
pub struct Outcome {
    /// Notes typeset and written.
    pub written: usize,
    /// Notes whose inputs had not changed, left as they were.
    pub skipped: usize,
    /// Notes that failed, by mission, with why.
    pub failures: Vec<(String, Vec<Diagnostic>)>,
    /// Notes written with warnings (characters the fonts lack), by mission
    /// and language.
    pub warnings: Vec<(String, Vec<Diagnostic>)>,
    /// Notes not started because the batch was stopped.
    pub unstarted: usize,
    /// Whether a note failed for want of the environment (a file that
    /// could not be written), not for a mistake in a file.
    pub environment_failed: bool,
    /// What was written to the manifests.
    pub manifest: Manifest,
    /// The notes of this run that are in their files, written or left as
    /// they were, in list order.
    pub notes: Vec<Entry>,
}

/// How a batch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every note is written.
    Complete,
    /// Some notes failed for a mistake in a file; the others are written.
    SomeFailed,
    /// Some notes could not be written: the environment failed.
    EnvironmentFailed,
    /// Stopped before every note was started.
    Stopped,
}

impl Outcome {
    /// How the batch ended.
    pub fn ending(&self) -> Ending {
        if self.unstarted > 0 {
            Ending::Stopped
        } else if self.environment_failed {
            Ending::EnvironmentFailed
        } else if !self.failures.is_empty() {
            Ending::SomeFailed
        } else {
            Ending::Complete
        }
    }

    /// How many notes the batch was to make.
    pub fn planned(&self) -> usize {
        self.written + self.skipped + self.failures.len() + self.unstarted
    }
}

/// The records with these codes, in list order, or all of them when `codes`
/// is empty; a code the list lacks is an error.
pub fn select(records: &[Record], codes: &[String]) -> Result<Vec<Record>> {
    if codes.is_empty() {
        return Ok(records.to_vec());
    }
    let unknown: Vec<&str> = codes
        .iter()
        .filter(|code| {
            !records
                .iter()
                .any(|r| r.code.as_deref() == Some(code.as_str()))
        })
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(Error::invalid(
            Diagnostic::error(format!(
                "no mission with the code {} in the list",
                unknown.join(", ")
            ))
            .hint("codes are ISO 3166 alpha-3, in capitals: FRA,CAN"),
        ));
    }
    Ok(records
        .iter()
        .filter(|r| r.code.as_ref().is_some_and(|c| codes.contains(c)))
        .cloned()
        .collect())
}

/// Produces one note per mission (and language), in parallel, and writes the
/// manifests. `progress` hears of each note as it is done, with the number of
/// notes planned. A record or note that fails is reported and the others are
/// still written: the outcome says so.
///
/// The folder is locked while the batch runs: a second batch into it is
/// refused. Each note written is journaled at once, so that a run killed
/// half-way leaves a record of its notes, which the next run skips; the
/// manifests list every note in the folder, of this run and earlier ones.
pub fn run(
    engine: &Engine,
    loaded: &Loaded,
    records: &[Record],
    options: &BatchOptions,
    progress: &(dyn Fn(&Entry, usize) + Sync),
) -> Result<Outcome> {
    let (jobs, unreadable) = plan(records, options, &loaded.frame.languages());
    outputs::check(&[(&jobs, options)])?;
    let folder = Folder::open(&options.out)?;
    folder.remove_stale_parts(jobs.iter().filter_map(|j| Path::new(&j.file).parent()));
    let previous = folder.previous();
    let total = jobs.len() + unreadable.len();
    for early in &unreadable {
        progress(&early.entry, total);
    }
    let batch = Batch {
        engine,
        loaded,
        options,
        previous: &previous,
        folder: &folder,
        progress,
        total,
        fonts: (0..options.jobs.max(1)).map(Fonts::for_worker).collect(),
    };
    let typeset = batch.typeset_all(&jobs)?;
    let mut done = unreadable;
    done.extend(typeset.done);
    // The notes of earlier runs that this one did not make again and that
    // are still there stay listed: they are in the folder.
    let files: BTreeSet<&str> = done
        .iter()
        .filter_map(|d| d.entry.file.as_deref())
        .collect();
    let earlier = previous.values().filter(|e| {
        e.status == Status::Ok
            && e.file
                .as_deref()
                .is_some_and(|f| !files.contains(f) && options.out.join(f).is_file())
    });
    let manifest = Manifest::new(
        file_name(&loaded.path),
        done.iter()
            .map(|d| d.entry.clone())
            .chain(earlier.cloned())
            .collect(),
    );
    manifest.write(&options.out)?;
    folder.fold_journal()?;
    let notes = done
        .iter()
        .filter(|d| d.entry.status == Status::Ok)
        .map(|d| d.entry.clone())
        .collect();
    let mut outcome = outcome(done, typeset.unstarted, manifest);
    outcome.notes = order(notes, &jobs);
    Ok(outcome)
}

/// The notes of this run in list order.
fn order(notes: Vec<Entry>, jobs: &[Job]) -> Vec<Entry> {
    let mut by_file: BTreeMap<String, Entry> = notes
        .into_iter()
        .filter_map(|e| Some((e.file.clone()?, e)))
        .collect();
    jobs.iter()
        .filter_map(|j| by_file.remove(&j.file))
        .collect()
}

/// One note to produce.
struct Job<'a> {
    mission: String,
    recipient: &'a Recipient,
    lang: Lang,
    file: String,
}

/// What a job came to, before it is summed up.
struct Done {
    entry: Entry,
    /// The note was left as an earlier run wrote it.
    skipped: bool,
    /// Why it failed, or the warnings of a note written.
    diagnostics: Vec<Diagnostic>,
    /// It failed for want of the environment.
    environment: bool,
}

impl Done {
    /// A note an earlier run made, left as it is.
    fn unchanged(entry: Entry) -> Self {
        Self {
            entry,
            skipped: true,
            diagnostics: Vec::new(),
            environment: false,
        }
    }

    /// A note that could not be made.
    fn failed(job: Option<&Job>, mission: &str, error: Error) -> Self {
        let environment = matches!(error, Error::Environment(_));
        let diagnostics = error.into_diagnostics();
        let entry = Entry::failed(
            mission,
            job.map(|j| j.lang),
            job.map(|j| j.file.as_str()),
            &diagnostics,
        );
        Self {
            entry,
            skipped: false,
            diagnostics,
            environment,
        }
    }
}

/// What typesetting the jobs came to.
struct Typeset {
    /// The notes done.
    done: Vec<Done>,
    /// How many notes were not started.
    unstarted: usize,
}

/// The notes to make, and the records that cannot make one, already done.
fn plan<'a>(
    records: &'a [Record],
    options: &BatchOptions,
    written: &[Lang],
) -> (Vec<Job<'a>>, Vec<Done>) {
    let mut jobs = Vec::new();
    let mut unreadable = Vec::new();
    for record in records {
        let mission = record
            .code
            .clone()
            .unwrap_or_else(|| format!("#{}", record.index + 1));
        match &record.recipient {
            Err(diagnostics) => unreadable.push(Done::failed(
                None,
                &mission,
                Error::Invalid(if diagnostics.is_empty() {
                    // A record past the mistakes a list says.
                    vec![
                        Diagnostic::error(
                            "this record has mistakes, not said: the list has too many",
                        )
                        .hint("`noteverbale check` the list, and mend the mistakes it says first"),
                    ]
                } else {
                    diagnostics.clone()
                }),
            )),
            Ok(recipient) => {
                for lang in languages(recipient, options.languages, written) {
                    jobs.push(Job {
                        mission: mission.clone(),
                        recipient,
                        lang,
                        file: options.pattern.file(&recipient.code, lang),
                    });
                }
            }
        }
    }
    (jobs, unreadable)
}

/// The languages of a mission's notes, of those the note is `written` in:
/// a mission whose language the note is not written in gets it in the
/// note's first; one language asked for and not written is refused when
/// the note is composed.
fn languages(recipient: &Recipient, choice: Languages, written: &[Lang]) -> Vec<Lang> {
    match choice {
        Languages::Mission if written.contains(&recipient.language) => vec![recipient.language],
        Languages::Mission => written.iter().take(1).copied().collect(),
        Languages::Only(lang) => vec![lang],
        Languages::All => written.to_vec(),
    }
}

/// What every job of a run shares.
struct Batch<'a> {
    engine: &'a Engine,
    loaded: &'a Loaded,
    options: &'a BatchOptions,
    previous: &'a BTreeMap<String, Entry>,
    folder: &'a Folder,
    progress: &'a (dyn Fn(&Entry, usize) + Sync),
    total: usize,
    /// Each worker's fonts, so that no two threads share Typst's and the
    /// PDF writer's objects of a font ([`Fonts::for_worker`]).
    fonts: Vec<Fonts>,
}

impl Batch<'_> {
    /// Produces every job, in order: each worker takes the next note when
    /// done with its last (with `par_iter`, a worker waiting on Typst's own
    /// parallel work would start other notes meanwhile, and hold many at
    /// once), and whichever finishes a [`CHUNK`]th note trims Typst's caches
    /// while the other typesets on: no worker waits for another.
    fn typeset_all(&self, jobs: &[Job]) -> Result<Typeset> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.options.jobs.max(1))
            .stack_size(crate::typeset::STACK_SIZE)
            .thread_name(|i| format!("noteverbale-{i}"))
            .build()
            .map_err(|e| Error::environment("could not start the worker threads", e))?;
        let stopped = || {
            self.options
                .stop
                .as_ref()
                .is_some_and(|stop| stop.load(Ordering::Relaxed))
        };
        let next = AtomicUsize::new(0);
        let finished = AtomicUsize::new(0);
        let mut results: Vec<(usize, Option<Done>)> = pool
            .broadcast(|worker| {
                let fonts = &self.fonts[worker.index()];
                let mut mine = Vec::new();
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(index) else {
                        break mine;
                    };
                    if stopped() {
                        mine.push((index, None));
                        continue;
                    }
                    let done = self.produce(job, fonts);
                    (self.progress)(&done.entry, self.total);
                    mine.push((index, Some(done)));
                    if (finished.fetch_add(1, Ordering::Relaxed) + 1).is_multiple_of(CHUNK) {
                        // Keep from Typst's caches only what the last notes
                        // used again: the paragraphs every note shares stay
                        // laid out, each note's own work goes. 10,000 notes
                        // peaked at 211 MB so, and 195 took a quarter less
                        // time than when emptying the caches (`evict(0)`); a
                        // longer memory (`evict(10)`, as for a preview) took
                        // 1.2 GB for 2,000 notes. The caches are shared and
                        // locked: a note typesetting meanwhile at most
                        // typesets again what it would have found there.
                        typst::comemo::evict(1);
                    }
                }
            })
            .into_iter()
            .flatten()
            .collect();
        results.sort_by_key(|(index, _)| *index);
        let mut typeset = Typeset {
            done: Vec::new(),
            unstarted: 0,
        };
        for (_, result) in results {
            match result {
                Some(result) => typeset.done.push(result),
                None => typeset.unstarted += 1,
            }
        }
        Ok(typeset)
    }

    /// Typesets and writes one note, unless an identical one is already there.
    fn produce(&self, job: &Job, fonts: &Fonts) -> Done {
        self.try_produce(job, fonts)
            .unwrap_or_else(|error| Done::failed(Some(job), &job.mission, error))
    }

    fn try_produce(&self, job: &Job, fonts: &Fonts) -> Result<Done> {
        let options = self.options;
        let composed =
            self.engine
                .compose_note(self.loaded, job.lang, Some(job.recipient), &options.note)?;
        let input = input_digest(&composed.digest(), &options.pdf);
        let path = self.folder.prepare(&job.file)?;
        if !options.force
            && let Some(previous) = self.previous.get(&job.file)
            && is_unchanged(previous, &input, &path)
        {
            return Ok(Done::unchanged(previous.clone()));
        }
        let note = self.engine.typeset_with(&composed, fonts)?;
        let pdf = note.pdf(&options.pdf)?;
        output::write_atomic_unsynced(&path, &pdf)?;
        let entry = Entry {
            mission: job.mission.clone(),
            language: Some(job.lang),
            file: Some(job.file.clone()),
            pages: Some(note.pages()),
            sha256: Some(hex(&Sha256::digest(&pdf))),
            input: Some(input),
            status: Status::Ok,
            error: None,
        };
        self.folder.record(&entry)?;
        Ok(Done {
            entry,
            skipped: false,
            diagnostics: note.warnings,
            environment: false,
        })
    }
}

/// Whether the note an earlier run made from the same inputs is still in its
/// file, as it was written.
fn is_unchanged(previous: &Entry, input: &str, path: &Path) -> bool {
    previous.status == Status::Ok
        && previous.input.as_deref() == Some(input)
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
        && std::fs::read(path).is_ok_and(|bytes| {
            previous.sha256.as_deref() == Some(hex(&Sha256::digest(&bytes)).as_str())
        })
}

/// Everything a PDF is made from: its source's digest and the PDF settings.
fn input_digest(source: &str, pdf: &PdfOptions) -> String {
    let mut digest = Sha256::new();
    digest.update(source);
    digest.update(format!("{:?}", pdf.standards));
    hex(&digest.finalize())
}

/// Sums up the notes done.
fn outcome(done: Vec<Done>, unstarted: usize, manifest: Manifest) -> Outcome {
    let label = |d: &Done| {
        let language = d.entry.language.map_or("", |l| l.code());
        format!("{} {language}", d.entry.mission)
    };
    let (ok, failed): (Vec<Done>, Vec<Done>) =
        done.into_iter().partition(|d| d.entry.status == Status::Ok);
    let environment_failed = failed.iter().any(|d| d.environment);
    Outcome {
        written: ok.iter().filter(|d| !d.skipped).count(),
        skipped: ok.iter().filter(|d| d.skipped).count(),
        warnings: ok
            .iter()
            .filter(|d| !d.diagnostics.is_empty())
            .map(|d| (label(d), d.diagnostics.clone()))
            .collect(),
        failures: failed
            .into_iter()
            .map(|d| (d.entry.mission, d.diagnostics))
            .collect(),
        unstarted,
        environment_failed,
        manifest,
        notes: Vec::new(),
    }
}

/// The meeting file's name, for the manifest.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}
