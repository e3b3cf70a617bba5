//! Templates and locales: built into the binary, overridable from a folder,
//! file by file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};
use crate::input;

/// Where a file of a set comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into the binary.
    Embedded,
    /// Read from this file of the user's folder.
    File(PathBuf),
}

/// One file of a set.
#[derive(Debug, Clone)]
pub struct Asset {
    /// The content.
    pub bytes: Vec<u8>,
    /// Where it comes from.
    pub origin: Origin,
}

impl Asset {
    /// The name shown in diagnostics: `templates/x.typ` for a built-in file,
    /// the path on disk for a user's.
    pub fn display_name(&self, set: &str, name: &str) -> String {
        match &self.origin {
            Origin::Embedded => format!("{set}/{name}"),
            Origin::File(path) => path.display().to_string(),
        }
    }

    /// The content as text, or a diagnostic naming the file.
    pub fn text(&self, set: &str, name: &str) -> Result<&str> {
        std::str::from_utf8(&self.bytes).map_err(|_| {
            Error::invalid(
                Diagnostic::error("the file is not UTF-8 text")
                    .in_file(self.display_name(set, name)),
            )
        })
    }
}

/// A set of files addressed by their path relative to the set's root, with
/// `/` as separator: `invitation.fr.typ`, `fr/notes.ftl`.
#[derive(Debug, Clone)]
pub struct Assets {
    /// `templates` or `locales`.
    pub set: &'static str,
    files: BTreeMap<String, Asset>,
}

/// Templates built into the binary.
const TEMPLATES: &[(&str, &[u8])] = &[
    ("note.typ", include_bytes!("../templates/note.typ")),
    ("_frame.typ", include_bytes!("../templates/_frame.typ")),
    ("_address.typ", include_bytes!("../templates/_address.typ")),
    (
        "_paragraphs.typ",
        include_bytes!("../templates/_paragraphs.typ"),
    ),
    (
        "reminder.fr.typ",
        include_bytes!("../templates/reminder.fr.typ"),
    ),
    (
        "reminder.en.typ",
        include_bytes!("../templates/reminder.en.typ"),
    ),
    (
        "reminder.yaml",
        include_bytes!("../templates/reminder.yaml"),
    ),
    (
        "transmittal.fr.typ",
        include_bytes!("../templates/transmittal.fr.typ"),
    ),
    (
        "transmittal.en.typ",
        include_bytes!("../templates/transmittal.en.typ"),
    ),
    (
        "transmittal.yaml",
        include_bytes!("../templates/transmittal.yaml"),
    ),
    (
        "change-of-dates.fr.typ",
        include_bytes!("../templates/change-of-dates.fr.typ"),
    ),
    (
        "change-of-dates.en.typ",
        include_bytes!("../templates/change-of-dates.en.typ"),
    ),
    (
        "change-of-dates.yaml",
        include_bytes!("../templates/change-of-dates.yaml"),
    ),
    (
        "delegation.fr.typ",
        include_bytes!("../templates/delegation.fr.typ"),
    ),
    (
        "delegation.en.typ",
        include_bytes!("../templates/delegation.en.typ"),
    ),
    (
        "delegation.yaml",
        include_bytes!("../templates/delegation.yaml"),
    ),
    (
        "invitation.fr.typ",
        include_bytes!("../templates/invitation.fr.typ"),
    ),
    (
        "invitation.en.typ",
        include_bytes!("../templates/invitation.en.typ"),
    ),
    (
        "invitation.yaml",
        include_bytes!("../templates/invitation.yaml"),
    ),
    (
        "request-for-views.fr.typ",
        include_bytes!("../templates/request-for-views.fr.typ"),
    ),
    (
        "request-for-views.en.typ",
        include_bytes!("../templates/request-for-views.en.typ"),
    ),
    (
        "request-for-views.yaml",
        include_bytes!("../templates/request-for-views.yaml"),
    ),
    ("note.fr.typ", include_bytes!("../templates/note.fr.typ")),
    ("note.en.typ", include_bytes!("../templates/note.en.typ")),
    ("note.yaml", include_bytes!("../templates/note.yaml")),
];

