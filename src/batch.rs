//! One note per mission: the jobs, typesetting them in parallel, skipping
//! those whose inputs have not changed, and the manifest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Diagnostic, Error, Result};
use crate::recipients::{Recipient, Record};
use crate::{Engine, Input, Lang, RenderOptions, hex, output};

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
    /// Only these mission codes; every mission when empty.
    pub only: Vec<String>,
    /// How many notes are typeset at once.
    pub jobs: usize,
    /// File names: `{code}` and `{lang}` are replaced; `/` makes folders.
    pub pattern: String,
    /// Typeset every note, even those whose inputs have not changed.
    pub force: bool,
    /// Draft mark and PDF standards.
    pub render: RenderOptions,
    /// Set from elsewhere (on Ctrl-C) to stop: notes being typeset are
    /// finished and the manifests written; no other note is started.
    pub stop: Option<Arc<AtomicBool>>,
}

/// The default file name pattern.
pub const DEFAULT_PATTERN: &str = "{code}.{lang}.pdf";

/// The manifests' file names, in the output folder.
pub const MANIFEST_JSON: &str = "manifest.json";
/// See [`MANIFEST_JSON`].
pub const MANIFEST_CSV: &str = "manifest.csv";

/// Notes typeset together before Typst's caches are trimmed: memory stays flat
/// however long the list.
const CHUNK: usize = 64;

/// Typst recurses deeply; rayon's default worker stacks are too small for it.
const STACK_SIZE: usize = 64 * 1024 * 1024;

/// What became of one note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The mission's code, or `#N` for a record without one.
    pub mission: String,
    /// The note's language, when the record could be read.
    pub language: Option<Lang>,
    /// The file, relative to the output folder.
    pub file: Option<String>,
    /// How many pages.
    pub pages: Option<usize>,
    /// SHA-256 of the PDF.
    pub sha256: Option<String>,
    /// SHA-256 of everything the note is made from: the generated source, the
    /// logo, the templates, the locales, the PDF settings and the version.
    pub input: Option<String>,
    /// `ok` or `failed`.
    pub status: Status,
    /// Why it failed.
    pub error: Option<String>,
}

/// Whether a note was produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The note is in its file.
    Ok,
    /// It could not be produced.
    Failed,
}

/// Every note of a batch, in mission and language order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The meeting file's name.
    pub meeting: String,
    /// The notes.
    pub notes: Vec<Entry>,
}

/// The outcome of a batch.
#[derive(Debug)]
pub struct Summary {
    /// Notes typeset and written.
    pub written: usize,
    /// Notes whose inputs had not changed, left as they were.
    pub skipped: usize,
    /// Notes that failed, with why.
    pub failures: Vec<(String, Vec<Diagnostic>)>,
    /// Notes written with warnings (characters the fonts lack), by mission
    /// and language.
    pub warnings: Vec<(String, Vec<Diagnostic>)>,
    /// Notes not started because the batch was stopped.
    pub unstarted: usize,
    /// What was written to the manifests.
    pub manifest: Manifest,
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
}

impl Done {
    /// A note left as an earlier run wrote it.
    fn unchanged(entry: Entry) -> Self {
        Self {
            entry,
            skipped: true,
            diagnostics: Vec::new(),
        }
    }
}

