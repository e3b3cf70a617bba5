//! `init`: a new meeting file for a kind.

use std::path::PathBuf;

use noteverbale::{Diagnostic, Engine, Error, Result, init, output, schema};

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
    // The kind's schema beside the file, which names it on its first line:
    // editors complete and check the file as it is typed.
    let schema_path = path
        .parent()
        .unwrap_or(std::path::Path::new(""))
        .join(schema::file_name(&kind.name));
    let schema_text = format!("{:#}\n", schema::meeting(&kind));
    let text = schema::modeline(&schema::file_name(&kind.name)) + &text;
    output::write_all_atomic(&[
        (path.clone(), text.into_bytes()),
        (schema_path.clone(), schema_text.into_bytes()),
    ])?;
    console.wrote([path.as_path(), schema_path.as_path()]);
    console.done(format!(
        "next: noteverbale check{sources} {0}, then noteverbale render{sources} {0}",
        path.display()
    ));
    Ok(Exit::Success)
}
