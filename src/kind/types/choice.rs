//! `choice`: one of the names the schema lists.

use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{self, FieldType, Options, Reader, TypeInfo};
use crate::kind::value::{Value, Values};
use crate::locale::{DateStyle, Lang};
use crate::values::Text;

/// `choice`.
pub static CHOICE: TypeInfo = TypeInfo {
    name: "choice",
    written: "one of the names of `values`",
    gives: "the name of the value chosen",
    options: &["values"],
    build,
};

fn build(options: &mut Options) -> field::Type {
    let values: Vec<String> = match options.get::<Vec<String>>("values") {
        Some(values) if !values.is_empty() => values,
        _ => {
            options.missing(
                "choice",
                "values",
                "list the names it may take, as `values: [member, observer]`",
            );
            Vec::new()
        }
    };
    field::new(Choice { values })
}

/// One of named values.
#[derive(Debug)]
struct Choice {
    values: Vec<String>,
}

impl FieldType for Choice {
    fn json_schema(&self) -> Json {
        json!({ "type": "string", "enum": self.values })
    }

    fn info(&self) -> &'static TypeInfo {
        &CHOICE
    }

    fn options(&self) -> Vec<String> {
        vec![self.values.join(" | ")]
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        let written = reader.parse::<Text>(at, node)?.0;
        if self.values.contains(&written) {
            return Some(Value::Word(written));
        }
        let names: Vec<&str> = self.values.iter().map(String::as_str).collect();
        let mistake = reader.file.unknown_variant(at, &written, &names);
        reader.problems.push(mistake);
        None
    }

    fn localize(&self, value: &Value, _siblings: &Values, _lang: Lang, _dates: DateStyle) -> Json {
        match value {
            Value::Word(word) => word.clone().into(),
            _ => Json::Null,
        }
    }
}
