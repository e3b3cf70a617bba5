//! One module a command, each with one `run`.

pub mod batch;
pub mod check;
pub mod completions;
pub mod kinds;
pub mod manpage;
pub mod render;
pub mod serve;
pub mod watch;

use std::path::{Path, PathBuf};

use noteverbale::Lang;

/// How a command ended when nothing went wrong in it, with its exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done.
    Success,
    /// It went through, but found mistakes: some notes of a batch failed, or
    /// `check` found errors.
    Failed,
    /// `check` could not read some of what it was to check.
    Unchecked,
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
            Exit::Failed => 1,
            Exit::Unchecked => 3,
            Exit::Warnings => 4,
            Exit::Interrupted => 130,
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
