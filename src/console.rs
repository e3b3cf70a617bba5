//! Everything the command line prints: messages and their wording, the
//! batch's progress and summary, `check`'s report.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use noteverbale::batch::{Entry, Mails, Outcome, Status};
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
            failed: std::sync::atomic::AtomicUsize::new(0),
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
        self.failures(&outcome.failures);
        let stopped = if outcome.unstarted > 0 {
            format!(", {} not started (stopped)", thousands(outcome.unstarted))
        } else {
            String::new()
        };
        let planned = outcome.planned();
        self.done(format!(
            "{} {}: {} written, {} unchanged, {} failed{stopped}, in {:.1} s; manifest in {}",
            thousands(planned),
            if planned == 1 { "note" } else { "notes" },
            thousands(outcome.written),
            thousands(outcome.skipped),
            thousands(outcome.failures.len()),
            took.as_secs_f64(),
            manifest.display(),
        ));
    }

    /// The failures of a batch, summed up by reason: the first few of each
    /// reason in full, then one line with how many more and where.
    fn failures(&self, failures: &[(String, Vec<Diagnostic>)]) {
        for (index, group) in same_reasons(failures).iter().enumerate() {
            // Past a few reasons, one line each: the manifest has them all.
            let shown = if index < REASONS_IN_FULL {
                SHOWN_IN_FULL
            } else {
                1
            };
            for &at in group.iter().take(shown) {
                let (mission, diagnostics) = &failures[at];
                if index < REASONS_IN_FULL {
                    eprintln!("{mission}:");
                    self.diagnostics(diagnostics);
                } else {
                    for diagnostic in diagnostics {
                        eprintln!("{mission}: {diagnostic}");
                    }
                }
            }
            let more = &group[group.len().min(shown)..];
            if !more.is_empty() {
                eprintln!("{}", same_error_in(more.iter().map(|&at| &failures[at])));
            }
        }
    }

    /// The e-mail drafts written, and the missions that have no address.
    pub fn mail_summary(&self, mails: &Mails, dir: &Path) {
        self.done(format!(
            "{} in {}",
            count(mails.written, "e-mail draft"),
            dir.display()
        ));
        if !mails.without_address.is_empty() {
            self.notice(format!(
                "no e-mail address in the list for {} {}: {}",
                thousands(mails.without_address.len()),
                if mails.without_address.len() == 1 {
                    "mission"
                } else {
                    "missions"
                },
                mails.without_address.join(", ")
            ));
        }
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

/// How many failures of one reason are printed in full.
const SHOWN_IN_FULL: usize = 3;

/// How many reasons get their failures printed in full; the others get a
/// line.
const REASONS_IN_FULL: usize = 10;

/// The failures grouped by reason (what their diagnostics say, wherever
/// they are and whatever value they quote), each group in the order met, by
/// index.
fn same_reasons(failures: &[(String, Vec<Diagnostic>)]) -> Vec<Vec<usize>> {
    let unquoted = |message: &str| {
        message
            .split('`')
            .enumerate()
            .map(|(i, part)| if i % 2 == 0 { part } else { "…" })
            .collect::<String>()
    };
    let reason = |diagnostics: &[Diagnostic]| {
        diagnostics
            .iter()
            .map(|d| {
                format!(
                    "{}\0{:?}\0{}",
                    unquoted(&d.message),
                    d.field,
                    d.hints.join("\0")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_reason = std::collections::HashMap::new();
    for (at, (_, diagnostics)) in failures.iter().enumerate() {
        let group = *by_reason.entry(reason(diagnostics)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(at);
    }
    groups
}

/// "the same error in 2,915 more rows: 4–2,919", or for notes that failed
/// without a row, "… for 3 more missions: FRA, CAN, GHA".
fn same_error_in<'a>(failures: impl Iterator<Item = &'a (String, Vec<Diagnostic>)>) -> String {
    let failures: Vec<_> = failures.collect();
    let rows: Option<Vec<usize>> = failures
        .iter()
        .map(|(_, d)| d.first().and_then(Diagnostic::row))
        .collect();
    match rows {
        Some(mut rows) => {
            rows.sort_unstable();
            rows.dedup();
            format!(
                "the same error in {} more {}: {}",
                thousands(failures.len()),
                if failures.len() == 1 { "row" } else { "rows" },
                ranges(&rows)
            )
        }
        None => {
            let mut missions: Vec<&str> = failures.iter().map(|(m, _)| m.as_str()).collect();
            let shown = missions.len().min(10);
            let rest = missions.len() - shown;
            missions.truncate(shown);
            format!(
                "the same error for {} more {}: {}{}",
                thousands(failures.len()),
                if failures.len() == 1 { "note" } else { "notes" },
                missions.join(", "),
                if rest > 0 { ", …" } else { "" }
            )
        }
    }
}

/// Sorted numbers as runs: "4–2,919, 3,001, 3,005–3,010", the first ten runs.
fn ranges(numbers: &[usize]) -> String {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &n in numbers {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => runs.push((n, n)),
        }
    }
    let mut text: Vec<String> = runs
        .iter()
        .take(10)
        .map(|&(start, end)| {
            if start == end {
                thousands(start)
            } else {
                format!("{}–{}", thousands(start), thousands(end))
            }
        })
        .collect();
    if runs.len() > 10 {
        text.push("…".into());
    }
    text.join(", ")
}

/// 2915 as "2,915".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut text = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
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

/// "195 notes in one PDF: all.pdf".
pub fn printed(notes: usize, path: &Path) -> String {
    format!("{} in one PDF: {}", count(notes, "note"), path.display())
}

/// Says that a batch stops, on Ctrl-C.
pub fn stopping() {
    eprintln!("\nstopping after the notes being typeset (Ctrl-C again to quit at once)");
}

/// A text from a user's files as it may reach a terminal: control
/// characters (which could move the cursor or recolour the screen) written
/// as escapes, `\u{1b}`, and the rest as it is.
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
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
    /// Failures reported so far: past a few, the summary says the rest.
    failed: std::sync::atomic::AtomicUsize,
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
            None if self.verbose
                || (entry.status == Status::Failed
                    && self
                        .failed
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                        < SHOWN_IN_FULL) =>
            {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_as_runs_with_thousands_separated() {
        assert_eq!(thousands(2915), "2,915");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(
            ranges(&[4, 5, 6, 2919, 3001, 3002]),
            "4–6, 2,919, 3,001–3,002"
        );
        let many: Vec<usize> = (0..30).map(|n| n * 2).collect();
        assert!(ranges(&many).ends_with(", …"));
    }
}
