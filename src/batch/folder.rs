//! The output folder while a batch writes into it: a lock, so that one batch
//! at a time writes there, and a journal of the notes written, so that a run
//! killed half-way leaves a record of what it finished.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::manifest::{Entry, Manifest};
use crate::error::{Error, Failure, Result};

/// The lock's file, in the output folder. The lock is the system's, held on
/// this file while a batch runs and released when the process ends, however
/// it ends; the file itself stays.
pub const LOCK: &str = ".noteverbale.lock";

/// The journal's file, in the output folder: one JSON line per note written,
/// appended as each is written, folded into the manifest at the end of a run.
pub const JOURNAL: &str = ".noteverbale-journal.jsonl";

/// An output folder held by this batch.
#[derive(Debug)]
pub struct Folder {
    path: PathBuf,
    /// Held open for the lock.
    _lock: File,
    journal: Mutex<Option<File>>,
}

impl Folder {
    /// Creates the folder if need be and takes its lock; a folder another
    /// batch holds is refused.
    pub fn open(out: &Path) -> Result<Self> {
        std::fs::create_dir_all(out).map_err(|e| Error::write(out, e))?;
        let path = out.join(LOCK);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::write(&path, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Environment(Failure {
                    context: format!("the folder `{}` is in use by another batch", out.display()),
                    source: None,
                    hints: vec![
                        "wait until that batch is done, or write into another folder with `--out`"
                            .into(),
                    ],
                }));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(Error::environment(
                    format!("could not lock `{}`", path.display()),
                    e,
                ));
            }
        }
        Ok(Self {
            path: out.to_owned(),
            _lock: lock,
            journal: Mutex::new(None),
        })
    }

    /// The notes earlier runs wrote here, by file: the manifest's, then
    /// those of the journal a killed run left.
    pub fn previous(&self) -> BTreeMap<String, Entry> {
        let mut previous = Manifest::previous(&self.path);
        if let Ok(text) = std::fs::read_to_string(self.path.join(JOURNAL)) {
            // A run killed while writing a line leaves it cut short: skipped.
            for entry in text
                .lines()
                .filter_map(|line| serde_json::from_str::<Entry>(line).ok())
            {
                if let Some(file) = entry.file.clone() {
                    previous.insert(file, entry);
                }
            }
        }
        previous
    }

    /// Adds a note written to the journal, at once.
    pub fn record(&self, entry: &Entry) -> Result<()> {
        let path = self.path.join(JOURNAL);
        let mut line = serde_json::to_vec(entry).map_err(|e| Error::write(&path, e.into()))?;
        line.push(b'\n');
        let mut journal = self
            .journal
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if journal.is_none() {
            *journal = Some(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .map_err(|e| Error::write(&path, e))?,
            );
        }
        if let Some(file) = journal.as_mut() {
            // One write per line: with O_APPEND a line is never interleaved.
            file.write_all(&line).map_err(|e| Error::write(&path, e))?;
        }
        Ok(())
    }

    /// The manifest now lists every note of the journal: it goes.
    pub fn fold_journal(&self) -> Result<()> {
        let path = self.path.join(JOURNAL);
        let mut journal = self
            .journal
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *journal = None;
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::write(&path, e)),
            _ => Ok(()),
        }
    }
}
