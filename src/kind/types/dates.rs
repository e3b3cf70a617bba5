//! `dates`: a range of days, written `{ start: …, end: … }` or made of two
//! date fields of the same record.

use serde_json::json;
use std::any::Any;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{
    self, Checker, Field, FieldType, Options, Place, Reader, Reference, Scope, TypeInfo, join,
};
use crate::kind::value::{Value, Values};
use crate::locale::{self, DateStyle, Lang};
use crate::schema;
use crate::values::Date as Written;

/// `dates`.
pub static DATES: TypeInfo = TypeInfo {
    name: "dates",
    written: "`{ start: 2022-08-30, end: 2022-09-02 }`, or nothing with `start` and `end`",
    gives: "the range in words: `du 4 au 6 septembre 2017`, `from 4 to 6 September 2017`",
    options: &["start", "end"],
    build,
};

fn build(options: &mut Options) -> field::Type {
    let of = match (options.get("start"), options.get("end")) {
        (Some(start), Some(end)) => Some((start, end)),
        (None, None) => None,
        _ => {
            options.missing(
                "dates",
                "start` and `end",
                "name both date fields the range is made of, or neither to write it as `{ start: …, end: … }`",
            );
            None
        }
    };
    field::new(Dates { of })
}

/// A range of days.
#[derive(Debug)]
struct Dates {
    /// The two date fields of the record it is made of, if it is not
    /// written.
    of: Option<(String, String)>,
}

/// A range written in the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Range {
    start: Written,
    end: Written,
}

impl FieldType for Dates {
    fn json_schema(&self) -> Json {
        json!({
            "type": "object",
            "properties": { "start": schema::date(), "end": schema::date() },
            "required": ["start", "end"],
            "additionalProperties": false,
        })
    }

    fn info(&self) -> &'static TypeInfo {
        &DATES
    }

    fn options(&self) -> Vec<String> {
        self.of
            .iter()
            .map(|(start, end)| format!("of {start} and {end}"))
            .collect()
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        reader
            .parse::<Range>(at, node)
            .map(|r| Value::Dates(r.start.0, r.end.0))
    }

    fn made_of(&self) -> Option<(&str, &str)> {
        self.of.as_ref().map(|(s, e)| (s.as_str(), e.as_str()))
    }

    fn make(&self, record: &Values) -> Value {
        let Some((start, end)) = self.made_of() else {
            return Value::Absent;
        };
        match (record.get(start), record.get(end)) {
            (Some(Value::Date(start)), Some(Value::Date(end))) => Value::Dates(*start, *end),
            _ => Value::Absent,
        }
    }

    fn check(&self, field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        // A range made of two optional dates needs both, or neither.
        if let (Value::Absent, Some((first, last))) = (value, &self.of) {
            // A date written but wrong is said at its place, and counts as given.
            let given = |name: &str| {
                let at = join(place.parent, name);
                checker.moments.dates.contains_key(&at) || checker.file.locate(&at).is_some()
            };
            let missing = match (given(first), given(last)) {
                (true, false) => Some((first, last)),
                (false, true) => Some((last, first)),
                _ => None,
            };
            // A required date that is missing or wrong is said at its place.
            let optional =
                |name: &str| place.siblings.iter().any(|f| f.name == name && !f.required);
            if let Some((given, missing)) = missing.filter(|(_, missing)| optional(missing)) {
                let at = join(place.parent, given);
                checker.error(
                    field,
                    &at,
                    format!("`{given}` is given without `{missing}`: the range needs both"),
                );
            }
            return;
        }
        let Value::Dates(start, end) = *value else {
            return;
        };
        if end >= start {
            return;
        }
        let at = match &self.of {
            // The end's own bound already says so.
            Some((first, last)) if ends_after(place.siblings, last, first) => return,
            Some((_, last)) => join(place.parent, last),
            None => join(place.at, "end"),
        };
        checker.error(field, &at, ended_before(start, end));
    }

    fn localize(&self, value: &Value, _siblings: &Values, lang: Lang, dates: DateStyle) -> Json {
        match value {
            Value::Dates(start, end) => locale::date_range_in(*start, *end, lang, dates).into(),
            _ => Json::Null,
        }
    }

    fn references(&self, scope: &Scope) -> Vec<Reference> {
        let Some((start, end)) = &self.of else {
            return Vec::new();
        };
        [("start", start), ("end", end)]
            .into_iter()
            .filter(|(_, name)| {
                !scope
                    .sibling(name)
                    .is_some_and(|f| f.is(&super::date::DATE))
            })
            .map(|(option, name)| Reference {
                option,
                target: name.clone(),
                what: "a date field beside it",
            })
            .collect()
    }
}

fn ended_before(start: NaiveDate, end: NaiveDate) -> String {
    format!("the range ends on {end}, before it starts, on {start}")
}

/// Whether the date field `last` among `fields` is already kept from
/// coming before `first`.
fn ends_after(fields: &[Field], last: &str, first: &str) -> bool {
    fields.iter().any(|f| {
        let ty: &dyn Any = &*f.ty;
        f.name == last
            && ty
                .downcast_ref::<super::date::Date>()
                .is_some_and(|date| date.follows(first))
    })
}
