//! `note-ref`: an earlier note, by its reference and date, as a reminder or
//! a change of dates refers to the note it follows.

use serde::Deserialize;
use serde_json::{Value as Json, json};
use serde_yaml::Value as Yaml;

use crate::kind::field::{self, Checker, Field, FieldType, Options, Place, Reader, TypeInfo, join};
use crate::kind::value::{Value, Values};
use crate::locale::{self, DateStyle, Lang};
use crate::schema;
use crate::values::{Date, Text};

/// `note-ref`.
pub static NOTE_REF: TypeInfo = TypeInfo {
    name: "note-ref",
    written: "`{ reference: ODA/12-2015/CCM, date: 2015-02-16 }`, an earlier note",
    gives: "`reference`, as written, and `date`, in words: `16 février 2015`, `16 February 2015`",
    options: &[],
    build,
};

fn build(_options: &mut Options) -> field::Type {
    field::new(NoteRef)
}

#[derive(Debug)]
struct NoteRef;

/// An earlier note as the meeting file writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
    reference: Text,
    date: Date,
}

impl FieldType for NoteRef {
    fn json_schema(&self) -> Json {
        json!({
            "type": "object",
            "properties": { "reference": { "type": "string" }, "date": schema::date() },
            "required": ["reference", "date"],
            "additionalProperties": false,
        })
    }

    fn info(&self) -> &'static TypeInfo {
        &NOTE_REF
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        reader
            .parse::<Written>(at, node)
            .map(|note| Value::NoteRef(note.reference.0, note.date.0))
    }

    /// An earlier note is not dated after this one.
    fn check(&self, field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        let Value::NoteRef(_, date) = value else {
            return;
        };
        if let Some(day) = checker.note_date
            && *date > day
        {
            checker
                .error(
                    field,
                    &join(place.at, "date"),
                    format!("the note referred to is dated {date}, after this note's date, {day}"),
                )
                .hints
                .push("a note refers to one sent before it, or the same day".into());
        }
    }

    fn localize(&self, value: &Value, _siblings: &Values, lang: Lang, dates: DateStyle) -> Json {
        match value {
            Value::NoteRef(reference, date) => json!({
                "reference": reference,
                "date": locale::date_in(*date, lang, dates),
            }),
            _ => Json::Null,
        }
    }
}
