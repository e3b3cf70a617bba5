//! `batch`: one note per permanent mission.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use noteverbale::batch::{self, BatchOptions, Ending, FilePattern, MANIFEST_JSON, Written};
use noteverbale::recipients::{self, Record};
use noteverbale::{Engine, Loaded, NoteOptions, PdfOptions, Result};

use super::Exit;
use crate::cli::BatchArgs;
use crate::console::{self, Console};

/// Typesets every note of the list, in parallel, and sums up; with several
/// meeting files, the notes of each in turn, into a folder of its own.
pub fn run(args: &BatchArgs, console: &Console) -> Result<Exit> {
    let mut started = Instant::now();
    // Read before anything is written: a wrong `SOURCE_DATE_EPOCH` stops
    // the run at once.
    let undated = match &args.mail {
        Some(_) => undated_draft_date()?,
        None => 0,
    };
    let destinations = batch::destinations(&args.meetings, &args.out)?;
    let engine = Engine::new(&(&args.sources).into())?;
    // Every template parses before a note is written, as the meeting's
    // notes in one language would not show it.
    engine.check_templates()?;
    let (meetings, list) = load(args, &engine, console)?;
    let languages = args.lang.into();
    let pattern = FilePattern::new(&args.pattern, languages)
        .map_err(|e| e.hint("`--pattern` sets the file names"))?;
    let list = list?;
    console.warnings(&list.warnings);
    let records = list.records;
    let codes: Vec<String> = args.only.iter().map(|c| c.trim().to_uppercase()).collect();
    let records = batch::select(&records, &codes)
        .map_err(|e| e.hint("`--only` takes codes of the list: `--only FRA,CAN`"))?;
    let stop = stop_on_interrupt(console);
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let options: Vec<BatchOptions> = destinations
        .iter()
        .map(|destination| BatchOptions {
            out: destination.out.clone(),
            languages,
            jobs,
            pattern: pattern.clone(),
            force: args.force,
            note: NoteOptions::from(&args.note),
            pdf: PdfOptions::from(&args.note),
            stop: Some(stop.clone()),
            print: args.print.clone(),
            mail: args.mail.as_ref().map(|dir| destination.drafts(dir)),
        })
        .collect();
    if meetings.len() > 1 {
        // Each run checks its own outputs; these are checked across the
        // runs before the first writes anything.
        let runs: Vec<(&Loaded, &BatchOptions)> = meetings.iter().zip(&options).collect();
        batch::check_runs(&records, &runs)?;
    }
    let mut runs = Vec::with_capacity(meetings.len());
    let mut failed = None;
    for ((loaded, options), destination) in meetings.iter().zip(options).zip(&destinations) {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let progress = console.batch_progress();
        let outcome = batch::run(&engine, loaded, &records, &options, &|entry, total| {
            progress.note(entry, total)
        });
        progress.finish();
        let outcome = match outcome {
            Ok(outcome) => outcome,
            // With no run done, the error is the command's, as for one file.
            Err(error) if runs.is_empty() => return Err(error),
            // The runs done keep their notes, printed and mailed below.
            Err(error) => {
                console.error(&error);
                failed = Some(Exit::from(&error));
                break;
            }
        };
        console.batch_summary(
            &outcome,
            started.elapsed(),
            &options.out.join(MANIFEST_JSON),
        );
        started = Instant::now();
        runs.push(Run {
            exit: outcome.ending().into(),
            // Only `--print` and `--mail` read a run's notes again: a run
            // of several meeting files keeps no more of the ones done.
            notes: match (&args.print, &args.mail) {
                (None, None) => Vec::new(),
                _ => outcome.notes,
            },
            meeting: destination.name(),
            options,
        });
    }
    let stopped = runs.len() < meetings.len() && failed.is_none();
    if runs.len() < meetings.len() {
        let left: Vec<String> = args.meetings[runs.len()..]
            .iter()
            .map(|m| m.display().to_string())
            .collect();
        let why = if stopped {
            "stopped"
        } else {
            "for the error above"
        };
        console.notice(format!("not made ({why}): {}", left.join(", ")));
    }
    let mut print_stopped = false;
    if let Some(path) = &args.print {
        // A Ctrl-C during the runs still leaves their notes printed; one
        // while they are printed stops that.
        let before = stop.load(Ordering::Relaxed);
        let stopped = || !before && stop.load(Ordering::Relaxed);
        print_stopped = !print(&records, &runs, path, args.duplex, &stopped, console)?;
    }
    if args.mail.is_some() {
        mail(&engine, &meetings, &records, &runs, undated, console)?;
    }
    let stopped = (stopped || print_stopped).then_some(Exit::Interrupted);
    let exits = runs.iter().map(|run| run.exit).chain(failed).chain(stopped);
    Ok(exits
        .max_by_key(|exit| match exit {
            Exit::Success | Exit::Warnings => 0,
            Exit::Invalid => 1,
            Exit::Environment => 2,
            Exit::Interrupted => 3,
        })
        .unwrap_or(Exit::Success))
}

