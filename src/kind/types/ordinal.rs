//! `ordinal`: an ordinal number, 1 to 999, in words, agreeing with a French
//! noun's gender.

use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{
    self, Checker, Field, FieldType, Options, Place, Reader, Reference, Scope, TypeInfo,
};
use crate::kind::value::{Value, Values};
use crate::locale::{self, DateStyle, Gender, Lang};

/// `ordinal`.
pub static ORDINAL: TypeInfo = TypeInfo {
    name: "ordinal",
    written: "`7` (1 to 999)",
    gives: "the ordinal in words, lowercase: `septième`, `seventh`",
    options: &["gender"],
    build,
};

fn build(options: &mut Options) -> field::Type {
    let gender = match options.get::<String>("gender").as_deref() {
        Some("masculine") => GenderOf::Fixed(Gender::Masculine),
        Some("feminine") => GenderOf::Fixed(Gender::Feminine),
        Some(field) => GenderOf::Field(field.to_owned()),
        None => {
            options.missing(
                "ordinal",
                "gender",
                "give the French noun's gender, `masculine` or `feminine`, or the name of a `gender` field beside it",
            );
            GenderOf::Fixed(Gender::Feminine)
        }
    };
    field::new(Ordinal { gender })
}

/// An ordinal number.
#[derive(Debug)]
struct Ordinal {
    gender: GenderOf,
}

/// Where an ordinal takes its gender from.
#[derive(Debug)]
enum GenderOf {
    /// A gender field of the same record.
    Field(String),
    /// Always the same: the noun is written in the template ("session").
    Fixed(Gender),
}

impl FieldType for Ordinal {
    fn json_schema(&self) -> Json {
        json!({ "type": "integer", "minimum": 1, "maximum": 999 })
    }

    fn info(&self) -> &'static TypeInfo {
        &ORDINAL
    }

    fn options(&self) -> Vec<String> {
        vec![match &self.gender {
            GenderOf::Field(name) => format!("gender of {name}"),
            GenderOf::Fixed(gender) => gender.noun().into(),
        }]
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        reader
            .parse::<u32>(at, node)
            .map(|n| Value::Number(n.into()))
    }

    fn check(&self, field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        if let Value::Number(n) = value
            && !(1..=999).contains(n)
        {
            checker.error(
                field,
                place.at,
                format!("{n} is not an ordinal from 1 to 999"),
            );
        }
    }

    fn localize(&self, value: &Value, siblings: &Values, lang: Lang, _dates: DateStyle) -> Json {
        let Value::Number(n) = value else {
            return Json::Null;
        };
        let gender = match &self.gender {
            GenderOf::Fixed(gender) => *gender,
            GenderOf::Field(name) => match siblings.get(name) {
                Some(Value::Gender(gender)) => *gender,
                _ => Gender::Masculine,
            },
        };
        let n = u32::try_from(*n).unwrap_or(0);
        locale::ordinal(n, lang, gender).unwrap_or_default().into()
    }

    fn references(&self, scope: &Scope) -> Vec<Reference> {
        let GenderOf::Field(name) = &self.gender else {
            return Vec::new();
        };
        let fits = scope
            .sibling(name)
            .is_some_and(|f| f.is(&super::gender::GENDER) && f.required);
        if fits {
            return Vec::new();
        }
        vec![Reference {
            option: "gender",
            target: name.clone(),
            what: "a required `gender` field beside it, or `masculine` or `feminine`",
        }]
    }
}
