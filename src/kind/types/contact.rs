//! `email`, `url` and `phone`: the ways to reach an office, each checked
//! for its form.

use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{self, Checker, Field, FieldType, Place, Reader, TypeInfo};
use crate::kind::value::{Value, Values};
use crate::locale::{self, DateStyle, Lang};
use crate::values::{Text, is_email, is_phone, is_web_address};

/// `email`.
pub static EMAIL: TypeInfo = TypeInfo {
    name: "email",
    written: "`ccm@unog.ch`",
    gives: "the address as written",
    options: &[],
    build: |_| field::new(Contact::Email),
};

/// `url`.
pub static URL: TypeInfo = TypeInfo {
    name: "url",
    written: "`www.unog.ch/ccm`",
    gives: "the address as written (`| href` gives the link)",
    options: &[],
    build: |_| field::new(Contact::Url),
};

/// `phone`.
pub static PHONE: TypeInfo = TypeInfo {
    name: "phone",
    written: "`+41 22 917 1234`",
    gives: "the number in the language's form, never broken across lines: `(+41) 22 917 1234`, `+41 22 917 1234`",
    options: &[],
    build: |_| field::new(Contact::Phone),
};

/// An e-mail address, a web address or a telephone number.
#[derive(Debug, Clone, Copy)]
pub(super) enum Contact {
    Email,
    Url,
    Phone,
}

impl Contact {
    /// Notes a mistake if `text` is not of this form.
    pub(super) fn check_form(self, field: &Field, at: &str, text: &str, checker: &mut Checker) {
        let (fits, what, hint) = match self {
            Contact::Email => (
                is_email(text),
                "an e-mail address",
                "write it as `ccm@unog.ch`, with no `mailto:` and no spaces",
            ),
            Contact::Url => (
                is_web_address(text),
                "a web address",
                "write it as `www.unog.ch/ccm` or `https://www.unog.ch/ccm`",
            ),
            Contact::Phone => (
                is_phone(text),
                "a telephone number in international form",
                "write it with the country code, the groups of digits after single spaces, between quotes: `\"+41 22 917 1234\"`",
            ),
        };
        if !fits {
            checker
                .error(field, at, format!("`{text}` is not {what}"))
                .hints
                .push(hint.into());
        }
    }
}

impl FieldType for Contact {
    fn json_schema(&self) -> Json {
        json!({ "type": "string" })
    }

    fn info(&self) -> &'static TypeInfo {
        match self {
            Contact::Email => &EMAIL,
            Contact::Url => &URL,
            Contact::Phone => &PHONE,
        }
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        reader.parse::<Text>(at, node).map(|t| Value::Word(t.0))
    }

    fn check(&self, field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        if let Value::Word(text) = value {
            self.check_form(field, place.at, text, checker);
        }
    }

    fn localize(&self, value: &Value, _siblings: &Values, lang: Lang, _dates: DateStyle) -> Json {
        match (self, value) {
            (Contact::Phone, Value::Word(number)) => locale::phone(number, lang).into(),
            (_, Value::Word(word)) => word.clone().into(),
            _ => Json::Null,
        }
    }
}
