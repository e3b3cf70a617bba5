//! `__compose`: the worker that runs a user's templates within limits
//! ([`noteverbale::guard`]), one job a line of its standard input, until its
//! input ends. For each job it says each stage on standard output as it
//! starts it, and `done` at its end, whether the note came out or the
//! templates hold a mistake: the process that waits does the same work
//! again, now known to end, and shows the mistake.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use noteverbale::guard::{self, Job, stage};
use noteverbale::{Engine, Error, Lang, Loaded, Result, Sources};

use super::Exit;

/// Runs the jobs on standard input.
pub fn run() -> Result<Exit> {
    guard::lower_memory()?;
    // Typst's threads each reserve their stack: a few, whatever the machine,
    // keep the worker's memory far below its limit.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build_global();
    // The engine of the last job's folders, and the meeting file it read
    // last, kept for the next job: a batch's jobs share both.
    let mut engine: Option<((PathBuf, Option<PathBuf>), Engine)> = None;
    let mut meeting: Option<(Stamp, Loaded)> = None;
    for line in std::io::stdin().lock().lines() {
        let line = line.map_err(|e| Error::environment("could not read a job", e))?;
        let job: Job = serde_json::from_str(&line)
            .map_err(|e| Error::environment("could not read a job", e))?;
        guard::allow_time()?;
        let folders = (job.templates.clone(), job.locales.clone());
        let same = engine.as_ref().is_some_and(|(last, _)| *last == folders);
        if !same {
            meeting = None;
            engine = Engine::new(&Sources {
                templates: Some(job.templates.clone()),
                locales: job.locales.clone(),
                worker: None,
            })
            .ok()
            .map(|engine| (folders, engine));
        }
        if let (Some((_, engine)), Ok(lang)) = (&engine, job.lang.parse::<Lang>()) {
            let stamp = stamp(&job.meeting);
            if meeting
                .as_ref()
                .is_none_or(|(last, _)| stamp.is_none() || *last != stamp)
            {
                meeting = engine.load(&job.meeting).ok().map(|loaded| (stamp, loaded));
            }
            if let Some((_, loaded)) = &meeting {
                run_job(engine, loaded, &job, lang);
            }
        }
        say(stage::DONE);
        typst::comemo::evict(10);
    }
    Ok(Exit::Success)
}

/// A meeting file as it stood when it was read: its path, length and time
/// of change; `None` when it cannot be told, and then it is read again.
type Stamp = Option<(PathBuf, u64, std::time::SystemTime)>;

fn stamp(path: &Path) -> Stamp {
    let metadata = std::fs::metadata(path).ok()?;
    Some((path.to_owned(), metadata.len(), metadata.modified().ok()?))
}

/// Composes and typesets the note of `job`; a mistake is found again, and
/// shown, by the process that waits.
fn run_job(engine: &Engine, loaded: &Loaded, job: &Job, lang: Lang) {
    say(stage::COMPOSE);
    if let Ok(composed) = engine.compose_here(loaded, lang, &job.context) {
        say(stage::TYPESET);
        let _ = engine.typeset(&composed);
    }
}

/// Says a stage to the process that waits.
fn say(stage: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{stage}");
    let _ = out.flush();
}
