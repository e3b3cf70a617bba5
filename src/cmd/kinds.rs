//! `kinds`: the note kinds and the languages each has a template for.

use noteverbale::{Engine, Result};

use super::Exit;
use crate::cli::SourceArgs;
use crate::console;

/// Prints one kind a line, with its languages.
pub fn run(args: &SourceArgs) -> Result<Exit> {
    let engine = Engine::new(&args.into())?;
    let mut list = String::new();
    for kind in engine.kinds().iter() {
        let langs: Vec<&str> = kind.languages.iter().map(|l| l.code()).collect();
        list.push_str(&format!("{}\t{}\n", kind.name, langs.join(" ")));
    }
    console::print(list.as_bytes())?;
    Ok(Exit::Success)
}
