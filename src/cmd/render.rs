//! `render`: the notes of a meeting file, as PDF, PNG, SVG or a Typst project.

use std::path::PathBuf;
use std::time::Instant;

use noteverbale::{
    Composed, Diagnostic, Engine, Error, Loaded, Note, NoteOptions, PdfOptions, Result, output,
};

use super::{Exit, note_file};
use crate::cli::{Format, LangChoice, RenderArgs};
use crate::console::{self, Console};

/// Typesets the notes in memory, then writes them all or none.
pub fn run(args: &RenderArgs, console: &Console) -> Result<Exit> {
    let started = Instant::now();
    let engine = Engine::new(&(&args.sources).into())?;
    // The notes are typeset while the meeting file's languages are
    // compared; a difference between them is the error, whatever the notes.
    let (loaded, (typeset, outcome)) = engine.load_beside(&args.meeting, |loaded| {
        let mut typeset = Typeset::default();
        let outcome = typeset_all(&engine, loaded, args, console, &mut typeset);
        (typeset, outcome)
    })?;
    console.warnings(&loaded.warnings);
    let Typeset {
        files,
        commands,
        notes: typeset,
        warnings,
        refused,
    } = typeset;
    console.warnings(&warnings);
    for error in refused {
        console.warn(error);
    }
    outcome?;
    // The notes of both languages say the same, or none is written.
    engine.agree(&loaded, &typeset)?;
    let files = files.0;
    output::write_all_atomic(&files)?;
    console.wrote(files.iter().map(|(path, _)| path.as_path()));
    for command in commands {
        console.done(format!("typeset with: {command}"));
    }
    console.step(format!("done in {} ms", started.elapsed().as_millis()));
    Ok(Exit::Success)
}

/// The notes of a meeting, typeset, and the files to write.
#[derive(Default)]
struct Typeset {
    files: Files,
    /// The typst commands that typeset the projects written.
    commands: Vec<String>,
    notes: Vec<(Composed, Note)>,
    /// What typesetting warned of, shown after the meeting file's own.
    warnings: Vec<Diagnostic>,
    /// Why Typst refused a note whose project is written all the same.
    refused: Vec<Error>,
}

/// Typesets the note in each language asked for into `done`, in memory,
/// until one cannot be: what was typeset before it keeps its warnings.
fn typeset_all(
    engine: &Engine,
    loaded: &Loaded,
    args: &RenderArgs,
    console: &Console,
    done: &mut Typeset,
) -> Result<()> {
    let note_options = NoteOptions::from(&args.note);
    let pdf = PdfOptions::from(&args.note);
    // A failure in one language leaves no file of the other behind.
    let file = |lang, page, ext| note_file(&args.out, &args.meeting, lang, page, ext);
    // Every language the note is written in, or the one asked for.
    let langs = match args.lang {
        LangChoice::All => loaded.frame.languages(),
        choice => choice.langs().to_vec(),
    };
    for lang in langs {
        console.step(format!("typesetting the {lang} note"));
        let composed = engine.compose_note(loaded, lang, None, &note_options)?;
        if args.format == Format::Typ {
            // The project is for a note to be finished by hand: it is
            // written even when Typst refuses the note as it stands.
            let inputs = match engine.typeset(&composed) {
                Ok(note) => {
                    done.warnings.extend(note.warnings.iter().cloned());
                    note.typst_inputs()
                }
                Err(error) => {
                    done.refused.push(error);
                    Vec::new()
                }
            };
            for (name, bytes) in engine.project_files(&composed) {
                done.files.put(args.out.join(name), bytes);
            }
            let main = file(lang, None, "typ");
            done.commands.push(console::typst_compile(&main, &inputs));
            done.files.put(main, composed.source.into_bytes());
            continue;
        }
        let note = engine.typeset(&composed)?;
        done.warnings.extend(note.warnings.iter().cloned());
        match args.format {
            Format::Png => {
                for (i, page) in note.png(args.dpi)?.into_iter().enumerate() {
                    done.files.put(file(lang, Some(i + 1), "png"), page);
                }
            }
            Format::Svg => {
                for (i, page) in note.svg().into_iter().enumerate() {
                    done.files
                        .put(file(lang, Some(i + 1), "svg"), page.into_bytes());
                }
            }
            Format::Pdf | Format::Typ => {
                done.files.put(file(lang, None, "pdf"), note.pdf(&pdf)?);
            }
        }
        done.notes.push((composed, note));
    }
    Ok(())
}

/// The files to write, in the order made; a file made twice (the page design
/// of each language's project) is written once.
#[derive(Default)]
struct Files(Vec<(PathBuf, Vec<u8>)>);

impl Files {
    fn put(&mut self, path: PathBuf, bytes: Vec<u8>) {
        match self.0.iter_mut().find(|(p, _)| *p == path) {
            Some(file) => file.1 = bytes,
            None => self.0.push((path, bytes)),
        }
    }
}
