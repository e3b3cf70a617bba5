//! `symbol`: a resolution's or a United Nations document's symbol, printed
//! as written.

use serde::Deserialize;
use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::kind::field::{self, Checker, Field, FieldType, Options, Place, Reader, TypeInfo};
use crate::kind::value::{Value, Values};
use crate::locale::{DateStyle, Lang};
use crate::values::{Text, is_document_symbol, is_resolution_symbol};

/// `symbol`.
pub static SYMBOL: TypeInfo = TypeInfo {
    name: "symbol",
    written: "`\"70/54\"`, `A/RES/70/54`, `CCM/MSP/2017/1`",
    gives: "the symbol as written",
    options: &["of"],
    build,
};

fn build(options: &mut Options) -> field::Type {
    field::new(options.get::<Symbol>("of").unwrap_or(Symbol::Resolution))
}

/// What a symbol is the symbol of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Symbol {
    /// A General Assembly or Security Council resolution: `70/54`,
    /// `A/RES/70/54`, `S/RES/2334 (2016)`.
    Resolution,
    /// A United Nations document: `A/72/123`, `CCM/MSP/2017/1`.
    Document,
}

impl FieldType for Symbol {
    fn json_schema(&self) -> Json {
        json!({ "type": "string" })
    }

    fn info(&self) -> &'static TypeInfo {
        &SYMBOL
    }

    fn options(&self) -> Vec<String> {
        vec![match self {
            Symbol::Resolution => "resolution".into(),
            Symbol::Document => "document".into(),
        }]
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        reader.parse::<Text>(at, node).map(|t| Value::Word(t.0))
    }

    fn check(&self, field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        let Value::Word(text) = value else { return };
        let (what, example) = match self {
            Symbol::Resolution if !is_resolution_symbol(text) => (
                "resolution",
                "write the session and number, as `70/54`, or the full symbol, as `A/RES/70/54`",
            ),
            Symbol::Document if !is_document_symbol(text) => (
                "document",
                "write it as the document bears it, as `A/72/123` or `CCM/MSP/2017/1`",
            ),
            _ => return,
        };
        checker
            .error(field, place.at, format!("`{text}` is not a {what} symbol"))
            .hints
            .push(example.into());
    }

    fn localize(&self, value: &Value, _siblings: &Values, _lang: Lang, _dates: DateStyle) -> Json {
        match value {
            Value::Word(word) => word.clone().into(),
            _ => Json::Null,
        }
    }
}
