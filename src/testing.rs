//! What the unit tests share: the bundled example meeting, edited as an
//! editor edits it.

use std::path::Path;

use crate::{Engine, Lang, Loaded, Note, NoteOptions, Sources};

/// `examples/ccm-7msp.yaml`, written to a folder of its own with the
/// meeting's ordinal changed: an edit of the notes' first paragraph.
pub struct Example {
    engine: Engine,
    text: String,
    dir: tempfile::TempDir,
}

impl Example {
    pub fn new() -> Self {
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ccm-7msp.yaml");
        let text = std::fs::read_to_string(example).unwrap();
        assert!(text.contains("ordinal: 7 "));
        Self {
            engine: Engine::new(&Sources::default()).unwrap(),
            text,
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The meeting as the `ordinal`-th (7 as bundled), read and checked.
    pub fn loaded(&self, ordinal: u32) -> Loaded {
        let text = (self.text).replace("ordinal: 7 ", &format!("ordinal: {ordinal} "));
        let meeting = self.dir.path().join("meeting.yaml");
        std::fs::write(&meeting, text).unwrap();
        self.engine.load(&meeting).unwrap()
    }

    /// Its notes in French and English, typeset with `options`.
    pub fn notes(&self, ordinal: u32, options: &NoteOptions) -> Vec<Note> {
        let loaded = self.loaded(ordinal);
        let note = |lang| self.engine.note(&loaded, lang, None, options).unwrap();
        vec![note(Lang::Fr), note(Lang::En)]
    }
}
