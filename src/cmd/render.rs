//! `render`: the notes of a meeting file, as PDF, PNG, SVG or a Typst project.

use std::path::PathBuf;
use std::time::Instant;

use noteverbale::{Engine, NoteOptions, PdfOptions, Result, output};

use super::{Exit, note_file};
use crate::cli::{Format, RenderArgs};
use crate::console::Console;

/// Typesets the notes in memory, then writes them all or none.
pub fn run(args: &RenderArgs, console: &Console) -> Result<Exit> {
    let started = Instant::now();
    let engine = Engine::new(&(&args.sources).into())?;
    let loaded = engine.load(&args.meeting)?;
    console.warnings(&loaded.warnings);
    let note_options = NoteOptions::from(&args.pdf);
    let pdf = PdfOptions::from(&args.pdf);

    // A failure in one language leaves no file of the other behind.
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut commands = Vec::new();
    let file = |lang, page, ext| note_file(&args.out, &args.meeting, lang, page, ext);
    for &lang in args.lang.langs() {
        console.step(format!("typesetting the {lang} note"));
        let composed = engine.source(&loaded, lang, None, &note_options)?;
        let note = engine.typeset(&composed)?;
        console.warnings(&note.warnings);
        match args.format {
            Format::Pdf => files.push((file(lang, None, "pdf"), note.pdf(&pdf)?)),
            Format::Png => {
                for (i, page) in note.png(args.dpi)?.into_iter().enumerate() {
                    files.push((file(lang, Some(i + 1), "png"), page));
                }
            }
            Format::Svg => {
                for (i, page) in note.svg().into_iter().enumerate() {
                    files.push((file(lang, Some(i + 1), "svg"), page.into_bytes()));
                }
            }
            Format::Typ => {
                let main = file(lang, None, "typ");
                let input = if note.keeps_last_paragraph() {
                    format!(" --input {}=yes", noteverbale::typeset::KEEP_LAST)
                } else {
                    String::new()
                };
                commands.push(format!("typst compile{input} {}", main.display()));
                files.push((main, composed.source.into_bytes()));
                for extra in &composed.files {
                    let path = args.out.join(extra.path.trim_start_matches('/'));
                    if !files.iter().any(|(p, _)| *p == path) {
                        files.push((path, extra.bytes.to_vec()));
                    }
                }
            }
        }
    }
    if args.format == Format::Typ {
        for (name, bytes) in engine.page_design() {
            files.push((args.out.join(name), bytes.to_vec()));
        }
    }
    output::write_all_atomic(&files)?;
    console.wrote(files.iter().map(|(path, _)| path.as_path()));
    for command in commands {
        console.done(format!("typeset with: {command}"));
    }
    console.step(format!("done in {} ms", started.elapsed().as_millis()));
    Ok(Exit::Success)
}
