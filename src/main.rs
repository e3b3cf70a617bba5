//! The `noteverbale` command: parse arguments, call the library, report.

mod cli;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use clap::Parser;
use noteverbale::preview::Change;
use noteverbale::typeset::Standard;
use noteverbale::{Engine, Error, Lang, RenderOptions, Sources, output};

use crate::cli::{
    BatchArgs, BatchLang, CheckArgs, CheckFormat, Cli, Color, Command, Format, LangChoice, PdfArgs,
    PdfStandardChoice, RenderArgs, ServeArgs, SourceArgs, WatchArgs,
};

// Typst allocates and frees many small objects from several threads at once;
// mimalloc serves them faster than the system allocator (a batch of 195 notes
// spent a tenth of its time in glibc's malloc and free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A file given by the user is wrong.
const EXIT_INVALID: u8 = 1;
/// An output could not be written, or an input read.
const EXIT_IO: u8 = 3;
/// `check` found only warnings.
const EXIT_WARNINGS: u8 = 4;
/// Stopped by Ctrl-C (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: u8 = 130;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal(),
    };
    let report = Report {
        quiet: cli.quiet,
        verbose: cli.verbose,
        color,
    };
    let result = match &cli.command {
        Command::Render(args) => render(args, &report).map(|()| ExitCode::SUCCESS),
        Command::Batch(args) => batch(args, &report),
        Command::Check(args) => check(args, &report),
        Command::Kinds(args) => kinds(args).map(|()| ExitCode::SUCCESS),
        Command::Watch(args) => watch(args, &report).map(|()| ExitCode::SUCCESS),
        Command::Serve(args) => serve(args, &report).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprint!("{}", error.render(color));
            ExitCode::from(match error {
                Error::Invalid(_) => EXIT_INVALID,
                Error::Read { .. } | Error::Write { .. } => EXIT_IO,
            })
        }
    }
}

/// How much to say on the terminal.
struct Report {
    quiet: bool,
    verbose: bool,
    color: bool,
}

impl Report {
    fn done(&self, line: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", line.as_ref());
        }
    }

    fn step(&self, line: impl AsRef<str>) {
        if self.verbose {
            eprintln!("{}", line.as_ref());
        }
    }

    fn warnings(&self, warnings: &[noteverbale::Diagnostic]) {
        if !self.quiet {
            for warning in warnings {
                eprint!("{}", warning.render(self.color));
            }
        }
    }
}

fn engine(args: &SourceArgs) -> Result<Engine, Error> {
    Engine::new(&Sources {
        templates: args.templates.clone(),
        locales: args.locales.clone(),
    })
}

fn langs(choice: LangChoice) -> Vec<Lang> {
    match choice {
        LangChoice::Fr => vec![Lang::Fr],
        LangChoice::En => vec![Lang::En],
        LangChoice::All => Lang::ALL.to_vec(),
    }
}

fn render(args: &RenderArgs, report: &Report) -> Result<(), Error> {
    let started = Instant::now();
    let engine = engine(&args.sources)?;
    let input = engine.load(&args.meeting)?;
    report.warnings(&input.warnings);
    let stem = args
        .meeting
        .file_stem()
        .map_or_else(|| "note".into(), |s| s.to_string_lossy().into_owned());
    let options = render_options(&args.pdf);

    // Everything is produced in memory first: a failure in one language
    // leaves no file of the other behind.
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for lang in langs(args.lang) {
        let base = format!("{stem}.{lang}");
        if args.format == Format::Typ {
            let source = engine.source(&input, lang, &options)?;
            files.push((args.out.join(format!("{base}.typ")), source.into_bytes()));
            continue;
        }
        report.step(format!("typesetting {base}"));
        let note = engine.typeset(&input, lang, &options)?;
        report.warnings(&note.warnings);
        match args.format {
            Format::Pdf => files.push((args.out.join(format!("{base}.pdf")), note.pdf()?)),
            Format::Png => {
                for (i, page) in note.png(args.dpi)?.into_iter().enumerate() {
                    files.push((args.out.join(format!("{base}-{}.png", i + 1)), page));
                }
            }
            Format::Svg => {
                for (i, page) in note.svg().into_iter().enumerate() {
                    files.push((
                        args.out.join(format!("{base}-{}.svg", i + 1)),
                        page.into_bytes(),
                    ));
                }
            }
            Format::Typ => unreachable!("handled above"),
        }
    }
    output::write_all_atomic(&files)?;
    for (path, _) in &files {
        report.done(format!("wrote {}", path.display()));
    }
    report.step(format!("done in {} ms", started.elapsed().as_millis()));
    Ok(())
}