/// Produces one note per mission (and language), in parallel, and writes the
/// manifests. `progress` hears of each note as it is done, with the number of
/// notes planned. A record or note that fails is reported and the others are still
/// written; the caller tells the user and exits non-zero.
pub fn run(
    engine: &Engine,
    input: &Input,
    records: &[Record],
    options: &BatchOptions,
    progress: &(dyn Fn(&Entry, usize) + Sync),
) -> Result<Summary> {
    check_pattern(&options.pattern, options.languages)?;
    let records = select(records, &options.only)?;
    std::fs::create_dir_all(&options.out).map_err(|e| Error::write(&options.out, e))?;
    remove_stale_parts(&options.out);
    let previous = read_manifest(&options.out.join(MANIFEST_JSON));

    let mut done: Vec<Done> = Vec::new();
    let mut jobs = Vec::new();
    for record in records {
        let mission = record
            .code
            .clone()
            .unwrap_or_else(|| format!("#{}", record.index + 1));
        match &record.recipient {
            Err(diagnostics) => {
                let entry = failed(&mission, None, None, diagnostics);
                done.push(Done {
                    entry,
                    skipped: false,
                    diagnostics: diagnostics.clone(),
                });
            }
            Ok(recipient) => {
                for lang in languages(recipient, options.languages) {
                    let file = options
                        .pattern
                        .replace("{code}", &recipient.code)
                        .replace("{lang}", lang.code());
                    jobs.push(Job {
                        mission: mission.clone(),
                        recipient,
                        lang,
                        file,
                    });
                }
            }
        }
    }

    let total = done.len() + jobs.len();
    for early in &done {
        progress(&early.entry, total);
    }

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.max(1))
        .stack_size(STACK_SIZE)
        .thread_name(|i| format!("noteverbale-{i}"))
        .build()
        .map_err(|e| {
            Error::invalid(Diagnostic::error(format!(
                "cannot start worker threads: {e}"
            )))
        })?;
    let stopped = || {
        options
            .stop
            .as_ref()
            .is_some_and(|stop| stop.load(Ordering::Relaxed))
    };
    let mut unstarted = 0;
    let mut kept = Vec::new();
    for chunk in jobs.chunks(CHUNK) {
        // Each worker takes the next note when done with its last. (With
        // `par_iter`, a worker waiting on Typst's own parallel work would
        // start other notes meanwhile, and hold many at once.)
        let next = AtomicUsize::new(0);
        let mut results: Vec<(usize, Option<Done>)> = pool
            .broadcast(|_| {
                let mut mine = Vec::new();
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = chunk.get(index) else {
                        break mine;
                    };
                    if stopped() {
                        mine.push((index, None));
                        continue;
                    }
                    let done = produce(engine, input, job, options, previous.get(&job.file));
                    progress(&done.entry, total);
                    mine.push((index, Some(done)));
                }
            })
            .into_iter()
            .flatten()
            .collect();
        results.sort_by_key(|(index, _)| *index);
        let results = results.into_iter().map(|(_, done)| done);
        for (job, result) in chunk.iter().zip(results) {
            match result {
                Some(result) => done.push(result),
                None => {
                    unstarted += 1;
                    // A note made by an earlier run stays listed: it is still
                    // there, and still checked before it is skipped.
                    if let Some(entry) = previous.get(&job.file) {
                        kept.push(Done::unchanged(entry.clone()));
                    }
                }
            }
        }
        // Keep from Typst's caches only what this chunk used again: the
        // paragraphs every note shares stay laid out, each note's own work
        // goes. 10,000 notes peaked at 211 MB so, and 195 took a quarter less
        // time than when emptying the caches (`evict(0)`); a longer memory
        // (`evict(10)`, as for a preview) took 1.2 GB for 2,000 notes.
        typst::comemo::evict(1);
    }

    let mut notes: Vec<Entry> = done.iter().chain(&kept).map(|d| d.entry.clone()).collect();
    notes.sort_by(|a, b| (&a.mission, a.language).cmp(&(&b.mission, b.language)));
    let meeting = input
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let manifest = Manifest { meeting, notes };
    write_manifests(&options.out, &manifest)?;

    Ok(Summary {
        written: done
            .iter()
            .filter(|d| d.entry.status == Status::Ok && !d.skipped)
            .count(),
        skipped: done.iter().filter(|d| d.skipped).count(),
        unstarted,
        warnings: done
            .iter()
            .filter(|d| d.entry.status == Status::Ok && !d.diagnostics.is_empty())
            .map(|d| {
                let language = d.entry.language.map_or("", |l| l.code());
                (
                    format!("{} {language}", d.entry.mission),
                    d.diagnostics.clone(),
                )
            })
            .collect(),
        failures: done
            .into_iter()
            .filter(|d| d.entry.status == Status::Failed)
            .map(|d| (d.entry.mission, d.diagnostics))
            .collect(),
        manifest,
    })
}

/// Typesets and writes one note, unless an identical one is already there.
fn produce(
    engine: &Engine,
    input: &Input,
    job: &Job,
    options: &BatchOptions,
    previous: Option<&Entry>,
) -> Done {
    let render = RenderOptions {
        recipient: Some(job.recipient.clone()),
        ..options.render.clone()
    };
    let attempt = || -> Result<(Entry, bool, Vec<Diagnostic>)> {
        let source = engine.source(input, job.lang, &render)?;
        let fingerprint = input_digest(engine, input, &source, &render);
        let path = options.out.join(&job.file);
        if !options.force
            && let Some(previous) = previous
            && previous.status == Status::Ok
            && previous.input.as_deref() == Some(fingerprint.as_str())
            && let Ok(bytes) = std::fs::read(&path)
            && previous.sha256.as_deref() == Some(hex(&Sha256::digest(&bytes)).as_str())
        {
            return Ok((previous.clone(), true, Vec::new()));
        }
        let note = engine.compile(input, job.lang, source, &render)?;
        let pdf = note.pdf()?;
        output::write_atomic_unsynced(&path, &pdf)?;
        let entry = Entry {
            mission: job.mission.clone(),
            language: Some(job.lang),
            file: Some(job.file.clone()),
            pages: Some(note.pages()),
            sha256: Some(hex(&Sha256::digest(&pdf))),
            input: Some(fingerprint),
            status: Status::Ok,
            error: None,
        };
        Ok((entry, false, note.warnings))
    };
    match attempt() {
        Ok((entry, skipped, warnings)) => Done {
            entry,
            skipped,
            diagnostics: warnings,
        },
        Err(error) => {
            let diagnostics = match &error {
                Error::Invalid(list) => list.clone(),
                other => vec![Diagnostic::error(other.to_string())],
            };
            let entry = failed(&job.mission, Some(job.lang), Some(&job.file), &diagnostics);
            Done {
                entry,
                skipped: false,
                diagnostics,
            }
        }
    }
}

