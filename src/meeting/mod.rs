//! The meeting file: the frame every note shares, and the fields its kind
//! declares, as typed values.
//!
//! Field names and shapes are documented, for the people who fill them in, in
//! the commented example `examples/ccm-7msp.yaml` and by `noteverbale init`.
//! Every text that appears in a note is [`Bilingual`]; texts that are the same
//! in every language (reference numbers, addresses on the web) are plain
//! [`Text`].

mod frame;
mod shapes;
mod text;

use std::sync::Arc;

use serde_yaml::{Mapping, Value as Yaml};

pub use self::frame::{Addressees, FRAME_FIELDS, Frame, NoteDate, Paper, Role, Sender};
pub use self::shapes::{
    is_document_symbol, is_email, is_phone, is_resolution_symbol, is_web_address,
};
pub use self::text::{Bilingual, Date, Text, Time};
use crate::error::{Diagnostic, Error, Result, Severity};
use crate::kind::{self, Kind, Kinds, Values};
use crate::yaml::YamlFile;

/// A meeting file read and checked: its frame, its kind and the kind's
/// fields, and what is probably a mistake but does not stop a note.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// The frame.
    pub frame: Frame,
    /// The note's kind.
    pub kind: Arc<Kind>,
    /// The kind's fields.
    pub fields: Values,
    /// Warnings: a deadline on a weekend, say.
    pub warnings: Vec<Diagnostic>,
}

/// Reads a meeting file: the frame, then the fields of the kind it names,
/// every mistake of both found at once.
pub fn read(file: &YamlFile, value: &Yaml, kinds: &Kinds) -> Result<Meeting> {
    let top = match value {
        Yaml::Mapping(top) => top,
        _ => {
            return Err(Error::invalid(
                Diagnostic::error("a meeting file is a mapping of fields, as `kind: invitation`")
                    .in_file(&file.path),
            ));
        }
    };
    let mut problems = Vec::new();
    let frame_part: Mapping = top
        .iter()
        .filter(|(key, _)| key.as_str().is_some_and(|k| FRAME_FIELDS.contains(&k)))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let frame: Option<Frame> = match file.read_value("", Yaml::Mapping(frame_part)) {
        Ok(frame) => Some(frame),
        Err(error) => {
            problems.extend(error.into_diagnostics());
            None
        }
    };
    let kind_name = frame.as_ref().map_or_else(
        || match top.get("kind") {
            Some(Yaml::String(name)) => name.clone(),
            _ => "invitation".to_owned(),
        },
        |frame| frame.kind.clone(),
    );
    let kind = match kinds.get(&kind_name) {
        Ok(kind) => Some(kind),
        Err(error) => {
            for diagnostic in error.into_diagnostics() {
                let mut located = file.error("kind", diagnostic.message);
                located.hints = diagnostic.hints;
                problems.push(located);
            }
            None
        }
    };
    let mut fields = Values::default();
    if let Some(kind) = &kind {
        let mut expected: Vec<&str> = FRAME_FIELDS.to_vec();
        expected.extend(
            kind.fields
                .iter()
                .filter(|f| f.is_written())
                .map(|f| f.name.as_str()),
        );
        for key in top.keys() {
            let key = key.as_str().unwrap_or_default();
            if !expected.contains(&key) {
                problems.push(file.unknown_field(key, key, &expected));
            }
        }
        let note_date = frame.as_ref().and_then(Frame::day);
        let (read, found) = kind::read(&kind.fields, top, file, note_date);
        fields = read;
        problems.extend(found);
    }
    if let Some(frame) = &frame {
        problems.extend(frame.check(file));
    }
    if problems.iter().any(|p| p.severity == Severity::Error) {
        problems.sort_by_key(|p| p.severity != Severity::Error);
        return Err(Error::Invalid(problems));
    }
    match (frame, kind) {
        (Some(frame), Some(kind)) => Ok(Meeting {
            frame,
            kind,
            fields,
            warnings: problems,
        }),
        _ => Err(Error::Invalid(problems)),
    }
}