fn render_options(args: &PdfArgs) -> RenderOptions {
    RenderOptions {
        draft: args.draft,
        standards: args
            .standards
            .iter()
            .map(|s| match s {
                PdfStandardChoice::A2b => Standard::A2b,
                PdfStandardChoice::Ua1 => Standard::Ua1,
            })
            .collect(),
        ..RenderOptions::default()
    }
}

/// Ctrl-C stops a batch cleanly: the notes being typeset are finished, the
/// manifests written; a second Ctrl-C quits at once (a later run clears what
/// that leaves).
fn stop_on_interrupt() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let installed = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::Relaxed) {
            std::process::exit(EXIT_INTERRUPTED.into());
        }
        eprintln!("\nstopping after the notes being typeset (Ctrl-C again to quit at once)");
    });
    if let Err(error) = installed {
        eprintln!("warning: Ctrl-C will not stop the batch cleanly: {error}");
    }
    stop
}

fn batch(args: &BatchArgs, report: &Report) -> Result<ExitCode, Error> {
    use noteverbale::batch::{self, BatchOptions, Languages, Status};

    let started = Instant::now();
    let engine = engine(&args.sources)?;
    let input = engine.load(&args.meeting)?;
    report.warnings(&input.warnings);
    let records = noteverbale::recipients::load(&args.recipients)?;
    let options = BatchOptions {
        out: args.out.clone(),
        languages: match args.lang {
            BatchLang::Mission => Languages::Mission,
            BatchLang::Fr => Languages::Only(Lang::Fr),
            BatchLang::En => Languages::Only(Lang::En),
            BatchLang::All => Languages::All,
        },
        only: args.only.iter().map(|c| c.trim().to_uppercase()).collect(),
        jobs: args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        pattern: args.pattern.clone(),
        force: args.force,
        render: render_options(&args.pdf),
        stop: Some(stop_on_interrupt()),
    };

    // A bar on a terminal; one line a note otherwise.
    let bar = (!report.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} notes {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let progress = |entry: &batch::Entry, total: usize| {
        let language = entry.language.map_or("--", |l| l.code());
        match &bar {
            Some(bar) => {
                bar.set_length(total as u64);
                bar.set_message(format!("{} {language}", entry.mission));
                bar.inc(1);
            }
            None if report.verbose || entry.status == Status::Failed => {
                let status = if entry.status == Status::Ok {
                    "ok"
                } else {
                    "failed"
                };
                eprintln!(
                    "{status:6} {} {language} {}",
                    entry.mission,
                    entry.file.as_deref().unwrap_or("")
                );
            }
            None => {}
        }
    };
    let summary = batch::run(&engine, &input, &records, &options, &progress)?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if !report.quiet {
        for (note, warnings) in &summary.warnings {
            eprintln!("{note}:");
            for warning in warnings {
                eprint!("{}", warning.render(report.color));
            }
        }
    }
    for (mission, diagnostics) in &summary.failures {
        eprintln!("{mission}:");
        for diagnostic in diagnostics {
            eprint!("{}", diagnostic.render(report.color));
        }
    }
    let stopped = if summary.unstarted > 0 {
        format!(", {} not started (stopped)", summary.unstarted)
    } else {
        String::new()
    };
    report.done(format!(
        "{}: {} written, {} unchanged, {} failed{stopped}, in {:.1} s; manifest in {}",
        count(
            summary.written + summary.skipped + summary.failures.len() + summary.unstarted,
            "note"
        ),
        summary.written,
        summary.skipped,
        summary.failures.len(),
        started.elapsed().as_secs_f64(),
        options.out.join(batch::MANIFEST_JSON).display(),
    ));
    if summary.unstarted > 0 {
        Ok(ExitCode::from(EXIT_INTERRUPTED))
    } else if summary.failures.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(Error::Invalid(Vec::new()))
    }
}

