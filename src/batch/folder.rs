//! The output folder while a batch writes into it: a lock, so that one batch
//! at a time writes there, and a journal of the notes written, so that a run
//! killed half-way leaves a record of what it finished. Nothing in it is
//! written or read through a symbolic link.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use super::manifest::{Entry, MANIFEST_CSV, MANIFEST_JSON, Manifest};
use crate::error::{Diagnostic, Error, Failure, Result};
use crate::output;

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
    /// The token of the run that held the folder before this one: its
    /// temporary files, should it have been killed, are cleared.
    previous_token: Option<String>,
}

/// The files a batch keeps in its output folder besides the notes.
pub const OWN_FILES: [&str; 4] = [LOCK, JOURNAL, MANIFEST_JSON, MANIFEST_CSV];

/// Opens a file of the folder for writing without following a link: where
/// the system allows, the open itself refuses one.
fn open_no_follow(options: &mut OpenOptions, path: &Path) -> Result<File> {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(options, libc::O_NOFOLLOW);
    output::refuse_link(path)?;
    options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return output::link(path);
        }
        Error::write(path, e)
    })
}

/// Refuses an output folder that is a file.
pub fn refuse_file(out: &Path) -> Result<()> {
    match std::fs::metadata(out) {
        Ok(metadata) if !metadata.is_dir() => Err(Error::invalid(
            Diagnostic::error(format!("`{}` is a file, not a folder", out.display()))
                .hint("the notes are written into a folder: name another one"),
        )),
        _ => Ok(()),
    }
}

impl Folder {
    /// Creates the folder if need be and takes its lock; a folder another
    /// batch holds is refused, and so is one whose lock, journal or
    /// manifests are symbolic links.
    pub fn open(out: &Path) -> Result<Self> {
        refuse_file(out)?;
        std::fs::create_dir_all(out).map_err(|e| Error::write(out, e))?;
        for name in OWN_FILES {
            output::refuse_link(&out.join(name))?;
        }
        let path = out.join(LOCK);
        let mut lock = open_no_follow(
            OpenOptions::new()
                .create(true)
                .truncate(false)
                .read(true)
                .write(true),
            &path,
        )?;
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
        // The lock's file names the run that holds it: the next run clears
        // that run's temporary files, and no other's.
        let mut previous = String::new();
        let _ = lock.read_to_string(&mut previous);
        let previous_token = Some(previous.trim().to_owned())
            .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        lock.set_len(0)
            .and_then(|()| std::io::Seek::rewind(&mut lock))
            .and_then(|_| lock.write_all(output::run_token().as_bytes()))
            .map_err(|e| Error::write(&path, e))?;
        Ok(Self {
            path: out.to_owned(),
            _lock: lock,
            journal: Mutex::new(None),
            previous_token,
        })
    }

    /// Removes the temporary files the run that held the folder before this
    /// one left, should it have been killed, in the folder and in `folders`
    /// inside it (those this run writes into); no other file, and no other
    /// folder: a batch into a folder inside this one keeps its own.
    pub fn remove_stale_parts<'a>(&self, folders: impl IntoIterator<Item = &'a Path>) {
        let Some(token) = &self.previous_token else {
            return;
        };
        let prefix = output::temporary_prefix(token);
        let mut seen = std::collections::BTreeSet::new();
        for folder in
            std::iter::once(self.path.clone()).chain(folders.into_iter().map(|f| self.path.join(f)))
        {
            if !seen.insert(folder.clone()) || self.within_links(&folder) {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with(&prefix)
                    && name.ends_with(output::TEMPORARY_SUFFIX)
                    && entry.file_type().is_ok_and(|t| t.is_file())
                {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }

    /// Whether a folder inside the output folder is reached through a link.
    fn within_links(&self, folder: &Path) -> bool {
        let Ok(inner) = folder.strip_prefix(&self.path) else {
            return true;
        };
        let mut path = self.path.clone();
        inner.components().any(|component| {
            path.push(component);
            std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
        })
    }

    /// Makes the folders of a note's file (relative to the output folder),
    /// refusing any that is a symbolic link: a note goes nowhere but inside
    /// the output folder.
    pub fn prepare(&self, file: &str) -> Result<PathBuf> {
        let relative = Path::new(file);
        let mut path = self.path.clone();
        let folders: Vec<Component> = match relative.parent() {
            Some(parent) => parent.components().collect(),
            None => Vec::new(),
        };
        for component in folders {
            path.push(component);
            match std::fs::symlink_metadata(&path) {
                Ok(metadata) if metadata.file_type().is_symlink() => {
                    return Err(output::link(&path));
                }
                Ok(metadata) if metadata.is_dir() => {}
                Ok(_) => {
                    return Err(Error::environment(
                        format!("could not write into `{}`", path.display()),
                        std::io::Error::other("it is a file, not a folder"),
                    ));
                }
                Err(_) => match std::fs::create_dir(&path) {
                    Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                        return Err(Error::write(&path, e));
                    }
                    _ => output::refuse_link(&path)?,
                },
            }
        }
        let path = self.path.join(relative);
        output::refuse_link(&path)?;
        Ok(path)
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
            // A journal that is a link is refused, not appended to.
            *journal = Some(open_no_follow(
                OpenOptions::new().create(true).append(true),
                &path,
            )?);
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
