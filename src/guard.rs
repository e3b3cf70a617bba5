//! A user's templates run within limits of time and memory.
//!
//! Neither Tera nor Typst has a clock (Typst caps its loops and its calls'
//! depth, Tera nothing), and a Rust process ends when an allocation fails: a
//! limit that holds must be held by the system. So before a note of a user's
//! templates is composed and typeset in this process, a worker (this same
//! program, as `noteverbale __compose`) does both with its own limits lowered
//! ([`lower_limits`]) while this process keeps a clock on it. Once the worker
//! has come to its end, success or a mistake of the templates, the same work
//! is bounded here too: it is the same work. The built-in templates are
//! trusted, and run in this process only.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, Error, Result};

/// The longest a note of a user's templates may take, composed and
/// typeset: a note takes a fraction of a second, a thousand times less.
pub const TIME: Duration = Duration::from_secs(10);

/// The most memory (address space) the worker may take: a note takes a few
/// hundred megabytes with the fonts and Typst's threads.
pub const MEMORY: u64 = 2 * 1024 * 1024 * 1024;

/// The name of the hidden command that runs a job.
pub const COMMAND: &str = "__compose";

/// The stage a worker writes on its standard output as it starts it, and
/// once it is done.
pub mod stage {
    /// Tera renders the note's template.
    pub const COMPOSE: &str = "compose";
    /// Typst typesets the source the template wrote.
    pub const TYPESET: &str = "typeset";
    /// Both came to their end.
    pub const DONE: &str = "done";
}

/// What a worker is given on its standard input: where the templates,
/// locales and meeting file are, and the note's values.
#[derive(Debug, Serialize, Deserialize)]
pub struct Job {
    /// The folder of templates.
    pub templates: PathBuf,
    /// The folder of locales, if any.
    pub locales: Option<PathBuf>,
    /// The meeting file.
    pub meeting: PathBuf,
    /// The note's language, as its code.
    pub lang: String,
    /// The values the template is rendered with.
    pub context: serde_json::Value,
}

/// Runs user templates in a worker: the program that runs them.
#[derive(Debug, Clone)]
pub struct Guard {
    /// The program that understands [`COMMAND`]: this one.
    pub program: PathBuf,
}

/// How a worker's run ended, when it did not come to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overrun {
    /// It ran past [`TIME`].
    Time,
    /// It ran out of [`MEMORY`].
    Memory,
}

impl Guard {
    /// Runs `job` in a worker: `Ok` once it came to its end; the stage it was
    /// in and what it overran, if it did not.
    pub fn run(&self, job: &Job) -> Result<std::result::Result<(), (Overrun, String)>> {
        let failed = |e: std::io::Error| {
            Error::environment("could not run the templates in a worker process", e)
        };
        let mut child = Command::new(&self.program)
            .arg(COMMAND)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(failed)?;
        let started = Instant::now();
        let input = serde_json::to_vec(job).map_err(|e| failed(std::io::Error::other(e)))?;
        if let Some(mut stdin) = child.stdin.take() {
            // A worker that ends at once closes its end: what it says tells.
            let _ = stdin.write_all(&input);
        }
        let mut stdout = child.stdout.take();
        let reader = std::thread::spawn(move || {
            let mut said = String::new();
            if let Some(out) = stdout.as_mut() {
                let _ = out.take(4096).read_to_string(&mut said);
            }
            said
        });
        let mut killed = false;
        let status = loop {
            if let Some(status) = child.try_wait().map_err(failed)? {
                break status;
            }
            if started.elapsed() > TIME {
                let _ = child.kill();
                killed = true;
                break child.wait().map_err(failed)?;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let said = reader.join().unwrap_or_default();
        let stage = said.lines().last().unwrap_or_default().to_owned();
        if status.success() && stage == stage::DONE {
            return Ok(Ok(()));
        }
        let overrun = match signal(&status) {
            _ if killed => Overrun::Time,
            // The limit of processor time, its soft (SIGXCPU) and hard end.
            Some(24 | 9) => Overrun::Time,
            // A failed allocation aborts.
            Some(_) => Overrun::Memory,
            None => {
                return Err(Error::environment(
                    "could not run the templates in a worker process",
                    format!(
                        "`{} {COMMAND}` ended with {status} before its end",
                        self.program.display()
                    ),
                ));
            }
        };
        Ok(Err((overrun, stage)))
    }
}

/// The signal that ended a process, if one did.
#[cfg(unix)]
fn signal(status: &std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

/// The signal that ended a process, if one did.
#[cfg(not(unix))]
fn signal(_: &std::process::ExitStatus) -> Option<i32> {
    None
}

/// The error for a note whose templates overran a limit at `stage`:
/// `template` names the note's template.
pub fn overrun_error(overrun: Overrun, stage: &str, template: &str) -> Error {
    let what = match stage {
        stage::TYPESET => "the Typst that the template wrote",
        _ => "the template",
    };
    let diagnostic = match overrun {
        Overrun::Time => Diagnostic::error(format!(
            "{what} ran longer than the {} s a note may take",
            TIME.as_secs()
        )),
        Overrun::Memory => Diagnostic::error(format!(
            "{what} took more than the {} MiB of memory a note may take",
            MEMORY / (1024 * 1024)
        )),
    };
    let hint = match stage {
        stage::TYPESET => {
            "look for a `while` loop, a long `range` or a function calling itself in the Typst of the template or of the page design (`note.typ`)"
        }
        _ => "look for a `for` loop over a long `range`, or loops inside loops, in the template",
    };
    Error::invalid(diagnostic.in_file(template).hint(hint))
}

/// Lowers this process's limits of processor time and memory to [`TIME`]
/// and [`MEMORY`], for good: what it runs next cannot take more.
#[cfg(unix)]
pub fn lower_limits() -> Result<()> {
    use nix::sys::resource::{Resource, setrlimit};
    let failed = |e: nix::Error| {
        Error::environment(
            "could not limit the worker process",
            std::io::Error::from(e),
        )
    };
    let seconds = TIME.as_secs();
    setrlimit(Resource::RLIMIT_CPU, seconds, seconds + 1).map_err(failed)?;
    setrlimit(Resource::RLIMIT_AS, MEMORY, MEMORY).map_err(failed)?;
    Ok(())
}

/// Lowers this process's limits: only the clock of the process that waits
/// for it holds here.
#[cfg(not(unix))]
pub fn lower_limits() -> Result<()> {
    Ok(())
}
