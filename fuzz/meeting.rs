//! What the `meeting` fuzz target checks, shared with the test that replays
//! its corpus (`tests/fuzz_corpus.rs`), so that the corpus is checked on
//! stable Rust too.
//!
//! From any bytes: reading them as a meeting file never panics, and when it
//! succeeds, the Typst source of each note parses without a syntax error,
//! whatever the values hold.

use std::path::Path;
use std::sync::OnceLock;

use noteverbale::yaml::YamlFile;
use noteverbale::{Engine, Lang, NoteOptions, Sources};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&Sources::default()).expect("the built-in templates load"))
}

/// Checks one input; panics on a failure.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.yaml");
    let file = YamlFile::from_text(path, text);
    let Ok(mut loaded) = noteverbale::load::read(&file, engine().kinds()) else {
        return;
    };
    // The logo would be read from disk; the notes are the same without it.
    loaded.frame.logo = None;
    for lang in Lang::ALL {
        let Ok(composed) = engine().compose_note(&loaded, lang, None, &NoteOptions::default())
        else {
            continue;
        };
        let source = composed.source;
        let root = typst::syntax::parse(&source);
        let (errors, _) = root.errors_and_warnings();
        assert!(
            errors.is_empty(),
            "the {lang} source does not parse: {errors:?}\n{source}"
        );
    }
}
