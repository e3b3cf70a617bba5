//! `__compose`: the worker that runs a user's templates within limits
//! ([`noteverbale::guard`]), one job a line of its standard input, until its
//! input ends. For each job it says each stage on standard output as it
//! starts it, and `done` at its end, whether the note came out or the
//! templates hold a mistake: the process that waits does the same work
//! again, now known to end, and shows the mistake.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use noteverbale::guard::{self, Job, stage};
use noteverbale::{Engine, Error, Lang, Result, Sources};

use super::Exit;

/// Runs the jobs on standard input.
pub fn run() -> Result<Exit> {
    guard::lower_memory()?;
    // Typst's threads each reserve their stack: a few, whatever the machine,
    // keep the worker's memory far below its limit.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build_global();
    // The engine of the last job's folders, kept for the next.
    let mut engine: Option<((PathBuf, Option<PathBuf>), Engine)> = None;
    for line in std::io::stdin().lock().lines() {
        let line = line.map_err(|e| Error::environment("could not read a job", e))?;
        let job: Job = serde_json::from_str(&line)
            .map_err(|e| Error::environment("could not read a job", e))?;
        guard::allow_time()?;
        let folders = (job.templates.clone(), job.locales.clone());
        let same = engine.as_ref().is_some_and(|(last, _)| *last == folders);
        if !same {
            engine = Engine::new(&Sources {
                templates: Some(job.templates.clone()),
                locales: job.locales.clone(),
                worker: None,
            })
            .ok()
            .map(|engine| (folders, engine));
        }
        if let (Some((_, engine)), Ok(lang)) = (&engine, job.lang.parse::<Lang>()) {
            run_job(engine, &job, lang);
        }
        say(stage::DONE);
        typst::comemo::evict(10);
    }
    Ok(Exit::Success)
}

/// Composes and typesets the note of `job`; a mistake is found again, and
/// shown, by the process that waits.
fn run_job(engine: &Engine, job: &Job, lang: Lang) {
    let Ok(loaded) = engine.load(&job.meeting) else {
        return;
    };
    say(stage::COMPOSE);
    if let Ok(composed) = engine.compose_here(&loaded, lang, &job.context) {
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
