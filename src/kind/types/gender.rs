//! `gender`: a French noun's gender, `masculine` or `feminine`, that an
//! ordinal beside it agrees with.

use serde::Deserialize;
use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{self, FieldType, Reader, TypeInfo};
use crate::kind::value::{Value, Values};
use crate::locale::{self, DateStyle, Gender as Noun, Lang};
use crate::schema;

/// `gender`.
pub static GENDER: TypeInfo = TypeInfo {
    name: "gender",
    written: "`masculine` or `feminine`",
    gives: "`masculine` or `feminine`",
    options: &[],
    build: |_| field::new(Gender),
};

#[derive(Debug)]
struct Gender;

/// A noun's gender, as a field of type `gender` reads it.
struct Written(Noun);

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        locale::noun_gender(deserializer).map(Written)
    }
}

impl FieldType for Gender {
    fn json_schema(&self) -> Json {
        schema::one_of(&["masculine", "feminine"])
    }

    fn info(&self) -> &'static TypeInfo {
        &GENDER
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        reader
            .parse::<Written>(at, node)
            .map(|g| Value::Gender(g.0))
    }

    fn localize(&self, value: &Value, _siblings: &Values, _lang: Lang, _dates: DateStyle) -> Json {
        match value {
            Value::Gender(gender) => gender.noun().into(),
            _ => Json::Null,
        }
    }
}
