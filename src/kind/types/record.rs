//! `record` and `records`: fields of their own, once or as a list. A record
//! may have to change something of another (`changes: meeting`); a list of
//! records may have to mark exactly one item so (`exactly_one: { role: head }`).

use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{
    self, Checker, Field, FieldType, Options, Place, Reader, Reference, Scope, TypeInfo, localize,
};
use crate::kind::value::{Value, Values};
use crate::locale::{DateStyle, Lang};
use crate::schema;

/// `record`.
pub static RECORD: TypeInfo = TypeInfo {
    name: "record",
    written: "a mapping of its fields",
    gives: "its fields, by name",
    options: &["fields", "changes"],
    build: |options| build(options, false),
};

/// `records`.
pub static RECORDS: TypeInfo = TypeInfo {
    name: "records",
    written: "a list of mappings of its fields",
    gives: "a list of records",
    options: &["fields", "exactly_one"],
    build: |options| build(options, true),
};

fn build(options: &mut Options, list: bool) -> field::Type {
    let name = if list { "records" } else { "record" };
    let changes = options.get::<String>("changes");
    let exactly_one = options
        .get::<serde_yaml::Mapping>("exactly_one")
        .and_then(|mark| match mark.iter().next() {
            Some((Yaml::String(field), value)) if mark.len() == 1 => {
                Some((field.clone(), value.clone()))
            }
            _ => {
                options.wrong(
                    "exactly_one",
                    "`exactly_one` names one field of the records and the value that marks the item: `exactly_one: { role: head }`".into(),
                );
                None
            }
        });
    field::new(Record {
        fields: options.fields(name),
        list,
        changes,
        exactly_one,
    })
}

/// Fields of their own, once or as a list.
#[derive(Debug)]
struct Record {
    fields: Vec<Field>,
    list: bool,
    /// A record at the top of which this one must change something: its
    /// fields given, compared with the same fields of that record.
    changes: Option<String>,
    /// A field of the records, and the value that exactly one item has.
    exactly_one: Option<(String, Yaml)>,
}

impl Record {
    /// Whether `value`, an item's, is the one that marks it.
    fn marks(mark: &Yaml, value: &Value) -> bool {
        match (mark, value) {
            (Yaml::Bool(mark), Value::Boolean(value)) => mark == value,
            (Yaml::Bool(false), Value::Absent) => true,
            (Yaml::String(mark), Value::Word(value)) => mark == value,
            _ => false,
        }
    }

    /// The record changes something of the one it `changes`.
    fn check_changes(&self, target: &str, values: &Values, place: &Place, checker: &mut Checker) {
        let Some(Value::Record(before)) = checker.root.get(target) else {
            return;
        };
        let compared: Vec<&str> = values
            .0
            .iter()
            .filter(|(_, value)| *value != Value::Absent)
            .filter(|(name, _)| before.get(name).is_some())
            .map(|(name, _)| name.as_str())
            .collect();
        let changed = compared
            .iter()
            .any(|name| values.get(name) != before.get(name));
        if changed {
            return;
        }
        let names: Vec<String> = compared.iter().map(|n| format!("`{n}`")).collect();
        let message = if names.is_empty() {
            format!("the change gives nothing new of `{target}`")
        } else {
            format!(
                "the change changes nothing: its {} {} those of `{target}`",
                names.join(", "),
                if names.len() == 1 { "is" } else { "are" }
            )
        };
        let hint = format!(
            "give what is new: {}",
            self.fields
                .iter()
                .filter(|f| f.is_written() && before.get(&f.name).is_some())
                .map(|f| format!("`{}`", f.name))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let diagnostic = checker.file.error(place.at, message).hint(hint);
        checker.problems.push(diagnostic);
    }

    /// Exactly one item of the list has `field` set to `mark`.
    fn check_one(
        &self,
        field: &str,
        mark: &Yaml,
        list: &[Values],
        place: &Place,
        checker: &mut Checker,
    ) {
        let marked: Vec<usize> = list
            .iter()
            .enumerate()
            .filter(|(_, item)| item.get(field).is_some_and(|v| Self::marks(mark, v)))
            .map(|(i, _)| i)
            .collect();
        let written = serde_yaml::to_string(mark).unwrap_or_default();
        let written = written.trim();
        match marked.as_slice() {
            [_] => {}
            [] if list.is_empty() => {}
            [] => {
                let diagnostic = checker
                    .file
                    .error(
                        place.at,
                        format!("no item has `{field}: {written}`: the list has one"),
                    )
                    .hint(format!("mark the one item so: `{field}: {written}`"));
                checker.problems.push(diagnostic);
            }
            [first, rest @ ..] => {
                for i in rest {
                    let diagnostic = checker
                        .file
                        .error(
                            &format!("{}[{i}].{field}", place.at),
                            format!("a second item has `{field}: {written}`, after item {}: the list has one", first + 1),
                        )
                        .hint(format!("only one item has `{field}: {written}`"));
                    checker.problems.push(diagnostic);
                }
            }
        }
    }
}

impl FieldType for Record {
    fn json_schema(&self) -> Json {
        {
            let (properties, required) = schema::fields(&self.fields);
            let one = json!({
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": false,
            });
            if self.list {
                json!({ "type": "array", "items": one })
            } else {
                one
            }
        }
    }

