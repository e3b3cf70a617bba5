//! `serve`: the notes side by side in a browser, updated on each save.

use noteverbale::preview::{Preview, Saves};
use noteverbale::serve::PreviewServer;
use noteverbale::{Error, NoteOptions, PdfOptions, Result, Sources};

use super::Exit;
use crate::cli::ServeArgs;
use crate::console::Console;

/// Serves the preview page, and renders again on every save, until stopped
/// or the server fails.
pub fn run(args: &ServeArgs, console: &Console) -> Result<Exit> {
    let sources = Sources::from(&args.sources);
    let options = NoteOptions {
        preview: !args.as_printed,
        ..NoteOptions::from(&args.note)
    };
    let mut saves = Saves::new(&sources)?;
    let listener = PreviewServer::listen(args.port)
        .map_err(|e| e.hint("choose another port with `--port`, or `--port 0` for any free one"))?;
    let server = PreviewServer::start(listener, PdfOptions::from(&args.note), saves.on_failure())?;
    let url = format!("http://{}/", server.address());
    console.notice(format!("preview of {} at {url}", args.meeting.display()));
    if args.open
        && let Err(error) = open_browser(&url)
    {
        console.warn(error.hint(format!("open {url} in a browser")));
    }
    let mut preview = Preview::new(sources, &args.meeting, options);
    let failure = preview.follow(&mut saves, |renders, rendered, started| match rendered {
        Ok(notes) => {
            for note in &notes {
                console.warnings(&note.warnings);
            }
            server.show(notes, started.elapsed());
            console.done(format!(
                "#{renders} shown in {:.0} ms",
                started.elapsed().as_secs_f64() * 1000.0
            ));
        }
        Err(error) => {
            console.error(&error);
            server.fail(&error, started.elapsed());
            console.done(format!(
                "#{renders} failed; the page keeps the last good pages"
            ));
        }
    });
    Err(failure)
}

/// Opens `url` in the desktop's browser.
fn open_browser(url: &str) -> Result<()> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|e| Error::environment(format!("could not open a browser with `{opener}`"), e))
}