/// Locales built into the binary.
const LOCALES: &[(&str, &[u8])] = &[
    ("fr/notes.ftl", include_bytes!("../locales/fr/notes.ftl")),
    ("en/notes.ftl", include_bytes!("../locales/en/notes.ftl")),
];

/// A user folder may hold at most this many files and folders, the files of at most
/// [`input::TEMPLATE`] bytes each: a set of templates is a handful of small
/// files and an emblem.
const MAX_FILES: usize = 256;

impl Assets {
    /// The built-in templates, overridden by the files of `folder` if given.
    pub fn templates(folder: Option<&Path>) -> Result<Self> {
        Self::load("templates", TEMPLATES, folder)
    }

    /// The built-in locales, overridden by the files of `folder` if given.
    pub fn locales(folder: Option<&Path>) -> Result<Self> {
        Self::load("locales", LOCALES, folder)
    }

    fn load(set: &'static str, embedded: &[(&str, &[u8])], folder: Option<&Path>) -> Result<Self> {
        let mut files: BTreeMap<String, Asset> = embedded
            .iter()
            .map(|(name, bytes)| {
                (
                    name.to_string(),
                    Asset {
                        bytes: bytes.to_vec(),
                        origin: Origin::Embedded,
                    },
                )
            })
            .collect();
        if let Some(folder) = folder {
            for (name, path) in list_folder(folder)? {
                let bytes = input::read(&path, input::TEMPLATE)
                    .map_err(|refusal| refusal.into_error(&path))?;
                files.insert(
                    name,
                    Asset {
                        bytes,
                        origin: Origin::File(path),
                    },
                );
            }
        }
        Ok(Self { set, files })
    }

    /// The file at `name`, if the set has one.
    pub fn get(&self, name: &str) -> Option<&Asset> {
        self.files.get(name)
    }

    /// Every file, by name, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Asset)> {
        self.files
            .iter()
            .map(|(name, asset)| (name.as_str(), asset))
    }
}

/// Every regular file under `folder`, with its name relative to it. The walk
/// never follows a link to a folder, and refuses a link that leads outside
/// the folder, so that a set of templates can only ever give Typst files from
/// inside its own root and no link can make it go round; what is not a
/// regular file (a pipe, a device, a link that leads nowhere) is refused as it
/// is read ([`input::read`]).
fn list_folder(folder: &Path) -> Result<Vec<(String, PathBuf)>> {
    let root = folder.canonicalize().map_err(|e| Error::read(folder, e))?;
    if !root.is_dir() {
        return Err(Error::invalid(
            Diagnostic::error("this is not a folder")
                .in_file(folder)
                .hint("give the folder that holds the files to override"),
        ));
    }
    let mut found = Vec::new();
    let mut seen = 0;
    let mut pending = vec![(root.clone(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| Error::read(&dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::read(&dir, e))?;
            let path = entry.path();
            let own = entry.file_name().to_string_lossy().into_owned();
            if own.starts_with('.') {
                continue; // editors' swap files and the like
            }
            seen += 1;
            if seen > MAX_FILES {
                return Err(Error::invalid(
                    Diagnostic::error(format!(
                        "the folder holds more than {MAX_FILES} files and folders"
                    ))
                    .in_file(folder)
                    .hint("give a folder that holds only the files to override"),
                ));
            }
            let name = format!("{prefix}{own}");
            let kind = entry.file_type().map_err(|e| Error::read(&path, e))?;
            if kind.is_dir() {
                pending.push((path, format!("{name}/")));
                continue;
            }
            if kind.is_symlink() {
                let refused = |message: &str, hint: &str| {
                    Error::invalid(
                        Diagnostic::error(format!("`{}` {message}", path.display()))
                            .in_file(&path)
                            .hint(hint.to_owned()),
                    )
                };
                let Ok(real) = path.canonicalize() else {
                    return Err(refused(
                        "is a link that leads nowhere, or round in a loop",
                        "replace the link with the file it should lead to",
                    ));
                };
                if !real.starts_with(&root) {
                    return Err(refused(
                        "leads outside the folder",
                        "copy the file into the folder instead of linking to it",
                    ));
                }
                if real.is_dir() {
                    return Err(refused(
                        "is a link to a folder",
                        "a template folder holds files and folders, not links to folders",
                    ));
                }
            }
            found.push((name, path));
        }
    }
    found.sort();
    Ok(found)
}
