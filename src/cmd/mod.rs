//! One module a command, each with one `run`.

pub mod batch;
pub mod check;
pub mod completions;
pub mod compose;
pub mod init;
pub mod kinds;
pub mod manpage;
pub mod render;
pub mod schema;
pub mod serve;
pub mod watch;

use std::path::{Path, PathBuf};

use noteverbale::{Error, Lang};

/// How a command ended, with its exit status (see [`crate::cli::EXIT_STATUS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done.
    Success,
    /// A file given is wrong; or some notes of a batch failed, the others
    /// written; or `check` found errors.
    Invalid,
    /// The environment failed: a file could not be read or written, a port,
    /// a watcher, threads.
    Environment,
    /// `check --deny-warnings` found warnings, and no errors.
    Warnings,
    /// Stopped by Ctrl-C.
    Interrupted,
}

impl Exit {
    /// The process's exit status.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Invalid => 1,
            Exit::Environment => 3,
            Exit::Warnings => 4,
            Exit::Interrupted => 130,
        }
    }
}

impl From<&Error> for Exit {
    fn from(error: &Error) -> Self {
        match error {
            Error::Invalid(_) => Exit::Invalid,
            Error::Environment(_) => Exit::Environment,
        }
    }
}

/// The file of a meeting's note in `out`: `out/ccm-7msp.fr.pdf`, or
/// `out/ccm-7msp.fr-2.png` for the second page.
pub fn note_file(
    out: &Path,
    meeting: &Path,
    lang: Lang,
    page: Option<usize>,
    ext: &str,
) -> PathBuf {
    let stem = meeting
        .file_stem()
        .map_or_else(|| "note".into(), |s| s.to_string_lossy().into_owned());
    match page {
        Some(page) => out.join(format!("{stem}.{lang}-{page}.{ext}")),
        None => out.join(format!("{stem}.{lang}.{ext}")),
    }
}
