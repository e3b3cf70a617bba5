//! `integer` and `integers`: whole numbers, within bounds.

use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{self, Checker, Field, FieldType, Options, Place, Reader, TypeInfo};
use crate::kind::value::{Value, Values};
use crate::locale::{DateStyle, Lang};

/// `integer`.
pub static INTEGER: TypeInfo = TypeInfo {
    name: "integer",
    written: "`14`",
    gives: "the number",
    options: &["min", "max"],
    build: |options| build(options, false),
};

/// `integers`: paragraphs 4 and 5.
pub static INTEGERS: TypeInfo = TypeInfo {
    name: "integers",
    written: "`[4, 5]`",
    gives: "a list of numbers (join them with `| and`)",
    options: &["min", "max"],
    build: |options| build(options, true),
};

fn build(options: &mut Options, list: bool) -> field::Type {
    let min: Option<i64> = options.get("min");
    let max: Option<i64> = options.get("max");
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        options.wrong("min", format!("`min`, {min}, is above `max`, {max}"));
    }
    field::new(Integer { min, max, list })
}

/// A whole number, or a list of them; the bounds inclusive.
#[derive(Debug)]
struct Integer {
    min: Option<i64>,
    max: Option<i64>,
    list: bool,
}

impl FieldType for Integer {
    fn json_schema(&self) -> Json {
        {
            let mut one = json!({ "type": "integer" });
            if let Some(min) = self.min {
                one["minimum"] = min.into();
            }
            if let Some(max) = self.max {
                one["maximum"] = max.into();
            }
            if self.list {
                json!({ "type": "array", "items": one })
            } else {
                one
            }
        }
    }

    fn info(&self) -> &'static TypeInfo {
        if self.list { &INTEGERS } else { &INTEGER }
    }

    fn options(&self) -> Vec<String> {
        let min = self.min.map(|min| format!("min {min}"));
        let max = self.max.map(|max| format!("max {max}"));
        min.into_iter().chain(max).collect()
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        if self.list {
            reader.parse(at, node).map(Value::Numbers)
        } else {
            reader.parse(at, node).map(Value::Number)
        }
    }

    fn check(&self, field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        let numbers = match value {
            Value::Number(n) => std::slice::from_ref(n),
            Value::Numbers(list) => list.as_slice(),
            _ => return,
        };
        for (i, n) in numbers.iter().enumerate() {
            let at = if self.list {
                format!("{}[{i}]", place.at)
            } else {
                place.at.to_owned()
            };
            if let Some(min) = self.min.filter(|min| n < min) {
                checker.error(
                    field,
                    &at,
                    format!("{n} is below the least this field takes, {min}"),
                );
            } else if let Some(max) = self.max.filter(|max| n > max) {
                checker.error(
                    field,
                    &at,
                    format!("{n} is above the greatest this field takes, {max}"),
                );
            }
        }
    }

    fn localize(&self, value: &Value, _siblings: &Values, _lang: Lang, _dates: DateStyle) -> Json {
        match value {
            Value::Number(n) => (*n).into(),
            Value::Numbers(list) => list.clone().into(),
            _ => Json::Null,
        }
    }

    fn is_list(&self) -> bool {
        self.list
    }
}
