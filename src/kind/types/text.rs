//! Texts in every language of the note: `text`, `texts`, `paragraphs`, and
//! `quotation`, an official text quoted as it is.

use serde_json::Value as Json;
use serde_json::json;
use serde_yaml::Value as Yaml;

use crate::error::Severity;
use crate::kind::field::{self, Checker, Field, FieldType, Place, Reader, TypeInfo, join};
use crate::kind::value::{Value, Values};
use crate::locale::{DateStyle, Lang};
use crate::schema;
use crate::values::Translated;

/// `text`: one text.
pub static TEXT: TypeInfo = TypeInfo {
    name: "text",
    written: "`{ fr: …, en: … }`",
    gives: "the text in the note's language",
    options: &[],
    build: |_| field::new(Texts { kind: Kind::Text }),
};

/// `texts`: a list of texts.
pub static TEXTS: TypeInfo = TypeInfo {
    name: "texts",
    written: "a list of texts",
    gives: "a list of texts in the note's language",
    options: &[],
    build: |_| field::new(Texts { kind: Kind::Texts }),
};

/// `paragraphs`: paragraphs, printed one after another.
pub static PARAGRAPHS: TypeInfo = TypeInfo {
    name: "paragraphs",
    written: "a list of texts",
    gives: "a list of paragraphs in the note's language",
    options: &[],
    build: |_| {
        field::new(Texts {
            kind: Kind::Paragraphs,
        })
    },
};

/// `quotation`: an official text quoted as it is.
pub static QUOTATION: TypeInfo = TypeInfo {
    name: "quotation",
    written: "`{ fr: …, en: … }`, an official text as adopted",
    gives: "the quoted text in the note's language",
    options: &[],
    build: |_| {
        field::new(Texts {
            kind: Kind::Quotation,
        })
    },
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Texts,
    Paragraphs,
    Quotation,
}

/// A text or a list of texts, in every language.
#[derive(Debug)]
struct Texts {
    kind: Kind,
}

impl FieldType for Texts {
    fn json_schema(&self) -> Json {
        match self.kind {
            Kind::Text | Kind::Quotation => schema::translated(),
            Kind::Texts | Kind::Paragraphs => {
                json!({ "type": "array", "items": schema::translated() })
            }
        }
    }

    fn info(&self) -> &'static TypeInfo {
        match self.kind {
            Kind::Text => &TEXT,
            Kind::Texts => &TEXTS,
            Kind::Paragraphs => &PARAGRAPHS,
            Kind::Quotation => &QUOTATION,
        }
    }

    fn read(&self, node: &Yaml, at: &str, reader: &mut Reader) -> Option<Value> {
        match self.kind {
            Kind::Text | Kind::Quotation => reader.parse(at, node).map(Value::Text),
            Kind::Texts | Kind::Paragraphs => reader.parse(at, node).map(Value::Texts),
        }
    }

    fn check(&self, _field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        if let (Kind::Quotation, Value::Text(text)) = (self.kind, value) {
            quotation(place.at, text, checker);
        }
    }

    fn localize(&self, value: &Value, _siblings: &Values, lang: Lang, _dates: DateStyle) -> Json {
        match value {
            Value::Text(text) => text.get(lang).into(),
            Value::Texts(list) => list.iter().map(|t| t.get(lang)).collect(),
            _ => Json::Null,
        }
    }

    fn is_list(&self) -> bool {
        matches!(self.kind, Kind::Texts | Kind::Paragraphs)
    }
}

/// A quotation given with its own quotation marks would print them twice.
fn quotation(at: &str, text: &Translated, checker: &mut Checker) {
    const MARKS: &[char] = &['«', '»', '“', '”', '"', '„'];
    for lang in Lang::ALL {
        let text = text.get(lang);
        if text.starts_with(MARKS) || text.ends_with(MARKS) {
            let mut warning = checker
                .file
                .error(
                    &join(at, lang.code()),
                    "the quotation is given with quotation marks, which the note prints too",
                )
                .hint("give the text alone: the template sets the marks of the language")
                .code("quotation-marks");
            warning.severity = Severity::Warning;
            checker.problems.push(warning);
        }
    }
}
