//! A kind's fields read from a meeting file: each field's type reads its
//! value and checks it ([`super::types`]); dates and times are checked
//! against each other and against the note's date. Every mistake is located
//! at its field.

use std::path::Path;

use chrono::NaiveDate;
use serde_yaml::{Mapping, Value as Yaml};

use super::field::{Checker, Field, Moments, Reader};
use super::value::Values;
use crate::error::{Diagnostic, Severity};
use crate::yaml::YamlFile;

/// Reads the fields of a kind from the top mapping of a meeting file; the
/// note's date, when it is one, bounds deadlines. Unknown keys at the top
/// are not looked at: they may be the frame's.
pub fn read(
    fields: &[Field],
    top: &Mapping,
    file: &YamlFile,
    note_date: Option<NaiveDate>,
) -> (Values, Vec<Diagnostic>) {
    let mut reader = Reader {
        file,
        problems: Vec::new(),
    };
    let values = reader.record(fields, top, "", false);
    let mut moments = Moments::default();
    moments.collect(&values, "");
    let mut checker = Checker {
        file,
        problems: reader.problems,
        moments,
        note_date,
        root: &values,
    };
    checker.check(fields, &values, "");
    let problems = checker.problems;
    (values, problems)
}

/// Whether `example` is a value that `field` takes: what is wrong with it,
/// if anything.
pub(super) fn example(field: &Field, example: &Yaml) -> Result<(), Vec<String>> {
    let mut top = Mapping::new();
    top.insert(Yaml::String(field.name.clone()), example.clone());
    // Only the messages are kept: the example is read from its value, with
    // no text to place them in.
    let file = YamlFile::from_text(Path::new("example"), String::new());
    let (_, problems) = read(std::slice::from_ref(field), &top, &file, None);
    let errors: Vec<String> = problems
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| match d.field {
            Some(inner) if inner != field.name => format!("{} (field `{inner}`)", d.message),
            _ => d.message,
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
