//! `watch`: the notes typeset again on each save.

use noteverbale::preview::{Preview, Saves};
use noteverbale::{NoteOptions, PdfOptions, Result, Sources, output};

use super::{Exit, note_file};
use crate::cli::WatchArgs;
use crate::console::Console;

/// Writes both PDFs, then again after each save, until stopped; a mistake is
/// printed and the last good PDFs stay.
pub fn run(args: &WatchArgs, console: &Console) -> Result<Exit> {
    let sources = Sources::from(&args.sources);
    let pdf = PdfOptions::from(&args.note);
    let mut saves = Saves::new(&sources)?;
    let mut preview = Preview::new(sources, &args.meeting, NoteOptions::from(&args.note));
    let failure = preview.follow(&mut saves, |renders, rendered, started| {
        let written = rendered.and_then(|notes| {
            let mut files = Vec::new();
            for note in &notes {
                console.warnings(&note.warnings);
                let path = note_file(&args.out, &args.meeting, note.lang, None, "pdf");
                files.push((path, note.pdf(&pdf)?));
            }
            output::write_all_atomic(&files)?;
            Ok(files.into_iter().map(|(path, _)| path).collect::<Vec<_>>())
        });
        let took = started.elapsed().as_secs_f64() * 1000.0;
        match written {
            Ok(paths) => {
                let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                console.done(format!(
                    "#{renders} wrote {} in {took:.0} ms",
                    names.join(", ")
                ));
            }
            Err(error) => {
                console.error(&error);
                console.done(format!(
                    "#{renders} failed in {took:.0} ms; the last good PDFs stay; waiting for a fix"
                ));
            }
        }
    });
    Err(failure)
}
