//! `batch`: one note per permanent mission.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use noteverbale::batch::{self, BatchOptions, Ending, FilePattern, MANIFEST_JSON};
use noteverbale::{Engine, NoteOptions, PdfOptions, Result, recipients};

use super::Exit;
use crate::cli::BatchArgs;
use crate::console::{self, Console};

/// Typesets every note of the list, in parallel, and sums up.
pub fn run(args: &BatchArgs, console: &Console) -> Result<Exit> {
    let started = Instant::now();
    // Read before anything is written: a wrong `SOURCE_DATE_EPOCH` stops
    // the run at once.
    let undated = match &args.mail {
        Some(_) => undated_draft_date()?,
        None => 0,
    };
    let engine = Engine::new(&(&args.sources).into())?;
    // Every template parses before a note is written, as the meeting's
    // notes in one language would not show it.
    engine.check_templates()?;
    // The meeting file's languages are compared while its notes are typeset
    // to be compared as wholes, and the list is read meanwhile.
    let (loaded, (notes, list)) = engine.load_beside(&args.meeting, |loaded| {
        std::thread::scope(|scope| {
            let open = || recipients::open(&args.recipients, args.sheet.as_deref());
            let list = std::thread::Builder::new()
                .name("list".into())
                .spawn_scoped(scope, open);
            let notes = engine.circular_notes(loaded, &NoteOptions::from(&args.note));
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
    let languages = args.lang.into();
    let pattern = FilePattern::new(&args.pattern, languages)
        .map_err(|e| e.hint("`--pattern` sets the file names"))?;
    let list = list?;
    console.warnings(&list.warnings);
    let records = list.records;
    let codes: Vec<String> = args.only.iter().map(|c| c.trim().to_uppercase()).collect();
    let records = batch::select(&records, &codes)
        .map_err(|e| e.hint("`--only` takes codes of the list: `--only FRA,CAN`"))?;
    let options = BatchOptions {
        out: args.out.clone(),
        languages,
        jobs: args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        pattern,
        force: args.force,
        note: NoteOptions::from(&args.note),
        pdf: PdfOptions::from(&args.note),
        stop: Some(stop_on_interrupt(console)),
        print: args.print.clone(),
        mail: args.mail.clone(),
    };
    let progress = console.batch_progress();
    let outcome = batch::run(&engine, &loaded, &records, &options, &|entry, total| {
        progress.note(entry, total)
    });
    progress.finish();
    let outcome = outcome?;
    console.batch_summary(
        &outcome,
        started.elapsed(),
        &options.out.join(MANIFEST_JSON),
    );
    if let Some(path) = &args.print {
        let notes = batch::gather(&records, &outcome.notes, &options.out)?;
        batch::write_combined(&notes, args.duplex, path)?;
        console.done(console::printed(notes.len(), path));
    }
    if let Some(dir) = &args.mail {
        let mails = batch::write_drafts(
            &engine,
            &loaded,
            &records,
            &outcome.notes,
            &options.out,
            dir,
            undated,
        )?;
        console.mail_summary(&mails, dir);
    }
    Ok(match outcome.ending() {
        Ending::Complete => Exit::Success,
        Ending::SomeFailed => Exit::Invalid,
        Ending::EnvironmentFailed => Exit::Environment,
        Ending::Stopped => Exit::Interrupted,
    })
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
