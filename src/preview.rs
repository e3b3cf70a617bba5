//! A meeting file kept open while it is edited: the notes typeset again on
//! each save of a file they depend on. The engine and the meeting are
//! reloaded only when their files change, and Typst's caches are trimmed
//! after each render, as `typst watch` does, so that memory stays flat
//! however many times the notes are rendered again.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::error::{Error, Result};
use crate::{Engine, Loaded, Note, NoteOptions, Sources};

/// How many renders an unused cache entry survives (typst-cli's choice).
const CACHE_AGE: usize = 10;

/// An editor's save is often several events (truncate and write, or write a
/// copy and rename it), which come within a few milliseconds: a save is over
/// once this long passes without one.
const SETTLE: Duration = Duration::from_millis(5);

/// Once the meeting file (or its logo, or a file it extends) is closed after
/// writing, or another file renamed over it, its save is over
/// ([`ends_save`]): only the events the system sends with that one are
/// waited for, this long.
const SETTLE_ENDED: Duration = Duration::from_millis(1);

/// The files a preview depends on, and what was last made of them.
pub struct Preview {
    sources: Sources,
    meeting: PathBuf,
    options: NoteOptions,
    engine: Option<Engine>,
    loaded: Option<Loaded>,
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
    pub fn new(sources: Sources, meeting: &Path, options: NoteOptions) -> Self {
        Self {
            sources,
            meeting: meeting.to_owned(),
            options,
            engine: None,
            loaded: None,
        }
    }

    /// The folders to watch: the meeting file's (editors often save by
    /// writing another file and renaming it over the first), the logo's,
    /// and the template and locale folders.
    pub fn folders(&self) -> Vec<PathBuf> {
        let mut folders = vec![folder_of(&self.meeting)];
        folders.extend(self.extended().iter().map(|file| folder_of(file)));
        if let Some(logo) = self.logo_path() {
            folders.push(folder_of(&logo));
        }
        folders.extend(self.sources.templates.iter().cloned());
        folders.extend(self.sources.locales.iter().cloned());
        folders.sort();
        folders.dedup();
        folders
    }

    /// The files the meeting file extends: those of the last load, or, when
    /// it failed, those that can be read.
    fn extended(&self) -> Vec<PathBuf> {
        match &self.loaded {
            Some(loaded) => loaded.extended().map(Path::to_owned).collect(),
            None => crate::load::extended_files(&self.meeting),
        }
    }

    fn logo_path(&self) -> Option<PathBuf> {
        self.loaded
            .as_ref()
            .and_then(|loaded| loaded.frame.logo_path(&self.meeting))
    }

    /// Whether `event` ends a save of the meeting's own files (the meeting
    /// file, its logo, the files it extends): the file closed after
    /// writing, or another renamed over it, an editor's two ways of saving.
    /// A rename names where from, then where to: the file saved is the
    /// last. A template folder also holds an editor's files of passage: its
    /// saves are not taken as ended so.
    fn ends_save(&self, event: &notify::Event) -> bool {
        use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
        matches!(
            event.kind,
            EventKind::Access(AccessKind::Close(AccessMode::Write))
                | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
        ) && event
            .paths
            .last()
            .is_some_and(|path| self.classify(path) == Change::Meeting)
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
        let logo = self.logo_path();
        if same_file(path, &self.meeting)
            || logo.is_some_and(|logo| same_file(path, &logo))
            || self.extended().iter().any(|file| same_file(path, file))
        {
            Change::Meeting
        } else {
            Change::Unrelated
        }
    }

    /// Typesets the notes of every language, reloading what `change` says
    /// has changed (everything on the first call). What fails to load is
    /// loaded again on the next call.
    pub fn render(&mut self, change: Change) -> Result<Vec<Note>> {
        if change == Change::Engine {
            self.engine = None;
        }
        if change != Change::Unrelated {
            self.loaded = None;
        }
        let engine = match self.engine.take() {
            Some(engine) => engine,
            None => Engine::new(&self.sources)?,
        };
        let engine = self.engine.insert(engine);
        let loaded = match self.loaded.take() {
            Some(loaded) => loaded,
            None => engine.load(&self.meeting)?,
        };
        let loaded = self.loaded.insert(loaded);
        let (engine, loaded, options) = (&*engine, &*loaded, &self.options);
        let notes = crate::typeset::side_by_side(&loaded.frame.languages(), |lang| {
            engine.note(loaded, lang, None, options)
        });
        typst::comemo::evict(CACHE_AGE);
        notes
    }

    /// Renders the notes, hands each render to `show` with its number and
    /// the time it started, then waits for a save of a file they depend on
    /// and renders again, until `saves` fails.
    pub fn follow(
        &mut self,
        saves: &mut Saves,
        mut show: impl FnMut(u64, Result<Vec<Note>>, Instant),
    ) -> Error {
        let mut change = Change::Engine;
        for renders in 1.. {
            let started = Instant::now();
            show(renders, self.render(change), started);
            change = match saves.next(self) {
                Ok(change) => change,
                Err(error) => return error,
            };
        }
        unreachable!("renders are counted without end")
    }
}

/// What wakes a preview up.
enum Wake {
    /// A file changed.
    Event(notify::Result<notify::Event>),
    /// Something the preview needs has failed: it ends.
    Failed(Error),
}

/// The saves a preview waits for: the folders it depends on, watched.
pub struct Saves {
    watcher: RecommendedWatcher,
    wakes: Sender<Wake>,
    received: Receiver<Wake>,
    watched: Vec<PathBuf>,
    recursive: Vec<PathBuf>,
}

