//! `time`: a time of day, written `15:30`, printed as notes write it, maybe
//! bounded by other times of the same record.

use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{
    self, Checker, Field, FieldType, Order, Place, Reader, Reference, Scope, TypeInfo, join,
};
use crate::kind::value::{Value, Values};
use crate::locale::{self, DateStyle, Lang};
use crate::values::Time as Written;

/// `time`.
pub static TIME: TypeInfo = TypeInfo {
    name: "time",
    written: "`\"15:30\"`, on the 24-hour clock",
    gives: "the time as notes write it: `10 heures`, `15 h 30`, `midi`; `10 a.m.`, `3.30 p.m.`, `noon`",
    options: &["before", "after", "not_before", "not_after"],
    build: |options| {
        field::new(Time {
            bounds: Order::read_all(options),
        })
    },
};

/// A time of day.
#[derive(Debug)]
struct Time {
    /// How it stands to other times of the same record.
    bounds: Vec<(Order, String)>,
}

impl FieldType for Time {
    fn json_schema(&self) -> Json {
        json!({ "type": "string", "pattern": "^[0-9]{1,2}:[0-9]{2}$" })
    }

    fn info(&self) -> &'static TypeInfo {
        &TIME
    }

    fn options(&self) -> Vec<String> {
        Order::describe(&self.bounds)
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        reader
            .parse::<Written>(at, node)
            .map(|time| Value::Time(time.0))
    }

    fn check(&self, field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        let Value::Time(time) = *value else { return };
        for (order, target) in &self.bounds {
            let path = join(place.parent, target);
            let Some(other) = checker.moments.times.get(&path).copied() else {
                continue;
            };
            if !order.holds(time, other) {
                let (time, other) = (time.format("%H:%M"), other.format("%H:%M"));
                let relation = order.broken();
                checker.error(
                    field,
                    place.at,
                    format!("this time, {time}, is {relation} `{path}`, {other}"),
                );
            }
        }
    }

    fn localize(&self, value: &Value, _siblings: &Values, lang: Lang, _dates: DateStyle) -> Json {
        match value {
            Value::Time(time) => locale::time(*time, lang).into(),
            _ => Json::Null,
        }
    }

    fn references(&self, scope: &Scope) -> Vec<Reference> {
        self.bounds
            .iter()
            .filter(|(_, target)| !scope.sibling(target).is_some_and(|f| f.is(&TIME)))
            .map(|(order, target)| Reference {
                option: order.name(),
                target: target.clone(),
                what: "a time field beside it",
            })
            .collect()
    }
}
