//! `boolean`: yes or no.

use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{self, FieldType, Reader, TypeInfo};
use crate::kind::value::{Value, Values};
use crate::locale::{DateStyle, Lang};

/// `boolean`.
pub static BOOLEAN: TypeInfo = TypeInfo {
    name: "boolean",
    written: "`true` or `false`",
    gives: "`true` or `false`",
    options: &[],
    build: |_| field::new(Boolean),
};

#[derive(Debug)]
struct Boolean;

impl FieldType for Boolean {
    fn json_schema(&self) -> Json {
        json!({ "type": "boolean" })
    }

    fn info(&self) -> &'static TypeInfo {
        &BOOLEAN
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        reader.parse(at, node).map(Value::Boolean)
    }

    fn localize(&self, value: &Value, _siblings: &Values, _lang: Lang, _dates: DateStyle) -> Json {
        match value {
            Value::Boolean(yes) => (*yes).into(),
            _ => Json::Null,
        }
    }
}
