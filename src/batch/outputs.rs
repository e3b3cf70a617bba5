//! Every path a batch writes, checked before anything is written: no two
//! outputs on one name (compared case-insensitively, as some file systems
//! fold case), the combined PDF and the drafts on no file of the run, and
//! no symbolic link on the way inside the output folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::folder::{OWN_FILES, refuse_file};
use super::{BatchOptions, Job};
use crate::error::{Diagnostic, Error, Result};
use crate::output;

/// What a path of the run is, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
enum What {
    /// The output folder, or a folder inside it that notes go into.
    Folder,
    /// A note: its mission and language.
    Note(String),
    /// The lock, the journal or a manifest.
    Own,
    /// The combined PDF to print.
    Print,
    /// The drafts' folder.
    Drafts,
    /// A mission's draft.
    Draft(String),
}

impl What {
    fn describe(&self) -> String {
        match self {
            What::Folder => "a folder the notes are written into".into(),
            What::Note(note) => format!("the note {note}"),
            What::Own => "a file the batch keeps in its output folder".into(),
            What::Print => "the combined PDF to print".into(),
            What::Drafts => "the folder of the e-mail drafts".into(),
            What::Draft(code) => format!("the e-mail draft to {code}"),
        }
    }

    fn is_folder(&self) -> bool {
        matches!(self, What::Folder | What::Drafts)
    }
}

/// Refuses runs whose outputs would collide, within one run or across the
/// runs of several meeting files, or would be written through a symbolic
/// link inside an output folder. The runs share one combined PDF.
pub(super) fn check(runs: &[(&[Job], &BatchOptions)]) -> Result<()> {
    let mut paths: Vec<(PathBuf, What)> = Vec::new();
    for (jobs, options) in runs {
        paths.extend(run_paths(jobs, options)?);
    }
    if let Some(print) = runs.iter().find_map(|(_, options)| options.print.as_ref()) {
        paths.push((print.clone(), What::Print));
    }
    let mut resolver = Resolver::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, (path, what)) in paths.iter().enumerate() {
        if !what.is_folder() {
            output::refuse_link(path)?;
        }
        let key = resolver.key(path);
        let Some(&earlier) = seen.get(&key) else {
            seen.insert(key, index);
            continue;
        };
        let (earlier_path, earlier_what) = &paths[earlier];
        if earlier_what.is_folder() && what.is_folder() {
            continue;
        }
        let same = if earlier_path == path {
            format!("`{}`", path.display())
        } else {
            format!("`{}` and `{}`", earlier_path.display(), path.display())
        };
        let hint = match what {
            What::Print => "write the combined PDF outside the output folder, as `all.pdf`",
            What::Drafts | What::Draft(_) => {
                "write the drafts into a folder of their own, as `drafts`"
            }
            _ => "give each note a file name of its own: the pattern holds `{code}` and `{lang}`",
        };
        return Err(Error::invalid(
            Diagnostic::error(format!(
                "{same} would be both {} and {}: one would overwrite the other",
                earlier_what.describe(),
                what.describe()
            ))
            .hint(hint),
        ));
    }
    Ok(())
}

/// Every path one run writes, but the combined PDF: its output folder and
/// the folders inside it, its own files, its notes, its drafts.
fn run_paths(jobs: &[Job], options: &BatchOptions) -> Result<Vec<(PathBuf, What)>> {
    let out = &options.out;
    refuse_file(out)?;
    let mut paths: Vec<(PathBuf, What)> = vec![(out.clone(), What::Folder)];
    paths.extend(OWN_FILES.iter().map(|name| (out.join(name), What::Own)));
    let mut folders: Vec<PathBuf> = Vec::new();
    for job in jobs {
        let mut folder = Path::new(&job.file).parent();
        while let Some(inner) = folder.filter(|f| !f.as_os_str().is_empty()) {
            folders.push(inner.to_owned());
            folder = inner.parent();
        }
        paths.push((
            out.join(&job.file),
            What::Note(format!("{} {}", job.mission, job.lang)),
        ));
    }
    folders.sort();
    folders.dedup();
    for folder in &folders {
        refuse_links(out, folder)?;
    }
    paths.extend(folders.iter().map(|f| (out.join(f), What::Folder)));
    if let Some(dir) = &options.mail {
        paths.push((dir.clone(), What::Drafts));
        let mut codes: Vec<&str> = jobs
            .iter()
            .filter(|j| j.recipient.email.is_some())
            .map(|j| j.recipient.code.as_str())
            .collect();
        codes.dedup();
        paths.extend(codes.into_iter().map(|code| {
            (
                dir.join(format!("{code}.eml")),
                What::Draft(code.to_owned()),
            )
        }));
    }
    Ok(paths)
}

/// Refuses a folder inside the output folder, or one on the way to it, that
/// is a symbolic link.
fn refuse_links(out: &Path, folder: &Path) -> Result<()> {
    let mut path = out.to_owned();
    for component in folder.components() {
        path.push(component);
        output::refuse_link(&path)?;
    }
    Ok(())
}

/// Paths made comparable: absolute, through the links of the folders that
/// exist, in lower case.
#[derive(Default)]
struct Resolver {
    /// Each folder as resolved.
    folders: HashMap<PathBuf, PathBuf>,
}

impl Resolver {
    fn key(&mut self, path: &Path) -> String {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let resolved = match (absolute.parent(), absolute.file_name()) {
            (Some(parent), Some(name)) => self.folder(parent).join(name),
            _ => absolute,
        };
        resolved.to_string_lossy().to_lowercase()
    }

    /// A folder resolved: the deepest that exists, through its links, then
    /// the rest as written.
    fn folder(&mut self, folder: &Path) -> PathBuf {
        if let Some(resolved) = self.folders.get(folder) {
            return resolved.clone();
        }
        let resolved = match std::fs::canonicalize(folder) {
            Ok(resolved) => resolved,
            Err(_) => match (folder.parent(), folder.file_name()) {
                (Some(parent), Some(name)) => self.folder(parent).join(name),
                _ => folder.to_owned(),
            },
        };
        self.folders.insert(folder.to_owned(), resolved.clone());
        resolved
    }
}