fn failed(
    mission: &str,
    language: Option<Lang>,
    file: Option<&str>,
    diagnostics: &[Diagnostic],
) -> Entry {
    Entry {
        mission: mission.to_owned(),
        language,
        file: file.map(str::to_owned),
        pages: None,
        sha256: None,
        input: None,
        status: Status::Failed,
        error: Some(
            diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        ),
    }
}

/// Everything a note is made from, digested.
fn input_digest(engine: &Engine, input: &Input, source: &str, render: &RenderOptions) -> String {
    let mut digest = Sha256::new();
    digest.update(engine.fingerprint());
    digest.update(format!("{:?}", render.standards));
    digest.update((source.len() as u64).to_le_bytes());
    digest.update(source);
    for extra in &input.extras {
        digest.update(&extra.path);
        digest.update((extra.bytes.len() as u64).to_le_bytes());
        digest.update(&extra.bytes);
    }
    hex(&digest.finalize())
}

fn languages(recipient: &Recipient, choice: Languages) -> Vec<Lang> {
    match choice {
        Languages::Mission => vec![recipient.language],
        Languages::Only(lang) => vec![lang],
        Languages::All => Lang::ALL.to_vec(),
    }
}

/// The records `--only` keeps; an unknown code is an error before any work.
fn select<'a>(records: &'a [Record], only: &[String]) -> Result<Vec<&'a Record>> {
    if only.is_empty() {
        return Ok(records.iter().collect());
    }
    let unknown: Vec<&String> = only
        .iter()
        .filter(|code| {
            !records
                .iter()
                .any(|r| r.code.as_deref() == Some(code.as_str()))
        })
        .collect();
    if !unknown.is_empty() {
        let list: Vec<&str> = unknown.iter().map(|c| c.as_str()).collect();
        return Err(Error::invalid(
            Diagnostic::error(format!(
                "no mission with the code {} in the list",
                list.join(", ")
            ))
            .field("--only")
            .hint("codes are ISO 3166 alpha-3, in capitals: FRA,CAN"),
        ));
    }
    Ok(records
        .iter()
        .filter(|r| r.code.as_ref().is_some_and(|c| only.contains(c)))
        .collect())
}

/// A pattern must give each note its own file, inside the output folder.
fn check_pattern(pattern: &str, languages: Languages) -> Result<()> {
    let problem = if !pattern.contains("{code}") {
        Some("the file name pattern lacks `{code}`: every mission would write the same file")
    } else if languages == Languages::All && !pattern.contains("{lang}") {
        Some("the file name pattern lacks `{lang}`: the two languages would write the same file")
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
            Diagnostic::error(message)
                .field("--pattern")
                .hint(format!("the default is `{DEFAULT_PATTERN}`")),
        )),
        None => Ok(()),
    }
}

/// The previous run's entries by file, if there was one.
fn read_manifest(path: &Path) -> BTreeMap<String, Entry> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeMap::new();
    };
    let Ok(manifest) = serde_json::from_str::<Manifest>(&text) else {
        return BTreeMap::new();
    };
    manifest
        .notes
        .into_iter()
        .filter_map(|e| Some((e.file.clone()?, e)))
        .collect()
}

fn write_manifests(out: &Path, manifest: &Manifest) -> Result<()> {
    let mut json = serde_json::to_vec_pretty(manifest)
        .map_err(|e| Error::write(out.join(MANIFEST_JSON), e.into()))?;
    json.push(b'\n');
    let mut csv = csv::Writer::from_writer(Vec::new());
    let header = [
        "mission", "language", "file", "pages", "sha256", "input", "status", "error",
    ];
    let mut rows = vec![header.map(str::to_owned).to_vec()];
    for e in &manifest.notes {
        rows.push(vec![
            e.mission.clone(),
            e.language.map(|l| l.code().to_owned()).unwrap_or_default(),
            e.file.clone().unwrap_or_default(),
            e.pages.map(|p| p.to_string()).unwrap_or_default(),
            e.sha256.clone().unwrap_or_default(),
            e.input.clone().unwrap_or_default(),
            match e.status {
                Status::Ok => "ok".to_owned(),
                Status::Failed => "failed".to_owned(),
            },
            e.error.clone().unwrap_or_default(),
        ]);
    }
    for row in rows {
        csv.write_record(&row)
            .map_err(|e| Error::write(out.join(MANIFEST_CSV), e.into()))?;
    }
    let csv = csv
        .into_inner()
        .map_err(|e| Error::write(out.join(MANIFEST_CSV), e.into_error()))?;
    output::write_all_atomic(&[
        (out.join(MANIFEST_JSON), json),
        (out.join(MANIFEST_CSV), csv),
    ])
}

/// Temporary files a killed run left behind are removed before a new one.
fn remove_stale_parts(out: &Path) {
    let mut folders = vec![out.to_owned()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if entry.file_type().is_ok_and(|t| t.is_dir()) && folders.len() < 64 {
                folders.push(path);
            } else if name.starts_with(".noteverbale-") && name.ends_with(".part") {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}
