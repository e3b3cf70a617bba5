//! `name`: a person's name, written once and printed as given in every
//! language.

use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{self, FieldType, Reader, TypeInfo};
use crate::kind::value::{Value, Values};
use crate::locale::{DateStyle, Lang};
use crate::values::Text;

/// `name`.
pub static NAME: TypeInfo = TypeInfo {
    name: "name",
    written: "`Jean-Marc Dupont`, once for every language",
    gives: "the name as written",
    options: &[],
    build: |_| field::new(Name),
};

/// A person's name.
#[derive(Debug)]
struct Name;

impl FieldType for Name {
    fn json_schema(&self) -> Json {
        json!({ "type": "string", "minLength": 1 })
    }

    fn info(&self) -> &'static TypeInfo {
        &NAME
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        let name = reader.parse::<Text>(at, node)?.0;
        if name.trim().is_empty() {
            return reader.wrong_shape(at, node, "a name");
        }
        Some(Value::Word(name))
    }

    fn localize(&self, value: &Value, _siblings: &Values, _lang: Lang, _dates: DateStyle) -> Json {
        match value {
            Value::Word(name) => name.clone().into(),
            _ => Json::Null,
        }
    }
}
