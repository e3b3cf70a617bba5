//! `schema`: the JSON Schema of a meeting file of a kind.

use noteverbale::{Diagnostic, Engine, Error, Result, output, schema};

use super::Exit;
use crate::cli::SchemaArgs;
use crate::console::{self, Console};

/// Prints the schema of the kind named, or writes the schema of the kind
/// named, or of every kind, into the folder `--out` names.
pub fn run(args: &SchemaArgs, console: &Console) -> Result<Exit> {
    let engine = Engine::new(&(&args.sources).into())?;
    let kinds = engine.kinds();
    let names: Vec<String> = match (&args.kind, &args.out) {
        (Some(name), _) => vec![name.clone()],
        (None, Some(_)) => kinds.names().map(str::to_owned).collect(),
        (None, None) => {
            return Err(Error::invalid(
                Diagnostic::error("name the kind whose schema to print")
                    .hint("`noteverbale schema note`; or write every kind's with `--out DIR`"),
            ));
        }
    };
    let mut written = Vec::new();
    for name in names {
        let kind = kinds
            .get(&name)
            .map_err(|e| e.hint("`noteverbale kinds` lists the kinds"))?;
        let text = format!("{:#}\n", schema::meeting(&kind));
        match &args.out {
            Some(folder) => {
                let path = folder.join(schema::file_name(&kind.name));
                output::write_atomic(&path, text.as_bytes())?;
                written.push(path);
            }
            None => console::print(text.as_bytes())?,
        }
    }
    if !written.is_empty() {
        console.wrote(written.iter().map(|p| p.as_path()));
    }
    Ok(Exit::Success)
}