/// Everything `render` and `batch` would check, and nothing written.
fn check(args: &CheckArgs, report: &Report) -> Result<ExitCode, Error> {
    let mut found = Vec::new();
    let mut io = false;
    let mut collect = |result: Result<(), Error>| match result {
        Ok(()) => {}
        Err(Error::Invalid(list)) => found.extend(list),
        Err(other) => {
            io = true;
            found.push(noteverbale::Diagnostic::error(other.to_string()));
        }
    };
    let mut loaded = None;
    collect(engine(&args.sources).map(|engine| loaded = Some(engine)));
    if let Some(engine) = &loaded {
        collect(Err(Error::Invalid(engine.messages().check_languages())));
        let mut input = None;
        collect(engine.load(&args.meeting).map(|i| input = Some(i)));
        let mut records = Vec::new();
        if let Some(path) = &args.recipients {
            collect(noteverbale::recipients::load(path).map(|r| records = r));
        }
        if let Some(input) = &input {
            found.extend(input.warnings.iter().cloned());
            let mut jobs: Vec<(Lang, RenderOptions)> = Lang::ALL
                .iter()
                .map(|lang| (*lang, RenderOptions::default()))
                .collect();
            for record in records {
                match record.recipient {
                    Err(diagnostics) => found.extend(diagnostics),
                    // Each mission's own note: its name may hold characters
                    // the fonts lack.
                    Ok(recipient) => jobs.push((
                        recipient.language,
                        RenderOptions {
                            recipient: Some(recipient),
                            ..RenderOptions::default()
                        },
                    )),
                }
            }
            for (lang, options) in &jobs {
                match engine.typeset(input, *lang, options) {
                    Ok(note) => found.extend(note.warnings),
                    Err(Error::Invalid(list)) => found.extend(list),
                    Err(other) => {
                        io = true;
                        found.push(noteverbale::Diagnostic::error(other.to_string()));
                    }
                }
            }
        }
    }
    // The same template mistake fails every note of a language: say it once.
    let mut seen = std::collections::HashSet::new();
    found.retain(|d| seen.insert(d.render(false)));
    let errors = found
        .iter()
        .filter(|d| d.severity == noteverbale::Severity::Error)
        .count();
    let warnings = found.len() - errors;
    match args.format {
        CheckFormat::Json => {
            let reports: Vec<_> = found.iter().map(|d| d.report()).collect();
            let json = serde_json::json!({
                "file": args.meeting.display().to_string(),
                "errors": errors,
                "warnings": warnings,
                "diagnostics": reports,
            });
            println!("{json:#}");
        }
        CheckFormat::Human => {
            for diagnostic in &found {
                eprint!("{}", diagnostic.render(report.color));
            }
            report.done(match (errors, warnings) {
                (0, 0) => format!("{}: ok", args.meeting.display()),
                (e, w) => format!(
                    "{}: {}, {}",
                    args.meeting.display(),
                    count(e, "error"),
                    count(w, "warning")
                ),
            });
        }
    }
    Ok(ExitCode::from(if io {
        EXIT_IO
    } else if errors > 0 {
        EXIT_INVALID
    } else if warnings > 0 {
        EXIT_WARNINGS
    } else {
        0
    }))
}

/// The saves a preview waits for: the folders it depends on, watched.
struct Saves {
    watcher: notify::RecommendedWatcher,
    received: std::sync::mpsc::Receiver<notify::Result<notify::Event>>,
    watched: Vec<PathBuf>,
    recursive: Vec<PathBuf>,
}

impl Saves {
    fn new(sources: &SourceArgs) -> Result<Self, Error> {
        let (events, received) = std::sync::mpsc::channel();
        let watcher = notify::recommended_watcher(move |event| {
            let _ = events.send(event);
        })
        .map_err(cannot_watch)?;
        Ok(Self {
            watcher,
            received,
            watched: Vec::new(),
            recursive: [&sources.templates, &sources.locales]
                .into_iter()
                .flatten()
                .cloned()
                .collect(),
        })
    }

    /// Waits for the next save that matters to `preview`, and says what it
    /// changed. Folders are watched first (the logo may have appeared).
    fn next(&mut self, preview: &noteverbale::preview::Preview) -> Result<Change, Error> {
        use notify::{EventKind, RecursiveMode, Watcher};

        for folder in preview.folders() {
            if !self.watched.contains(&folder) {
                let mode = if self.recursive.contains(&folder) {
                    RecursiveMode::Recursive
                } else {
                    RecursiveMode::NonRecursive
                };
                self.watcher.watch(&folder, mode).map_err(cannot_watch)?;
                self.watched.push(folder);
            }
        }
        loop {
            let first = self.received.recv().map_err(|e| {
                Error::invalid(noteverbale::Diagnostic::error(format!(
                    "the watch for changes ended: {e}"
                )))
            })?;
            // An editor's save is often several events (truncate and write,
            // or write a copy and rename it), which come within a few
            // milliseconds: wait until 15 ms pass without one.
            let mut batch = vec![first];
            while let Ok(more) = self
                .received
                .recv_timeout(std::time::Duration::from_millis(15))
            {
                batch.push(more);
            }
            let mut change = Change::Unrelated;
            for event in batch.into_iter().flatten() {
                if matches!(event.kind, EventKind::Access(_)) {
                    continue;
                }
                for path in &event.paths {
                    change = match (change, preview.classify(path)) {
                        (Change::Engine, _) | (_, Change::Engine) => Change::Engine,
                        (Change::Meeting, _) | (_, Change::Meeting) => Change::Meeting,
                        _ => Change::Unrelated,
                    };
                }
            }
            if change != Change::Unrelated {
                return Ok(change);
            }
        }
    }
}

