//! `init`: a new meeting file for a kind.

use std::path::PathBuf;

use noteverbale::{Diagnostic, Engine, Error, Result, init, output};

use super::Exit;
use crate::cli::InitArgs;
use crate::console::{self, Console};

/// Writes the meeting file, or prints it for `-`; an existing file is kept
/// unless `--force`.
pub fn run(args: &InitArgs, console: &Console) -> Result<Exit> {
    let engine = Engine::new(&(&args.sources).into())?;
    let kind = engine
        .kinds()
        .get(&args.kind)
        .map_err(|e| e.hint("`noteverbale kinds` lists the kinds; `--kind` chooses one"))?;
    let sources = match &args.sources.templates {
        Some(folder) => format!(" --templates {}", folder.display()),
        None => String::new(),
    };
    let text = init::meeting_file(&kind, &sources);
    let path = args
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.yaml", kind.name)));
    if path.as_os_str() == "-" {
        console::print(text.as_bytes())?;
        return Ok(Exit::Success);
    }
    if path.exists() && !args.force {
        return Err(Error::invalid(
            Diagnostic::error(format!("`{}` is already there", path.display()))
                .hint("name another file, or replace it with `--force`"),
        ));
    }
    output::write_atomic(&path, text.as_bytes())?;
    console.wrote([path.as_path()]);
    console.done(format!(
        "next: noteverbale check{sources} {0}, then noteverbale render{sources} {0}",
        path.display()
    ));
    Ok(Exit::Success)
}