/// Every meeting file, read and its languages compared, before a note is
/// written; and the list. The first file's languages are compared while its
/// notes are typeset to be compared as wholes, and the list is read
/// meanwhile.
fn load(
    args: &BatchArgs,
    engine: &Engine,
    console: &Console,
) -> Result<(Vec<Loaded>, Result<recipients::List>)> {
    let Some((first, others)) = args.meetings.split_first() else {
        return Err(noteverbale::Error::invalid(
            noteverbale::Diagnostic::error("no meeting file")
                .hint("give one or more: `noteverbale batch meeting.yaml -r missions.yaml`"),
        ));
    };
    let note = NoteOptions::from(&args.note);
    let (loaded, (notes, list)) = engine.load_beside(first, |loaded| {
        std::thread::scope(|scope| {
            let open = || recipients::open(&args.recipients, args.sheet.as_deref());
            let list = std::thread::Builder::new()
                .name("list".into())
                .spawn_scoped(scope, open);
            let notes = engine.circular_notes(loaded, &note);
            let list = match list {
                Ok(thread) => thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                // Without a thread, it is read now.
                Err(_) => open(),
            };
            (notes, list)
        })
    })?;
    console.warnings(&loaded.warnings);
    // The two languages of the meeting's note say the same.
    engine.agree(&loaded, &notes?)?;
    let mut meetings = vec![loaded];
    for path in others {
        let (loaded, notes) =
            engine.load_beside(path, |loaded| engine.circular_notes(loaded, &note))?;
        console.warnings(&loaded.warnings);
        engine.agree(&loaded, &notes?)?;
        meetings.push(loaded);
    }
    Ok((meetings, list))
}

impl From<Ending> for Exit {
    fn from(ending: Ending) -> Self {
        match ending {
            Ending::Complete => Exit::Success,
            Ending::SomeFailed => Exit::Invalid,
            Ending::EnvironmentFailed => Exit::Environment,
            Ending::Stopped => Exit::Interrupted,
        }
    }
}

/// What a meeting file's notes came to, kept for what follows the runs.
struct Run {
    /// How its batch ended.
    exit: Exit,
    /// The notes in their files, for `--print` and `--mail`; else none.
    notes: Vec<batch::Entry>,
    /// The meeting file's name, when the run has several.
    meeting: Option<String>,
    options: BatchOptions,
}

/// `--print`: every note of the runs in one PDF; `false` when stopped
/// before it is written.
fn print(
    records: &[Record],
    runs: &[Run],
    path: &Path,
    duplex: bool,
    stopped: &dyn Fn() -> bool,
    console: &Console,
) -> Result<bool> {
    let written: Vec<Written> = runs
        .iter()
        .map(|run| Written {
            meeting: run.meeting.as_deref(),
            notes: &run.notes,
            out: &run.options.out,
        })
        .collect();
    let notes = batch::gather(records, &written);
    if !batch::write_combined(&notes, duplex, path, stopped)? {
        console.notice(format!("{} not written (stopped)", path.display()));
        return Ok(false);
    }
    console.done(console::printed(notes.len(), path));
    Ok(true)
}

/// `--mail`: each run's drafts, in its folder.
fn mail(
    engine: &Engine,
    meetings: &[Loaded],
    records: &[Record],
    runs: &[Run],
    undated: i64,
    console: &Console,
) -> Result<()> {
    let mut without_address = None;
    for (run, loaded) in runs.iter().zip(meetings) {
        let Some(dir) = &run.options.mail else {
            continue;
        };
        let mut mails = batch::write_drafts(
            engine,
            loaded,
            records,
            &run.notes,
            &run.options.out,
            dir,
            undated,
        )?;
        // Every meeting file's drafts lack the same addresses: they are
        // said once.
        if without_address.as_ref() == Some(&mails.without_address) {
            mails.without_address.clear();
        } else {
            without_address = Some(mails.without_address.clone());
        }
        console.mail_summary(&mails, dir);
    }
    Ok(())
}

/// The date of the e-mail drafts of an undated note, in seconds since
/// 1970: `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention),
/// else the time the run started.
fn undated_draft_date() -> Result<i64> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value.trim().parse().map_err(|e| {
            noteverbale::Error::environment(
                format!("`SOURCE_DATE_EPOCH` is `{value}`, not a number of seconds since 1970"),
                e,
            )
            .hint("set it to a date as `date +%s` prints it, or unset it")
        }),
        Err(_) => Ok(SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs().try_into().unwrap_or(i64::MAX))),
    }
}

/// Ctrl-C stops a batch cleanly: the notes being typeset are finished, the
/// manifests written; a second Ctrl-C quits at once (a later run clears what
/// that leaves).
fn stop_on_interrupt(console: &Console) -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let installed = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::Relaxed) {
            std::process::exit(Exit::Interrupted.code().into());
        }
        console::stopping();
    });
    if let Err(error) = installed {
        console.warn(noteverbale::Error::environment(
            "Ctrl-C will not stop the batch cleanly",
            error,
        ));
    }
    stop
}
