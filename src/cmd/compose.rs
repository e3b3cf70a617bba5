//! `__compose`: the worker that runs a user's templates for one note within
//! limits ([`noteverbale::guard`]), its job read on standard input. It says
//! each stage on standard output as it starts it, and `done` at its end,
//! whether the note came out or the templates hold a mistake: the process
//! that waits for it does the same work again, now known to end.

use std::io::{Read, Write};

use noteverbale::guard::{self, Job, stage};
use noteverbale::{Engine, Error, Lang, Result, Sources};

use super::Exit;

/// Runs the job on standard input.
pub fn run() -> Result<Exit> {
    guard::lower_limits()?;
    // Typst's threads each reserve their stack: a few, whatever the machine,
    // keep the worker's memory far below its limit.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build_global();
    let mut input = Vec::new();
    std::io::stdin()
        .take(64 * 1024 * 1024)
        .read_to_end(&mut input)
        .map_err(|e| Error::environment("could not read the job", e))?;
    let job: Job = serde_json::from_slice(&input)
        .map_err(|e| Error::environment("could not read the job", e))?;
    let lang: Lang = job
        .lang
        .parse()
        .map_err(|_| Error::environment("could not read the job", "no such language"))?;
    let engine = Engine::new(&Sources {
        templates: Some(job.templates),
        locales: job.locales,
        worker: None,
    });
    // A mistake is found again, and shown, by the process that waits.
    if let Ok(engine) = engine
        && let Ok(loaded) = engine.load(&job.meeting)
    {
        say(stage::COMPOSE);
        if let Ok(composed) = engine.compose_here(&loaded, lang, &job.context) {
            say(stage::TYPESET);
            let _ = engine.typeset(&composed);
        }
    }
    say(stage::DONE);
    Ok(Exit::Success)
}

/// Says a stage to the process that waits.
fn say(stage: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{stage}");
    let _ = out.flush();
}
