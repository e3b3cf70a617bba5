//! `manpage`: the manual page, in roff.

use clap::CommandFactory;
use noteverbale::{Error, Result};

use super::Exit;
use crate::cli::{Cli, ManpageArgs};
use crate::console;

/// Prints the main page, or writes a page for each command into a folder.
pub fn run(args: &ManpageArgs) -> Result<Exit> {
    let command = Cli::command();
    match &args.out {
        Some(folder) => {
            std::fs::create_dir_all(folder).map_err(|e| Error::write(folder, e))?;
            clap_mangen::generate_to(command, folder).map_err(|e| Error::write(folder, e))?;
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(|e| Error::write("the manual page", e))?;
            console::print(&page)?;
        }
    }
    Ok(Exit::Success)
}
