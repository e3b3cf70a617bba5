//! The `noteverbale` command: parse the arguments, run the command, print
//! what went wrong and exit with a status that scripts can trust (see
//! [`cli::EXIT_STATUS`]).

mod cli;
mod cmd;
mod console;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::cmd::Exit;
use crate::console::Console;

// Typst allocates and frees many small objects from several threads at once;
// mimalloc serves them faster than the system allocator (a batch of 195 notes
// spent a tenth of its time in glibc's malloc and free). It is built without
// transparent huge pages (`no_thp`): each first touch of a huge page had the
// kernel clear 2 MiB, a quarter of a one-note render's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let console = Console::new(&cli);
    if matches!(
        cli.command,
        Command::Render(_)
            | Command::Batch(_)
            | Command::Check(_)
            | Command::Watch(_)
            | Command::Serve(_)
    ) {
        noteverbale::prepare_in_background();
    }
    let result = match &cli.command {
        Command::Render(args) => cmd::render::run(args, &console),
        Command::Batch(args) => cmd::batch::run(args, &console),
        Command::Check(args) => cmd::check::run(args, &console),
        Command::Kinds(args) => cmd::kinds::run(args, &console),
        Command::Init(args) => cmd::init::run(args, &console),
        Command::Schema(args) => cmd::schema::run(args, &console),
        Command::Watch(args) => cmd::watch::run(args, &console),
        Command::Serve(args) => cmd::serve::run(args, &console),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Manpage(args) => cmd::manpage::run(args),
        Command::Compose => cmd::compose::run(),
    };
    let exit = result.unwrap_or_else(|error| {
        console.error(&error);
        Exit::from(&error)
    });
    ExitCode::from(exit.code())
}