impl Saves {
    /// Starts watching; template and locale folders are watched with their
    /// subfolders.
    pub fn new(sources: &Sources) -> Result<Self> {
        let (wakes, received) = std::sync::mpsc::channel();
        let events = wakes.clone();
        let watcher = notify::recommended_watcher(move |event| {
            let _ = events.send(Wake::Event(event));
        })
        .map_err(|e| Error::environment("could not watch for changes", e))?;
        Ok(Self {
            watcher,
            wakes,
            received,
            watched: Vec::new(),
            recursive: [&sources.templates, &sources.locales]
                .into_iter()
                .flatten()
                .cloned()
                .collect(),
        })
    }

    /// What another part of the preview calls when it fails: the wait for
    /// saves ends with that error.
    pub fn on_failure(&self) -> impl FnOnce(Error) + Send + 'static {
        let wakes = self.wakes.clone();
        move |error| {
            let _ = wakes.send(Wake::Failed(error));
        }
    }

    /// Waits for the next save that matters to `preview`, and says what it
    /// changed. Folders are watched first (the logo may have appeared).
    fn next(&mut self, preview: &Preview) -> Result<Change> {
        for folder in preview.folders() {
            if !self.watched.contains(&folder) {
                let mode = if self.recursive.contains(&folder) {
                    RecursiveMode::Recursive
                } else {
                    RecursiveMode::NonRecursive
                };
                self.watcher.watch(&folder, mode).map_err(|e| {
                    Error::environment(format!("could not watch `{}`", folder.display()), e)
                })?;
                self.watched.push(folder);
            }
        }
        loop {
            let mut events = Vec::new();
            let mut timeout = None;
            let mut ended = false;
            while let Some(event) = self.wait(timeout)? {
                ended |= event.as_ref().is_ok_and(|event| preview.ends_save(event));
                events.push(event);
                timeout = Some(if ended { SETTLE_ENDED } else { SETTLE });
            }
            let mut change = Change::Unrelated;
            for event in events.into_iter().flatten() {
                if matches!(event.kind, EventKind::Access(_)) {
                    continue;
                }
                for path in &event.paths {
                    change = match (change, preview.classify(path)) {
                        (Change::Engine, _) | (_, Change::Engine) => Change::Engine,
                        (Change::Meeting, _) | (_, Change::Meeting) => Change::Meeting,
                        _ => Change::Unrelated,
                    };
                }
            }
            if change != Change::Unrelated {
                return Ok(change);
            }
        }
    }

    /// The next event, waiting at most `timeout` (forever without one); an
    /// error when the preview must end. (The channel itself never closes:
    /// `Saves` holds one of its senders.)
    fn wait(&self, timeout: Option<Duration>) -> Result<Option<notify::Result<notify::Event>>> {
        let wake = match timeout {
            None => self.received.recv().ok(),
            Some(timeout) => match self.received.recv_timeout(timeout) {
                Ok(wake) => Some(wake),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => return Ok(None),
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => None,
            },
        };
        match wake {
            Some(Wake::Event(event)) => Ok(Some(event)),
            Some(Wake::Failed(error)) => Err(error),
            None => Err(Error::environment(
                "the watch for changes ended",
                "the watcher stopped",
            )),
        }
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

    /// A preview of the example, with templates from `tpl`.
    fn example() -> Preview {
        Preview::new(
            Sources {
                templates: Some(PathBuf::from("tpl")),
                locales: None,
                worker: None,
            },
            Path::new("examples/ccm-7msp.yaml"),
            NoteOptions::default(),
        )
    }

    #[test]
    fn changes_are_told_apart() {
        let preview = example();
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

    #[test]
    fn a_save_ends_when_the_meeting_file_is_closed_or_renamed_into_place() {
        use notify::event::{
            AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RenameMode,
        };
        let preview = example();
        let meeting = PathBuf::from("examples/ccm-7msp.yaml");
        let beside = PathBuf::from("examples/ccm-7msp.yaml.saving");
        let event = |kind, paths: &[&PathBuf]| {
            paths.iter().fold(notify::Event::new(kind), |event, path| {
                event.add_path((*path).clone())
            })
        };
        let rename = |mode| EventKind::Modify(ModifyKind::Name(mode));
        for ended in [
            event(
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                &[&meeting],
            ),
            event(rename(RenameMode::To), &[&meeting]),
            event(rename(RenameMode::Both), &[&beside, &meeting]),
        ] {
            assert!(preview.ends_save(&ended), "{ended:?}");
        }
        // Half-way through a save, or no save at all: the file may be
        // written on, read by the preview itself, renamed away, or be a
        // file of passage in a template folder.
        let template = PathBuf::from("tpl/.goutputstream-X");
        for not_ended in [
            event(EventKind::Create(CreateKind::File), &[&meeting]),
            event(
                EventKind::Modify(ModifyKind::Data(DataChange::Any)),
                &[&meeting],
            ),
            event(rename(RenameMode::From), &[&meeting]),
            event(rename(RenameMode::Both), &[&meeting, &beside]),
            event(
                EventKind::Access(AccessKind::Open(AccessMode::Any)),
                &[&meeting],
            ),
            event(
                EventKind::Access(AccessKind::Close(AccessMode::Read)),
                &[&meeting],
            ),
            event(
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                &[&beside],
            ),
            event(
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                &[&template],
            ),
        ] {
            assert!(!preview.ends_save(&not_ended), "{not_ended:?}");
        }
    }
}
