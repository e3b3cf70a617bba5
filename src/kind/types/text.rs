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
    options: &["resolution"],
    build: |options| {
        field::new(Texts {
            kind: Kind::Text,
            resolution: resolution(options),
        })
    },
};

/// `texts`: a list of texts.
pub static TEXTS: TypeInfo = TypeInfo {
    name: "texts",
    written: "a list of texts",
    gives: "a list of texts in the note's language",
    options: &[],
    build: |_| {
        field::new(Texts {
            kind: Kind::Texts,
            resolution: None,
        })
    },
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
            resolution: None,
        })
    },
};

/// `quotation`: an official text quoted as it is.
pub static QUOTATION: TypeInfo = TypeInfo {
    name: "quotation",
    written: "`{ fr: …, en: … }`, an official text as adopted",
    gives: "the quoted text in the note's language",
    options: &["resolution"],
    build: |options| {
        field::new(Texts {
            kind: Kind::Quotation,
            resolution: resolution(options),
        })
    },
};

/// What a text says of a resolution, by its option `resolution`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resolution {
    /// `verb`: what the resolution did, from its verb on ("requested the
    /// Secretary-General to …"), which each language reports as its notes
    /// do: UN English in the past tense.
    Verb,
    /// `request`: the words of a paragraph after "requests the
    /// Secretary-General", which the note writes before them.
    Request,
}

/// The option `resolution`, if the schema gives it.
fn resolution(options: &mut field::Options) -> Option<Resolution> {
    match options.get::<String>("resolution")?.as_str() {
        "verb" => Some(Resolution::Verb),
        "request" => Some(Resolution::Request),
        other => {
            options.wrong(
                "resolution",
                format!(
                    "`resolution` is `verb` (what a resolution did, from its verb on) or `request` (the words after “requests the Secretary-General”), not `{other}`"
                ),
            );
            None
        }
    }
}

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
    /// What it says of a resolution, if it says what one did.
    resolution: Option<Resolution>,
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

    fn options(&self) -> Vec<String> {
        match self.resolution {
            Some(Resolution::Verb) => vec!["resolution verb".to_owned()],
            Some(Resolution::Request) => vec!["resolution request".to_owned()],
            None => Vec::new(),
        }
    }

    fn check(&self, _field: &Field, value: &Value, place: &Place, checker: &mut Checker) {
        let Value::Text(text) = value else {
            return;
        };
        if self.kind == Kind::Quotation {
            quotation(place.at, text, checker);
        }
        match self.resolution {
            Some(Resolution::Verb) => reported(place.at, text, checker),
            Some(Resolution::Request) => request(place.at, text, checker),
            None => {}
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

/// What a resolution did, in each language as its notes report it: a verb
/// in the present where UN English writes the past ("requests" where
/// "requested" is due) is a warning.
fn reported(at: &str, text: &Translated, checker: &mut Checker) {
    for lang in Lang::ALL {
        let written = text.get(lang);
        let verb = written.split_whitespace().next().unwrap_or_default();
        let Some(due) = lang.rules().reported(verb) else {
            continue;
        };
        let mut warning = checker
            .file
            .error(
                &join(at, lang.code()),
                format!(
                    "the {} says what the resolution did in the present, “{verb}”, where its notes write “{due}”",
                    lang.rules().name()
                ),
            )
            .hint(format!(
                "write “{due} …”; if the present is meant, acknowledge it: `# allow(resolution-tense): why`"
            ))
            .code("resolution-tense");
        warning.severity = Severity::Warning;
        checker.problems.push(warning);
    }
}

/// The words after "requests the Secretary-General": a text that opens
/// with the verb and the Secretary-General would print them twice.
fn request(at: &str, text: &Translated, checker: &mut Checker) {
    for lang in Lang::ALL {
        let written = text.get(lang);
        let addressee = lang.rules().secretary_general();
        let opening: String = written
            .split_whitespace()
            .take(5)
            .collect::<Vec<_>>()
            .join(" ");
        let Some(end) = opening.find(addressee).map(|at| at + addressee.len()) else {
            continue;
        };
        checker.problems.push(
            checker
                .file
                .error(
                    &join(at, lang.code()),
                    format!(
                        "the request opens with “{}”, which the note writes before it",
                        &opening[..end]
                    ),
                )
                .hint("give the paragraph's words after it, from “to …” (« de … » in French)"),
        );
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
