//! Everything the command line prints: messages and their wording, the
//! batch's progress and summary, `check`'s report.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use noteverbale::batch::{Entry, Outcome, Status};
use noteverbale::{Diagnostic, Error, Result, Severity};

use crate::cli::{Cli, Color};

/// How much to say on the terminal, and how.
pub struct Console {
    quiet: bool,
    verbose: bool,
    color: bool,
}

impl Console {
    /// The console the command line asks for.
    pub fn new(cli: &Cli) -> Self {
        Self {
            quiet: cli.quiet,
            verbose: cli.verbose,
            color: match cli.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => std::io::stderr().is_terminal(),
            },
        }
    }

    /// A result worth saying, unless quiet: "wrote out/a.pdf".
    pub fn done(&self, line: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", line.as_ref());
        }
    }

    /// What the user must see even when quiet: where the preview is.
    pub fn notice(&self, line: impl AsRef<str>) {
        eprintln!("{}", line.as_ref());
    }

    /// A step, when verbose.
    pub fn step(&self, line: impl AsRef<str>) {
        if self.verbose {
            eprintln!("{}", line.as_ref());
        }
    }

    /// Files written.
    pub fn wrote<'a>(&self, paths: impl IntoIterator<Item = &'a Path>) {
        for path in paths {
            self.done(format!("wrote {}", path.display()));
        }
    }

    /// Warnings, unless quiet.
    pub fn warnings(&self, warnings: &[Diagnostic]) {
        if !self.quiet {
            for warning in warnings {
                eprint!("{}", warning.render(self.color));
            }
        }
    }

    /// Diagnostics, errors or not, whatever the verbosity.
    pub fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        for diagnostic in diagnostics {
            eprint!("{}", diagnostic.render(self.color));
        }
    }

    /// An error, whatever the verbosity.
    pub fn error(&self, error: &Error) {
        eprint!("{}", error.render(self.color));
    }

    /// An error that does not stop the command, as a warning, whatever the
    /// verbosity.
    pub fn warn(&self, error: Error) {
        for mut diagnostic in error.into_diagnostics() {
            diagnostic.severity = Severity::Warning;
            eprint!("{}", diagnostic.render(self.color));
        }
    }

    /// What reports a batch's progress: a bar on a terminal; otherwise one
    /// line for each note that failed, or for every note when verbose.
    pub fn batch_progress(&self) -> BatchProgress {
        let bar = (!self.quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} notes {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        BatchProgress {
            bar,
            verbose: self.verbose,
        }
    }

    /// What a batch came to: its warnings, its failures and one line.
    pub fn batch_summary(&self, outcome: &Outcome, took: Duration, manifest: &Path) {
        if !self.quiet {
            for (note, warnings) in &outcome.warnings {
                eprintln!("{note}:");
                self.diagnostics(warnings);
            }
        }
        for (mission, diagnostics) in &outcome.failures {
            eprintln!("{mission}:");
            self.diagnostics(diagnostics);
        }
        let stopped = if outcome.unstarted > 0 {
            format!(", {} not started (stopped)", outcome.unstarted)
        } else {
            String::new()
        };
        self.done(format!(
            "{}: {} written, {} unchanged, {} failed{stopped}, in {:.1} s; manifest in {}",
            count(outcome.planned(), "note"),
            outcome.written,
            outcome.skipped,
            outcome.failures.len(),
            took.as_secs_f64(),
            manifest.display(),
        ));
    }

    /// What `check` found, for people: each diagnostic, then one line a file.
    pub fn check_report(&self, files: &[FileReport], diagnostics: &[Diagnostic]) {
        self.diagnostics(diagnostics);
        for file in files {
            self.done(match file.counts {
                None => format!("{}: not checked, for the mistakes above", file.name),
                Some((0, 0)) => format!("{}: ok", file.name),
                Some((e, w)) => format!(
                    "{}: {}, {}",
                    file.name,
                    count(e, "error"),
                    count(w, "warning")
                ),
            });
        }
    }
}

/// What `check` found in one file.
pub struct FileReport {
    /// The file, as given.
    pub name: String,
    /// Its errors and warnings, or `None` when it could not be checked.
    pub counts: Option<(usize, usize)>,
}

/// The typst command line that typesets `main` as noteverbale did.
pub fn typst_compile(main: &Path, inputs: &[(&str, String)]) -> String {
    let mut command = String::from("typst compile");
    for (key, value) in inputs {
        command.push_str(&format!(" --input {key}={value}"));
    }
    format!("{command} {}", main.display())
}

/// Says that a batch stops, on Ctrl-C.
pub fn stopping() {
    eprintln!("\nstopping after the notes being typeset (Ctrl-C again to quit at once)");
}

/// Writes `bytes` to the standard output, the command's result; a reader
/// that stops reading (`| head`) is not an error.
pub fn print(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::write("the standard output", e))
        }
        _ => Ok(()),
    }
}

/// Reports a batch's progress as notes are done, from any thread.
pub struct BatchProgress {
    bar: Option<indicatif::ProgressBar>,
    verbose: bool,
}

impl BatchProgress {
    /// One note done, of `total`.
    pub fn note(&self, entry: &Entry, total: usize) {
        let language = entry.language.map_or("--", |l| l.code());
        match &self.bar {
            Some(bar) => {
                bar.set_length(total as u64);
                bar.set_message(format!("{} {language}", entry.mission));
                bar.inc(1);
            }
            None if self.verbose || entry.status == Status::Failed => {
                let status = match entry.status {
                    Status::Ok => "ok",
                    Status::Failed => "failed",
                };
                eprintln!(
                    "{status:6} {} {language} {}",
                    entry.mission,
                    entry.file.as_deref().unwrap_or("")
                );
            }
            None => {}
        }
    }

    /// The batch is over: the bar goes.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// "1 error", "2 errors".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
