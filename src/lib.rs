//! noteverbale: diplomatic notes verbales in French and English, typeset to
//! PDF from one YAML file of meeting metadata.
//!
//! The pipeline, one module a stage, each stage a value that the next takes:
//!
//! ```text
//! meeting file ─[load]─▶ Loaded ─[context]─▶ NoteContext (one language)
//!   ─[compose]─▶ Composed (Typst source, map to the template lines)
//!   ─[typeset]─▶ Note (pages) ─▶ PDF | PNG | SVG | text ─[output]─▶ files
//! ```
//!
//! [`load`] reads and checks the YAML file ([`meeting`]) and the logo;
//! [`context`] puts every phrase and date of one note into its language with
//! [`locale`]; [`compose`] fills the note's Tera template, escaping every
//! value for Typst, into a [`source::Composed`]; [`typeset`] compiles it with
//! Typst in a sandboxed World and exports it; [`output`] writes files
//! atomically. [`Engine`] holds what every note shares and runs the stages.
//! Around them: [`batch`] (one note per mission), [`check`] (all that a note
//! would refuse, and nothing written), [`preview`] and [`serve`] (notes kept
//! open while they are edited), [`agree`] (the two languages of every text
//! compared) and [`states`] (the names of States, in both languages).

pub mod agree;
pub mod allow;
pub mod assets;
pub mod batch;
pub mod check;
pub mod compose;
pub mod context;
pub mod drawing;
pub mod engine;
pub mod error;
pub mod guard;
pub mod init;
pub mod input;
pub mod kind;
pub mod load;
pub mod locale;
pub mod meeting;
pub(crate) mod misspelling;
pub mod output;
pub mod pixels;
pub mod preview;
pub mod recipients;
pub mod schema;
pub mod serve;
pub mod source;
pub mod states;
pub mod template;
#[cfg(test)]
mod testing;
pub mod typeset;
pub mod values;
pub mod yaml;

pub use crate::context::NoteOptions;
pub use crate::engine::{Engine, Sources};
pub use crate::error::{Diagnostic, Error, Failure, Result, Severity, SheetCell};
pub use crate::load::Loaded;
pub use crate::locale::Lang;
pub use crate::output::hex;
pub use crate::source::Composed;
pub use crate::typeset::{Note, PdfOptions, PdfStandard};

/// Loads the embedded fonts, then compiles the patterns with which the
/// languages of a meeting file are compared, on a thread of its own, while
/// the calling thread reads the templates, the locales and the meeting file:
/// a command that reads a meeting file calls it first. The fonts come first,
/// for a note is typeset while its meeting file's languages are compared
/// ([`Engine::load_beside`]).
pub fn prepare_in_background() {
    // Should a thread not start, its work is done when first needed, as it
    // would be without it.
    let _ = std::thread::Builder::new()
        .name("prepare".into())
        .spawn(|| {
            typeset::Fonts::embedded();
            agree::prepare();
        });
}
