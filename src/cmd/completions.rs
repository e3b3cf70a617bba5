//! `completions`: a completion script for a shell, printed.

use clap::CommandFactory;
use noteverbale::Result;

use super::Exit;
use crate::cli::{Cli, CompletionsArgs};
use crate::console;

/// Prints the script for the shell asked for.
pub fn run(args: &CompletionsArgs) -> Result<Exit> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "noteverbale", &mut script);
    console::print(&script)?;
    Ok(Exit::Success)
}