fn cannot_watch(error: notify::Error) -> Error {
    Error::invalid(noteverbale::Diagnostic::error(format!(
        "cannot watch for changes: {error}"
    )))
}

/// Renders the notes, then again on every save, until stopped.
fn watch(args: &WatchArgs, report: &Report) -> Result<(), Error> {
    let stem = args
        .meeting
        .file_stem()
        .map_or_else(|| "note".into(), |s| s.to_string_lossy().into_owned());
    let options = render_options(&args.pdf);
    follow(
        &args.meeting,
        &args.sources,
        options,
        |renders, rendered, started| {
            let outcome = rendered.and_then(|notes| {
                let mut files = Vec::new();
                for note in &notes {
                    report.warnings(&note.warnings);
                    let path = args.out.join(format!("{stem}.{}.pdf", note.lang));
                    files.push((path, note.pdf()?));
                }
                output::write_all_atomic(&files)?;
                Ok(files.into_iter().map(|(path, _)| path).collect::<Vec<_>>())
            });
            let took = started.elapsed().as_secs_f64() * 1000.0;
            match outcome {
                Ok(paths) => {
                    let names: Vec<String> =
                        paths.iter().map(|p| p.display().to_string()).collect();
                    report.done(format!(
                        "#{renders} wrote {} in {took:.0} ms",
                        names.join(", ")
                    ));
                }
                Err(error) => {
                    eprint!("{}", error.render(report.color));
                    report.done(format!(
                    "#{renders} failed in {took:.0} ms; the last good PDFs stay; waiting for a fix"
                ));
                }
            }
        },
    )
}

/// Serves the preview page, and renders again on every save, until stopped.
fn serve(args: &ServeArgs, report: &Report) -> Result<(), Error> {
    let options = RenderOptions {
        preview: !args.as_printed,
        ..render_options(&args.pdf)
    };
    let server = noteverbale::serve::PreviewServer::start(args.port)?;
    let url = format!("http://{}/", server.address());
    eprintln!("preview of {} at {url}", args.meeting.display());
    if args.open {
        open_browser(&url);
    }
    follow(
        &args.meeting,
        &args.sources,
        options,
        |renders, rendered, started| match rendered {
            Ok(notes) => {
                for note in &notes {
                    report.warnings(&note.warnings);
                }
                server.show(notes, started.elapsed());
                report.done(format!(
                    "#{renders} shown in {:.0} ms",
                    started.elapsed().as_secs_f64() * 1000.0
                ));
            }
            Err(error) => {
                eprint!("{}", error.render(report.color));
                server.fail(&error, started.elapsed());
                report.done(format!(
                    "#{renders} failed; the page keeps the last good pages"
                ));
            }
        },
    )
}

/// Renders the notes of `meeting`, hands each render to `show` with its
/// number and the time it started, then waits for a save of a file they
/// depend on and renders again, until stopped.
fn follow(
    meeting: &std::path::Path,
    sources: &SourceArgs,
    options: RenderOptions,
    mut show: impl FnMut(u64, Result<Vec<noteverbale::Note>, Error>, Instant),
) -> Result<(), Error> {
    let engine_sources = Sources {
        templates: sources.templates.clone(),
        locales: sources.locales.clone(),
    };
    let mut preview = noteverbale::preview::Preview::new(engine_sources, meeting, options);
    let mut saves = Saves::new(sources)?;
    let mut change = Change::Engine;
    for renders in 1.. {
        let started = Instant::now();
        show(renders, preview.render(change), started);
        change = saves.next(&preview)?;
    }
    Ok(())
}

/// Opens `url` in the desktop's browser, if there is one.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(error) = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("cannot open a browser ({opener}: {error}); open {url}");
    }
}

/// "1 error", "2 errors".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn kinds(args: &SourceArgs) -> Result<(), Error> {
    let engine = engine(args)?;
    for (kind, langs) in engine.composer().kinds() {
        let langs: Vec<&str> = langs.iter().map(|l| l.code()).collect();
        println!("{kind}\t{}", langs.join(" "));
    }
    Ok(())
}
