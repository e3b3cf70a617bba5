//! `record` and `records`: fields of their own, once or as a list.

use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{
    self, Checker, Field, FieldType, Options, Place, Reader, TypeInfo, localize,
};
use crate::kind::value::{Value, Values};
use crate::locale::{DateStyle, Lang};
use crate::schema;

/// `record`.
pub static RECORD: TypeInfo = TypeInfo {
    name: "record",
    written: "a mapping of its fields",
    gives: "its fields, by name",
    options: &["fields"],
    build: |options| build(options, false),
};

/// `records`.
pub static RECORDS: TypeInfo = TypeInfo {
    name: "records",
    written: "a list of mappings of its fields",
    gives: "a list of records",
    options: &["fields"],
    build: |options| build(options, true),
};

fn build(options: &mut Options, list: bool) -> field::Type {
    let name = if list { "records" } else { "record" };
    field::new(Record {
        fields: options.fields(name),
        list,
    })
}

/// Fields of their own, once or as a list.
#[derive(Debug)]
struct Record {
    fields: Vec<Field>,
    list: bool,
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
                        match item {
                            Yaml::Mapping(mapping) => {
                                Some(reader.record(&self.fields, mapping, &at, true))
                            }
                            _ => reader.wrong_shape(&at, item, "a mapping of fields"),
                        }
                    })
                    .collect(),
            )),
            (true, _) => reader.wrong_shape(at, node, "a list of records, `- …` each"),
        }
    }

    fn check(&self, _field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        match value {
            Value::Record(values) => checker.check(&self.fields, values, place.at),
            Value::Records(list) => {
                for (i, values) in list.iter().enumerate() {
                    checker.check(&self.fields, values, &format!("{}[{i}]", place.at));
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

    fn fields(&self) -> Option<&[Field]> {
        Some(&self.fields)
    }

    fn is_list(&self) -> bool {
        self.list
    }
}
