//! A user's templates run within limits of time and memory.
//!
//! Neither Tera nor Typst has a clock (Typst caps its loops and its calls'
//! depth, Tera nothing), and a Rust process ends when an allocation fails: a
//! limit that holds must be held by the system. So before a note of a user's
//! templates is composed and typeset in this process, a worker (this same
//! program, as `noteverbale __compose`) does both with its own limits
//! lowered ([`lower_memory`], [`allow_time`]) while this process keeps a
//! clock on it. Once the worker has come to its end, success or a mistake of
//! the templates, the same work is bounded here too: it is the same work.
//! The built-in templates are trusted, and run in this process only.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
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

/// What a worker is given on its standard input, one line of JSON a job:
/// where the templates, locales and meeting file are, and the note's values.
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

/// Runs user templates in workers: the program that runs them, and the
/// workers waiting for a job. A worker takes one job after the other, so
/// that a batch starts a worker a thread, not one a note; one that overruns
/// a limit is stopped, and the next job gets a new one.
pub struct Guard {
    program: PathBuf,
    idle: Mutex<Vec<Worker>>,
    /// The templates that overran a limit, with the limit and the stage:
    /// the notes of a batch that follow get the same error at once.
    overran: Mutex<HashMap<String, (Overrun, String)>>,
}

/// A worker process, its standard input, and the lines it says.
struct Worker {
    child: Child,
    input: ChildStdin,
    said: Receiver<String>,
}

impl std::fmt::Debug for Guard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guard")
            .field("program", &self.program)
            .finish_non_exhaustive()
    }
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
    /// Runs templates with `program`, which understands [`COMMAND`].
    pub fn new(program: PathBuf) -> Self {
        Self {
            program,
            idle: Mutex::new(Vec::new()),
            overran: Mutex::new(HashMap::new()),
        }
    }

    /// A new worker.
    fn start(&self) -> Result<Worker> {
        let mut child = Command::new(&self.program)
            .arg(COMMAND)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(failed)?;
        let input = child
            .stdin
            .take()
            .ok_or_else(|| failed(std::io::ErrorKind::BrokenPipe.into()))?;
        let output = child
            .stdout
            .take()
            .ok_or_else(|| failed(std::io::ErrorKind::BrokenPipe.into()))?;
        let (tell, said) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(output).lines() {
                let Ok(line) = line else { break };
                if tell.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Worker { child, input, said })
    }

    /// Runs `job`, a note of the template `template`, in a worker: `Ok`
    /// once it came to its end; the stage it was in and what it overran, if
    /// it did not. A template that overran once is not run again: each of
    /// its notes would take the whole time.
    pub fn run(
        &self,
        template: &str,
        job: &Job,
    ) -> Result<std::result::Result<(), (Overrun, String)>> {
        let known = self
            .overran
            .lock()
            .ok()
            .and_then(|overran| overran.get(template).cloned());
        if let Some(known) = known {
            return Ok(Err(known));
        }
        let outcome = self.run_once(job)?;
        if let (Err(overrun), Ok(mut overran)) = (&outcome, self.overran.lock()) {
            overran.insert(template.to_owned(), overrun.clone());
        }
        Ok(outcome)
    }

    /// Runs `job` in a worker, as [`Guard::run`] says.
    fn run_once(&self, job: &Job) -> Result<std::result::Result<(), (Overrun, String)>> {
        let mut line = serde_json::to_vec(job).map_err(|e| failed(std::io::Error::other(e)))?;
        line.push(b'\n');
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let mut worker = match idle {
            Some(worker) => worker,
            None => self.start()?,
        };
        if worker
            .input
            .write_all(&line)
            .and_then(|()| worker.input.flush())
            .is_err()
        {
            // An idle worker that has gone: a new one.
            let _ = worker.child.kill();
            let _ = worker.child.wait();
            worker = self.start()?;
            worker.input.write_all(&line).map_err(failed)?;
            worker.input.flush().map_err(failed)?;
        }
        let deadline = Instant::now() + TIME;
        let mut stage = String::new();
        loop {
            match worker
                .said
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(said) if said == stage::DONE => {
                    if let Ok(mut idle) = self.idle.lock() {
                        idle.push(worker);
                    }
                    return Ok(Ok(()));
                }
                Ok(said) => stage = said,
                Err(RecvTimeoutError::Timeout) => {
                    let _ = worker.child.kill();
                    let _ = worker.child.wait();
                    return Ok(Err((Overrun::Time, stage)));
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let status = worker.child.wait().map_err(failed)?;
                    let overrun = match signal(&status) {
                        // The limit of processor time, its soft (SIGXCPU)
                        // and hard end.
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
                    return Ok(Err((overrun, stage)));
                }
            }
        }
    }
}

impl Drop for Guard {
    /// The idle workers end with their input.
    fn drop(&mut self) {
        if let Ok(idle) = self.idle.get_mut() {
            for mut worker in idle.drain(..) {
                drop(worker.input);
                let _ = worker.child.wait();
            }
        }
    }
}

/// The error of a worker that could not be run.
fn failed(error: std::io::Error) -> Error {
    Error::environment("could not run the templates in a worker process", error)
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

/// Lowers this process's memory limit to [`MEMORY`], for good: what it runs
/// next cannot take more.
#[cfg(unix)]
pub fn lower_memory() -> Result<()> {
    use nix::sys::resource::{Resource, setrlimit};
    setrlimit(Resource::RLIMIT_AS, MEMORY, MEMORY).map_err(limit_failed)
}

/// Gives this process [`TIME`] more of processor time from now on: the
/// system stops it past that.
#[cfg(unix)]
pub fn allow_time() -> Result<()> {
    use nix::sys::resource::{Resource, UsageWho, getrlimit, getrusage, setrlimit};
    let usage = getrusage(UsageWho::RUSAGE_SELF).map_err(limit_failed)?;
    let used = usage.user_time().tv_sec() + usage.system_time().tv_sec();
    let until = u64::try_from(used).unwrap_or(0) + 1 + TIME.as_secs();
    let (_, hard) = getrlimit(Resource::RLIMIT_CPU).map_err(limit_failed)?;
    setrlimit(Resource::RLIMIT_CPU, until.min(hard), hard).map_err(limit_failed)
}

#[cfg(unix)]
fn limit_failed(error: nix::Error) -> Error {
    Error::environment(
        "could not limit the worker process",
        std::io::Error::from(error),
    )
}

/// Lowers this process's memory limit: only the clock of the process that
/// waits for it holds here.
#[cfg(not(unix))]
pub fn lower_memory() -> Result<()> {
    Ok(())
}

/// Gives this process more processor time: only the clock of the process
/// that waits for it holds here.
#[cfg(not(unix))]
pub fn allow_time() -> Result<()> {
    Ok(())
}
