//! A meeting file kept open while it is edited: the engine and the meeting
//! are reloaded only when their files change, and Typst's caches are trimmed
//! after each render, as `typst watch` does, so that memory stays flat
//! however many times the notes are rendered again.

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::{Engine, Input, Lang, Note, RenderOptions, Sources};

/// How many renders an unused cache entry survives (typst-cli's choice).
const CACHE_AGE: usize = 10;

/// The files a preview depends on, and what was last made of them.
pub struct Preview {
    sources: Sources,
    meeting: PathBuf,
    options: RenderOptions,
    engine: Option<Engine>,
    input: Option<Input>,
}

/// What changed since the last render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The meeting file or its logo.
    Meeting,
    /// A template or a locale: the engine is loaded again.
    Engine,
    /// Something else in a watched folder.
    Unrelated,
}

impl Preview {
    /// A preview of `meeting`; nothing is read until the first render.
    pub fn new(sources: Sources, meeting: &Path, options: RenderOptions) -> Self {
        Self {
            sources,
            meeting: meeting.to_owned(),
            options,
            engine: None,
            input: None,
        }
    }

    /// The folders to watch: the meeting file's (editors often save by
    /// writing another file and renaming it over the first), the logo's,
    /// and the template and locale folders.
    pub fn folders(&self) -> Vec<PathBuf> {
        let mut folders = vec![folder_of(&self.meeting)];
        if let Some(logo) = self
            .input
            .as_ref()
            .and_then(|input| input.meeting.logo_path(&self.meeting))
        {
            folders.push(folder_of(&logo));
        }
        folders.extend(self.sources.templates.iter().cloned());
        folders.extend(self.sources.locales.iter().cloned());
        folders.sort();
        folders.dedup();
        folders
    }

    /// What a change to `path` means for the notes.
    pub fn classify(&self, path: &Path) -> Change {
        let under = |folder: &Option<PathBuf>| {
            folder
                .as_ref()
                .is_some_and(|folder| absolute(path).starts_with(absolute(folder)))
        };
        if under(&self.sources.templates) || under(&self.sources.locales) {
            return Change::Engine;
        }
        let logo = self
            .input
            .as_ref()
            .and_then(|input| input.meeting.logo_path(&self.meeting));
        if same_file(path, &self.meeting) || logo.is_some_and(|logo| same_file(path, &logo)) {
            Change::Meeting
        } else {
            Change::Unrelated
        }
    }

    /// Typesets the notes of every language, reloading what `change` says
    /// has changed (everything on the first call). On an error, the next
    /// call reloads again.
    pub fn render(&mut self, change: Change) -> Result<Vec<Note>> {
        if change == Change::Engine {
            self.engine = None;
        }
        if change != Change::Unrelated {
            self.input = None;
        }
        let engine = match self.engine.take() {
            Some(engine) => engine,
            None => Engine::new(&self.sources)?,
        };
        let engine = self.engine.insert(engine);
        let input = match self.input.take() {
            Some(input) => input,
            None => engine.load(&self.meeting)?,
        };
        let input = self.input.insert(input);
        let notes = Lang::ALL
            .iter()
            .map(|lang| engine.typeset(input, *lang, &self.options))
            .collect();
        typst::comemo::evict(CACHE_AGE);
        notes
    }

    /// The meeting as last loaded, with its warnings.
    pub fn input(&self) -> Option<&Input> {
        self.input.as_ref()
    }
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Whether two paths name the same file, as far as can be told without
/// both existing: events name files by absolute path, users often do not.
fn same_file(a: &Path, b: &Path) -> bool {
    absolute(a) == absolute(b)
}

/// `path` made absolute against the current folder, `.` segments removed.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path)
        .map(|p| p.components().collect())
        .unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_told_apart() {
        let preview = Preview::new(
            Sources {
                templates: Some(PathBuf::from("tpl")),
                locales: None,
            },
            Path::new("examples/ccm-7msp.yaml"),
            RenderOptions::default(),
        );
        let here = std::env::current_dir().unwrap();
        assert_eq!(
            preview.classify(&here.join("examples/ccm-7msp.yaml")),
            Change::Meeting
        );
        assert_eq!(
            preview.classify(Path::new("examples/ccm-7msp.yaml")),
            Change::Meeting
        );
        assert_eq!(preview.classify(Path::new("tpl/note.typ")), Change::Engine);
        assert_eq!(
            preview.classify(&here.join("examples/missions.yaml")),
            Change::Unrelated
        );
        assert_eq!(
            preview.folders(),
            vec![PathBuf::from("examples"), PathBuf::from("tpl")]
        );
    }
}