    fn info(&self) -> &'static TypeInfo {
        if self.list { &RECORDS } else { &RECORD }
    }

    fn options(&self) -> Vec<String> {
        let mut options = Vec::new();
        if let Some(target) = &self.changes {
            options.push(format!("changes {target}"));
        }
        if let Some((field, mark)) = &self.exactly_one {
            let mark = serde_yaml::to_string(mark).unwrap_or_default();
            options.push(format!("exactly_one {field}: {}", mark.trim()));
        }
        options
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        match (self.list, node) {
            (false, Yaml::Mapping(mapping)) => Some(Value::Record(reader.record(
                &self.fields,
                mapping,
                at,
                true,
            ))),
            (false, _) => reader.wrong_shape(at, node, "a mapping of fields"),
            (true, Yaml::Sequence(items)) => Some(Value::Records(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| {
                        let at = format!("{at}[{i}]");
                        // An item that is no mapping is said, and kept empty
                        // so that the others keep their places.
                        match item {
                            Yaml::Mapping(mapping) => {
                                Some(reader.record(&self.fields, mapping, &at, true))
                            }
                            _ => reader
                                .wrong_shape::<Values>(&at, item, "a mapping of fields")
                                .or(Some(Values::default())),
                        }
                    })
                    .collect(),
            )),
            (true, _) => reader.wrong_shape(at, node, "a list of records, `- …` each"),
        }
    }

    fn check(&self, _field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        match value {
            Value::Record(values) => {
                checker.check(&self.fields, values, place.at);
                if let Some(target) = &self.changes {
                    self.check_changes(target, values, place, checker);
                }
            }
            Value::Records(list) => {
                for (i, values) in list.iter().enumerate() {
                    checker.check(&self.fields, values, &format!("{}[{i}]", place.at));
                }
                if let Some((field, mark)) = &self.exactly_one {
                    self.check_one(field, mark, list, place, checker);
                }
            }
            _ => {}
        }
    }

    fn localize(&self, value: &Value, _siblings: &Values, lang: Lang, dates: DateStyle) -> Json {
        match value {
            Value::Record(values) => localize(&self.fields, values, lang, dates).into(),
            Value::Records(list) => list
                .iter()
                .map(|values| Json::Object(localize(&self.fields, values, lang, dates)))
                .collect(),
            _ => Json::Null,
        }
    }

    fn references(&self, scope: &Scope) -> Vec<Reference> {
        let mut wrong = Vec::new();
        if let Some(target) = &self.changes
            && (target.contains('.') || !scope.find(target).is_some_and(|f| f.is(&RECORD)))
        {
            wrong.push(Reference {
                option: "changes",
                target: target.clone(),
                what: "another record, at the top of the kind",
            });
        }
        if let Some((field, mark)) = &self.exactly_one {
            // A value that the field takes, as its type reads it.
            let marks = self
                .fields
                .iter()
                .find(|f| &f.name == field)
                .is_some_and(|f| {
                    (f.is(&super::boolean::BOOLEAN) || f.is(&super::choice::CHOICE))
                        && crate::kind::read::example(f, mark).is_ok()
                });
            if !marks {
                wrong.push(Reference {
                    option: "exactly_one",
                    target: field.clone(),
                    what: "a `choice` field of the records with that value among its `values`, or a `boolean` one",
                });
            }
        }
        wrong
    }

    fn fields(&self) -> Option<&[Field]> {
        Some(&self.fields)
    }

    fn is_list(&self) -> bool {
        self.list
    }
}
